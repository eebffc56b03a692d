"""Module 03 (measuring impact): five learner attempts and the points a fair teacher gives them."""

ASSIGNMENT = "03-measuring-impact"

# ---------------------------------------------------------------------------------------------
# Correct answers in a plain style, shared by several attempts.
# ---------------------------------------------------------------------------------------------
_Q1 = '''\
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
'''

_WEEKLY_HEAD = '''\
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    by_week = per_day.groupby(per_day.index.to_period("W").start_time)
    totals, days = by_week.sum(), by_week.size()
'''

_Q2 = _WEEKLY_HEAD + '''\
    return pd.DataFrame({
        "active_users": totals["active_users"] / days,
        "conversion": totals["orders"] / totals["active_users"],
        "revenue_per_user": totals["revenue_eur"] / totals["active_users"],
        "revenue_eur": totals["revenue_eur"],
    })


weekly = weekly_kpis(daily)
weekly.head()
'''

_DASHBOARD_PANELS = '''\
PANELS = [("active_users", "active users", "active users per day (count)"),
          ("conversion", "conversion", "orders per visit (share)"),
          ("revenue_per_user", "revenue per user", "revenue per user (EUR)")]
'''

_Q3 = _DASHBOARD_PANELS + '''

def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True, figsize=(8, 7))
    for ax, (column, label, unit) in zip(axes, PANELS):
        ax.plot(weekly.index, weekly[column], marker="o", label=label)
        ax.axvline(pd.Timestamp(launch), color="tab:green", linestyle="--")
        ax.set_ylabel(unit)
        ax.legend(loc="lower left")
    axes[-1].set_xlabel("week starting (date)")
    fig.suptitle("Conversion and revenue per user stepped up at the launch; traffic stayed flat")
    fig.autofmt_xdate()
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
'''

_FLAGS = '''\
def flag_anomalies(values, window=28, k=5.0):
    before = values.shift(1).rolling(window)
    centre = before.median()
    mad = before.apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
    return ((values - centre).abs() > k * 1.4826 * mad).astype(bool)
'''

_Q4_TAIL = '''

_android = daily[daily["platform"] == "android"].set_index("date")
_flags = flag_anomalies(_android["active_users"], window, k)
print(f"Android active users: {int(_flags.sum())} flagged days, e.g. {list(_flags[_flags].index[:3])}")
'''

_Q4 = _FLAGS + _Q4_TAIL

_PERIODS = '''\
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").reset_index(drop=True)
        flags = (flag_anomalies(rows["active_users"], window, k)
                 | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        start = previous = None
        for day in pd.to_datetime(rows.loc[flags, "date"]):
            if previous is not None and day - previous == pd.Timedelta(days=1):
                previous = day
                continue
            if start is not None:
                found.append((platform, start.strftime("%Y-%m-%d"), previous.strftime("%Y-%m-%d")))
            start = previous = day
        if start is not None:
            found.append((platform, start.strftime("%Y-%m-%d"), previous.strftime("%Y-%m-%d")))
    return sorted(found, key=lambda period: (period[1], period[0]))
'''

_Q5 = _PERIODS + '''

periods = flag_periods(daily, window, k)
periods
'''

_CLASSIFY_HEAD = '''\
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform]
    dates = pd.to_datetime(rows["date"])
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    period = rows[(dates >= first) & (dates <= last)]
    base = rows[(dates >= first - pd.Timedelta(days=28)) & (dates < first)]
'''

_CLASSIFY_RULE = '''\
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

_RATIOS = '''\
    users_ratio = period["active_users"].mean() / base["active_users"].median()
    orders_ratio = period["orders"].mean() / base["orders"].median()
'''

_Q6 = _CLASSIFY_HEAD + _RATIOS + _CLASSIFY_RULE

_TOTALS = '''\
def period_totals(daily, first_day, end_day):
    dates = pd.to_datetime(daily["date"])
    rows = daily[(dates >= pd.Timestamp(first_day)) & (dates < pd.Timestamp(end_day))]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": visits, "conversion": orders / visits, "basket_eur": revenue / orders, "revenue_eur": revenue}
'''

_DECOMPOSE = '''\
def decompose_revenue(before, after):
    r0, r1 = before["revenue_eur"], after["revenue_eur"]
    scale = (r1 - r0) / math.log(r1 / r0)
    return pd.Series({
        "traffic": scale * math.log(after["visits"] / before["visits"]),
        "conversion": scale * math.log(after["conversion"] / before["conversion"]),
        "basket": scale * math.log(after["basket_eur"] / before["basket_eur"]),
    })
