"""`mlpm lab`: open JupyterLab on the learner's workspace, on localhost with a token.

One lab per workspace: a second `mlpm lab` prints the running one's address, and every start
uses the workspace's own token, so an open tab reconnects. JupyterLab runs in its own
session, so the terminal's Ctrl+C reaches only us; we then interrupt the kernels still running
a cell and stop it the way `kill` would (SIGTERM), which shuts its kernels down without asking
for confirmation.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import webbrowser
from pathlib import Path

from mlpm import workspace
from mlpm.paths import content_dir, project_root

# nbgrader's instructor tools need a course folder; a learner's lab has none, so they are
# switched off: the server extensions by flag, the JupyterLab plugins (create assignment,
# formgrader, courses, the Nbgrader menu) by the page_config.json in LEARNER_CONFIG, which
# also turns off JupyterLab's news pop-up (workshop rooms are often offline).
# The Validate button stays.
LEARNER_CONFIG = Path(__file__).resolve().parent / "learner_config"
INSTRUCTOR_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.assignment_list",
)
# Validate is served by this module (see the end): nbgrader's says "Success! Your notebook passes
# all the tests" on a lesson, which has none.
NBGRADER_VALIDATE = "nbgrader.server_extensions.validate_assignment"
NO_TESTS = ("Nothing to validate here: this notebook has no checks. Validate checks the exercises, in "
            "exercises/; a lesson is checked by running it.")
LAYOUTS = ".jupyterlab-layouts"
TOKEN_FILE = ".mlpm-token"
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
# What libzmq prints before it aborts on a failed internal assertion (zmq_assert).
ZMQ_ASSERTION = re.compile(r"^Assertion failed: .+ \(\S*src/[\w./]+\.cpp:\d+\)\s*$")


def default_workspace() -> Path:
    """Return ``workspace/`` in a source checkout, else ``./mlpm-workspace``."""
    root = project_root()
    return root / "workspace" if root else Path.cwd() / "mlpm-workspace"


def prepare(folder: Path) -> workspace.SyncReport:
    """Copy new lessons and exercises into ``folder`` without touching the learner's edits."""
    return workspace.sync(
        folder, {"lessons": content_dir("notebooks"), "exercises": content_dir("exercises")}
    )


def workspace_token(folder: Path) -> str:
    """The workspace's login token: made once and kept in ``folder/.mlpm-token``, readable only by you.

    The same token at every start lets a browser tab from before a restart reconnect and save.
    A token file that others can read (or a damaged one) is replaced by a new token.
    """
    path = folder / TOKEN_FILE
    try:
        private = path.stat().st_mode & 0o077 == 0
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        private, token = False, ""
    if private and re.fullmatch(r"[\w-]{32}", token):
        return token
    token = secrets.token_urlsafe(24)
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(token + "\n")
    return token


def lab_url(port: int, token: str) -> str:
    """The address a learner opens: JupyterLab with the token that logs them in."""
    return f"http://127.0.0.1:{port}/lab?token={token}"


