"""ReplaySession and bookmarks, without Pilot: which post `m` marks, and where a
jump to a bookmark lands (ahead of the playhead, moved, changed, gone, not loaded)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.bookmarks import open_store
from tui.core.model import Blog, BlogMeta, Post
from tui.core.session import ReplaySession, Target

TZ = timezone(timedelta(hours=3))


def blog_of(*texts: str) -> Blog:
    posts = []
    for i, text in enumerate(texts, 1):
        t = datetime(2025, 5, 15, 9, tzinfo=TZ) + timedelta(minutes=10 * i)
        posts.append(Post(i, t.date(), t, False, i, i, (text,)))
    return Blog(BlogMeta(title="t"), TZ, None, posts, sorted({p.day for p in posts}), "oldest-first")


TEXTS = ("Alpha.", "Bravo.", "Charlie.", "Delta.", "Echo.")


class Loading:
    """A ProgressiveLoad that is never done (the rest of the blog is still being parsed)."""

    done = False
    progress = 0.5


def test_m_marks_the_selected_post_else_the_playheads(tmp_path: Path) -> None:
    session = ReplaySession(blog_of(*TEXTS), start_at=3, paused=True, bookmarks_dir=tmp_path)
    assert session.bookmark_target(None).seq == 3
    assert session.bookmark_target(2).seq == 2
    assert session.bookmark_target(5).seq == 3  # a selection past the playhead is never marked
    session.jump(Target.post(0), 0.0)  # position 0: nothing revealed
    assert session.clock.position == 0 and session.bookmark_target(None) is None


def test_bookmark_saves_and_says_so(tmp_path: Path) -> None:
    session = ReplaySession(blog_of(*TEXTS), start_at=3, paused=True, bookmarks_dir=tmp_path)
    post = session.bookmark_target(None)
    assert session.bookmark(post, "first") == "bookmarked #3"
    assert session.bookmark(post, "second") == "note saved on #3"
    store = open_store(session.blog, tmp_path)
    assert [(b.seq, b.note) for b in store.items] == [(3, "second")]


def test_a_jump_to_a_bookmark_is_an_explicit_seek_even_ahead_of_the_playhead(tmp_path: Path) -> None:
    blog = blog_of(*TEXTS)
    open_store(blog, tmp_path).put(blog.posts[4], "echo")
    session = ReplaySession(blog, start_at=1, paused=True, bookmarks_dir=tmp_path)
    [placed] = session.placed_bookmarks()
    assert (placed.status, placed.seq) == ("ok", 5)
    assert session.jump_to_bookmark(placed, 0.0) == "bookmark #5 · echo"
    assert session.clock.position == 5


def test_jumps_on_a_changed_file_say_what_happened(tmp_path: Path) -> None:
    old = blog_of(*TEXTS)
    store = open_store(old, tmp_path)
    for post in old.posts[1:]:
        store.put(post, "")
    new = blog_of("Alpha.", "Bravo, edited.", "Inserted.", "Charlie.")  # Delta and Echo are gone
    session = ReplaySession(new, start_at=1, paused=True, bookmarks_dir=tmp_path)
    placed = {p.bookmark.seq: p for p in session.placed_bookmarks()}
    assert session.jump_to_bookmark(placed[3], 0.0) == "bookmark set on #3: its post is #4 now"
    assert session.clock.position == 4
    assert session.jump_to_bookmark(placed[2], 0.0) == "bookmark #2: this post has changed since it was bookmarked"
    assert session.clock.position == 2
    assert session.jump_to_bookmark(placed[5], 0.0) == "bookmark #5: that post is not in this version of the blog"
    assert session.clock.position == 2  # nothing moved


def test_a_bookmark_beyond_the_posts_parsed_so_far_waits_for_its_post(tmp_path: Path) -> None:
    whole = blog_of(*TEXTS)
    open_store(whole, tmp_path).put(whole.posts[4], "echo")
    part = blog_of(*TEXTS[:2])
    session = ReplaySession(part, load=Loading(), start_at=1, paused=True, bookmarks_dir=tmp_path)
    [placed] = session.placed_bookmarks()
    assert placed.status == "loading"
    assert session.jump_to_bookmark(placed, 0.0) == "→ #5 when loaded"
    assert session.pending is not None and session.clock.position == 1
