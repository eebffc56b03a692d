"""Can a learner work in JupyterLab, started by `mlpm lab`, in a real browser?

Drives headless Chromium (Debian's `chromium`, which `.ci/run` installs) through the Chrome
DevTools protocol over a websocket, with mouse clicks and key presses as a learner makes them;
installs nothing itself. Screenshots go to the test's temporary folder.
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

from known_wrong.m01_product_strategy import WRONG_ANSWERS
from mlpm.grading.attempts import read, solution_answers, write
from mlpm.lab import free_port, port_is_free
from notebook_tools import ROOT
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
        self.dialogs: list[str] = []
        self.send("Page.enable")

    def send(self, method: str, **params) -> dict:
        """Send a command; return its result, skipping the events that arrive before it.

        A JavaScript dialog would block the page: it is accepted, and noted unless it is the browser's
        "leave the page?" for a notebook with unsaved runs.
        """
        call = next(self.ids)
        self.socket.send(json.dumps({"id": call, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == "Page.javascriptDialogOpening":
                if message["params"].get("type") != "beforeunload":
                    self.dialogs.append(message["params"].get("message", ""))
                self.socket.send(json.dumps({"id": next(self.ids), "method": "Page.handleJavaScriptDialog",
                                             "params": {"accept": True}}))
            if message.get("id") == call:
                return message.get("result", {})

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (None while the page is between documents)."""
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True).get("result", {}).get("value")

    def wait_for(self, expression: str, what: str, seconds: float = 40):
        """Return the value of ``expression`` once it is truthy; fail naming ``what`` if it never is."""
        deadline = time.monotonic() + seconds
        while not (value := self.evaluate(expression)):
            assert time.monotonic() < deadline, f"no {what} within {seconds} s"
            time.sleep(0.5)
        return value

    def click(self, element: str, clicks: int = 1) -> None:
        """Click (or double-click) the middle of the element a JavaScript expression gives.

        Waits until nothing covers it (JupyterLab's splash screen, a dialog), as a learner would.
        """
        x, y = self.wait_for(
            f"(e => {{ if (!e) return null; e.scrollIntoView({{block: 'center'}});"
            " const r = e.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;"
            f" return e.contains(document.elementFromPoint(x, y)) ? [x, y] : null; }})({element})",
            f"clickable element {element}", seconds=20)
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        for count in range(1, clicks + 1):
            for kind in ("mousePressed", "mouseReleased"):
                self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=count)

    def press(self, key: str, code: str, key_code: int, modifiers: int = 0) -> None:
        """Press and release one key (modifiers: 2 Ctrl, 8 Shift)."""
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=key_code,
                      modifiers=modifiers)

    def shift_enter(self) -> None:
        self.press("Enter", "Enter", 13, modifiers=8)

    def type_text(self, text: str) -> None:
        """Type text at the cursor, as one insertion (no auto-indent or auto-closed brackets)."""
        self.send("Input.insertText", text=text)

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


CURRENT = "document.getElementById(document.querySelector('.lm-DockPanel-tabBar .lm-mod-current').dataset.id)"
CELLS = f"{CURRENT}.querySelectorAll('.jp-Notebook .jp-Cell')"  # of the notebook in the current tab
LISTING = "[...document.querySelectorAll('.jp-DirListing-itemName')].map(e => e.textContent.trim())"
LESSON = "lessons/01-product-strategy.ipynb"
EXERCISE = "exercises/01-product-strategy/01-strategy-exercises.ipynb"
SOLVED = solution_answers(read(ROOT / "solutions" / "01-product-strategy" / "01-strategy-exercises.ipynb"))
WRONG_Q1 = WRONG_ANSWERS["reach-as-mention-count"][1]  # counts mentions, not the share of interviewees


def _cell(index: int) -> str:
    return f"{CELLS}[{index}]"


def prompt(page: Page, index: int) -> str:
    return page.evaluate(f"{_cell(index)}.querySelector('.jp-InputPrompt').textContent.trim()")


def output(page: Page, index: int) -> list[str]:
    """The lines a cell's output shows, without its prompt."""
    text = page.evaluate(f"[...{_cell(index)}.querySelectorAll('.jp-OutputArea-output')].map(e => e.innerText)"
                         ".join('\\n')")
    return [line for line in text.splitlines() if line.strip()]


def kernel_idle(url: str, path: str) -> bool:
    """Whether the server says the notebook's kernel has started, is idle and the page is connected to it."""
    port, token = URL.search(url).groups()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/sessions?token={token}", timeout=5) as response:
        kernels = [s["kernel"] for s in json.load(response) if s["path"] == path]
    return any(k["execution_state"] == "idle" and k["connections"] > 0 for k in kernels)


