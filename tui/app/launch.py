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


def prepare_replay(args: argparse.Namespace):
    """A ready ReplayApp, or an InputError (one line) before the terminal is taken."""
    from tui.core.progressive import open_blog

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
    else:
        knowledge_loader = None
        from tui.core.knowledge import load_knowledge

        knowledge = load_knowledge(knowledge_file, blog_path=args.file)  # a user's TOML: checked now
    speed = _positive("speed", getattr(args, "speed", None))
    pace = _positive("pace", getattr(args, "pace", None))
    start_at = getattr(args, "start_at", None)
    if start_at is not None:
        load.finish()  # --start-at names a time or post anywhere in the blog
    position = start_position(blog, start_at)

    from tui.app.app import ReplayApp

    return ReplayApp(
        blog,
        load=None if load.done else load,
        knowledge=knowledge,
        knowledge_loader=knowledge_loader,
        ner_loader=ner_loader,
        speed=speed,
        pace=pace,
        start_at=position,
        paused=bool(getattr(args, "paused", False)),
    )
