"""Checkers for module 06 (influence): calls from notes, RACI charts, sprint forecasts, status updates.

Judgement turned into structure: a stakeholder's place on the grid, a request's fit with the OKR and
the handling of an ask are calls read from notes; a RACI chart is a dict of dicts, a status update a
dict with named parts, a big idea one sentence with a recommendation and a number. The checks read the
structure and a few words, never the learner's whole meaning; the calls they accept (every one the
notes support) come from the course's references. Their messages say which part to look at.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import check_keys, check_labels, check_type, fail, quiet, same_value

RACI_LETTERS = ("R", "A", "AR", "C", "I")
STATUS_KEYS = ("headline", "impact", "cause", "options", "ask", "next_update")
BURIED_OPENERS = (
    "due to", "because", "as you know", "as you may know", "following", "after", "over the past", "in the last",
    "this week", "last week", "we have been", "we've been", "since", "background", "context",
    "unfortunately, due", "unfortunately due", "as discussed", "hi", "hello", "dear", "just a quick", "quick update",
)
DECISION_VERBS = ("approve", "choose", "decide", "agree", "confirm", "sign off", "sign-off", "pick", "back",
                  "endorse", "accept", "support")
PLACEHOLDERS = ("", "none", "n/a", "na", "tbd", "todo", "nothing", "no trade-off", "no trade off", "no downside",
                "none really", "no cost")
RECOMMEND_WORDS = ("should", "must", "recommend", "propose", "need to", "needs to", "let's", "let us")
NUMBER_WORDS = (r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                r"hundred|thousand|million|half|third|quarter|twice|double|dozen)\b|\ba (day|week|month|year)\b")
SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’€%.-]+", text)


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        fail(name, f"should be a str, but it is a {type(value).__name__}.")
    text = str.__str__(value).strip()
    if not text:
        fail(name, "is empty.")
    return text


# ---- calls read from notes: the stakeholder grid, the OKR, the umbrella ----------------------------

LEVELS = ("high", "low")
STANCES = ("champion", "supporter", "neutral", "skeptic", "blocker")
PLACEMENT_KEYS = ("power", "interest", "stance")
PLACEMENT_HINTS = {
    "power": "power is what someone can stop, fund or change (what they control), not how often they ask or "
             "how senior they sound",
    "interest": "interest is how much the launch changes their week: how often they ask about it and what they "
                "said",
    "stance": "the stance is in what they said: do they push for it, back it, not mind, doubt it, or say they "
              "will stop it",
}
# A power call of "low" the notes do not support: the person holds something the launch must wait for.
POWER_LOW_HINT = ("power is what someone can stop, fund or change, not how often they ask: read `controls` for what "
                  "the launch cannot do without them (a sign-off, a budget, a review, advice go-live waits for); "
                  "holding the launch up is power, even without a veto")


def _label(value: Any) -> str | None:
    return str.__str__(value) if isinstance(value, str) else None


@quiet
def check_placements(value: Any, ids: Sequence[str], name: str) -> None:
    """Check the shape of a stakeholder grid: one ``{"power", "interest", "stance"}`` dict per id."""
    check_keys(value, list(ids), name)
    for sid in ids:
        call = value[sid]
        if not isinstance(call, dict) or set(map(str, call)) != set(PLACEMENT_KEYS):
            fail(f"{name}[{sid!r}]", "should be a dict with exactly the keys 'power', 'interest' and 'stance'.")
        for key, options in zip(PLACEMENT_KEYS, (LEVELS, LEVELS, STANCES), strict=True):
            if _label(call[key]) not in options:
                fail(f"{name}[{sid!r}][{key!r}]", f"should be one of {', '.join(map(repr, options))}.")


@quiet
def check_placement(value: Any, sid: str, accepted: Mapping[str, set[str]], name: str) -> None:
    """Check one stakeholder's placement against the calls the notes support; name the part to re-read."""
    call = value.get(sid) if isinstance(value, dict) else None
    if call is None:
        fail(f"{name}[{sid!r}]", "is missing: place every stakeholder in the notes.")
    if not isinstance(call, dict):
        fail(f"{name}[{sid!r}]", "should be a dict with the keys 'power', 'interest' and 'stance'.")
    wrong = [key for key in PLACEMENT_KEYS if _label(call.get(key)) not in accepted[key]]
    if wrong:
        hints = [POWER_LOW_HINT if key == "power" and _label(call.get(key)) == "low" else PLACEMENT_HINTS[key]
                 for key in wrong]
        fail(f"{name}[{sid!r}]", f"has a call the notes do not support yet ({', '.join(wrong)}):",
             "; ".join(hints) + ".")


