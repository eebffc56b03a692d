"""Module 00 (orientation): the reference computations and keys hidden checks compare with.

Loaded by hidden test cells with ``reference("orientation")``; never part of the installed package.
"""

from __future__ import annotations

import pandas as pd

# Question 3: the skill groups each situation defensibly calls on (the lesson's table, read fairly)
SKILL_KEY = {
    "S1": {"product strategy"},
    "S2": {"product delivery", "product strategy"},      # the MVP (02), and the payback call is strategy
    "S3": {"influence", "technical fluency"},            # explaining to a stakeholder (05) needs the model's why
    "S4": {"technical fluency"},
    "S5": {"product strategy"},
    "S6": {"product delivery", "technical fluency"},     # the dashboard (03) or data fluency
    "S7": {"influence"},
    "S8": {"technical fluency"},
}


def churn_by_segment(frame: pd.DataFrame) -> pd.Series:
    """Each segment's churn rate: the share of its subscribers with ``churned_next_4w`` True."""
    return frame.groupby("segment")["churned_next_4w"].mean()
