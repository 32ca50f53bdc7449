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
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Union

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


# Per-entry keys: a mapping seq -> keys, or a function of seq (None: no keys),
# so a streaming export never holds them for every post at once.
EntryExtra = Union[Mapping[int, Mapping[str, Any]], Callable[[int], Union[Mapping[str, Any], None]]]


def _entries(blog: Blog, entry_extra: EntryExtra | None) -> Iterator[dict[str, Any]]:
    get = entry_extra if callable(entry_extra) else (entry_extra or {}).get
    for post in blog.posts:
        item = entry(post)
        more = get(post.seq)
        if more:
            _merge(item, more)
        yield item


def _head(blog: Blog, extra: Mapping[str, Any] | None) -> dict[str, Any]:
    head: dict[str, Any] = {"title": blog.title, "summary": _summary(blog)}
    if extra:
        if "entries" in extra:
            raise ValueError("export key 'entries' is part of the schema and cannot be replaced")
        _merge(head, extra)
    return head


def _indented(value: Any, depth: int) -> str:
    """json.dumps(value, indent=2) as it appears `depth` levels deep in a document."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth) if depth else text


def iter_json(blog: Blog, extra: Mapping[str, Any] | None = None, *,
              entry_extra: EntryExtra | None = None) -> Iterator[str]:
    """The text of to_json(build_export(blog, extra, entry_extra=...)), written a
    post at a time: the whole document is never held (JSON strings never hold a
    raw newline, so re-indenting a value line by line is exact)."""
    head = _head(blog, extra)
    yield "{\n"
    yield f'  "title": {_indented(head.pop("title"), 1)},\n'
    yield f'  "summary": {_indented(head.pop("summary"), 1)},\n'
    first = True
    for item in _entries(blog, entry_extra):
        yield ('  "entries": [\n    ' if first else ",\n    ") + _indented(item, 2)
        first = False
    yield '  "entries": []' if first else "\n  ]"
    for key, value in head.items():
        yield f",\n  {json.dumps(key, ensure_ascii=False)}: {_indented(value, 1)}"
    yield "\n}\n"


def iter_jsonl_stream(blog: Blog, extra: Mapping[str, Any] | None = None, *,
                      entry_extra: EntryExtra | None = None) -> Iterator[str]:
    """iter_jsonl(build_export(...)) a post at a time: the header line, then one line per entry."""
    yield json.dumps(_head(blog, extra), ensure_ascii=False) + "\n"
    for item in _entries(blog, entry_extra):
        yield json.dumps(item, ensure_ascii=False) + "\n"


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
