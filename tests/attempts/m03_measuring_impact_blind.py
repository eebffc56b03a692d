"""Blind attempts at module 03: written from the student notebook only, fair points set from the prompt.

A grader-tester who never saw the model answers or the hidden checks wrote these, as a data
scientist new to product work would, and set the fair points before any grading ran.
"""

ASSIGNMENT = "03-measuring-impact"

_TREE = '''
metric_tree = {
    OKR_METRIC: ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
'''

_Q2 = '''
def weekly_kpis(daily):
    d = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = d.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    monday = per_day.index.to_period("W").start_time
    g = per_day.groupby(monday)
    tot = g.sum()
    out = pd.DataFrame({
        "active_users": tot["active_users"] / g.size(),
        "conversion": tot["orders"] / tot["active_users"],
        "revenue_per_user": tot["revenue_eur"] / tot["active_users"],
        "revenue_eur": tot["revenue_eur"],
    })
    out.index.name = None
    return out


weekly = weekly_kpis(daily)
weekly.head()
'''

_Q3 = '''
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True, figsize=(8, 7))
    x = weekly.index + pd.Timedelta(days=3.5)
    panels = [("active_users", "active users", "active users per day (count)"),
              ("conversion", "conversion", "conversion (share of visits)"),
              ("revenue_per_user", "revenue per user", "revenue per user (EUR)")]
    for ax, (col, label, ylabel) in zip(axes, panels):
        ax.plot(x, weekly[col], marker="o", label=label)
        ax.axvline(pd.Timestamp(launch), linestyle="--", color="grey")
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.legend(loc="lower left")
    axes[-1].set_xlabel("week (date)")
    fig.suptitle("Conversion and revenue per user rose after the launch; traffic stayed flat")
    fig.autofmt_xdate()
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
'''

_Q4 = '''
def flag_anomalies(values, window=28, k=5.0):
    x = np.asarray(values, dtype=float)
    flags = []
    for t in range(len(x)):
        if t < window:
            flags.append(False)
            continue
        base = x[t - window:t]
        centre = np.median(base)
        spread = 1.4826 * np.median(np.abs(base - centre))
        flags.append(bool(abs(x[t] - centre) > k * spread))
    return pd.Series(flags, index=values.index)


_android = daily[daily["platform"] == "android"].set_index("date")
_flags = flag_anomalies(_android["active_users"], window, k)
print(f"Android active users: {int(_flags.sum())} flagged days, e.g. {list(_flags[_flags].index[:3])}")
'''

_Q5 = '''
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").set_index("date")
        flagged = (flag_anomalies(rows["active_users"], window, k)
                   | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        days = [pd.Timestamp(d) for d in flagged[flagged].index]
        start = prev = None
        for day in days:
            if prev is not None and day - prev == pd.Timedelta(days=1):
                prev = day
                continue
            if start is not None:
                found.append((platform, start.strftime("%Y-%m-%d"), prev.strftime("%Y-%m-%d")))
            start = prev = day
        if start is not None:
            found.append((platform, start.strftime("%Y-%m-%d"), prev.strftime("%Y-%m-%d")))
    return sorted(found, key=lambda p: (p[1], p[0]))


periods = flag_periods(daily, window, k)
periods
'''

_Q6 = '''
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform]
    when = pd.to_datetime(rows["date"])
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    period = rows[(when >= first) & (when <= last)]
    base = rows[(when >= first - pd.Timedelta(days=28)) & (when < first)]
    users_ratio = period["active_users"].mean() / base["active_users"].median()
    orders_ratio = period["orders"].mean() / base["orders"].median()
    conversion_ratio = ((period["orders"].sum() / period["active_users"].sum())
                        / (base["orders"].sum() / base["active_users"].sum()))
    if users_ratio < 0.5 and 0.8 <= orders_ratio <= 1.25:
        return ("data_problem", "events_missing_orders_normal")
    if 0.8 <= users_ratio <= 1.25 and abs(conversion_ratio - 1) >= 0.1:
        return ("real_change", "conversion_moved_traffic_normal")
    return ("unclear", "needs_investigation")


verdicts = {period: classify_period(daily, *period) for period in periods}
verdicts
'''

_Q7 = '''
def period_totals(daily, first_day, end_day):
    rows = daily[(daily["date"] >= first_day) & (daily["date"] < end_day)]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": float(visits), "conversion": orders / visits, "basket_eur": revenue / orders,
            "revenue_eur": float(revenue)}


def decompose_revenue(before, after):
    r0, r1 = before["revenue_eur"], after["revenue_eur"]
    scale = (r1 - r0) / math.log(r1 / r0)
    return pd.Series({"traffic": scale * math.log(after["visits"] / before["visits"]),
                      "conversion": scale * math.log(after["conversion"] / before["conversion"]),
                      "basket": scale * math.log(after["basket_eur"] / before["basket_eur"])})


_launch = pd.Timestamp(launch_date)
_fmt = "%Y-%m-%d"
launch_split = decompose_revenue(
    period_totals(daily, (_launch - pd.Timedelta(days=28)).strftime(_fmt), launch_date),
    period_totals(daily, launch_date, (_launch + pd.Timedelta(days=28)).strftime(_fmt)))
launch_split.round(0)
'''