'''

_LAUNCH_SPLIT = '''\

_launch = pd.Timestamp(launch_date)
_four_weeks = pd.Timedelta(days=28)
launch_split = decompose_revenue(period_totals(daily, _launch - _four_weeks, _launch),
                                 period_totals(daily, _launch, _launch + _four_weeks))
launch_split.round(0)
'''

_Q7 = _TOTALS + "\n\n" + _DECOMPOSE + _LAUNCH_SPLIT

_RATES = '''\
def theme_rates(feedback, daily):
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    dates = pd.to_datetime(daily["date"])
    orders = daily.groupby(dates.dt.to_period("W").dt.start_time)["orders"].sum()
    return tickets.div(orders.reindex(tickets.index), axis=0) * 1000
'''

_CHANGE = '''\
def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    after = rates[rates.index >= launch].mean()
    before = rates[rates.index + pd.Timedelta(days=7) <= launch].mean()
    return after / before - 1
'''

_SHIFT = '''\

theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
theme_shift.round(3)
'''

_Q8 = _RATES + "\n\n" + _CHANGE + _SHIFT

FULL = {"q1_test": 3, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 2, "q6_test": 3, "q7_test": 3,
        "q8_test": 2}

ATTEMPTS = {
    # -----------------------------------------------------------------------------------------
    "correct-other-style": {
        "answers": {
            # tuples of children; substitution acceptance read as a basket-value input (a rejected
            # substitute is refunded, so it lowers revenue per order first)
            "q1_answer": '''\
metric_tree = dict(
    weekly_revenue_eur=("visits", "conversion", "basket_eur"),
    visits=("new_signups", "reminder_open_rate"),
    conversion=("search_success_rate", "checkout_error_rate"),
    basket_eur=("substitution_acceptance_rate", "items_per_order", "premium_item_share"),
)
''',
            # resample on a DatetimeIndex, labelled by the Monday
            "q2_answer": '''\
def weekly_kpis(daily):
    per_day = (daily.assign(date=pd.to_datetime(daily.date))
               .groupby("date")[["active_users", "orders", "revenue_eur"]].sum())
    weeks = per_day.resample("W-MON", label="left", closed="left")
    out = weeks.agg({"active_users": "mean", "orders": "sum", "revenue_eur": "sum"})
    users = weeks["active_users"].sum()
    return pd.DataFrame({"active_users": out["active_users"], "conversion": out["orders"] / users,
                         "revenue_per_user": out["revenue_eur"] / users, "revenue_eur": out["revenue_eur"]})


weekly = weekly_kpis(daily)
weekly.head()
''',
            # the object-oriented subplot_mosaic, titles per panel, annotations for the launch
            "q3_answer": '''\
