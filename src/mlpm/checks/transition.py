"""Checkers for module 10 (the transition): the skills radar, the transition plan, BUS answers,
Fermi estimates, CV impact bullets and the technical-interview drill.

Judgement turned into structure: the plan and the BUS answer are dicts whose parts are checked for
shape and coherence (a success metric tied to the goal, an MVP from the prioritised list, a
learning action and a mentor per gap), never for wording. Impact bullets are read with a pinned,
documented heuristic (:func:`bullet_problems`). Like every checker, they raise ``AssertionError``
with what to look at (never the expected value), compare types strictly and keep warnings off stderr.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from mlpm.checks.core import check_keys, check_names, check_type, fail, is_sequence, quiet

# ---- the gaps ----------------------------------------------------------------------------------


@quiet
def check_top(value: Any, expected: Sequence[str], name: str, *, hint: str = "",
              flipped: Sequence[str] | None = None) -> None:
    """Check a top-n list of groups, biggest first, with :func:`mlpm.checks.check_names`.

    ``flipped`` is the list the same rule gives with the gap's sign flipped (score − target): an answer
    equal to it hears about the sign, the mistake it shows, before any item or order message.
    """
    if flipped is not None and is_sequence(value) and [str(v) for v in value] == list(flipped) \
            and list(flipped) != list(expected):
        fail(name, "ranks the groups where the ratings are furthest *above* the target: the gap "
                   "is target minus score, so a positive gap means the learner falls short.")
    check_names(value, list(expected), name, ordered=True, hint=hint, order_hint=hint)


# ---- the radar chart ---------------------------------------------------------------------------


RADAR = "skills_radar(...)"  # how the checks name the learner's chart


def _polar_axes(fig: Any):
    if not isinstance(fig, Figure):
        fail(RADAR, f"should return the matplotlib Figure (`fig = plt.figure()` ... `return fig`), "
                    f"not a {type(fig).__name__}.")
    polar = [ax for ax in fig.axes if ax.get_visible() and ax.name == "polar"]
    if not polar:
        fail(RADAR, "has no polar axes: create them with `fig.add_subplot(projection='polar')` so the chart "
                    "is a radar.")
    return polar[0]


def _spokes(ax) -> dict[float, str]:
    """Angle (radians, in [0, 2π)) -> the spoke's label, from the x tick labels."""
    labels = [t.get_text().strip() for t in ax.get_xticklabels()]
    return {round(float(a) % (2 * math.pi), 6): label for a, label in zip(ax.get_xticks(), labels, strict=False)}


def _shapes(ax) -> list[tuple[np.ndarray, np.ndarray]]:
    """The (angles, radii) of each drawn polygon: lines of three points or more, and filled polygons
    (``ax.fill``), which matplotlib closes itself."""
    lines = [(np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float))
             for line in ax.get_lines() if len(np.atleast_1d(line.get_xdata())) >= 3]
    fills = [(xy[:, 0], xy[:, 1]) for xy in (np.asarray(p.get_xy(), dtype=float) for p in ax.patches
                                             if isinstance(p, Polygon)) if len(xy) >= 4]
    return lines + fills


def _norm(text: str) -> str:
    return " ".join(str(text).replace("_", " ").lower().split())


@quiet
def check_spokes(fig: Any, groups: Sequence[str]) -> None:
    """Check the radar is polar with exactly one labelled spoke per skill group."""
    ax = _polar_axes(fig)
    labels = [_norm(label) for label in _spokes(ax).values() if label]
    wanted = [_norm(g) for g in groups]
    if sorted(labels) != sorted(wanted):
        fail(RADAR, "should label one spoke per skill group, each group once: set the angles with "
                    "`ax.set_xticks(angles)` and the names with `ax.set_xticklabels(groups)`.")


