"""load_blog: a path (or the bundled blog) -> Blog, with its description."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.core.errors import InputError
from tui.core.meta import load_meta, resolve_timezone
from tui.core.model import Blog, ParseWarning, Post, Summary
from tui.core.page import looks_like_html, page_posts_in_zone, read_page
from tui.core.parse import Plan, finish_plan, parse_text, plan_posts, plan_source, plan_text
from tui.core.resources import bundled_blog
from tui.core.source import TextSource, is_stdin, open_source, read_text

__all__ = ["load_blog", "parse_text"]


def plan_file(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
) -> Plan:
    """Read, check and scan a whole blog file (None = the bundled blog; `-` or
    /dev/stdin = all of standard input) into a Plan.

    The description is `meta_path`, else FILE-stem.toml next to FILE, else
    defaults (UTC, title from the file name, "stdin"); `timezone` overrides its zone.
    Every user-fixable problem raises InputError with a one-line message
    (bytes that are not UTF-8 anywhere in the file included).
    """
    src, meta_at, stdin = open_file(path, encoding)
    if looks_like_html(head_text(src)):
        return plan_page_source(src, path, encoding, meta_at, meta_path, timezone, stdin)
    meta = file_meta(meta_at, meta_path, timezone, stdin)
    return plan_source(src, meta, src.name)


def open_file(path: str | Path | None, encoding: str = "utf-8") -> tuple[TextSource, Path | None, bool]:
    """(the blog's text source, where its description may be, is it stdin)."""
    stdin = is_stdin(path)
    blog_path = Path(path) if path is not None else bundled_blog()
    source = str(path) if path is not None else blog_path.name
    src = open_source(str(path) if stdin else blog_path, encoding, name=source)
    return src, None if stdin else blog_path, stdin


def head_text(src: TextSource) -> str:
    """The first few KB of text (enough to tell a saved page from a text blog)."""
    return src.text(src.start, min(src.size, src.start + 4096))


def file_meta(meta_at: Path | None, meta_path: str | Path | None, timezone: str | None, stdin: bool):
    meta = load_meta(meta_at, meta_path=meta_path, timezone_override=timezone)
    if stdin and not meta.title:
        meta = replace(meta, title="stdin")
    return meta


def plan_page_source(src: TextSource, path, encoding: str, meta_at: Path | None, meta_path, timezone, stdin: bool) -> Plan:
    """A saved page: decoded whole (lxml reads all of it anyway)."""
    if src.lazy:
        src.close()
        text, warnings = read_text(path if path is not None else bundled_blog(), encoding)
    else:
        text, warnings = src.text(src.start, src.size), src.warnings
    return _plan_page(text, warnings, src.name, meta_at, meta_path, timezone, stdin)


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
