"""A real JupyterHub on 127.0.0.1 with deploy/'s configuration and real Unix accounts, for the hub
test, the sizing benchmark and the room view.

``Room`` makes the accounts a workshop has (an instructor and learners in the hub's Unix groups,
with passwords, homes as Debian's useradd makes them) and removes them afterwards; ``Hub`` runs
deploy/jupyterhub_config.py unchanged but for its ports and folders (set through the
environment variables it reads), with PAM login and the proxy from .ci/node (installed by
.ci/run). Nothing of the venv is on the hub's PATH: the config must find its programs itself.
All of it needs root (useradd, PAM, servers started as other users), as CI has.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import websocket

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PROXY = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
PYTHON = Path(sys.executable)
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
HUB_CONFIG = ROOT / "src" / "mlpm" / "hub_config"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def why_not() -> str | None:
    """Why a real hub cannot run here, or None if it can."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "a real hub with Unix accounts and PAM login needs root (useradd, chpasswd, setuid servers), as CI has"
    if not PROXY.exists():
        return f"configurable-http-proxy is not installed in {PROXY.parents[2]} (.ci/run installs it with npm)"
    if not shutil.which("useradd") or not shutil.which("chpasswd"):
        return "useradd and chpasswd are missing: cannot make the room's Unix accounts"
    return None


class Room:
    """Unix accounts for a workshop: an instructor and learners, each with a password.

    Names end in a random tag so that runs never meet; ``close()`` removes accounts, homes and
    groups. ``outsider`` has an account but is in neither group.
    """

    def __init__(self, learners: list[str], instructor: str = "teach"):
        self.tag = tag = secrets.token_hex(2)
        self.learners_group, self.instructors_group = f"mlpm-l{tag}", f"mlpm-i{tag}"
        self.instructor = f"{instructor}{tag}"
        self.learners = [f"{name}{tag}" for name in learners]
        self.outsider = f"out{tag}"
        self.passwords = {name: secrets.token_urlsafe(12) for name in self.everyone()}
        self.made: list[str] = []
        self.groups: list[str] = []

    def everyone(self) -> list[str]:
        return [self.instructor, *self.learners, self.outsider]

    def create(self) -> None:
        """Add the groups and accounts (homes as Debian's useradd makes them: 0755) and set passwords."""
        for group in (self.learners_group, self.instructors_group):
            subprocess.run(["groupadd", group], check=True)
            self.groups.append(group)
        groups = {self.instructor: self.instructors_group, self.outsider: None,
                  **{name: self.learners_group for name in self.learners}}
        for name, group in groups.items():
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0755",
                            *(["--groups", group] if group else []), name], check=True)
            self.made.append(name)
        lines = "".join(f"{name}:{password}\n" for name, password in self.passwords.items())
        subprocess.run(["chpasswd"], input=lines, text=True, check=True)

    def home(self, user: str) -> Path:
        return Path(pwd.getpwnam(user).pw_dir)

    def uid(self, user: str) -> int:
        return pwd.getpwnam(user).pw_uid

    def close(self) -> None:
        """Kill what the accounts still run, then remove them, their homes and the groups."""
        for process in psutil.process_iter(["username"]):
            if process.info["username"] in self.made:  # only these accounts' processes, by pid
                try:
                    process.kill()
                except psutil.Error:
                    pass
        for name in self.made:
            subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)
        for group in self.groups:
            subprocess.run(["groupdel", group], check=False, capture_output=True)

    def run_as(self, user: str, command: list[str], role: str = "learner", env: dict | None = None,
               timeout: float = 180) -> subprocess.CompletedProcess:
        """Run ``command`` as ``user`` in their home with what a terminal on their server has."""
        home = self.home(user)
        config = [HUB_CONFIG / "learner", HUB_CONFIG, ROOT / "src" / "mlpm" / "learner_config"] \
            if role == "learner" else [HUB_CONFIG / "instructor", HUB_CONFIG]
        environment = {"HOME": str(home), "USER": user, "LOGNAME": user, "LANG": "C.UTF-8",
                       "PATH": os.pathsep.join([str(PYTHON.parent), SYSTEM_PATH]),
                       "JUPYTER_CONFIG_PATH": os.pathsep.join(str(p) for p in config), **(env or {})}
        return subprocess.run(["runuser", "-u", user, "--", "env", "-i",
                               *(f"{k}={v}" for k, v in environment.items()), *command],
                              cwd=home, capture_output=True, text=True, timeout=timeout)