def _vertices(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A polygon's corners: the plotted points, without the repeated first point of a closed polygon."""
    if _is_closed(x, y):
        x, y = x[:-1], y[:-1]
    return x % (2 * math.pi), y


def _is_closed(x: np.ndarray, y: np.ndarray) -> bool:
    return (math.isclose(x[0] % (2 * math.pi), x[-1] % (2 * math.pi), abs_tol=1e-6)
            and math.isclose(y[0], y[-1], abs_tol=1e-9))


@quiet
def check_closed(fig: Any, count: int) -> None:
    """Check the radar draws ``count`` polygons, each closed (the last point repeats the first)."""
    ax = _polar_axes(fig)
    shapes = _shapes(ax)
    if len(shapes) < count:
        fail(RADAR, f"should draw {count} polygon(s), one per set of scores, with `ax.plot(angles, values)`; "
                    "it draws fewer.")
    for x, y in shapes:
        if not _is_closed(x, y):
            fail(RADAR, "draws a polygon that is not closed: repeat the first angle and the first value at the "
                        "end, so the last spoke joins the first.")


@quiet
def check_polygons(fig: Any, scores: Mapping[str, Mapping[str, float]], *, tol: float = 1e-6) -> None:
    """Check that each set of scores is drawn with each group's score on that group's spoke.

    ``scores`` maps a legend label to ``{group: score}``; closing the polygon is :func:`check_closed`'s job.
    """
    ax = _polar_axes(fig)
    spokes = {angle: _norm(label) for angle, label in _spokes(ax).items()}
    drawn = []
    for x, y in _shapes(ax):
        points = {}
        for angle, radius in zip(*_vertices(x, y), strict=True):
            label = next((lab for a, lab in spokes.items() if math.isclose(a, angle, abs_tol=1e-6)), None)
            if label is None:
                fail(RADAR, "draws a polygon with a corner between spokes: plot each score at the angle of its "
                            "group's spoke (the same angles you pass to `set_xticks`).")
            points[label] = radius
        drawn.append(points)
    for label, values in scores.items():
        wanted = {_norm(g): float(v) for g, v in dict(values).items()}
        if not any(set(p) == set(wanted) and all(math.isclose(p[g], wanted[g], abs_tol=tol) for g in wanted)
                   for p in drawn):
            fail(RADAR, f"has no polygon that puts the {label!r} scores on their own groups' spokes: check "
                        "that each value is plotted at the angle labelled with its group.")


@quiet
def check_scale(fig: Any) -> None:
    """Check the radial axis runs from 0 to 5, so two radars compare at a glance."""
    ax = _polar_axes(fig)
    low, high = ax.get_ylim()
    if not (math.isclose(low, 0, abs_tol=1e-9) and math.isclose(high, 5, abs_tol=1e-9)):
        fail(RADAR, "should have a radial scale from 0 to 5 (`ax.set_ylim(0, 5)`), the full range of the "
                    "ratings, so charts drawn at the start and the end compare.")


@quiet
def check_radar_title(fig: Any) -> None:
    """Check the radar has a title (the figure's or the axes')."""
    ax = _polar_axes(fig)
    suptitle = fig._suptitle.get_text().strip() if getattr(fig, "_suptitle", None) else ""
    if not (suptitle or ax.get_title().strip()):
        fail(RADAR, "has no title: say whose skills it shows and when.")


@quiet
def check_legend(fig: Any, labels: Sequence[str]) -> None:
    """Check a legend names each polygon (e.g. "start" and "end")."""
    ax = _polar_axes(fig)
    legend = ax.get_legend() or (fig.legends[0] if fig.legends else None)
    if legend is None:
        fail(RADAR, "has no legend: label each polygon (`label=...`) and call `ax.legend()`, so the reader "
                    "knows which is the start and which the end.")
    shown = {_norm(t.get_text()) for t in legend.get_texts()}
    missing = [label for label in labels if _norm(label) not in shown]
    if missing:
        fail(RADAR, f"has a legend that does not name {', '.join(repr(m) for m in missing)}: use the keys of "
                    "`scores` as the labels.")


# ---- the transition plan -------------------------------------------------------------------------

PLAN_KEYS = ("short_term", "medium_term", "shared_with", "internal_move", "learning", "mentors", "trial")
TRIAL_KEYS = ("how", "weeks", "step_back_if")


def _date(value: Any, name: str) -> dt.date:
    if not isinstance(value, str):
        fail(name, f"should be a date written as a string 'YYYY-MM-DD', "
                   f"but it is a {type(value).__name__}.")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        fail(name, f"is {value!r}: write the date as 'YYYY-MM-DD'.")


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value.split()) >= 2


def _parts(value: Any, keys: Sequence[str], name: str) -> None:
    """Check ``value`` is a dict holding ``keys`` (others may be there): what one check needs, no more."""
    check_type(value, dict, name)
    missing = [key for key in keys if key not in value]
    if missing:
        fail(name, f"has no entry for {', '.join(repr(k) for k in missing)}.")


def _goals(plan: Any, horizon: str, name: str) -> list:
    goals = plan[horizon]
    if not is_sequence(goals) or len(goals) == 0 or not all(
            isinstance(goal, dict) and "by" in goal for goal in goals):
        fail(f"{name}['{horizon}']", "should be a list of goals, each a dict "
                                     "{'goal': a few words, 'by': 'YYYY-MM-DD'}.")
    return list(goals)


@quiet
def check_plan_shape(plan: Any, name: str = "transition_plan") -> None:
    """Check the plan has every part, each of the right kind (goals as lists of {goal, by})."""
    check_keys(plan, PLAN_KEYS, name)
    for horizon in ("short_term", "medium_term"):
        goals = plan[horizon]
        if not is_sequence(goals) or len(goals) == 0:
            fail(f"{name}['{horizon}']", "should be a list of at least one goal.")
        for goal in goals:
            if not (isinstance(goal, dict) and set(goal) == {"goal", "by"} and _text(goal["goal"])):
                fail(f"{name}['{horizon}']", "should hold goals that are each a dict "
                                             "{'goal': a few words, 'by': 'YYYY-MM-DD'}.")
            _date(goal["by"], f"{name}['{horizon}'][...]['by']")
    if not is_sequence(plan["shared_with"]) or len(plan["shared_with"]) == 0:
        fail(f"{name}['shared_with']", "should be a list of who you share the plan with.")
    for part in ("learning", "mentors"):
        check_type(plan[part], dict, f"{name}['{part}']")
    check_keys(plan["trial"], TRIAL_KEYS, f"{name}['trial']")


