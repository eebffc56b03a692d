"""Do module 10's pinned computations agree with independent ones, do its checkers judge both ways,
and do the transition datasets hold their planted effects?"""

from __future__ import annotations

import copy
import functools
from fractions import Fraction
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import mlpm  # noqa: E402
from mlpm.checks.references import reference  # noqa: E402
from mlpm.checks.transition import (  # noqa: E402
    CLAIM_OUTCOMES,
    EVIDENCE,
    bullet_problems,
    check_bullet,
    check_bus_focus,
    check_bus_metrics,
    check_bus_mvp,
    check_bus_risks,
    check_bus_shape,
    check_bus_solutions,
    check_bus_users,
    check_claim,
    check_closed,
    check_drill_shape,
    check_fermi_factors,
    check_legend,
    check_metric_shape,
    check_plan_dates,
    check_plan_gaps,
    check_plan_people,
    check_plan_shape,
    check_polygons,
    check_radar_title,
    check_scale,
    check_spokes,
    check_top,
    check_trial,
    claim_problems,
)
from mlpm.modules import read_front_matter  # noqa: E402
from notebook_tools import ROOT, read_notebook, run_code_cells  # noqa: E402

SOLUTION = ROOT / "solutions" / "10-transition" / "10-transition-exercises.ipynb"
GROUPS = ("product strategy", "product delivery", "influence", "technical fluency")


@functools.cache
def solved() -> dict:
    """The solution notebook's namespace, run in-process (its functions are the references under test)."""
    return run_code_cells(read_notebook(Path(SOLUTION)))


# ---- scores, gaps, mentors, prioritising: independent cross-checks --------------------------------

def _exact_scores(survey: pd.DataFrame, column: str) -> dict[str, Fraction]:
    """Each group's mean as an exact fraction: the sum of ratings over the count, no pandas."""
    sums, counts = {}, {}
    for group, value in zip(survey["group"], survey[column], strict=True):
        sums[group] = sums.get(group, 0) + int(value)
        counts[group] = counts.get(group, 0) + 1
    return {g: Fraction(sums[g], counts[g]) for g in sums}


@pytest.mark.parametrize("seed", [9, 3, 14, 27])
@pytest.mark.parametrize("column", ["start", "end", "target"])
def test_group_scores_are_exact_means_in_the_pinned_order(seed, column):
    """Does group_scores give each group's exact mean, in the order of GROUPS?"""
    survey = mlpm.datasets.skills_survey(seed=seed).sample(frac=1.0, random_state=seed)
    got = solved()["group_scores"](survey, column)
    exact = _exact_scores(survey, column)
    assert list(got.index) == list(GROUPS)
    assert all(abs(got[g] - float(exact[g])) < 1e-12 for g in GROUPS)


@pytest.mark.parametrize("seed", [9, 3, 14, 27, 31])
def test_top_gaps_match_an_exact_ranking_with_the_tie_rule(seed):
    """Do the biggest gaps, from exact fractions and the GROUPS tie rule, match top_gaps for every n?"""
    survey = mlpm.datasets.skills_survey(seed=seed)
    target, start = _exact_scores(survey, "target"), _exact_scores(survey, "start")
    gap = {g: target[g] - start[g] for g in GROUPS}  # quarters: rounding to 2 decimals changes nothing
    # the first group in the ranking is the one no other group beats (bigger gap, or equal and earlier)
    ranking, left = [], list(GROUPS)
    while left:
        best = next(g for g in left if all(gap[g] > gap[h] or (gap[g] == gap[h] and GROUPS.index(g) < GROUPS.index(h))
                                           for h in left if h != g))
        ranking.append(best)
        left.remove(best)
    for n in (1, 2, 4):
        assert list(solved()["top_gaps"](survey, "start", n=n)) == ranking[:n]
    assert ranking == reference("transition").top_gaps(survey, "start", n=4)


def test_a_flipped_gap_hears_about_the_sign():
    """Does a ranking by score minus target get a message about the sign, not about a missing group?"""
    survey = mlpm.datasets.skills_survey(seed=13)
    ref = reference("transition")
    flipped = ref.top_gaps(survey, "end", n=3, sign=-1)
    with pytest.raises(AssertionError, match="target minus score"):
        check_top(flipped, ref.top_gaps(survey, "end", n=3), "top_gaps", flipped=flipped)


