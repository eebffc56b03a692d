"""Does `mlpm lab` serve the workspace on localhost only, behind a token, and stop cleanly?"""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import termios
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest
import websocket
from jupyter_client import BlockingKernelClient
from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from jupyter_core.paths import jupyter_runtime_dir

from mlpm.lab import LEARNER_CONFIG, NO_TESTS, free_port, lab_command, lab_environment, port_is_free, relay_output
from notebook_tools import ROOT

pytestmark = pytest.mark.notebooks
URL = re.compile(r"http://127\.0\.0\.1:(\d+)/lab\?token=(\S+)")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return 0  # not listening yet


def start_lab(workspace: Path, port: int, log: Path, env: dict | None = None) -> subprocess.Popen:
    """Start `mlpm lab` in its own process group, as a terminal runs a command."""
    with log.open("w") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "mlpm", "lab", "--workspace", str(workspace), "--port", str(port),
             "--no-browser"],
            stdout=sink, stderr=subprocess.STDOUT, start_new_session=True, env=env,
        )


PING_MS = 1000  # the lab fixture's websocket ping interval (JupyterLab's default: 30 s)


def short_pings(folder: Path) -> dict:
    """An environment whose Jupyter config pings every websocket each PING_MS, as a user's config may."""
    config = folder / "jupyter-config"
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"tornado_settings": {"ws_ping_interval": PING_MS}}}))
    return {**os.environ, "JUPYTER_CONFIG_PATH": str(config)}


def wait_for_url(process: subprocess.Popen, log: Path) -> str:
    """Return the address `mlpm lab` prints once JupyterLab is ready."""
    deadline = time.monotonic() + 90
    while "JupyterLab is ready" not in log.read_text():
        assert time.monotonic() < deadline, f"JupyterLab was not ready within 90 s:\n{log.read_text()}"
        assert process.poll() is None, f"mlpm lab exited:\n{log.read_text()}"
        time.sleep(0.25)
    return URL.search(log.read_text()).group(0)


def interrupt(process: subprocess.Popen) -> int:
    """Press Ctrl+C: SIGINT to the whole process group; return the exit code."""
    os.killpg(process.pid, signal.SIGINT)
    return process.wait(timeout=60)


def _server_processes(port: int) -> list[psutil.Process]:
    """The Jupyter server started for ``port`` and its kernels, found by command line."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        line = " ".join(process.info["cmdline"] or [])
        if f"--ServerApp.port={port}" in line:
            found += [process, *process.children(recursive=True)]
    return found


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running `mlpm lab` on a fresh workspace: (process, printed URL, workspace, log)."""
    folder = tmp_path_factory.mktemp("lab")
    workspace, log = folder / "ws", folder / "lab.log"
    process = start_lab(workspace, free_port(), log, env=short_pings(folder))
    try:
        yield process, wait_for_url(process, log), workspace, log
    finally:
        interrupt(process)


def test_lab_command_is_localhost_and_token_protected(tmp_path):
    """Does the command bind 127.0.0.1 on exactly the port asked, set a token, and allow root where needed?"""
    command = lab_command(tmp_path, 8888, "secret", open_browser=False)
    assert "--ServerApp.ip=127.0.0.1" in command
    assert "--ServerApp.port_retries=0" in command
    assert "--IdentityProvider.token=secret" in command
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def test_learner_lab_hides_nbgrader_instructor_tools():
    """Are formgrader, course and create-assignment plugins off in a learner's lab, Validate on?"""
    page_config = json.loads((LEARNER_CONFIG / "labconfig" / "page_config.json").read_text())
    disabled = page_config["disabledExtensions"]
    assert disabled["@jupyter/nbgrader:formgrader"] and disabled["@jupyter/nbgrader:create-assignment"]
    assert "@jupyter/nbgrader:validate-assignment" not in disabled
    assert lab_environment()["JUPYTER_CONFIG_PATH"].split(os.pathsep)[0] == str(LEARNER_CONFIG)