@quiet
def check_plan_dates(plan: Any, today: str, short_end: str, medium_end: str, name: str = "transition_plan") -> None:
    """Check short-term goals fall after today and by ``short_end``; medium-term after it, by ``medium_end``."""
    _parts(plan, ("short_term", "medium_term"), name)
    start, short, medium = (dt.date.fromisoformat(d) for d in (today, short_end, medium_end))
    for goal in _goals(plan, "short_term", name):
        when = _date(goal["by"], f"{name}['short_term'][...]['by']")
        if not start < when <= short:
            fail(f"{name}['short_term']", f"has a goal dated {goal['by']}: short-term goals fall after today and "
                                          "within the short-term horizon the prompt gives.")
    for goal in _goals(plan, "medium_term", name):
        when = _date(goal["by"], f"{name}['medium_term'][...]['by']")
        if not short < when <= medium:
            fail(f"{name}['medium_term']", f"has a goal dated {goal['by']}: medium-term goals fall after the "
                                           "short-term horizon and within the medium-term one.")


@quiet
def check_plan_people(plan: Any, audiences: Sequence[str], open_roles: Sequence[str],
                      name: str = "transition_plan") -> None:
    """Check the plan is shared with the manager and someone else, and names an open internal role."""
    _parts(plan, ("shared_with", "internal_move"), name)
    if not is_sequence(plan["shared_with"]):
        fail(f"{name}['shared_with']", "should be a list of options from `SHARE_WITH`.")
    shared = [str(s) for s in plan["shared_with"] if isinstance(s, str)]
    if len(shared) != len(plan["shared_with"]) or any(s not in audiences for s in shared):
        fail(f"{name}['shared_with']", "should list options from `SHARE_WITH`.")
    if "manager" not in shared or len(set(shared)) < 2:
        fail(f"{name}['shared_with']", "should include your manager and at least one more "
                                       "audience: a move nobody knows about does not get support.")
    move = plan["internal_move"]
    if not (isinstance(move, str) and move in open_roles):
        fail(f"{name}['internal_move']", "should name one of `OPEN_ROLES`: Larder has open "
                                         "product roles, and an internal move is the shortest path.")


@quiet
def check_plan_gaps(plan: Any, gap_sets: Sequence[Sequence[str]], reading: Mapping[str, tuple[str, set]],
                    mentor_table: pd.DataFrame, min_hours: float, name: str = "transition_plan",
                    own_match: Any = None) -> None:
    """Check each gap has a learning action that serves it and a mentor who coaches it and has the time.

    ``gap_sets`` lists the gap lists a fair reader accepts (the reference's and the learner's own);
    ``own_match`` is the learner's own mentor match (question 3): taking it as it is costs nothing here.
    """
    _parts(plan, ("learning", "mentors"), name)
    learning, mentors = plan["learning"], plan["mentors"]
    check_type(learning, dict, f"{name}['learning']")
    check_type(mentors, dict, f"{name}['mentors']")
    if not any(set(learning) == set(gaps) and set(mentors) == set(gaps) for gaps in gap_sets):
        fail(f"{name}['learning']", f"and `{name}['mentors']` should each have one entry per gap "
                                    "in `my_gaps`, keyed by the group's name.")
    for gap, item in learning.items():
        if not isinstance(item, str) or item not in reading:
            fail(f"{name}['learning'][{gap!r}]", "should be a key of `READING_LIST`.")
        if gap not in reading[item][1]:
            fail(f"{name}['learning'][{gap!r}]", "names a reading that serves other groups: "
                                                 "see which groups each item of `READING_LIST` serves.")
    if isinstance(own_match, dict) and mentors == own_match and all(isinstance(v, str) for v in mentors.values()):
        return  # the learner's own match from question 3, used faithfully (error carried forward)
    for gap, who in mentors.items():
        rows = mentor_table[(mentor_table["name"] == who) & (mentor_table["group"] == gap)]
        if not isinstance(who, str) or rows.empty:
            fail(f"{name}['mentors'][{gap!r}]", "should be a mentor from `mentors` who coaches "
                                                "that group.")
        if rows["hours_per_month"].max() < min_hours:
            fail(f"{name}['mentors'][{gap!r}]", "has too few hours a month to mentor you: "
                                                "check `hours_per_month` against `MIN_HOURS`.")
    if len(set(mentors.values())) < len(mentors):
        fail(f"{name}['mentors']", "gives two gaps the same person: the pinned rule asks for a "
                                   "different mentor per gap.")


