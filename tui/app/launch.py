"""From `liveblog-tui replay` arguments to a ready ReplayApp.

Everything that can fail because of the user's input (file, encoding, meta,
knowledge, --speed, --start-at) is checked here, before the app takes over the
terminal, and raised as a one-line InputError. The blog is opened with
tui.core.progressive.open_blog: a small file is read, decoded and scanned
whole (so every input error is found here); a big one is checked from its two
ends and only its oldest day is read (bad bytes further in become warnings,
see tui.core.progressive). Only the OLDEST day is grouped into posts; the app
shows it at once and a worker parses the rest and extracts the facts (see
ReplayApp). Every blog opens this way, the bundled one too (its
other two days are parsed a few ms after the first frame); only --start-at,
which needs every post's time, loads the whole blog here.

Start-up cost (the first post should appear within 1.3x of a bare Textual
app): nothing is imported or parsed here that the first frame does not need.
The bundled knowledge file (shipped and tested with the package) is loaded by
the app's worker; a user's knowledge file (--knowledge, or FILE-stem.knowledge.toml)
is checked here, so its errors still come before the app takes the terminal.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

from tui.core.errors import InputError
from tui.core.model import Blog


def _positive(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or value <= 0:
        raise InputError(f"--{name} must be a positive number, not {value:g}")
    return value


def _idle_cap(value: float | None) -> float | None:
    """--idle-cap: default 2 s; 0 turns the cap off (None)."""
    from tui.core.clock import DEFAULT_IDLE_CAP

    if value is None:
        return DEFAULT_IDLE_CAP
    if not math.isfinite(value) or value < 0:
        raise InputError(f"--idle-cap must be 0 (no cap) or a positive number of seconds, not {value:g}")
    return value or None


def start_position(blog: Blog, text: str | None) -> int | None:
    """--start-at: what the go-to prompt accepts (post number, time, day); None when not given."""
    if text is None:
        return None
    from tui.core.clock import PlaybackClock
    from tui.core.goto import GotoError, parse_goto

    clock = PlaybackClock([p.time for p in blog.posts], days=[p.day for p in blog.posts])
    try:
        return parse_goto(text, clock).seq
    except GotoError as error:
        raise InputError(f"--start-at {text!r}: {error}") from None


def parse_when(blog: Blog, text: str):
    """The moment a go-to text names (core goto parser), or None when it names none.

    Kept for tui.app.screens.goto.blog_resolver; a bare time is on the first day.
    """
    from tui.core.clock import PlaybackClock
    from tui.core.goto import GotoError, parse_goto

    if not blog.posts:
        return None
    clock = PlaybackClock([p.time for p in blog.posts], days=[p.day for p in blog.posts])
    try:
        return parse_goto(text, clock).when
    except GotoError:
        return None


def keys_from_terminal() -> None:
    """Make the app read keys from the terminal when standard input is not one.

    `replay - < blog.txt`, `cat blog.txt | replay -`, `replay /dev/stdin` (and
    any redirected stdin): the blog has been read whole by now, so file
    descriptor 0 is pointed at the controlling terminal (/dev/tty), which is
    where Textual reads keys. Without a terminal this is an InputError (one
    line, exit 2) — never an app that silently ignores every key."""
    try:
        if os.isatty(0):
            return
    except OSError:
        pass
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        raise InputError(
            "replay needs a terminal for its keys: standard input is not one and there is no /dev/tty "
            "(use `liveblog-tui check` or `export` without a terminal)"
        ) from None
    try:
        os.dup2(tty, 0)
    finally:
        os.close(tty)
    if sys.__stdin__ is None or sys.__stdin__.closed:  # stdin was closed (`<&-`): give Python one on the tty
        sys.stdin = sys.__stdin__ = open(0, closefd=False)  # noqa: SIM115


def _bundled_knowledge():
    from tui.core.knowledge import load_knowledge

    return load_knowledge(None, blog_path=None)


def _follow_source(args: argparse.Namespace, files: list[str]):
    """What `F` / --follow reads again: the file(s) (the bundled blog's own file when none is
    given); None for standard input, which cannot be read twice (--follow then: InputError)."""
    from tui.core.follow import file_source
    from tui.core.resources import bundled_blog
    from tui.core.source import is_stdin

    if any(is_stdin(f) for f in files):
        if getattr(args, "follow", False):
            raise InputError("--follow needs a file: standard input cannot be read again")
        return None
    return file_source(files or [bundled_blog()], encoding=getattr(args, "encoding", "utf-8"),
                       meta_path=getattr(args, "meta", None), timezone=getattr(args, "timezone", None))


def _merged_knowledge(args: argparse.Namespace, files: list[str]):
    """Knowledge for blogs merged on one clock: --knowledge if given, else each blog's own file, merged."""
    from tui.core.knowledge import load_knowledge
    from tui.core.merge import merge_knowledge

    knowledge_file = getattr(args, "knowledge", None)
    if knowledge_file is not None:
        return load_knowledge(knowledge_file)
    return merge_knowledge([load_knowledge(blog_path=f) for f in files])


