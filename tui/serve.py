"""`liveblog-tui serve [FILE]`: the same replay in a web browser, through textual-serve.

Each browser tab that opens the page starts its own `liveblog-tui replay FILE
…` (the same console code, with the same options, run by this Python as
`python -m tui replay`) under Textual's web driver; textual-serve carries the
screen and the keys over a WebSocket. So the browser shows exactly the
terminal app, bookmarks (same data directory) and all.

Everything the user can get wrong is a one-line InputError (exit 2) before
the server starts: the blog and every replay option are checked by the same
code as `replay` (tui.app.launch.prepare_replay); the host must resolve and the
port must be free to bind; standard input is refused (each tab reads FILE
again).
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import stat
import sys
from pathlib import Path

from tui.core.errors import InputError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def parse_port(text: str) -> int:
    """'8000' -> 8000; anything but 1..65535 is an InputError."""
    try:
        port = int(text, 10)
    except (TypeError, ValueError):
        raise InputError(f"--port {text!r}: not a port number (1-65535)") from None
    if not 1 <= port <= 65535:
        raise InputError(f"--port {port}: not a port number (1-65535)")
    return port


def check_bind(host: str, port: int) -> None:
    """InputError (one line) unless a server could listen on host:port now."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as error:
        raise InputError(f"--host {host!r}: not an address or a name this machine can resolve ({_reason(error)})") from None
    last: OSError | None = None
    for family, kind, proto, _, address in infos:
        try:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does
                probe.bind(address)
            return
        except OSError as error:
            last = error
    assert last is not None
    if last.errno == errno.EADDRINUSE:
        raise InputError(f"port {port} on {host} is in use (another server?); try --port {port + 1}")
    if last.errno == errno.EADDRNOTAVAIL:
        raise InputError(f"--host {host}: not an address of this machine")
    if last.errno == errno.EACCES:
        raise InputError(f"port {port} on {host}: permission denied (ports below 1024 need privileges)")
    raise InputError(f"cannot listen on {host}:{port}: {_reason(last)}")


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def public_url(host: str, port: int) -> str:
    """The address the page tells the browser to connect back to."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.getfqdn()  # listening everywhere: name this machine, not 0.0.0.0
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def replay_command(args: argparse.Namespace) -> list[str]:
    """`python -m tui replay FILE… [options]`: what each browser tab runs (paths made absolute)."""
    command = [sys.executable, "-m", "tui", "replay"]
    command += [str(Path(file).resolve()) for file in _files(args)]
    options: list[tuple[str, object, object]] = [
        ("--encoding", getattr(args, "encoding", "utf-8"), "utf-8"),
        ("--meta", _absolute(getattr(args, "meta", None)), None),
        ("--timezone", getattr(args, "timezone", None), None),
        ("--speed", getattr(args, "speed", None), None),
        ("--pace", getattr(args, "pace", None), None),
        ("--start-at", getattr(args, "start_at", None), None),
        ("--idle-cap", getattr(args, "idle_cap", None), None),
        ("--knowledge", _absolute(getattr(args, "knowledge", None)), None),
        ("--ner", getattr(args, "ner", "rules"), "rules"),
    ]
    for flag, value, default in options:
        if value != default and value is not None:
            command += [flag, f"{value:g}" if isinstance(value, float) else str(value)]
    if getattr(args, "paused", False):
        command.append("--paused")
    if getattr(args, "no_knowledge", False):
        command.append("--no-knowledge")
    if getattr(args, "follow", False):
        command.append("--follow")
    return command


def _files(args: argparse.Namespace) -> list[str]:
    files = getattr(args, "files", None)
    if files is None:  # a namespace made by hand with one `file`
        file = getattr(args, "file", None)
        files = [file] if file is not None else []
    return list(files)


def _absolute(path: str | None) -> str | None:
    return str(Path(path).resolve()) if path else None


def _check_file(file: str | None) -> None:
    if file is None:
        return
    if file in ("-", "/dev/stdin"):
        raise InputError("serve reads FILE again for every browser tab: give a file, not standard input")
    try:
        mode = os.stat(file).st_mode
    except OSError:
        return  # prepare_replay names the problem
    if not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            return  # prepare_replay says "is a directory"
        raise InputError(f"{file}: serve reads FILE again for every browser tab: give a regular file, not a pipe")


def run_serve(args: argparse.Namespace) -> int:
    """Check everything, then serve until Ctrl+C."""
    port = parse_port(args.port)
    host = args.host
    for file in _files(args):
        _check_file(file)

    from tui.app.launch import prepare_replay

    app = prepare_replay(args)  # the blog and every replay option: the replay's own one-line errors
    title = f"liveblog-tui — {app.title}"
    del app
    check_bind(host, port)

    from textual_serve.server import Server

    command = shlex.join(replay_command(args))
    server = Server(command, host=host, port=port, title=title, public_url=getattr(args, "public_url", None)
                    or public_url(host, port))
    try:
        server.serve()
    except OSError as error:  # lost the port between the check and the bind
        raise InputError(f"cannot listen on {host}:{port}: {_reason(error)}") from None
    return 0