def _brute_force_match(table: pd.DataFrame, gaps: list[str], min_hours: float) -> dict:
    """The pinned match read literally, in plain Python: every assignment, recursively, the best kept."""
    rows = [r for r in table.to_dict("records") if r["hours_per_month"] >= min_hours]

    def assignments(k: int, taken: frozenset) -> list[list]:
        if k == len(gaps):
            return [[]]
        out = []
        for row in [None] + [r for r in rows if r["group"] == gaps[k] and r["name"] not in taken]:
            rest = taken | {row["name"]} if row else taken
            out += [[row, *tail] for tail in assignments(k + 1, rest)]
        return out

    def better(a: list, b: list) -> bool:  # does match a beat match b under the pinned rule?
        def totals(m):
            chosen = [r for r in m if r]
            return (len(chosen), sum(r["strength"] for r in chosen), sum(r["internal"] for r in chosen),
                    sum(r["hours_per_month"] for r in chosen))
        if totals(a) != totals(b):
            return totals(a) > totals(b)
        for x, y in zip(a, b, strict=True):  # names in gap order, nobody after any name
            if (x is None) != (y is None):
                return y is None
            if x is not None and x["name"] != y["name"]:
                return x["name"] < y["name"]
        return False

    best = None
    for match in assignments(0, frozenset()):
        if best is None or better(match, best):
            best = match
    return {gap: (row["name"] if row else None) for gap, row in zip(gaps, best, strict=True)}


@pytest.mark.parametrize("seed", [9, 2, 6, 13, 40])
def test_match_mentors_agrees_with_a_brute_force_reading_of_the_rule(seed):
    """Does match_mentors give the pinned match on other mentor lists and gap orders?"""
    table = mlpm.datasets.mentors(seed=seed)
    for gaps in (["influence", "product strategy"], ["product strategy", "influence", "technical fluency"],
                 ["product delivery", "influence"]):
        assert solved()["match_mentors"](table, gaps, 2) == _brute_force_match(table, gaps, 2)
        assert reference("transition").match_mentors(table, gaps, 2) == _brute_force_match(table, gaps, 2)


def test_whole_match_beats_the_dominated_greedy_pick_on_the_exercise_data():
    """Gap by gap, Ravi takes influence and Lena strategy; Jonah and Ravi have equal strength, two internal
    mentors and more hours. Does the pinned rule pick them, and no match beat them on every count?"""
    table = mlpm.load("mentors")
    gaps = ["influence", "product strategy"]
    ref = reference("transition")
    assert ref.greedy_mentors(table, gaps, 2) == {"influence": "Ravi Desai", "product strategy": "Lena Fischer"}
    assert ref.match_mentors(table, gaps, 2) == {"influence": "Jonah Mercer", "product strategy": "Ravi Desai"}
    assert solved()["my_mentors"] == {"influence": "Jonah Mercer", "product strategy": "Ravi Desai"}


def test_prioritise_matches_exact_ratios_with_both_tie_breaks():
    """Does prioritise sort by impact/effort (exact), then lower effort, then the name?"""
    rng = np.random.default_rng(0)
    for _ in range(20):
        solutions = [{"name": f"s{k}{'xyz'[k % 3]}", "kind": "ml", "addresses": "x",
                      "impact": int(rng.integers(1, 6)), "effort": int(rng.integers(1, 6))} for k in range(8)]
        exact = sorted(solutions, key=lambda s: (-Fraction(s["impact"], s["effort"]), s["effort"], s["name"]))
        assert solved()["prioritise"](solutions) == [s["name"] for s in exact]


@pytest.mark.parametrize("x, power", [(1, 0), (9.99, 0), (10, 1), (3500, 3), (120_000, 5), (999_999, 5),
                                      (1_000_000, 6), (0.5, -1), (0.05, -2)])
