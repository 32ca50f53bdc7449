"""From `liveblog-tui replay` arguments to a ready ReplayApp.

Everything that can fail because of the user's input (file, encoding, meta,
knowledge, --speed, --start-at) is checked here, before the app takes over the
terminal, and raised as a one-line InputError. The blog is opened with
tui.core.progressive.open_blog: the whole file is read, decoded and scanned
(so every input error is found here), but only the OLDEST day is grouped into
posts; the app shows it at once and a worker parses the rest and extracts the
facts (see ReplayApp). Small files (and --start-at, which needs every post's
time) are loaded completely here: that costs milliseconds for them.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

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


# Below this size the whole blog is grouped before the app starts (a few ms):
# progressive loading pays off only for big files.
PROGRESSIVE_FROM = 1_000_000  # bytes


def _file_size(path: str | None) -> int:
    if path is None:
        return 0  # the bundled blog is small
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # open_blog has already said why it cannot be read


def prepare_replay(args: argparse.Namespace):
    from tui.core.knowledge import load_knowledge  # small: the TOML must be checked before the app starts
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
    knowledge = load_knowledge(getattr(args, "knowledge", None), blog_path=args.file)
    speed = _positive("speed", getattr(args, "speed", None))
    pace = _positive("pace", getattr(args, "pace", None))
    start_at = getattr(args, "start_at", None)
    if start_at is not None or _file_size(args.file) < PROGRESSIVE_FROM:
        load.finish()  # --start-at names a time or post anywhere in the blog
    position = start_position(blog, start_at)

    from tui.app.app import ReplayApp

    return ReplayApp(
        blog,
        load=None if load.done else load,
        knowledge=knowledge,
        speed=speed,
        pace=pace,
        start_at=position,
        paused=bool(getattr(args, "paused", False)),
    )
