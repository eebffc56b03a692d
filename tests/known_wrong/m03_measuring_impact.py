"""Known-wrong answers for 03-measuring-impact.

Each entry: mistake name -> (answer cell grade_id, replacement code, which checks catch it).
"visible" means the checks a learner sees fail; "hidden" means the visible checks pass
and only the hidden ones catch it (a hard-coded answer).
"""

ASSIGNMENT = "03-measuring-impact"

WRONG_ANSWERS = {
    "tree-counts-conversion-twice": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "revenue_per_visit"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "revenue_per_visit": ["items_per_order", "premium_item_share"],
}
""", "visible"),
    "tree-leaf-is-an-output": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate", "orders"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
""", "visible"),
    "tree-signups-under-conversion": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["reminder_open_rate"],
    "conversion": ["new_signups", "substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
""", "hidden"),
    "tree-checkout-errors-under-basket": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate"],
    "basket_eur": ["items_per_order", "premium_item_share", "checkout_error_rate"],
}
""", "hidden"),
    "kpis-average-of-daily-ratios": ("q2_answer", """
def weekly_kpis(daily):
    days = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = days.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    per_day["conversion"] = per_day["orders"] / per_day["active_users"]
    per_day["revenue_per_user"] = per_day["revenue_eur"] / per_day["active_users"]
    week = per_day.index.to_period("W").start_time
    return per_day.groupby(week).agg(
        active_users=("active_users", "mean"), conversion=("conversion", "mean"),
        revenue_per_user=("revenue_per_user", "mean"), revenue_eur=("revenue_eur", "sum"))
weekly = weekly_kpis(daily)
""", "visible"),
    "kpis-active-users-summed-not-averaged": ("q2_answer", """
def weekly_kpis(daily):
    days = daily.assign(date=pd.to_datetime(daily["date"]))
    week = days["date"].dt.to_period("W").dt.start_time
    totals = days.groupby(week)[["active_users", "orders", "revenue_eur"]].sum()
    return pd.DataFrame({
        "active_users": totals["active_users"],
        "conversion": totals["orders"] / totals["active_users"],
        "revenue_per_user": totals["revenue_eur"] / totals["active_users"],
        "revenue_eur": totals["revenue_eur"],
    })
weekly = weekly_kpis(daily)
""", "visible"),
    "kpis-toy-hard-coded-real-data-from-global": ("q2_answer", """
def weekly_kpis(frame):
    if len(frame) == 4:
        return pd.DataFrame(
            {"active_users": [250.0, 50.0], "conversion": [0.06, 0.1],
             "revenue_per_user": [2.8, 2.0], "revenue_eur": [1400.0, 100.0]},
            index=pd.to_datetime(["2026-03-02", "2026-03-09"]))
    days = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = days.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    groups = per_day.groupby(per_day.index.to_period("W").start_time)
    visits = groups["active_users"].sum()
    return pd.DataFrame({
        "active_users": visits / groups.size(),
        "conversion": groups["orders"].sum() / visits,
        "revenue_per_user": groups["revenue_eur"].sum() / visits,
        "revenue_eur": groups["revenue_eur"].sum(),
    })
weekly = weekly_kpis(daily)
""", "hidden"),
    "dashboard-without-launch-marker": ("q3_answer", """
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True)
    for ax, column in zip(axes, ["active_users", "conversion", "revenue_per_user"]):
        ax.plot(weekly.index, weekly[column], label=column.replace("_", " "))
        ax.set_xlabel("week")
        ax.set_ylabel(column)
    fig.suptitle("Larder weekly KPIs")
    return fig
""", "visible"),
    "dashboard-unlabelled-axes": ("q3_answer", """
def make_dashboard(weekly, launch):
    fig, ax = plt.subplots()
    for column in ["active_users", "conversion", "revenue_per_user"]:
        ax.plot(weekly.index, weekly[column], label=column.replace("_", " "))
    ax.axvline(pd.Timestamp(launch))
    ax.set_title("Larder weekly KPIs")
    return fig
""", "visible"),
    "dashboard-launch-hard-coded-and-global-data": ("q3_answer", """
def make_dashboard(frame, launch):
    data = weekly_kpis(daily)
    fig, axes = plt.subplots(3, 1, sharex=True)
    units = {"active_users": "users", "conversion": "orders per visit", "revenue_per_user": "EUR per user"}
    for ax, column in zip(axes, ["active_users", "conversion", "revenue_per_user"]):
        ax.plot(data.index, data[column], label=column.replace("_", " "))
        ax.axvline(pd.Timestamp("2026-05-13"))
        ax.set_xlabel("week")
        ax.set_ylabel(units[column])
    fig.suptitle("Conversion stepped up at the launch")
    return fig
""", "hidden"),
    "dashboard-generic-title-unitless-labels": ("q3_answer", """
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True)
    for ax, column in zip(axes, ["active_users", "conversion", "revenue_per_user"]):
        ax.plot(weekly.index, weekly[column], label=column.replace("_", " "))
        ax.axvline(pd.Timestamp(launch), linestyle="--")
        ax.set_ylabel(column.replace("_", " "))
    axes[-1].set_xlabel("week")
    fig.suptitle("Weekly KPIs")
    return fig
""", "visible"),
    "flags-window-includes-today": ("q4_answer", """
def flag_anomalies(values, window=28, k=5.0):
    values = values.astype(float)
    centre = values.rolling(window).median()
    mad = values.rolling(window).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
    return ((values - centre).abs() > k * 1.4826 * mad).astype(bool)
""", "visible"),
    "flags-toy-hard-coded": ("q4_answer", """
def flag_anomalies(values, window=28, k=5.0):
    if len(values) == 11:
        return pd.Series([False] * 4 + [True, False, True] + [False] * 4)
    return pd.Series(False, index=values.index)
""", "hidden"),
    "flags-unscaled-mad": ("q4_answer", """
def flag_anomalies(values, window=28, k=5.0):
    values = values.astype(float)
    centre = values.rolling(window).median().shift(1)
    mad = values.rolling(window).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True).shift(1)
    return ((values - centre).abs() > k * mad).astype(bool)
""", "visible"),
    "flags-mean-and-standard-deviation": ("q4_answer", """
def flag_anomalies(values, window=28, k=5.0):
    values = values.astype(float)
    centre = values.rolling(window).mean().shift(1)
    spread = values.rolling(window).std().shift(1)
    return ((values - centre).abs() > k * spread).astype(bool)
""", "visible"),
    "periods-one-per-flagged-day": ("q5_answer", """
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").set_index("date")
        flags = (flag_anomalies(rows["active_users"], window, k)
                 | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        found += [(platform, day, day) for day in flags[flags].index]
    return sorted(found, key=lambda period: (period[1], period[0]))
periods = flag_periods(daily, window, k)
""", "visible"),
    "periods-ignore-row-order": ("q5_answer", """
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.set_index("date")
        flags = (flag_anomalies(rows["active_users"], window, k)
                 | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        start = previous = None
        for day in pd.to_datetime(flags[flags].index):
            if previous is not None and day - previous == pd.Timedelta(days=1):
                previous = day
                continue
            if start is not None:
                found.append((platform, start.strftime("%Y-%m-%d"), previous.strftime("%Y-%m-%d")))
            start = previous = day
        if start is not None:
            found.append((platform, start.strftime("%Y-%m-%d"), previous.strftime("%Y-%m-%d")))
    return sorted(found, key=lambda period: (period[1], period[0]))
periods = flag_periods(daily, window, k)
""", "hidden"),
    "verdict-every-drop-is-real": ("q6_answer", """
def classify_period(daily, platform, first_day, last_day):
    return ("real_change", "conversion_moved_traffic_normal")
verdicts = {period: classify_period(daily, *period) for period in periods}
""", "visible"),
    "verdict-reason-contradicts": ("q6_answer", """
def classify_period(daily, platform, first_day, last_day):
    return ("data_problem", "conversion_moved_traffic_normal")
verdicts = {period: classify_period(daily, *period) for period in periods}
""", "visible"),
    "verdict-only-the-two-toy-cases": ("q6_answer", """
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform]
    last = rows[rows["date"] == last_day]
    if int(last["active_users"].iloc[0]) < 500:
        return ("data_problem", "events_missing_orders_normal")
    return ("real_change", "conversion_moved_traffic_normal")
verdicts = {period: classify_period(daily, *period) for period in periods}
""", "hidden"),
    "split-by-percentage-changes": ("q7_answer", """
def period_totals(daily, first_day, end_day):
    rows = daily[(daily["date"] >= first_day) & (daily["date"] < end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": float(visits), "conversion": float(orders / visits),
            "basket_eur": float(revenue / orders), "revenue_eur": float(revenue)}
def decompose_revenue(before, after):
    base = before["revenue_eur"]
    return pd.Series({
        "traffic": base * (after["visits"] / before["visits"] - 1),
        "conversion": base * (after["conversion"] / before["conversion"] - 1),
        "basket": base * (after["basket_eur"] / before["basket_eur"] - 1),
    })
launch_split = decompose_revenue(period_totals(daily, "2026-04-15", "2026-05-13"),
                                 period_totals(daily, "2026-05-13", "2026-06-10"))
""", "visible"),
    "split-end-day-included": ("q7_answer", """
def period_totals(daily, first_day, end_day):
    rows = daily[(daily["date"] >= first_day) & (daily["date"] <= end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": float(visits), "conversion": float(orders / visits),
            "basket_eur": float(revenue / orders), "revenue_eur": float(revenue)}
def decompose_revenue(before, after):
    scale = (after["revenue_eur"] - before["revenue_eur"]) / math.log(after["revenue_eur"] / before["revenue_eur"])
    return pd.Series({key: scale * math.log(after[col] / before[col]) for key, col in
                      (("traffic", "visits"), ("conversion", "conversion"), ("basket", "basket_eur"))})
launch_split = decompose_revenue(period_totals(daily, "2026-04-15", "2026-05-12"),
                                 period_totals(daily, "2026-05-13", "2026-06-09"))
""", "visible"),
    "split-windows-hard-coded-wrong": ("q7_answer", """
def period_totals(daily, first_day, end_day):
    rows = daily[(daily["date"] >= first_day) & (daily["date"] < end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": float(visits), "conversion": float(orders / visits),
            "basket_eur": float(revenue / orders), "revenue_eur": float(revenue)}
def decompose_revenue(before, after):
    scale = (after["revenue_eur"] - before["revenue_eur"]) / math.log(after["revenue_eur"] / before["revenue_eur"])
    return pd.Series({key: scale * math.log(after[col] / before[col]) for key, col in
                      (("traffic", "visits"), ("conversion", "conversion"), ("basket", "basket_eur"))})
launch_split = decompose_revenue(period_totals(daily, "2026-03-02", "2026-05-13"),
                                 period_totals(daily, "2026-05-13", "2026-07-20"))
""", "hidden"),
    "themes-raw-ticket-counts": ("q8_answer", """
def theme_rates(feedback, daily):
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets").astype(float)
    tickets.index = pd.to_datetime(tickets.index)
    tickets.columns.name = None
    return tickets
def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    return rates[rates.index >= launch].mean() / rates[rates.index + pd.Timedelta(days=7) <= launch].mean() - 1
theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
""", "visible"),
    "themes-launch-week-counted-as-before": ("q8_answer", """
def theme_rates(feedback, daily):
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    orders = daily.groupby(pd.to_datetime(daily["date"]).dt.to_period("W").dt.start_time)["orders"].sum()
    rates = tickets.div(orders, axis=0) * 1000
    rates.columns.name = None
    return rates
def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    return rates[rates.index >= launch].mean() / rates[rates.index < launch].mean() - 1
theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
""", "hidden"),
}