def prepare_replay(args: argparse.Namespace):
    """A ready ReplayApp, or an InputError (one line) before the terminal is taken."""
    from tui.cli import check_files
    from tui.core.progressive import open_blog

    check_files(args)
    files = args.files
    follow = _follow_source(args, files)
    stamp = follow.stamp() if follow is not None else None  # before reading: a write during loading is seen
    if len(files) > 1:
        from tui.core.load import load_blog
        from tui.core.merge import merge_blogs

        blog = merge_blogs([load_blog(f, encoding=getattr(args, "encoding", "utf-8"),
                                      timezone=getattr(args, "timezone", None)) for f in files])
        load = None
    else:
        load = open_blog(
            args.file,
            encoding=getattr(args, "encoding", "utf-8"),
            meta_path=getattr(args, "meta", None),
            timezone=getattr(args, "timezone", None),
            first_posts=1,
        )
        blog = load.blog
    if not blog.posts:
        raise InputError(f"{blog.source or args.file or 'blog'}: no posts to replay")
    knowledge_file = getattr(args, "knowledge", None)
    ner_loader = None
    if getattr(args, "ner", "rules") == "spacy":
        from tui.core.discover.ner import check_available, name_finder

        check_available("spacy")  # not installed: one line now, before the terminal is taken
        ner_loader = lambda: name_finder("spacy")  # noqa: E731 — the model loads in the worker, after the first frame
    if getattr(args, "no_knowledge", False):
        if knowledge_file:
            raise InputError("--knowledge and --no-knowledge cannot be used together")
        from tui.core.knowledge import Knowledge

        knowledge, knowledge_loader = Knowledge(), None
    elif knowledge_file is None and args.file is None:
        # The bundled blog's knowledge ships with (and is tested with) the package:
        # the app's worker loads it after the first frame.
        knowledge = None
        knowledge_loader = _bundled_knowledge
    elif len(files) > 1:
        knowledge, knowledge_loader = _merged_knowledge(args, files), None
    else:
        knowledge_loader = None
        from tui.core.knowledge import load_knowledge

        knowledge = load_knowledge(knowledge_file, blog_path=args.file)  # a user's TOML: checked now
    speed = _positive("speed", getattr(args, "speed", None))
    pace = _positive("pace", getattr(args, "pace", None))
    idle_cap = _idle_cap(getattr(args, "idle_cap", None))
    start_at = getattr(args, "start_at", None)
    if start_at is not None and load is not None:
        load.finish()  # --start-at names a time or post anywhere in the blog
    position = start_position(blog, start_at)
    following = bool(getattr(args, "follow", False))
    if following and start_at is None:
        from tui.core.session import Target

        position = Target.end()  # like tail -f: open at the live edge (the newest post); r replays from the start

    from tui.app.app import ReplayApp

    return ReplayApp(
        blog,
        load=None if load is None or load.done else load,
        knowledge=knowledge,
        knowledge_loader=knowledge_loader,
        ner_loader=ner_loader,
        speed=speed,
        pace=pace,
        idle_cap=idle_cap,
        start_at=position,
        paused=bool(getattr(args, "paused", False)),
        follow=follow,
        following=following,
        follow_stamp=stamp,
    )