_Q8 = '''
def _weekly_orders(daily):
    when = pd.to_datetime(daily["date"])
    return daily["orders"].groupby(when.dt.to_period("W").dt.start_time).sum()


def theme_rates(feedback, daily):
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    rates = tickets.div(_weekly_orders(daily), axis=0) * 1000
    rates.index.name = None
    rates.columns.name = None
    return rates.dropna(how="all")


def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    after = rates[rates.index >= launch]
    before = rates[rates.index + pd.Timedelta(days=7) <= launch]
    return after.mean() / before.mean() - 1


theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
theme_shift.round(3)
'''

_RIGHT = {"q1_answer": _TREE, "q2_answer": _Q2, "q3_answer": _Q3, "q4_answer": _Q4, "q5_answer": _Q5,
          "q6_answer": _Q6, "q7_answer": _Q7, "q8_answer": _Q8}

# --- fully correct, in another style: resample, rolling windows, itertools.groupby ----------------------

_OTHER = {
    "q1_answer": '''
metric_tree = {}
metric_tree[OKR_METRIC] = ["visits", "conversion", "basket_eur"]
metric_tree["visits"] = ["new_signups", "reminder_open_rate"]
metric_tree["conversion"] = ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"]
metric_tree["basket_eur"] = ["items_per_order", "premium_item_share"]
# check: traffic x conversion x basket is revenue
assert math.isclose(WEEK["visits"] * WEEK["conversion"] * WEEK["basket_eur"], WEEK[OKR_METRIC])
''',
    "q2_answer": '''
def weekly_kpis(daily):
    by_day = (daily.assign(date=pd.to_datetime(daily.date))
              .groupby("date")[["active_users", "orders", "revenue_eur"]].sum())
    weeks = by_day.resample("W-MON", label="left", closed="left")
    tot, days = weeks.sum(), weeks["orders"].count()
    tot = tot[days > 0]
    days = days[days > 0]
    return pd.DataFrame({"active_users": tot.active_users / days,
                         "conversion": tot.orders / tot.active_users,
                         "revenue_per_user": tot.revenue_eur / tot.active_users,
                         "revenue_eur": tot.revenue_eur}).rename_axis(None)


weekly = weekly_kpis(daily)
weekly.head()
''',
    "q3_answer": '''
def make_dashboard(weekly, launch):
    fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(14, 4))
    mid = weekly.index + pd.Timedelta(days=3.5)
    a1.plot(mid, weekly["active_users"], label="active users")
    a1.set(ylabel="daily active users (count)", title="Traffic flat")
    a2.plot(mid, 100 * weekly["conversion"], label="conversion")
    a2.set(ylabel="conversion (% of visits)", title="Conversion up after launch")
    a3.plot(mid, weekly["revenue_per_user"], label="revenue per user")
    a3.set(ylabel="revenue per user (EUR)", title="Revenue per user up after launch")
    for a in (a1, a2, a3):
        a.axvline(pd.Timestamp(launch), color="k", linestyle=":")
        a.set_xlabel("week (date)")
        a.set_ylim(bottom=0)
        a.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
    "q4_answer": '''
def _mad(a):
    return np.median(np.abs(a - np.median(a)))


def flag_anomalies(values, window=28, k=5.0):
    prior = values.rolling(window)
    centre = prior.median().shift(1)
    spread = 1.4826 * prior.apply(_mad, raw=True).shift(1)
    return ((values - centre).abs() > k * spread).astype(bool)


_android = daily[daily["platform"] == "android"].set_index("date")
_flags = flag_anomalies(_android["active_users"], window, k)
print(f"Android active users: {int(_flags.sum())} flagged days, e.g. {list(_flags[_flags].index[:3])}")
''',
    "q5_answer": '''
import itertools as _it


def flag_periods(daily, window=28, k=5.0):
    out = []
    for plat in sorted(daily.platform.unique()):
        p = daily[daily.platform == plat].sort_values("date").reset_index(drop=True)
        hit = (flag_anomalies(p.active_users, window, k) | flag_anomalies(p.orders / p.active_users, window, k))
        ordinal = pd.to_datetime(p.date[hit]).map(pd.Timestamp.toordinal).tolist()
        # consecutive days have the same (day number - position)
        for _, run in _it.groupby(enumerate(ordinal), key=lambda pair: pair[1] - pair[0]):
            run = [day for _, day in run]
            out.append((plat, pd.Timestamp.fromordinal(run[0]).strftime("%Y-%m-%d"),
                        pd.Timestamp.fromordinal(run[-1]).strftime("%Y-%m-%d")))
    out.sort(key=lambda t: (t[1], t[0]))
    return out


periods = flag_periods(daily, window, k)
periods
''',
    "q6_answer": _Q6,
    "q7_answer": '''
def period_totals(daily, first_day, end_day):
    when = pd.to_datetime(daily.date)
    sel = daily[(when >= pd.Timestamp(first_day)) & (when < pd.Timestamp(end_day))]
    v, o, r = (float(sel[c].sum()) for c in ("active_users", "orders", "revenue_eur"))
    return dict(visits=v, conversion=o / v, basket_eur=r / o, revenue_eur=r)


def decompose_revenue(before, after):
    logs = {"traffic": np.log(after["visits"] / before["visits"]),
            "conversion": np.log(after["conversion"] / before["conversion"]),
            "basket": np.log(after["basket_eur"] / before["basket_eur"])}
    total = np.log(after["revenue_eur"] / before["revenue_eur"])
    delta = after["revenue_eur"] - before["revenue_eur"]
    return pd.Series({name: float(lr / total * delta) for name, lr in logs.items()})


start = pd.Timestamp(launch_date)
launch_split = decompose_revenue(period_totals(daily, start - pd.Timedelta(days=28), start),
                                 period_totals(daily, start, start + pd.Timedelta(days=28)))
launch_split.round(0)
''',
    "q8_answer": _Q8,
}

# --- typical mistakes: daily ratios averaged, day t in its own baseline, the launch week counted before

_DAILY = dict(_RIGHT)
_DAILY.update({
    "q2_answer": '''
def weekly_kpis(daily):
    d = daily.assign(date=pd.to_datetime(daily["date"]))
    per_day = d.groupby("date")[["active_users", "orders", "revenue_eur"]].sum()
    per_day["conversion"] = per_day["orders"] / per_day["active_users"]
    per_day["revenue_per_user"] = per_day["revenue_eur"] / per_day["active_users"]
    monday = per_day.index.to_period("W").start_time
    out = per_day.groupby(monday).agg(active_users=("active_users", "mean"), conversion=("conversion", "mean"),
                                      revenue_per_user=("revenue_per_user", "mean"),
                                      revenue_eur=("revenue_eur", "sum"))
    out.index.name = None
    return out


weekly = weekly_kpis(daily)
weekly.head()
''',
    "q4_answer": '''
def flag_anomalies(values, window=28, k=5.0):
    roll = values.rolling(window)
    centre = roll.median()
    spread = 1.4826 * roll.apply(lambda a: np.median(np.abs(a - np.median(a))), raw=True)
    return ((values - centre).abs() > k * spread).astype(bool)


_android = daily[daily["platform"] == "android"].set_index("date")
_flags = flag_anomalies(_android["active_users"], window, k)
print(f"Android active users: {int(_flags.sum())} flagged days, e.g. {list(_flags[_flags].index[:3])}")
''',
    "q8_answer": _Q8.replace("before = rates[rates.index + pd.Timedelta(days=7) <= launch]",
                             "before = rates[rates.index < launch]"),
})

# --- typical mistakes: orders in the tree, a title that names no finding, the end day included, the
#     first day in its own baseline ------------------------------------------------------------------------

_ORDERS = dict(_RIGHT)
_ORDERS.update({
    "q1_answer": '''
metric_tree = {
    OKR_METRIC: ["visits", "orders", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "orders": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
''',
    "q3_answer": '''
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True, figsize=(8, 7))
    for ax, col, label in zip(axes, ["active_users", "conversion", "revenue_per_user"],
                              ["active users", "conversion", "revenue per user"]):
        ax.plot(weekly.index, weekly[col], label=label)
        ax.set_ylabel(label)
        ax.axvline(pd.Timestamp(launch), color="red")
        ax.legend()
    fig.suptitle("Weekly KPI dashboard")
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
    "q6_answer": _Q6.replace("(when >= first - pd.Timedelta(days=28)) & (when < first)",
                             "(when >= first - pd.Timedelta(days=28)) & (when <= first)"),
    "q7_answer": _Q7.replace('(daily["date"] >= first_day) & (daily["date"] < end_day)',
                             '(daily["date"] >= first_day) & (daily["date"] <= end_day)'),
})

