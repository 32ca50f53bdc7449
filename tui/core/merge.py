"""Two (or more) blogs of one event on one clock: `replay A B`.

merge_blogs interleaves the blogs' posts by time into one Blog that the
replay, the timeline and the exports take like any other:

* order: by time (UTC instants); within one blog the blog's own order is kept;
  posts at the same instant keep the order the blogs were given in (A before
  B) — a stable merge, so the result never depends on anything but the input;
* seq is renumbered 1..N over the merged blog (seq 1 = oldest); first_line and
  last_line stay lines of the post's own file;
* every post carries its blog's name (`Post.blog_name`: the description's
  outlet, else its title, else the file name; two equal names get " (2)");
  `Blog.merged_from` maps each name to its file;
* times are shown in the first blog's zone (each post is the same instant;
  its day is the day in that zone);
* estimated times stay estimates (`time_estimated`, `~`): each blog estimates
  its own unstamped posts from its own day headers and stamps, and the merge
  orders those estimates like stamps. Between the blogs the order is then only
  as good as the estimates (two unstamped blogs interleave evenly over each
  day); within each blog it is exact.

Extraction needs nothing special: the timeline reads the merged posts oldest
first, so a status reported by both blogs is one fact with a further source
(StatusFact.confirms), and the state at post k depends on posts 1..k only.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from pathlib import Path

from typing import TYPE_CHECKING

from tui.core.model import Blog, BlogMeta, ParseWarning, Post, Summary

if TYPE_CHECKING:
    from tui.core.knowledge import Knowledge

__all__ = ["blog_name", "merge_blogs", "merge_knowledge"]


def blog_name(blog: Blog) -> str:
    """The short name a merged post is tagged with: outlet, else title, else file name."""
    name = blog.meta.outlet.strip() or blog.meta.title.strip()
    if not name and blog.source:
        name = Path(blog.source).stem
    return " ".join(name.split()) or "blog"


def _names(blogs: Sequence[Blog]) -> list[str]:
    out: list[str] = []
    for blog in blogs:
        base = name = blog_name(blog)
        n = 1
        while name in out:
            n += 1
            name = f"{base} ({n})"
        out.append(name)
    return out


def merge_blogs(blogs: Sequence[Blog]) -> Blog:
    """One blog of `blogs`' posts on one clock (see the module docstring). O(N log B)."""
    if not blogs:
        raise ValueError("merge_blogs needs at least one blog")
    names = _names(blogs)
    tz = blogs[0].tz
    streams = [
        [(p.time.timestamp(), b, i, p) for i, p in enumerate(blog.posts)]
        for b, blog in enumerate(blogs)
    ]
    posts: list[Post] = []
    for seq, (_, b, _, post) in enumerate(heapq.merge(*streams, key=lambda item: item[:3]), 1):
        when = post.time.astimezone(tz)
        posts.append(post.replace(
            seq=seq, time=when, day=when.date(), blog_name=names[b],
            updated=post.updated.astimezone(tz) if post.updated is not None else None,
        ))
    summaries = [(name, blog.summary) for name, blog in zip(names, blogs) if blog.summary is not None]
    summary = None
    if summaries:
        first = summaries[0][1]
        text = "\n".join(f"{name}: {s.text}" if len(blogs) > 1 else s.text for name, s in summaries)
        summary = Summary(text, first.first_line, first.last_line)
    warnings = [ParseWarning(w.line, f"{name}: {w.message}") for name, blog in zip(names, blogs) for w in blog.warnings]
    title = " + ".join(blog.title or name for name, blog in zip(names, blogs))
    first = blogs[0]
    meta = BlogMeta(title=title, outlet="", order="oldest-first", timezone=first.meta.timezone,
                    day_start=first.meta.day_start, day_end=first.meta.day_end, year=first.meta.year)
    year_notes: dict = {}
    for blog in blogs:
        for day, note in blog.year_notes.items():
            year_notes.setdefault(day, note)
    return Blog(
        meta=meta,
        tz=tz,
        summary=summary,
        posts=posts,
        days=sorted({p.day for p in posts}),
        order="oldest-first",
        source=" + ".join(blog.source for blog in blogs),
        warnings=warnings,
        year_notes=year_notes,
        merged_from=dict(zip(names, (blog.source for blog in blogs))),
    )


def merge_knowledge(knowledges: Sequence[Knowledge]) -> Knowledge:
    """The knowledge files of merged blogs as one: every entry of each, the first
    one's entry winning where two name the same delegation, person, place or
    outlet; corrections are kept (they find their post by its text, not its seq)."""
    from tui.core.knowledge import Knowledge

    def unique(items, key):
        seen: dict = {}
        for item in items:
            seen.setdefault(key(item), item)
        return tuple(seen.values())

    if len(knowledges) == 1:
        return knowledges[0]
    every = list(knowledges)
    return Knowledge(
        delegations=unique((d for k in every for d in k.delegations), lambda d: d.id),
        people=unique((p for k in every for p in k.people), lambda p: p.name),
        places=unique((p for k in every for p in k.places), lambda p: p.name),
        outlets=unique((o for k in every for o in k.outlets), lambda o: o.name),
        team_nouns=tuple(dict.fromkeys(n for k in every for n in k.team_nouns)),
        corrections=tuple(c for k in every for c in k.corrections),
        source=" + ".join(k.source for k in every if k.source),
    )
