"""Check-cell outcomes: the body learners' kernels post, checked, and the SQLite file that keeps them.

A learner's kernel may be anyone's code, so nothing in a body is trusted but its shape: the user
comes from the token (the service's job), and the time that counts is the service's own.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import sqlite3
from dataclasses import astuple, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

MAX_BODY = 4096  # bytes: a result is a few hundred
MAX_MESSAGE = 200  # characters, as the reporter cuts them
STATUSES = ("passed", "partial", "failed", "unanswered")
MODULE = re.compile(r"\d\d-[a-z0-9-]{1,60}")
QUESTION = re.compile(r"[0-9A-Za-z._-]{1,16}")
TIMELINE_COLUMNS = ("user", "module", "question", "status", "points", "max_points", "message", "received")


class Malformed(ValueError):
    """A body that is not a result: the service answers 400 with this message."""


@dataclass(frozen=True)
class Result:
    """One check-cell outcome as stored: who (from the token), what, and when the service got it."""

    user: str
    module: str  # "" when the kernel did not know it
    question: str
    status: str
    points: float | None
    max_points: float | None
    message: str | None
    received: float  # seconds since the epoch, the service's clock


def _number(body: dict, key: str) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise Malformed(f"{key} must be a number >= 0 or null")
    return float(value)


def parse(raw: bytes, user: str, received: float) -> Result:
    """Return the result a request body describes, or raise ``Malformed`` saying what is wrong."""
    if len(raw) > MAX_BODY:
        raise Malformed(f"the body is over {MAX_BODY} bytes")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Malformed(f"the body is not JSON: {error}") from None
    if not isinstance(body, dict):
        raise Malformed("the body must be a JSON object")
    module = body.get("module")
    if module is not None and not (isinstance(module, str) and MODULE.fullmatch(module)):
        raise Malformed("module must be a module's folder name (like 01-product-strategy) or null")
    question = body.get("question")
    if not (isinstance(question, str) and QUESTION.fullmatch(question)):
        raise Malformed("question must be a short string (the question's number)")
    status = body.get("status")
    if status not in STATUSES:
        raise Malformed(f"status must be one of {', '.join(STATUSES)}")
    points, max_points = _number(body, "points"), _number(body, "max_points")
    if points is not None and max_points is not None and points > max_points + 1e-9:
        raise Malformed("points must not exceed max_points")
    message = body.get("message")
    if message is not None:
        if not isinstance(message, str) or len(message) > MAX_MESSAGE:
            raise Malformed(f"message must be a string of at most {MAX_MESSAGE} characters, or null")
        message = " ".join(message.split()) or None  # one line
    return Result(user, module or "", question, status, points, max_points,
                  None if status == "passed" else message, received)


class Store:
    """The results, in order of arrival, in an SQLite file only its owner can read (0600)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        old = os.umask(0o077)  # the file and its journal are made private from the start
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS results (id INTEGER PRIMARY KEY, user TEXT NOT NULL, module TEXT NOT NULL, "
                "question TEXT NOT NULL, status TEXT NOT NULL, points REAL, max_points REAL, message TEXT, "
                "received REAL NOT NULL)")
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)

    def add(self, result: Result) -> None:
        names = ", ".join(f.name for f in fields(Result))
        self.db.execute(f"INSERT INTO results ({names}) VALUES ({', '.join('?' * len(fields(Result)))})",
                        astuple(result))

    def all(self, module: str | None = None) -> list[Result]:
        """Every result (of ``module``, if given) in the order the service received them."""
        names = ", ".join(f.name for f in fields(Result))
        where, args = ("WHERE module = ?", (module,)) if module is not None else ("", ())
        return [Result(*row) for row in self.db.execute(f"SELECT {names} FROM results {where} ORDER BY id", args)]

    def close(self) -> None:
        self.db.close()


def _cell(value) -> str:
    """A CSV field a spreadsheet shows as text, never runs as a formula (a learner wrote the message)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def timeline_csv(results: list[Result]) -> str:
    """Who ran which check when, one row per result: the CSV instructors export after a session."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TIMELINE_COLUMNS)
    for r in results:
        received = datetime.fromtimestamp(r.received, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        writer.writerow([_cell(v) for v in (r.user, r.module, r.question, r.status, "" if r.points is None
                         else f"{r.points:g}", "" if r.max_points is None else f"{r.max_points:g}", r.message)]
                        + [received])
    return out.getvalue()