def test_order_of_magnitude_is_the_floor_of_log10(x, power):
    """Is the order of magnitude the power of ten, rounded down (counted with decimal digits)?"""
    assert solved()["order_of_magnitude"](x) == power


def test_solution_fermi_is_plausible_and_its_arithmetic_holds():
    """Is the solution's estimate the product of its factors, in the 10^4-10^6 range of plausible answers?"""
    ns = solved()
    factors = ns["substitutions_fermi"]
    assert ns["weekly_substitutions"] == 120_000 * 0.8 * 35 * 0.03 == np.prod(list(factors.values()))
    assert 4 <= ns["order_of_magnitude"](ns["weekly_substitutions"]) <= 6


# ---- the radar checkers, both ways ----------------------------------------------------------------

SCORES = {"start": pd.Series([2.5, 3.5, 1.5, 3.0], index=list(GROUPS)),
          "end": pd.Series([3.5, 4.0, 3.0, 3.5], index=list(GROUPS))}


def _radar(close=True, labels=GROUPS, ylim=(0, 5), legend=True, title="Skills", shift=0, fill=False):
    angles = np.linspace(0, 2 * np.pi, 4, endpoint=False)
    fig = plt.figure()
    ax = fig.add_subplot(projection="polar")
    for name, series in SCORES.items():
        values = np.roll(series.reindex(list(GROUPS)).to_numpy(), shift)
        xs, ys = (np.append(angles, angles[0]), np.append(values, values[0])) if close else (angles, values)
        (ax.fill if fill else ax.plot)(xs, ys, label=name)
    ax.set_xticks(angles)
    ax.set_xticklabels(labels)
    ax.set_ylim(*ylim)
    if legend:
        ax.legend()
    ax.set_title(title)
    return fig


def test_reference_radar_passes_every_radar_check():
    """Does a correct radar pass the spoke, polygon, scale, title and legend checks?"""
    fig = _radar()
    check_spokes(fig, GROUPS)
    check_closed(fig, 2)
    check_polygons(fig, SCORES)
    check_scale(fig)
    check_radar_title(fig)
    check_legend(fig, ["start", "end"])
    plt.close(fig)


def test_solution_radar_passes_with_its_own_scores():
    """Does the solution's radar pass the polygon check on the survey's start and end scores?"""
    ns = solved()
    check_polygons(ns["radar"], {c: ns["group_scores"](ns["skills_survey"], c) for c in ("start", "end")})


@pytest.mark.parametrize("kwargs, check, message", [
    ({"close": False}, lambda f: check_closed(f, 2), "not closed"),
    ({"shift": 1}, lambda f: check_polygons(f, SCORES), "on their own groups' spokes"),
    ({"labels": ["a", "b", "c", "d"]}, lambda f: check_spokes(f, GROUPS), "label one spoke per skill group"),
    ({"ylim": (1, 4)}, check_scale, "from 0 to 5"),
    ({"legend": False}, lambda f: check_legend(f, ["start", "end"]), "no legend"),
    ({"title": ""}, check_radar_title, "no title"),
])
def test_radar_checks_catch_each_mistake_with_its_message(kwargs, check, message):
    """Does each radar mistake fail with the message that names it?"""
    fig = _radar(**kwargs)
    with pytest.raises(AssertionError, match=message):
        check(fig)
    plt.close(fig)


@pytest.mark.parametrize("close", [True, False])
def test_filled_polygons_are_polygons_too(close):
    """Does a radar drawn with `ax.fill` alone (closed by matplotlib, first point repeated or not) pass?"""
    fig = _radar(close=close, fill=True)
    check_closed(fig, 2)
    check_polygons(fig, SCORES)
    check_legend(fig, ["start", "end"])
    plt.close(fig)
    fig = _radar(fill=True, shift=1)
    with pytest.raises(AssertionError, match="on their own groups' spokes"):
        check_polygons(fig, SCORES)
    plt.close(fig)


def test_an_open_polygon_still_reads_its_values():
    """Is an open polygon's mistake charged once: its values on the right spokes still pass?"""
    fig = _radar(close=False)
    check_polygons(fig, SCORES)
    plt.close(fig)


