"""Module 03 (measuring impact): do the checkers judge fairly, and do the datasets hold their plants?"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import mlpm
from mlpm.checks.figures import (
    check_axis_labels,
    check_figure,
    check_title,
    close_figure,
    drawn,
    has_unit,
    series_labels,
    series_values,
    states_a_finding,
)
from mlpm.checks.impact import (
    check_contributions,
    check_flag_shape,
    check_flags,
    check_frame,
    check_metric_tree,
    check_periods,
    check_placements,
    check_row_labels,
    check_tree_products,
    check_verdict,
    own_answer,
)
from mlpm.datasets.impact import daily_metrics, feedback, impact_plan

ROOT = "revenue"
INPUTS = {"signups", "acceptance", "items"}
KNOWN = {"revenue", "visits", "conversion", "basket", "revenue_per_visit", *INPUTS}
VALUES = {"revenue": 600.0, "visits": 1000.0, "conversion": 0.1, "basket": 6.0, "revenue_per_visit": 0.6}
GOOD_TREE = {
    "revenue": ["visits", "conversion", "basket"],
    "visits": ["signups"],
    "conversion": ["acceptance"],
    "basket": ["items"],
}


def _check_tree(tree):
    check_metric_tree(tree, ROOT, INPUTS, KNOWN, VALUES, products=[ROOT])


def _flags(values: pd.Series, window: int = 28, k: float = 5.0) -> pd.Series:
    centre = values.rolling(window).median().shift(1)
    mad = values.rolling(window).apply(lambda w: np.median(np.abs(w - np.median(w))), raw=True).shift(1)
    return (values - centre).abs() > k * 1.4826 * mad


class AlwaysEqual(float):
    """A number that claims to equal everything."""

    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


# ---------------------------------------------------------------- metric tree

def test_a_chained_metric_tree_passes():
    """Does a tree whose factors multiply back to revenue, with inputs as leaves, pass?"""
    _check_tree(GOOD_TREE)


@pytest.mark.parametrize("tree, message", [
    ({"revenue": ["visits", "conversion", "revenue_per_visit"], "visits": ["signups"],
      "conversion": ["acceptance"], "revenue_per_visit": ["items"]}, "do not multiply back"),
    ({**GOOD_TREE, "conversion": ["acceptance", "signups"]}, "two parents"),
    ({**GOOD_TREE, "basket": ["items", "revenue_per_visit"]}, "not an input metric"),
    ({**GOOD_TREE, "visits": ["signups", "made_up"]}, "not in the list of metrics"),
    ({k: v for k, v in GOOD_TREE.items() if k != "revenue"}, "start at the OKR metric"),
    ({**GOOD_TREE, "conversion": ["acceptance", "revenue"]}, "cannot be a child"),
    ({**GOOD_TREE, "basket": []}, "non-empty list"),
    ({**GOOD_TREE, "basket": "items"}, "non-empty list"),
    ({**GOOD_TREE, "signups": ["items"], "basket": ["acceptance"], "conversion": ["visits"]}, "two parents"),
])
def test_a_broken_metric_tree_gets_a_specific_message(tree, message):
    """Does each kind of broken tree say what is wrong, in words a PM can act on?"""
    with pytest.raises(AssertionError, match=message):
        _check_tree(tree)


def test_a_tree_with_tuples_or_numpy_strings_passes():
    """Are children given as tuples, or as numpy strings, accepted (the prompt's list is not a type test)?"""
    _check_tree({parent: tuple(children) for parent, children in GOOD_TREE.items()})
    _check_tree({parent: list(np.array(children)) for parent, children in GOOD_TREE.items()})
    check_tree_products({"revenue": ("visits", "conversion", "basket")}, ["revenue"], VALUES)


def test_placements_accept_every_defensible_parent_and_name_the_misplaced_input():
    """Does an input under any parent a careful teacher accepts pass, and a misplaced one get named?"""
    accepted = {"acceptance": {"conversion", "basket"}, "items": {"basket"}}
    check_placements(GOOD_TREE, accepted)
    check_placements({**GOOD_TREE, "conversion": ["signups"], "basket": ("items", "acceptance"),
                      "visits": ["x"]}, accepted)
    with pytest.raises(AssertionError, match="puts 'items' under a metric it does not move first"):
        check_placements({**GOOD_TREE, "conversion": ["acceptance", "items"], "basket": ["x"]}, accepted)
    with pytest.raises(AssertionError, match="does not hold 'acceptance' yet"):
        check_placements({**GOOD_TREE, "conversion": ["x"]}, accepted)


def test_a_branch_that_does_not_hang_from_the_root_is_refused():
    """Is a branch outside the tree reported as unreachable from the OKR metric?"""
    with pytest.raises(AssertionError, match="cannot be reached"):
        check_metric_tree({**GOOD_TREE, "revenue_per_visit": ["premium"]}, ROOT, INPUTS | {"premium"},
                          KNOWN | {"premium"}, VALUES, products=[ROOT])


def test_a_tree_missing_an_input_is_refused():
    """Is an input metric left out of the tree reported?"""
    with pytest.raises(AssertionError, match="misses 1 input metric"):
        check_metric_tree(GOOD_TREE, ROOT, INPUTS | {"premium"}, KNOWN | {"premium"}, VALUES, products=[ROOT])


def test_an_input_broken_down_further_is_refused():
    """Is an input metric with children of its own reported as 'should be a leaf'?"""
    tree = {**GOOD_TREE, "basket": ["items"], "items": ["premium"]}
    with pytest.raises(AssertionError, match="should be a leaf"):
        check_metric_tree(tree, ROOT, INPUTS | {"premium"}, KNOWN | {"premium"}, VALUES, products=[ROOT])


# ---------------------------------------------------------------- frames, flags, verdicts, splits

def test_check_frame_names_a_missing_column_and_a_wrong_index_type():
    """Does check_frame say which column is missing and that weeks need Timestamps?"""
    expected = pd.DataFrame({"a": [1.0, 2.0]}, index=pd.to_datetime(["2026-03-02", "2026-03-09"]))
    with pytest.raises(AssertionError, match="no column 'a'"):
        check_frame(pd.DataFrame({"b": [1.0, 2.0]}, index=expected.index), expected, "kpis")
    with pytest.raises(AssertionError, match="Timestamp"):
        check_frame(pd.DataFrame({"a": [1.0, 2.0]}, index=["2026-03-02", "2026-03-09"]), expected, "kpis")
    check_frame(expected.copy(), expected, "kpis")


def test_check_flags_wants_booleans_and_counts_differences():
    """Does check_flags refuse 0/1 floats and say how many days differ, not which?"""
    expected = pd.Series([False, True, False])
    with pytest.raises(AssertionError, match="booleans"):
        check_flags(pd.Series([0.0, 1.0, 0.0]), expected, "flags")
    with pytest.raises(AssertionError, match="1 of 3 days"):
        check_flags(pd.Series([True, True, False]), expected, "flags")


def test_check_verdict_refuses_a_reason_that_contradicts_the_verdict():
    """Is ('data_problem', a real-change reason) refused with a message naming the mismatch?"""
    check_verdict(("data_problem", "events_missing_orders_normal"), "v")
    with pytest.raises(AssertionError, match="supports the verdict"):
        check_verdict(("data_problem", "conversion_moved_traffic_normal"), "v")
    check_verdict(["data_problem", "events_missing_orders_normal"], "v")  # a pair as a list is fine
    check_verdict((np.str_("unclear"), np.str_("needs_investigation")), "v")
    with pytest.raises(AssertionError, match="should be a pair"):
        check_verdict("data_problem", "v")


def test_check_contributions_wants_parts_that_add_up():
    """Does a split whose parts do not add up to the revenue change fail, and a rigged float too?"""
    good = pd.Series({"traffic": 100.0, "conversion": 500.0, "basket": -100.0})
    check_contributions(good, 1000.0, 1500.0, "split")
    with pytest.raises(AssertionError, match="add up"):
        check_contributions(good * 1.1, 1000.0, 1500.0, "split")
    with pytest.raises(AssertionError, match="add up"):
        check_contributions(pd.Series({"traffic": AlwaysEqual(0), "conversion": AlwaysEqual(0),
                                       "basket": AlwaysEqual(0)}), 1000.0, 1500.0, "split")


def test_check_frame_says_to_label_weeks_by_their_monday_and_can_compare_values_alone():
    """Are weeks labelled by another day named with their weekday, and is a labelling slip checked once?"""
    expected = pd.DataFrame({"a": [1.0, 2.0]}, index=pd.to_datetime(["2026-03-02", "2026-03-09"]))
    by_tuesday = expected.set_axis(pd.to_datetime(["2026-02-24", "2026-03-03"]))
    with pytest.raises(AssertionError, match="e.g. 2026-02-24, a Tuesday\\). Label each week by the Monday") as caught:
        check_frame(by_tuesday, expected, "kpis")
    assert "has no value for" not in str(caught.value)
    check_frame(by_tuesday, expected, "kpis", labels=False)  # the values are right: only the labels are not
    with pytest.raises(AssertionError, match="its weeks hold other days than the prompt.s weeks"):
        check_frame(by_tuesday * 2, expected, "kpis", labels=False)
    with pytest.raises(AssertionError, match="a Tuesday"):
        check_row_labels(by_tuesday, expected.index, "kpis")
    with pytest.raises(AssertionError, match="no row for 2026-03-09"):
        check_row_labels(expected.iloc[:1], expected.index, "kpis")
    check_row_labels(expected, expected.index, "kpis")


def test_check_flag_shape_wants_the_first_window_days_false():
    """Are flags for days without a full baseline refused, and nullable booleans accepted?"""
    values = pd.Series(range(6), dtype=float)
    check_flag_shape(pd.Series([False] * 6, dtype="boolean"), values, 3, "flags")
    with pytest.raises(AssertionError, match="first `window` days"):
        check_flag_shape(pd.Series([True] + [False] * 5), values, 3, "flags")
    with pytest.raises(AssertionError, match="booleans"):
        check_flag_shape(pd.Series([0.0] * 6), values, 3, "flags")


def test_check_periods_wants_string_days_in_tuples_sorted():
    """Are periods with Timestamps, lists or the wrong order refused with a message that says so?"""
    good = [("ios", "2026-03-06", "2026-03-06"), ("web", "2026-03-07", "2026-03-08")]
    check_periods(good, "periods")
    check_periods(tuple(good), "periods")
    with pytest.raises(AssertionError, match="as strings"):
        check_periods([("ios", pd.Timestamp("2026-03-06"), pd.Timestamp("2026-03-06"))], "periods")
    with pytest.raises(AssertionError, match="dict key"):
        check_periods([list(good[0])], "periods")
    with pytest.raises(AssertionError, match="YYYY-MM-DD"):
        check_periods([("ios", "6 March", "7 March")], "periods")
    with pytest.raises(AssertionError, match="Sort"):
        check_periods(list(reversed(good)), "periods")


def test_own_answer_is_accepted_only_when_it_depends_on_its_inputs():
    """Is a value that follows from the learner's own functions accepted, but not from constant ones?"""
    right = pd.Series({"a": 1.0})
    assert len(own_answer(lambda x: pd.Series({"a": float(x)}), [1], [2])) == 1
    assert own_answer(lambda x: right, [1], [2]) == []
    assert own_answer(lambda x: 1 / 0, [1], [2]) == []


# ---------------------------------------------------------------- figures

def _dashboard(*, title=True, xlabel=True, marker=True, label="conversion"):
    fig, ax = plt.subplots()
    weeks = pd.date_range("2026-03-02", periods=6, freq="7D")
    ax.plot(weeks, [0.05, 0.05, 0.05, 0.06, 0.06, 0.06], label=label)
    if marker:
        ax.axvline(pd.Timestamp("2026-03-25"), linestyle="--")
    if title:
        ax.set_title("Conversion stepped up at the launch")
    if xlabel:
        ax.set_xlabel("week")
    ax.set_ylabel("orders per visit")
    return fig


@pytest.mark.parametrize("title", [
    "Conversion stepped up at the launch and held",
    "Conversion +20 % since launch; traffic flat",
    "Smarter substitutions lifted conversion, not traffic",
    "Higher conversion since the May launch",
    "Conversion ↑ at launch",
    "Revenue per user rose 15% after the launch",
])
def test_a_title_that_states_a_finding_passes(title):
    """Do titles that say what the reader should see pass, in several styles?"""
    assert states_a_finding(title)
    fig = _dashboard(title=False)
    fig.suptitle(title)
    with drawn(fig):
        check_title(fig)


@pytest.mark.parametrize("title", [
    "Weekly KPIs", "Larder dashboard", "Metrics", "KPI dashboard: active users, conversion, revenue per user",
    "Weekly metrics 2026-2027", "Conversion over time", "Impact of smarter substitutions",
    "Active users, conversion and revenue per user before and after the launch", "Dashboard showing weekly KPIs",
])
def test_a_title_that_only_names_the_chart_fails_and_says_what_to_write(title):
    """Do generic titles fail with a message that quotes them and asks for the finding?"""
    assert not states_a_finding(title)
    fig = _dashboard(title=False)
    fig.suptitle(title)
    with drawn(fig), pytest.raises(AssertionError, match="names the chart but does not say what the reader should see"):
        check_title(fig)


def test_a_panel_title_on_the_left_counts():
    """Is a panel title set with loc='left' read as a title?"""
    fig = _dashboard(title=False)
    fig.axes[0].set_title("Conversion jumped at the launch", loc="left")
    with drawn(fig):
        check_title(fig)


@pytest.mark.parametrize("label, kind, ok", [
    ("EUR per active user", "money", True), ("revenue per user (€)", "money", True),
    ("revenue per user", "money", False), ("revenue_per_user", "money", False),
    ("orders per visit", "share", True), ("conversion (%)", "share", True), ("orders/visit", "share", True),
    ("conversion", "share", False),
    ("daily active users", "count", True), ("DAU", "count", True), ("active", "count", False),
    ("week starting (Monday)", "time", True), ("date", "time", True), ("x", "time", False),
])
def test_units_in_axis_labels(label, kind, ok):
    """Is a unit found in an axis label by the kind of number it shows, and its absence noticed?"""
    assert has_unit(label, kind) is ok


def test_check_axis_labels_names_the_panel_and_series_without_a_unit():
    """Does a unit-less y label fail with the panel and the series it shows, and a labelled one pass?"""
    fig = _dashboard()
    with drawn(fig):
        check_axis_labels(fig, units={"conversion": "share"}, x_unit="time")
        fig.axes[0].set_ylabel("conversion")
        with pytest.raises(AssertionError, match="which shows 'conversion' but names no unit"):
            check_axis_labels(fig, units={"conversion": "share"})
        fig.axes[0].set_ylabel("orders per visit")
        fig.axes[0].set_xlabel("x")
        with pytest.raises(AssertionError, match="x label 'x' on the chart, which names no unit"):
            check_axis_labels(fig, x_unit="time")


def test_close_figure_accepts_what_a_learner_returns():
    """Does closing a returned Axes, a Figure or None work without an error of its own?"""
    fig, ax = plt.subplots()
    close_figure(ax)
    assert not plt.fignum_exists(fig.number)
    close_figure(None)
    close_figure("not a figure")


@pytest.mark.parametrize("kwargs, message", [
    ({"title": False}, "no title"),
    ({"xlabel": False}, "x axis"),
    ({"marker": False}, "has nothing that marks the launch"),
    ({"label": "conv"}, "no line labelled 'conversion'"),
])
def test_check_figure_says_what_the_chart_is_missing(kwargs, message):
    """Does check_figure name the missing title, label, series or launch marker?"""
    fig = _dashboard(**kwargs)
    try:
        with pytest.raises(AssertionError, match=message):
            check_figure(fig, series=["conversion"], marker_near=pd.Timestamp("2026-03-25"),
                         tolerance=3.5, marker_name="the launch")
    finally:
        plt.close(fig)


def test_check_figure_accepts_a_good_chart_and_reads_its_data():
    """Does a complete chart pass, and can a hidden test read a series' values by label?"""
    fig = _dashboard()
    try:
        check_figure(fig, series=["conversion"], marker_near=pd.Timestamp("2026-03-25"), tolerance=3.5)
        assert series_labels(fig) == ["conversion"]
        np.testing.assert_allclose(series_values(fig, "Conversion"), [0.05] * 3 + [0.06] * 3)
        with pytest.raises(AssertionError, match="not at the launch"):
            check_figure(fig, marker_near=pd.Timestamp("2026-05-01"), tolerance=3.5, marker_name="the launch")
    finally:
        plt.close(fig)


def test_check_figure_accepts_an_annotation_and_a_shared_x_label():
    """Does an annotation count as a marker, and does a shared x axis need only one label?"""
    fig, axes = plt.subplots(2, 1, sharex=True)
    for ax in axes:
        ax.plot([1, 2, 3], [1, 2, 3], label="_hidden")
        ax.set_ylabel("y")
    axes[-1].set_xlabel("x")
    axes[0].annotate("launch", xy=(2, 2))
    fig.suptitle("Sales rose in week 2")
    try:
        check_figure(fig, marker_near=2.0)
    finally:
        plt.close(fig)


def test_check_figure_refuses_something_that_is_not_a_figure():
    """Is returning the axes instead of the figure explained?"""
    fig, ax = plt.subplots()
    try:
        with pytest.raises(AssertionError, match="Return the matplotlib Figure"):
            check_figure(ax)
    finally:
        plt.close(fig)


# ---------------------------------------------------------------- planted effects

def test_daily_metrics_plant_the_outage_as_missing_app_events_with_normal_orders():
    """During the outage, do app users collapse on one platform while backend orders stay normal?"""
    plan = impact_plan()
    assert (plan.outage_platform, str(plan.outage_start.date()), plan.outage_days) == ("android", "2026-03-31", 3)
    rows = mlpm.load("daily_metrics")
    rows = rows[rows["platform"] == "android"].assign(date=lambda d: pd.to_datetime(d["date"]))
    outage = rows["date"].between(plan.outage_start, plan.outage_start + pd.Timedelta(days=2))
    before = rows["date"].between(plan.outage_start - pd.Timedelta(days=28), plan.outage_start - pd.Timedelta(days=1))
    assert rows.loc[outage, "active_users"].mean() < 0.05 * rows.loc[before, "active_users"].median()
    ratio = rows.loc[outage, "orders"].mean() / rows.loc[before, "orders"].median()
    assert 0.85 < ratio < 1.15


def test_daily_metrics_plant_a_conversion_lift_that_ramps_in_and_differs_by_platform():
    """Does conversion stay flat on launch day, climb over two weeks and hold, more on web than on Android?"""
    plan = impact_plan()
    assert str(plan.launch.date()) == "2026-05-13"
    rows = mlpm.load("daily_metrics").assign(date=lambda d: pd.to_datetime(d["date"]))
    rows = rows[rows["date"] >= plan.outage_start + pd.Timedelta(days=7)]

    def conversion(group, first, end):
        part = group[(group["date"] >= first) & (group["date"] < end)]
        return part["orders"].sum() / part["active_users"].sum()

    launch, day = plan.launch, pd.Timedelta(days=1)
    ramped = {}
    for platform, group in rows.groupby("platform"):
        before = conversion(group, rows["date"].min(), launch)
        first_days = conversion(group, launch, launch + 3 * day) / before - 1
        ramped[platform] = conversion(group, launch + 14 * day, rows["date"].max() + day) / before - 1
        late = conversion(group, launch + 42 * day, rows["date"].max() + day) / before - 1
        assert abs(first_days) < 0.04, platform  # substitutions act after checkout: no launch-day jump
        assert 0.04 < ramped[platform] < 0.14, platform
        assert 0.04 < late < 0.14, platform  # it holds
    assert ramped["android"] < ramped["ios"] < ramped["web"]  # more where orders need substitutes more often


def test_the_robust_rule_finds_exactly_the_outage_and_not_the_gradual_launch():
    """With a 28-day window and k = 5, is the outage the only flagged period (the ramp trips no daily alarm)?"""
    plan = impact_plan()
    rows = mlpm.load("daily_metrics")
    flagged = []
    for platform, group in rows.groupby("platform"):
        group = group.set_index("date")
        flags = _flags(group["active_users"].astype(float)) | _flags(group["orders"] / group["active_users"])
        flagged += [(platform, day) for day in flags[flags].index]
    outage = [(plan.outage_platform, (plan.outage_start + pd.Timedelta(days=n)).strftime("%Y-%m-%d"))
              for n in range(plan.outage_days)]
    assert flagged == outage


def test_revenue_split_is_mostly_conversion_with_a_basket_cost():
    """Over 28 days either side of the launch, does conversion bring the revenue and basket take some back?"""
    rows = mlpm.load("daily_metrics")
    launch = impact_plan().launch

    def totals(first, end):
        part = rows[(rows["date"] >= first.strftime("%Y-%m-%d")) & (rows["date"] < end.strftime("%Y-%m-%d"))]
        visits, orders, revenue = part["active_users"].sum(), part["orders"].sum(), part["revenue_eur"].sum()
        return visits, orders / visits, revenue / orders, revenue

    before = totals(launch - pd.Timedelta(days=28), launch)
    after = totals(launch, launch + pd.Timedelta(days=28))
    assert 0.04 < after[3] / before[3] - 1 < 0.09  # about +6 % before/after, not +17 %
    shares = [math.log(a / b) / math.log(after[3] / before[3]) for a, b in zip(after[:3], before[:3], strict=True)]
    assert 1.0 < shares[1] < 1.3  # conversion
    assert -0.35 < shares[2] < -0.1  # basket
    assert abs(shares[0]) < 0.2  # traffic (the 0.2 % a week growth)


def test_feedback_plants_fewer_substitution_tickets_per_order_after_launch():
    """Do wrong-substitution tickets per 1,000 orders fall by about 45 % while late deliveries stay flat?"""
    tickets = mlpm.load("feedback").pivot(index="week_start", columns="theme", values="tickets")
    tickets.index = pd.to_datetime(tickets.index)
    rows = mlpm.load("daily_metrics")
    orders = rows.groupby(pd.to_datetime(rows["date"]).dt.to_period("W").dt.start_time)["orders"].sum()
    rates = tickets.div(orders, axis=0) * 1000
    launch = impact_plan().launch
    change = rates[rates.index >= launch].mean() / rates[rates.index + pd.Timedelta(days=7) <= launch].mean() - 1
    assert -0.55 < change["wrong_substitution"] < -0.35
    assert abs(change["late_delivery"]) < 0.1


@pytest.mark.parametrize("seed", [1, 3, 14])
def test_other_seeds_move_the_plants_so_hard_coding_fails(seed):
    """Do other seeds give other launch and outage dates, with the same kind of story?"""
    plan = impact_plan(seed)
    assert plan.launch != impact_plan().launch or plan.outage_start != impact_plan().outage_start
    assert plan.outage_start + pd.Timedelta(days=35) <= plan.launch
    assert len(daily_metrics(seed)) == 20 * 7 * 3
    assert len(feedback(seed)) == 20 * 5


def test_sizes_are_parametric():
    """Can a hidden test ask for fewer weeks, and is a too-short history refused?"""
    assert len(daily_metrics(seed=3, n_weeks=16)) == 16 * 7 * 3
    with pytest.raises(ValueError):
        impact_plan(n_weeks=10)


def test_check_axis_labels_names_every_axis_that_needs_work():
    """Does one message name a missing x label and every panel whose y label names no unit?"""
    fig, axes = plt.subplots(2, 1)
    axes[0].plot([1, 2], [3, 4], label="conversion")
    axes[1].plot([1, 2], [3, 4], label="revenue per user")
    axes[0].set_ylabel("conversion")
    axes[1].set_ylabel("revenue per user")
    with drawn(fig), pytest.raises(AssertionError) as failure:
        check_axis_labels(fig, units={"conversion": "share", "revenue per user": "money"}, name="make_dashboard(toy)")
    message = str(failure.value)
    assert message.startswith("`make_dashboard(toy)` has no label on the x axis of panel 1")
    assert "which shows 'conversion' but names no unit" in message
    assert "which shows 'revenue per user' but names no unit" in message
