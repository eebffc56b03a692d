"""Who really handed a submission in: the owner of its folder in nbgrader's exchange.

On a hub whose learners are real accounts, ``nbgrader submit`` writes
``<exchange>/<course>/inbound/<student>+<assignment>+<timestamp>+<random>/`` as the learner who
runs it, but ``--student`` lets anyone put another learner's name on it; ``nbgrader collect``
then only warns and copies the newest folder under that name into ``submitted/``. Here every
inbound folder of a student is checked against the student's account: a folder owned by another
account is never graded. If the collected copy is such a forgery, the student's own newest
submission from the exchange is graded instead, with a note; if they handed in nothing
themselves, the status is ``submitted_by_another_user``.
"""

from __future__ import annotations

import pwd
from pathlib import Path

from mlpm.grading.collect import GRADABLE, Submission, check_notebook
from mlpm.grading.course import Course

FORGED = "submitted_by_another_user"


def _owner_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def _timestamp(folder: Path) -> str:
    """The submission time in an inbound folder's name (student+assignment+timestamp+random)."""
    return folder.name.split("+")[2]


def check_owners(submissions: list[Submission], inbound: Path, course: Course) -> list[Submission]:
    """Return ``submissions`` with those another account handed in replaced or refused.

    Parameters
    ----------
    submissions : list[Submission]
        What ``collect`` read from nbgrader's ``submitted/`` folder.
    inbound : Path
        The exchange's ``<root>/<course>/inbound`` folder the submissions were collected from.
    course : Course
        The prepared course of the assignment being graded.
    """
    slug, notebook = course.slug, course.notebook
    checked = []
    for submission in submissions:
        try:
            uid = pwd.getpwnam(submission.student).pw_uid
        except KeyError:
            checked.append(submission)  # not an account on this machine: nothing to compare with
            continue
        folders = sorted(inbound.glob(f"{submission.student}+{slug}+*"), key=_timestamp, reverse=True)
        forged = [f for f in folders if f.stat().st_uid != uid]
        if not forged:
            checked.append(submission)
            continue
        own = [f for f in folders if f.stat().st_uid == uid and (f / notebook).is_file()]
        notes = [f"handed in under this name by {_owner_name(f.stat().st_uid)}, not by {submission.student}, "
                 f"at {_timestamp(f)}: not graded" for f in forged]
        stamp = submission.path.parent / "timestamp.txt" if submission.path else None
        collected = stamp.read_text().strip() if stamp and stamp.is_file() else None
        if collected not in {_timestamp(f) for f in forged}:
            checked.append(Submission(submission.student, submission.status, submission.path,
                                      submission.notes + notes))
        elif own:
            notes.append(f"graded {submission.student}'s own submission of {_timestamp(own[0])} from the exchange")
            status, reason = check_notebook(own[0] / notebook, course)
            notes += [reason] if reason else []
            path = own[0] / notebook if status == GRADABLE else None
            checked.append(Submission(submission.student, status, path, submission.notes + notes))
        else:
            checked.append(Submission(submission.student, FORGED, None, submission.notes + notes))
    return checked
