"""End to end: bookmarks in the installed console script, in a real terminal (tmux).

Bookmark a post with a note, quit, start again on the same data directory, see
the note in the list, jump to it; `export` prints it. The data directory is the
test's own (LIVEBLOG_TUI_DATA_DIR), never the user's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_tmux_replay import Tmux, console_script

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

NOTE = "[bold]why[/] Lavrov"


def test_a_bookmark_and_its_note_survive_a_restart(tmp_path: Path) -> None:
    env = {"LIVEBLOG_TUI_DATA_DIR": str(tmp_path)}
    term = Tmux([console_script(), "replay", "--paused", "--start-at", "4"], width=120, height=40, env=env)
    try:
        term.wait(r"\b4/108\b")
        term.type("m")
        term.wait("Bookmark #4")
        term.type(NOTE)
        term.keys("Enter")
        term.wait("bookmarked #4")
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
    term = Tmux([console_script(), "replay", "--paused"], width=120, height=40, env=env)
    try:
        term.wait(r"\b1/108\b")
        term.type("'")
        screen = term.wait(re.escape(NOTE))  # verbatim: brackets are text
        assert "#4 ~Wed 14 May" in screen and "ahead of the playhead" in screen
        term.keys("Enter")
        term.wait(r"\b4/108\b")
        term.wait(re.escape("bookmark #4 · " + NOTE))
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
    out = subprocess.run([console_script(), "export"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **env}, check=True).stdout
    assert [(b["seq"], b["note"], b["status"]) for b in json.loads(out)["bookmarks"]] == [(4, NOTE, "ok")]