@quiet
def check_trial(plan: Any, options: Sequence[str], min_weeks: int, max_weeks: int,
                name: str = "transition_plan") -> None:
    """Check the plan tries the role for a bounded time and says when you would step back."""
    _parts(plan, ("trial",), name)
    trial = plan["trial"]
    _parts(trial, TRIAL_KEYS, f"{name}['trial']")
    if not (isinstance(trial["how"], str) and trial["how"] in options):
        fail(f"{name}['trial']['how']", "should be one of `TRIAL_OPTIONS`.")
    weeks = trial["weeks"]
    if isinstance(weeks, bool) or not isinstance(weeks, (int, np.integer)) or not min_weeks <= weeks <= max_weeks:
        fail(f"{name}['trial']['weeks']", "should be a whole number of weeks within the range the "
                                          "prompt gives: long enough to learn, short enough to step back.")
    if not _text(trial["step_back_if"]):
        fail(f"{name}['trial']['step_back_if']", "should say, in a few words, what would make you "
                                                 "step back.")


# ---- the BUS answer ------------------------------------------------------------------------------

BUS_KEYS = ("business", "users", "focus", "solutions", "prioritised", "mvp", "success_metric", "guardrail", "risks",
            "trade_off")
SOLUTION_KEYS = ("name", "kind", "addresses", "impact", "effort")


@quiet
def check_bus_shape(bus: Any, name: str = "bus_answer") -> None:
    """Check the BUS answer has every part, each of the right kind (the choices are checked elsewhere)."""
    check_keys(bus, BUS_KEYS, name)
    check_keys(bus["business"], ("goal", "metric"), f"{name}['business']")
    for where, value in ((f"{name}['business']['goal']", bus["business"]["goal"]),
                         (f"{name}['business']['metric']", bus["business"]["metric"]),
                         (f"{name}['success_metric']", bus["success_metric"]),
                         (f"{name}['guardrail']", bus["guardrail"]), (f"{name}['mvp']", bus["mvp"]),
                         (f"{name}['focus']", bus["focus"]), (f"{name}['trade_off']", bus["trade_off"])):
        if not isinstance(value, str):
            fail(where, "should be a string, one of the named options.")
    for part in ("users", "solutions", "prioritised"):
        if not is_sequence(bus[part]):
            fail(f"{name}[{part!r}]", "should be a list.")
    check_type(bus["risks"], dict, f"{name}['risks']")


@quiet
def check_bus_metrics(bus: Any, goals: Sequence[str], metrics: Sequence[str], goal_metrics: Mapping[str, set],
                      drivers: Mapping[str, set], name: str = "bus_answer") -> None:
    """Check the metrics cohere: named options, the goal's own metric, a success metric tied to the goal and
    a separate guardrail."""
    _parts(bus, ("business", "success_metric", "guardrail"), name)
    _parts(bus["business"], ("goal", "metric"), f"{name}['business']")
    goal, metric = bus["business"]["goal"], bus["business"]["metric"]
    if not isinstance(goal, str) or goal not in goals:
        fail(f"{name}['business']['goal']", "should be one of `GOALS`.")
    for where, value in ((f"{name}['business']['metric']", metric), (f"{name}['success_metric']",
                         bus["success_metric"]), (f"{name}['guardrail']", bus["guardrail"])):
        if not isinstance(value, str) or value not in metrics:
            fail(where, "should be one of `METRICS`.")
    if metric not in goal_metrics[goal]:
        fail(f"{name}['business']['metric']", "does not measure the goal you chose: see "
                                              "`GOAL_METRICS`.")
    if bus["success_metric"] not in goal_metrics[goal] | drivers[goal]:
        fail(f"{name}['success_metric']", "is not tied to the business goal: pick the goal's metric "
                                          "or one of its drivers (`DRIVERS`).")
    if bus["guardrail"] in (metric, bus["success_metric"]):
        fail(f"{name}['guardrail']", "repeats a metric you already aim to move: a guardrail is a "
                                     "different metric that must not get worse.")


@quiet
def check_bus_users(bus: Any, pain_points: Sequence[str], name: str = "bus_answer") -> None:
    """Check at least two distinct segments, each with at least two distinct ranked pain points."""
    _parts(bus, ("users",), name)
    users = bus["users"]
    if not is_sequence(users) or len(users) < 2 or not all(
            isinstance(u, dict) and set(u) == {"segment", "pain_points"} for u in users):
        fail(f"{name}['users']", "should list at least two segments, each a dict "
                                 "{'segment': ..., 'pain_points': [...]}.")
    segments = [u["segment"] for u in users]
    if not all(_text(s) or (isinstance(s, str) and s.strip()) for s in segments) or len(set(segments)) < len(users):
        fail(f"{name}['users']", "should give each segment a name of its own.")
    for user in users:
        points = user["pain_points"]
        if (not is_sequence(points) or len(points) < 2 or len(set(points)) < len(points)
                or any(p not in pain_points for p in points)):
            fail(f"{name}['users']", f"has segment {user['segment']!r}, which should rank at least two different "
                                     "pain points from `PAIN_POINTS`, worst first.")


