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
from typing import Any, NoReturn, TypeVar

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


def fail(name: str, problem: str, hint: str = "") -> NoReturn:
    """Fail a check with one learner-facing line: "`name` problem hint".

    Parameters
    ----------
    name : str
        The answer as the learner wrote it (``"rice_scores(toy)['X']"``); shown as code.
    problem : str
        What is wrong, as a sentence that follows the name ("is not right yet.").
    hint : str
        What to look at, never the expected value.
    """
    message = f"`{name}` {problem}"
    if hint:
        message += f" {hint}"
    raise AssertionError(message)



def is_sequence(value: Any) -> bool:
    """Whether ``value`` is a sequence a prompt that asks for a list allows: list, tuple, 1-d array, Series, Index.

    A pandas Index counts: ``series.sort_values().index[:n]`` is the usual way to take the top names.
    """
    if isinstance(value, np.ndarray):
        return value.ndim == 1
    return isinstance(value, (list, tuple, pd.Series)) or (isinstance(value, pd.Index) and value.nlevels == 1)


def as_sequence(value: Any, name: str, *, what: str = "list") -> list[Any]:
    """Return ``value``'s items as a list if it is any sequence the prompt allows, else fail.

    A list, a tuple, a one-dimensional numpy array, a pandas Series (its values) and a pandas Index all pass;
    a string, a dict, a set (no order) or anything else fails with "`name` should be a list, but
    it is a ...". ``what`` names the kind in that message ("list of names", "pair").
    """
    if value is None:
        fail(name, "is None: make your code return (or assign) the list.")
    if not is_sequence(value):
        fail(name, f"should be a {what}, but it is a {_type_name(value)}.")
    return list(value.to_numpy() if isinstance(value, (pd.Series, pd.Index)) else value)


