"""Inputs and runners for the hardening suite (not a test module).

Builds blog files in a test's tmp_path, runs the installed console script in a
subprocess with a timeout, and checks the CLI's error contract: exit 2 and
exactly one stderr line "liveblog-tui: …" without a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# Generous: a hang shows up as a TimeoutExpired failure instead of a stuck suite.
CLI_TIMEOUT = 30.0


def cli_path() -> str:
    """The installed `liveblog-tui` next to the running interpreter (venv bin/)."""
    exe = Path(sys.executable).with_name("liveblog-tui")
    if exe.exists():
        return str(exe)
    found = shutil.which("liveblog-tui")
    if found is None:  # pragma: no cover - only without an installed project
        raise RuntimeError("the liveblog-tui console script is not installed next to sys.executable")
    return found


@dataclass(frozen=True)
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.splitlines()


def run_cli(
    *args: str | os.PathLike,
    timeout: float = CLI_TIMEOUT,
    cwd: str | os.PathLike | None = None,
    preexec_fn=None,
    stdin: bytes | os.PathLike | None = None,
) -> Run:
    """Run the real console script in a session of its own (no controlling
    terminal); stdin is /dev/null (never a TTY), the given bytes through a
    pipe, or the given file."""
    argv = [cli_path(), *map(str, args)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", TERM="dumb", COLUMNS="100")
    source = open(stdin, "rb") if isinstance(stdin, os.PathLike) else None  # noqa: SIM115
    proc = subprocess.run(
        argv,
        stdin=source if source is not None else (subprocess.DEVNULL if stdin is None else None),
        input=stdin if isinstance(stdin, bytes) else None,
        start_new_session=preexec_fn is None,
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        preexec_fn=preexec_fn,
    )
    if source is not None:
        source.close()
    return Run(
        tuple(map(str, args)),
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_clean_error(run: Run, *needles: str) -> str:
    """Exit 2, exactly one stderr line starting 'liveblog-tui:', no traceback.

    Every needle must appear in that line (case-insensitive). Returns the line.
    """
    where = f"liveblog-tui {' '.join(run.args)}"
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, f"{where}: traceback\n{run.stderr}"
    assert run.returncode == 2, f"{where}: exit {run.returncode}, stderr:\n{run.stderr}"
    lines = run.err_lines
    assert len(lines) == 1, f"{where}: expected one stderr line, got {len(lines)}:\n{run.stderr}"
    line = lines[0]
    assert line.startswith("liveblog-tui:"), f"{where}: {line!r}"
    for needle in needles:
        assert needle.lower() in line.lower(), f"{where}: {needle!r} not in {line!r}"
    return line


def assert_ok(run: Run) -> None:
    where = f"liveblog-tui {' '.join(run.args)}"
    assert "Traceback" not in run.stderr, f"{where}: traceback\n{run.stderr}"
    assert run.returncode == 0, f"{where}: exit {run.returncode}, stderr:\n{run.stderr}"


# ---------------------------------------------------------------- export JSON

def export_json(path: str | os.PathLike, *extra: str, timeout: float = CLI_TIMEOUT) -> dict:
    """`liveblog-tui export FILE --format json`, checked and decoded."""
    run = run_cli("export", path, "--format", "json", *extra, timeout=timeout)
    assert_ok(run)
    data = json.loads(run.stdout)
    assert isinstance(data, dict) and isinstance(data.get("entries"), list), f"unexpected export shape: {str(data)[:300]}"
    return data


def post_paragraphs(entry: dict) -> list[str]:
    """A post's paragraphs from its export entry (text is paragraphs joined by newlines)."""
    return str(entry["text"]).split("\n")


def posts_shape(data: dict) -> list[tuple]:
    """(day, time, estimated, paragraphs) per exported post, oldest first."""
    return [(e["day"], e["time"], e["time_estimated"], tuple(post_paragraphs(e))) for e in data["entries"]]


# ---------------------------------------------------------------- blog text

@dataclass(frozen=True)
class Day:
    day: date
    posts: tuple[tuple[str, ...], ...]  # oldest first; each post = paragraphs


HEADER_FORMATS = ("{d:%d} {d:%B} {d:%Y}", "{d:%B} {d.day}, {d:%Y}", "{d:%A}, {d.day} {d:%B} {d:%Y}", "{d:%d}.{d:%m}.{d:%Y}")


def header(d: date, style: int = 0) -> str:
    return HEADER_FORMATS[style % len(HEADER_FORMATS)].format(d=d)


