"""load_blog: a path (or the bundled blog) -> Blog, with its description."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.core.meta import load_meta
from tui.core.model import Blog
from tui.core.parse import Plan, finish_plan, parse_text, plan_text
from tui.core.resources import bundled_blog
from tui.core.source import is_stdin, read_text

__all__ = ["load_blog", "parse_text"]


def plan_file(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
) -> Plan:
    """Read, sanitise and scan a blog file (None = the bundled blog; `-` or
    /dev/stdin = all of standard input) into a Plan.

    The description is `meta_path`, else FILE-stem.toml next to FILE, else
    defaults (UTC, title from the file name, "stdin"); `timezone` overrides its zone.
    Every user-fixable problem raises InputError with a one-line message.
    """
    stdin = is_stdin(path)
    blog_path = Path(path) if path is not None else bundled_blog()
    text, warnings = read_text(str(path) if stdin else blog_path, encoding)
    meta = load_meta(None if stdin else blog_path, meta_path=meta_path, timezone_override=timezone)
    if stdin and not meta.title:
        meta = replace(meta, title="stdin")
    plan = plan_text(text, meta, str(path) if path is not None else blog_path.name, warnings=warnings)
    del text  # the plan holds the paragraphs; the whole text (2 bytes/char) can go before grouping
    return plan


def load_blog(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
) -> Blog:
    """Read and parse a whole blog file (see plan_file). None = the bundled blog."""
    return finish_plan(plan_file(path, encoding=encoding, meta_path=meta_path, timezone=timezone))
