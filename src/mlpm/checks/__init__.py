"""Checkers that exercise test cells call (see :mod:`mlpm.checks.core`)."""

from mlpm.checks.core import (
    NotAnsweredYet,
    as_real,
    check_choice,
    check_keys,
    check_labels,
    check_mapping,
    check_number,
    check_sequence,
    check_series,
    check_type,
    checking,
)

__all__ = [
    "NotAnsweredYet",
    "as_real",
    "check_choice",
    "check_keys",
    "check_labels",
    "check_mapping",
    "check_number",
    "check_sequence",
    "check_series",
    "check_type",
    "checking",
]
