"""End to end: the installed `liveblog-tui replay` in a real terminal (tmux).

Starts the console script in a detached tmux session, waits for the oldest
post of the bundled blog, steps, plays, pauses, searches and quits, reading
the screen with `tmux capture-pane` like a person would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

TIMEOUT = 20.0


def console_script() -> str:
    """The venv's liveblog-tui (next to this Python), else the one on PATH."""
    here = Path(sys.executable).parent / "liveblog-tui"
    if here.exists():
        return str(here)
    found = shutil.which("liveblog-tui")
    if found is None:
        pytest.skip("liveblog-tui console script not installed")
    return found


def bundled_text() -> str:
    from tui.core.resources import bundled_blog

    return bundled_blog().read_text(encoding="utf-8")


def first_words(paragraph: str, n: int = 5) -> str:
    return " ".join(paragraph.split()[:n])


class Tmux:
    """One tmux server of its own per terminal (`-L`): killing it never races another test's session."""

    def __init__(self, command: list[str] | str, width: int = 120, height: int = 40, env: dict | None = None) -> None:
        self.name = f"lbt-{uuid.uuid4().hex[:8]}"
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
        env.pop("TMUX", None)
        shell = command if isinstance(command, str) else " ".join(_quote(c) for c in command)
        self._run(
            "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
            # keep the pane after exit so the exit status can be read
            shell + "; echo EXITED:$?; sleep 30",
            env=env,
        )

    def _run(self, *args: str, env: dict | None = None) -> str:
        done = subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True, env=env)
        if done.returncode:
            raise AssertionError(f"tmux {args[0]} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self._run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", self.name, "-l", text)

    def wait(self, pattern: str, timeout: float = TIMEOUT) -> str:
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if rx.search(screen):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {pattern!r}; screen:\n{screen}")

    def exited_cleanly(self) -> str:
        """Wait for the command to end; it must end with status 0 and no traceback. The screen."""
        screen = self.wait(r"EXITED:\d+")
        assert "EXITED:0" in screen and "Traceback" not in screen, screen
        return screen

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