def accepts_also(check: F) -> F:
    """Give a checker ``check(value, expected, ...)`` the keyword ``also=``: more expectations it accepts.

    ``also`` is a list or tuple of other values a fair reading accepts, typically what follows from
    the learner's own earlier answers (error carried forward, see :func:`own_value`); None entries
    are skipped. The check passes if ``value`` matches ``expected`` or any entry of ``also``; when
    none matches, the message is the one against ``expected`` (the reference).
    """

    @functools.wraps(check)
    def wrapper(value: Any, expected: Any, *args: Any, also: Sequence[Any] = (), **kwargs: Any) -> Any:
        if not isinstance(also, (list, tuple)):
            raise TypeError(f"also= takes a list or tuple of expectations, not a {_type_name(also)}.")
        for other in also:
            if other is None:
                continue
            try:
                check(value, other, *args, **kwargs)
            except Exception:  # noqa: BLE001 - an unusable carried-forward value is simply not accepted
                continue
            return None
        return check(value, expected, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _type_name(value: Any) -> str:
    return type(value).__name__


def _is_real(value: Any) -> bool:
    return not isinstance(value, (bool, np.bool_)) and isinstance(value, (int, float, np.integer, np.floating))


def _same_kind(got: Any, want: Any) -> bool:
    """Whether ``got`` is an acceptable type for ``want``: str, number, any sequence for a list, or its type."""
    if isinstance(want, str):
        return isinstance(got, str)
    if _is_real(want):
        return _is_real(got)
    if isinstance(want, (list, tuple)):
        return is_sequence(got)
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
    Python, not bools), lists and tuples item by item (a tuple, array or Series may stand for a
    list), and anything else by exact type and ``==``.
    """
    if not _same_kind(got, want):
        return False
    if isinstance(want, str):
        return str.__str__(got) == want
    if _is_real(want):
        return math.isclose(float(got), float(want), rel_tol=rel_tol, abs_tol=1e-12)
    if isinstance(want, (list, tuple)):
        items = list(got.to_numpy() if isinstance(got, (pd.Series, pd.Index)) else got)
        return len(items) == len(want) and all(same_value(g, w, rel_tol) for g, w in zip(items, want, strict=True))
    return bool(got == want)


NONE_PROBLEM = ("is None: your code gives no value here. Check that every path of your function ends in "
                "`return` (a loop that runs to its end without returning gives None).")


def as_real(value: Any, name: str) -> float:
    """Return ``value`` as a float if it is a real number (not a bool), else fail."""
    if value is None:
        fail(name, NONE_PROBLEM)
    if not _is_real(value):
        fail(name, f"should be a number, but it is a {_type_name(value)}.")
    number = float(value)
    if math.isnan(number):
        fail(name, "is NaN: look for a division by zero or a missing value in your calculation.")
    return number


@quiet
@accepts_also
def check_number(
    value: Any, expected: float, name: str, *, rel_tol: float = 1e-6, abs_tol: float = 1e-9, hint: str = "",
) -> None:
    """Check that ``value`` is a real number close to ``expected`` (``also=``: other accepted values)."""
    number = as_real(value, name)
    if not math.isclose(number, float(expected), rel_tol=rel_tol, abs_tol=abs_tol):
        fail(name, "is not right yet.", hint)


@quiet
def check_type(value: Any, expected_type: type, name: str) -> None:
    """Check that ``value`` is exactly of ``expected_type`` (subclasses are refused)."""
    if type(value) is not expected_type:
        fail(name, f"should be a {expected_type.__name__}, but it is a {_type_name(value)}.")


@quiet
def check_choice(value: Any, options: Sequence[str], name: str) -> None:
    """Check that ``value`` is a string (numpy's too) and one of ``options``."""
    if not isinstance(value, str):
        fail(name, f"should be a str, but it is a {_type_name(value)}.")
    if str.__str__(value) not in options:
        allowed = ", ".join(repr(o) for o in options)
        fail(name, f"is {value!r}, which is not one of the options: {allowed}.")


@quiet
@accepts_also
def check_series(
    value: Any, expected: pd.Series, name: str, *, rel_tol: float = 1e-6, hint: str = "",
) -> None:
    """Check a numeric Series label by label: same labels, values close to ``expected`` (``also=``: others)."""
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series, but it is a {_type_name(value)}.")
    missing = [label for label in expected.index if label not in value.index]
    extra = [label for label in value.index if label not in expected.index]
    if missing and extra and _positional(value.index) and not _positional(expected.index):
        fail(name, "is indexed by row number (0, 1, 2, ...), not by the items it is about.",
             "Index it by the items, e.g. with `.set_index(...)` on the frame or `pd.Series(values, index=...)`.")
    if missing and extra:
        fail(name, f"is labelled differently: it has {_listing(extra)} where {_listing(missing)} are expected.",
             "Check how you build the labels (for dates: which day labels each period).")
    if missing:
        fail(name, f"has no value for {_listing(missing)}.", "Every label needs a value.")
    if extra:
        fail(name, f"has labels that should not be there: {_listing(extra)}.")
    if value.index.has_duplicates:
        fail(name, "has the same label more than once; aggregate to one value per label.")
    try:
        got = np.asarray(value.reindex(expected.index), dtype=float)
    except (TypeError, ValueError):
        fail(name, "should hold numbers, but some values are not numbers.")
    want = np.asarray(expected, dtype=float)
    wrong = [
        label for label, g, w in zip(expected.index, got, want, strict=True)
        if not math.isclose(g, w, rel_tol=rel_tol, abs_tol=1e-9)
    ]
    if wrong:
        if _positional(expected.index):
            fail(name, f"has {len(wrong)} of {len(expected)} values that are off.", hint)
        fail(name, f"has values that are off for {_listing(wrong)}.", hint)


@quiet
@accepts_also
def check_sequence(value: Any, expected: Sequence[Any], name: str, *, hint: str = "") -> None:
    """Check an ordered list of items (any sequence the prompt allows): the same items, then the same order.

    Items may be names, numbers or pairs; for lists of names, :func:`check_names` says more.
    """
    items = as_sequence(value, name)
    wanted = list(expected)
    if sorted(map(str, items)) != sorted(map(str, wanted)) or len(items) != len(wanted):
        repeated = _repeated([str(item) for item in items])
        if repeated:
            fail(name, f"lists {_listing(repeated)} more than once: each item belongs once.", hint)
        fail(name, "does not hold the right items yet: one is missing or does not belong.", hint)
    for got, want in zip(items, wanted, strict=True):
        if not same_value(got, want):
            fail(name, f"has the right items, but the order goes wrong at {_label(got)}.", hint)


def _repeated(items: Sequence[Any]) -> list[Any]:
    seen: list[Any] = []
    repeated: list[Any] = []
    for item in items:
        if item in seen and item not in repeated:
            repeated.append(item)
        seen.append(item)
    return repeated


@quiet
@accepts_also
def check_names(
    value: Any, expected: Sequence[str], name: str, *, ordered: bool = True, options: Sequence[str] | None = None,
    hint: str = "", order_hint: str = "",
) -> None:
    """Check a list of names: which names first (duplicates, unknown, missing), then their order.

    Parameters
    ----------
    value : Any
        The learner's names: a list, tuple, 1-d array or Series of strings.
    expected : sequence of str
        The right names (in the right order when ``ordered``).
    name : str
        The answer's name, used in messages.
    ordered : bool
        Whether the order matters (a ranking) or not (a selection).
    options : sequence of str, optional
        The names the prompt offers. A name outside them is called unknown (a typo, most
        often). Missing names are named only when every option belongs in the answer (then
        naming them gives nothing away); otherwise they are counted.
    hint : str
        Added when names are duplicated, unknown, missing or do not belong (what decides which belong).
    order_hint : str
        Added when the names are right but their order is not.

    Also takes ``also=``: other lists of names a fair reading accepts.
    """
    items = as_sequence(value, name, what="list of names")
    if not all(isinstance(item, str) for item in items):
        fail(name, "should hold names (strings).")
    got = [str.__str__(item) for item in items]
    repeated = _repeated(got)
    if repeated:
        fail(name, f"lists {_listing(repeated)} more than once: each name belongs once.", hint)
    if options is not None:
        unknown = [item for item in got if item not in options]
        if unknown:
            fail(name, f"has {_listing(unknown)}, which is not one of the names offered: check the spelling.")
    extra = [item for item in got if item not in expected]
    if extra:
        fail(name, f"has {_listing(extra)}, which does not belong here.", hint)
    missing = [item for item in expected if item not in got]
    if missing:
        if options is not None and set(options) <= set(expected):
            fail(name, f"misses {_listing(missing)}.", hint)
        fail(name, f"misses {len(missing)} name(s) that belong here.", hint)
    if not ordered:
        return
    for item, want in zip(got, expected, strict=True):
        if item != want:
            fail(name, f"has the right names, but the order goes wrong at {item!r}.", order_hint)


@quiet
@accepts_also
def check_labels(
    value: Any, expected: pd.Series, name: str, *, hint: str = "", items: pd.Series | None = None,
) -> None:
    """Check a Series of text labels against ``expected``, label by label (``also=``: other accepted Series).

    ``items`` (on the same index, e.g. a frame's ID column) names the wrong ones as the learner knows
    them; without it they are named by their index labels, unless those only number the rows.
    """
    if not isinstance(value, pd.Series):
        fail(name, f"should be a pandas Series, but it is a {_type_name(value)}.")
    if set(value.index) != set(expected.index) or value.index.has_duplicates:
        fail(name, "should have exactly one label per item, indexed like the input.")
    wrong = [key for key in expected.index if not same_value(value[key], expected[key])]
    if wrong:
        named = f" for {_listing([items[key] for key in wrong])}" if items is not None else \
            _for_items(wrong, expected.index)
        fail(name, f"has {len(wrong)} of {len(expected)} labels that are not right yet{named}.", hint)


def _label(label: Any) -> str:
    if isinstance(label, pd.Timestamp) and label == label.normalize():
        return label.date().isoformat()
    return repr(label)


def _positional(index: pd.Index) -> bool:
    """Whether an index only numbers rows (0, 1, 2, ...), so its labels name no item a learner knows."""
    return pd.api.types.is_integer_dtype(index) and index.equals(pd.RangeIndex(len(index)))


def _for_items(labels: Sequence[Any], index: pd.Index) -> str:
    """" for 'a', 'b'" naming the items by their labels, or "" when the labels are only row numbers."""
    return "" if _positional(index) else f" for {_listing(labels)}"


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
        fail(name, f"has no entry for {_listing(missing)}.", "Answer every one.")
    extra = [key for key in value if key not in keys]
    if extra:
        fail(name, f"has entries that should not be there: {_listing(extra)}.")


@quiet
@accepts_also
def check_mapping(value: Any, expected: dict[str, Any], name: str, *, hint: str = "") -> None:
    """Check a dict answer key by key; say how many entries are wrong, not which value is right (``also=``)."""
    check_keys(value, list(expected), name)
    for key, want in expected.items():
        if not _same_kind(value[key], want):
            fail(f"{name}[{key!r}]", f"should be a {_kind_name(want)}, but it is a {_type_name(value[key])}.")
    wrong = [key for key, want in expected.items() if not same_value(value[key], want)]
    if wrong:
        fail(name, f"has {len(wrong)} of {len(expected)} entries that are not right yet.", hint)


@quiet
def check_options(value: Any, keys: Sequence[str], options: Sequence[str], name: str) -> None:
    """Check the shape of a dict of named choices: one entry per key, each value one of ``options``."""
    check_keys(value, keys, name)
    for key in keys:
        choice = value[key]
        if not isinstance(choice, str) or str.__str__(choice) not in options:
            fail(f"{name}[{key!r}]", f"should be one of {', '.join(repr(o) for o in options)}, as a string.")


@quiet
def check_choices_in(
    value: Any, accepted: dict[str, set[str]], name: str, *, hint: str = "", only: str | None = None,
) -> None:
    """Check some entries of a dict of choices, each against the set of choices a fair reading accepts.

    With ``only`` (one key of ``accepted``), only that entry decides, but the message still counts
    the wrong entries over all of ``accepted``: one check per entry then gives each entry its own
    weight, and the failing checks share one message that names no entry.
    """
    check_type(value, dict, name)
    wrong = [key for key, options in accepted.items()
             if not isinstance(value.get(key), str) or str.__str__(value[key]) not in options]
    if wrong if only is None else only in wrong:
        fail(name, f"has {len(wrong)} of {_listing(list(accepted))} not right yet.", hint)


@quiet
def check_whole_number(value: Any, name: str) -> None:
    """Check that ``value`` is a whole number (a Python or numpy int, not a bool or a float)."""
    if value is None:
        fail(name, NONE_PROBLEM)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        fail(name, f"should be a whole number (an int), but it is a {_type_name(value)}.")
