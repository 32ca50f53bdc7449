"""Build small Blog objects directly from the shared model, for extraction tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from tui.core.knowledge import load_knowledge
from tui.core.model import Blog, BlogMeta, Post

TZ = timezone(timedelta(hours=3))
KNOWLEDGE = load_knowledge()  # the bundled knowledge: general facts about who is who


def make_blog(posts: list[str | list[str]], day: date = date(2025, 5, 15), start_hour: int = 9,
              minutes_apart: int = 30) -> Blog:
    """Posts oldest first; each post is a string or a list of paragraphs."""
    out = []
    t0 = datetime(day.year, day.month, day.day, start_hour, tzinfo=TZ)
    for i, p in enumerate(posts, 1):
        paras = (p,) if isinstance(p, str) else tuple(p)
        t = t0 + timedelta(minutes=minutes_apart * (i - 1))
        out.append(Post(i, t.date(), t, True, i, i, paras))
    return Blog(BlogMeta(title="test", timezone="Europe/Istanbul"), TZ, None, out, sorted({p.day for p in out}),
                "oldest-first")


def replicate(blog: Blog, n: int, days_per_copy: int = 3) -> Blog:
    """A blog of n posts: copies of blog's posts with days shifted (for timing)."""
    posts: list[Post] = []
    copy = 0
    while len(posts) < n:
        shift = timedelta(days=days_per_copy * copy)
        for p in blog.posts:
            if len(posts) >= n:
                break
            seq = len(posts) + 1
            posts.append(Post(seq, p.day + shift, p.time + shift, p.time_estimated, p.first_line, p.last_line,
                              p.paragraphs))
        copy += 1
    return Blog(blog.meta, blog.tz, blog.summary, posts, sorted({p.day for p in posts}), blog.order, blog.source)
