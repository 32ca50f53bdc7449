"""The bookmark store (tui.core.bookmarks): round trip, atomic write, corrupt and
newer files, the blog key, and bookmarks on a blog whose file changed."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core import bookmarks as bm
from tui.core.bookmarks import BookmarkStore, blog_key, export_bookmarks, fingerprint, open_store
from tui.core.load import load_blog
from tui.core.model import Blog, BlogMeta, Post

TZ = timezone(timedelta(hours=3))
WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def blog_of(*texts: str | tuple[str, ...], pinned: int = 0) -> Blog:
    """Posts oldest first, one per text (a tuple is several paragraphs); post `pinned` (1-based) is pinned."""
    posts = []
    for i, text in enumerate(texts, 1):
        paragraphs = text if isinstance(text, tuple) else (text,)
        t = datetime(2025, 5, 15, 9, tzinfo=TZ) + timedelta(minutes=10 * i)
        posts.append(Post(i, t.date(), t, i % 2 == 0, i, i, paragraphs, pinned=i == pinned))
    return Blog(BlogMeta(title="t"), TZ, None, posts, sorted({p.day for p in posts}), "oldest-first", source="t.txt")


BLOG = blog_of("Alpha opens the talks.", "Bravo: [US] says yes.", "Charlie adjourns.", "Delta resumes.")


def store_in(tmp_path: Path, blog: Blog = BLOG) -> BookmarkStore:
    store = open_store(blog, tmp_path)
    assert store is not None
    return store


# ---------------------------------------------------------------- round trip


def test_round_trip_through_a_new_store(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    assert store.items == [] and not store.path.exists()
    store.put(BLOG.posts[2], "[bold]x[/] — Zürich \u202e", WHEN)
    store.put(BLOG.posts[0], "", WHEN + timedelta(minutes=1))
    again = store_in(tmp_path)
    assert [(b.seq, b.note, b.created) for b in again.items] == [
        (1, "", WHEN + timedelta(minutes=1)), (3, "[bold]x[/] — Zürich \u202e", WHEN)]
    mark = again.get(3)
    assert mark is not None and mark.fingerprint == fingerprint(BLOG.posts[2]) and mark.post_id == "p3"
    assert mark.time == BLOG.posts[2].time and mark.excerpt == "Charlie adjourns."
    doc = json.loads(store.path.read_text(encoding="utf-8"))
    assert doc["format"] == 1 and doc["blog"]["key"] == blog_key(BLOG) and doc["blog"]["source"] == "t.txt"
    assert store.path == tmp_path / "bookmarks" / f"{blog_key(BLOG)}.json"
    assert store.notice == ""


def test_bookmarking_a_post_again_replaces_its_note_and_keeps_when_it_was_set(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[1], "first", WHEN)
    store.put(BLOG.posts[1], "second", WHEN + timedelta(hours=1))
    assert [(b.seq, b.note, b.created) for b in store_in(tmp_path).items] == [(2, "second", WHEN)]


def test_delete_and_undo(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[1], "keep me", WHEN)
    gone = store.delete(2)
    assert gone is not None and store.items == [] and store_in(tmp_path).items == []
    assert store.delete(2) is None
    store.restore(gone)
    assert store_in(tmp_path).items == [gone]


def test_two_replays_of_one_blog_keep_each_others_bookmarks(tmp_path: Path) -> None:
    a, b = store_in(tmp_path), store_in(tmp_path)
    a.items, b.items  # both loaded (empty) before either writes
    a.put(BLOG.posts[0], "from a", WHEN)
    b.put(BLOG.posts[1], "from b", WHEN)
    assert [m.note for m in store_in(tmp_path).items] == ["from a", "from b"]
    a.delete(1)
    assert [m.note for m in store_in(tmp_path).items] == ["from b"]


def test_a_note_with_a_lone_surrogate_is_saved_and_read_back(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[0], "pasted \ud800 half", WHEN)
    assert store.notice == "" and store_in(tmp_path).items[0].note == "pasted \ud800 half"


# ---------------------------------------------------------------- atomic write


def test_a_failed_write_leaves_the_old_file_whole_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[0], "saved before", WHEN)
    before = store.path.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bm.os, "fsync", disk_full)
    store.put(BLOG.posts[1], "not on disk", WHEN)
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == [store.path.name]  # no temporary left
    assert "kept for this session only" in store.notice and "No space left on device" in store.notice
    assert [m.note for m in store.items] == ["saved before", "not on disk"]  # still there for this session
    monkeypatch.undo()
    store.put(BLOG.posts[2], "later", WHEN)  # the next change writes everything this session holds
    assert [m.note for m in store_in(tmp_path).items] == ["saved before", "not on disk", "later"]


def test_write_atomic_replaces_in_one_step(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "sub" / "f.json"
    bm.write_atomic(target, "one")
    seen: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src, dst) -> None:
        seen.append((Path(src).read_text(), Path(dst).read_text()))  # the new text is whole before the swap
        real_replace(src, dst)

    monkeypatch.setattr(bm.os, "replace", spy)
    bm.write_atomic(target, "two")
    assert seen == [("two", "one")] and target.read_text() == "two"


# ---------------------------------------------------------------- unreadable files


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b'{"format": 1, "bookmarks": [', "line 1 column"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b'["a list"]', "no list of bookmarks"),
        (b'{"format": 1, "bookmarks": [{"seq": "x"}]}', "bad seq"),
        (b'{"format": 1, "bookmarks": [{"seq": 2, "fingerprint": "f", "note": "n", "created": "yesterday"}]}', "not an ISO time"),
    ],
    ids=["truncated", "not-utf8", "shape", "bad-seq", "bad-time"],
)
def test_a_corrupt_file_is_set_aside_with_one_line_and_never_lost(tmp_path: Path, raw: bytes, reason: str) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(raw)
    assert store.items == []
    notice = store.take_notice()
    assert "\n" not in notice and "unreadable" in notice and reason in notice and store.take_notice() == ""
    aside = [p for p in store.path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == raw and aside[0].name in notice
    assert not store.path.exists()
    store.put(BLOG.posts[0], "fresh", WHEN)
    assert [m.note for m in store_in(tmp_path).items] == ["fresh"]


def test_a_second_corrupt_file_does_not_overwrite_the_first_set_aside(tmp_path: Path) -> None:
    for raw in (b"{one", b"{two"):
        store = store_in(tmp_path)
        store.path.parent.mkdir(parents=True, exist_ok=True)
        store.path.write_bytes(raw)
        assert store.items == []
    kept = sorted(p.read_bytes() for p in store.path.parent.iterdir() if ".corrupt-" in p.name)
    assert kept == [b"{one", b"{two"]


def test_a_file_corrupted_while_the_replay_runs_keeps_the_sessions_bookmarks(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[0], "one", WHEN)
    store.path.write_bytes(b"{broken")
    store.put(BLOG.posts[1], "two", WHEN)
    assert "unreadable" in store.take_notice()
    assert [m.note for m in store_in(tmp_path).items] == ["one", "two"]
    assert [p.read_bytes() for p in store.path.parent.iterdir() if ".corrupt-" in p.name] == [b"{broken"]


def test_a_file_from_a_newer_version_is_read_but_never_written_over(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    raw = json.dumps({"format": 99, "bookmarks": [
        {"seq": 1, "fingerprint": fingerprint(BLOG.posts[0]), "note": "future", "created": WHEN.isoformat()}]}).encode()
    store.path.write_bytes(raw)
    assert [m.note for m in store.items] == ["future"]
    assert "newer" in store.take_notice()
    store.put(BLOG.posts[1], "this session", WHEN)
    assert store.path.read_bytes() == raw and "this session only" in store.take_notice()
    assert [m.note for m in store.items] == ["future", "this session"]


def test_an_unreadable_file_is_left_alone(tmp_path: Path, monkeypatch) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{}")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert store.items == [] and "Permission denied" in store.take_notice()
    store.put(BLOG.posts[0], "x", WHEN)
    monkeypatch.undo()
    assert store.path.read_text() == "{}" and "this session only" in store.notice


def test_export_reads_only_and_renames_nothing(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"{broken")
    marks, notice = export_bookmarks(BLOG, tmp_path)
    assert marks == [] and "unreadable" in notice and store.path.read_bytes() == b"{broken"


# ---------------------------------------------------------------- which blog


def write_blog(path: Path, posts_newest_first: list[str], *, crlf: bool = False, bom: bool = False) -> Blog:
    text = "16 May 2025\n" + "\n".join(posts_newest_first) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return load_blog(path)


POSTS = ["Norway has said it will attend, NRK has reported.", "Sweden has announced its team.",
         "The talks have been scheduled for Friday, Reuters has reported."]


def test_the_key_survives_a_growing_blog_and_other_bytes_for_the_same_posts(tmp_path: Path) -> None:
    base = write_blog(tmp_path / "a.txt", POSTS)
    assert len(base.posts) == 3
    key = blog_key(base)
    assert key is not None and len(key) == 64
    grown = write_blog(tmp_path / "b.txt", ["Finland has said it will join the talks, YLE has reported.", *POSTS])
    assert len(grown.posts) == 4 and blog_key(grown) == key  # a new post on top of a newest-first page
    assert blog_key(write_blog(tmp_path / "c.txt", POSTS, crlf=True, bom=True)) == key
    other = write_blog(tmp_path / "d.txt", [*POSTS[:-1], "Denmark has said it will attend, DR has reported."])
    assert blog_key(other) != key  # a different oldest post: a different blog


def test_the_key_reads_the_day_and_skips_a_pinned_oldest_post() -> None:
    plain = blog_of("Alpha opens.", "Bravo.")
    assert blog_key(blog_of("What we know so far", "Alpha opens.", "Bravo.", pinned=1)) == blog_key(blog_of("Alpha opens.", "Bravo."))
    moved = Blog(plain.meta, TZ, None, [Post(p.seq, date(2025, 6, 1), p.time, p.time_estimated, 1, 1, p.paragraphs)
                                        for p in plain.posts], [date(2025, 6, 1)], "oldest-first")
    assert blog_key(moved) != blog_key(plain)
    empty = Blog(plain.meta, TZ, None, [], [], "oldest-first")
    assert blog_key(empty) is None and open_store(empty) is None


def test_the_data_directory_comes_from_the_environment_else_platformdirs(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(bm.DATA_DIR_ENV, str(tmp_path / "mine"))
    assert bm.data_dir() == tmp_path / "mine"
    store = open_store(BLOG)
    assert store is not None and store.path.parent == tmp_path / "mine" / "bookmarks"
    monkeypatch.delenv(bm.DATA_DIR_ENV)
    from platformdirs import user_data_dir

    assert bm.data_dir() == Path(user_data_dir("liveblog-tui", appauthor=False))  # computed only: nothing written


# ---------------------------------------------------------------- a changed file


def test_bookmarks_on_a_changed_file_are_never_moved_silently(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    for post in BLOG.posts:
        store.put(post, f"note {post.seq}", WHEN)
    # The file changed: a post inserted before Charlie, Bravo edited, Delta's end cut off.
    changed = blog_of("Alpha opens the talks.", "Bravo: [US] says no.", "An inserted post.", "Charlie adjourns.")
    assert blog_key(changed) == blog_key(BLOG)
    placed = {p.bookmark.seq: p for p in store_in(tmp_path, changed).place(changed.posts)}
    assert (placed[1].status, placed[1].seq) == ("ok", 1)
    assert (placed[2].status, placed[2].seq) == ("changed", 2)  # stays on #2, shown as changed
    assert placed[2].bookmark.excerpt == "Bravo: [US] says yes."  # what it was set on
    assert (placed[3].status, placed[3].seq) == ("moved", 4)  # Charlie is #4 now: the bookmark follows it
    assert (placed[4].status, placed[4].seq) == ("changed", 4)  # #4 is not Delta any more
    cut = blog_of("Alpha opens the talks.", "Bravo: [US] says yes.")
    assert [p.status for p in store_in(tmp_path, cut).place(cut.posts)] == ["ok", "ok", "gone", "gone"]
    # While the blog is still loading, an unmatched bookmark waits instead of being judged.
    loading = {p.bookmark.seq: p.status for p in store_in(tmp_path, changed).place(changed.posts[:2], complete=False)}
    assert loading == {1: "ok", 2: "loading", 3: "loading", 4: "loading"}


def test_export_lists_bookmarks_by_where_they_point_now(tmp_path: Path) -> None:
    store = store_in(tmp_path)
    store.put(BLOG.posts[2], "why Charlie matters", WHEN)
    store.put(BLOG.posts[3], "", WHEN)
    changed = blog_of("Alpha opens the talks.", "Bravo: [US] says yes.", "An inserted post.")
    marks, notice = export_bookmarks(changed, tmp_path)
    assert notice == ""
    assert marks == [
        {"seq": 3, "post_id": "p3", "note": "why Charlie matters", "created": WHEN.isoformat(), "status": "changed",
         "bookmarked_seq": 3, "excerpt": "Charlie adjourns."},
        {"seq": None, "post_id": None, "note": "", "created": WHEN.isoformat(), "status": "gone",
         "bookmarked_seq": 4, "excerpt": "Delta resumes."},
    ]
