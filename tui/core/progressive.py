"""Progressive loading: the oldest posts first, the rest in chunks.

A newest-first live blog has its OLDEST post at the END of the file, and
grouping paragraphs into posts is the costly part of a parse. open_blog()
reads the file once and makes every whole-blog decision up front (a quick line
scan: day headers, order, stamped or not, the summary), then groups and times
ONE day section at a time, oldest first. Times are estimated per day, so this
is exact: after the last chunk, `.blog` equals load_blog(path) (posts, lines,
times, warnings), and seq numbers never change while it grows (seq 1 = oldest).

    load = open_blog(path)         # oldest day already parsed
    show(load.blog.posts)          # a list that only grows by appending
    while not load.done:           # e.g. in a worker thread
        load.step()                # one more day section (or max_posts)

The list is appended to in one step per section (list.extend), so a reader in
another thread sees whole sections; `load.blog.days` is final from the start.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from tui.core.model import Blog, Post
from tui.core.load import plan_file
from tui.core.parse import Plan, section_posts


class ProgressiveLoad:
    """A Blog whose posts are added oldest first, a day section per step."""

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._next = 0  # index into plan.chrono_sections
        self._lock = threading.Lock()
        self.blog: Blog = plan.blog([])
        self.total_sections = len(plan.chrono_sections)
        # Paragraph lines in every section: a cheap, exact measure of the work left.
        self._weights = [sum(b.count for b in plan.days[i].blocks) for i in plan.chrono_sections]
        self._total_weight = sum(self._weights) or 1
        self._done_weight = 0

    @property
    def done(self) -> bool:
        return self._next >= self.total_sections

    @property
    def progress(self) -> float:
        """0.0 .. 1.0, by paragraphs grouped so far."""
        return 1.0 if self.done else self._done_weight / self._total_weight

    def step(self, max_posts: int | None = None) -> int:
        """Parse the next day section (keep going until at least max_posts posts
        were added, when given); returns how many posts were added (0 when done).
        Thread-safe: concurrent calls run one after the other."""
        with self._lock:
            added = 0
            posts = self.blog.posts
            while not self.done:
                index = self._plan.chrono_sections[self._next]
                chunk = section_posts(self._plan, index, len(posts) + 1)
                posts.extend(chunk)  # one append step: readers see whole sections
                self._done_weight += self._weights[self._next]
                self._next += 1
                added += len(chunk)
                if max_posts is None or added >= max_posts:
                    break
            if self.done:
                self._plan.release()
                self.blog.warnings.sort(key=lambda w: w.line)
            return added

    def chunks(self, max_posts: int | None = None) -> Iterator[list[Post]]:
        """Drive the rest of the load: yields the posts added by each step."""
        while not self.done:
            before = len(self.blog.posts)
            self.step(max_posts)
            yield self.blog.posts[before:]

    def finish(self) -> Blog:
        """Parse everything left; returns the complete blog."""
        while not self.done:
            self.step(1 << 30)
        return self.blog


def open_blog(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
    first_posts: int = 1,
) -> ProgressiveLoad:
    """Like load_blog, but returns as soon as the oldest day section(s) holding
    at least `first_posts` posts are parsed (same InputErrors as load_blog)."""
    load = ProgressiveLoad(plan_file(path, encoding=encoding, meta_path=meta_path, timezone=timezone))
    if first_posts > 0:
        load.step(first_posts)
    return load
