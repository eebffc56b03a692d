"""The room service: tornado, behind JupyterHub's proxy at ``/services/mlpm-room/``.

- ``POST api/results``: a check cell's outcome, sent by the learner's kernel with the learner's
  own hub token (``Authorization: token ...``). The user is the token's owner, asked of the hub,
  never a field of the body. 204 when stored (an instructor's own runs: 204 and not kept, so
  they get no row); 403 without a user's valid token; 400 on a malformed body; 413 over 4 KiB;
  429 past ``RATE`` results a minute from one learner.
- ``GET /`` (the page), ``GET api/events`` (server-sent events: a snapshot of the module, then
  the cells that changed, at most once a second), ``GET api/timeline.csv``: for the hub's
  instructors only. The hub lets only those with ``access:services!service=mlpm-room`` (a role
  of the instructors group) log in here through OAuth, and the service also checks that the
  user is in the instructors group (``MLPM_ROOM_GROUP``, by default ``instructors``); anyone
  else gets 403.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import time
from collections import defaultdict, deque
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated, UserNotAllowed
from tornado import ioloop, web
from tornado.escape import xhtml_escape
from tornado.iostream import StreamClosedError

from mlpm.paths import content_dir
from mlpm.room.grid import STUCK_MINUTES, STUCK_RULE, STUCK_RUNS, Grid, known_questions, summary
from mlpm.room.results import MAX_BODY, Malformed, Store, parse, timeline_csv

NAME = "mlpm-room"
DEFAULT_PORT = 10101
RATE = 120  # results a minute from one learner: "Run all" on a notebook sends one per question
FLUSH_SECONDS = 1.0  # how often changes go out to the pages
KEEPALIVE_SECONDS = 15.0
QUEUE = 50  # events a page may fall behind before it is dropped (it reconnects and gets a snapshot)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def default_db() -> Path:
    """``$MLPM_ROOM_DB``, by default ``mlpm-room.sqlite`` in the hub's state folder (``$MLPM_STATE_DIR``)."""
    if os.environ.get("MLPM_ROOM_DB"):
        return Path(os.environ["MLPM_ROOM_DB"])
    return Path(os.environ.get("MLPM_STATE_DIR", "/srv/jupyterhub")) / "mlpm-room.sqlite"


class Listener:
    """One open page: the module it asked for (None: the latest reported) and its queue of events."""

    def __init__(self, module: str | None):
        self.module = module
        self.shown: str | None = None  # the module of the last snapshot sent
        self.queue: asyncio.Queue = asyncio.Queue(QUEUE)
        self.frame: dict = {}  # the modules, questions and learners last sent


class Room:
    """The store, the grid built from it, and the open pages."""

    def __init__(self, store: Store, clock=time.time, questions: dict[str, list[tuple[str, float]]] | None = None):
        self.store, self.clock = store, clock
        self.grid = Grid(questions)
        for result in store.all():
            self.grid.add(result)
        self.grid.take_changes(clock())
        self.listeners: set[Listener] = set()
        self.recent: dict[str, deque] = defaultdict(deque)

    def allow(self, user: str) -> bool:
        """Whether ``user`` is within ``RATE`` results in the last minute (counting this one)."""
        now, times = self.clock(), self.recent[user]
        while times and now - times[0] > 60:
            times.popleft()
        if len(times) >= RATE:
            return False
        times.append(now)
        return True

    def frame(self, module: str | None) -> dict:
        """What frames a module's grid: the modules to choose from, its row of questions, the learners."""
        return {"modules": self.grid.modules(), "questions": self.grid.questions(module) if module is not None else [],
                "learners": self.grid.learners()}

    def snapshot(self, listener: Listener) -> dict:
        module = listener.module if listener.module is not None else self.grid.default_module()
        frame = self.frame(module)
        listener.shown, listener.frame = module, frame
        now = self.clock()
        cells = self.grid.module_cells(module) if module is not None else []
        return {"module": module, **frame, "now": now, "rule": STUCK_RULE,
                "cells": [cell.view(now) for cell in cells], "summary": summary(cells, now)}

    def flush(self) -> None:
        """Send each open page what changed in its module since the last flush."""
        now = self.clock()
        changed = self.grid.take_changes(now)
        for listener in list(self.listeners):
            module = listener.module if listener.module is not None else self.grid.default_module()
            if module != listener.shown:
                event = ("snapshot", self.snapshot(listener))
            else:
                cells = [cell for cell in changed if cell.module == module]
                frame = self.frame(module)
                if not cells and frame == listener.frame:
                    continue
                listener.frame = frame
                event = ("delta", {"module": module, **frame, "now": now,
                                   "cells": [cell.view(now) for cell in cells],
                                   "summary": summary(self.grid.module_cells(module), now)})
            try:
                listener.queue.put_nowait(event)
            except asyncio.QueueFull:  # a page that does not read: drop it, it reconnects
                self.listeners.discard(listener)
                listener.queue = None


