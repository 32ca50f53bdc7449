"""`liveblog-tui check`, `export` and `knowledge`: plain text to stdout.

Kept out of tui/cli.py so the CLI entry stays small; neither imports textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date

from tui.core.export import iter_json, iter_jsonl_stream, iter_markdown, iter_state_jsonl
from tui.core.load import load_blog
from tui.core.model import Blog, Post


def _load(args: argparse.Namespace) -> Blog:
    """The blog the arguments name; two or more files are merged on one clock (tui.core.merge)."""
    from tui.cli import check_files

    check_files(args)
    if len(args.files) > 1:
        from tui.core.merge import merge_blogs

        return merge_blogs([load_blog(f, encoding=args.encoding, timezone=getattr(args, "timezone", None))
                            for f in args.files])
    return load_blog(
        args.file,
        encoding=args.encoding,
        meta_path=getattr(args, "meta", None),
        timezone=getattr(args, "timezone", None),
    )


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """'1 post', '2 posts', '0 posts'."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def knowledge_for(args: argparse.Namespace):
    """The knowledge file the options name (or the blog's own), or none with --no-knowledge."""
    from tui.core.errors import InputError
    from tui.core.knowledge import Knowledge, load_knowledge

    if getattr(args, "no_knowledge", False):
        if getattr(args, "knowledge", None):
            raise InputError("--knowledge and --no-knowledge cannot be used together")
        return Knowledge()
    files = getattr(args, "files", None) or []
    if len(files) > 1 and not getattr(args, "knowledge", None):
        from tui.core.merge import merge_knowledge

        return merge_knowledge([load_knowledge(blog_path=f) for f in files])
    return load_knowledge(getattr(args, "knowledge", None), blog_path=args.file)


def name_finder_for(args: argparse.Namespace):
    """None for the built-in rules; a spaCy-backed finder for --ner spacy (InputError when not installed)."""
    from tui.core.discover.ner import name_finder

    return name_finder(getattr(args, "ner", "rules") or "rules")


def _timeline(args: argparse.Namespace, blog: Blog):
    from tui.core.timeline import Timeline

    return Timeline.build(blog, knowledge_for(args), ner=name_finder_for(args))


def _clock(post: Post) -> str:
    return ("~" if post.time_estimated else "") + f"{post.time:%H:%M}"


def discovery_lines(timeline) -> list[str]:
    """What the posts taught: counts of people, parties, places and outlets, and which parties negotiate."""
    k = timeline.knowledge_at(timeline.n)
    negotiating = [d.name for d in k.delegations if d.negotiating]
    hosts = [d.name for d in k.delegations if d.host]
    source = timeline.knowledge.source
    out = [
        f"knowledge: {'discovered from the posts' + (f' + overrides from {source}' if source else '')}",
        f"  people:  {len(k.people)}",
        f"  parties: {len(k.delegations)}" + (f" ({len(negotiating)} negotiating: {', '.join(negotiating)})" if negotiating else ""),
    ]
    if hosts:
        out.append(f"  hosts:   {', '.join(hosts)}")
    out.append(f"  places:  {len(k.places)}")
    out.append(f"  outlets: {len(k.outlets)}")
    return out


def check_lines(blog: Blog) -> list[str]:
    """What the parser made of the blog, for a human to verify."""
    return list(iter_check_lines(blog))


def iter_check_lines(blog: Blog) -> Iterator[str]:
    """check_lines a line at a time, in one pass over the posts (nothing per post is kept)."""
    posts = blog.posts
    yield f"blog:     {blog.title}"
    yield f"source:   {blog.source}"
    for name, source in blog.merged_from.items():
        yield f"  {name}: {plural(sum(1 for p in posts if p.blog_name == name), 'post')} from {source} (tagged {name!r})"
    yield f"order:    {blog.order} (description says {blog.meta.order})"
    yield f"timezone: {blog.meta.timezone}"
    if blog.summary is not None:
        s = blog.summary
        n = len(s.text.split("\n"))
        yield f"summary:  lines {s.first_line}-{s.last_line} ({plural(n, 'paragraph')}, kept apart from the posts)"
    else:
        yield "summary:  none (no lede above the first day header)"
    per_day: dict[date, list] = {}  # day -> [posts, first post, last post, first line, last line]
    explicit = paragraphs = headlines = bylines = updated = 0
    pinned: list[Post] = []
    for p in posts:
        first, last = p.first_line, p.last_line
        row = per_day.get(p.day)
        if row is None:
            per_day[p.day] = [1, p, p, first, last]
        else:
            row[0] += 1
            row[2] = p
            row[3] = min(row[3], first)
            row[4] = max(row[4], last)
        explicit += not p.time_estimated
        paragraphs += len(p.paragraphs)
        headlines += bool(p.headline)
        bylines += bool(p.byline)
        updated += p.updated is not None
        if p.pinned:
            pinned.append(p)
    yield f"days:     {len(per_day)}"
    for day in sorted(per_day):
        count, first, last, lo, hi = per_day[day]
        year = f"  (year {blog.year_notes[day]})" if day in blog.year_notes else ""
        yield f"  {day:%a %d %b %Y}  {plural(count, 'post'):>11}  {_clock(first)}-{_clock(last)}  lines {lo}-{hi}{year}"
    yield f"posts:    {len(posts)} ({plural(paragraphs, 'paragraph')}; seq 1 = oldest)"
    if headlines:
        edits = plural(updated, "'updated' time")
        yield f"titles:   {plural(headlines, 'headline')}, {plural(bylines, 'byline')}, {edits}"
    yield f"times:    {explicit} explicit (stamped by the blog), {len(posts) - explicit} estimated (~)"
    if pinned:
        yield f"pinned:   {len(pinned)} (kept at the top of the page; placed here by their time, or by a later update: that day in a text blog, any day in a saved page)"
        for p in pinned:
            yield f"  {p.id} {_clock(p)} line {p.first_line}" + (f"  {p.headline}" if p.headline else "")
    if blog.warnings:
        yield f"warnings: {len(blog.warnings)}"
        for w in blog.warnings:
            yield f"  line {w.line}: {w.message}"
    else:
        yield "warnings: none"


