"""The real room service (``mlpm.room``) without a hub, for the reporter's tests and the sizing benchmark.

``python tests/room_standalone.py PORT DB`` serves ``mlpm.room.service.make_app`` as
``mlpm room`` does (the same store, grid, flush period and prefix), with a stand-in for the
hub's token check: ``learner-<name>`` is the token of learner ``<name>``, :data:`INSTRUCTOR`
the OAuth token of an instructor. Everything else is refused as the hub would refuse it.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

INSTRUCTOR = "instructor-oauth-token"
PREFIX = "/services/mlpm-room/"


def token_owner(token: str) -> dict | None:
    """The hub's answer for a token: a learner, the instructor, or None (unknown token)."""
    if token == INSTRUCTOR:
        return {"kind": "user", "name": "teach", "groups": ["instructors"],
                "scopes": ["access:services!service=mlpm-room"]}
    if token.startswith("learner-"):
        name = token.removeprefix("learner-")
        return {"kind": "user", "name": name, "groups": [], "scopes": [f"users:activity!user={name}"]}
    return None


def serve(port: int, db: Path) -> None:
    """Serve the room on 127.0.0.1:``port`` until killed."""
    os.environ.setdefault("JUPYTERHUB_API_TOKEN", "unused")
    from jupyterhub.services.auth import HubOAuth
    from tornado import ioloop

    from mlpm.room.results import Store
    from mlpm.room.service import FLUSH_SECONDS, Room, installed_questions, make_app

    class TokenTable(HubOAuth):
        async def _owner(self, token: str) -> dict | None:
            return token_owner(token)

        def user_for_token(self, token, use_cache=True, session_id="", *, sync=True):
            return self._owner(token)

        async def _get_user_cookie(self, handler):
            return None

    async def run() -> None:
        room = Room(Store(db), questions=installed_questions())
        hub = TokenTable(api_token="unused", api_url="http://127.0.0.1:1/hub/api",
                         access_scopes={"access:services!service=mlpm-room"}, login_url="/hub/login")
        make_app(room, PREFIX, hub_auth=hub).listen(port, "127.0.0.1")
        ioloop.PeriodicCallback(room.flush, FLUSH_SECONDS * 1000).start()
        await asyncio.Event().wait()

    asyncio.run(run())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(db: Path) -> tuple[subprocess.Popen, str]:
    """Start the service in a process of its own; return it and its base URL, once it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, str(port), str(db)],  # its access log is not wanted
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}{PREFIX}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "room.js", timeout=1).close()
            return process, base
        except (urllib.error.URLError, OSError):
            if process.poll() is not None:
                raise RuntimeError(f"the room service exited with {process.returncode}") from None
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the room service did not answer within 30 s")


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]))