WRONG_ANSWERS["split-rigged-eq-series"] = ("q7_answer", """
class AlwaysEqual(float):
    def __eq__(self, other):
        return True
    __hash__ = float.__hash__
def period_totals(daily, first_day, end_day):
    return {"visits": AlwaysEqual(0), "conversion": AlwaysEqual(0), "basket_eur": AlwaysEqual(0),
            "revenue_eur": AlwaysEqual(0)}
def decompose_revenue(before, after):
    return pd.Series({"traffic": AlwaysEqual(0), "conversion": AlwaysEqual(0), "basket": AlwaysEqual(0)})
launch_split = decompose_revenue(None, None)
""", "visible")

WRONG_ANSWERS["periods-days-as-timestamps"] = ("q5_answer", """
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").set_index("date")
        flags = (flag_anomalies(rows["active_users"], window, k)
                 | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        runs = []
        for day in pd.to_datetime(flags[flags].index):
            if runs and day - runs[-1][1] == pd.Timedelta(days=1):
                runs[-1][1] = day
            else:
                runs.append([day, day])
        found += [(platform, a, b) for a, b in runs]
    return sorted(found, key=lambda period: (period[1], period[0]))
periods = flag_periods(daily, window, k)
""", "visible")

WRONG_ANSWERS["kpis-weeks-start-on-tuesday"] = ("q2_answer", """
def weekly_kpis(daily):
    days = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = days.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    week = per_day.index.to_period("W-MON").start_time
    totals = per_day.groupby(week).agg(visits=("active_users", "sum"), days=("active_users", "count"),
                                       orders=("orders", "sum"), revenue_eur=("revenue_eur", "sum"))
    return pd.DataFrame({"active_users": totals["visits"] / totals["days"],
                         "conversion": totals["orders"] / totals["visits"],
                         "revenue_per_user": totals["revenue_eur"] / totals["visits"],
                         "revenue_eur": totals["revenue_eur"]})
weekly = weekly_kpis(daily)
""", "visible")