def make_dashboard(weekly, launch):
    fig, axes = plt.subplot_mosaic([["users"], ["conversion"], ["revenue"]], sharex=True, figsize=(8, 7))
    launch = pd.Timestamp(launch)
    spec = {"users": ("active_users", "active users", "users per day (count)",
                      "Traffic held steady through the launch"),
            "conversion": ("conversion", "conversion", "orders per visit (share)",
                           "Conversion stepped up at the launch"),
            "revenue": ("revenue_per_user", "revenue per user", "EUR per user",
                        "Revenue per user rose with it")}
    for key, (column, label, unit, title) in spec.items():
        ax = axes[key]
        ax.plot(weekly.index + pd.Timedelta(days=3.5), weekly[column], "o-", label=label)
        ax.axvline(launch, color="0.4", linestyle=":")
        ax.annotate("launch", (launch, weekly[column].max()))
        ax.set(ylabel=unit, title=title)
        ax.legend()
    axes["revenue"].set_xlabel("date (middle of each week)")
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
            # plain numpy over a sliding window
            "q4_answer": '''\
def flag_anomalies(values, window=28, k=5.0):
    x = values.to_numpy(dtype=float)
    flags = np.zeros(len(x), dtype=bool)
    for t in range(window, len(x)):
        base = x[t - window:t]
        centre = np.median(base)
        spread = 1.4826 * np.median(np.abs(base - centre))
        flags[t] = abs(x[t] - centre) > k * spread
    return pd.Series(flags, index=values.index)
''' + _Q4_TAIL,
            # itertools.groupby on day numbers minus positions
            "q5_answer": '''\
import itertools


def flag_periods(daily, window=28, k=5.0):
    periods = []
    for platform, rows in daily.sort_values("date").groupby("platform"):
        users = rows["active_users"].reset_index(drop=True)
        conversion = rows["orders"].reset_index(drop=True) / users
        flagged = pd.to_datetime(rows["date"].reset_index(drop=True)[
            flag_anomalies(users, window, k) | flag_anomalies(conversion, window, k)])
        day_numbers = [d.toordinal() for d in flagged]
        for _, run in itertools.groupby(enumerate(day_numbers), key=lambda pair: pair[1] - pair[0]):
            run = [n for _, n in run]
            first, last = (pd.Timestamp.fromordinal(n).strftime("%Y-%m-%d") for n in (run[0], run[-1]))
            periods.append((platform, first, last))
    periods.sort(key=lambda p: (p[1], p[0]))
    return periods


periods = flag_periods(daily, window, k)
periods
''',
            # ratios in a small dict, verdict from a table of rules; string dates compared as text
            "q6_answer": '''\
RULES = [
    (lambda r: r["users"] < 0.5 and 0.8 <= r["orders"] <= 1.25, ("data_problem", "events_missing_orders_normal")),
    (lambda r: 0.8 <= r["users"] <= 1.25 and abs(r["conversion"] - 1) >= 0.1,
     ("real_change", "conversion_moved_traffic_normal")),
]


def classify_period(daily, platform, first_day, last_day):
    rows = daily.loc[daily.platform == platform]
    first, last = (pd.Timestamp(d).strftime("%Y-%m-%d") for d in (first_day, last_day))
    start = (pd.Timestamp(first_day) - pd.Timedelta(days=28)).strftime("%Y-%m-%d")
    period = rows.query("@first <= date <= @last")
    base = rows.query("@start <= date < @first")
    ratios = {
        "users": period.active_users.mean() / base.active_users.median(),
        "orders": period.orders.mean() / base.orders.median(),
        "conversion": (period.orders.sum() / period.active_users.sum())
                      / (base.orders.sum() / base.active_users.sum()),
    }
    for applies, verdict in RULES:
        if applies(ratios):
            return verdict
    return "unclear", "needs_investigation"


verdicts = {period: classify_period(daily, *period) for period in periods}
verdicts
''',
            # numpy logs on arrays; windows as date strings
            "q7_answer": '''\
def period_totals(daily, first_day, end_day):
    first, end = (pd.Timestamp(d).strftime("%Y-%m-%d") for d in (first_day, end_day))
    rows = daily[(daily["date"] >= first) & (daily["date"] < end)]
    t = rows[["active_users", "orders", "revenue_eur"]].sum()
    return dict(visits=t.active_users, conversion=t.orders / t.active_users,
                basket_eur=t.revenue_eur / t.orders, revenue_eur=t.revenue_eur)


def decompose_revenue(before, after):
    keys = ["visits", "conversion", "basket_eur"]
    logs = np.log(np.array([after[k] for k in keys]) / np.array([before[k] for k in keys]))
    total = after["revenue_eur"] - before["revenue_eur"]
    return pd.Series(total * logs / logs.sum(), index=["traffic", "conversion", "basket"])


day = pd.Timedelta(days=1)
start = pd.Timestamp(launch_date)
launch_split = decompose_revenue(period_totals(daily, (start - 28 * day).date(), start.date()),
                                 period_totals(daily, start.date(), (start + 28 * day).date()))
launch_split.round(0)
''',
            # pivot_table and a groupby on Monday labels made with weekday arithmetic
            "q8_answer": '''\
def theme_rates(feedback, daily):
    tickets = feedback.pivot_table(index=pd.to_datetime(feedback.week_start), columns="theme",
                                   values="tickets", aggfunc="sum")
    dates = pd.to_datetime(daily.date)
    monday = dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")
    orders = daily.orders.groupby(monday).sum()
    return tickets.div(orders, axis=0).loc[tickets.index] * 1000


def rate_change(rates, launch):
    start = pd.Timestamp(launch)
    after = rates.loc[rates.index >= start]
    before = rates.loc[rates.index <= start - pd.Timedelta(days=7)]
    return after.mean() / before.mean() - 1


theme_shift = rate_change(theme_rates(feedback, daily), launch_date)
theme_shift.round(3)
''',
        },
        "fair": dict(FULL),
        "why": {},
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-a": {
        "answers": {
            # revenue per visit next to conversion: conversion counted twice
            "q1_answer": '''\
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "revenue_per_visit"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "checkout_error_rate"],
    "revenue_per_visit": ["items_per_order", "premium_item_share"],
}
''',
            # the mean of daily ratios
            "q2_answer": '''\
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    per_day["conversion"] = per_day["orders"] / per_day["active_users"]
    per_day["revenue_per_user"] = per_day["revenue_eur"] / per_day["active_users"]
    weeks = per_day.groupby(per_day.index.to_period("W").start_time)
    return pd.DataFrame({
        "active_users": weeks["active_users"].mean(),
        "conversion": weeks["conversion"].mean(),
        "revenue_per_user": weeks["revenue_per_user"].mean(),
        "revenue_eur": weeks["revenue_eur"].sum(),
    })


weekly = weekly_kpis(daily)
weekly.head()
''',
            # a title that names the chart, y labels without units, no x label
            "q3_answer": '''\
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True, figsize=(8, 7))
    for ax, (column, label) in zip(axes, [("active_users", "active users"), ("conversion", "conversion"),
                                          ("revenue_per_user", "revenue per user")]):
        ax.plot(weekly.index, weekly[column], label=label)
        ax.axvline(pd.Timestamp(launch), color="red")
        ax.set_ylabel(label)
        ax.legend()
    fig.suptitle("Weekly KPIs")
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
            # mean and standard deviation: not robust
            "q4_answer": '''\
def flag_anomalies(values, window=28, k=5.0):
    before = values.shift(1).rolling(window)
    return ((values - before.mean()).abs() > k * before.std()).astype(bool)
''' + _Q4_TAIL,
            "q5_answer": _Q5,
            # the orders ratio from totals over windows of different length
            "q6_answer": _CLASSIFY_HEAD + '''\
    users_ratio = period["active_users"].mean() / base["active_users"].median()
    orders_ratio = period["orders"].sum() / base["orders"].sum()
''' + _CLASSIFY_RULE,
            # the end day included
            "q7_answer": '''\
def period_totals(daily, first_day, end_day):
    dates = pd.to_datetime(daily["date"])
    rows = daily[(dates >= pd.Timestamp(first_day)) & (dates <= pd.Timestamp(end_day))]
    visits, orders, revenue = rows["active_users"].sum(), rows["orders"].sum(), rows["revenue_eur"].sum()
    return {"visits": visits, "conversion": orders / visits, "basket_eur": revenue / orders, "revenue_eur": revenue}


''' + _DECOMPOSE + _LAUNCH_SPLIT,
            # tickets per order, not per 1,000 orders
            "q8_answer": '''\
def theme_rates(feedback, daily):
    tickets = feedback.pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    dates = pd.to_datetime(daily["date"])
    orders = daily.groupby(dates.dt.to_period("W").dt.start_time)["orders"].sum()
    return tickets.div(orders.reindex(tickets.index), axis=0)


''' + _CHANGE + _SHIFT,
        },
        "fair": {"q1_test": 1.5, "q2_test": 1.5, "q3_test": 1.5, "q4_test": 1, "q5_test": 2, "q6_test": 1.5,
                 "q7_test": 2, "q8_test": 1.5},
        "why": {
            "q1_test": "visits and conversion right and all leaves placed sensibly, but revenue per visit already "
                       "holds conversion: the three factors do not multiply to revenue",
            "q2_test": "Monday index, active users and revenue right; conversion and revenue per user are means of "
                       "daily ratios, which the prompt rules out",
            "q3_test": "three labelled series and the launch marked; the title names the chart instead of the "
                       "finding, no units and no x label",
            "q4_test": "the baseline excludes the day and the first days are False; mean and standard deviation "
                       "instead of the pinned median and scaled MAD",
            "q6_test": "users and conversion ratios and the rule table right; the orders ratio compares a 2-day "
                       "total with a 28-day total, so outages never read as data problems: one of the rule's two "
                       "verdicts never fires, on the toy, on other data and in `verdicts` (half the points)",
            "q7_test": "decompose_revenue right; period_totals includes the end day, so both windows hold 29 days",
            "q8_test": "weekly alignment and rate_change right (the ratio is unchanged); rates are per order, not "
                       "per 1,000 orders",
        },
    },
    # -----------------------------------------------------------------------------------------
    "typical-mistakes-b": {
        "answers": {
            # checkout errors put under basket value, premium share under conversion
            "q1_answer": '''\
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate", "premium_item_share"],
    "basket_eur": ["items_per_order", "checkout_error_rate"],
}
''',
            # resample("W") labels each week by its Sunday
            "q2_answer": '''\
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    weeks = per_day.resample("W")
    totals, days = weeks.sum(), weeks.size()
    return pd.DataFrame({
        "active_users": totals["active_users"] / days,
        "conversion": totals["orders"] / totals["active_users"],
        "revenue_per_user": totals["revenue_eur"] / totals["active_users"],
        "revenue_eur": totals["revenue_eur"],
    })