# --- typical mistakes: per order not per 1,000, one period per platform, a plain-ratio split ------------

_PER_ORDER = dict(_RIGHT)
_PER_ORDER.update({
    "q5_answer": '''
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").set_index("date")
        flagged = (flag_anomalies(rows["active_users"], window, k)
                   | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        days = list(flagged[flagged].index)
        if days:
            found.append((platform, days[0], days[-1]))  # from the first to the last odd day
    return sorted(found, key=lambda p: (p[1], p[0]))


periods = flag_periods(daily, window, k)
periods
''',
    "q7_answer": _Q7.replace('''    r0, r1 = before["revenue_eur"], after["revenue_eur"]
    scale = (r1 - r0) / math.log(r1 / r0)
    return pd.Series({"traffic": scale * math.log(after["visits"] / before["visits"]),
                      "conversion": scale * math.log(after["conversion"] / before["conversion"]),
                      "basket": scale * math.log(after["basket_eur"] / before["basket_eur"])})''',
                             '''    # each factor's % change, as a share of the summed % changes
    change = {"traffic": after["visits"] / before["visits"] - 1,
              "conversion": after["conversion"] / before["conversion"] - 1,
              "basket": after["basket_eur"] / before["basket_eur"] - 1}
    total = sum(change.values())
    delta = after["revenue_eur"] - before["revenue_eur"]
    return pd.Series({name: delta * c / total for name, c in change.items()})'''),
    "q8_answer": _Q8.replace("rates = tickets.div(_weekly_orders(daily), axis=0) * 1000",
                             "rates = tickets.div(_weekly_orders(daily), axis=0)  # tickets per order"),
})

