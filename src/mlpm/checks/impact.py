"""Checkers for module 03 (measuring impact): metric trees, KPI tables and anomaly verdicts."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from mlpm.checks.core import as_real, check_series, check_type, fail, is_sequence, quiet

VERDICTS = ("data_problem", "real_change", "unclear")
VERDICT_REASONS = {
    "events_missing_orders_normal": "data_problem",
    "conversion_moved_traffic_normal": "real_change",
    "needs_investigation": "unclear",
}


def _children(tree: Mapping[Any, Any]) -> dict[str, list[str]]:
    """The tree with each parent's children as a list (a list or a tuple is fine)."""
    return {parent: list(children) for parent, children in tree.items()}


@quiet
def check_metric_tree(
    tree: Any,
    root: str,
    inputs: Collection[str],
    known: Collection[str],
    values: Mapping[str, float],
    products: Collection[str] = (),
) -> None:
    """Validate a metric tree written as ``{parent: [children, ...]}`` (children as a list or a tuple).

    Parameters
    ----------
    tree : dict
        The learner's tree: each key a metric, each value the list (or tuple) of metrics it breaks into.
    root : str
        The OKR metric at the top.
    inputs : collection of str
        Input metrics a team can move directly; every leaf must be one, each used once.
    known : collection of str
        Every metric name the learner may use.
    values : mapping
        Measured values of some metrics in one week, to test products.
    products : collection of str
        Nodes that must equal the product of their children (checked with ``values``; see
        :func:`check_tree_products`, which checks only that).
    """
    check_type(tree, dict, "metric_tree")
    for parent, children in tree.items():
        if not isinstance(parent, str):
            fail("metric_tree", f"has a key {parent!r} that is not a metric name (a str).")
        if not is_sequence(children) or not len(children):
            fail(f"metric_tree[{parent!r}]", "should be a non-empty list (or tuple) of the metrics it breaks into.")
        for child in children:
            if not isinstance(child, str):
                fail(f"metric_tree[{parent!r}]", f"holds {child!r}, which is not a metric name.")
    tree = {str.__str__(parent): [str.__str__(c) for c in children] for parent, children in tree.items()}
    nodes = set(tree) | {c for children in tree.values() for c in children}
    unknown = sorted(n for n in nodes if n not in known)
    if unknown:
        fail("metric_tree", f"uses names that are not in the list of metrics: {unknown[:3]}.",
             "Copy the names exactly.")
    if root not in tree:
        fail("metric_tree", f"should start at the OKR metric {root!r}:", "make it a key with its children.")
    parents: dict[str, str] = {}
    for parent, children in tree.items():
        if len(set(children)) != len(children):
            fail(f"metric_tree[{parent!r}]", "lists a child twice.")
        for child in children:
            if child == root:
                fail("metric_tree", "puts the OKR metric under another metric:",
                     "it is the root, so it cannot be a child of another metric.")
            if child in parents:
                fail("metric_tree", f"gives {child!r} two parents ({parents[child]!r} and {parent!r}).",
                     "In a tree each metric sits under one parent, so each team knows which number it moves.")
            parents[child] = parent
    reached, todo = set(), [root]
    while todo:
        node = todo.pop()
        if node in reached:
            fail("metric_tree", f"loops back to {node!r}:", "a metric cannot be its own ancestor.")
        reached.add(node)
        todo.extend(tree.get(node, []))
    stranded = sorted(nodes - reached)
    if stranded:
        fail("metric_tree", f"has metrics that cannot be reached from {root!r}: {stranded[:3]}.",
             "Hang each one under the metric it explains, or drop it.")
    leaves = sorted(n for n in nodes if n not in tree)
    not_input = [leaf for leaf in leaves if leaf not in inputs]
    if not_input:
        fail("metric_tree", f"has the leaf {not_input[0]!r}, which is not an input metric a team can move directly.",
             "Break it down further into inputs, or drop it.")
    broken_down = [node for node in tree if node in inputs]
    if broken_down:
        fail("metric_tree", f"breaks down {broken_down[0]!r}, an input metric a team moves directly:",
             "it should be a leaf.")
    missing = sorted(set(inputs) - set(leaves))
    if missing:
        fail("metric_tree", f"misses {len(missing)} input metric(s), e.g. {missing[0]!r}.",
             "Place every input under the metric it moves.")
    check_tree_products(tree, products, values)