weekly = weekly_kpis(daily)
weekly.head()
''',
            # one panel for three metrics with different units; y label "value"
            "q3_answer": '''\
def make_dashboard(weekly, launch):
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(weekly.index, weekly["active_users"], label="active users")
    ax.plot(weekly.index, weekly["conversion"], label="conversion")
    ax.plot(weekly.index, weekly["revenue_per_user"], label="revenue per user")
    ax.axvline(pd.Timestamp(launch), color="green", linestyle="--")
    ax.set_title("Conversion stepped up at the launch")
    ax.set_xlabel("week")
    ax.set_ylabel("value")
    ax.legend()
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
            # the MAD not scaled by 1.4826
            "q4_answer": '''\
def flag_anomalies(values, window=28, k=5.0):
    before = values.shift(1).rolling(window)
    centre = before.median()
    mad = before.apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
    return ((values - centre).abs() > k * mad).astype(bool)
''' + _Q4_TAIL,
            # days as Timestamps, not "YYYY-MM-DD" strings
            "q5_answer": '''\
def flag_periods(daily, window=28, k=5.0):
    found = []
    for platform, rows in daily.groupby("platform"):
        rows = rows.sort_values("date").reset_index(drop=True)
        flags = (flag_anomalies(rows["active_users"], window, k)
                 | flag_anomalies(rows["orders"] / rows["active_users"], window, k))
        start = previous = None
        for day in pd.to_datetime(rows.loc[flags, "date"]):
            if previous is not None and day - previous == pd.Timedelta(days=1):
                previous = day
                continue
            if start is not None:
                found.append((platform, start, previous))
            start = previous = day
        if start is not None:
            found.append((platform, start, previous))
    return sorted(found, key=lambda period: (period[1], period[0]))


periods = flag_periods(daily, window, k)
periods
''',
            # the baseline ends on first_day itself
            "q6_answer": '''\
def classify_period(daily, platform, first_day, last_day):
    rows = daily[daily["platform"] == platform]
    dates = pd.to_datetime(rows["date"])
    first, last = pd.Timestamp(first_day), pd.Timestamp(last_day)
    period = rows[(dates >= first) & (dates <= last)]
    base = rows[(dates >= first - pd.Timedelta(days=28)) & (dates <= first)]
''' + _RATIOS + _CLASSIFY_RULE,
            # one factor at a time instead of the pinned log method
            "q7_answer": _TOTALS + '''

def decompose_revenue(before, after):
    v0, c0, b0 = before["visits"], before["conversion"], before["basket_eur"]
    v1, c1, b1 = after["visits"], after["conversion"], after["basket_eur"]
    return pd.Series({
        "traffic": (v1 - v0) * c0 * b0,
        "conversion": v1 * (c1 - c0) * b0,
        "basket": v1 * c1 * (b1 - b0),
    })
''' + _LAUNCH_SPLIT,
            # the launch week counted as a "before" week
            "q8_answer": _RATES + '''

def rate_change(rates, launch):
    launch = pd.Timestamp(launch)
    return rates[rates.index >= launch].mean() / rates[rates.index < launch].mean() - 1
''' + _SHIFT,
        },
        "fair": {"q1_test": 2.5, "q2_test": 2, "q3_test": 2.25, "q4_test": 1.5, "q5_test": 1.5, "q6_test": 2.5,
                 "q7_test": 1.5, "q8_test": 1.5},
        "why": {
            "q1_test": "the root splits correctly; 5 of 7 inputs sit under the metric they move (checkout errors "
                       "stop orders: conversion; premium share raises basket value)",
            "q2_test": "every value right, but the weeks are labelled by their Sunday, not the Monday that starts them",
            "q3_test": "series, a finding title, the launch and an x label are there; one y axis 'value' for three "
                       "units gives no unit",
            "q4_test": "window, exclusion of the day and the strict test right; the MAD is not scaled by 1.4826",
            "q5_test": "the periods are right, but the days are Timestamps, not the pinned 'YYYY-MM-DD' strings",
            "q6_test": "ratios and rule right; the baseline takes in first_day itself (29 days, one of them flagged)",
            "q7_test": "period_totals right and the parts add up, but one factor at a time is not the pinned log "
                       "method (the order of the factors changes the answer)",
            "q8_test": "theme_rates right; rate_change counts the launch week as a 'before' week",
        },
    },
    # -----------------------------------------------------------------------------------------
    "half-done": {
        "answers": {
            "q1_answer": _Q1,
            # the weekly total of user-days instead of the mean per day
            "q2_answer": _WEEKLY_HEAD + '''\
    return pd.DataFrame({
        "active_users": totals["active_users"],
        "conversion": totals["orders"] / totals["active_users"],
        "revenue_per_user": totals["revenue_eur"] / totals["active_users"],
        "revenue_eur": totals["revenue_eur"],
    })


weekly = weekly_kpis(daily)
weekly.head()
''',
            # no launch marker
            "q3_answer": _DASHBOARD_PANELS + '''

def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, sharex=True, figsize=(8, 7))
    for ax, (column, label, unit) in zip(axes, PANELS):
        ax.plot(weekly.index, weekly[column], marker="o", label=label)
        ax.set_ylabel(unit)
        ax.legend(loc="lower left")
    axes[-1].set_xlabel("week starting (date)")
    fig.suptitle("Conversion and revenue per user stepped up at the launch; traffic stayed flat")
    return fig


dashboard = make_dashboard(weekly_kpis(daily), launch_date)
''',
            "q4_answer": _Q4,
        },
        "fair": {"q1_test": 3, "q2_test": 2.25, "q3_test": 2.25, "q4_test": 2, "q5_test": 0, "q6_test": 0,
                 "q7_test": 0, "q8_test": 0},
        "why": {
            "q2_test": "index, conversion, revenue per user and revenue right; active_users is the week's sum of "
                       "user-days, not the mean per day",
            "q3_test": "series, units, a finding title and the x axis right; the launch is not marked",
        },
    },
    # -----------------------------------------------------------------------------------------
    "early-slip": {
        "answers": {
            "q1_answer": _Q1,
            "q2_answer": _Q2,
            "q3_answer": _Q3,
            # the slip: the day sits in its own baseline (no shift); q5-q7 build on these flags
            "q4_answer": '''\
def flag_anomalies(values, window=28, k=5.0):
    recent = values.rolling(window)
    centre = recent.median()
    mad = recent.apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True)
    flags = (values - centre).abs() > k * 1.4826 * mad
    flags.iloc[:window] = False
    return flags.astype(bool)
''' + _Q4_TAIL,
            "q5_answer": _Q5,
            "q6_answer": _Q6,
            "q7_answer": _Q7,
            "q8_answer": _Q8,
        },
        "fair": {**FULL, "q4_test": 1},
        "why": {
            "q4_test": "median, scaled MAD, strict test and the first days right; the day is inside its own "
                       "baseline, which the prompt rules out",
        },
    },
}

