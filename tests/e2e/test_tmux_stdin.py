"""End to end: a blog on standard input (`-`, a pipe, /dev/stdin), keys from the terminal.

The installed console script runs in a real tmux pane with its stdin redirected
from the blog; the app must show the blog's posts and still obey the keys
typed into the pane (read from /dev/tty), then quit with status 0.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

import pytest
from test_tmux_replay import Tmux

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

CASE = Path(__file__).parents[1] / "core" / "cases" / "crlf_small.txt"


def _script() -> str:
    here = Path(sys.executable).parent / "liveblog-tui"
    return str(here) if here.exists() else (shutil.which("liveblog-tui") or pytest.skip("no console script"))


@pytest.mark.parametrize(
    "shell",
    ["cat {case} | {script} replay - --paused", "{script} replay /dev/stdin --paused < {case}"],
    ids=["dash-pipe", "dev-stdin-redirect"],
)
def test_blog_on_stdin_keys_from_the_terminal(shell: str) -> None:
    term = Tmux(shell.format(script=shlex.quote(_script()), case=shlex.quote(str(CASE))), width=100, height=30)
    try:
        term.wait(r"1/2")  # the oldest post, paused
        term.type(".")
        term.wait(r"2/2")  # the key came through the terminal
        term.type("q")
        term.exited_cleanly()
    finally:
        term.kill()
