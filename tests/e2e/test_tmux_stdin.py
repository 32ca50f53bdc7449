"""End to end: a blog on standard input (`-`, a pipe, /dev/stdin), keys from the terminal.

The installed console script runs in a real tmux pane with its stdin redirected
from the blog; the app must show the blog's posts and still obey the keys
typed into the pane (read from /dev/tty), then quit with status 0.
"""

from __future__ import annotations

import os
import re
import shlex
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

CASE = Path(__file__).parents[1] / "core" / "cases" / "crlf_small.txt"
TIMEOUT = 20.0


def _script() -> str:
    here = Path(sys.executable).parent / "liveblog-tui"
    return str(here) if here.exists() else (shutil.which("liveblog-tui") or pytest.skip("no console script"))


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def _wait(name: str, pattern: str) -> str:
    deadline = time.monotonic() + TIMEOUT
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", name)
        if re.search(pattern, screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{pattern!r} never appeared; screen:\n{screen}")


@pytest.mark.parametrize(
    "shell",
    ["cat {case} | {script} replay - --paused", "{script} replay /dev/stdin --paused < {case}"],
    ids=["dash-pipe", "dev-stdin-redirect"],
)
def test_blog_on_stdin_keys_from_the_terminal(shell: str) -> None:
    name = f"lbt-{uuid.uuid4().hex[:8]}"
    command = shell.format(script=shlex.quote(_script()), case=shlex.quote(str(CASE)))
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("TMUX", None)
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30",
                    f"{command}; echo EXITED:$?; sleep 30"], env=env, check=True)
    try:
        _wait(name, r"1/2")  # the oldest post, paused
        _tmux("send-keys", "-t", name, ".")
        _wait(name, r"2/2")  # the key came through the terminal
        _tmux("send-keys", "-t", name, "q")
        assert "EXITED:0" in _wait(name, r"EXITED:\d+")
    finally:
        _tmux("kill-session", "-t", name)