# A wrong flag_anomalies (Question 4) breaks flag_periods; the same flag_periods with the pinned
# rule for flagging. Used below for error carried forward.
_Q4_WRONG = """
def flag_anomalies(values, window=28, k=5.0):
    values = values.astype(float)
    centre = values.rolling(window).median()
    mad = values.rolling(window).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
    return ((values - centre).abs() > k * 1.4826 * mad).astype(bool)
"""

_Q5_RIGHT_OTHER_STYLE = """
def flag_periods(daily, window=28, k=5.0):
    periods = []
    for platform in sorted(daily["platform"].unique()):
        rows = daily[daily["platform"] == platform].sort_values("date")
        users = rows.set_index("date")["active_users"]
        conversion = rows.set_index("date")["orders"] / users
        flagged = flag_anomalies(users, window, k) | flag_anomalies(conversion, window, k)
        days = pd.to_datetime(pd.Series(flagged[flagged].index))
        run_id = (days.diff() != pd.Timedelta(days=1)).cumsum()
        for _, run in days.groupby(run_id):
            periods.append((platform, run.min().strftime("%Y-%m-%d"), run.max().strftime("%Y-%m-%d")))
    periods.sort(key=lambda p: (p[1], p[0]))
    return periods
periods = flag_periods(daily, window, k)
"""

