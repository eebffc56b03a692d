"""Stand-ins for the room service (``mlpm-room``) that a reporting kernel posts to, for tests and benchmarks.

- :class:`LiveRoom`: answers every ``POST`` with 204 and keeps what it received;
- :class:`StallingRoom`: a socket that listens but never accepts or answers;
- :func:`dead_url`: a URL on a port nobody listens on.
"""

from __future__ import annotations

import json
import queue
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = "/services/mlpm-room/api/results"


class LiveRoom:
    """A results endpoint in a thread; ``received`` holds (headers, JSON body) per post."""

    def __init__(self) -> None:
        self.received: queue.Queue[tuple[dict[str, str], dict]] = queue.Queue()
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.put((dict(self.headers), json.loads(body)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}{PATH}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class StallingRoom:
    """A port that accepts connections (the kernel's backlog) but never reads or answers."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}{PATH}"

    def close(self) -> None:
        self.socket.close()


def dead_url() -> str:
    """A results URL on a port that was just free (connecting is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}{PATH}"
