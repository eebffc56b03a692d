"""Does `mlpm grade` refuse a submission that another account handed in under a learner's name?

The exchange's inbound folders are made here with the owners a hub would give them: ``nobody``
plays the learner, root the classmate who submits in their name (so this needs root, as CI has).
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path
from types import SimpleNamespace

import pytest

from mlpm.grading.collect import GRADABLE, Submission
from mlpm.grading.owners import FORGED, check_owners

pytestmark = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="giving folders another owner needs root (CI runs as root)")
SLUG, NOTEBOOK = "01-product-strategy", "01-strategy-exercises.ipynb"
COURSE = SimpleNamespace(slug=SLUG, notebook=NOTEBOOK)
LEARNER = "nobody"


def hand_in(inbound: Path, stamp: str, owner: int) -> Path:
    """An inbound folder as `nbgrader submit` leaves it, owned by ``owner``."""
    folder = inbound / f"{LEARNER}+{SLUG}+{stamp}+{stamp[-2:]}abc"
    folder.mkdir(parents=True)
    (folder / NOTEBOOK).write_text("{}")
    (folder / "timestamp.txt").write_text(stamp)
    for path in (folder, folder / NOTEBOOK, folder / "timestamp.txt"):
        os.chown(path, owner, -1)
    return folder


def collected(tmp_path: Path, stamp: str) -> Submission:
    """The copy `nbgrader collect` made of the submission of time ``stamp``."""
    folder = tmp_path / "submitted" / LEARNER / SLUG
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text(stamp)
    return Submission(LEARNER, GRADABLE, folder / NOTEBOOK)


def test_a_forgery_with_no_own_submission_is_not_graded(tmp_path):
    """Is a learner who never submitted, but was submitted for, refused with who did it?"""
    inbound = tmp_path / "inbound"
    hand_in(inbound, "2026-01-01 10:00:00.000001 UTC", owner=0)
    [result] = check_owners([collected(tmp_path, "2026-01-01 10:00:00.000001 UTC")], inbound, COURSE)
    assert (result.status, result.path) == (FORGED, None)
    assert result.notes == [f"handed in under this name by root, not by {LEARNER}, "
                            "at 2026-01-01 10:00:00.000001 UTC: not graded"]


def test_an_older_forgery_is_noted_and_the_real_one_graded(tmp_path):
    """Is the learner's own newer submission graded as collected, with the forgery named?"""
    inbound = tmp_path / "inbound"
    uid = pwd.getpwnam(LEARNER).pw_uid
    hand_in(inbound, "2026-01-01 10:00:00.000001 UTC", owner=0)
    hand_in(inbound, "2026-01-01 11:00:00.000001 UTC", owner=uid)
    submission = collected(tmp_path, "2026-01-01 11:00:00.000001 UTC")
    [result] = check_owners([submission], inbound, COURSE)
    assert (result.status, result.path) == (GRADABLE, submission.path)
    assert "handed in under this name by root" in result.notes[0]


def test_genuine_submissions_pass_unchanged(tmp_path):
    """Does a learner who submitted only as themselves go through untouched?"""
    inbound = tmp_path / "inbound"
    hand_in(inbound, "2026-01-01 11:00:00.000001 UTC", owner=pwd.getpwnam(LEARNER).pw_uid)
    submission = collected(tmp_path, "2026-01-01 11:00:00.000001 UTC")
    assert check_owners([submission], inbound, COURSE) == [submission]
