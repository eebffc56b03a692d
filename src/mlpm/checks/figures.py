"""Checkers for matplotlib figures: titles, axis labels, labelled series and event markers.

A test cell passes the Figure a learner's function returned. The checks read what a reader
of the chart would see (text, legend labels, lines, annotations), never the pixels, so
they are fast and work with the Agg backend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation

from mlpm.checks.core import quiet


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


def find_series(fig: Figure, label: str) -> Line2D:
    """Return the line series whose label matches ``label`` (case and ``_`` vs space ignored)."""
    wanted = _normalise(label)
    for ax in _axes(fig):
        for line in ax.get_lines():
            if _normalise(str(line.get_label())) == wanted:
                return line
    raise AssertionError(
        f"The chart has no line labelled {label!r}. Pass `label={label!r}` when you plot it, "
        "so the legend tells the reader which line is which."
    )


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


@quiet
def check_figure(
    fig: Any,
    *,
    series: Sequence[str] = (),
    marker_near: Any = None,
    tolerance: float = 0.0,
    marker_name: str = "the event",
) -> None:
    """Check that a figure tells its story: title, axis labels, named series and an event marker.

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
    """
    if not isinstance(fig, Figure):
        raise AssertionError(
            f"Return the matplotlib Figure (e.g. `fig, ax = plt.subplots()` ... `return fig`), "
            f"not a {type(fig).__name__}."
        )
    axes = _axes(fig)
    if not axes:
        raise AssertionError("The figure is empty: draw your chart on axes of this figure.")
    suptitle = fig.get_suptitle().strip()
    if not suptitle and not all(ax.get_title().strip() for ax in axes):
        raise AssertionError(
            "The chart has no title (or a panel has none): say what the reader should see."
        )
    for number, ax in enumerate(axes, start=1):
        where = "the chart" if len(axes) == 1 else f"panel {number}"
        shared_label = any(
            other.get_xlabel().strip() for other in axes
            if other is not ax and ax.get_shared_x_axes().joined(ax, other)
        )
        if not ax.get_xlabel().strip() and not shared_label:
            raise AssertionError(f"The x axis of {where} has no label: name what it shows.")
        if not ax.get_ylabel().strip():
            raise AssertionError(f"The y axis of {where} has no label: name the metric and its unit.")
    for label in series:
        find_series(fig, label)
    if marker_near is not None:
        target = _as_number(marker_near)
        positions = [x for ax in axes for x in _marker_positions(ax)]
        if not positions:
            raise AssertionError(
                f"Nothing on the chart marks {marker_name}. Add a vertical line (`ax.axvline`) "
                "or an annotation (`ax.annotate`) so the reader sees when it happened."
            )
        if min(abs(x - target) for x in positions) > tolerance:
            raise AssertionError(
                f"The chart marks something, but not at {marker_name}: check the x position "
                "of your vertical line or annotation."
            )
