"""Checkers for module 03 (measuring impact): metric trees, KPI tables and anomaly verdicts."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Any

import pandas as pd

from mlpm.checks.core import as_real, check_series, check_type, quiet

VERDICTS = ("data_problem", "real_change", "unclear")
VERDICT_REASONS = {
    "events_missing_orders_normal": "data_problem",
    "conversion_moved_traffic_normal": "real_change",
    "needs_investigation": "unclear",
}


@quiet
def check_metric_tree(
    tree: Any,
    root: str,
    inputs: Collection[str],
    known: Collection[str],
    values: Mapping[str, float],
    products: Collection[str] = (),
) -> None:
    """Validate a metric tree written as ``{parent: [children, ...]}``.

    Parameters
    ----------
    tree : dict
        The learner's tree: each key a metric, each value the list of metrics it breaks into.
    root : str
        The OKR metric at the top.
    inputs : collection of str
        Input metrics a team can move directly; every leaf must be one, each used once.
    known : collection of str
        Every metric name the learner may use.
    values : mapping
        Measured values of some metrics in one week, to test products.
    products : collection of str
        Nodes that must equal the product of their children (checked with ``values``).
    """
    check_type(tree, dict, "metric_tree")
    for parent, children in tree.items():
        if type(parent) is not str:
            raise AssertionError(f"`metric_tree` has a key {parent!r} that is not a metric name (a str).")
        if type(children) is not list or not children:
            raise AssertionError(
                f"metric_tree[{parent!r}] should be a non-empty list of the metrics it breaks into."
            )
        for child in children:
            if type(child) is not str:
                raise AssertionError(f"metric_tree[{parent!r}] holds {child!r}, which is not a metric name.")
    nodes = set(tree) | {c for children in tree.values() for c in children}
    unknown = sorted(n for n in nodes if n not in known)
    if unknown:
        raise AssertionError(
            f"`metric_tree` uses names that are not in the list of metrics: {unknown[:3]}. "
            "Copy the names exactly."
        )
    if root not in tree:
        raise AssertionError(f"The tree should start at the OKR metric {root!r}: make it a key with its children.")
    parents: dict[str, str] = {}
    for parent, children in tree.items():
        if len(set(children)) != len(children):
            raise AssertionError(f"metric_tree[{parent!r}] lists a child twice.")
        for child in children:
            if child == root:
                raise AssertionError("The OKR metric is the root: it cannot be a child of another metric.")
            if child in parents:
                raise AssertionError(
                    f"{child!r} has two parents ({parents[child]!r} and {parent!r}). In a tree each "
                    "metric sits under one parent, so each team knows which number it moves."
                )
            parents[child] = parent
    reached, todo = set(), [root]
    while todo:
        node = todo.pop()
        if node in reached:
            raise AssertionError(f"The tree loops back to {node!r}: a metric cannot be its own ancestor.")
        reached.add(node)
        todo.extend(tree.get(node, []))
    stranded = sorted(nodes - reached)
    if stranded:
        raise AssertionError(
            f"Some metrics cannot be reached from {root!r}: {stranded[:3]}. Hang each one under the "
            "metric it explains, or drop it."
        )
    leaves = sorted(n for n in nodes if n not in tree)
    not_input = [leaf for leaf in leaves if leaf not in inputs]
    if not_input:
        raise AssertionError(
            f"The leaf {not_input[0]!r} is not an input metric a team can move directly. Break it "
            "down further into inputs, or drop it."
        )
    broken_down = [node for node in tree if node in inputs]
    if broken_down:
        raise AssertionError(
            f"{broken_down[0]!r} is an input metric a team moves directly: it should be a leaf."
        )
    missing = sorted(set(inputs) - set(leaves))
    if missing:
        raise AssertionError(
            f"{len(missing)} input metric(s) are not in the tree yet, e.g. {missing[0]!r}. Place "
            "every input under the metric it moves."
        )
    for node in products:
        children = tree.get(node, [])
        unmeasured = [c for c in children if c not in values]
        if not children or unmeasured:
            raise AssertionError(
                f"{node!r} should break into factors we measure every week "
                f"({', '.join(sorted(values))} are measured), so that they multiply back to it."
            )
        product = math.prod(float(values[c]) for c in children)
        if not math.isclose(product, float(values[node]), rel_tol=0.01):
            raise AssertionError(
                f"The children of {node!r} do not multiply back to it. Check that the factors "
                "chain (each one's denominator is the previous one's numerator) and that none "
                "counts the same thing twice."
            )


@quiet
def check_frame(value: Any, expected: pd.DataFrame, name: str, *, rel_tol: float = 1e-6, hint: str = "") -> None:
    """Check a numeric DataFrame: same columns, then each column as a Series (same index labels)."""
    if not isinstance(value, pd.DataFrame):
        raise AssertionError(f"`{name}` should be a pandas DataFrame, but it is a {type(value).__name__}.")
    missing = [c for c in expected.columns if c not in value.columns]
    if missing:
        raise AssertionError(f"`{name}` has no column {missing[0]!r}.")
    extra = [c for c in value.columns if c not in expected.columns]
    if extra:
        raise AssertionError(f"`{name}` has a column that should not be there: {extra[0]!r}.")
    if len(value.index) and len(expected.index):
        got, want = value.index[0], expected.index[0]
        if isinstance(want, pd.Timestamp) and not isinstance(got, pd.Timestamp):
            raise AssertionError(
                f"`{name}` should be indexed by the Monday that starts each week, as a pandas "
                f"Timestamp; its index holds {type(got).__name__} values."
            )
    for column in expected.columns:
        check_series(value[column], expected[column], f"{name}[{column!r}]", rel_tol=rel_tol, hint=hint)


@quiet
def check_verdict(value: Any, name: str) -> None:
    """Check the shape of a verdict: a pair (verdict, reason) whose reason fits the verdict."""
    check_type(value, tuple, name)
    if len(value) != 2:
        raise AssertionError(f"`{name}` should be a pair: (verdict, reason).")
    verdict, reason = value
    if type(verdict) is not str or verdict not in VERDICTS:
        raise AssertionError(f"`{name}`: the verdict should be one of {VERDICTS}.")
    if type(reason) is not str or reason not in VERDICT_REASONS:
        raise AssertionError(f"`{name}`: the reason should be one of {tuple(VERDICT_REASONS)}.")
    if VERDICT_REASONS[reason] != verdict:
        raise AssertionError(
            f"`{name}`: the reason {reason!r} supports the verdict {VERDICT_REASONS[reason]!r}, "
            f"not {verdict!r}."
        )


@quiet
def check_contributions(value: Any, before_revenue: float, after_revenue: float, name: str) -> None:
    """Check the shape of a revenue split: traffic, conversion and basket, adding up to the change."""
    if not isinstance(value, pd.Series):
        raise AssertionError(f"`{name}` should be a pandas Series, but it is a {type(value).__name__}.")
    if sorted(map(str, value.index)) != ["basket", "conversion", "traffic"] or value.index.has_duplicates:
        raise AssertionError(f"`{name}` should have exactly three labels: 'traffic', 'conversion', 'basket'.")
    total = sum(as_real(v, f"{name}[{k!r}]") for k, v in value.items())
    if not math.isclose(total, after_revenue - before_revenue, rel_tol=1e-6, abs_tol=1e-6):
        raise AssertionError(
            f"The parts of `{name}` do not add up to the change in revenue. With the log method "
            "they add up exactly: weight each log ratio by the same factor."
        )


@quiet
def check_flags(value: Any, expected: pd.Series, name: str, *, hint: str = "") -> None:
    """Check a boolean Series of anomaly flags: same index, booleans, the same days flagged."""
    if not isinstance(value, pd.Series):
        raise AssertionError(f"`{name}` should be a pandas Series of True/False, but it is a {type(value).__name__}.")
    if len(value) != len(expected) or not value.index.equals(expected.index):
        raise AssertionError(f"`{name}` should have one flag per value, with the same index as the input.")
    if value.dtype != bool:
        raise AssertionError(
            f"`{name}` should hold booleans (dtype bool); days without a full window are False, not missing."
        )
    wrong = int((value.to_numpy() != expected.to_numpy()).sum())
    if wrong:
        message = f"`{name}` flags {wrong} of {len(expected)} days differently from the pinned rule."
        raise AssertionError(f"{message} {hint}".strip())