# A data scientist new to product work who ran out of time after question 4, written from the prompts
# (round 2 of the fair-grading work): pandas' resample and scipy's MAD, one input placed off.
ATTEMPTS["new-to-product-half-done"] = {
    "answers": {
        # checkout errors read as "people leave the app": traffic
        "q1_answer": '''\
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate", "checkout_error_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate"],
    "basket_eur": ["items_per_order", "premium_item_share"],
}
''',
        "q2_answer": '''\
def weekly_kpis(daily):
    per_day = daily.assign(date=pd.to_datetime(daily["date"])).groupby("date")[
        ["active_users", "orders", "revenue_eur"]].sum()
    weeks = per_day.resample("W-MON", label="left", closed="left")
    total, days = weeks.sum(), weeks["active_users"].count()
    total = total[days > 0]
    return pd.DataFrame({"active_users": total["active_users"] / days[days > 0],
                         "conversion": total["orders"] / total["active_users"],
                         "revenue_per_user": total["revenue_eur"] / total["active_users"],
                         "revenue_eur": total["revenue_eur"]})


weekly = weekly_kpis(daily)
''',
        "q3_answer": '''\
def make_dashboard(weekly, launch):
    fig, axes = plt.subplots(3, 1, figsize=(9, 8), sharex=True)
    spec = [("active_users", "active users", "users per day"), ("conversion", "conversion", "orders per visit"),
            ("revenue_per_user", "revenue per user", "EUR per user")]
    for ax, (col, label, unit) in zip(axes, spec):
        ax.plot(weekly.index, weekly[col], label=label)
        ax.axvline(pd.Timestamp(launch), color="red", linestyle=":")
        ax.set_ylabel(unit)
        ax.legend()
    axes[-1].set_xlabel("week starting")
    fig.suptitle("Conversion and revenue per user rose after the launch")
    return fig
''',
        "q4_answer": '''\
from scipy.stats import median_abs_deviation


def flag_anomalies(values, window=28, k=5.0):
    values = values.astype(float)
    centre = values.rolling(window, closed="left").median()
    spread = values.rolling(window, closed="left").apply(lambda w: median_abs_deviation(w, scale="normal"), raw=True)
    return ((values - centre).abs() > k * spread).fillna(False).astype(bool)
''',
    },
    "fair": {"q1_test": 2.5, "q2_test": 3, "q3_test": 3, "q4_test": 2, "q5_test": 0, "q6_test": 0,
             "q7_test": 0, "q8_test": 0},
    "why": {
        "q1_test": "the root splits into traffic x conversion x basket and 6 of 7 inputs sit where they belong; "
                   "checkout errors stop orders (conversion), they do not bring fewer people into the app",
    },
}

