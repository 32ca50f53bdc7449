"""No spoilers with discovered knowledge: what is shown at post k comes from posts 1..k only.

Each test blog is cut after post k and extracted again; the state at k (statuses, schedule,
meetings, names) and the knowledge at k (people, sides, roles, parties) must be the same as
on the whole blog — a side learnt in post 60 never changes a pane at post 10.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.export_facts import state_export
from tui.core.knowledge import Knowledge
from tui.core.load import load_blog
from tui.core.timeline import Timeline

BLOGS = Path(__file__).resolve().parents[1] / "blogs"
SOURCES = sorted(p for p in BLOGS.glob("*/blog.*") if p.suffix in (".txt", ".html"))


def _load(path: Path):
    try:
        return load_blog(path)
    except InputError as err:  # a page form this parser does not read yet
        pytest.skip(f"{path.parent.name}: {err}")


@pytest.mark.parametrize("path", SOURCES + [None], ids=[p.parent.name for p in SOURCES] + ["bundled"])
def test_the_state_at_k_is_the_same_when_the_blog_stops_at_k(path: Path | None) -> None:
    blog = _load(path) if path is not None else load_blog()
    n = len(blog.posts)
    full = Timeline.build(blog, Knowledge())
    for k in sorted({1, n // 4, n // 2, (3 * n) // 4, n - 1}):
        if k < 1:
            continue
        cut = dataclasses.replace(blog, posts=blog.posts[:k], days=sorted({p.day for p in blog.posts[:k]}))
        part = Timeline.build(cut, Knowledge())
        mine, theirs = state_export(full.state_at(k)), state_export(part.state_at(k))
        mine.pop("summary_revealed"), theirs.pop("summary_revealed")  # the cut blog ends at k: its summary shows
        assert mine == theirs, f"post {k}: the state depends on later posts"
        assert full.knowledge_at(k) == part.knowledge_at(k), f"post {k}: knowledge depends on later posts"
        assert full.entities(k) == part.entities(k)
