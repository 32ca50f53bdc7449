"""load_blog: a path (or the bundled blog) -> Blog, with its description."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.core.errors import InputError
from tui.core.meta import load_meta, resolve_timezone
from tui.core.model import Blog, ParseWarning, Post, Summary
from tui.core.page import looks_like_html, page_posts_in_zone, read_page
from tui.core.parse import Plan, finish_plan, parse_text, plan_posts, plan_text
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
    source = str(path) if path is not None else blog_path.name
    meta_at = None if stdin else blog_path
    if looks_like_html(text):
        return _plan_page(text, warnings, source, meta_at, meta_path, timezone, stdin)
    meta = load_meta(meta_at, meta_path=meta_path, timezone_override=timezone)
    if stdin and not meta.title:
        meta = replace(meta, title="stdin")
    plan = plan_text(text, meta, source, warnings=warnings)
    del text  # the plan holds the paragraphs; the whole text (2 bytes/char) can go before grouping
    return plan


def _offset_name(zone) -> str | None:
    if zone is None:
        return None
    minutes = int(zone.utcoffset(None).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _plan_page(text: str, warnings: list[ParseWarning], source: str, meta_at: Path | None,
               meta_path: str | Path | None, timezone: str | None, stdin: bool) -> Plan:
    """A saved HTML page: its JSON-LD or post blocks give the posts; else its visible text is parsed.
    Times show in the page's own zone unless the description or --timezone says otherwise."""
    page = read_page(text, source)
    del text
    meta = load_meta(meta_at, meta_path=meta_path, timezone_override=timezone,
                     default_timezone=_offset_name(page.zone()), default_title=page.title)
    if stdin and not meta.title:
        meta = replace(meta, title="stdin")
    notes = [*warnings, *page.warnings]
    if page.how == "text":
        try:
            plan = plan_text("\n".join(t for _, t in page.lines), meta, source)
        except InputError:
            detail = f"; {page.error}" if page.error else ""
            raise InputError(
                f"{source}: a saved page with no live-blog posts found: no LiveBlogPosting JSON-LD, no post blocks "
                f"with <time datetime>, and no day headers in its text{detail}"
            ) from None
        plan.map_lines([n for n, _ in page.lines])
        plan.notes[:0] = notes
        return plan
    tz = resolve_timezone(meta.timezone)
    posts = [
        Post(0, p.time.date(), p.time, False, p.first_line, p.last_line, p.paragraphs, p.headline, p.byline,
             p.updated, p.pinned)
        for p in page_posts_in_zone(page, tz)
    ]
    summary = Summary(page.description, page.description_line, page.description_line) if page.description else None
    return plan_posts(posts, meta, source, summary=summary, warnings=notes, page_order=page.how == "blocks")


def load_blog(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
) -> Blog:
    """Read and parse a whole blog file (see plan_file). None = the bundled blog."""
    return finish_plan(plan_file(path, encoding=encoding, meta_path=meta_path, timezone=timezone))
