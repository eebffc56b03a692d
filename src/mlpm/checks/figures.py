"""Checkers for matplotlib figures: titles, axis labels, labelled series and event markers.

A test cell passes the Figure a learner's function returned. The checks read what a reader
of the chart would see (text, legend labels, lines, annotations), never the pixels, so
they are fast and work with the Agg backend.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation

from mlpm.checks.core import fail, quiet


def _normalise(label: str) -> str:
    return " ".join(label.replace("_", " ").lower().split())


def _as_number(value: Any) -> float:
    """Turn a plotted x value (number, date or Timestamp) into matplotlib's float units."""
    if isinstance(value, (dt.date, np.datetime64)) or hasattr(value, "to_pydatetime"):
        if hasattr(value, "to_pydatetime"):
            value = value.to_pydatetime()
        return float(mdates.date2num(value))
    return float(value)


def _axes(fig: Figure) -> list[Axes]:
    return [ax for ax in fig.axes if ax.get_visible()]


def series_labels(fig: Figure) -> list[str]:
    """Return the labels of the figure's line series (matplotlib's hidden ``_`` labels left out)."""
    return [
        line.get_label() for ax in _axes(fig) for line in ax.get_lines()
        if not str(line.get_label()).startswith("_")
    ]


def find_series(fig: Figure, label: str, *, name: str = "fig") -> Line2D:
    """Return the line series whose label matches ``label`` (case and ``_`` vs space ignored)."""
    wanted = _normalise(label)
    for ax in _axes(fig):
        for line in ax.get_lines():
            if _normalise(str(line.get_label())) == wanted:
                return line
    fail(name, f"has no line labelled {label!r}.",
         f"Pass `label={label!r}` when you plot it, so the legend tells the reader which line is which.")


def series_values(fig: Figure, label: str) -> np.ndarray:
    """Return the y values of the series labelled ``label`` as floats."""
    return np.asarray(find_series(fig, label).get_ydata(), dtype=float)


def _is_vertical(line: Line2D) -> bool:
    xs = np.atleast_1d(line.get_xdata())
    return len(xs) >= 2 and all(x == xs[0] for x in xs)


def _marker_positions(ax: Axes) -> list[float]:
    """x positions of vertical lines and annotations on one axes, in matplotlib units."""
    positions = []
    for line in ax.get_lines():
        if _is_vertical(line):
            try:
                positions.append(_as_number(np.atleast_1d(line.get_xdata())[0]))
            except (TypeError, ValueError):
                continue
    for text in ax.texts:
        if isinstance(text, Annotation):
            try:
                positions.append(_as_number(text.xy[0]))
            except (TypeError, ValueError, IndexError):
                continue
    return positions


# Words that only name a chart or what it shows: a title made of these alone states no finding.
GENERIC_TITLE_WORDS = frozenset("""
a an the of and or for in on at to by vs versus with from over per our my this these
weekly daily monthly week weeks day days month months quarter time period periods date dates
kpi kpis dashboard dashboards metric metrics chart charts plot plots graph graphs figure overview
summary report reporting panel panels trend trends data performance view key numbers statistics stats
larder app substitution substitutions smarter launch launches feature product
active user users visits visitors conversion conversions revenue per basket orders order eur
shows show showing shown showed plotted labelled labeled aggregated combined selected based detailed tracked
measured observed estimated related weighted averaged summed grouped filtered smoothed indexed updated
before after since vs
""".split())

# Words that state what happened: a direction, a comparison or a verb of change.
FINDING_WORDS = frozenset("""
up down rose rise rises rising risen fell fall falls falling fallen drop drops dropped dipped dip dips
grew grow grows growing grown jump jumps jumped jumping climb climbs climbed step steps stepped
increase increases increased increasing decrease decreases decreased decreasing decline declines declined
gain gains gained lift lifts lifted boost boosts boosted improve improves improved improving worsen worsened
doubled halved higher lower more less fewer better worse bigger smaller larger best worst most least
flat stable steady unchanged same held hold holds stayed stay stays remained remain remains kept keep
moved move moves changed change changes shifted shift shrank shrink shrinks spiked spike spikes
drove drive drives driven went goes came comes brought brings made makes took takes lost loses won wins
hit hits beat beats sank sinks soar soars surge surges plunge plunges paid pays tripled twice
didn't doesn't not no but only while whereas although than
""".split())

FINDING_PATTERN = re.compile(r"(?:^|[\s(:;,])[+\-−±]\s?\d|[↑↓↗↘]|\d\s?%|\b\d+(?:\.\d+)?\s?x\b")

