"""Generic checkers for exercise test cells.

Every checker raises ``AssertionError`` with a message a learner can act on, never
shows the expected value, compares types strictly (so an object with a rigged
``__eq__`` cannot pass) and keeps warnings off stderr (nbgrader scores a test cell
that writes to stderr as failed).
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])


def quiet(check: F) -> F:
    """Run a checker with warnings silenced, so nothing reaches stderr."""

    @functools.wraps(check)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return check(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def own_value(compute: Callable[..., Any], *args: Any) -> Any:
    """``compute(*args)``, or None when it raises: the value that follows from a learner's own answers.

    Hidden checks use it to accept the value consistent with an earlier answer (error carried
    forward) without ever failing themselves; warnings stay off stderr.
    """
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return compute(*args)
    except Exception:  # noqa: BLE001 - any error of learner code means: no such value
        return None


def check_one_of(check: Any, value: Any, accepted: Sequence[Any], *args: Any, **kwargs: Any) -> None:
    """Run ``check(value, expected, *args, **kwargs)`` against each accepted expectation; pass if one does.

    ``accepted`` starts with the reference; later items (None is skipped) are values a fair reading
    accepts too, such as the value that follows from the learner's own function (error carried
    forward). When none matches, the reference's message is the one shown.
    """
    for expected in list(accepted)[1:]:
        if expected is None:
            continue
        try:
            check(value, expected, *args, **kwargs)
        except Exception:  # noqa: BLE001 - an unusable own value is simply not accepted
            continue
        return
    check(value, accepted[0], *args, **kwargs)


def _fail(name: str, problem: str, hint: str = "") -> None:
    message = f"`{name}` {problem}"
    if hint:
        message += f" {hint}"
    raise AssertionError(message)


def _type_name(value: Any) -> str:
    return type(value).__name__


def _is_real(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, float, np.integer, np.floating))


def _same_kind(got: Any, want: Any) -> bool:
    """Whether ``got`` is an acceptable type for ``want``: str, number, list-or-tuple, or exactly its type."""
    if isinstance(want, str):
        return isinstance(got, str)
    if _is_real(want):
        return _is_real(got)
    if isinstance(want, (list, tuple)):
        return isinstance(got, (list, tuple))
    return type(got) is type(want)


def _kind_name(want: Any) -> str:
    if _is_real(want):
        return "number"
    if isinstance(want, (list, tuple)):
        return "pair" if len(want) == 2 else "list"
    return type(want).__name__


def same_value(got: Any, want: Any, rel_tol: float = 1e-9) -> bool:
    """Strict equality that accepts what a prompt allows and refuses rigged objects.

    Strings are compared as plain ``str`` (so numpy strings pass), numbers by value (numpy or
    Python, not bools), lists and tuples item by item (either may stand for the other), and
    anything else by exact type and ``==``.
    """
    if not _same_kind(got, want):
        return False
    if isinstance(want, str):
        return str.__str__(got) == want
    if _is_real(want):
        return math.isclose(float(got), float(want), rel_tol=rel_tol, abs_tol=1e-12)
    if isinstance(want, (list, tuple)):
        return len(got) == len(want) and all(same_value(g, w, rel_tol) for g, w in zip(got, want, strict=True))
    return bool(got == want)


def as_real(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is a real number (not a bool), else fail."""
    if value is None:
        _fail(name, "is None: your code computes a value but does not return or assign it.")
    if not _is_real(value):
        _fail(name, f"should be a number, but it is a {_type_name(value)}.")
    number = float(value)
    if math.isnan(number):
        _fail(name, "is NaN: look for a division by zero or a missing value in your calculation.")
    return number


@quiet
def check_number(
    value: Any, expected: float, name: str, *, rel_tol: float = 1e-6, abs_tol: float = 1e-9,
    hint: str = "", also: Sequence[float] = (),
) -> None:
    """Check that ``value`` is a real number close to ``expected`` (or to one of ``also``).

    ``also`` holds other values a fair reading accepts, e.g. the value that follows from the
    learner's own earlier answer (error carried forward).
    """
    number = as_real(value, name)
    if not any(math.isclose(number, float(want), rel_tol=rel_tol, abs_tol=abs_tol) for want in (expected, *also)):
        _fail(name, "is not right yet.", hint)


@quiet
def check_type(value: Any, expected_type: type, name: str) -> None:
    """Check that ``value`` is exactly of ``expected_type`` (subclasses are refused)."""
    if type(value) is not expected_type:
        _fail(name, f"should be a {expected_type.__name__}, but it is a {_type_name(value)}.")


@quiet
def check_choice(value: Any, options: Sequence[str], name: str) -> None:
    """Check that ``value`` is a string (numpy's too) and one of ``options``."""
    if not isinstance(value, str):
        _fail(name, f"should be a str, but it is a {_type_name(value)}.")
    if str.__str__(value) not in options:
        allowed = ", ".join(repr(o) for o in options)
        _fail(name, f"is {value!r}, which is not one of the options: {allowed}.")