def _write(chunks: Iterable[str]) -> int:
    """Write to stdout; a closed pipe (`| head`) ends quietly."""
    try:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when flushing at exit; point stdout at devnull.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Strict: the whole file is read and checked (bytes that are not UTF-8 are an error here)."""
    from itertools import chain

    blog = _load(args)
    timeline = _timeline(args, blog)
    return _write(line + "\n" for line in chain(iter_check_lines(blog), discovery_lines(timeline)))


def run_knowledge(args: argparse.Namespace) -> int:
    from tui.core.knowledge_draft import draft_toml

    blog = _load(args)
    timeline = _timeline(args, blog)
    return _write([draft_toml(timeline.knowledge_at(timeline.n), blog)])


def run_export(args: argparse.Namespace) -> int:
    """Streamed: the document is written a post at a time, never built whole."""
    import json
    from itertools import chain

    from tui.core.errors import InputError
    from tui.core.export_facts import facts_export_streaming, iter_facts_markdown, iter_state_markdown, state_export

    blog = _load(args)
    timeline = _timeline(args, blog)
    at = getattr(args, "at", None)
    if at is not None:
        if not 0 <= at <= len(blog.posts):
            raise InputError(f"--at {at}: the blog has posts 0..{len(blog.posts)}")
        state = timeline.state_at(at)
        if args.format == "md":
            return _write(iter_state_markdown(blog, timeline, state))
        if args.format == "jsonl":
            return _write(iter_state_jsonl(state_export(state)))
        return _write([json.dumps(state_export(state), ensure_ascii=False, indent=2) + "\n"])
    marks = _bookmarks(blog)
    if args.format == "md":
        # One document: the analyst's timeline (title, facts, the summary at the
        # end), the user's bookmarks, then the posts under their own heading — no
        # second title or summary.
        return _write(chain(iter_facts_markdown(blog, timeline), iter_bookmarks_markdown(marks),
                            ["\n## Posts\n\n"], iter_markdown(blog, standalone=False)))
    extra, entry_facts = facts_export_streaming(timeline)
    extra = {**extra, "bookmarks": marks}
    if args.format == "jsonl":
        return _write(iter_jsonl_stream(blog, extra, entry_extra=entry_facts))
    return _write(iter_json(blog, extra, entry_extra=entry_facts))


def _bookmarks(blog: Blog) -> list[dict]:
    """The user's bookmarks on this blog (tui/core/bookmarks.py); a store that cannot be
    read is one warning line on stderr, and the export goes on without them."""
    from tui.core.bookmarks import export_bookmarks

    marks, notice = export_bookmarks(blog)
    if notice:
        print(f"liveblog-tui: warning: {notice}", file=sys.stderr)
    return marks


_MARK_STATUS = {"moved": "moved: the file changed, bookmarked as #{b}", "changed": "its text changed since it was bookmarked",
                "gone": "not in this version of the blog (bookmarked as #{b})"}


def iter_bookmarks_markdown(marks: list[dict]) -> Iterable[str]:
    """`## Bookmarks`: one line per bookmark, oldest post first (nothing when there are none)."""
    if not marks:
        return
    yield "\n## Bookmarks\n\n"
    for m in marks:
        where = f"**#{m['seq']}**" if m["seq"] is not None else f"**(#{m['bookmarked_seq']})**"
        note = m["note"] or "(no note)"
        status = _MARK_STATUS.get(m["status"], "").format(b=m["bookmarked_seq"])
        yield f"- {where} {note} — {m['excerpt']}" + (f" *({status})*" if status else "") + "\n"
