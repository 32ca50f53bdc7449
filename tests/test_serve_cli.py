"""`liveblog-tui serve`: what each browser tab runs, and bad input as one line + exit 2
before any server starts (the server itself: tests/e2e/test_browser_serve.py)."""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path

import pytest

from tui.cli import build_parser, main
from tui.serve import replay_command

GOOD = "16 May 2025\nNorway has said it will attend, NRK has reported.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and err.startswith("liveblog-tui: "), (code, out, err)
    return err


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["--port", "0"], "--port 0: not a port number (1-65535)"),
        (["--port", "65536"], "--port 65536: not a port number"),
        (["--port", "http"], "--port 'http': not a port number"),
        (["--port", "-1"], "not a port number"),
        (["--host", "no-such-host.invalid"], "--host 'no-such-host.invalid': not an address or a name"),
        (["--host", "192.0.2.1"], "--host 192.0.2.1: not an address of this machine"),  # TEST-NET-1: never local
    ],
    ids=["port-0", "port-too-big", "port-word", "port-negative", "unknown-host", "foreign-address"],
)
def test_bad_host_or_port_is_one_line_and_exit_2(capsys, argv: list[str], expected: str) -> None:
    assert expected in one_line(capsys, "serve", *argv)


def test_a_port_in_use_is_one_line(capsys) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        err = one_line(capsys, "serve", "--port", str(port))
    assert f"port {port} on 127.0.0.1 is in use" in err


def test_the_blog_and_replay_options_are_checked_before_serving(capsys, tmp_path: Path) -> None:
    assert "no such file" in one_line(capsys, "serve", str(tmp_path / "missing.txt"))
    assert "is a directory" in one_line(capsys, "serve", str(tmp_path))
    assert "--speed must be a positive number" in one_line(capsys, "serve", "--speed", "0")
    assert "standard input" in one_line(capsys, "serve", "-")


def test_each_tab_runs_the_same_replay_with_the_same_options(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.txt").write_text(GOOD)
    args: argparse.Namespace = build_parser().parse_args(
        ["serve", "b.txt", "--paused", "--speed", "300", "--start-at", "15 May 12:00", "--idle-cap", "0",
         "--meta", "m.toml", "--timezone", "+03:00", "--no-knowledge", "--port", "9000"])
    command = replay_command(args)
    assert command[:4] == [sys.executable, "-m", "tui", "replay"]
    assert command[4] == str(tmp_path / "b.txt")  # absolute: the server may run elsewhere
    rest = command[5:]
    assert rest == ["--meta", str(tmp_path / "m.toml"), "--timezone", "+03:00", "--speed", "300",
                    "--start-at", "15 May 12:00", "--idle-cap", "0", "--paused", "--no-knowledge"]
    assert shlex.split(shlex.join(command)) == command  # the shell line textual-serve runs quotes every argument
    bundled = replay_command(build_parser().parse_args(["serve"]))
    assert bundled == [sys.executable, "-m", "tui", "replay"]  # no FILE: the bundled blog, as with replay


def test_two_blogs_and_follow_reach_every_tab(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["serve", "a.txt", "b.txt", "--follow"])
    command = replay_command(args)
    assert command[4:] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--follow"]
