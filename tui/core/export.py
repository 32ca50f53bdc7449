"""The parsed blog as JSON / JSON Lines / Markdown.

JSON schema (other tools read it; later issues only ADD keys):
  {"title": str,
   "summary": {"text": str, "source_lines": [a, b]} | null,
   "entries": [{"id", "seq", "day": "YYYY-MM-DD", "time": ISO 8601 with offset,
                "time_estimated", "source_lines": [first, last], "text",
                "headline": str ("" when none), "byline": str ("" when none),
                "updated": ISO 8601 | null ("Updated at …"), "pinned": bool,
                "blog": str (only when several blogs are merged: the post's blog)}]}
`liveblog-tui export` adds the facts (tui/core/export_facts.py) and the user's
bookmarks: "bookmarks": [{"seq": int | null (where its post is in this parse),
"post_id", "note", "created": ISO 8601 UTC, "status": ok | moved | changed | gone,
"bookmarked_seq", "excerpt"}] (tui/core/bookmarks.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from tui.core.model import Blog, Post


def entry(post: Post) -> dict[str, Any]:
    return {
        "id": post.id,
        "seq": post.seq,
        "day": post.day.isoformat(),
        "time": post.time.isoformat(),
        "time_estimated": post.time_estimated,
        "source_lines": [post.first_line, post.last_line],
        "text": post.text,
        "headline": post.headline,
        "byline": post.byline,
        "updated": post.updated.isoformat() if post.updated is not None else None,
        "pinned": post.pinned,
        **({"blog": post.blog_name} if post.blog_name else {}),  # blogs merged on one clock: the post's blog
    }


def _summary(blog: Blog) -> dict[str, Any] | None:
    s = blog.summary
    return None if s is None else {"text": s.text, "source_lines": [s.first_line, s.last_line]}


def build_export(
    blog: Blog,
    extra: Mapping[str, Any] | None = None,
    *,
    entry_extra: Mapping[int, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The export document. `extra` adds top-level keys; `entry_extra` maps a
    post's seq to keys added to its entry. Neither may replace a schema key."""
    doc: dict[str, Any] = {"title": blog.title, "summary": _summary(blog), "entries": []}
    for post in blog.posts:
        item = entry(post)
        if entry_extra and post.seq in entry_extra:
            _merge(item, entry_extra[post.seq])
        doc["entries"].append(item)
    if extra:
        _merge(doc, extra)
    return doc


def _merge(target: dict[str, Any], more: Mapping[str, Any]) -> None:
    for key, value in more.items():
        if key in target:
            raise ValueError(f"export key {key!r} is part of the schema and cannot be replaced")
        target[key] = value


def to_json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def iter_jsonl(doc: Mapping[str, Any]) -> Iterator[str]:
    """First line: every top-level key except entries; then one entry per line."""
    header = {k: v for k, v in doc.items() if k != "entries"}
    yield json.dumps(header, ensure_ascii=False) + "\n"
    for item in doc["entries"]:
        yield json.dumps(item, ensure_ascii=False) + "\n"


STATE_RECORDS = ("delegations", "schedule", "meetings")


def iter_state_jsonl(state: Mapping[str, Any]) -> Iterator[str]:
    """`export --at SEQ --format jsonl`: a header line (everything but the lists), then one
    line per delegation, schedule fact and meeting, each with `"record"` naming which."""
    header = {k: v for k, v in state.items() if k not in STATE_RECORDS}
    yield json.dumps(header, ensure_ascii=False) + "\n"
    for key, record in (("delegations", "delegation"), ("schedule", "schedule"), ("meetings", "meeting")):
        for item in state.get(key, ()):
            yield json.dumps({"record": record, **item}, ensure_ascii=False) + "\n"


def to_jsonl(doc: Mapping[str, Any]) -> str:
    return "".join(iter_jsonl(doc))


def iter_markdown(blog: Blog, *, standalone: bool = True) -> Iterator[str]:
    """A readable timeline, oldest first; "~" marks an estimated time.

    `standalone=False`: only the posts, one heading level down, to follow another
    document that already has the title and the summary (export --format md)."""
    h = "##" if standalone else "###"
    if standalone:
        yield f"# {blog.title or 'Live blog'}\n\n"
    yield f"Times in {blog.meta.timezone}; ~ = estimated (the blog gives no time for that post).\n\n"
    if standalone and blog.summary is not None:
        s = blog.summary
        yield f"## Summary (lines {s.first_line}–{s.last_line}, written after the events)\n\n"
        yield "\n\n".join(s.text.split("\n")) + "\n\n"
    day = None
    for post in blog.posts:
        if post.day != day:
            day = post.day
            yield f"{h} {day:%A, %d %B %Y}\n\n"
        mark = "~" if post.time_estimated else ""
        title = f" · {post.headline}" if post.headline else ""
        pinned = " · pinned at the top of the page" if post.pinned else ""
        where = f"{post.blog_name}, lines" if post.blog_name else "lines"
        yield f"{h}# {mark}{post.time:%H:%M} · {post.id}{title} ({where} {post.first_line}–{post.last_line}){pinned}\n\n"
        if post.byline:
            yield f"*{post.byline}*\n\n"
        yield "\n\n".join(post.paragraphs) + "\n\n"
        if post.updated is not None:
            yield f"(updated {post.updated:%d %b %H:%M})\n\n"


def to_markdown(blog: Blog) -> str:
    return "".join(iter_markdown(blog))