# Written for round 2 of the grading work (issue 21), from the prompts, fair points set before grading.
# A correct attempt in a loop-and-dict style: Python loops over weeks and days, dates as strings.
ATTEMPTS["correct-loops-and-strings"] = {
    "answers": {
        "q1_answer": '''\
metric_tree = {OKR_METRIC: ["visits", "conversion", "basket_eur"]}
for metric, parent in [("new_signups", "visits"), ("reminder_open_rate", "visits"),
                       ("substitution_acceptance_rate", "conversion"), ("search_success_rate", "conversion"),
                       ("checkout_error_rate", "conversion"), ("items_per_order", "basket_eur"),
                       ("premium_item_share", "basket_eur")]:
    metric_tree.setdefault(parent, []).append(metric)
''',
        "q2_answer": '''\
def weekly_kpis(daily):
    rows = {}
    for day, group in daily.groupby("date"):
        monday = pd.Timestamp(day) - pd.Timedelta(days=pd.Timestamp(day).weekday())
        week = rows.setdefault(monday, {"users": 0.0, "days": 0, "orders": 0.0, "revenue": 0.0})
        week["users"] += group["active_users"].sum()
        week["days"] += 1
        week["orders"] += group["orders"].sum()
        week["revenue"] += group["revenue_eur"].sum()
    table = pd.DataFrame.from_dict(rows, orient="index").sort_index()
    return pd.DataFrame({"active_users": table["users"] / table["days"],
                         "conversion": table["orders"] / table["users"],
                         "revenue_per_user": table["revenue"] / table["users"],
                         "revenue_eur": table["revenue"]})


weekly = weekly_kpis(daily)
''',
        "q3_answer": _Q3,
        "q4_answer": '''\
def flag_anomalies(values, window=28, k=5.0):
    flags = []
    for t in range(len(values)):
        if t < window:
            flags.append(False)
            continue
        base = values.iloc[t - window:t].astype(float)
        centre = base.median()
        spread = 1.4826 * (base - centre).abs().median()
        flags.append(bool(abs(float(values.iloc[t]) - centre) > k * spread))
    return pd.Series(flags, index=values.index, dtype=bool)
''' + _Q4_TAIL,
        "q5_answer": '''\
def flag_periods(daily, window=28, k=5.0):
    periods = []
    for platform in sorted(daily["platform"].unique()):
        rows = daily[daily["platform"] == platform].sort_values("date")
        users = rows["active_users"].reset_index(drop=True)
        conversion = rows["orders"].reset_index(drop=True) / users
        flags = flag_anomalies(users, window, k) | flag_anomalies(conversion, window, k)
        days = list(rows["date"].reset_index(drop=True)[flags])
        for day in days:
            if periods and periods[-1][0] == platform and \\
                    pd.Timestamp(day) - pd.Timestamp(periods[-1][2]) == pd.Timedelta(days=1):
                periods[-1] = (platform, periods[-1][1], day)
            else:
                periods.append((platform, day, day))
    return sorted(periods, key=lambda p: (p[1], p[0]))


periods = flag_periods(daily, window, k)
''',
        "q6_answer": '''\
def classify_period(daily, platform, first_day, last_day):
    start = (pd.Timestamp(first_day) - pd.Timedelta(days=28)).strftime("%Y-%m-%d")
    rows = daily[daily["platform"] == platform]
    period = rows[(rows["date"] >= first_day) & (rows["date"] <= last_day)]
    base = rows[(rows["date"] >= start) & (rows["date"] < first_day)]
    users_ratio = period["active_users"].mean() / base["active_users"].median()
    orders_ratio = period["orders"].mean() / base["orders"].median()
    conversion_ratio = (period["orders"].sum() / period["active_users"].sum()) / (
        base["orders"].sum() / base["active_users"].sum())
    if users_ratio < 0.5 and 0.8 <= orders_ratio <= 1.25:
        return "data_problem", "events_missing_orders_normal"
    if 0.8 <= users_ratio <= 1.25 and abs(conversion_ratio - 1) >= 0.1:
        return "real_change", "conversion_moved_traffic_normal"
    return "unclear", "needs_investigation"


verdicts = {period: classify_period(daily, *period) for period in periods}
''',
        "q7_answer": _TOTALS + '''

def decompose_revenue(before, after):
    parts = {"traffic": "visits", "conversion": "conversion", "basket": "basket_eur"}
    logs = {name: math.log(after[key] / before[key]) for name, key in parts.items()}
    change = after["revenue_eur"] - before["revenue_eur"]
    total = sum(logs.values())
    return pd.Series({name: change * value / total for name, value in logs.items()})
''' + _LAUNCH_SPLIT,
        "q8_answer": _Q8,
    },
    "fair": dict(FULL),
    "why": {},
}