@quiet
def check_yes_no(value: Any, ids: Sequence[str], name: str) -> None:
    """Check a dict of True/False calls: one entry per id, each a bool."""
    check_keys(value, list(ids), name)
    bad = [i for i in ids if not isinstance(value[i], (bool, np.bool_))]
    if bad:
        fail(f"{name}[{bad[0]!r}]", "should be True or False.")


@quiet
def check_okr_call(value: Any, rid: str, accepted: set[bool], name: str) -> None:
    """Check one request's call (does it serve the OKR?) against the calls its note supports."""
    call = value.get(rid) if isinstance(value, dict) else None
    if not isinstance(call, (bool, np.bool_)) or bool(call) not in accepted:
        fail(f"{name}[{rid!r}]", "is not the call the note supports yet.",
             "Ask whether the request moves this quarter's key results (four-week churn, saves) or keeps "
             "the guardrail; a note that mentions churn, loyalty or engagement may still serve another goal.")


@quiet
def check_ask_sort(value: Any, ids: Sequence[str], actions: Sequence[str], reasons: Sequence[str],
                   name: str) -> None:
    """Check the shape of a week's sort: one ``{"action", "because"}`` dict per ask id."""
    check_keys(value, list(ids), name)
    for aid in ids:
        call = value[aid]
        if not isinstance(call, dict) or set(map(str, call)) != {"action", "because"}:
            fail(f"{name}[{aid!r}]", "should be a dict with exactly the keys 'action' and 'because'.")
        if _label(call["action"]) not in actions:
            fail(f"{name}[{aid!r}]['action']", f"should be one of {', '.join(map(repr, actions))}.")
        if _label(call["because"]) not in reasons:
            fail(f"{name}[{aid!r}]['because']", "should be one of the keys of `REASONS`.")


def _action(value: Any, aid: str) -> str | None:
    call = value.get(aid) if isinstance(value, dict) else None
    return _label(call.get("action")) if isinstance(call, dict) else None


@quiet
def check_ask_action(value: Any, aid: str, accepted: Mapping[str, set[str]], name: str) -> None:
    """Check the action for one ask against the actions its words support."""
    if _action(value, aid) not in accepted:
        fail(f"{name}[{aid!r}]['action']", "is not a call this ask supports yet.",
             "Apply the rules in order: does it change a date, budget or scope agreed with leadership, or set "
             "two leads against each other? Only then ask whether only the team can do it, and how soon.")


@quiet
def check_ask_reasons(value: Any, accepted: Mapping[str, Mapping[str, set[str]]], name: str) -> None:
    """Check the reasons given for the asks whose action is right: each must be a reason that decides it."""
    right = [aid for aid, calls in accepted.items() if _action(value, aid) in calls]
    off = [aid for aid in right if _label(value[aid].get("because")) not in accepted[aid][_action(value, aid)]]
    if off:
        fail(name, f"gives a reason that does not decide the ask for {len(off)} of the asks whose action is "
                   "right.", "Name the rule that decides each ask, from what the ask says.")