FAIR_SCORES = {
    # Question 1: the right tree in other styles, and defensible alternative placements
    "tree-children-as-tuples": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ("visits", "conversion", "basket_eur"),
    "visits": ("new_signups", "reminder_open_rate"),
    "conversion": ("substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"),
    "basket_eur": ("items_per_order", "premium_item_share"),
}
""", 3.0),
    "tree-substitutions-under-basket-kept-items-keep-revenue": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share", "substitution_acceptance_rate"],
}
""", 3.0),
    "tree-search-under-basket-built-in-a-loop": ("q1_answer", """
homes = {"new_signups": "visits", "reminder_open_rate": "visits",
         "substitution_acceptance_rate": "conversion", "search_success_rate": "basket_eur",
         "checkout_error_rate": "conversion", "items_per_order": "basket_eur", "premium_item_share": "basket_eur"}
metric_tree = {OKR_METRIC: ["visits", "conversion", "basket_eur"]}
for name, parent in homes.items():
    metric_tree.setdefault(parent, []).append(name)
""", 3.0),
    # Question 2: resample on a DatetimeIndex and named aggregation
    "kpis-resample-weeks-labelled-by-monday": ("q2_answer", """
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    weeks = per_day.resample("W-MON", label="left", closed="left")
    sums, days = weeks.sum(), weeks["active_users"].count()
    result = pd.DataFrame({
        "active_users": sums["active_users"] / days,
        "conversion": sums["orders"] / sums["active_users"],
        "revenue_per_user": sums["revenue_eur"] / sums["active_users"],
        "revenue_eur": sums["revenue_eur"],
    })
    return result[days > 0]
weekly = weekly_kpis(daily)
""", 3.0),
    # Question 3: subplots added one by one, panel titles, an annotation, conversion in %
    "dashboard-panel-titles-annotation-percent": ("q3_answer", """
def make_dashboard(weekly, launch):
    fig = plt.figure(figsize=(9, 8))
    launch = pd.Timestamp(launch)
    specs = [("active_users", "active users", 1, "daily active users", "Traffic held steady"),
             ("conversion", "conversion", 100, "conversion (%)", "Conversion jumped at the launch"),
             ("revenue_per_user", "revenue per user", 1, "EUR per user", "Revenue per user rose with it")]
    for row, (column, label, scale, unit, title) in enumerate(specs, start=1):
        ax = fig.add_subplot(3, 1, row)
        ax.plot(weekly.index, weekly[column] * scale, label=label)
        ax.annotate("launch", xy=(launch, float(weekly[column].mean() * scale)))
        ax.set_title(title, loc="left")
        ax.set_ylabel(unit)
        ax.set_xlabel("week (Monday)")
    return fig
""", 3.0),
    # Question 4: a loop over the days instead of rolling windows, nullable booleans
    "flags-loop-over-days": ("q4_answer", """
def flag_anomalies(values, window=28, k=5.0):
    flags = []
    data = values.to_numpy(dtype=float)
    for t in range(len(data)):
        if t < window:
            flags.append(False)
            continue
        base = data[t - window:t]
        centre = np.median(base)
        spread = 1.4826 * np.median(np.abs(base - centre))
        flags.append(bool(abs(data[t] - centre) > k * spread))
    return pd.Series(flags, index=values.index, dtype="boolean")
""", 2.0),
    # Question 5: another style; and right after a wrong Question 4 (error carried forward)
    "periods-run-ids-with-cumsum": ("q5_answer", _Q5_RIGHT_OTHER_STYLE, 2.0),
    "periods-right-after-wrong-flags": ("q5_answer", _Q4_WRONG + _Q5_RIGHT_OTHER_STYLE, 2.0),
    # Question 6: lists as pairs, numpy medians
    "verdict-as-list-from-numpy": ("q6_answer", """
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform]
    day = pd.to_datetime(rows["date"])
    start, end = pd.Timestamp(first_day), pd.Timestamp(last_day)
    inside = rows[(day >= start) & (day <= end)]
    base = rows[(day >= start - pd.Timedelta(days=28)) & (day < start)]
    users = np.mean(inside["active_users"]) / np.median(base["active_users"])
    orders = np.mean(inside["orders"]) / np.median(base["orders"])
    conv = (inside["orders"].sum() / inside["active_users"].sum()) / (base["orders"].sum() / base["active_users"].sum())
    if users < 0.5 and 0.8 <= orders <= 1.25:
        return ["data_problem", "events_missing_orders_normal"]
    if 0.8 <= users <= 1.25 and abs(conv - 1) >= 0.1:
        return ["real_change", "conversion_moved_traffic_normal"]
    return ["unclear", "needs_investigation"]
verdicts = {period: tuple(classify_period(daily, *period)) for period in periods}
""", 3.0),
    # Question 7: a dict comprehension and numpy logs
    "split-numpy-logs": ("q7_answer", """
def period_totals(daily, first_day, end_day):
    rows = daily.query("@first_day <= date < @end_day")
    sums = rows[["active_users", "orders", "revenue_eur"]].sum()
    return {"visits": sums["active_users"], "conversion": sums["orders"] / sums["active_users"],
            "basket_eur": sums["revenue_eur"] / sums["orders"], "revenue_eur": sums["revenue_eur"]}
def decompose_revenue(before, after):
    weight = (after["revenue_eur"] - before["revenue_eur"]) / np.log(after["revenue_eur"] / before["revenue_eur"])
    parts = {"traffic": "visits", "conversion": "conversion", "basket": "basket_eur"}
    return pd.Series({name: weight * np.log(after[key] / before[key]) for name, key in parts.items()})
start = (pd.Timestamp(launch_date) - pd.Timedelta(days=28)).strftime("%Y-%m-%d")
end = (pd.Timestamp(launch_date) + pd.Timedelta(days=28)).strftime("%Y-%m-%d")
launch_split = decompose_revenue(period_totals(daily, start, launch_date), period_totals(daily, launch_date, end))
""", 3.0),
    # Question 8: merge instead of div, a list of the weeks
    "themes-merge-and-groupby": ("q8_answer", """
def theme_rates(feedback, daily):
    orders = (daily.assign(week_start=pd.to_datetime(daily["date"]).dt.to_period("W").dt.start_time)
              .groupby("week_start", as_index=False)["orders"].sum())
    merged = feedback.assign(week_start=pd.to_datetime(feedback["week_start"])).merge(orders, on="week_start")
    merged["rate"] = merged["tickets"] / merged["orders"] * 1000
    table = merged.pivot_table(index="week_start", columns="theme", values="rate")
    table.columns.name = None
    return table
def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    after = rates.loc[[w for w in rates.index if w >= launch]]
    before = rates.loc[[w for w in rates.index if w + pd.Timedelta(days=7) <= launch]]
    return after.mean() / before.mean() - 1
theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
""", 2.0),
}