def test_plan_accepts_the_learners_own_mentor_match():
    """Does a plan that takes the learner's own (wrong) question 3 match as it is keep its points?"""
    ns = solved()
    plan = _plan()
    plan["mentors"] = {"influence": "Amara Osei", "product strategy": "Ravi Desai"}
    with pytest.raises(AssertionError, match="too few hours"):
        check_plan_gaps(plan, [["influence", "product strategy"]], ns["READING_LIST"], ns["mentors"], 2)
    check_plan_gaps(plan, [["influence", "product strategy"]], ns["READING_LIST"], ns["mentors"], 2,
                    own_match=dict(plan["mentors"]))


def test_a_cartesian_chart_is_not_a_radar():
    """Is a line chart on ordinary axes refused with a pointer to polar axes?"""
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [1, 2, 3])
    with pytest.raises(AssertionError, match="no polar axes"):
        check_spokes(fig, GROUPS)
    with pytest.raises(AssertionError, match="Figure"):
        check_spokes(ax, GROUPS)
    plt.close(fig)


# ---- the plan, BUS, Fermi, metrics and drill checkers, both ways -----------------------------------

def _plan():
    return copy.deepcopy(solved()["transition_plan"])


def _run_plan_checks(plan):
    ns = solved()
    check_plan_shape(plan)
    check_plan_dates(plan, ns["TODAY"], ns["SHORT_TERM_END"], ns["MEDIUM_TERM_END"])
    check_plan_people(plan, ns["SHARE_WITH"], ns["OPEN_ROLES"])
    check_plan_gaps(plan, [["influence", "product strategy"]], ns["READING_LIST"], ns["mentors"], ns["MIN_HOURS"])
    check_trial(plan, ns["TRIAL_OPTIONS"], *ns["TRIAL_WEEKS"])


def test_solution_plan_passes_and_other_coherent_plans_too():
    """Do the solution's plan and a plan with other fair choices both pass?"""
    _run_plan_checks(_plan())
    other = _plan()
    other.update(shared_with=("colleagues", "manager"), internal_move="ML PM, supply forecasting")
    other["learning"] = {"influence": "good_pm_bad_pm", "product strategy": "empowered"}
    other["mentors"] = {"influence": "Jonah Mercer", "product strategy": "Ravi Desai"}
    other["trial"] = {"how": "cover a PM's leave", "weeks": np.int64(4), "step_back_if": "my team's models suffer"}
    other["short_term"] = [{"goal": "Run discovery interviews", "by": "2026-12-31"}]
    _run_plan_checks(other)


@pytest.mark.parametrize("change, message", [
    (lambda p: p.pop("trial"), "no entry for 'trial'"),
    (lambda p: p.update(short_term=[{"goal": "Shadow a PM", "by": "next month"}]), "YYYY-MM-DD"),
    (lambda p: p.update(short_term=[{"goal": "Shadow a PM", "by": "2026-06-30"}]), "dated 2026-06-30: short-term"),
    (lambda p: p.update(medium_term=[{"goal": "Become a PM", "by": "2029-01-01"}]), "dated 2029-01-01: medium-term"),
    (lambda p: p.update(shared_with=["mentors"]), "include your manager"),
    (lambda p: p.update(internal_move=None), "OPEN_ROLES"),
    (lambda p: p["learning"].pop("influence"), "one entry per gap"),
    (lambda p: p["learning"].update(influence="agile_crash_course"), "serves other groups"),
    (lambda p: p["mentors"].update(influence="Mei Tanaka"), "coaches that group"),
    (lambda p: p["mentors"].update(influence="Amara Osei"), "too few hours"),
    (lambda p: p["mentors"].update(influence="Ravi Desai", **{"product strategy": "Ravi Desai"}), "same person"),
    (lambda p: p["trial"].update(weeks=30), "whole number of weeks"),
    (lambda p: p["trial"].update(weeks=8.0), "whole number of weeks"),
    (lambda p: p["trial"].update(step_back_if=""), "step back"),
])
def test_plan_checks_catch_each_incoherence(change, message):
    """Does each incoherent plan fail with the message that names the part?"""
    plan = _plan()
    change(plan)
    with pytest.raises(AssertionError, match=message):
        _run_plan_checks(plan)