@quiet
def check_walk(value: Any, expected: pd.Series, first: pd.Series, name: str, *, after: bool = False,
               hint: str = "", items: pd.Series | None = None) -> None:
    """Check a triage's decisions on one part of its walk down the ranking.

    ``first`` marks, on ``expected``'s index, the requests the walk takes down to and including the
    first one that does not fit. Without ``after``, those are checked (the ranking and the capacity up
    to the first misfit). With ``after``, the requests after it that are not declined are checked, once
    the part before is right: only then does a wrong label there mean the walk did not go on.
    ``items`` (the inbox's ``request_id``) names the requests in the messages.
    """
    if not isinstance(value, pd.Series) or set(value.index) != set(expected.index) or value.index.has_duplicates:
        check_labels(value, expected, name)  # names what is wrong with the shape
    before = expected.index[np.asarray(first, dtype=bool)]
    if not after:
        check_labels(value[before], expected[before], f"{name} down to the first request that does not fit",
                     hint=hint, items=items)
        return
    part = f"{name} after the first request that does not fit"
    if not all(same_value(value[i], expected[i]) for i in before):
        fail(part, "cannot be judged while the decisions down to that request are not right: fix those first.")
    rest = expected.index[~np.asarray(first, dtype=bool) & (expected != "decline").to_numpy()]
    check_labels(value[rest], expected[rest], part, hint=hint, items=items)


# ---- RACI ---------------------------------------------------------------------------------------

@quiet
def check_raci_shape(chart: Any, activities: Sequence[str], roles: Sequence[str], name: str) -> None:
    """Check that a RACI chart is ``{activity: {role: letter}}`` with known roles and pinned letters."""
    check_keys(chart, list(activities), name)
    for activity in activities:
        row = chart[activity]
        if not isinstance(row, dict):
            fail(f"{name}[{activity!r}]", f"should be a dict of role -> letter, but it is a {type(row).__name__}.")
        unknown = [role for role in row if role not in roles]
        if unknown:
            fail(f"{name}[{activity!r}]", f"has roles that are not in ROLES: {', '.join(map(repr, unknown[:3]))}.")
        bad = [role for role, letter in row.items()
               if not isinstance(letter, str) or str.__str__(letter) not in RACI_LETTERS]
        if bad:
            fail(f"{name}[{activity!r}]", f"has entries that are not one of {', '.join(map(repr, RACI_LETTERS))} "
                  f"(for {', '.join(map(repr, bad[:3]))}).")


def raci_rule_breaks(chart: Mapping[str, Mapping[str, str]], outcomes: Iterable[str],
                     ml_role: str = "ml_team") -> dict[str, list[str]]:
    """The pinned RACI rules an activity breaks: one Accountable, a Responsible, ML not accountable for outcomes."""
    outcomes = set(outcomes)
    breaks: dict[str, list[str]] = {}
    for activity, row in chart.items():
        letters = {role: str(letter) for role, letter in row.items()}
        accountable = [role for role, letter in letters.items() if "A" in letter]
        problems = []
        if len(accountable) != 1:
            problems.append("no Accountable role" if not accountable else "more than one Accountable role")
        if not any("R" in letter for letter in letters.values()):
            problems.append("no Responsible role")
        if activity in outcomes and ml_role in accountable:
            problems.append("the ML team is Accountable for a business outcome")
        if problems:
            breaks[activity] = problems
    return breaks


@quiet
def check_raci_rules(chart: Any, outcomes: Iterable[str], name: str) -> None:
    """Check a RACI chart against the pinned rules; name the activities and the rule they break."""
    breaks = raci_rule_breaks(chart, outcomes)
    if breaks:
        shown = "; ".join(f"{activity!r}: {', '.join(problems)}" for activity, problems in list(breaks.items())[:3])
        fail(name, f"breaks the RACI rules for {shown}.")


@quiet
def check_activity_list(value: Any, expected: Iterable[str], name: str, *, hint: str = "") -> None:
    """Check a collection of activity names (list, tuple or set; order is not graded) against ``expected``."""
    if not isinstance(value, (list, tuple, set, frozenset)):
        fail(name, f"should be a list of activity names, but it is a {type(value).__name__}.")
    if not all(isinstance(item, str) for item in value):
        fail(name, "should hold activity names (strings).")
    got, want = {str.__str__(item) for item in value}, set(expected)
    missed, extra = len(want - got), len(got - want)
    if missed or extra:
        fail(name, f"misses {missed} activity(ies) that break a rule and lists {extra} that do not.", hint)