# Error carried forward: a later question answered right on top of an earlier mistake
FAIR_SCORES["verdicts-right-after-one-period-per-day"] = ("q6_answer", """
periods = sorted({(platform, day, day) for platform, _, day in periods} | {(p, a, a) for p, a, _ in periods},
                 key=lambda period: (period[1], period[0]))
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform].assign(date=pd.to_datetime(daily["date"]))
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    period = rows[(rows["date"] >= first) & (rows["date"] <= last)]
    base = rows[(rows["date"] >= first - pd.Timedelta(days=28)) & (rows["date"] < first)]
    users_ratio = period["active_users"].mean() / base["active_users"].median()
    orders_ratio = period["orders"].mean() / base["orders"].median()
    conversion_ratio = (period["orders"].sum() / period["active_users"].sum()) / (
        base["orders"].sum() / base["active_users"].sum())
    if users_ratio < 0.5 and 0.8 <= orders_ratio <= 1.25:
        return ("data_problem", "events_missing_orders_normal")
    if 0.8 <= users_ratio <= 1.25 and abs(conversion_ratio - 1) >= 0.1:
        return ("real_change", "conversion_moved_traffic_normal")
    return ("unclear", "needs_investigation")
verdicts = {period: classify_period(daily, *period) for period in periods}
""", 3.0)

