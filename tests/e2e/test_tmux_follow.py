"""End to end: `liveblog-tui replay --follow FILE` in a real terminal (tmux) while the
file is written, and `replay A B` (two blogs on one clock).

The bundled blog is replayed as it was written: a copy holding its 60 oldest posts
(newest first, as the page published them) grows by three posts on top; the app,
opened at the live edge, shows them; garbage written over the file keeps the last
good read; q quits at once (the watching thread never holds the exit).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

_spec = importlib.util.spec_from_file_location("tmux_replay_helpers", Path(__file__).with_name("test_tmux_replay.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)  # type: ignore[union-attr]
Tmux, console_script, first_words = _helpers.Tmux, _helpers.console_script, _helpers.first_words

MERGE = Path(__file__).resolve().parents[1] / "core" / "merge"


def bundled_until(k: int) -> str:
    """The bundled blog as it stood when its k oldest posts were written (no summary yet)."""
    from tui.core.load import load_blog
    from tui.core.resources import bundled_blog

    full = load_blog()
    owner = {line: p.seq for p in full.posts for line in range(p.first_line, p.last_line + 1)}
    skip = range(full.summary.first_line, full.summary.last_line + 1) if full.summary else range(0)
    lines = bundled_blog().read_text(encoding="utf-8").split("\n")
    return "\n".join(line for i, line in enumerate(lines, 1) if i not in skip and owner.get(i, 0) <= k)


def test_follow_a_growing_file_in_a_real_terminal(tmp_path: Path) -> None:
    from tui.core.load import load_blog

    posts = load_blog().posts
    path = tmp_path / "rt_live.txt"
    path.write_text(bundled_until(60), encoding="utf-8")
    term = Tmux([console_script(), "replay", str(path), "--follow"], width=120, height=40)
    try:
        term.wait(r"\b60/60\b.*following")  # opened at the live edge
        path.write_text(bundled_until(63), encoding="utf-8")
        screen = term.wait(r"\b63/63\b")
        assert "3 new posts" in screen or first_words(posts[62].paragraphs[0]) in screen
        term.wait(re.escape(first_words(posts[62].paragraphs[0])))  # the newest post is on screen
        path.write_bytes(b"\x00\x01\x02 not a blog \xff" * 40)
        term.wait(r"file unreadable|binary")
        path.write_text(bundled_until(64), encoding="utf-8")
        term.wait(r"\b64/64\b")
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()


def test_two_blogs_on_one_clock_in_a_real_terminal() -> None:
    term = Tmux([console_script(), "replay", str(MERGE / "northwind_wire.txt"), str(MERGE / "harbour_daily.txt"),
                 "--paused", "--start-at", "4"], width=120, height=40)
    try:
        screen = term.wait(r"\b4/10\b")
        term.wait("Harbour Daily")
        screen = term.wait("Northwind Wire")
        assert "Vestmark's delegation, led by" not in screen  # post 5: not yet
        term.type(".")
        term.wait(r"\b5/10\b")
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
