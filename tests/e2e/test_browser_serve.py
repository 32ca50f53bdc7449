"""End to end: `liveblog-tui serve` in headless Chromium.

Starts the installed console script's server on a free localhost port, opens
the page in Debian's Chromium (headless), waits until the page has received
and revealed the oldest post, presses `.` like a person (a key event in the
page, which xterm.js sends back over the WebSocket), and sees the second post
and `2/108` arrive.

Chromium is driven over the DevTools protocol by the small client below, on
aiohttp's WebSocket client (aiohttp comes with textual-serve): Playwright would
do the same for 165 MB more in the test install (measured), and a page this
simple needs five commands. The terminal in the page is drawn on a canvas
(xterm.js), so "what the page shows" is read from what the page received on its
WebSocket (Network.webSocketFrameReceived: the app's terminal output), control
sequences stripped, plus the page's own `-first-byte` class that reveals the
terminal; a screenshot of the page is kept for a failure.

Skipped, with the reason, when chromium is not installed (.ci/run installs it).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.core.load import load_blog

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package chromium; .ci/run installs it)"),
]

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,800", "--remote-debugging-port=0"]
TIMEOUT = 20.0
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]")


def console_script() -> str:
    here = Path(sys.executable).parent / "liveblog-tui"
    found = str(here) if here.exists() else shutil.which("liveblog-tui")
    if found is None:
        pytest.skip("liveblog-tui console script not installed")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


class DevTools:
    """Just enough of the Chrome DevTools Protocol: commands by id, events kept in order."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0
        self.replies: dict[int, asyncio.Future] = {}
        self.events: list[dict] = []
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self.replies:
                self.replies.pop(data["id"]).set_result(data)
            elif "method" in data:
                self.events.append(data)

    async def send(self, method: str, **params) -> dict:
        self.next_id += 1
        reply = asyncio.get_running_loop().create_future()
        self.replies[self.next_id] = reply
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        data = await asyncio.wait_for(reply, TIMEOUT)
        if "error" in data:
            raise AssertionError(f"{method}: {data['error']}")
        return data.get("result", {})

    def received(self) -> str:
        """Everything the page's WebSocket received from the app, as text without control sequences."""
        chunks = []
        for event in self.events:
            if event["method"] == "Network.webSocketFrameReceived":
                response = event["params"]["response"]
                if response.get("opcode") == 2:  # binary: the app's terminal output
                    chunks.append(base64.b64decode(response["payloadData"]))
        return _ESCAPES.sub("", b"".join(chunks).decode("utf-8", "replace"))

    async def wait_text(self, pattern: str, timeout: float = TIMEOUT) -> float:
        """Seconds until the page has received `pattern` (a regex)."""
        rx = re.compile(pattern)
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if rx.search(self.received()):
                return time.monotonic() - start
            await asyncio.sleep(0.05)
        raise AssertionError(f"the page never received {pattern!r}; it has:\n{self.received()[-3000:]}")

    async def evaluate(self, expression: str):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def press(self, key: str, code: str, key_code: int) -> None:
        """A key typed by a person: keyDown with its text, then keyUp."""
        await self.send("Input.dispatchKeyEvent", type="keyDown", key=key, code=code, text=key,
                        windowsVirtualKeyCode=key_code)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=key_code)


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"liveblog-tui serve exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def devtools_port(profile: Path, proc: subprocess.Popen, timeout: float = TIMEOUT) -> int:
    """Chromium writes the port it chose (--remote-debugging-port=0) to DevToolsActivePort."""
    deadline = time.monotonic() + timeout
    active = profile / "DevToolsActivePort"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"chromium exited with {proc.returncode}")
        if active.exists():
            lines = active.read_text().splitlines()
            if lines and lines[0].isdigit():
                return int(lines[0])
        time.sleep(0.05)
    raise AssertionError("chromium did not open its DevTools port")


def stop(proc: subprocess.Popen) -> None:
    """End a process this test started, with everything it started (its own process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


async def test_serve_shows_the_first_post_in_chromium_and_a_key_steps(tmp_path: Path) -> None:
    import aiohttp

    posts = load_blog().posts
    first, second = first_words(posts[0].paragraphs[0]), first_words(posts[1].paragraphs[0])
    total = len(posts)
    port = free_port()
    started = time.monotonic()
    server = subprocess.Popen([console_script(), "serve", "--paused", "--port", str(port)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, start_new_session=True)
    profile = tmp_path / "chromium-profile"
    browser = subprocess.Popen([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for_port(port, server)
        debug = devtools_port(profile, browser)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{debug}/json/list") as reply:
                page = next(t for t in await reply.json() if t["type"] == "page")
            async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                tools = DevTools(ws)
                await tools.send("Network.enable")  # before the page loads: every frame is seen
                await tools.send("Page.enable")
                await tools.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
                await tools.wait_text(re.escape(first))
                to_first_post = time.monotonic() - started
                await tools.wait_text(rf"\b1/{total}\b")
                assert second not in tools.received()  # paused: no spoilers
                assert await tools.evaluate("document.body.classList.contains('-first-byte')")  # terminal revealed
                # Focus the terminal as a person would (a click), then type "." (step).
                for kind in ("mousePressed", "mouseReleased"):
                    await tools.send("Input.dispatchMouseEvent", type=kind, x=640, y=400, button="left", clickCount=1)
                await tools.press(".", "Period", 190)
                await tools.wait_text(re.escape(second))
                await tools.wait_text(rf"\b2/{total}\b")
                shot = await tools.send("Page.captureScreenshot", format="png")
                (tmp_path / "page.png").write_bytes(base64.b64decode(shot["data"]))
                tools.reader.cancel()
        print(f"\nserve: first post in the browser {to_first_post:.2f} s after starting the server")
    finally:
        stop(browser)
        stop(server)
        if server.stdout is not None:
            server.stdout.close()
