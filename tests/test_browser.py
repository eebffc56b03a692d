"""Does JupyterLab, started by `mlpm lab`, load the learner's workspace in a real browser?

Drives headless Chromium (Debian's `chromium`, which `.ci/run` installs) through the Chrome
DevTools protocol over a websocket; installs nothing itself.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import websocket

from mlpm.lab import free_port, port_is_free
from test_lab import URL, interrupt, start_lab, wait_for_url

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: `.ci/run` installs it as root (apt-get)"),
]


class Page:
    """One Chromium tab, driven by DevTools commands."""

    def __init__(self, debugger_url: str):
        self.socket = websocket.create_connection(debugger_url, timeout=30)
        self.ids = itertools.count(1)

    def send(self, method: str, **params) -> dict:
        """Send a command; return its result, skipping the events that arrive before it."""
        call = next(self.ids)
        self.socket.send(json.dumps({"id": call, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == call:
                return message.get("result", {})

    def evaluate(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def wait_for(self, expression: str, what: str, seconds: float = 40):
        """Return the value of ``expression`` once it is truthy; fail naming ``what`` if it never is."""
        deadline = time.monotonic() + seconds
        while not (value := self.evaluate(expression)):
            assert time.monotonic() < deadline, f"no {what} within {seconds} s"
            time.sleep(0.5)
        return value

    def click(self, selector: str) -> None:
        box = f"document.querySelector('{selector}').getBoundingClientRect()"
        x, y = self.evaluate(f"(r => [r.x + 20, r.y + 10])({box})")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def shift_enter(self) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter", windowsVirtualKeyCode=13,
                      modifiers=8)

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"]))


@pytest.fixture
def chromium(tmp_path):
    """A headless Chromium with DevTools on a free port: yields a function opening a Page."""
    port = free_port()
    browser = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,800", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def open_page() -> Page:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                    pages = [t for t in json.load(response) if t["type"] == "page"]
                return Page(pages[0]["webSocketDebuggerUrl"])
            except (OSError, IndexError):
                assert time.monotonic() < deadline, "Chromium's DevTools did not answer within 20 s"
                time.sleep(0.25)

    try:
        yield open_page
    finally:
        browser.terminate()
        browser.wait(timeout=10)


LISTING = "[...document.querySelectorAll('.jp-DirListing-itemName')].map(e => e.textContent.trim())"
PROMPTS = "[...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(e => e.textContent.trim())"
LESSON = "lessons/01-product-strategy.ipynb"


def run_first_cell(page: Page, tries: int = 6) -> None:
    """Click the first code cell and press Shift+Enter until it is queued or has run.

    On a busy machine the notebook can look ready before it takes keys, and the first press is lost.
    """
    for _ in range(tries):
        page.click(".jp-CodeCell .jp-InputArea-editor")
        page.shift_enter()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if page.evaluate(f"{PROMPTS}[0]") in ("[*]:", "[1]:"):
                return
            time.sleep(0.5)
    raise AssertionError(f"the lesson's first code cell did not start after {tries} Shift+Enter presses")


def test_jupyterlab_shows_the_workspace_and_runs_a_lesson_in_chromium(chromium, tmp_path):
    """Does the printed URL open JupyterLab logged in on the workspace, and run a lesson's first cell?"""
    log = tmp_path / "lab.log"
    lab = start_lab(tmp_path / "ws", free_port(), log)
    try:
        url = wait_for_url(lab, log)
        page = chromium()
        page.send("Page.navigate", url=url)
        page.wait_for(f"['exercises', 'lessons'].every(name => {LISTING}.includes(name))", "workspace listing")
        assert page.evaluate("document.title").endswith("JupyterLab")
        page.screenshot(tmp_path / "lab.png")

        page.send("Page.navigate", url=url.replace("/lab?", f"/lab/tree/{LESSON}?"))
        page.wait_for(f"{PROMPTS}.length && document.body.textContent.includes('Idle')",
                      "lesson with its kernel idle", seconds=90)
        run_first_cell(page)
        page.wait_for(f"{PROMPTS}[0] === '[1]:'", "run of the lesson's first code cell", seconds=120)
        page.screenshot(tmp_path / "lesson.png")
    finally:
        assert interrupt(lab) == 0
    assert port_is_free(int(URL.search(url).group(1)))
    assert not re.search(r"Traceback|ERROR|\[E |\[C (?!.*received signal 15)", log.read_text()), log.read_text()