class ResultsHandler(web.RequestHandler):
    """``POST api/results``: one outcome, as the token's owner."""

    def check_xsrf_cookie(self) -> None:
        """No cookies are read here: the token in the Authorization header is the only credential."""

    async def post(self) -> None:
        room: Room = self.settings["room"]
        scheme, _, token = self.request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() not in ("token", "bearer") or not token.strip():
            raise web.HTTPError(403, "a learner's hub token is required")
        model = await self.settings["hub_auth"].user_for_token(token.strip(), sync=False)
        if not model or model.get("kind", "user") != "user":
            raise web.HTTPError(403, "not a hub user's valid token")
        if len(self.request.body) > MAX_BODY:
            raise web.HTTPError(413, f"a result is at most {MAX_BODY} bytes")
        try:
            result = parse(self.request.body, model["name"], room.clock())
        except Malformed as error:
            raise web.HTTPError(400, str(error)) from None
        if not room.allow(model["name"]):
            raise web.HTTPError(429, f"more than {RATE} results a minute")
        if self.settings["group"] in model.get("groups", []):
            self.set_status(204)  # an instructor trying the checks out is not a learner: no row for them
            return
        room.store.add(result)
        room.grid.add(result)
        self.set_status(204)


class CallbackHandler(HubOAuthCallbackHandler):
    """Where the hub's OAuth login comes back to (with the application's HubOAuth, which keeps its state)."""

    @property
    def hub_auth(self) -> HubOAuth:
        return self.settings["hub_auth"]


class InstructorHandler(HubOAuthenticated, web.RequestHandler):
    """A handler only the hub's instructors get through (others: 403; not logged in: the hub's login)."""

    @property
    def hub_auth(self) -> HubOAuth:
        return self.settings["hub_auth"]

    def set_default_headers(self) -> None:
        for key, value in SECURITY_HEADERS.items():
            self.set_header(key, value)

    def check_hub_user(self, model: dict) -> dict:
        model = super().check_hub_user(model)  # the access scope the hub gives the instructors' role
        if model.get("kind", "user") != "user" or self.settings["group"] not in model.get("groups", []):
            raise UserNotAllowed(model)
        return model


class PageHandler(InstructorHandler):
    @web.authenticated
    def get(self) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        page = files("mlpm.room").joinpath("page.html").read_text(encoding="utf-8")
        # The events stream is a cross-mode fetch: JupyterHub's cookie login wants this token with it.
        self.write(page.replace("{xsrf}", xhtml_escape(self.xsrf_token)))


class ScriptHandler(web.RequestHandler):
    """The page's script: code only, no data, so no login."""

    def get(self) -> None:
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.write(files("mlpm.room").joinpath("room.js").read_text(encoding="utf-8"))


class TimelineHandler(InstructorHandler):
    @web.authenticated
    def get(self) -> None:
        room: Room = self.settings["room"]
        module = self.get_argument("module", None)
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        name = f"mlpm-room-{module}.csv" if module else "mlpm-room.csv"
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.write(timeline_csv(room.store.all(module)))