# What counts as a unit in an axis label, by the kind of number plotted.
UNIT_WORDS = {
    "money": ("eur", "euro", "euros", "€", "$", "£", "usd", "gbp", "chf", "cents"),
    "share": ("%", "percent", "percentage", "pct", "share", "rate", "ratio", "fraction", "proportion",
              "per", "/"),
    "count": ("users", "user", "people", "customers", "subscribers", "visitors", "visits", "user-days",
              "dau", "count", "number", "orders", "sessions", "thousand", "thousands", "millions"),
    "time": ("week", "weeks", "weekly", "date", "dates", "day", "days", "month", "monday", "time", "period"),
}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9€$£%'/+\-−]+", _normalise(text))


def states_a_finding(title: str) -> bool:
    """Whether a title says what the reader should see, not only what the chart shows.

    It must hold a word of change, direction or comparison ("rose", "up", "flat", "than"...),
    a verb in the past tense ("stepped", "lifted"), or a signed number or a percentage ("+20 %"),
    and at least one word beyond the generic words that name a chart ("weekly KPIs",
    "dashboard", "metrics").
    """
    text = _normalise(title)
    if FINDING_PATTERN.search(text):
        return True
    words = [word.strip("'-/") for word in _words(text)]
    words = [word for word in words if word]
    if all(word in GENERIC_TITLE_WORDS or word.isdigit() for word in words):
        return False
    return any(word in FINDING_WORDS or (len(word) >= 5 and word.endswith("ed") and word not in GENERIC_TITLE_WORDS)
               for word in words)


def has_unit(label: str, kind: str) -> bool:
    """Whether an axis label names a unit of the given kind ("money", "share", "count" or "time")."""
    text = _normalise(label)
    words = set(_words(text))
    for unit in UNIT_WORDS[kind]:
        if unit in ("%", "/", "€", "$", "£"):
            if unit in text:
                return True
        elif unit in words or any(part == unit for word in words for part in re.split(r"[/\-]", word)):
            return True
    return False


def _titles(fig: Figure, axes: Sequence[Axes]) -> tuple[str, list[str]]:
    """The figure's suptitle and each panel's title (centre, left and right titles joined)."""
    suptitle = fig.get_suptitle().strip() if hasattr(fig, "get_suptitle") else (
        fig._suptitle.get_text().strip() if getattr(fig, "_suptitle", None) else "")
    panels = [" ".join(t for t in (ax.get_title(loc=loc).strip() for loc in ("left", "center", "right")) if t)
              for ax in axes]
    return suptitle, panels


def _where(axes: Sequence[Axes], ax: Axes) -> str:
    return "the chart" if len(axes) == 1 else f"panel {list(axes).index(ax) + 1}"


@quiet
def check_is_figure(fig: Any, name: str = "fig") -> list[Axes]:
    """Check that ``fig`` is a matplotlib Figure with visible axes; return them.

    ``name`` is how the learner made the figure (``"make_dashboard(toy, launch_date)"``), for the
    messages of this and every other figure checker.
    """
    if not isinstance(fig, Figure):
        fail(name, f"should be a matplotlib Figure, but it is a {type(fig).__name__}.",
             "Return the matplotlib Figure (e.g. `fig, ax = plt.subplots()` ... `return fig`).")
    axes = _axes(fig)
    if not axes:
        fail(name, "is an empty figure:", "draw your chart on axes of this figure.")
    return axes


@quiet
def check_title(fig: Any, *, finding: bool = True, name: str = "fig") -> None:
    """Check that the figure (or every panel) has a title, and that a title states a finding.

    With ``finding``, at least one title (the figure's or a panel's) must say what the reader
    should see (:func:`states_a_finding`), not only name the chart.
    """
    axes = check_is_figure(fig, name)
    suptitle, panels = _titles(fig, axes)
    if not suptitle and not all(panels):
        fail(name, "has no title (or a panel has none):", "say what the reader should see.")
    if finding and not any(states_a_finding(title) for title in [suptitle, *panels] if title):
        shown = suptitle or next(title for title in panels if title)
        fail(name, f"has the title {shown!r}, which names the chart but does not say what the reader should see:",
             "write the finding, e.g. which metric moved, which way and when.")