def _bus():
    return copy.deepcopy(solved()["bus_answer"])


def _run_bus_checks(bus):
    ns = solved()
    check_bus_shape(bus)
    check_bus_metrics(bus, ns["GOALS"], ns["METRICS"], ns["GOAL_METRICS"], ns["DRIVERS"])
    check_bus_users(bus, ns["PAIN_POINTS"])
    check_bus_solutions(bus)
    check_bus_mvp(bus, [ns["prioritise"](bus["solutions"])])
    check_bus_focus(bus)
    check_bus_risks(bus, ns["RISKS"])


def test_solution_bus_passes_and_so_does_a_different_coherent_answer():
    """Do the solution's BUS answer and one with another goal, MVP and metrics both pass?"""
    _run_bus_checks(_bus())
    other = _bus()
    other["business"] = {"goal": "grow basket size", "metric": "average basket EUR"}
    other["success_metric"], other["guardrail"] = "average basket EUR", "refunds per 100 orders"
    other["mvp"] = other["prioritised"][1]  # approving substitutes: the busy singles' pain
    other["focus"] = "busy singles out at delivery"
    other["risks"] = {"usability": "singles may not open the app in time to approve",
                      "viability": "holding orders for approval delays picking"}
    _run_bus_checks(other)
    retyped = _bus()  # the focus and the MVP typed again by hand, in another case and spacing
    retyped["focus"] = "  " + retyped["focus"].title()
    retyped["mvp"] = retyped["mvp"].upper().replace(" ", "  ")
    _run_bus_checks(retyped)


@pytest.mark.parametrize("change, message", [
    (lambda b: b["business"].update(goal="make customers happy"), "one of `GOALS`"),
    (lambda b: b.update(guardrail="model AUC"), "one of `METRICS`"),
    (lambda b: b["business"].update(metric="app rating"), "does not measure the goal"),
    (lambda b: b.update(success_metric="new subscribers per week"), "not tied to the business goal"),
    (lambda b: b.update(guardrail="substitution acceptance rate"), "repeats a metric"),
    (lambda b: b.update(users=b["users"][:1]), "at least two segments"),
    (lambda b: b["users"][1].update(segment=b["users"][0]["segment"]), "name of its own"),
    (lambda b: b["users"][0].update(pain_points=["unwanted substitute"]), "at least two different pain points"),
    (lambda b: b.update(solutions=b["solutions"][:2]), "at least three solutions"),
    (lambda b: [s.update(kind="non-ml") for s in b["solutions"]], "at least one of each"),
    (lambda b: b["solutions"][0].update(addresses="substitute costs more"), "no segment lists"),
    (lambda b: b["solutions"][0].update(effort=2.5), "whole number from 1 to 5"),
    (lambda b: b.update(prioritised=list(reversed(b["prioritised"]))), "pinned order"),
    (lambda b: b.update(mvp=b["prioritised"][-1]), "first two"),
    (lambda b: b.update(focus="everyone"), "name one of your segments"),
    (lambda b: b.update(focus=b["users"][1]["segment"]), "does not address a pain point of your focus"),
    (lambda b: b.update(risks={"value": "they may not like it"}), "at least two of `RISKS`"),
    (lambda b: b.update(risks={"value": "x y", "cost": "too dear overall"}), "at least two of `RISKS`"),
    (lambda b: b.update(trade_off="none"), "what your choice gives up"),
])
def test_bus_checks_catch_each_incoherence(change, message):
    """Does each incoherent BUS answer fail with the message that names the part?"""
    bus = _bus()
    change(bus)
    with pytest.raises(AssertionError, match=message):
        _run_bus_checks(bus)


BANDS = {"orders_per_subscriber_per_week": (0.25, 3), "items_per_order": (10, 80),
         "share_of_items_substituted": (0.005, 0.2)}


