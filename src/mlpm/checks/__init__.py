"""Checkers that exercise test cells call: generic ones in :mod:`mlpm.checks.core`, the question in
:mod:`mlpm.checks.question`, and one module per workshop module.

The generic checkers are imported on first use, so that the grading engine, which only reads
results (:mod:`mlpm.checks.question`), does not pay for pandas.
"""

from mlpm.checks.question import CheckFailed, NotAnsweredYet, Question

_CORE = (
    "accepts_also",
    "as_real",
    "as_sequence",
    "check_choice",
    "check_choices_in",
    "check_keys",
    "check_labels",
    "check_mapping",
    "check_names",
    "check_number",
    "check_options",
    "check_sequence",
    "check_series",
    "check_type",
    "check_whole_number",
    "fail",
    "is_sequence",
    "own_value",
    "same_value",
)
__all__ = ["CheckFailed", "NotAnsweredYet", "Question", *_CORE]


def __getattr__(name: str):
    """Return a generic checker from :mod:`mlpm.checks.core`, importing it the first time."""
    if name in _CORE:
        from mlpm.checks import core

        return getattr(core, name)
    raise AttributeError(f"module 'mlpm.checks' has no attribute {name!r}")
