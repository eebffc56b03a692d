"""Checkers for module 05 (explaining a model): importances, reason codes, natural frequencies,
reliability tables and the importance chart a busy reader gets in five seconds.

Like every checker, they raise ``AssertionError`` with what to look at (never the expected value),
compare types strictly and keep warnings off stderr.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.patches import Rectangle

from mlpm.checks.core import (  # noqa: F401 (own_value: the test cells import it from here)
    as_real,
    check_series,
    check_type,
    check_whole_number,
    fail,
    own_value,
    quiet,
)
from mlpm.checks.figures import check_is_figure, states_a_finding

FREQUENCY_KEYS = ("leave", "flagged", "flagged_and_leave")
TABLE_COLUMNS = ("mean_score", "churn_rate", "subscribers")
# Words that turn "the model uses X" into "X causes churn" in a chart title: causal words, and verbs of
# effect aimed at churn itself ("drives churn", "reduces churn"), not at the model ("drives the churn score" and
# "shuffling X cuts the AUC most", which is what permutation importance measures, are fine).
CAUSAL_WORDS = re.compile(r"\b(causes?|caused|lever|levers|"
                          r"makes? (?:subscribers|people|customers) (?:leave|churn)|"
                          r"(?:drives?|drove|driving|increases?|raises?|boosts?|fuels?|leads? to|"
                          r"reduces?|reduced|cuts?|lowers?|lowered) "
                          r"(?:the )?(?:churn|cancellations|retention)(?! (?:score|model|prediction)))\b",
                          re.IGNORECASE)


CHART = "importance_chart(...)"  # how the chart checks name the learner's chart


def _half_up(number: float) -> int:
    """Round to the nearest whole number, an exact half upwards (the module's pinned rounding)."""
    return int(math.floor(float(number) + 0.5))


@quiet
def check_importances(value: Any, expected: pd.Series, name: str, *, rel_tol: float = 1e-6, hint: str = "") -> None:
    """Check an importance Series: one value per feature, close to ``expected``, largest first.

    Parameters
    ----------
    value : Any
        The learner's importances.
    expected : pandas.Series
        The right importances, indexed by feature name (any order).
    name : str
        The answer's name, used in messages.
    rel_tol : float
        Relative tolerance on each value.
    hint : str
        Added to the message when values are off.
    """
    check_series(value, expected, name, rel_tol=rel_tol, hint=hint)
    numbers = np.asarray(value, dtype=float)
    if np.any(np.diff(numbers) > 1e-12):
        fail(name, "has the right values but is not sorted with the most important feature first: "
                   "use `.sort_values(ascending=False)`.")


@quiet
def check_sentence(value: Any, expected: str, name: str, *, hint: str = "") -> None:
    """Check a sentence rendered from a template: numbers first, then the words (spaces ignored at the ends)."""
    check_type(value, str, name)
    got, want = " ".join(str.__str__(value).split()), " ".join(expected.split())
    if got == want:
        return
    numbers = re.compile(r"-?\d+(?:\.\d+)?")
    if numbers.findall(got) != numbers.findall(want):
        fail(name, "has numbers that are not right yet: the customer's value, then the typical value, "
                   "each with one decimal.", hint)
    fail(name, "has the right numbers, but its words do not follow the template yet: check the "
               "description, the comma and 'against ... for a typical subscriber'.")


@quiet
def check_frequencies(value: Any, expected: Mapping[str, int], counts: Mapping[str, int], name: str, *,
                      keys: Sequence[str] = FREQUENCY_KEYS, integers: bool = True,
                      also: Sequence[Mapping[str, int] | None] = ()) -> None:
    """Check natural frequencies ``{"leave": L, "flagged": F, "flagged_and_leave": T}`` per 1,000 subscribers.

    Parameters
    ----------
    value : Any
        The learner's frequencies.
    expected : mapping
        The right frequencies (the test cell computes them with the reference module).
    counts : mapping
        The confusion counts ``tp``, ``fp``, ``fn`` and ``tn`` they come from (positive means flagged), to
        name the usual slips.
    name : str
        The answer's name, used in messages.
    keys : sequence of str
        The frequencies to judge (all three by default); the form of the dict is checked in any case, so a
        test cell can weigh "of those flagged, how many leave" apart from the other two.
    integers : bool
        Whether each frequency must be an int. With False, a whole float (``np.floor`` gives 122.0) passes,
        so that a test cell can judge the type once, in one check, and the counts in the others.
    also : sequence of mappings
        Other frequencies that are accepted (those of the learner's own earlier counts); None is skipped.
    """
    check_type(value, dict, name)
    if sorted(value) != sorted(FREQUENCY_KEYS):
        fail(name, f"should have exactly the keys {', '.join(repr(k) for k in FREQUENCY_KEYS)}.")
    for key in FREQUENCY_KEYS:
        if integers:
            check_whole_number(value[key], f"{name}[{key!r}]")
        elif not as_real(value[key], f"{name}[{key!r}]").is_integer():
            fail(f"{name}[{key!r}]", "should be a whole number: round it to the nearest one, an exact half upwards.")
    got = {key: int(value[key]) for key in keys}
    if any(other is not None and got == {k: int(other[k]) for k in keys} for other in also):
        return
    tp, fp, fn, tn = (int(counts[k]) for k in ("tp", "fp", "fn", "tn"))
    everyone = tp + fp + fn + tn
    exact = {"leave": 1000 * (tp + fn) / everyone, "flagged": 1000 * (tp + fp) / everyone,
             "flagged_and_leave": 1000 * tp / everyone}
    other_populations = {_half_up(1000 * tp / (tp + fp)) if tp + fp else None,
                         _half_up(1000 * tp / (tp + fn)) if tp + fn else None,
                         _half_up(10 * tp / (tp + fn)) if tp + fn else None}
    meaning = {"leave": "everyone who leaves, flagged or not (tp + fn)",
               "flagged": "everyone flagged, whether they leave or not (tp + fp)",
               "flagged_and_leave": "those flagged who also leave (tp)"}
    for key in keys:
        if got[key] == int(expected[key]):
            continue
        if key == "flagged_and_leave" and got[key] in other_populations:
            fail(f"{name}[{key!r}]", "counts per 1,000 flagged (or per leaver): natural frequencies start from "
                                     "one population, so count it per 1,000 subscribers, all of them.")
        if abs(got[key] - exact[key]) < 1:
            fail(f"{name}[{key!r}]", "is close, but rounded another way: round to the nearest whole number, "
                                     "an exact half upwards (`math.floor(x + 0.5)`).")
        fail(f"{name}[{key!r}]", f"is not right yet: of 1,000 subscribers (tp + fp + fn + tn scaled to 1,000), "
                                 f"count {meaning[key]}.")


@quiet
def check_call(call: Any, options: Sequence[str], reversal_options: Sequence[str], evidence: Sequence[str],
               name: str, *, decisions: set[str] | None = None, must_cite: set[str] = frozenset(),
               reversals: set[str] | None = None, hint: str = "") -> None:
    """Check a structured call ``{"decision": ..., "evidence": [...], "reverse_if": ...}``.

    Parameters
    ----------
    call : Any
        The learner's call.
    options, reversal_options : sequence of str
        The decisions and the reversing conditions the prompt offers (a dict's keys will do).
    evidence : sequence of str
        The names the evidence may cite.
    name : str
        The answer's name, used in messages.
    decisions, reversals : set of str, optional
        The decisions and reversing conditions the evidence supports; left out, they are not judged.
    must_cite : set of str
        Names the evidence must include.
    hint : str
        Added to a message about the call itself.
    """
    check_type(call, dict, name)
    if set(call) != {"decision", "evidence", "reverse_if"}:
        fail(name, "should have exactly the keys 'decision', 'evidence' and 'reverse_if'.")
    if call["decision"] not in list(options):
        fail(f"{name}['decision']", f"should be one of {', '.join(repr(k) for k in options)}.")
    if call["reverse_if"] not in list(reversal_options):
        fail(f"{name}['reverse_if']", f"should be one of {', '.join(repr(k) for k in reversal_options)}.")
    cited = call["evidence"]
    if not isinstance(cited, (list, tuple)) or not cited or not all(isinstance(c, str) for c in cited):
        fail(f"{name}['evidence']", "should be a non-empty list of segment names.")
    unknown = [c for c in cited if c not in list(evidence)]
    if unknown:
        fail(f"{name}['evidence']", f"names {len(unknown)} segment(s) that are not in your AUC tables.")
    if decisions is not None and call["decision"] not in decisions:
        fail(f"{name}['decision']", "is not a call these numbers support yet.", hint)
    if must_cite - set(cited):
        fail(f"{name}['evidence']", "leaves out the segment the call is about.", hint)
    if reversals is not None and call["reverse_if"] not in reversals:
        fail(f"{name}['reverse_if']", "would not change this call: it is not evidence about the problem you "
                                      "found.", hint)


@quiet
def check_reliability_table(value: Any, expected: pd.DataFrame, name: str, *, numbering: bool = True) -> None:
    """Check a reliability table: deciles 1-10 as the index, columns mean_score, churn_rate, subscribers.

    Parameters
    ----------
    value : Any
        The learner's table.
    expected : pandas.DataFrame
        The right table (equal-count deciles of the score, decile 1 the lowest scores).
    name : str
        The answer's name, used in messages.
    numbering : bool
        Whether to judge the numbering too. With False, deciles numbered 0 to 9 pass, so that a test cell
        checking the rule on other data does not charge a numbering slip a second time.
    """
    if not isinstance(value, pd.DataFrame):
        fail(name, f"should be a pandas DataFrame, but it is a {type(value).__name__}.")
    missing = [c for c in TABLE_COLUMNS if c not in value.columns]
    if missing:
        fail(name, f"has no column {', '.join(repr(c) for c in missing)}: it needs "
                   f"{', '.join(repr(c) for c in TABLE_COLUMNS)}.")
    if len(value) != len(expected):
        fail(name, "should have one row per decile: ten rows.")
    from_zero = [str(i) for i in value.index] == [str(i - 1) for i in expected.index]
    if [str(i) for i in value.index] != [str(i) for i in expected.index] and (numbering or not from_zero):
        if from_zero:
            fail(name, "numbers its deciles from 0: number them 1 (lowest scores) to 10 (`+ 1`).")
        fail(name, "should be indexed by decile, 1 (lowest scores) to 10 (highest).")
    try:
        sizes = np.asarray(value["subscribers"], dtype=float)
        got = np.asarray(value[list(TABLE_COLUMNS[:2])], dtype=float)
    except (TypeError, ValueError):
        fail(name, "should hold numbers in every column.")
    if not np.allclose(sizes, np.asarray(expected["subscribers"], dtype=float)):
        if sizes.sum() == expected["subscribers"].sum():
            fail(name, "has deciles of unequal size: cut the score into ten equal-count groups "
                       "(`pd.qcut(scores, 10)`), not into ten equal-width bins.")
        fail(f"{name}['subscribers']", "should count the subscribers in each decile; together, everyone.")
    want = np.asarray(expected[list(TABLE_COLUMNS[:2])], dtype=float)
    if np.allclose(got, want[:, ::-1], rtol=1e-6, atol=1e-9) and not np.allclose(got, want, rtol=1e-6, atol=1e-9):
        fail(name, "swaps 'mean_score' and 'churn_rate'.")
    for column, index in (("mean_score", 0), ("churn_rate", 1)):
        if not np.allclose(got[:, index], want[:, index], rtol=1e-6, atol=1e-9):
            what = "the mean of the score" if column == "mean_score" else "the share who churned"
            fail(f"{name}[{column!r}]", f"is off for some deciles: it should be {what} in each decile.")


@quiet
def check_brier(value: Any, expected: float, name: str, *, scores: Any = None, churned: Any = None) -> None:
    """Check a Brier score, naming the usual slips (a root, an absolute error) when ``scores`` are given."""
    number = as_real(value, name)
    if math.isclose(number, expected, rel_tol=1e-6, abs_tol=1e-12):
        return
    if scores is not None:
        s, y = np.asarray(scores, dtype=float), np.asarray(churned, dtype=float)
        if math.isclose(number, math.sqrt(expected), rel_tol=1e-6):
            fail(name, "takes the square root: the Brier score is the mean of the squared differences.")
        if math.isclose(number, float(np.mean(np.abs(s - y))), rel_tol=1e-6):
            fail(name, "averages absolute differences: square each difference instead.")
    fail(name, "is not right yet: average (score − outcome)² over all subscribers, the outcome 1 if they "
               "churned and 0 if not.")


# ---- the importance chart -------------------------------------------------------------------------


def _bars(fig: Any) -> tuple[Any, list[Rectangle]]:
    axes = check_is_figure(fig)
    with_bars = [(ax, [p for p in ax.patches if isinstance(p, Rectangle) and p.get_visible()]) for ax in axes]
    with_bars = [(ax, bars) for ax, bars in with_bars if bars]
    if not with_bars:
        fail(CHART, "has no bars: draw the importances as bars (`ax.barh`).")
    if len(with_bars) > 1:
        fail(CHART, "has bars on more than one panel: one panel is enough for a busy reader.")
    return with_bars[0]


def _upright(bars: list[Rectangle]) -> bool:
    """Whether the bars stand (``ax.bar``) rather than lie (``ax.barh``)."""
    widths = np.array([b.get_width() for b in bars])
    heights = np.array([b.get_height() for b in bars])
    ys = np.array([b.get_y() for b in bars])
    return len(bars) > 1 and bool(np.ptp(ys) < 1e-9 or np.allclose(widths, widths[0])
                                  and not np.allclose(heights, heights[0]))


def _lengths(bars: list[Rectangle]) -> np.ndarray:
    """Each bar's length along the value axis: its width when the bars lie, its height when they stand."""
    upright = _upright(bars)
    return np.array([b.get_height() if upright else b.get_width() for b in bars])


@quiet
def check_horizontal_bars(fig: Any, importance: pd.Series) -> None:
    """Check one horizontal bar per feature, with lengths in proportion to the importances."""
    _, bars = _bars(fig)
    if len(bars) != len(importance):
        fail(CHART, f"should have one bar per feature ({len(importance)}), but it has {len(bars)}.")
    widths = np.array([b.get_width() for b in bars])
    if _upright(bars):
        fail(CHART, "has bars that stand upright: use horizontal bars (`ax.barh`), so the feature names read "
                    "left to right.")
    want = np.sort(np.asarray(importance, dtype=float))
    got = np.sort(widths)
    scale = got[-1] / want[-1] if want[-1] else 1.0
    if not np.allclose(got, want * scale, rtol=1e-6, atol=1e-12):
        fail(CHART, "has bar lengths that do not follow the importances passed to the function: plot those "
                    "values.")


def _bars_top_down(fig: Any) -> list[Rectangle]:
    """Bars from the top of the chart to the bottom, as a reader sees them."""
    ax, bars = _bars(fig)
    centres = [b.get_y() + b.get_height() / 2 for b in bars]
    order = np.argsort(centres)
    if not ax.yaxis_inverted():
        order = order[::-1]
    return [bars[i] for i in order]


@quiet
def check_sorted_bars(fig: Any) -> None:
    """Check that the longest bar is at the top and each bar below is no longer than the one above."""
    widths = [b.get_width() for b in _bars_top_down(fig)]
    if any(lower > upper + 1e-12 for upper, lower in zip(widths, widths[1:], strict=False)):
        if all(lower >= upper - 1e-12 for upper, lower in zip(widths, widths[1:], strict=False)):
            fail(CHART, "has its bars sorted, but the longest is at the bottom: the reader's eye starts at the "
                        "top (sort ascending before `barh`, or invert the y axis).")
        fail(CHART, "has bars that are not sorted: order them by importance, the longest at the top.")


@quiet
def check_finding_title(fig: Any, feature_words: Sequence[str] = ()) -> None:
    """Check a title that states the finding: a finding word (see ``states_a_finding``) or the driver it names."""
    axes = check_is_figure(fig)
    panels = [ax.get_title(loc=loc).strip() for ax in axes for loc in ("left", "center", "right")]
    titles = [t for t in [fig.get_suptitle().strip(), *panels] if t]
    if not titles:
        fail(CHART, "has no title: say in it what the reader should take away.")
    words = {part for w in feature_words for part in re.findall(r"[a-z]+", w.lower()) if len(part) > 3}
    causal = [t for t in titles if CAUSAL_WORDS.search(t)]
    if causal:
        fail(CHART, f"has the title {causal[0]!r}, which states a cause: importance says what the model leans "
                    "on, not what changing a column would do. Say what the score uses, e.g. 'The churn score "
                    "leans most on <driver>'.")
    for title in titles:
        named = words & set(re.findall(r"[a-z]+", title.lower()))
        if states_a_finding(title) or (named and len(title.split()) >= 3):
            return
    fail(CHART, f"has the title {titles[0]!r}, which names the chart but not the finding: say which driver "
                "matters most, e.g. 'The churn score leans most on <driver>'.")


@quiet
def check_direct_labels(fig: Any) -> None:
    """Check that every bar carries its value as text next to it (``ax.bar_label`` or ``ax.text``)."""
    ax, bars = _bars(fig)
    texts = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
    if len(texts) < len(bars):
        fail(CHART, "has a bar without a label: write each value at its bar (`ax.bar_label`), so the reader "
                    "needs no axis to read it.")


@quiet
def check_no_legend(fig: Any) -> None:
    """Check that the chart has no legend: the labels sit on the chart itself."""
    axes = check_is_figure(fig)
    if fig.legends or any(ax.get_legend() is not None for ax in axes):
        fail(CHART, "has a legend: remove it; the bars are labelled directly and the colour is explained in "
                    "the title.")


@quiet
def check_highlight(fig: Any, importance: pd.Series, highlight: str) -> None:
    """Check that the bar of ``highlight`` has its own colour and every other bar shares one muted colour."""
    _, bars = _bars(fig)
    lengths = _lengths(bars)  # upright bars are charged once, by check_horizontal_bars
    values = importance.reindex([str(i) for i in importance.index]).astype(float)
    scale = lengths.max() / values.max() if values.max() else 1.0
    target = values[highlight] * scale
    matches = [i for i, w in enumerate(lengths) if math.isclose(w, target, rel_tol=1e-6, abs_tol=1e-12)]
    if not matches:
        fail(CHART, "has no bar with the length of the feature to highlight: draw every importance passed in.")
    colours = [tuple(np.round(to_rgba(b.get_facecolor()), 3)) for b in bars]
    mine = colours[matches[0]]
    others = {c for i, c in enumerate(colours) if i not in matches}
    if mine in others:
        fail(CHART, "gives the feature to highlight the same colour as another bar: give it a colour of its "
                    "own.")
    if len(others) > 1:
        fail(CHART, "gives the other bars several colours: give them one muted colour (e.g. grey), so only "
                    "the highlighted driver stands out.")