def test_fermi_factors_both_ways():
    """Are plausible factors accepted, and a percentage share, a changed fact or a missing factor refused?"""
    facts = {"active_subscribers": 120_000}
    good = {"active_subscribers": 120_000, "orders_per_subscriber_per_week": 1, "items_per_order": np.int64(40),
            "share_of_items_substituted": np.float64(0.05)}
    check_fermi_factors(good, facts, BANDS, "f")
    with pytest.raises(AssertionError, match="implausible value for 'share_of_items_substituted'"):
        check_fermi_factors(dict(good, share_of_items_substituted=5), facts, BANDS, "f")
    with pytest.raises(AssertionError, match="changes a given fact"):
        check_fermi_factors(dict(good, active_subscribers=100_000), facts, BANDS, "f")
    with pytest.raises(AssertionError, match="no entry for 'items_per_order'"):
        check_fermi_factors({k: v for k, v in good.items() if k != "items_per_order"}, facts, BANDS, "f")
    with pytest.raises(AssertionError, match="should be a number"):
        check_fermi_factors(dict(good, items_per_order="40"), facts, BANDS, "f")


def test_metric_and_drill_shapes_both_ways():
    """Are the solution's metric and drill answers well-formed, and a repeat or an unlisted option refused?"""
    ns = solved()
    check_metric_shape(ns["metric_answers"], list(ns["METRIC_SCENARIOS"]), ns["METRIC_OPTIONS"], "m")
    check_drill_shape(ns["drill_answers"], ns["TECH_DRILL"], "d")
    repeated = copy.deepcopy(ns["metric_answers"])
    repeated["churn_voucher"]["counter"] = "4-week churn rate"
    with pytest.raises(AssertionError, match="same metric twice"):
        check_metric_shape(repeated, list(ns["METRIC_SCENARIOS"]), ns["METRIC_OPTIONS"], "m")
    with pytest.raises(AssertionError, match="one of that question's options"):
        check_drill_shape(dict(ns["drill_answers"], staging="prod"), ns["TECH_DRILL"], "d")


# ---- impact bullets: the pinned heuristic, both ways -----------------------------------------------

# well-formed bullets (the form heuristic only: whether a claim is earned is check_claim's job, below)
GOOD_BULLETS = [
    "Cut churn among flagged subscribers from 9.1 % to 7.4 % in 8 weeks with a weekly call list.",
    "Led a weekly call programme that kept about 300 at-risk subscribers a quarter.",
    "Saved the data team 6 hours a week by giving category managers a self-serve stock dashboard.",
    "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, with a LightGBM demand forecast.",
    "Introduced a demand forecast that trimmed €30k a month of fresh-food waste across all warehouses.",
    "Grew average basket value 4 % for 20,000 families by launching recipe suggestions in the app.",
    "Gave 40 category managers stock alerts two days sooner, cutting stock-outs by a fifth (12 % of orders).",
    "Persuaded finance to fund a retention pilot that kept 1,100 subscribers in its first quarter.",
    "Halved the time category managers wait for stock data, freeing analysts for deeper work.",
    "Slashed the data team's weekly extract work by 6 hours with a self-serve stock dashboard.",
    "Launched weekly calls to 2,000 flagged subscribers; churn among them declined to 7.4 % in 8 weeks.",
]
BAD_BULLETS = {
    "Responsible for a churn model that reduced churn by 2 points for our subscribers.": "action verb",
    "Built a dashboard so category managers no longer wait for weekly stock extracts.": "no number",
    "Trained an XGBoost model in Python with an AUC of 0.81 on 40 features.": "outcome",
    "Replaced an LSTM with LightGBM in Python, cutting RMSE by 18 % and fresh-food waste by 11 %.": "tool-centric",
    "Cut churn 2 %.": "words long",
    "Deployed an XGBoost churn model to production, scoring 120,000 subscribers every week.": "not what changed",
    "Need to mention that churn fell from 9.1 % to 7.4 % among the subscribers we flagged.": "action verb",
}


@pytest.mark.parametrize("bullet", GOOD_BULLETS)
def test_good_bullets_in_many_styles_pass(bullet):
    """Does a good impact bullet pass, however it is phrased?"""
    assert bullet_problems(bullet) == []
    check_bullet(bullet, "b")