class Session:
    """One browser-like login to the hub: its cookies, and requests made with them."""

    def __init__(self, url: str):
        self.url = url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path: str, data: dict | None = None) -> tuple[int, bytes]:
        body = None if data is None else urllib.parse.urlencode(data).encode()
        xsrf = next((c.value for c in self.cookies if c.name == "_xsrf"), None)
        headers = {"X-XSRFToken": xsrf} if xsrf and data is not None else {}
        try:
            with self.opener.open(urllib.request.Request(self.url + path, body, headers), timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


class Hub:
    """A running hub: its URL, admin token, the room's accounts and the processes it started."""

    def __init__(self, room: Room, extra_config: str = "", env: dict | None = None):
        self.room = room
        self.base = Path(tempfile.mkdtemp(prefix="mlpm-hub-"))
        self.base.chmod(0o755)  # learners reach the exchange inside it
        self.extra_config = extra_config
        self.exchange = self.base / "exchange"
        self.state = self.base / "state"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.log = self.base / "hub.log"
        self.env = {"MLPM_LEARNERS_GROUP": room.learners_group, "MLPM_INSTRUCTORS_GROUP": room.instructors_group,
                    "MLPM_EXCHANGE": str(self.exchange), "MLPM_STATE_DIR": str(self.state),
                    "MLPM_BIND_URL": self.url, "MLPM_ROOM_PORT": str(_free_port()), **(env or {})}
        self.process: subprocess.Popen | None = None
        self.seen: dict[int, psutil.Process] = {}  # every process of the hub's tree, by pid
        self.ports: set[int] = set()  # every port they listened on

    def config(self) -> Path:
        """Write the test's hub config: deploy's, with its internal ports and an admin service token."""
        path = self.base / "test_config.py"
        path.write_text(f"""
c = get_config()
load_subconfig({str(DEPLOY / "jupyterhub_config.py")!r})
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.services.append({{"name": "workshop-test", "api_token": {self.token!r}}})
c.JupyterHub.load_roles.append({{"name": "admin", "services": ["workshop-test"]}})
""" + self.extra_config)
        return path

    def start(self) -> None:
        """Start JupyterHub as root, with a system PATH only, and wait until its API answers."""
        environment = {"PATH": SYSTEM_PATH, "LANG": "C.UTF-8", "HOME": "/root", **self.env}
        with self.log.open("w") as sink:
            self.process = subprocess.Popen(
                [str(PYTHON), "-m", "jupyterhub", "-f", str(self.config())], cwd=self.base,
                env=environment, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        self.wait(lambda: self.status("/hub/api/") == 200, "the hub did not answer")

    def wait(self, ready, what: str, seconds: float = 150) -> None:
        """Poll ``ready()`` until it holds; fail with the hub's log after ``seconds``."""
        deadline = time.monotonic() + seconds
        while not ready():
            assert self.process.poll() is None, f"JupyterHub exited:\n{self.log.read_text()[-4000:]}"
            assert time.monotonic() < deadline, f"{what} within {seconds} s:\n{self.log.read_text()[-4000:]}"
            self.remember()
            time.sleep(0.5)
        self.remember()

    def request(self, path: str, method: str = "GET", body: dict | None = None) -> tuple[int, bytes]:
        """Call the hub or a user's server through the proxy with the admin token."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, b""

    def status(self, path: str) -> int:
        return self.request(path)[0]

    def json(self, path: str):
        code, body = self.request(path)
        assert code == 200, f"GET {path}: {code} {body[:300]!r}"
        return json.loads(body)

    def login(self, user: str, password: str | None = None) -> tuple[int, Session]:
        """Log in through the hub's login form as a person does: (status of the answer, the session)."""
        session = Session(self.url)
        session.request("/hub/login")
        code, _ = session.request("/hub/login?next=", {"username": user,
                                                       "password": password or self.room.passwords[user]})
        return code, session

    def browser_login(self, page, user: str) -> None:
        """Log ``user`` in through the login form in a browser tab (test_browser's Page)."""
        page.send("Page.navigate", url=f"{self.url}/hub/login")
        page.wait_for("!!document.querySelector('#username_input')", "the hub's login form")
        page.evaluate(f"""document.querySelector('#username_input').value = {json.dumps(user)};
                          document.querySelector('#password_input').value = {json.dumps(self.room.passwords[user])};
                          document.querySelector('#login_submit').click()""")

    def ready(self, user: str) -> bool:
        """Whether the user's server has started and answers."""
        server = self.json(f"/hub/api/users/{user}").get("servers", {}).get("")
        return bool(server and server["ready"])

    def processes(self) -> list[psutil.Process]:
        """The hub and every process it started, still running."""
        hub = psutil.Process(self.process.pid)
        return [hub, *hub.children(recursive=True)]

    def remember(self) -> None:
        """Note every process the hub started and every port they listen on."""
        for process in self.processes():
            self.seen.setdefault(process.pid, process)
        for connection in psutil.net_connections(kind="tcp"):
            if connection.status == psutil.CONN_LISTEN and connection.pid in self.seen:
                self.ports.add(connection.laddr.port)

    def running(self) -> list[str]:
        """The users whose server is running or starting."""
        return [user["name"] for user in self.json("/hub/api/users") if user.get("servers")]

    def start_servers(self, users) -> None:
        """Start the users' servers at once (making hub users of those who never logged in); wait until all answer."""
        for user in users:
            if self.status(f"/hub/api/users/{user}") == 404:
                assert self.request(f"/hub/api/users/{user}", "POST")[0] == 201
            code, body = self.request(f"/hub/api/users/{user}/server", "POST")
            assert code in (201, 202, 400), f"starting {user}'s server: {code} {body[:300]!r}"
        for user in users:
            self.wait(lambda u=user: self.ready(u), f"{user}'s server did not start")

    def stop_servers(self) -> None:
        """Stop every user's server through the API and wait until all are gone."""
        self.remember()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda user: self.request(f"/hub/api/users/{user}/server", method="DELETE"),
                          self.running()))
        self.wait(lambda: not self.running(), "servers did not stop", seconds=90)

    def stop(self) -> None:
        """Stop every server through the API, then the hub (which stops the proxy and the culler)."""
        try:
            if self.process.poll() is None:
                self.stop_servers()
                self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        finally:
            for process in self.seen.values():  # only what this test started, in case it failed
                if process.is_running():
                    process.kill()

    def close(self) -> None:
        """Remove the hub's folder (exchange, state, log)."""
        shutil.rmtree(self.base, ignore_errors=True)

    def run_as(self, user: str, *command: str, timeout: float = 180) -> subprocess.CompletedProcess:
        """Run ``command`` as ``user`` with what a terminal on their server has (role, exchange, course)."""
        env = {key: self.env[key] for key in ("MLPM_EXCHANGE",)}
        if user == self.room.instructor:
            env["PYTHONPATH"] = str(self.room.home(user) / "mlpm-workshop" / "src")
        role = "instructor" if user == self.room.instructor else "learner"
        return self.room.run_as(user, list(command), role, env, timeout)

    def websocket(self, path: str) -> websocket.WebSocket:
        """A websocket to a user's server, with the admin token."""
        return websocket.create_connection(self.url.replace("http", "ws", 1) + path, timeout=60,
                                           header=[f"Authorization: token {self.token}"])

    def terminal(self, user: str, line: str, seconds: float = 60) -> str:
        """Type ``line`` into a new terminal on the user's server; return what it printed until the prompt."""
        code, body = self.request(f"/user/{user}/api/terminals", "POST")
        assert code == 200, f"opening a terminal for {user}: {code} {body[:200]!r}"
        name = json.loads(body)["name"]
        socket_ = self.websocket(f"/user/{user}/terminals/websocket/{name}")
        marker = f"done{secrets.token_hex(3)}"
        socket_.send(json.dumps(["stdin", f"{line}; echo {marker[:4]}''{marker[4:]}\r"]))
        printed, deadline = "", time.monotonic() + seconds
        while marker not in printed.replace(f"{marker[:4]}''{marker[4:]}", ""):
            assert time.monotonic() < deadline, f"the terminal printed only:\n{printed}"
            message = json.loads(socket_.recv())
            if message[0] == "stdout":
                printed += message[1]
        socket_.close()
        self.request(f"/user/{user}/api/terminals/{name}", "DELETE")
        return printed

    def execute(self, user: str, code: str, seconds: float = 120, notebook: str | None = None) -> tuple[str, str]:
        """Run ``code`` in a new kernel on the user's server: (how it ended, what it printed).

        How it ended: ``ok``, ``error``, ``restarting`` or ``dead`` (the kernel died on the way),
        or ``timeout``. With ``notebook`` (a path in the server's root), the kernel is that
        notebook's, as opening it in the lab starts it (in its folder, knowing its name).
        """
        if notebook:
            status, body = self.request(f"/user/{user}/api/sessions", "POST", {
                "path": notebook, "name": notebook.rsplit("/", 1)[-1], "type": "notebook",
                "kernel": {"name": "python3"}})
            assert status == 201, f"opening {notebook} for {user}: {status} {body[:200]!r}"
            kernel = json.loads(body)["kernel"]["id"]
        else:
            status, body = self.request(f"/user/{user}/api/kernels", "POST", {"name": "python3"})
            assert status == 201, f"starting a kernel for {user}: {status} {body[:200]!r}"
            kernel = json.loads(body)["id"]
        channel = self.websocket(f"/user/{user}/api/kernels/{kernel}/channels")
        msg_id = uuid.uuid4().hex
        channel.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user,
                       "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        printed, ended, deadline = "", "timeout", time.monotonic() + seconds
        channel.settimeout(5)
        while time.monotonic() < deadline:
            try:
                message = json.loads(channel.recv())
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketException, ConnectionError):
                ended = "dead"
                break
            kind, content = message.get("msg_type"), message.get("content", {})
            if kind == "stream":
                printed += content.get("text", "")
            elif kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                ended = content["execution_state"]
                break
            elif kind == "execute_reply" and message.get("parent_header", {}).get("msg_id") == msg_id:
                ended = content.get("status", "error")
                break
        channel.close()
        self.request(f"/user/{user}/api/kernels/{kernel}", "DELETE")
        return ended, printed
