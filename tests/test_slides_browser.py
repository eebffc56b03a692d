"""Do the facilitator's slides open offline in a real browser, and can a presenter step through them?

Headless Chromium (Debian's `chromium`) with every host name unresolvable and the network emulated
offline loads one deck from disk, as a facilitator would from a USB stick in a room without Wi-Fi.
"""

from __future__ import annotations

import re
import subprocess
import time

import pytest

from mlpm.lab import free_port
from notebook_tools import ROOT
from test_browser import CHROMIUM, Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: `.ci/run` installs it as root (apt-get)"),
]
DECK = ROOT / "facilitator" / "slides" / "07-responsible-ai.html"


@pytest.fixture
def offline_page(tmp_path):
    """A Chromium tab with no network: host names do not resolve and the tab is emulated offline."""
    import json
    import urllib.request

    port = free_port()
    browser = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,800",
         "--host-resolver-rules=MAP * ~NOTFOUND", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as response:
                    tab = next(t for t in json.load(response) if t["type"] == "page")
                break
            except (OSError, StopIteration):
                assert time.monotonic() < deadline, "Chromium's DevTools did not answer within 20 s"
                time.sleep(0.25)
        page = Page(tab["webSocketDebuggerUrl"])
        page.send("Network.enable")
        page.send("Network.emulateNetworkConditions", offline=True, latency=0, downloadThroughput=-1,
                  uploadThroughput=-1)
        yield page
    finally:
        browser.terminate()
        browser.wait(timeout=10)


def test_a_deck_opens_offline_and_steps_through_every_slide(offline_page):
    """Does the 07 deck load with the network off, fetch nothing, show one slide at a time, and step with the
    arrow keys from the first slide to the last?"""
    page = offline_page
    expected = len(re.findall(r'<section class="slide"', DECK.read_text(encoding="utf-8")))
    page.send("Page.navigate", url=DECK.as_uri())
    count = int(page.wait_for("document.body && document.body.dataset.slides", "deck script run", seconds=20))
    assert count == expected and count >= 10
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0, "the deck fetched something"
    assert page.evaluate("document.querySelectorAll('section.slide.current').length") == 1
    assert page.evaluate("document.getElementById('counter').textContent") == f"1 / {count}"
    assert page.evaluate("getComputedStyle(document.querySelector('section.slide:not(.current)')).display") == "none"
    notes = "getComputedStyle(document.querySelector('section.slide.current .notes')).display"
    assert page.evaluate(notes) == "none", "speaker notes show before T is pressed"
    page.press("t", "KeyT", 84)
    assert page.evaluate(notes) == "block", "T does not show the talk track"
    for _ in range(count + 2):  # past the end stays on the last slide
        page.press("ArrowRight", "ArrowRight", 39)
    assert page.evaluate("document.getElementById('counter').textContent") == f"{count} / {count}"
    assert page.evaluate("document.querySelector('section.slide.current').id") == f"s{count}"
    page.press("ArrowLeft", "ArrowLeft", 37)
    assert page.evaluate("location.hash") == f"#{count - 1}"


@pytest.mark.parametrize("paper, width, height", [("A4", 8.27, 11.69), ("Letter", 8.5, 11.0)])
def test_every_handout_prints_on_one_page(offline_page, paper, width, height):
    """Does every module's handout print on one sheet of A4 and of Letter, offline?"""
    import base64

    page = offline_page
    for handout in sorted((ROOT / "facilitator" / "handouts").glob("*.html")):
        page.send("Page.navigate", url=handout.as_uri())
        page.wait_for(f"document.readyState === 'complete' && document.title.includes('{handout.stem}')",
                      f"{handout.name} loaded", seconds=20)
        pdf = base64.b64decode(page.send("Page.printToPDF", paperWidth=width, paperHeight=height,
                                         displayHeaderFooter=False, preferCSSPageSize=False)["data"])
        pages = re.findall(rb"/Count (\d+)", pdf)
        assert pages and max(int(n) for n in pages) == 1, f"{handout.name} prints on more than one {paper} page"
