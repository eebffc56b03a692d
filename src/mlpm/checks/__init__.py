"""Checkers that exercise test cells call: generic ones in :mod:`mlpm.checks.core`, the question in
:mod:`mlpm.checks.question`, and one module per workshop module."""

from mlpm.checks.core import (
    as_real,
    check_choice,
    check_choices_in,
    check_keys,
    check_labels,
    check_mapping,
    check_number,
    check_options,
    check_sequence,
    check_series,
    check_type,
    check_whole_number,
    own_value,
    same_value,
)
from mlpm.checks.question import CheckFailed, NotAnsweredYet, Question

__all__ = [
    "CheckFailed",
    "NotAnsweredYet",
    "Question",
    "as_real",
    "check_choice",
    "check_choices_in",
    "check_keys",
    "check_labels",
    "check_mapping",
    "check_number",
    "check_options",
    "check_sequence",
    "check_series",
    "check_type",
    "check_whole_number",
    "own_value",
    "same_value",
]