@quiet
def check_accountable(chart: Any, accepted: Mapping[str, set[str]], name: str, *, hint: str = "") -> None:
    """Check who is Accountable for some activities, against the roles a fair reading accepts."""
    wrong = []
    for activity, roles in accepted.items():
        row = chart.get(activity, {}) if isinstance(chart, dict) else {}
        holders = [role for role, letter in row.items() if isinstance(letter, str) and "A" in letter]
        if len(holders) != 1 or holders[0] not in roles:
            wrong.append(activity)
    if wrong:
        fail(name, f"does not have the right Accountable role yet for {', '.join(map(repr, wrong))}.", hint)


# ---- the sprint forecast ----------------------------------------------------------------------------

def simulated_counts(runs: Any, n_runs: int, name: str, unit: str) -> np.ndarray:
    """``runs`` as a flat array of whole counts of ``unit`` (sprint, week), one per run, or fail saying why."""
    if isinstance(runs, (pd.Series, list, tuple)):
        runs = np.asarray(runs)
    if not isinstance(runs, np.ndarray):
        fail(name, f"should be a numpy array (or list) of {unit} counts, but it is a {type(runs).__name__}.")
    if runs.ndim != 1 or len(runs) != n_runs:
        fail(name, f"should hold one {unit} count per run ({n_runs} runs here), in a flat array.")
    if not np.issubdtype(runs.dtype, np.number) or np.issubdtype(runs.dtype, np.bool_):
        fail(name, f"should hold numbers of {unit}s.")
    if not np.all(np.isfinite(runs)) or not np.all(runs == np.round(runs)) or runs.min() < 1:
        fail(name, f"should hold whole numbers of {unit}s, at least 1: count the {unit}s, do not divide.")
    return runs


def distribution_gap(runs: np.ndarray, exact: pd.Series) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """The largest gap between the runs' share done within k and the exact one, with k, both shares."""
    ks = np.arange(1, max(int(runs.max()), int(exact.index.max())) + 1)
    simulated = np.array([(runs <= k).mean() for k in ks])
    wanted = exact.reindex(ks, fill_value=0.0).cumsum().to_numpy()
    return float(np.abs(simulated - wanted).max()), ks, simulated, wanted

@quiet
def check_runs(runs: Any, exact: Mapping[int, float] | pd.Series, n_runs: int, name: str, *,
               tolerance: float = 0.02, one_off_passes: bool = False,
               strict_exact: Mapping[int, float] | pd.Series | None = None) -> None:
    """Check simulated sprint counts: whole numbers, one per run, distributed like ``exact``.

    ``exact`` maps a number of sprints k to the exact probability that a run needs k sprints (the
    hidden checks compute it from the history; a visible toy states it). Any correct resampling
    passes, whatever the order of its random draws: the share of runs done within k sprints must be
    within ``tolerance`` of the exact share for every k. With ``one_off_passes``, runs that are one
    sprint off in every run pass too: the check is then of the resampling, and the count has its own.
    ``strict_exact`` is the exact distribution when a run ends only once its total *passes* the
    remaining points (``>`` for the pinned ``>=``): runs that follow it are one sprint off only where a
    run lands exactly, and are treated like runs one sprint off in every run.
    """
    runs = simulated_counts(runs, n_runs, name, "sprint")
    exact = pd.Series(dict(exact), dtype=float).sort_index()
    gap, ks, simulated, wanted = distribution_gap(runs, exact)
    if gap > tolerance and strict_exact is not None:
        strict = pd.Series(dict(strict_exact), dtype=float).sort_index()
        if distribution_gap(runs, strict)[0] <= tolerance:
            if one_off_passes:
                return
            fail(name, "goes on when a run lands exactly on the remaining points: each run should stop as soon "
                       "as the points delivered reach the remaining points (>=), and that sprint counts.")
    if gap > tolerance:
        for shift, how in ((1, "one sprint too many"), (-1, "one sprint too few")):
            shifted = np.array([((runs - shift) <= k).mean() for k in ks])
            if np.abs(shifted - wanted).max() <= tolerance:
                if one_off_passes:
                    return
                fail(name, f"counts {how} in every run: a run ends in the sprint whose total first reaches "
                           "the remaining points (>=), and that sprint counts.")
        if len(np.unique(runs)) == 1 and (exact > 1e-9).sum() > 1:
            fail(name, "gives every run the same number of sprints: each run should draw its own sprint "
                       "velocities at random from the history.")
        if simulated.mean() > wanted.mean():
            fail(name, "finishes too early on average: does each run stop as soon as the points delivered "
                       "reach the remaining points, and draw from the completed points?")
        fail(name, "takes more sprints than the history allows: does each run stop as soon as the points "
                   "delivered reach the remaining points, and draw from the completed (not committed) points?")