def lab_command(folder: Path, port: int, token: str, open_browser: bool) -> list[str]:
    """Return the JupyterLab command line: localhost only, token required, quiet unless warned."""
    command = [
        sys.executable, "-m", "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.open_browser={open_browser}",
        "--ServerApp.log_level=WARN",
        "--LabApp.log_level=WARN",
        # The open tabs and layout name notebooks of this workspace: keep them with it.
        f"--LabApp.workspaces_dir={folder / LAYOUTS}",
        # Stopping the lab does not interrupt kernels on their way out (see mlpm.lab_kernels).
        "--AsyncMappingKernelManager.kernel_manager_class=mlpm.lab_kernels.LabKernelManager",
    ]
    if os.name == "posix":
        # Kernels talk to the server over local sockets, not TCP ports (ipykernel warns on TCP),
        # and the terminal runs the learner's shell without a login, which would reset PATH.
        shell = os.environ.get("SHELL") or shutil.which("sh") or "/bin/sh"
        command += ["--KernelManager.transport=ipc",
                    f"--ServerApp.terminado_settings=shell_command={shlex.quote(shell)}"]
    for extension in INSTRUCTOR_EXTENSIONS:
        command += ["--ServerApp.jpserver_extensions", f"{extension}=False"]
    command += ["--ServerApp.jpserver_extensions", f"{NBGRADER_VALIDATE}=False",
                "--ServerApp.jpserver_extensions", f"{__name__}=True"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def lab_environment() -> dict[str, str]:
    """Return the environment for JupyterLab: ours, with the learner config read first and
    this Python's scripts (``mlpm``, ``jupyter``) first on PATH for the lab's terminal."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(LEARNER_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")) if p
    )
    env["PATH"] = os.pathsep.join(p for p in (str(Path(sys.executable).parent), env.get("PATH", "")) if p)
    return env


def running_lab(folder: Path) -> str | None:
    """Return the address of a Jupyter server already serving ``folder``, if there is one."""
    from jupyter_server.serverapp import list_running_servers

    for info in list_running_servers():
        if Path(info.get("root_dir", "")).resolve() == folder.resolve() and info.get("token"):
            return f"{info['url']}lab?token={info['token']}"
    return None


def port_is_free(port: int) -> bool:
    """Can JupyterLab listen on ``port`` of 127.0.0.1?"""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    """Return a port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _api(port: int, token: str, path: str, method: str = "GET"):
    """Call the lab's REST API; return the parsed answer (None when it has no body)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/{path}", method=method,
                                     data=b"" if method == "POST" else None,
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=2) as response:
        body = response.read()
    return json.loads(body) if body else None


def _ready(port: int, token: str) -> bool:
    try:
        _api(port, token, "status")
    except (urllib.error.URLError, OSError, ValueError):
        return False
    return True


def settle_kernels(port: int, token: str, seconds: float = 5.0) -> None:
    """Interrupt the kernels still running a cell and wait (up to ``seconds``) until they are idle.

    A kernel shut down in the middle of a cell replies to it on a socket that shutdown already
    closed, and prints that traceback on the learner's terminal.
    """
    def busy() -> set[str]:
        return {k["id"] for k in _api(port, token, "kernels") if k.get("execution_state") == "busy"}

    try:
        running = busy()
        for kernel in running:
            _api(port, token, f"kernels/{kernel}/interrupt", "POST")
        deadline = time.monotonic() + seconds
        while running and time.monotonic() < deadline:
            time.sleep(0.1)
            running &= busy()
    except (urllib.error.URLError, OSError, ValueError):
        pass  # the server is going or gone: nothing left to settle


def open_lab(folder: Path, port: int = 8888, open_browser: bool = True) -> int:
    """Sync the workspace, then run JupyterLab until the learner stops it with Ctrl+C."""
    running = running_lab(folder)
    if running:
        print(f"JupyterLab is already running on {folder}. Open it at:\n\n    {running}\n")
        if open_browser:
            webbrowser.open(running)
        return 0
    print(f"Workspace {folder}: {prepare(folder).summary()}")
    if not port_is_free(port):
        busy, port = port, free_port()
        print(f"Port {busy} is already in use (another program or another lab); using port {port}.")
    token = workspace_token(folder)
    print("Starting JupyterLab ...", flush=True)
    process = subprocess.Popen(lab_command(folder, port, token, open_browser), env=lab_environment(),
                               cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, errors="replace", start_new_session=True)
    stopping = threading.Event()
    relay = threading.Thread(target=relay_output, args=(process.stdout, sys.stdout, stopping), daemon=True)
    relay.start()
    stopped = []

    def stop(signum, frame):
        if stopped:
            return  # already stopping: a second Ctrl+C changes nothing
        stopped.append(signum)
        stopping.set()
        settle_kernels(port, token)
        process.terminate()

    previous = {signum: signal.signal(signum, stop) for signum in STOP_SIGNALS}
    try:
        while process.poll() is None and not _ready(port, token):
            time.sleep(0.25)
        if process.poll() is None:
            print(f"\nJupyterLab is ready. Open this address in your browser:\n\n    {lab_url(port, token)}\n\n"
                  "Stop it with Ctrl+C.", flush=True)
        code = process.wait()
        relay.join(timeout=2)  # the server's last lines before ours
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if stopped:
        print("JupyterLab stopped, and its kernels with it.")
        return 0
    return code


def relay_output(source, sink, stopping: threading.Event) -> None:
    """Copy the server's output (and its kernels') to the learner's terminal, line by line.

    Once the lab is stopping, libzmq's assertion lines are dropped: a kernel closing its sockets
    on its way out can lose a race inside libzmq (``Assertion failed: pfd.revents & POLLIN
    (src/signaler.cpp:238)``) and abort a process that was ending anyway; the learner has
    nothing to do about it. The same line while the lab runs is a kernel dying and is shown.
    """
    for line in source:
        if stopping.is_set() and ZMQ_ASSERTION.match(line):
            continue
        try:
            sink.write(line)
            sink.flush()
        except (OSError, ValueError):
            pass  # the terminal is gone: keep reading, so the server never blocks on a full pipe


def has_tests(notebook: Path) -> bool:
    """Does ``notebook`` have nbgrader test cells (cells that give points)?"""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    return any(cell.get("metadata", {}).get("nbgrader", {}).get("grade") for cell in cells)


def _not_a_trust_warning(record) -> bool:
    """Drop "Notebook X is not trusted", logged on opening any notebook this lab has not saved yet.

    The workshop's notebooks carry no outputs to trust, and JupyterLab signs what it saves:
    there is nothing for a learner to do about it.
    """
    return record.msg != "Notebook %s is not trusted"


def _not_the_stop_signal(record) -> bool:
    """Drop "received signal 15, stopping": `mlpm lab` stops the server and says so itself."""
    return record.msg != "received signal %s, stopping"


def _not_tornados_ping_warning(record) -> bool:
    """Drop tornado's "websocket_ping_timeout ... cannot be longer than the websocket_ping_interval".

    jupyter_server pings its websockets itself and needs a timeout longer than the interval
    (its default: three intervals); tornado reads the same numbers for its own pinging, which
    they switch off in practice, and warns. A timeout equal to the interval would silence it
    but make jupyter_server drop every kernel and terminal connection at its first ping.
    """
    return not str(record.msg).startswith("The websocket_ping_timeout")


def _not_about_a_gone_kernel(record) -> bool:
    """Drop the 404 lines of a tab from before a restart asking for its old kernel, and of a save's
    temporary file seen in a folder listing: the tab recovers on its own (it starts a new kernel)."""
    message = record.getMessage()
    if "Kernel does not exist" in message or re.match(r"40[34] GET /api/kernels/", message):
        return False
    return not (record.msg == "%s doesn't exist" and Path(str(record.args[0])).name.startswith(".~"))


def _load_jupyter_server_extension(server) -> None:
    """Serve nbgrader's Validate with short results (:mod:`mlpm.validate`), and "nothing to validate"
    on a notebook without tests instead of "Success!".

    Also keeps lines a learner cannot act on out of their terminal (see the filters above).
    """
    from jupyter_server.utils import url_path_join
    from nbgrader.server_extensions.validate_assignment import handlers

    from mlpm import validate

    class ValidateHandler(handlers.ValidateAssignmentHandler):
        def validate_notebook(self, path):
            target = (Path(self.root_dir) / path).resolve()
            if not (target.is_file() and target.is_relative_to(Path(self.root_dir).resolve())):
                return super().validate_notebook(path)  # nbgrader refuses or explains
            if not has_tests(target):
                return validate.dialog([NO_TESTS])
            try:
                validator = validate.KeepingValidator(config=self.load_config())
                found = validator.validate(str(target))
            except Exception:  # noqa: BLE001 - nbgrader's handler reports what went wrong, as before
                return super().validate_notebook(path)
            return validate.summary(found, validator.executed)

    server.log.addFilter(_not_a_trust_warning)
    server.log.addFilter(_not_the_stop_signal)
    server.log.addFilter(_not_about_a_gone_kernel)
    logging.getLogger("tornado.general").addFilter(_not_tornados_ping_warning)
    logging.getLogger("tornado.general").addFilter(_not_about_a_gone_kernel)
    settings = server.web_app.settings
    settings["root_dir"] = server.root_dir
    routes = [(r"/assignments/validate", ValidateHandler), (r"/nbgrader_version", handlers.NbGraderVersionHandler)]
    base = server.web_app.settings["base_url"]
    server.web_app.add_handlers(".*$", [(url_path_join(base, route), handler) for route, handler in routes])