@quiet
def check_bus_solutions(bus: Any, name: str = "bus_answer") -> None:
    """Check at least three solutions, ML and non-ML, each addressing a listed pain point, scored 1-5."""
    _parts(bus, ("users", "solutions"), name)
    solutions = bus["solutions"]
    if not is_sequence(solutions) or len(solutions) < 3 or not all(
            isinstance(s, dict) and set(s) == set(SOLUTION_KEYS) for s in solutions):
        fail(f"{name}['solutions']", f"should list at least three solutions, each a dict with "
                                     f"the keys {', '.join(SOLUTION_KEYS)}.")
    kinds = {s["kind"] for s in solutions}
    if not kinds <= {"ml", "non-ml"} or kinds != {"ml", "non-ml"}:
        fail(f"{name}['solutions']", "should have 'kind' 'ml' or 'non-ml', with at least one of "
                                     "each: the simplest fix is often not a model.")
    names = [s["name"] for s in solutions]
    if len(set(names)) < len(names):
        fail(f"{name}['solutions']", "has two solutions that share a name.")
    listed = {p for u in bus["users"] if isinstance(u, dict) for p in u.get("pain_points", ()) if isinstance(p, str)}
    if any(s["addresses"] not in listed for s in solutions):
        fail(f"{name}['solutions']", "has a solution that addresses a pain point no segment lists: "
                                     "tie every solution to a user's pain.")
    for s in solutions:
        for score in ("impact", "effort"):
            value = s[score]
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not 1 <= value <= 5:
                fail(f"{name}['solutions']", f"gives {s['name']!r} an {score} that is not a whole number from 1 to 5.")


@quiet
def check_bus_mvp(bus: Any, orders: Sequence[Sequence[str]], name: str = "bus_answer") -> None:
    """Check the list is prioritised by the pinned rule and the MVP is one of its first two."""
    _parts(bus, ("prioritised", "mvp"), name)
    if not is_sequence(bus["prioritised"]):
        fail(f"{name}['prioritised']", "should be a list of your solutions' names.")
    prioritised = [str(p) for p in bus["prioritised"]]
    if not any(prioritised == list(order) for order in orders):
        fail(f"{name}['prioritised']", "is not your solutions in the pinned order: use "
                                       "`prioritise(bus_answer['solutions'])`.")
    if not isinstance(bus["mvp"], str) or _norm(bus["mvp"]) not in [_norm(p) for p in prioritised[:2]]:
        fail(f"{name}['mvp']", "should be one of the first two prioritised solutions: start where "
                               "the value per effort is highest.")


@quiet
def check_bus_focus(bus: Any, name: str = "bus_answer") -> None:
    """Check the answer picks one segment and builds its MVP for that segment.

    The focus is one of the answer's own segments; the MVP addresses a pain point that segment lists.
    Which segment is the learner's call. Names retyped in another case or spacing still match.
    """
    _parts(bus, ("users", "focus", "solutions", "mvp"), name)
    segments = {_norm(u.get("segment")): u for u in bus["users"] if isinstance(u, dict)} \
        if is_sequence(bus["users"]) else {}
    focus = bus["focus"]
    if not isinstance(focus, str) or _norm(focus) not in segments:
        fail(f"{name}['focus']", f"should name one of your segments in `{name}['users']`: an "
                                 "interviewer wants to hear which users you would serve first.")
    by_name = {_norm(s.get("name")): s for s in bus["solutions"] if isinstance(s, dict)} \
        if is_sequence(bus["solutions"]) else {}
    mvp = by_name.get(_norm(bus["mvp"]))
    if mvp is None or mvp.get("addresses") not in segments[_norm(focus)].get("pain_points", ()):
        fail(f"{name}['mvp']", "does not address a pain point of your focus segment: build first "
                               "for the users you chose, or choose the segment your MVP serves.")


@quiet
def check_bus_risks(bus: Any, risks: Sequence[str], name: str = "bus_answer") -> None:
    """Check ``risks`` maps at least two of the four product risks to a few words each, and ``trade_off`` says
    in a few words what the choice gives up. Which risks are the learner's call."""
    _parts(bus, ("risks", "trade_off"), name)
    named = bus["risks"]
    if not isinstance(named, dict) or any(k not in risks for k in named) or len(named) < 2 \
            or not all(_text(v) for v in named.values()):
        fail(f"{name}['risks']", "should map at least two of `RISKS` to a few words each: what "
                                 "could make this MVP fail.")
    if not _text(bus["trade_off"]):
        fail(f"{name}['trade_off']", "should say in a few words what your choice gives up.")


# ---- the Fermi estimate --------------------------------------------------------------------------