def _as_day(value: Any, name: str) -> pd.Timestamp:
    if isinstance(value, (bool, int, float, np.number)):
        fail(name, f"should be a date, but it is a {type(value).__name__}.")
    if not isinstance(value, (str, dt.date, np.datetime64, pd.Timestamp)):
        fail(name, "should be a date (a pandas Timestamp, a datetime.date or 'YYYY-MM-DD'), "
              f"but it is a {type(value).__name__}.")
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        fail(name, "should be a date like '2026-06-19'.")
    if pd.isna(day):
        fail(name, "is not a date (NaT).")
    return day.normalize()


@quiet
def check_date(value: Any, accepted: Sequence[Any], name: str, *, mistakes: Sequence[tuple[Sequence[Any], str]] = (),
               hint: str = "") -> None:
    """Check a date against the dates a fair reading accepts; name a known mistake when it matches."""
    day = _as_day(value, name)
    if any(day == pd.Timestamp(want).normalize() for want in accepted):
        return
    for days, message in mistakes:
        if any(day == pd.Timestamp(want).normalize() for want in days):
            fail(name, f"is not right yet: {message}")
    fail(name, "is not right yet.", hint)


# ---- the status update and the big idea -----------------------------------------------------------

@quiet
def check_update_fields(update: Any, name: str) -> None:
    """Check a status update's shape: the six pinned keys, text where text is due, a list of options."""
    check_keys(update, list(STATUS_KEYS), name)
    for key in ("headline", "impact", "cause", "ask"):
        _text(update[key], f"{name}[{key!r}]")
    check_type(update["options"], list, f"{name}['options']")
    _as_day(update["next_update"], f"{name}['next_update']")


@quiet
def check_headline(headline: Any, name: str, *, max_words: int = 25) -> None:
    """Check that a headline leads with the news: short, no background opener, the launch and a number."""
    text = _text(headline, name)
    lowered = text.lower()
    if len(_words(text)) > max_words:
        fail(name, f"has {len(_words(text))} words; keep the headline to {max_words} or fewer so the news "
              "is read first.")
    opener = next((o for o in BURIED_OPENERS if re.match(rf"{re.escape(o)}\b", lowered)), None)
    if opener is not None:
        fail(name, f"opens with background ('{text.split()[0]} ...'): the news is buried. Lead with what "
              "changed (the launch moves to ...), then give the cause in `cause`.")
    if "launch" not in lowered and "go-live" not in lowered and "go live" not in lowered:
        fail(name, "does not say what the news is about: name the launch.")
    if not (re.search(r"\d", text) or re.search(NUMBER_WORDS, lowered)):
        fail(name, "has no number: say by how much or to when the launch moves.")


@quiet
def check_trade_offs(options: Any, name: str) -> None:
    """Check the options: at least two, each a dict with a named option and its own trade-off."""
    if not isinstance(options, list):
        fail(name, f"should be a list of options, but it is a {type(options).__name__}.")
    if len(options) < 2:
        fail(name, f"has {len(options)} option(s); give the reader at least two to choose from.")
    trade_offs = []
    for i, option in enumerate(options):
        if not isinstance(option, dict) or set(option) != {"option", "trade_off"}:
            fail(f"{name}[{i}]", "should be a dict with exactly the keys 'option' and 'trade_off'.")
        _text(option["option"], f"{name}[{i}]['option']")
        trade_off = option["trade_off"]
        if (not isinstance(trade_off, str) or len(_words(trade_off)) < 2
                or trade_off.strip(" .!-").lower() in PLACEHOLDERS
                or " ".join(trade_off.lower().split()) == " ".join(str(option["option"]).lower().split())):
            fail(f"{name}[{i}]", "has no real trade-off: say in a few words what choosing it costs or risks.")
        trade_offs.append(" ".join(option["trade_off"].lower().split()))
    if len(set(trade_offs)) < len(trade_offs):
        fail(name, "repeats the same trade-off: each option costs something different.")


