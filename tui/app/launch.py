"""From `liveblog-tui replay` arguments to a ready ReplayApp.

Everything that can fail because of the user's input (file, encoding, meta,
knowledge, --speed, --start-at) is checked here, before the app takes over the
terminal, and raised as a one-line InputError. Extraction (Timeline.build) runs
later in the app's worker so the first post is on screen at once.
"""

from __future__ import annotations

import argparse
import inspect
import math
from tui.core.errors import InputError
from tui.core.model import Blog


def _call_with_supported(func, *args, **kwargs):
    """Pass only the keyword options the callee accepts (options are added over time)."""
    params = inspect.signature(func).parameters
    if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        kwargs = {k: v for k, v in kwargs.items() if k in params}
    return func(*args, **kwargs)


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


def prepare_replay(args: argparse.Namespace):
    from tui.core.knowledge import load_knowledge  # small: the TOML must be checked before the app starts
    from tui.core.load import load_blog

    blog = _call_with_supported(
        load_blog,
        args.file,
        encoding=getattr(args, "encoding", "utf-8"),
        meta_path=getattr(args, "meta", None),
        timezone=getattr(args, "timezone", None),
    )
    if not blog.posts:
        raise InputError(f"{blog.source or args.file or 'blog'}: no posts to replay")
    knowledge = load_knowledge(getattr(args, "knowledge", None), blog_path=args.file)
    speed = _positive("speed", getattr(args, "speed", None))
    pace = _positive("pace", getattr(args, "pace", None))
    position = start_position(blog, getattr(args, "start_at", None))

    from tui.app.app import ReplayApp

    return ReplayApp(
        blog,
        knowledge=knowledge,
        speed=speed,
        pace=pace,
        start_at=position,
        paused=bool(getattr(args, "paused", False)),
    )