class EventsHandler(InstructorHandler):
    """Server-sent events for one page: ``snapshot`` first, then ``delta`` as results arrive."""

    @web.authenticated
    async def get(self) -> None:
        room: Room = self.settings["room"]
        self.set_header("Content-Type", "text/event-stream")
        self.set_header("X-Accel-Buffering", "no")
        listener = Listener(self.get_argument("module", None) or None)
        room.listeners.add(listener)
        try:
            await self.send("snapshot", room.snapshot(listener))
            while listener.queue is not None:
                try:
                    kind, data = await asyncio.wait_for(listener.queue.get(), KEEPALIVE_SECONDS)
                except TimeoutError:
                    self.write(": keepalive\n\n")
                    await self.flush()
                    continue
                await self.send(kind, data)
        except StreamClosedError:
            pass
        finally:
            room.listeners.discard(listener)

    async def send(self, kind: str, data: dict) -> None:
        self.write(f"event: {kind}\ndata: {json.dumps(data)}\n\n")
        await self.flush()


def installed_questions() -> dict[str, list[tuple[str, float]]]:
    """Each module's questions, from the exercise notebooks this package has (the wheel ships them)."""
    try:
        return known_questions(content_dir("exercises"))
    except FileNotFoundError:  # an install without the course's notebooks: the grid shows reported questions only
        return {}


def cookie_secret(path: Path) -> bytes:
    """The secret signing instructors' login cookies, kept (0600) so a restart does not log them out."""
    if not path.exists():
        path.touch(mode=0o600)
        path.write_bytes(os.urandom(32))
    return path.read_bytes()


def make_app(room: Room, prefix: str, hub_auth: HubOAuth | None = None, group: str = "instructors",
             secret: bytes | None = None) -> web.Application:
    """The tornado application under ``prefix`` (ending in /)."""
    hub_auth = hub_auth or HubOAuth.instance(cache_max_age=60)
    return web.Application([
        (prefix, PageHandler),
        (prefix + "room.js", ScriptHandler),
        (prefix + "oauth_callback", CallbackHandler),
        (prefix + "api/results", ResultsHandler),
        (prefix + "api/events", EventsHandler),
        (prefix + "api/timeline.csv", TimelineHandler),
    ], room=room, hub_auth=hub_auth, group=group, cookie_secret=secret or os.urandom(32))


def listen_address(host: str | None) -> str:
    """Where to listen for the service URL's host: itself if an IP address, else every interface.

    On Kubernetes the hub gives the service ``http://hub:10101``: a name for the hub pod, which
    the pod cannot bind to.
    """
    try:
        return str(ipaddress.ip_address(host or "127.0.0.1"))
    except ValueError:
        return "0.0.0.0"  # noqa: S104 - the pod's network policy decides who reaches it


def main(argv: list[str] | None = None) -> int:
    """Run the service as JupyterHub starts it (its JUPYTERHUB_* environment)."""
    service_url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", f"http://127.0.0.1:{DEFAULT_PORT}"))
    parser = argparse.ArgumentParser(prog="mlpm room", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=service_url.port or DEFAULT_PORT)
    parser.add_argument("--ip", default=listen_address(service_url.hostname))
    parser.add_argument("--db", type=Path, default=default_db(), help="the SQLite file (default: $MLPM_ROOM_DB)")
    args = parser.parse_args(argv)
    if "JUPYTERHUB_API_TOKEN" not in os.environ:
        raise SystemExit("mlpm room runs as a JupyterHub service: add it to c.JupyterHub.services "
                         "(deploy/jupyterhub_config.py does)")
    questions = installed_questions()
    room = Room(Store(args.db), questions=questions)
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", f"/services/{NAME}/")
    app = make_app(room, prefix, group=os.environ.get("MLPM_ROOM_GROUP", "instructors"),
                   secret=cookie_secret(args.db.with_name(args.db.name + ".cookie_secret")))

    async def serve() -> None:
        app.listen(args.port, args.ip, xheaders=True, max_body_size=64 * 1024)
        ioloop.PeriodicCallback(room.flush, FLUSH_SECONDS * 1000).start()
        print(f"mlpm room: {len(room.grid.cells)} cells from {args.db}; the questions of {len(questions)} modules; "
              f"stuck = {STUCK_RUNS} misses or {STUCK_MINUTES} min; listening on {args.ip}:{args.port}{prefix}",
              flush=True)
        await asyncio.Event().wait()

    asyncio.run(serve())
    return 0