def test_lab_prints_one_working_url_and_serves_the_workspace(lab):
    """Is the one printed URL the working one (real token), and does the server refuse requests without it?"""
    _, url, workspace, log = lab
    port, token = URL.search(url).groups()
    contents = f"http://127.0.0.1:{port}/api/contents/exercises"
    assert re.findall(r"https?://\S+", log.read_text()) == [url]
    assert _status(contents) == 403
    assert _status(f"{contents}?token={token}") == 200
    assert any(workspace.glob("exercises/*/*.ipynb")) and any(workspace.glob("lessons/*.ipynb"))


def test_a_second_lab_on_the_workspace_points_to_the_running_one(lab, tmp_path):
    """Does `mlpm lab` on a workspace already served print that server's URL instead of starting another?"""
    _, url, workspace, _ = lab
    second = subprocess.run(
        [sys.executable, "-m", "mlpm", "lab", "--workspace", str(workspace), "--port", str(free_port()),
         "--no-browser"],
        capture_output=True, text=True, timeout=60,
    )
    assert second.returncode == 0
    assert "already running" in second.stdout and url in second.stdout
    assert "Starting" not in second.stdout


def test_a_busy_port_is_replaced_by_a_free_one_and_said(lab, tmp_path):
    """When the port is taken by another server, does `mlpm lab` say so and serve on a free port?"""
    busy = int(URL.search(lab[1]).group(1))
    log = tmp_path / "second.log"
    process = start_lab(tmp_path / "other-ws", busy, log)
    try:
        url = wait_for_url(process, log)
    finally:
        assert interrupt(process) == 0
    assert f"Port {busy} is already in use" in log.read_text()
    assert int(URL.search(url).group(1)) != busy


def test_the_lab_terminal_opens_in_the_workspace_with_mlpm_on_path(lab):
    """Does a terminal opened in the lab start in the workspace and find the `mlpm` command?"""
    _, url, workspace, _ = lab
    port, token = URL.search(url).groups()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/terminals?token={token}", data=b"{}")
    with urllib.request.urlopen(request, timeout=10) as response:
        name = json.load(response)["name"]
    terminal = websocket.create_connection(
        f"ws://127.0.0.1:{port}/terminals/websocket/{name}?token={token}", timeout=30)
    try:
        terminal.send(json.dumps(["stdin", "echo HERE=$(pwd) MLPM=$(command -v mlpm)\r"]))
        seen, deadline = "", time.monotonic() + 30
        while "MLPM=/" not in seen and time.monotonic() < deadline:
            kind, *text = json.loads(terminal.recv())
            seen += "".join(text) if kind == "stdout" else ""
    finally:
        terminal.close()
    assert f"HERE={workspace.resolve()}" in seen
    assert f"MLPM={Path(sys.executable).parent / 'mlpm'}" in seen


def _new_kernel(url: str) -> str:
    port, token = URL.search(url).groups()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/kernels?token={token}", data=b"{}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["id"]


def _kernel_info(channels: websocket.WebSocket) -> dict:
    """Ask a kernel over its websocket what it is, as a notebook page does on connecting; return the reply."""
    request = Session().msg("kernel_info_request")
    channels.send(json.dumps({**request, "channel": "shell"}, default=json_default))
    channels.settimeout(30)
    while (reply := json.loads(channels.recv()))["msg_type"] != "kernel_info_reply":
        pass
    assert reply["parent_header"]["msg_id"] == request["msg_id"]
    return reply


