"""Module 10 data: a data scientist's skills self-assessment and Larder's candidate mentors.

``skills_survey`` rates each sub-skill of the four ML PM skill groups from 1 to 5: the level the
ML PM role at Larder expects (``target``) and a learner's own ratings at the start and at the end
of the workshop. ``mentors`` lists the people who offered to mentor, one row per skill group they
coach (a person can appear twice), with how strong they are in it and the hours a month they can
give. The seed jitters the ratings, so hidden checks have other learners and other mentors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

GROUPS = ("product strategy", "product delivery", "influence", "technical fluency")

# (group, sub-skill, target level for an ML PM, a typical data scientist's start rating)
SUB_SKILLS = (
    ("product strategy", "users and pain points", 4, 2),
    ("product strategy", "OKRs and outcomes", 4, 2),
    ("product strategy", "prioritising effort vs reward", 4, 3),
    ("product strategy", "build vs buy (GenAI API or core ML)", 3, 3),
    ("product delivery", "feature stages and MVPs", 4, 3),
    ("product delivery", "measuring impact with dashboards", 4, 4),
    ("product delivery", "learning from qualitative data", 3, 2),
    ("product delivery", "agile delivery with a team", 4, 3),
    ("influence", "stakeholder mapping", 4, 2),
    ("influence", "storytelling with data", 4, 3),
    ("influence", "explaining ML to non-experts", 4, 3),
    ("influence", "saying no and bad news", 4, 1),
    ("technical fluency", "responsible AI and regulation", 4, 2),
    ("technical fluency", "A/B testing and metrics", 4, 4),
    ("technical fluency", "MLOps", 3, 3),
    ("technical fluency", "backend basics", 3, 2),
)
# How many points each sub-skill's rating rises during the workshop (before jitter).
WORKSHOP_GAIN = {"product strategy": 1, "product delivery": 1, "influence": 2, "technical fluency": 1}

# (name, role, internal, group, strength 1-5, hours a month)
MENTOR_ROWS = (
    ("Ravi Desai", "Checkout product manager", True, "product strategy", 5, 4),
    ("Ravi Desai", "Checkout product manager", True, "influence", 4, 4),
    ("Lena Fischer", "Group PM, growth (ex-Larder)", False, "product strategy", 5, 2),
    ("Amara Osei", "COO", True, "influence", 5, 0),
    ("Jonah Mercer", "Head of retention", True, "influence", 4, 3),
    ("Jonah Mercer", "Head of retention", True, "product delivery", 3, 3),
    ("Kofi Mensah", "Engineering manager, app", True, "product delivery", 4, 2),
    ("Sara Lind", "Agile coach (freelance)", False, "product delivery", 4, 6),
    ("Mei Tanaka", "Head of engineering", True, "technical fluency", 5, 1),
    ("Henrik Aalto", "Data protection officer", True, "technical fluency", 4, 2),
    ("Priya Nair", "Senior ML PM (ex-Larder)", False, "technical fluency", 4, 5),
    ("Nadia Rahman", "Customer support lead", True, "product strategy", 3, 5),
)


def skills_survey(seed: int = 9) -> pd.DataFrame:
    """Return one learner's self-assessment: a row per sub-skill, rated 1-5 at the start and the end.

    Parameters
    ----------
    seed : int
        Seed of the jitter; the default is the worked learner of module 10.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``sub_skill``, ``target`` (the ML PM role's level), ``start`` and ``end``
        (the learner's ratings before and after the workshop), all ratings whole numbers 1-5.
    """
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(SUB_SKILLS, columns=["group", "sub_skill", "target", "start"])
    if seed != 9:
        frame["start"] = frame["start"] + rng.integers(-1, 2, size=len(frame))
    else:
        rng.integers(-1, 2, size=len(frame))
    gain = frame["group"].map(WORKSHOP_GAIN) + rng.integers(-1, 2, size=len(frame))
    frame["start"] = frame["start"].clip(1, 5)
    frame["end"] = (frame["start"] + gain.clip(lower=0)).clip(1, 5)
    return frame[["group", "sub_skill", "target", "start", "end"]]


def mentors(seed: int = 9) -> pd.DataFrame:
    """Return the candidate mentors: a row per person and skill group they coach.

    Parameters
    ----------
    seed : int
        Seed of the jitter of strengths and hours; the default keeps the planted rows.

    Returns
    -------
    pandas.DataFrame
        Columns ``mentor_id``, ``name``, ``role``, ``internal`` (works at Larder), ``group`` (the skill
        group they coach), ``strength`` (1-5) and ``hours_per_month`` (time they can give).
    """
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(MENTOR_ROWS, columns=["name", "role", "internal", "group", "strength", "hours_per_month"])
    if seed != 9:
        frame["strength"] = (frame["strength"] + rng.integers(-1, 2, size=len(frame))).clip(1, 5)
        frame["hours_per_month"] = (frame["hours_per_month"] + rng.integers(-2, 3, size=len(frame))).clip(0, 8)
        frame = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    frame.insert(0, "mentor_id", [f"M{k:02d}" for k in range(1, len(frame) + 1)])
    return frame


DATASETS = {"skills_survey": skills_survey, "mentors": mentors}
