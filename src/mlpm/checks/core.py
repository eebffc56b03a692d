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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import numpy as np
import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])


class NotAnsweredYet(AssertionError):
    """A check ran before its answer: the name is undefined or still raises the stub's error."""


def quiet(check: F) -> F:
    """Run a checker with warnings silenced, so nothing reaches stderr."""

    @functools.wraps(check)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return check(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextmanager
def checking() -> Iterator[None]:
    """Wrap a test cell's body: warnings stay off stderr; a missing answer says to answer first."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            yield
    except NameError as error:
        name = getattr(error, "name", None) or "your answer"
        raise NotAnsweredYet(
            f"`{name}` is not defined yet. Write your answer in the cell above, run it, "
            "then run this check again."
        ) from None
    except NotImplementedError:
        raise NotAnsweredYet(
            "Your answer still has `raise NotImplementedError()`. Replace it with your code, "
            "run that cell, then run this check again."
        ) from None


def _fail(name: str, problem: str, hint: str = "") -> None:
    message = f"`{name}` {problem}"
    if hint:
        message += f" {hint}"
    raise AssertionError(message)


def _type_name(value: Any) -> str:
    return type(value).__name__


def as_real(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is a real number (not a bool), else fail."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        _fail(name, f"should be a number, but it is a {_type_name(value)}.")
    number = float(value)
    if math.isnan(number):
        _fail(name, "is NaN: look for a division by zero or a missing value in your calculation.")
    return number


@quiet
def check_number(
    value: Any, expected: float, name: str, *, rel_tol: float = 1e-6, abs_tol: float = 1e-9,
    hint: str = "",
) -> None:
    """Check that ``value`` is a real number close to ``expected``."""
    number = as_real(value, name)
    if not math.isclose(number, float(expected), rel_tol=rel_tol, abs_tol=abs_tol):
        _fail(name, "is not right yet.", hint)


@quiet
def check_type(value: Any, expected_type: type, name: str) -> None:
    """Check that ``value`` is exactly of ``expected_type`` (subclasses are refused)."""
    if type(value) is not expected_type:
        _fail(name, f"should be a {expected_type.__name__}, but it is a {_type_name(value)}.")


@quiet
def check_choice(value: Any, options: Sequence[str], name: str) -> None:
    """Check that ``value`` is a plain string and one of ``options``."""
    check_type(value, str, name)
    if value not in options:
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
    """Check an ordered list: same items, then the same order; say where the order breaks."""
    check_type(value, list, name)
    wanted = list(expected)
    if sorted(map(str, value)) != sorted(map(str, wanted)) or len(value) != len(wanted):
        _fail(name, "should contain each item exactly once.", "Check for missing or repeated items.")
    for position, (got, want) in enumerate(zip(value, wanted, strict=True)):
        if type(got) is not type(want) or got != want:
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
    wrong = [
        key for key in expected.index
        if type(value[key]) is not str or value[key] != expected[key]
    ]
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
        if type(value[key]) is not type(want):
            _fail(f"{name}[{key!r}]", f"should be a {type(want).__name__}, but it is a {_type_name(value[key])}.")
    wrong = [key for key, want in expected.items() if value[key] != want]
    if wrong:
        _fail(name, f"has {len(wrong)} of {len(expected)} entries that are not right yet.", hint)