@quiet
def check_tree_products(tree: Any, products: Collection[str], values: Mapping[str, float]) -> None:
    """Check that each node in ``products`` breaks into measured factors that multiply back to it."""
    check_type(tree, dict, "metric_tree")
    for node in products:
        children = tree.get(node, [])
        if not is_sequence(children):
            fail(f"metric_tree[{node!r}]", "should be a list (or tuple) of the metrics it breaks into.")
        unmeasured = [c for c in children if not isinstance(c, str) or c not in values]
        if not children or unmeasured:
            fail("metric_tree", f"should break {node!r} into factors we measure every week",
                 f"({', '.join(sorted(values))} are measured), so that they multiply back to it.")
        product = math.prod(float(values[c]) for c in children)
        if not math.isclose(product, float(values[node]), rel_tol=0.01):
            fail("metric_tree", f"breaks {node!r} into children that do not multiply back to it.",
                 "Check that the factors chain (each one's denominator is the previous one's numerator) and that "
                 "none counts the same thing twice.")


def metric_parents(tree: Any) -> dict[str, str]:
    """Each child's parent in a metric tree (the last parent if a child has several)."""
    check_type(tree, dict, "metric_tree")
    parents = {}
    for parent, children in tree.items():
        if not is_sequence(children):
            fail(f"metric_tree[{parent!r}]", "should be a list (or tuple) of the metrics it breaks into.")
        for child in children:
            if isinstance(child, str):
                parents[str.__str__(child)] = parent
    return parents


@quiet
def check_placements(tree: Any, accepted: Mapping[str, Collection[str]], *, hint: str = "") -> None:
    """Check where some input metrics hang in a metric tree, each against the parents a fair reading accepts.

    ``accepted`` maps an input metric to every parent a careful teacher accepts for it (a
    defensible argument exists for each); the message names the misplaced inputs, not where
    they belong.
    """
    parents = metric_parents(tree)
    missing = [name for name in accepted if name not in parents]
    if missing:
        fail("metric_tree", f"does not hold {missing[0]!r} yet:", "place every input under the metric it moves.")
    wrong = [name for name, options in accepted.items() if parents[name] not in options]
    if wrong:
        shown = ", ".join(repr(name) for name in wrong[:3])
        fail("metric_tree", f"puts {shown} under a metric {'it does' if len(wrong) == 1 else 'they do'} not move "
             "first.", hint)


def _day(label: Any) -> str:
    return f"{label.date().isoformat()}, a {label.day_name()}" if isinstance(label, pd.Timestamp) else repr(label)


@quiet
def check_frame(
    value: Any, expected: pd.DataFrame, name: str, *, rel_tol: float = 1e-6, hint: str = "",
    label_rule: str = "Label each week by the Monday that starts it.", labels: bool = True,
) -> None:
    """Check a numeric DataFrame: same columns, then each column as a Series (same index labels).

    When both indexes hold dates and the labels differ, the message shows one of the learner's
    labels with its weekday and repeats ``label_rule`` (the prompt's words), not the expected dates.
    With ``labels=False`` the rows are compared in index order whatever their labels (when there
    are as many), so a labelling slip is checked once, by :func:`check_row_labels`, not everywhere.
    """
    if not isinstance(value, pd.DataFrame):
        fail(name, f"should be a pandas DataFrame, but it is a {type(value).__name__}.")
    missing = [c for c in expected.columns if c not in value.columns]
    if missing:
        fail(name, f"has no column {missing[0]!r}.")
    extra = [c for c in value.columns if c not in expected.columns]
    if extra:
        fail(name, f"has a column that should not be there: {extra[0]!r}.")
    relabelled = False
    if not labels and len(value.index) == len(expected.index) and not value.index.has_duplicates:
        try:
            value = value.sort_index()
        except TypeError:
            pass
        else:
            relabelled = not value.index.equals(expected.sort_index().index)
            own_labels = value.index
            value = value.set_axis(expected.sort_index().index, axis=0)
    if len(value.index) and len(expected.index):
        got, want = value.index[0], expected.index[0]
        if isinstance(want, pd.Timestamp) and not isinstance(got, pd.Timestamp):
            fail(name, "should be indexed by dates as pandas Timestamps; its index holds "
                f"{type(got).__name__} values. {label_rule}")
        if isinstance(want, pd.Timestamp):
            unexpected = [label for label in value.index if label not in expected.index]
            absent = [label for label in expected.index if label not in value.index]
            if unexpected and absent:
                fail(name, f"labels its rows with other dates than expected (e.g. {_day(unexpected[0])}). "
                    f"{label_rule}")
    for column in expected.columns:
        try:
            check_series(value[column], expected[column], f"{name}[{column!r}]", rel_tol=rel_tol, hint=hint)
        except AssertionError:
            if not relabelled:
                raise
            other_days = [label for label in own_labels if isinstance(label, pd.Timestamp)
                          and label.dayofweek not in {day.dayofweek for day in expected.index
                                                      if isinstance(day, pd.Timestamp)}]
            if other_days:
                fail(f"{name}[{column!r}]", "has values that are off because its weeks hold other days than the "
                     f"prompt's weeks (its rows start on days such as {_day(other_days[0])}).", label_rule)
            fail(f"{name}[{column!r}]", "has values that are off (rows compared in date order, as its row labels "
                 "are other dates than expected).", hint)