@quiet
def check_fermi_factors(factors: Any, facts: Mapping[str, float], bands: Mapping[str, tuple[float, float]],
                        name: str) -> None:
    """Check a decomposition: the given facts unchanged, every estimated factor a number in a plausible band."""
    check_keys(factors, [*facts, *bands], name)
    for key, value in factors.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            fail(f"{name}[{key!r}]", "should be a number.")
    changed = [k for k, v in facts.items() if not math.isclose(float(factors[k]), v, rel_tol=1e-9)]
    if changed:
        fail(name, f"changes a given fact ({', '.join(changed)}): keep what you are told, "
                   "estimate only the rest.")
    odd = [k for k, (low, high) in bands.items() if not low <= float(factors[k]) <= high]
    if odd:
        fail(name, f"has an implausible value for {', '.join(repr(k) for k in odd)}: check the "
                   "unit (a share is a fraction, not a percentage) and sanity-check it against a "
                   "week of your own shopping.")


# ---- CV impact bullets ---------------------------------------------------------------------------

ACTION_VERBS = frozenset("""
cut led lead ran run built build grew grow drove drive won win set made make took shaped shape saved save
launched launch reduced reduce increased increase raised raise lifted lift shipped ship designed design owned own
delivered deliver turned turn sped speed halved halve doubled double tripled triple brought bring found spotted
convinced persuaded negotiated aligned started created create introduced introduce replaced replace rebuilt
redesigned prevented prevent recovered recover opened unlocked boosted boost improved improve lowered lower
gave give freed free kept keep sold sell wrote write taught teach took take got get began begin trimmed trim
""".split())
OUTCOME_WORDS = frozenset("""
churn retention retained retain kept keep revenue cost costs saved saving savings save conversion converted
customers customer subscribers subscriber users user orders order refunds refund hours time margin sales profit
complaints satisfaction nps engagement basket baskets adoption signups sign-ups renewals losses loss spend budget
minutes days weeks eur euros € $ £ income calls contacts waste stock-outs deliveries
""".split())
TOOL_WORDS = frozenset("""
python pandas numpy sklearn scikit-learn xgboost lightgbm catboost tensorflow pytorch keras sql spark pyspark
airflow docker kubernetes jupyter notebook notebooks auc f1 rmse r2 hyperparameter hyperparameters gridsearch
gridsearchcv mlflow dbt snowflake bigquery tableau shap lstm bert transformer transformers
""".split())
CHANGE_WORDS = frozenset("""
cut cuts cutting reduced reduces reducing fell fall falls dropped drop rose rise rises grew grow grows raised
raises lifted lifts saved saves saving freed frees freeing halved halving doubled doubling tripled lowered
lowers increased increases improved improves boosted boosts trimmed trims kept keeps retained prevented avoided
recovered won slashed slashes decreased decreases declined shrank sooner faster fewer less more higher lower shorter
down up from
""".split())
NUMBER_WORDS = frozenset("""
halved halve half doubled double twice tripled triple third quarter one two three four five six seven eight nine
ten dozen
""".split())
MIN_WORDS, MAX_WORDS = 8, 40