# --- half done: the tree, the KPIs, a quick dashboard and the anomaly rule; the rest stubbed -------------

_HALF = {
    "q1_answer": _TREE,
    "q2_answer": _Q2,
    "q3_answer": '''
def make_dashboard(weekly, launch):
    ax = weekly[["active_users", "conversion", "revenue_per_user"]].plot(subplots=True, figsize=(8, 7))
    return ax[0].figure


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
    "q4_answer": _Q4,
}

ATTEMPTS = {
    "blind_styles_correct": {
        "answers": _OTHER,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 2, "q6_test": 3,
                 "q7_test": 3, "q8_test": 2},
        "why": {},
    },
    "blind_daily_ratios": {
        "answers": _DAILY,
        "fair": {"q1_test": 3, "q2_test": 1.5, "q3_test": 3, "q4_test": 0.5, "q5_test": 2, "q6_test": 3,
                 "q7_test": 3, "q8_test": 1.5},
        "why": {
            "q2_test": "conversion and revenue per user are means of daily ratios, not ratios of the week's "
                       "totals as the prompt pins; active users, revenue and the Monday index are right",
            "q4_test": "the baseline window includes day t itself (no shift), against the pinned rule: a "
                       "spike pulls its own baseline; only the form (one flag per day) stands",
            "q8_test": "rates right, but the launch week counts as 'before' (start < launch instead of "
                       "start + 7 days <= launch), which the prompt leaves out",
        },
    },
    "blind_orders_title": {
        "answers": _ORDERS,
        "fair": {"q1_test": 1.5, "q2_test": 3, "q3_test": 1.5, "q4_test": 2, "q5_test": 2, "q6_test": 2.25,
                 "q7_test": 2, "q8_test": 2},
        "why": {
            "q1_test": "orders (a count) instead of conversion under revenue: visits x orders x basket is not "
                       "revenue, though the inputs sit under sensible parents",
            "q3_test": "three labelled series and a launch line, but the title names no finding and the "
                       "axes carry no units",
            "q6_test": "the pinned table is right, but the baseline includes first_day (<= instead of <): "
                       "an off-by-one in the window",
            "q7_test": "the log split is right, but period_totals includes end_day, against the pinned "
                       "first_day <= date < end_day, so every window has one day too many",
        },
    },
    "blind_per_order_split": {
        "answers": _PER_ORDER,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 0.5, "q6_test": 3,
                 "q7_test": 1.5, "q8_test": 1.25},
        "why": {
            "q5_test": "flags both metrics per platform, but makes one period from the first to the last "
                       "flagged day instead of joining only consecutive days: the core step is missing",
            "q7_test": "the windows and totals are right and the parts add up, but the split is by plain "
                       "% changes, not the pinned log ratios",
            "q8_test": "tickets per order, not per 1,000 orders as asked (a unit slip); rate_change is right",
        },
    },
    "blind_half_done": {
        "answers": _HALF,
        "fair": {"q1_test": 3, "q2_test": 3, "q3_test": 0.75, "q4_test": 2, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0},
        "why": {
            "q3_test": "a quick pandas plot with one panel per KPI, but no launch marker, no title, no "
                       "units, and the series are labelled by column names, not the asked labels",
        },
    },
}