def open_notebook(page: Page, url: str, path: str) -> None:
    """Open a notebook as a learner does, by double-clicks in the file browser; wait for its kernel.

    Keys pressed before the kernel is up are lost or, worse, make JupyterLab restart it.
    """
    page.click("document.querySelector('.jp-BreadCrumbs-home')")
    for name in path.split("/"):
        item = f"[...document.querySelectorAll('.jp-DirListing-item')].find(e => e.title.startsWith('Name: {name}\\n'))"
        page.click(item, clicks=2)
    page.wait_for(f"document.querySelector('.lm-DockPanel-tabBar .lm-mod-current').title.startsWith('Name: {name}\\n')"
                  f" && {CURRENT}.querySelector('.jp-Notebook-ExecutionIndicator')?.dataset.status === 'idle'",
                  f"{path} open", seconds=60)
    deadline = time.monotonic() + 90
    while not kernel_idle(url, path):
        assert time.monotonic() < deadline, f"the kernel of {path} did not start within 90 s"
        time.sleep(0.25)


def accept_kernel_choice(page: Page) -> None:
    """Press Select if JupyterLab asks which kernel to start, as a learner would.

    It asks when a notebook opens before the lab has listed its kernels, which happens on a busy machine.
    """
    if page.evaluate("!!document.querySelector('.jp-Dialog .jp-mod-accept')"):
        page.click("document.querySelector('.jp-Dialog .jp-mod-accept')")
        page.wait_for("!document.querySelector('.jp-Dialog')", "the kernel dialog closed", seconds=10)


def run_cell(page: Page, index: int, tries: int = 6) -> None:
    """Click into a code cell, press Shift+Enter, and wait until it has run.

    On a busy machine the notebook can look ready before it takes keys, and a press is lost; it
    is pressed again until the cell is queued.
    """
    before = prompt(page, index)
    for _ in range(tries):
        accept_kernel_choice(page)
        page.click(f"{_cell(index)}.querySelector('.jp-InputArea-editor')")
        page.shift_enter()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and prompt(page, index) == before:
            time.sleep(0.25)
        if prompt(page, index) != before:
            break
    page.wait_for(f"/^\\[\\d+\\]:$/.test({_cell(index)}.querySelector('.jp-InputPrompt').textContent.trim())",
                  f"run of cell {index}", seconds=120)


def run_command(page: Page, command: str, tries: int = 6) -> None:
    """Run a command of the open notebook from the command palette (Ctrl+Shift+C), as a learner can.

    A press made while the notebook is still settling is lost: focus a cell and press again.
    """
    palette = "document.activeElement?.classList.contains('lm-CommandPalette-input')"
    for _ in range(tries):
        page.click(f"{_cell(0)}")
        page.press("Escape", "Escape", 27)
        page.press("C", "KeyC", 67, modifiers=2 + 8)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not page.evaluate(palette):
            time.sleep(0.25)
        if page.evaluate(palette):
            break
    page.type_text(command)
    page.wait_for("document.querySelector('.lm-CommandPalette-item.lm-mod-active .lm-CommandPalette-itemLabel')"
                  f"?.textContent === '{command}'", f"{command} offered in the command palette")
    page.press("Enter", "Enter", 13)


def answer(page: Page, index: int, code: str) -> None:
    """Replace a cell's code, as a learner selects all and types."""
    page.click(f"{_cell(index)}.querySelector('.jp-InputArea-editor')")
    page.press("a", "KeyA", 65, modifiers=2)
    page.type_text(code)


def index_of(grade_id: str) -> int:
    """The position of a graded cell, from the notebook file (the browser shows cells in that order)."""
    return [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in read(ROOT / EXERCISE)["cells"]].index(
        grade_id)