def _bullet_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9€$£%][a-z0-9€$£%'\-.]*", text.lower().replace(",", " "))


def _action_verb(word: str) -> bool:
    """In :data:`ACTION_VERBS`, or a past tense in "-ed" (not a word like "need" or "feed")."""
    return word in ACTION_VERBS or (len(word) >= 5 and word.endswith("ed") and not word.endswith("eed"))


def bullet_problems(text: str) -> list[str]:
    """What a CV impact bullet lacks, by the pinned heuristic (empty when it reads as impact).

    1. **Action**: the first word is an action verb: in :data:`ACTION_VERBS` or a past tense in "-ed"
       (five letters or more, not "-eed": "Need" and "Feed" are not past tenses).
    2. **Number**: it holds a digit or a number word (:data:`NUMBER_WORDS`: "halved", "doubled", "two"...).
    3. **Outcome**: it names a business or user outcome (:data:`OUTCOME_WORDS`: churn, revenue,
       subscribers, hours...) or a currency amount.
    4. **A change**: it says what moved (:data:`CHANGE_WORDS`: cut, fell, saved, freed, "from ... to"...),
       not only what was built or deployed.
    5. **Not tool-centric**: it names at most one tool, library or model metric (:data:`TOOL_WORDS`).
    6. **One line**: 8 to 40 words.
    """
    words = [w.strip(".'-") for w in _bullet_words(text)]
    words = [w for w in words if w]
    problems = []
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        problems.append(f"is {len(words)} words long: a CV bullet is one line of {MIN_WORDS} to {MAX_WORDS} words")
    first = re.sub(r"[^a-z\-]", "", words[0]) if words else ""
    if not _action_verb(first):
        problems.append("does not open with an action verb (what you did: 'Cut', 'Led', 'Launched')")
    if not (re.search(r"\d", text) or set(words) & NUMBER_WORDS):
        problems.append("has no number: say how much, how many or how fast")
    stems = {w.rstrip("s") for w in words} | set(words)
    if not (stems & OUTCOME_WORDS or re.search(r"[€$£]|\beur\b", text.lower())):
        problems.append("names no business or user outcome (churn, revenue, subscribers, hours saved...)")
    if not set(words) & CHANGE_WORDS:
        problems.append("says what was built or run, not what changed: name the outcome that moved (cut, fell, "
                        "saved, freed...)")
    tools = [w for w in words if w in TOOL_WORDS]
    if len(tools) > 1:
        problems.append("is tool-centric: it names several tools or model metrics; keep at most one and lead "
                        "with the outcome")
    return problems


@quiet
def check_bullet(text: Any, name: str) -> None:
    """Check one impact bullet with :func:`bullet_problems`; the message lists what it lacks."""
    if not isinstance(text, str) or not text.strip():
        fail(name, "should be a sentence (a str).")
    problems = bullet_problems(text)
    if problems:
        fail(name, "" + "; ".join(problems) + ".")


# ---- what the evidence lets a bullet claim --------------------------------------------------------

EVIDENCE = {"churn_model": "before_after", "dashboard": "direct", "forecast": "before_after"}
"""What each of question 8's achievements can claim. "before_after": the outcome was measured before and after,
with no control group (churn among subscribers flagged as high-risk drifts back toward normal on its own, waste
moves with the seasons), so a bullet says what fell, not that the work cut it. "direct": the mechanism is seen
(category managers stopped asking for the weekly extracts), so "saved 6 hours a week" is a fair claim."""
CLAIM_OUTCOMES = {
    "churn_model": frozenset("churn churned cancellations cancellation retention attrition subscribers subscriber "
                             "customers customer members cancels".split()),
    "forecast": frozenset("waste wastage cost costs spend losses loss write-offs money eur euros".split()),
}
CAUSAL_VERBS = frozenset("""
cut cuts cutting reduced reduce reduces reducing lowered lowers lowering decreased decreasing slashed slashing
halved halving trimmed trimming shrank shrunk curbed curbing eliminated minimised minimized prevented preventing
avoided avoiding increased increasing boosted boosting grew growing improved improving raised raising lifted
lifting kept keeping retained retaining saved saving recovered won protected
""".split())
PUSH_VERBS = frozenset("drove driving drive brought bringing took taking pushed pushing got getting knocked "
                       "moved moving".split())
CAUSAL_LINKS = ("thanks to", "due to", "because of", "as a result of", "resulting in", "resulted in", "led to",
                "leading to", "contributed to", "contributing to", "responsible for", "attributable to",
                "driven by", "caused", "causing")
_FALL_WORDS = frozenset("fell fall falls falling dropped drop drops declined decreased went came rose grew was "
                        "is were are stood".split())
_NP_STOPS = frozenset("of for to with in among across at on from by down up and or but while than over after "
                      "before since during which that who so when as into through under below via".split())
_HEDGES = frozenset("not no unclear unproven may might cannot can't".split())
_GENERIC_HEADS = frozenset("rate rates level levels figure figures numbers".split())


def _clauses(text: str) -> list[list[str]]:
    """The bullet's clauses (split at ; : ( ) dashes and ", "), each as lower-case tokens."""
    parts = re.split(r"[;:()\[\]\u2014\u2013]|,\s|\s-\s|\.\s", text.lower().replace("\u2019", "'"))
    return [re.findall(r"[€$£]?\d[\d.,]*k?|[a-z][a-z'\-]*|%|[€$£]", part) for part in parts]


def _money(token: str) -> bool:
    return token[0] in "€$£" or token in ("eur", "euros", "euro")


def _object(tokens: list[str], start: int) -> tuple[list[str], int]:
    """The noun phrase from ``tokens[start]`` on (to a preposition, a number or "a month" after its noun)."""
    phrase, i = [], start
    while i < len(tokens):
        token = tokens[i]
        content = [t for t in phrase if not (t[0].isdigit() or t in ("the", "a", "an", "our", "its", "their",
                                                                    "about", "around", "roughly", "some", "nearly"))]
        if token in _NP_STOPS or (content and (token[0].isdigit() or token in ("a", "an", "per", "each", "every",
                                                                                "%"))):
            break
        phrase.append(token)
        i += 1
    return phrase, i


def _names_outcome(phrase: list[str], outcomes: frozenset[str]) -> bool:
    words = [w.removesuffix("'s") for w in phrase]
    while words and words[-1] in _GENERIC_HEADS:
        words = words[:-1]
    if not words:
        return False
    money = "eur" in outcomes and any(_money(w) for w in words)
    return money or words[-1] in outcomes or words[-1].rstrip("s") in outcomes


def _causal_phrase(tokens: list[str], outcomes: frozenset[str], after_change: bool) -> str | None:
    """The first words of a clause that make the author's work the cause of an outcome's change, if any."""
    for i, word in enumerate(tokens):
        push = word in PUSH_VERBS
        if word not in CAUSAL_VERBS and not push:
            continue
        if word.endswith("ing") and i == 0 and after_change:
            continue  # "waste fell 11 %, saving EUR 30,000": the fall did the saving
        start = i + 1 + (i + 1 < len(tokens) and tokens[i + 1] in ("down", "back"))
        while start < len(tokens) and tokens[start] == "on":
            start += 1
        phrase, end = _object(tokens, start)
        objects = [phrase]
        for j in range(end, len(tokens) - 1):  # "cutting RMSE by 18 % and waste by 11 %"
            if tokens[j] in ("and", "or"):
                more, stop = _object(tokens, j + 1)
                if not (stop < len(tokens) and tokens[stop] in _FALL_WORDS):  # "... and churn fell": a subject
                    objects.append(more)
        if push and not (tokens[i + 1:i + 2] == ["down"] or {"down", "from"} & set(tokens[end:])):
            continue
        for obj in objects:
            if _names_outcome(obj, outcomes):
                return " ".join([word, *tokens[i + 1:start], *obj])
    return None


def claim_problems(text: str, outcomes: frozenset[str]) -> list[str]:
    """What a bullet about a before/after change claims beyond its evidence, by a pinned heuristic.

    The outcomes (:data:`CLAIM_OUTCOMES`) were only measured before and after, so the bullet may say what
    moved ("churn among them fell from 9.1 % to 7.4 %") but not that the work moved it. A clause overclaims when

    1. a causal verb (:data:`CAUSAL_VERBS`: cut, reduced, lowered, halved, prevented, kept, improved, boosted...)
       takes an outcome as its object ("Cut churn among...", "cutting RMSE by 18 % and waste by 11 %",
       "trimmed EUR 30k of waste"); the outcome as a subject ("churn among them decreased") is a fair report;
    2. a verb of pushing (:data:`PUSH_VERBS`: drove, brought, took...) moves an outcome down or "from ... to";
    3. a causal link (:data:`CAUSAL_LINKS`: thanks to, due to, led to, resulting in...) appears, unless hedged
       ("not necessarily due to"), or the change is said to come "by" doing something ("fell ... by calling").

    Opening with what you did ("Launched", "Led", "Built") and then saying what fell is fine.
    """
    clauses = _clauses(text)
    flat = " ".join(" ".join(c) for c in clauses)
    problems = []
    after_change = False
    for tokens in clauses:
        found = _causal_phrase(tokens, outcomes, after_change)
        if found:
            problems.append(f"'{found}'")
        elif (set(tokens) & _FALL_WORDS and any(_names_outcome([t], outcomes) for t in tokens)
              and any(a == "by" and b.endswith("ing") for a, b in zip(tokens, tokens[1:], strict=False))):
            problems.append("'by ...ing'")
        after_change = bool(set(tokens) & _FALL_WORDS)
    for link in CAUSAL_LINKS:
        for match in re.finditer(rf"\b{link}\b", flat):
            if not set(flat[:match.start()].split()[-3:]) & _HEDGES:
                problems.append(f"'{link}'")
    return problems


@quiet
def check_claim(text: Any, achievement: str, name: str) -> None:
    """Check a bullet claims no more than :data:`EVIDENCE` supports for ``achievement`` (:func:`claim_problems`)."""
    if not isinstance(text, str) or not text.strip():
        fail(name, "should be a sentence (a str).")
    if EVIDENCE[achievement] != "before_after":
        return
    found = claim_problems(text, CLAIM_OUTCOMES[achievement])
    if found:
        fail(name, f"claims your work caused the change ({', '.join(found)}), but the evidence is a before/after "
                   "with no control group: say what fell and when, not that you cut it.")


# ---- named options by key ------------------------------------------------------------------------

@quiet
def check_drill_shape(answers: Any, drill: Mapping[str, tuple], name: str) -> None:
    """Check a dict with one answer per drill question, each one of that question's options."""
    check_keys(answers, list(drill), name)
    for key, (_, _, options) in drill.items():
        value = answers[key]
        if not isinstance(value, str) or str.__str__(value) not in options:
            fail(f"{name}[{key!r}]", "should be one of that question's options, as a string.")


@quiet
def check_metric_shape(answers: Any, scenarios: Sequence[str], options: Sequence[str], name: str) -> None:
    """Check one {primary, guardrail, counter} dict per scenario, three different named options."""
    check_keys(answers, list(scenarios), name)
    for scenario in scenarios:
        check_keys(answers[scenario], ("primary", "guardrail", "counter"), f"{name}[{scenario!r}]")
        chosen = list(answers[scenario].values())
        if not all(isinstance(c, str) and c in options for c in chosen):
            fail(f"{name}[{scenario!r}]", "should name metrics from `METRIC_OPTIONS` only.")
        if len(set(chosen)) < 3:
            fail(f"{name}[{scenario!r}]", "uses the same metric twice: the primary, the guardrail "
                                          "and the counter-metric do different jobs.")