# Typical slips, one per question, each in an otherwise right answer.
ATTEMPTS["typical-mistakes-c"] = {
    "answers": {
        # checkout errors read as "a bigger basket fails more": one input misplaced
        "q1_answer": '''\
metric_tree = {
    "weekly_revenue_eur": ["visits", "conversion", "basket_eur"],
    "visits": ["new_signups", "reminder_open_rate"],
    "conversion": ["substitution_acceptance_rate", "search_success_rate"],
    "basket_eur": ["items_per_order", "premium_item_share", "checkout_error_rate"],
}
''',
        # active users averaged over platform-day rows, not over days (a third of the real value)
        "q2_answer": '''\
def weekly_kpis(daily):
    rows = daily.assign(week=pd.to_datetime(daily["date"]).dt.to_period("W").dt.start_time)
    weeks = rows.groupby("week")
    totals = weeks[["active_users", "orders", "revenue_eur"]].sum()
    out = pd.DataFrame({
        "active_users": weeks["active_users"].mean(),
        "conversion": totals["orders"] / totals["active_users"],
        "revenue_per_user": totals["revenue_eur"] / totals["active_users"],
        "revenue_eur": totals["revenue_eur"],
    })
    out.index.name = None
    return out


weekly = weekly_kpis(daily)
''',
        # no title at all; everything else right
        "q3_answer": "\n".join(line for line in _Q3.splitlines() if "fig.suptitle" not in line) + "\n",
        # flagged at exactly k spreads too (>= instead of the pinned strict >)
        "q4_answer": _FLAGS.replace(") > k * 1.4826 * mad", ") >= k * 1.4826 * mad") + _Q4_TAIL,
        "q5_answer": _Q5,
        # the conversion ratio as a ratio of mean daily conversions, not of totals
        "q6_answer": _CLASSIFY_HEAD + _RATIOS + '''\
    conversion_ratio = ((period["orders"] / period["active_users"]).mean()
                        / (base["orders"] / base["active_users"]).mean())
    if users_ratio < 0.5 and 0.8 <= orders_ratio <= 1.25:
        return ("data_problem", "events_missing_orders_normal")
    if 0.8 <= users_ratio <= 1.25 and abs(conversion_ratio - 1) >= 0.1:
        return ("real_change", "conversion_moved_traffic_normal")
    return ("unclear", "needs_investigation")


verdicts = {period: classify_period(daily, *period) for period in periods}
''',
        # the "after" window starts the day after the launch
        "q7_answer": _TOTALS + "\n\n" + _DECOMPOSE + '''
_launch = pd.Timestamp(launch_date)
_day = pd.Timedelta(days=1)
launch_split = decompose_revenue(period_totals(daily, _launch - 28 * _day, _launch),
                                 period_totals(daily, _launch + _day, _launch + 29 * _day))
''',
        "q8_answer": _Q8,
    },
    "fair": {**FULL, "q1_test": 2.5, "q2_test": 2.25, "q3_test": 2.5, "q4_test": 1.75, "q6_test": 2.5,
             "q7_test": 2.5},
    "why": {
        "q1_test": "the root splits into traffic x conversion x basket and 6 of 7 inputs sit where they belong; "
                   "a checkout error stops the order (conversion), it does not make baskets smaller",
        "q2_test": "Monday index, both ratios and revenue right; active_users is the mean over platform-day rows, "
                   "not over days (platforms not summed first)",
        "q3_test": "series, units, x label and launch line right; there is no title saying what to see",
        "q4_test": "the whole pinned rule right except the strict test: a value exactly k spreads away is flagged",
        "q6_test": "windows, users and orders ratios and the rule table right; the conversion ratio compares mean "
                   "daily conversions, where the prompt pins the ratio of totals",
        "q7_test": "period_totals and the log split right; the 'after' window skips the launch day",
    },
}