def _quote(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


@pytest.fixture
def blog_posts() -> list[str]:
    """First paragraphs of the bundled blog, oldest post first (via the real parser)."""
    from tui.core.load import load_blog

    blog = load_blog()
    return [p.paragraphs[0] for p in blog.posts]


def test_replay_in_a_real_terminal(blog_posts: list[str]) -> None:
    term = Tmux([console_script(), "replay", "--paused"])
    try:
        oldest, second = blog_posts[0], blog_posts[1]
        screen = term.wait(re.escape(first_words(oldest)))
        assert first_words(second) not in screen  # no spoilers: only post 1 is shown
        term.wait(r"\b1/\d+")

        term.type(".")
        term.wait(re.escape(first_words(second)))
        term.wait(r"\b2/\d+")  # the status bar follows (it may paint a frame later)

        term.keys("Space")  # play …
        term.wait("▶")
        term.keys("Space")  # … and pause
        screen = term.wait("⏸")

        term.type("/")
        term.wait("search: words")  # the search bar has the focus before we type
        term.type("Istanbul")
        term.wait("Istanbul▏|Istanbul ")
        term.keys("Enter")
        term.wait("Open")  # back on the feed (its bindings are in the footer)

        term.type("e")  # the end reveals the summary
        summary = bundled_text().splitlines()[0]
        term.wait(re.escape(first_words(summary, 4)))

        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()


def test_bad_file_is_one_line_before_the_app_starts(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = subprocess.run([console_script(), "replay", str(missing)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("liveblog-tui: ")
    assert "Traceback" not in result.stderr
    assert "\x1b[" not in result.stdout  # the app never took the terminal


@pytest.mark.parametrize("args", [["--speed", "0"], ["--pace", "-1"], ["--start-at", "#9999"], ["--start-at", "nonsense o'clock"]])
def test_bad_replay_options_are_one_line(args: list[str]) -> None:
    result = subprocess.run([console_script(), "replay", *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_keys_at_start_a_fast_search_and_q_then_t_in_a_real_terminal() -> None:
    """Issue: D S M f in the first instant crashed (NoMatches); "/medinsky" Enter n typed
    in one burst did not jump; q then t crashed on the closing app (NoMatches on GotoScreen)."""
    term = Tmux([console_script(), "replay", "--paused"], width=80, height=24)
    try:
        term.type("DSMf")  # before the first frame is even drawn
        term.wait(r"\b1/108")
        term.keys("Escape")
        time.sleep(0.3)  # tmux: let the escape key stand alone
        term.type("e")
        term.wait(r"\b108/108")
        term.type("/medinsky")
        term.keys("Enter")
        term.type("n")
        term.wait(r"match 2/\d")
        term.type("qt:")
        assert "NoMatches" not in term.exited_cleanly()
    finally:
        term.kill()


@pytest.mark.parametrize(("burst", "then"), [
    ("e", r"\b108/108"),  # the end
    ("5 .,[]{}0", r"\b\d+/108"),
    ("rmnN", r"Bookmark #1[\s\S]*▊ +nN +▎"),  # m opens the note prompt; n N type into it
])
def test_player_keys_before_the_first_frame_act_in_order(burst: str, then: str) -> None:
    """Player keys typed before the screen was composed crashed (NoMatches 'FeedView'), then
    were dropped; they wait until the replay is drawn and act then, in the order typed."""
    term = Tmux([console_script(), "replay", "--paused"], width=80, height=24)
    try:
        term.type(burst)
        term.keys("C-x")
        screen = term.wait(then)
        assert "Traceback" not in screen and "NoMatches" not in screen
        if "m" in burst:
            term.keys("Escape")
            time.sleep(0.3)  # tmux: let the escape key stand alone
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()


def test_q_then_the_palette_at_once_quits_cleanly() -> None:
    """q then ctrl+p in one burst crashed the closing app (NoMatches 'CommandList')."""
    for ready in (False, True):
        term = Tmux([console_script(), "replay", "--paused"], width=80, height=24)
        try:
            if ready:
                term.wait(r"\b1/108")
            term.type("q")
            term.keys("C-p")
            term.exited_cleanly()
        finally:
            term.kill()


def test_no_color_terminal_plays(tmp_path: Path) -> None:
    """Issue: NO_COLOR=1 crashed as soon as a post arrived while playing."""
    term = Tmux([console_script(), "replay", "--speed", "3600", "--idle-cap", "0.5"], env={"NO_COLOR": "1"})
    try:
        term.wait(r"\b3/108")  # posts arrived by playing
        term.wait(r"\? Help.*q Quit")  # the footer, filled without any key pressed
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()


def test_a_huge_paragraph_never_blocks_the_keys(tmp_path: Path) -> None:
    """shared/cases/input/huge_paragraph_gen.py (2.4 MB variant): stepping onto it froze
    the interface for seconds; now the feed shows its start and every key answers."""
    import random

    random.seed(1)
    words = ["talks", "delegation", "Istanbul", "ministry", "officials", "said", "the", "and", "of", "to", "in"]
    para = " ".join(random.choice(words) for _ in range(400_000))
    path = tmp_path / "huge_paragraph.txt"
    path.write_text("16 May 2025\nThe ministry has said " + para + ".\n15 May 2025\n"
                    "The delegation has arrived in Istanbul, officials have said.\n", encoding="utf-8")
    term = Tmux([console_script(), "replay", str(path), "--paused"])
    try:
        term.wait(r"\b1/2\b")
        term.type(".")
        # both in one capture: tmux may be read between the feed's rows and the status bar's
        term.wait(r"more characters — enter opens the post[\s\S]*\b2/2\b")
        term.type(",")
        term.wait(r"\b1/2\b")
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
