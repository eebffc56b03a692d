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
    "tree-substitutions-under-basket": ("q1_answer", """
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share", "substitution_acceptance_rate"],
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
    for ax, column in zip(axes, ["active_users", "conversion", "revenue_per_user"]):
        ax.plot(data.index, data[column], label=column.replace("_", " "))
        ax.axvline(pd.Timestamp("2026-05-13"))
        ax.set_xlabel("week")
        ax.set_ylabel(column)
        ax.set_title(column)
    return fig
""", "hidden"),
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
