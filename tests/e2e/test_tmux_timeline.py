"""End to end: the timeline view (T) and key events (} {) of the installed
`liveblog-tui replay` in a real terminal (tmux), on the bundled blog at 80×24."""

from __future__ import annotations

import importlib.util
import re
import shutil
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def _driver():
    """The tmux driver of test_tmux_replay.py (the e2e folder is not on the import path)."""
    spec = importlib.util.spec_from_file_location("tmux_driver", Path(__file__).with_name("test_tmux_replay.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


_tmux = _driver()
Tmux, console_script = _tmux.Tmux, _tmux.console_script


def key_event(term: Tmux, key: str, timeout: float = 20.0) -> tuple[int, str]:
    """Press } or { until the facts are extracted and it lands: (the post, the line that says what changed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        term.type(key)
        time.sleep(0.4)
        found = re.search(r"#(\d+): (\S[^│]*?)\s{2}(\d+)/108", term.screen())
        if found:
            assert found.group(1) == found.group(3)  # the bar names the post the playhead is on
            return int(found.group(1)), found.group(2)
        assert "Traceback" not in term.screen()
    raise AssertionError(f"{key} never landed; screen:\n{term.screen()}")


def test_key_events_and_the_timeline_view_in_a_real_terminal() -> None:
    term = Tmux([console_script(), "replay", "--paused", "--start-at", "57"], width=80, height=24)
    try:
        term.wait(r"\b57/108")
        after, what = key_event(term, "}")
        assert after > 57 and what  # the next post that changes a pane, and what it changed
        term.type("T")
        screen = term.wait(rf"Timeline · as of #{after} · up to the playhead")
        assert "▼" in screen and "meetings" in screen
        term.keys("Right")
        term.keys("Down")
        term.keys("Enter")  # the feed shows the mark's source post; the view closes
        term.wait(rf"\b{after}/108")
        time.sleep(0.3)
        before, _ = key_event(term, "{")
        assert before < after
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
