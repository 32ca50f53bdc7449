"""The feed's batched height estimates (a new filter over 100k posts is a few
list maps) agree with the per-item definition on random filters and ranges.
LineIndex itself is checked against brute force in test_feed.py."""

from __future__ import annotations

import random

import liveblog_app_fixtures as fx

from tui.app.widgets.feed import FeedView


def test_batched_estimates_equal_the_per_item_estimate_with_day_separators() -> None:
    """Filtered or not, from any start: own lines + 1 where the day changes."""
    blog = fx.big_blog(1500, words=30)  # one post a minute: a day change every 1440 posts
    rng = random.Random(7)
    for _ in range(120):
        feed = FeedView(blog.posts)
        feed._index_width = rng.choice([20, 50, 80])  # noqa: SLF001
        base = None if rng.random() < 0.3 else sorted(rng.sample(range(1, 1501), rng.randint(1, 200)))
        feed._base = base  # noqa: SLF001
        n = 1500 if base is None else len(base)
        start = rng.randint(0, n - 1)
        stop = rng.randint(start + 1, n)

        def one(item: int, feed: FeedView = feed) -> int:
            post = blog.posts[feed.seq_at(item) - 1]
            previous = blog.posts[feed.seq_at(item - 1) - 1] if item else None
            lines = 3 if previous is None or previous.day != post.day else 2
            return lines + sum(1 + len(p) * 11 // (10 * feed._index_width) for p in post.paragraphs)  # noqa: SLF001

        assert feed._estimates(start, stop) == [one(i) for i in range(start, stop)]  # noqa: SLF001