@quiet
def check_axis_labels(
    fig: Any, *, units: Mapping[str, str] | None = None, x_unit: str | None = None, name: str = "fig",
) -> None:
    """Check that every x and y axis has a label, with a unit where asked.

    The message names every axis that needs work, so that fixing one does not reveal the next.

    Parameters
    ----------
    units : mapping, optional
        Series label -> kind of unit ("money", "share", "count"): the y label of the axes that
        plots that series must name a unit of that kind (see :data:`UNIT_WORDS`).
    x_unit : str, optional
        The kind of unit the x labels must name (e.g. "time").
    """
    axes = check_is_figure(fig, name)
    problems = []
    for ax in axes:
        where = _where(axes, ax)
        labelled = [other for other in axes if other is ax or ax.get_shared_x_axes().joined(ax, other)]
        xlabels = [other.get_xlabel().strip() for other in labelled if other.get_xlabel().strip()]
        if not xlabels:
            problems.append(f"no label on the x axis of {where} (name what it shows)")
        elif x_unit and not any(has_unit(label, x_unit) for label in xlabels):
            problems.append(f"the x label {xlabels[0]!r} on {where}, which names no unit (say what one step on "
                            "the axis is, e.g. the week, the day)")
        if not ax.get_ylabel().strip():
            problems.append(f"no label on the y axis of {where} (name the metric and its unit)")
    examples = {"money": "the currency, e.g. EUR", "share": "a share, a % or a ratio such as '... per ...'",
                "count": "what is counted, e.g. users", "time": "a time unit"}
    for label, kind in (units or {}).items():
        ax = find_series(fig, label, name=name).axes
        ylabel = ax.get_ylabel().strip()
        if ylabel and not has_unit(ylabel, kind):
            problems.append(f"the y label {ylabel!r} on {_where(axes, ax)}, which shows {label!r} but names no "
                            f"unit (add {examples[kind]})")
    if problems:
        fail(name, "has " + "; ".join(problems) + ".")


@quiet
def check_series_present(fig: Any, series: Sequence[str], *, name: str = "fig") -> None:
    """Check that a line series with each label is on the chart (on any of its axes)."""
    check_is_figure(fig, name)
    for label in series:
        find_series(fig, label, name=name)


@quiet
def check_marker(
    fig: Any, marker_near: Any, *, tolerance: float = 0.0, marker_name: str = "the event", name: str = "fig",
) -> None:
    """Check that a vertical line or an annotation marks ``marker_near`` (within ``tolerance``)."""
    axes = check_is_figure(fig, name)
    target = _as_number(marker_near)
    positions = [x for ax in axes for x in _marker_positions(ax)]
    if not positions:
        fail(name, f"has nothing that marks {marker_name}.",
             "Add a vertical line (`ax.axvline`) or an annotation (`ax.annotate`) so the reader sees when it happened.")
    if min(abs(x - target) for x in positions) > tolerance:
        fail(name, f"marks something, but not at {marker_name}:",
             "check the x position of your vertical line or annotation.")


@quiet
def check_figure(
    fig: Any,
    *,
    series: Sequence[str] = (),
    marker_near: Any = None,
    tolerance: float = 0.0,
    marker_name: str = "the event",
    finding: bool = True,
    units: Mapping[str, str] | None = None,
    x_unit: str | None = None,
    name: str = "fig",
) -> None:
    """Check that a figure tells its story: title, axis labels, named series and an event marker.

    Runs :func:`check_title`, :func:`check_axis_labels`, :func:`check_series_present` and
    :func:`check_marker` in turn; a test cell that gives partial credit calls them one per check.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        What the learner's function returned.
    series : sequence of str
        Labels of line series that must be on the chart (on any of its axes).
    marker_near : number, date or Timestamp, optional
        An x position that a vertical line (``axvline``) or an annotation (``annotate``)
        must mark, within ``tolerance`` (days, for a date axis).
    tolerance : float
        How far from ``marker_near`` the marker may sit, in x units (days on date axes).
    marker_name : str
        What the marker marks, for the message ("the launch").
    finding : bool
        Whether a title must state a finding (see :func:`states_a_finding`).
    units, x_unit :
        Units the axis labels must name (see :func:`check_axis_labels`).
    name : str
        How the learner made the figure, for the messages.
    """
    check_title(fig, finding=finding, name=name)
    check_axis_labels(fig, units=units, x_unit=x_unit, name=name)
    check_series_present(fig, series, name=name)
    if marker_near is not None:
        check_marker(fig, marker_near, tolerance=tolerance, marker_name=marker_name, name=name)


def close_figure(fig: Any) -> None:
    """Close what a learner's plotting function returned, if it is (or belongs to) a Figure."""
    figure = fig if isinstance(fig, Figure) else getattr(fig, "figure", None)
    if isinstance(figure, Figure):
        plt.close(figure)


@contextmanager
def drawn(fig: Any) -> Iterator[Any]:
    """``with drawn(make_chart(...)) as fig:`` checks a chart, then closes it whatever happens."""
    try:
        yield fig
    finally:
        close_figure(fig)