@quiet
def check_row_labels(
    value: Any, expected: pd.Index, name: str, *, label_rule: str = "Label each week by the Monday that starts it.",
) -> None:
    """Check only the row labels of a DataFrame (dates shown with their weekday, ``label_rule`` repeated)."""
    if not isinstance(value, pd.DataFrame):
        fail(name, f"should be a pandas DataFrame, but it is a {type(value).__name__}.")
    if len(expected) and isinstance(expected[0], pd.Timestamp) and len(value.index) and not all(
            isinstance(label, pd.Timestamp) for label in value.index):
        fail(name, "should be indexed by dates as pandas Timestamps; its index holds "
            f"{type(value.index[0]).__name__} values. {label_rule}")
    unexpected = [label for label in value.index if label not in expected]
    absent = [label for label in expected if label not in value.index]
    if unexpected:
        fail(name, f"labels its rows with other dates than expected (e.g. {_day(unexpected[0])}). {label_rule}")
    if absent:
        fail(name, f"has no row for {_day(absent[0])}: every week with data needs a row.")
    if value.index.has_duplicates:
        fail(name, "has the same label on more than one row: one row per week.")


@quiet
def check_verdict(value: Any, name: str) -> None:
    """Check the shape of a verdict: a pair (verdict, reason) whose reason fits the verdict."""
    if not is_sequence(value):
        fail(name, f"should be a pair (verdict, reason), but it is a {type(value).__name__}.")
    if len(value) != 2:
        fail(name, "should be a pair: (verdict, reason).")
    verdict, reason = value
    if not isinstance(verdict, str) or verdict not in VERDICTS:
        fail(name, f"the verdict should be one of {VERDICTS}, as a string.")
    if not isinstance(reason, str) or reason not in VERDICT_REASONS:
        fail(name, f"the reason should be one of {tuple(VERDICT_REASONS)}, as a string.")
    if VERDICT_REASONS[str.__str__(reason)] != verdict:
        fail(name, f"the reason {str.__str__(reason)!r} supports the verdict "
            f"{VERDICT_REASONS[str.__str__(reason)]!r}, not {str.__str__(verdict)!r}.")


@quiet
def check_periods(value: Any, name: str) -> None:
    """Check the shape of flagged periods: a list of (platform, first_day, last_day) tuples, sorted.

    Days are ``"YYYY-MM-DD"`` strings, the first day not after the last; the list is sorted by
    first day, then platform.
    """
    if not is_sequence(value):
        fail(name, "should be a list of (platform, first_day, last_day) tuples, "
                             f"but it is a {type(value).__name__}.")
    for item in value:
        if not isinstance(item, tuple) or len(item) != 3:
            fail(name, f"holds {item!r}: each period should be a tuple (platform, first_day, last_day) "
                "(a tuple, so that Question 6 can use it as a dict key).")
        if not all(isinstance(part, str) for part in item):
            fail(name, f"holds {item!r}: write the platform and both days as strings.")
        if not all(_is_day(part) for part in item[1:]):
            fail(name, f"holds {item!r}: write the days as 'YYYY-MM-DD' strings.")
        if item[1] > item[2]:
            fail(name, f"holds {item!r}, which ends before it starts.")
    keys = [(str.__str__(item[1]), str.__str__(item[0])) for item in value]
    if keys != sorted(keys):
        fail(name, "is not sorted yet.", "Sort it by first day, then by platform.")