@pytest.mark.parametrize("bullet, problem", list(BAD_BULLETS.items()))
def test_bad_bullets_fail_for_the_right_reason(bullet, problem):
    """Does each weak bullet fail, and the message name what it lacks?"""
    with pytest.raises(AssertionError, match=problem):
        check_bullet(bullet, "b")


def test_the_original_achievements_read_as_tool_centric():
    """Do the achievements as a data scientist wrote them fail the heuristic (so the exercise has a point)?"""
    ns = solved()
    assert all(bullet_problems(text) for text in ns["ACHIEVEMENTS"].values())
    assert all(not bullet_problems(text) for text in ns["impact_bullets"].values())


# ---- what a before/after change lets a bullet claim -------------------------------------------------

OVERCLAIMS = {  # bullet -> achievement: each makes the work the cause of a change measured only before/after
    "Cut churn among flagged subscribers from 9.1 % to 7.4 % in 8 weeks with a weekly call list.": "churn_model",
    "Lowered churn among 2,000 at-risk subscribers from 9.1 % to 7.4 % in 8 weeks with weekly calls.": "churn_model",
    "Led a weekly call programme that kept about 300 at-risk subscribers a quarter.": "churn_model",
    "Drove down churn among high-risk subscribers from 9.1 % to 7.4 % with a weekly call list.": "churn_model",
    "Improved retention of 2,000 flagged subscribers a week: churn fell from 9.1 % to 7.4 %.": "churn_model",
    "Built a weekly call list; churn among flagged subscribers fell from 9.1 % to 7.4 % thanks to the calls.":
        "churn_model",
    "Decreased the flagged group's churn from 9.1 % to 7.4 % in 8 weeks with weekly calls.": "churn_model",
    "Reduced fresh-food waste by 11 %, about EUR 30,000 a month, with a better demand forecast.": "forecast",
    "Introduced a demand forecast that trimmed €30k a month of fresh-food waste across all warehouses.": "forecast",
    "Replaced an LSTM with LightGBM in Python, cutting RMSE by 18 % and fresh-food waste by 11 %.": "forecast",
    "Drove fresh-food waste down 11 %, saving EUR 30,000 a month, with a new demand forecast.": "forecast",
    "Gave warehouses a better forecast, resulting in 11 % less fresh-food waste, about EUR 30,000 a month.":
        "forecast",
}
HONEST = {  # bullet -> achievement: each says what moved, opening with what the author did
    "Launched weekly retention calls for 2,000 flagged subscribers; churn among them fell from 9.1 % to 7.4 % in "
    "8 weeks (before/after, no control group)": "churn_model",
    "Built a weekly at-risk call list for the retention team; over 8 weeks, churn among the 2,000 flagged "
    "subscribers went from 9.1 % to 7.4 %.": "churn_model",
    "Started weekly calls to 2,000 at-risk subscribers and churn among them decreased from 9.1 % to 7.4 % in "
    "8 weeks.": "churn_model",
    "Turned a churn score into a weekly call list for 2,000 subscribers; churn in the group fell 9.1 % to 7.4 %, "
    "not necessarily due to the calls.": "churn_model",
    "Designed a weekly call list that reaches the 2,000 subscribers most likely to leave; their churn fell from "
    "9.1 % to 7.4 %.": "churn_model",
    "Led the move to a LightGBM forecast; after warehouses ordered against it, fresh-food waste fell 11 %, about "
    "EUR 30,000 a month": "forecast",
    "Moved warehouse ordering onto a new demand forecast; since then fresh-food waste is down 11 %, roughly "
    "EUR 30,000 a month.": "forecast",
    "Rebuilt the demand forecast warehouses order against; fresh-food waste was 11 % lower (about EUR 30,000 a "
    "month) in the months after.": "forecast",
    "Led the switch to a new demand forecast; fresh-food waste fell 11 % afterwards, saving about EUR 30,000 a "
    "month (before/after).": "forecast",
    "Saved the data team 6 hours a week by giving category managers a self-serve stock dashboard.": "dashboard",
}