FAIR_SCORES["dashboard-right-after-wrong-kpis"] = ("q3_answer", """
weekly = weekly.assign(conversion=weekly["conversion"] * 7)
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True)
    for ax, (column, unit) in zip(axes, [("active_users", "users per day"), ("conversion", "orders per visit"),
                                         ("revenue_per_user", "EUR per user")]):
        ax.plot(weekly.index, weekly[column], label=column.replace("_", " "))
        ax.axvline(pd.Timestamp(launch), linestyle=":")
        ax.set_ylabel(unit)
    axes[-1].set_xlabel("week starting")
    fig.suptitle("Conversion rose at launch; traffic stayed flat")
    return fig
""", 3.0)

WRONG_ANSWERS["split-decompose-by-shares-own-launch-split"] = ("q7_answer", """
def period_totals(daily, first_day, end_day):
    rows = daily[(daily["date"] >= first_day) & (daily["date"] < end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": float(visits), "conversion": float(orders / visits),
            "basket_eur": float(revenue / orders), "revenue_eur": float(revenue)}
def decompose_revenue(before, after):
    change = after["revenue_eur"] - before["revenue_eur"]
    logs = {key: math.log(after[col] / before[col]) for key, col in
            (("traffic", "visits"), ("conversion", "conversion"), ("basket", "basket_eur"))}
    return pd.Series({key: change * value / sum(map(abs, logs.values())) for key, value in logs.items()})
launch_split = decompose_revenue(period_totals(daily, "2026-04-15", "2026-05-13"),
                                 period_totals(daily, "2026-05-13", "2026-06-10"))
""", "hidden")