def as_periods(value: Any) -> Any:
    """Periods with their days written as ``"YYYY-MM-DD"`` when they are dates (Timestamps, datetimes).

    A test cell compares the periods a learner found after this, so days written as dates cost
    points once, in the format check (:func:`check_periods`), not in every check of which periods
    were found. Anything that is not a list of periods is returned as it is.
    """
    if not is_sequence(value):
        return value
    converted = []
    for item in value:
        if is_sequence(item) and len(item) == 3:
            item = tuple(
                pd.Timestamp(part).strftime("%Y-%m-%d")
                if isinstance(part, (pd.Timestamp, dt.date, np.datetime64)) else part
                for part in item)
        converted.append(item)
    return converted


def _is_day(text: str) -> bool:
    try:
        return len(text) == 10 and pd.Timestamp(text).strftime("%Y-%m-%d") == text
    except (ValueError, TypeError):
        return False


@quiet
def check_contributions(value: Any, before_revenue: float, after_revenue: float, name: str) -> None:
    """Check the shape of a revenue split: traffic, conversion and basket, adding up to the change."""
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series, but it is a {type(value).__name__}.")
    if sorted(map(str, value.index)) != ["basket", "conversion", "traffic"] or value.index.has_duplicates:
        fail(name, "should have exactly three labels: 'traffic', 'conversion', 'basket'.")
    total = sum(as_real(v, f"{name}[{k!r}]") for k, v in value.items())
    if not math.isclose(total, after_revenue - before_revenue, rel_tol=1e-6, abs_tol=1e-6):
        fail(name, "has parts that do not add up to the change in revenue.",
             "With the log method they add up exactly: weight each log ratio by the same factor.")


@quiet
def check_flag_shape(value: Any, values: pd.Series, window: int, name: str) -> None:
    """Check the shape of anomaly flags for ``values``: a boolean Series, same index, first ``window`` days False."""
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series of True/False, but it is a {type(value).__name__}.")
    if len(value) != len(values) or not value.index.equals(values.index):
        fail(name, "should have one flag per value, with the same index as the input.")
    if value.dtype != bool and not (str(value.dtype) == "boolean" and not value.isna().any()):
        fail(name, "should hold booleans (dtype bool); days without a full window are False, not missing.")
    if value.iloc[:window].astype(bool).any():
        fail(name, "flags a day among the first `window` days, which have no full baseline yet: "
            "they should be False.")


@quiet
def check_flags(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """Check a boolean Series of anomaly flags: same index, booleans, the same days flagged."""
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series of True/False, but it is a {type(value).__name__}.")
    if len(value) != len(expected) or not value.index.equals(expected.index):
        fail(name, "should have one flag per value, with the same index as the input.")
    if value.dtype != bool and not (str(value.dtype) == "boolean" and not value.isna().any()):
        fail(name, "should hold booleans (dtype bool); days without a full window are False, not missing.")
    wrong = int((value.to_numpy(dtype=bool) != expected.to_numpy(dtype=bool)).sum())
    if wrong:
        fail(name, f"flags {wrong} of {len(expected)} days differently from the pinned rule.", hint)


def own_answer(compute: Callable[..., Any], inputs: Sequence[Any], other_inputs: Sequence[Any]) -> list[pd.Series]:
    """The learner's own functions' result on ``inputs``, to accept as well (error carried forward).

    A value built from the learner's own (maybe wrong) functions is right in its own terms if it
    follows from them. It is returned only if those functions give a different result on
    ``other_inputs`` (e.g. other dates): functions that ignore their inputs prove nothing.
    Returns ``[]`` when the functions raise or give no Series.
    """
    try:
        mine, other = compute(*inputs), compute(*other_inputs)
        if not isinstance(mine, pd.Series) or not isinstance(other, pd.Series):
            return []
        same = mine.index.equals(other.index) and bool(
            (mine.astype(float) - other.astype(float)).abs().le(1e-9 * (1 + mine.astype(float).abs())).all())
    except Exception:
        return []
    return [] if same else [mine]