@quiet
def check_ask(ask: Any, name: str) -> None:
    """Check that the ask requests a decision (approve, choose, decide...) and says by when."""
    text = _text(ask, name)
    lowered = text.lower()
    if not any(re.search(rf"\b{re.escape(verb)}", lowered) for verb in DECISION_VERBS):
        fail(name, "does not ask for a decision: say what you need the reader to approve, choose, decide "
              "or confirm.")
    weekdays = ("monday", "tuesday", "wednesday", "thursday", "friday", "today", "tomorrow", "end of")
    if not (re.search(r"\bby\b", lowered) or re.search(r"\d", text) or any(day in lowered for day in weekdays)):
        fail(name, "does not say by when you need the decision.")


@quiet
def check_recommendation(ask: Any, unsupported: Sequence[Any], supported: Sequence[Any], name: str) -> None:
    """Check that the ask does not recommend a date the forecast does not support.

    An ask that names one of the ``unsupported`` dates (e.g. the promised one) and none of the
    ``supported`` ones recommends keeping a date most simulated futures miss.
    """
    _, stated = numbers_and_dates(_text(ask, name))

    def named(days: Sequence[Any]) -> bool:
        return any(pd.Timestamp(d) in stated or ("md", pd.Timestamp(d).month, pd.Timestamp(d).day) in stated
                   for d in days)

    if named(unsupported) and not named(supported):
        fail(name, "asks to keep a date your forecast gives little chance: recommend a date (or a scope) "
              "that most simulated futures meet, and say what it costs.")


@quiet
def check_next_update(value: Any, status_date: Any, name: str, *, within_days: int = 14) -> None:
    """Check that the next update is a date after the status date and within ``within_days``."""
    day = _as_day(value, name)
    start = pd.Timestamp(status_date).normalize()
    if day <= start:
        fail(name, "should be after the date of this update.")
    if (day - start).days > within_days:
        fail(name, f"is more than {within_days} days away: bad news needs a close next update.")