def _opened_kernel(url: str) -> str:
    """A kernel started and connected to, as when a learner opens a notebook."""
    port, token = URL.search(url).groups()
    kernel = _new_kernel(url)
    channels = websocket.create_connection(
        f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?token={token}&session_id=tab", timeout=30)
    try:
        _kernel_info(channels)
    finally:
        channels.close()
    return kernel


def test_a_kernel_websocket_outlives_several_pings(lab):
    """Does a notebook's connection to its kernel stay open past two ping intervals, answering pings
    as a browser does, with no "ping timeout" in the learner's terminal?"""
    _, url, _, log = lab
    port, token = URL.search(url).groups()
    kernel = _new_kernel(url)
    channels = websocket.create_connection(
        f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?token={token}&session_id=pings", timeout=30)
    channels.settimeout(PING_MS / 1000 / 4)
    try:
        held = time.monotonic() + 3.5 * PING_MS / 1000
        while time.monotonic() < held:  # reading answers the server's pings
            try:
                channels.recv()
            except websocket.WebSocketTimeoutException:
                pass
        _kernel_info(channels)  # answers: the connection is still open
    finally:
        channels.close()
    assert "ping" not in log.read_text().lower()  # no timeout, nor tornado's warning about the settings


def test_the_token_stays_with_the_workspace_so_an_old_tab_reconnects(lab, tmp_path):
    """After a restart on the same port, does the lab take the same token (kept private, 0600), so a
    page from before the restart still reaches the API with it?"""
    _, url, workspace, _ = lab
    token_file = workspace / ".mlpm-token"
    assert token_file.read_text().strip() == URL.search(url).group(2)
    assert token_file.stat().st_mode & 0o777 == 0o600

    other, log = tmp_path / "ws", tmp_path / "lab.log"
    port = free_port()
    first = start_lab(other, port, log)
    try:
        before = wait_for_url(first, log)
        old_kernel = _opened_kernel(before)
    finally:
        assert interrupt(first) == 0
    second = start_lab(other, port, log)
    try:
        after = wait_for_url(second, log)
        token = URL.search(before).group(2)
        assert after == before
        assert _status(f"http://127.0.0.1:{port}/api/contents/exercises?token={token}") == 200
        # the old tab asks for its kernel, which went with the restart, then starts a new one
        assert _status(f"http://127.0.0.1:{port}/api/kernels/{old_kernel}?token={token}") == 404
        _opened_kernel(after)
    finally:
        assert interrupt(second) == 0
    shown = log.read_text().split("Stop it with Ctrl+C.", 1)[1]
    assert [line for line in shown.splitlines() if line.strip()] == [
        "JupyterLab stopped, and its kernels with it."], shown

    token_file = other / ".mlpm-token"
    token_file.chmod(0o644)  # readable by others: no longer a secret
    third = start_lab(other, port, log)
    try:
        assert wait_for_url(third, log) != before
        assert token_file.stat().st_mode & 0o777 == 0o600
    finally:
        assert interrupt(third) == 0


def test_one_ctrl_c_stops_the_lab_and_its_kernels(tmp_path):
    """Does one Ctrl+C in a terminal stop quickstart, the server and its kernels (one of them busy
    running a cell), saying so in one line, with no traceback?"""
    port = free_port()
    primary, secondary = os.openpty()
    wrapper = subprocess.Popen(  # quickstart.py on a terminal of its own, as a learner runs it
        [sys.executable, str(ROOT / "quickstart.py"), "lab", "--no-browser", "--port", str(port),
         "--workspace", str(tmp_path / "ws")],
        stdin=secondary, stdout=secondary, stderr=secondary, start_new_session=True,
        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
    )
    os.close(secondary)
    screen = b""

    def read(until: bytes, seconds: float) -> None:
        nonlocal screen
        deadline = time.monotonic() + seconds
        while until not in screen and time.monotonic() < deadline:
            if select.select([primary], [], [], 0.25)[0]:
                try:
                    screen += os.read(primary, 65536)
                except OSError:  # the terminal closed: everyone on it exited
                    return

    try:
        read(b"Stop it with Ctrl+C", 90)
        token = URL.search(screen.decode()).group(2)
        kernels = f"http://127.0.0.1:{port}/api/kernels"
        request = urllib.request.Request(f"{kernels}?token={token}", data=b"{}")
        with urllib.request.urlopen(request, timeout=30) as response:
            kernel = json.load(response)["id"]
        client = BlockingKernelClient(connection_file=str(Path(jupyter_runtime_dir()) / f"kernel-{kernel}.json"))
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=120)  # its replies and output reach us (a loaded machine is slow to connect)
        client.execute_interactive("x = 1", timeout=60)  # a notebook's kernel, having run a cell
        client.execute("import time\nwhile True:\n    time.sleep(0.1)")  # and now busy with one
        deadline = time.monotonic() + 90  # a loaded CI machine reports the state late
        while not any(k["execution_state"] == "busy" for k in json.load(urllib.request.urlopen(
                f"{kernels}?token={token}", timeout=10))):
            assert time.monotonic() < deadline, "the kernel never got busy"
            time.sleep(0.2)
        client.stop_channels()
        started = _server_processes(port)
        assert len(started) >= 2, "expected the server and a kernel"

        os.write(primary, b"\x03")  # Ctrl+C
        read(b"stopped", 60)
        assert wrapper.wait(timeout=30) == 0
        read(b"never printed", 2)  # anything the kernels print on their way out
    finally:
        os.close(primary)
        if wrapper.poll() is None:
            wrapper.kill()
    psutil.wait_procs(started, timeout=10)
    assert not [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert port_is_free(port)
    after = screen.decode().split("Stop it with Ctrl+C.", 1)[1].replace("^C", "")
    assert [line for line in after.splitlines() if line.strip()] == [
        "JupyterLab stopped, and its kernels with it."], screen.decode()


class _Stopping(threading.Event):
    """Set once the line ``at`` has been read: the learner pressed Ctrl+C there."""

    def __init__(self, lines: list[str], at: str):
        super().__init__()
        self.lines, self.at = lines, at

    def __iter__(self):
        for line in self.lines:
            if line == self.at:
                self.set()
            yield line


def test_the_terminal_shows_the_servers_lines_but_not_libzmqs_abort_on_the_way_out():
    """A libzmq assertion while the lab runs is a kernel dying and is shown; once the lab is
    stopping it is a race on the way out and is not. Every other line is shown, in order."""
    died = "Assertion failed: pfd.revents & POLLIN (src/signaler.cpp:238)\n"
    on_the_way_out = "Assertion failed: !_more (bundled/zeromq/src/fq.cpp:80)\n"
    lines = ["[W 12:00:00 ServerApp] a warning\n", died, "[I 12:00:01 ServerApp] stopping\n", on_the_way_out,
             "a kernel's last words\n"]
    source = _Stopping(lines, at="[I 12:00:01 ServerApp] stopping\n")
    sink = io.StringIO()
    relay_output(source, sink, source)
    assert sink.getvalue().splitlines(keepends=True) == [line for line in lines if line != on_the_way_out]


def test_a_closed_terminal_does_not_stop_the_relay():
    """With the learner's terminal gone, the server's output is still read (a full pipe would block it)."""
    class Gone(io.StringIO):
        def write(self, text):
            raise OSError(5, "Input/output error")

    read = []
    relay_output((read.append(line) or line for line in ["a\n", "b\n", "c\n"]), Gone(), threading.Event())
    assert read == ["a\n", "b\n", "c\n"]


def _validate(url: str, path: str) -> dict:
    port, token = URL.search(url).groups()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/assignments/validate?token={token}", data=json.dumps({"path": path}).encode())
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)


def _shown(answer: dict) -> list[str]:
    """The lines our Validate answer shows in nbgrader's dialog (a single entry, no cell source)."""
    assert answer["success"], answer  # nbgrader frames success False as "There was an error"
    [entry] = answer["value"]["failed"]
    assert entry["source"] == "" and "pre-wrap" in entry["error"], "the lines must wrap"
    return entry["raw_error"].splitlines()


def test_validate_is_honest_short_and_quiet(lab):
    """Does Validate say, not as an error, that a lesson has nothing to validate; show an exercise's result
    in short lines (one per answered question, one for the unanswered ones) and a total, with no test
    source; and log no noise?"""
    _, url, workspace, log = lab
    lesson = next(workspace.glob("lessons/*.ipynb")).relative_to(workspace).as_posix()
    exercise = "exercises/00-orientation/00-orientation-exercises.ipynb"
    questions = sum(1 for c in json.loads((workspace / exercise).read_text())["cells"]
                    if c["metadata"].get("nbgrader", {}).get("grade") and c["cell_type"] == "code")

    assert _shown(_validate(url, lesson)) == [NO_TESTS]
    lines = _shown(_validate(url, exercise))

    assert lines[:-1] == ["Not answered yet: " + ", ".join(f"Question {n}" for n in range(1, questions + 1)) + ".",
                          ""], lines
    assert lines[-1].startswith(f"0 of {questions} questions pass their visible checks")
    for noise in ("No nbgrader_config.py", "without encryption", "Skipped non-installed"):
        assert noise not in log.read_text()
