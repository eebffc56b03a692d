"""The room view, kernel side: a check cell's outcome goes to the instructor's page, never its answer.

On a JupyterHub whose config sets ``MLPM_ROOM_URL`` (the ``mlpm-room`` service's results URL),
:meth:`Question.result <mlpm.checks.question.Question.result>` hands every outcome to
:func:`report`, which posts it with the learner's own hub token (``JUPYTERHUB_API_TOKEN``). What
leaves the learner's server is the module, the question, the points, passed/total, a status and
the first failing message with every number and quoted literal masked (no learner value).

Off the hub (a laptop, self-study) the two variables are unset and :func:`report` returns at
once: nothing is sent, no thread starts, ``urllib`` is not even imported. Grading never reports:
nbgrader marks its kernels with ``NBGRADER_EXECUTION`` and the headless kernel managers
(:mod:`mlpm.kernels`: ``mlpm grade``, ``mlpm check``, ``mlpm run``) drop ``MLPM_ROOM_URL`` from
their kernels' environment.

Fire and forget: the cell only puts the body on a bounded queue (dropped when full) and one
daemon thread posts it with a short timeout; every error is swallowed, so a dead or slow service
costs a check cell microseconds and never shows the learner anything.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import threading
import time
from pathlib import Path

URL_VARIABLE = "MLPM_ROOM_URL"
TOKEN_VARIABLE = "JUPYTERHUB_API_TOKEN"
GRADING_VARIABLE = "NBGRADER_EXECUTION"
QUEUE_SIZE = 16
TIMEOUT_SECONDS = 2.0
MESSAGE_CHARS = 200
MASK = "…"
_SLUG = re.compile(r"^\d\d-[a-z0-9-]{1,60}$")  # as the service accepts it (mlpm.room.results.MODULE)
# A quoted literal opens after a non-word character, so the apostrophe in "doesn't" opens nothing.
_QUOTED = re.compile(r"""(?<!\w)'[^'\n]*'(?!\w)|(?<!\w)"[^"\n]*"(?!\w)""")
_NUMBER = re.compile(r"(?<!\w)[-+]?(?:0[xX][0-9a-fA-F]+|\.?\d[\d_]*(?:[.,]\d+)*(?:[eE][-+]?\d+)?)")

_queue: queue.Queue[dict] = queue.Queue(maxsize=QUEUE_SIZE)
_sender: threading.Thread | None = None
_start_lock = threading.Lock()
_module: list[str | None] = []  # the slug, once looked up: a kernel runs one notebook


def enabled() -> bool:
    """Whether this kernel reports: on a hub with the room view, and not a grading run."""
    env = os.environ
    return bool(env.get(URL_VARIABLE) and env.get(TOKEN_VARIABLE)) and not env.get(GRADING_VARIABLE)


def mask(message: str | None) -> str | None:
    """The message on one line, at most 200 characters, with numbers and quoted literals as ``…``."""
    if message is None:
        return None
    text = _NUMBER.sub(MASK, _QUOTED.sub(MASK, " ".join(message.split())))
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS - 1] + MASK


def module_slug(session: str | None = None) -> str | None:
    """The module of the notebook this kernel runs (``JPY_SESSION_NAME``, set by Jupyter Server), or None.

    The notebook's folder when it is named like a module (``01-product-strategy/``, where
    nbgrader fetches it), else the module whose exercise notebook has the same file name.
    """
    path = Path(session if session is not None else os.environ.get("JPY_SESSION_NAME", ""))
    if not path.name:
        return None
    if _SLUG.match(path.parent.name):
        return path.parent.name
    try:
        from mlpm.paths import content_dir

        return next((p.parent.name for p in content_dir("exercises").glob(f"*/{path.name}")), None)
    except (OSError, ValueError):
        return None


def report(number: str, status: str, points: float, max_points: float, passed: int, total: int,
           message: str | None) -> None:
    """Queue one question's outcome for the room service, when this kernel reports; never raises.

    ``status`` is ``passed``, ``partial``, ``failed`` or ``unanswered``; ``message`` is the first
    failing message the learner saw (None when passed), masked here before it is queued.
    """
    if not enabled():
        return
    try:
        if not _module:
            _module.append(module_slug())
        body = {"module": _module[0], "question": number, "points": points, "max_points": max_points,
                "passed": passed, "total": total, "status": status, "message": mask(message),
                "sent": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        _queue.put_nowait(body)
        _start_sender()
    except Exception:  # noqa: BLE001, S110 - the room view must never disturb a check cell (queue.Full included)
        pass


def _start_sender() -> None:
    global _sender
    if _sender is not None and _sender.is_alive():
        return
    with _start_lock:
        if _sender is None or not _sender.is_alive():
            where = (os.environ[URL_VARIABLE], os.environ[TOKEN_VARIABLE])
            _sender = threading.Thread(target=_send_forever, args=(_queue, *where), name="mlpm-room-report",
                                       daemon=True)
            _sender.start()


def _send_forever(outcomes: queue.Queue[dict], url: str, token: str) -> None:
    """Post queued outcomes to ``url`` one by one; a failed post is dropped.

    http.client rather than urllib: a post then costs the kernel's interpreter less (no handler
    chain), which matters when "Run all" runs the next cell at once. One connection serves a burst
    of outcomes and is closed when the queue is empty, so idle kernels hold no socket on the
    service; a kept connection the service has closed is retried once on a new one.
    """
    import http.client  # here, in the thread: off the hub it is never imported
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        address, path = (parts.hostname, parts.port), parts.path + (f"?{parts.query}" if parts.query else "")
    except ValueError:  # a malformed URL: every outcome is dropped
        address = None
    headers = {"Authorization": f"token {token}", "Content-Type": "application/json"}
    connection = None
    while True:
        data = json.dumps(outcomes.get()).encode("utf-8")
        for _ in range(2 if address else 0):
            kept = connection is not None
            try:
                connection = connection or kind(*address, timeout=TIMEOUT_SECONDS)
                connection.request("POST", path, data, headers)
                connection.getresponse().read()
                break
            except Exception:  # noqa: BLE001 - dead, slow or refusing service: drop this one quietly
                connection = _closed(connection)
                if not kept:
                    break
        if outcomes.empty():  # idle: hold no socket open on the service
            connection = _closed(connection)


def _closed(connection: object | None) -> None:
    """Close a connection, quietly; the sender then has none."""
    with contextlib.suppress(Exception):
        if connection is not None:
            connection.close()