def render_blog(days: Sequence[Day], summary: Sequence[str] = (), *, blank_between: bool = False, style: int = 0) -> str:
    """The published shape: summary lines, then days newest first, posts newest first."""
    lines: list[str] = list(summary)
    for d in reversed(days):
        lines.append(header(d.day, style))
        for post in reversed(d.posts):
            lines.extend(post)
            if blank_between:
                lines.append("")
    return "\n".join(lines) + "\n"


# A small, well-formed blog: two days, leads and continuations of the seed's kind.
SIMPLE_SUMMARY = ("Talks between the two delegations ended on Friday after two hours.",)
SIMPLE_DAYS = (
    Day(
        date(2025, 5, 15),
        (
            ("The Russian delegation has arrived in Istanbul, TASS reported.",),
            ("Turkish Foreign Minister Hakan Fidan has said the talks will start on Friday.",
             "He added that both sides had agreed on the venue."),
        ),
    ),
    Day(
        date(2025, 5, 16),
        (
            ("The Ukrainian delegation has arrived at Dolmabahce Palace, Anadolu reported.",),
            ("Vladimir Medinsky has told journalists the talks are over.",
             "“We are satisfied with the result,” he said."),
            ("The stream has ended.",),
        ),
    ),
)
SIMPLE_PARAGRAPHS = [para for d in SIMPLE_DAYS for post in d.posts for para in post]


def simple_text() -> str:
    return render_blog(SIMPLE_DAYS, SIMPLE_SUMMARY)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def one_day_blog(paragraphs: Iterable[str], day: date = date(2025, 5, 16)) -> str:
    """One header and the given lines below it, as written (file order)."""
    return header(day) + "\n" + "\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------- hostile text

# Bracket text that Rich/Textual markup would eat, style or act on.
MARKUP = ("[bold]x[/bold]", "[/]", "[link=https://x]y[/link]", "[@click=app.quit]z[/]", "[US]")
ESC = "\x1b"
LONG_WORD = "W" + "x" * 4998 + "Z"  # 5,000 characters, no break opportunity

# One paragraph per post; the blog is stamped ("HH:MM" line above each), so each is its own post.
HOSTILE_POSTS: tuple[str, ...] = (
    "Markup [bold]x[/bold] and a lone [/] stay as typed.",
    "A link [link=https://x]y[/link] is only text.",
    "Clicking [@click=app.quit]z[/] must not quit.",
    "The [US] delegation has arrived.",
    "ANSI \x1b[31mred\x1b[0m and OSC \x1b]0;title\x07 and \x1b]8;;http://x\x1b\\hyper\x1b]8;;\x1b\\ end.",
    "Controls \x01\x02\x07\x08\x0b\x0c\x1f\x7f and C1 \x85\x8d\x9b\x9d end.",
    "Arabic مرحبا بكم and Hebrew שלום עליכם with \u202eoverride\u202c end.",
    "Combining e\u0301 a\u0308 Z\u0336\u0337\u0338 and Vietnamese Tiê\u0301ng Viê\u0323t end.",
    "Emoji 🇺🇦 🇷🇺 👨\u200d👩\u200d👧 and wide 中文字 ｗｉｄｅ end.",
    f"Long {LONG_WORD} end.",
)


def hostile_text() -> str:
    """A stamped one-day blog (newest first) with one hostile paragraph per post."""
    lines = ["A summary with [bold]markup[/bold] and \x1b[2J an escape.", "16 May 2025"]
    for i in range(len(HOSTILE_POSTS) - 1, -1, -1):
        lines.append(f"{10 + i}:00")
        lines.append(HOSTILE_POSTS[i])
    return "\n".join(lines) + "\n"


CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0 (but \t \n), DEL, C1


# ---------------------------------------------------------------- deadlines

def run_with_deadline(fn, *args, timeout: float = 10.0):
    """fn(*args) in a forked child; its (picklable) result, or AssertionError when
    it overruns. Python's `re` holds the GIL while matching, so a thread cannot
    guard a hang: only a separate process can be stopped from outside."""
    import multiprocessing
    import traceback

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def target() -> None:
        try:
            child.send(("ok", fn(*args)))
        except BaseException as err:  # report, do not hide
            child.send(("error", f"{type(err).__name__}: {err}\n{traceback.format_exc()}"))

    proc = ctx.Process(target=target, daemon=True)
    proc.start()
    try:
        if not parent.poll(timeout):
            raise AssertionError(f"{getattr(fn, '__name__', fn)}{args!r:.200} did not finish within {timeout:g} s (hang)")
        status, value = parent.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if status == "error":
        raise AssertionError(f"child raised {value}")
    return value