def test_a_learner_answers_checks_tracks_progress_and_runs_a_lesson_in_chromium(chromium, tmp_path):
    """In Chromium, does a learner see the one-line result of a wrong and a right answer, their progress,
    a lesson that runs through, and does one Ctrl+C then free the port?"""
    workspace, log = tmp_path / "ws", tmp_path / "lab.log"
    lab = start_lab(workspace, free_port(), log)
    page = None
    try:
        url = wait_for_url(lab, log)
        page = chromium()
        page.send("Page.navigate", url=url)
        page.wait_for(f"['exercises', 'lessons'].every(name => {LISTING}.includes(name))"
                      " && !document.getElementById('jupyterlab-splash')", "workspace listing, splash screen gone")
        assert page.evaluate("document.title").endswith("JupyterLab")
        page.wait_for("[...document.querySelectorAll('.lm-DockPanel-tabBar .lm-TabBar-tabLabel')]"
                      ".some(e => e.textContent === 'Launcher')", "the launcher")
        page.screenshot(tmp_path / "1-lab-after-start.png")

        open_notebook(page, url, EXERCISE)
        for setup in ("parameters", "setup"):
            run_cell(page, index_of(setup))
        answer_cell, check_cell = index_of("q1_answer"), index_of("q1_test")
        answer(page, answer_cell, WRONG_Q1)
        run_cell(page, answer_cell)
        run_cell(page, check_cell)
        page.screenshot(tmp_path / "2-failing-check.png")
        failing = output(page, check_cell)  # the failing check's message, then the count of checks
        assert len(failing) == 2 and failing[0].startswith("✗ Question 1: ") and "Reach" in failing[0], failing
        assert failing[1] == "Question 1: 2 of 3 visible checks pass.", failing

        page.click(f"{CURRENT}.querySelector('.validate-button')")  # Validate, as a learner would
        shown = page.wait_for("document.querySelector('.jp-Dialog #validation-message')?.innerText",
                              "the Validate dialog", seconds=240)
        page.screenshot(tmp_path / "2b-validate.png")
        lines = [line for line in shown.splitlines() if line.strip()]
        assert lines[0].startswith("✗ Question 1: ") and "Reach" in lines[0], lines  # one line per answer
        assert lines[1] == "Not answered yet: " + ", ".join(f"Question {n}" for n in range(2, 10)) + ".", lines
        assert len(lines) == 3 and lines[-1].startswith("0 of 9 questions pass their visible checks"), lines
        assert "The following cell failed" not in shown and "There was an error" not in shown
        assert page.evaluate("(p => p.scrollWidth <= p.clientWidth)(document.querySelector('#validation-message "
                             ".mlpm-validate').closest('pre'))"), "a Validate line runs past the dialog's edge"
        page.click("document.querySelector('.jp-Dialog .jp-mod-accept')")
        page.wait_for("!document.querySelector('.jp-Dialog')", "the Validate dialog closed", seconds=10)

        answer(page, answer_cell, SOLVED["q1_answer"])
        run_cell(page, answer_cell)
        run_cell(page, check_cell)
        page.screenshot(tmp_path / "3-passing-check.png")
        passing = output(page, check_cell)
        assert len(passing) == 1 and passing[0].startswith("✓ Question 1"), passing
        page.press("s", "KeyS", 83, modifiers=2)  # Ctrl+S
        page.wait_for("!document.querySelector('.lm-DockPanel-tabBar .lm-mod-current.jp-mod-dirty')",
                      "the exercise saved")

        cell = {"id": "progress", "cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                "source": "from mlpm.progress import progress\nprogress()"}
        write({"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}},
               "nbformat": 4, "nbformat_minor": 5}, workspace / "my-progress.ipynb")  # a learner's own notebook
        open_notebook(page, url, "my-progress.ipynb")
        run_cell(page, 0)
        page.screenshot(tmp_path / "4-progress.png")
        shown = "\n".join(output(page, 0))
        assert re.search(r"01-product-strategy +1 / 10 +1 / 9 ", shown), shown  # answered, passing visible checks

        open_notebook(page, url, LESSON)
        time.sleep(2)  # the kernel's language_info reaches the notebook just after it is idle
        assert not page.evaluate("!!document.querySelector('.lm-DockPanel-tabBar .lm-mod-current.jp-mod-dirty')"), (
            "opening a lesson marked it modified")
        run_command(page, "Run All Cells")
        code_prompts = f"[...{CELLS}].filter(c => c.classList.contains('jp-CodeCell'))" \
                       ".map(c => c.querySelector('.jp-InputPrompt').textContent.trim())"
        page.wait_for(f"{code_prompts}.every(p => /^\\[\\d+\\]:$/.test(p))", "every lesson cell run", seconds=120)
        problems = page.evaluate(f"[...{CELLS}].flatMap(c => [...c.querySelectorAll("
                                 "'[data-mime-type=\"application/vnd.jupyter.error\"], "
                                 "[data-mime-type=\"application/vnd.jupyter.stderr\"]')].map(e => e.innerText))")
        page.screenshot(tmp_path / "5-lesson-run.png")
        assert problems == [], problems
        assert page.dialogs == [], page.dialogs
    finally:
        try:
            if page is not None:
                page.screenshot(tmp_path / "last.png")  # where a failing run stopped
        finally:
            assert interrupt(lab) == 0
    assert port_is_free(int(URL.search(url).group(1)))
    # The learner's terminal, after the address, shows only the stop: no warning, error or traceback.
    shown = [line for line in log.read_text().split("Stop it with Ctrl+C.", 1)[1].splitlines() if line.strip()]
    assert shown == ["JupyterLab stopped, and its kernels with it."], shown