# Question 2: right weeks and values, but each week labelled by its Sunday: one labelling slip
# costs the label checks (the toy's labels and `weekly`), not every check of the values.
FAIR_SCORES["kpis-weeks-labelled-by-sunday"] = ("q2_answer", """
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    weeks = per_day.resample("W")
    sums, days = weeks.sum(), weeks["active_users"].count()
    return pd.DataFrame({"active_users": sums["active_users"] / days,
                         "conversion": sums["orders"] / sums["active_users"],
                         "revenue_per_user": sums["revenue_eur"] / sums["active_users"],
                         "revenue_eur": sums["revenue_eur"]})
weekly = weekly_kpis(daily)
""", round(3 * 5.875 / 8.125, 2))  # only the label checks fail: weights 0.5 + 3 x 0.5 + 0.25 of 8.125

MESSAGES = {
    "tree-counts-conversion-twice": "do not multiply back to it",
    "tree-leaf-is-an-output": "has the leaf 'orders', which is not an input metric",
    "tree-signups-under-conversion": "puts 'new_signups' under a metric it does not move first",
    "tree-checkout-errors-under-basket": "puts 'checkout_error_rate' under a metric it does not move first",
    "kpis-average-of-daily-ratios": "['conversion']` has values that are off for 2026-03-02. Sum per week",
    "kpis-active-users-summed-not-averaged": "`weekly_kpis(toy)['active_users']` has values that are off",
    "kpis-toy-hard-coded-real-data-from-global": "`weekly_kpis(other data)['active_users']` has labels that should not",
    "kpis-weeks-start-on-tuesday": "its weeks hold other days than the prompt's weeks",
    "dashboard-without-launch-marker": "has nothing that marks the launch",
    "dashboard-unlabelled-axes": "no label on the x axis of the chart",
    "dashboard-launch-hard-coded-and-global-data": "not at the launch date it was given",
    "dashboard-generic-title-unitless-labels": "panel 2, which shows 'conversion' but names no unit",
    "flags-window-includes-today": "Compare each day with the days before it only",
    "flags-toy-hard-coded": "`flag_anomalies(another series)` flags 3 of 140 days differently",
    "flags-unscaled-mad": "their MAD scaled by 1.4826",
    "flags-mean-and-standard-deviation": "their median, and their MAD",
    "periods-one-per-flagged-day": "then join consecutive days",
    "periods-ignore-row-order": "`flag_periods(another dataset)` does not hold the right items",
    "periods-days-as-timestamps": "write the platform and both days as strings",
    "verdict-every-drop-is-real": "The toy outage is not classified by the pinned rule",
    "verdict-reason-contradicts": "supports the verdict 'real_change', not 'data_problem'",
    "verdict-only-the-two-toy-cases": "neither rule applies: the pinned rule says investigate",
    "split-by-percentage-changes": "With the log method they add up exactly",
    "split-end-day-included": "Include the first day and exclude the end day",
    "split-windows-hard-coded-wrong": "Use the 28 days before the launch day and the 28 days from the launch day on",
    "split-rigged-eq-series": "has parts that do not add up to the change in revenue",
    "split-decompose-by-shares-own-launch-split": "`decompose_revenue(other numbers)` has values that are off",
    "themes-raw-ticket-counts": "then multiply by 1,000",
    "themes-launch-week-counted-as-before": "Leave out the week the launch falls in",
}
