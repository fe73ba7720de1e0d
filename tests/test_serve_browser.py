"""`interview serve` in a real headless Chromium: load the page, start a drill, answer, see the score.

The terminal in the page draws on a canvas, so the test reads what the app sends instead: a script
added before the page loads keeps every byte the page's websocket receives, decoded, in
`window.__screen`. Keys go in as real browser key events (DevTools `Input.*`), through xterm.js.
Skipped, with the reason, where Debian's chromium is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cdp import Browser, wait_for_http

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,  # a server and a browser, real time
    pytest.mark.timeout(400),  # above the waits below, which are bounded
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium); .ci/run installs it"
    ),
]

RECORD_SCREEN = """
(() => {
  window.__screen = "";
  const decoder = new TextDecoder();
  const Native = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__screen += decoder.decode(event.data, {stream: true});
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""
ANSWER = (
    "The bias-variance trade-off: a simple model underfits with high bias; a flexible one overfits with high variance."
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def wait_screen(
    browser: Browser, text: str, timeout: float = 90, *others: str
) -> None:  # generous: CI may be busy
    """Until the app has drawn `text` or one of `others`; on failure, the end of what it drew, escapes removed."""
    try:
        await browser.wait_for(" || ".join(f"window.__screen.includes({t!r})" for t in (text, *others)), timeout)
    except TimeoutError:
        drawn = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", await browser.evaluate("window.__screen") or "")
        raise AssertionError(f"the page never showed {text!r}; it last drew: {drawn[-1500:]!r}") from None


@pytest.fixture
def served(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "INTERVIEW_HOME": str(tmp_path / "home"), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "interview", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        page = wait_for_http(f"http://localhost:{port}/", time.monotonic() + 60).decode()
        yield port, page
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def test_the_page_loads_nothing_from_elsewhere(served) -> None:
    port, page = served
    links = re.findall(r"""(?:src|href)=["']?([^"' >]+)""", page) + re.findall(r"""url\(["']?([^"')]+)""", page)
    assert links and all(link.startswith(f"http://localhost:{port}/") for link in links), links
    assert "fonts.googleapis" not in page


async def test_a_drill_in_the_browser(served, tmp_path: Path) -> None:
    port, _ = served
    browser = Browser(CHROMIUM, tmp_path / "profile", free_port())
    try:
        await browser.open()
        await browser.send("Page.enable")
        await browser.send("Page.addScriptToEvaluateOnNewDocument", source=RECORD_SCREEN)
        await browser.send("Page.navigate", url=f"http://localhost:{port}/")
        await wait_screen(browser, "Start a round", timeout=120)
        # the packs load after the first frame; a round asked for before that is refused
        await browser.wait_for(r"/\d+ packs, \d+ questions/.test(window.__screen)", timeout=120)
        await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await browser.press("d")  # the drill's set-up screen
        await wait_screen(browser, "Questions due for review first")
        await browser.press("s", ctrl=True)  # start
        await wait_screen(browser, "Submit")
        await browser.type(ANSWER)
        await wait_screen(browser, "overfits")  # the answer is in the editor
        await browser.press("s", ctrl=True)  # submit
        # the drill's first unseen question may be a coding exercise, whose feedback lists its cases
        await wait_screen(browser, "What the grader looked for", 90, "Every case of your submission")
        screen = await browser.evaluate("window.__screen")
        assert re.search(r"\b[01]\.\d\d\b", screen), "a score is shown"
        history = tmp_path / "home" / "history.sqlite3"
        assert history.is_file()  # the answer went to the user's history
    finally:
        await browser.close()