@pytest.mark.parametrize("bullet, achievement", list(OVERCLAIMS.items()))
def test_a_bullet_claiming_a_before_after_change_as_caused_fails(bullet, achievement):
    """Does a bullet that makes the work the cause of a before/after change fail, naming what to look at?"""
    assert EVIDENCE[achievement] == "before_after"
    with pytest.raises(AssertionError, match="the evidence is a before/after with no control group") as caught:
        check_claim(bullet, achievement, "b")
    assert "claims your work caused the change ('" in str(caught.value)


@pytest.mark.parametrize("bullet, achievement", list(HONEST.items()))
def test_a_bullet_saying_what_moved_passes_both_checks(bullet, achievement):
    """Does an honest bullet, in the learner's own words, pass the claim check and the form heuristic?"""
    check_claim(bullet, achievement, "b")
    assert bullet_problems(bullet) == []


def test_a_direct_saving_may_be_claimed_as_saved():
    """Is "saved 6 hours a week" fair for the dashboard, whose mechanism was seen, and not for a before/after?"""
    bullet = "Saved EUR 30,000 a month of fresh-food waste and 6 hours a week with a self-serve stock dashboard."
    check_claim(bullet, "dashboard", "b")
    assert claim_problems(bullet, CLAIM_OUTCOMES["forecast"])


def test_the_model_answer_claims_only_what_its_evidence_shows():
    """Do the solution's bullets pass the claim checks, and does a non-string fail with a clear message?"""
    ns = solved()
    for key, bullet in ns["impact_bullets"].items():
        check_claim(bullet, key, key)
    with pytest.raises(AssertionError, match="should be a sentence"):
        check_claim(None, "churn_model", "b")


# ---- datasets: planted effects ----------------------------------------------------------------------

def test_skills_survey_plants_two_clear_gaps_and_a_tie():
    """Are influence (1.75) and product strategy (1.25) the biggest start gaps, with a tie at 0.75 behind them?"""
    survey = mlpm.load("skills_survey")
    target, start, end = (_exact_scores(survey, c) for c in ("target", "start", "end"))
    gaps = {g: target[g] - start[g] for g in GROUPS}
    assert gaps == {"product strategy": Fraction(5, 4), "product delivery": Fraction(3, 4),
                    "influence": Fraction(7, 4), "technical fluency": Fraction(3, 4)}
    assert all(end[g] > start[g] for g in GROUPS)
    assert [g for g in GROUPS if end[g] < target[g]] == ["product strategy"]
    assert survey[["target", "start", "end"]].isin(range(1, 6)).all().all()


def test_mentors_plant_an_unavailable_star_and_a_taken_mentor():
    """Is the strongest influence mentor unavailable, and does the best whole match give Ravi (who coaches both
    gaps) to product strategy, where he is strongest?"""
    table = mlpm.load("mentors")
    influence = table[table["group"] == "influence"]
    star = influence.loc[influence["strength"].idxmax()]
    assert star["name"] == "Amara Osei" and star["hours_per_month"] < 2
    assert _brute_force_match(table, ["influence", "product strategy"], 2) == {
        "influence": "Jonah Mercer", "product strategy": "Ravi Desai"}
    assert set(table[table["group"] == "product strategy"].nlargest(1, "strength")["name"]) <= {"Ravi Desai",
                                                                                                  "Lena Fischer"}


def test_lesson_front_matter_gives_the_agreed_minutes():
    """Does the lesson plan 35 minutes of teaching and 55 of practice?"""
    title, teach, practise, objectives = read_front_matter(ROOT / "notebooks" / "10-transition.ipynb")
    assert (teach, practise) == (35, 55) and len(objectives) >= 6


def test_any_sequence_the_prompt_allows_passes():
    """Do numpy arrays and Series where the prompt says 'a list' pass the plan and BUS checks?"""
    plan = _plan()
    plan["shared_with"] = np.array(["manager", "mentors"])
    plan["short_term"] = pd.Series(plan["short_term"])
    _run_plan_checks(plan)
    bus = _bus()
    for user in bus["users"]:
        user["pain_points"] = np.array(user["pain_points"])
    bus["prioritised"] = pd.Series(bus["prioritised"])
    _run_bus_checks(bus)