@quiet
def check_series(
    value: Any, expected: pd.Series, name: str, *, rel_tol: float = 1e-6, hint: str = "",
) -> None:
    """Check a numeric Series label by label: same labels, values close to ``expected``."""
    if not isinstance(value, pd.Series):
        _fail(name, f"should be a pandas Series, but it is a {_type_name(value)}.")
    missing = [label for label in expected.index if label not in value.index]
    extra = [label for label in value.index if label not in expected.index]
    if missing and extra:
        _fail(name, f"is labelled differently: it has {_listing(extra)} where {_listing(missing)} are expected.",
              "Check how you build the labels (for dates: which day labels each period).")
    if missing:
        _fail(name, f"has no value for {_listing(missing)}.", "Every label needs a value.")
    if extra:
        _fail(name, f"has labels that should not be there: {_listing(extra)}.")
    if value.index.has_duplicates:
        _fail(name, "has the same label more than once; aggregate to one value per label.")
    try:
        got = np.asarray(value.reindex(expected.index), dtype=float)
    except (TypeError, ValueError):
        _fail(name, "should hold numbers, but some values are not numbers.")
    want = np.asarray(expected, dtype=float)
    wrong = [
        label for label, g, w in zip(expected.index, got, want, strict=True)
        if not math.isclose(g, w, rel_tol=rel_tol, abs_tol=1e-9)
    ]
    if wrong:
        _fail(name, f"has values that are off for {_listing(wrong)}.", hint)


@quiet
def check_sequence(value: Any, expected: Sequence[Any], name: str, *, hint: str = "") -> None:
    """Check an ordered list (a tuple is fine too): same items, then the same order; say where it breaks."""
    if not isinstance(value, (list, tuple)):
        _fail(name, f"should be a list, but it is a {_type_name(value)}.")
    wanted = list(expected)
    if sorted(map(str, value)) != sorted(map(str, wanted)) or len(value) != len(wanted):
        if len(set(map(str, value))) < len(value):
            _fail(name, "repeats an item: each item should appear exactly once.", hint)
        _fail(name, "does not hold the right items yet: one is missing or does not belong.", hint)
    for position, (got, want) in enumerate(zip(value, wanted, strict=True)):
        if not same_value(got, want):
            where = "starts with the wrong item." if position == 0 else (
                f"has the first {position} item(s) in the right order, then it differs."
            )
            _fail(name, where, hint)


@quiet
def check_labels(
    value: Any, expected: pd.Series, name: str, *, hint: str = "",
) -> None:
    """Check a Series of text labels against ``expected``, label by label."""
    if not isinstance(value, pd.Series):
        _fail(name, f"should be a pandas Series, but it is a {_type_name(value)}.")
    if set(value.index) != set(expected.index) or value.index.has_duplicates:
        _fail(name, "should have exactly one label per item, indexed like the input.")
    wrong = [key for key in expected.index if not same_value(value[key], expected[key])]
    if wrong:
        _fail(name, f"has {len(wrong)} of {len(expected)} labels that are not right yet, "
              f"for example {_listing(wrong[:2])}.", hint)


def _label(label: Any) -> str:
    if isinstance(label, pd.Timestamp) and label == label.normalize():
        return label.date().isoformat()
    return repr(label)


def _listing(labels: Sequence[Any]) -> str:
    shown = ", ".join(_label(label) for label in list(labels)[:5])
    more = len(labels) - 5
    return shown + (f" and {more} more" if more > 0 else "")


@quiet
def check_keys(value: Any, keys: Sequence[Any], name: str) -> None:
    """Check that ``value`` is a dict with exactly ``keys``: say which are missing or extra."""
    check_type(value, dict, name)
    missing = [key for key in keys if key not in value]
    if missing:
        _fail(name, f"has no entry for {_listing(missing)}.", "Answer every one.")
    extra = [key for key in value if key not in keys]
    if extra:
        _fail(name, f"has entries that should not be there: {_listing(extra)}.")


@quiet
def check_mapping(value: Any, expected: dict[str, Any], name: str, *, hint: str = "") -> None:
    """Check a dict answer key by key; say how many entries are wrong, not which value is right."""
    check_keys(value, list(expected), name)
    for key, want in expected.items():
        if not _same_kind(value[key], want):
            _fail(f"{name}[{key!r}]", f"should be a {_kind_name(want)}, but it is a {_type_name(value[key])}.")
    wrong = [key for key, want in expected.items() if not same_value(value[key], want)]
    if wrong:
        _fail(name, f"has {len(wrong)} of {len(expected)} entries that are not right yet.", hint)


@quiet
def check_options(value: Any, keys: Sequence[str], options: Sequence[str], name: str) -> None:
    """Check the shape of a dict of named choices: one entry per key, each value one of ``options``."""
    check_keys(value, keys, name)
    for key in keys:
        choice = value[key]
        if not isinstance(choice, str) or str.__str__(choice) not in options:
            _fail(f"{name}[{key!r}]", f"should be one of {', '.join(repr(o) for o in options)}, as a string.")


@quiet
def check_choices_in(value: Any, accepted: dict[str, set[str]], name: str, *, hint: str = "") -> None:
    """Check some entries of a dict of choices, each against the set of choices a fair reading accepts."""
    check_type(value, dict, name)
    wrong = [key for key, options in accepted.items()
             if not isinstance(value.get(key), str) or str.__str__(value[key]) not in options]
    if wrong:
        _fail(name, f"has {len(wrong)} of {_listing(list(accepted))} not right yet.", hint)


@quiet
def check_whole_number(value: Any, name: str) -> None:
    """Check that ``value`` is a whole number (a Python or numpy int, not a bool or a float)."""
    if value is None:
        _fail(name, "is None: your code computes a value but does not return or assign it.")
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        _fail(name, f"should be a whole number (an int), but it is a {_type_name(value)}.")