def numbers_and_dates(text: str) -> tuple[set[float], set[Any]]:
    """The numbers and the dates a sentence states (ISO dates, '11 September', 'Sept 11', '11/09').

    ISO dates come back as Timestamps; dates without a year as ``("md", month, day)``.
    """
    lowered = text.lower()
    dates = set()
    for year, month, day in re.findall(r"(\d{4})-(\d{2})-(\d{2})", lowered):
        dates.add(pd.Timestamp(int(year), int(month), int(day)))
    month_names = "|".join(m[:3] for m in MONTHS)
    for day, month in re.findall(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({month_names})[a-z]*", lowered):
        dates.add(("md", MONTHS.index(next(m for m in MONTHS if m.startswith(month))) + 1, int(day)))
    for month, day in re.findall(rf"\b({month_names})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", lowered):
        dates.add(("md", MONTHS.index(next(m for m in MONTHS if m.startswith(month))) + 1, int(day)))
    for day, month in re.findall(r"\b(\d{1,2})/(\d{1,2})\b", lowered):
        dates.add(("md", int(month), int(day)))
    without_dates = re.sub(r"\d{4}-\d{2}-\d{2}", " ", lowered)
    numbers = {float(n) for n in re.findall(r"\d+(?:\.\d+)?", without_dates)}
    numbers |= {float(SMALL_NUMBERS.index(word)) for word in re.findall(r"[a-z]+", lowered) if word in SMALL_NUMBERS}
    return numbers, dates


@quiet
def check_states_forecast(update: Any, dates: Sequence[Any], weeks: Sequence[float], name: str) -> None:
    """Check that the headline or the impact states the forecast: one of ``dates`` or the slip in weeks or days."""
    text = " ".join(str(update.get(key, "")) for key in ("headline", "impact")) if isinstance(update, dict) else ""
    numbers, stated = numbers_and_dates(text)
    for want in dates:
        day = pd.Timestamp(want)
        if day in stated or ("md", day.month, day.day) in stated:
            return
    for slip in weeks:
        options = {math.floor(slip), math.ceil(slip), round(slip, 1), round(slip * 7)}
        if numbers & {float(o) for o in options}:
            return
    fail(name, "states your forecast in neither the headline nor the impact: give the new date (85 % "
          "forecast) or the slip in weeks.")


@quiet
def check_big_idea(text: Any, name: str, *, max_words: int = 40) -> None:
    """Check a big idea's structure: one sentence, a recommendation, what is at stake with a number."""
    sentence = _text(text, name)
    words = _words(sentence)
    if len(words) > max_words:
        fail(name, f"has {len(words)} words; a big idea fits in one sentence of {max_words} words or fewer.")
    if len(words) < 8:
        fail(name, "is too short to carry a point of view and what is at stake.")
    inner = re.sub(r"\d\.\d", "0", sentence.rstrip(" .!?"))
    if re.search(r"[.!?]\s+\S", inner):
        fail(name, "has more than one sentence; a big idea is one sentence.")
    lowered = sentence.lower()
    if not any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in RECOMMEND_WORDS):
        fail(name, "does not take a point of view: say what you recommend (should, must, recommend, "
              "propose).")
    if not (re.search(r"\d", sentence) or re.search(NUMBER_WORDS, lowered)):
        fail(name, "does not say what is at stake in numbers (euros, subscribers, weeks).")


@quiet
def check_launch_call(call: Any, reversal_options: Sequence[str], name: str, *,
                      chances: Callable[[Any], Sequence[float]] | None = None, at_least: float | None = None,
                      reversals: set[str] | None = None, tolerance: float = 0.02) -> None:
    """Check a launch call ``{"commit_to": date, "chance": share, "reverse_if": key}``.

    Parameters
    ----------
    call : Any
        The learner's call.
    reversal_options : sequence of str
        The reversing conditions the prompt offers (a dict's keys will do).
    name : str
        The answer's name, used in messages.
    chances : callable, optional
        Date -> the shares of runs (one per accepted set of runs) done by that date. With it, the stated
        chance must match one of them within ``tolerance``; with ``at_least`` too, the date must be one
        that at least that share of runs meets (the call the forecast supports).
    reversals : set of str, optional
        The reversing conditions that would move the date; left out, not judged.
    """
    check_keys(call, ["commit_to", "chance", "reverse_if"], name)
    day = _as_day(call["commit_to"], f"{name}['commit_to']")
    chance = call["chance"]
    if isinstance(chance, (bool, np.bool_)) or not isinstance(chance, (int, float, np.number)) \
            or not 0 <= float(chance) <= 1:
        fail(f"{name}['chance']", "should be a share of runs, a number from 0 to 1.")
    if call["reverse_if"] not in list(reversal_options):
        fail(f"{name}['reverse_if']", f"should be one of {', '.join(repr(k) for k in reversal_options)}.")
    if chances is not None:
        shares = list(chances(day))
        if at_least is not None and max(shares) < at_least - 1e-9:
            how = ("most simulated futures miss" if max(shares) < 0.5
                   else f"fewer than {at_least:.0%} of your runs meet")
            fail(f"{name}['commit_to']", f"is a date {how}: commit to one that at least {at_least:.0%} of your "
                                         "runs meet.")
        if at_least is None and not any(abs(float(chance) - share) <= tolerance for share in shares):
            fail(f"{name}['chance']", "is not the share of your runs that launch on or before "
                  f"`{name}['commit_to']`: count the runs whose sprints end by that date.")
    if reversals is not None and call["reverse_if"] not in reversals:
        fail(f"{name}['reverse_if']", "would not make an earlier date true: only new evidence in the forecast "
              "(less work left, or a faster team) moves it.")

