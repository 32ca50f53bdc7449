"""Following a blog file as it is written (tui.core.follow): what changed between two reads.

Every case writes real files and reads them with the real parser: an oldest-first
wire written at the bottom, the bundled newest-first blog written at the top (its
times are all estimates, which move as posts arrive), a saved page saved again,
a file cut short, rewritten, and turned into garbage.
"""

from __future__ import annotations

import dataclasses
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from tui.core.export_facts import state_export
from tui.core.follow import compare, file_source, post_key, read_change, relocate
from tui.core.knowledge import Knowledge
from tui.core.load import load_blog
from tui.core.query import parse_query
from tui.core.resources import bundled_blog
from tui.core.session import ReplaySession
from tui.core.timeline import Timeline

BLOGS = Path(__file__).resolve().parents[1] / "blogs"
WIRE = BLOGS / "agency_oldest_first"


@pytest.fixture
def wire(tmp_path: Path):
    """A copy of the oldest-first wire and a function writing its first `n` lines."""
    lines = (WIRE / "blog.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    shutil.copy(WIRE / "blog.toml", tmp_path / "blog.toml")
    path = tmp_path / "blog.txt"

    def write(n: int | None = None, *, edit: tuple[str, str] | None = None) -> Path:
        text = "".join(lines[:n])
        if edit is not None:
            assert edit[0] in text
            text = text.replace(edit[0], edit[1], 1)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def bundled_until(k: int) -> str:
    """The bundled blog as it stood when its k oldest posts were written: a newest-first
    file, new posts on top of their day, no summary yet (it is written after the events)."""
    full = load_blog()
    owner = {line: p.seq for p in full.posts for line in range(p.first_line, p.last_line + 1)}
    lines = bundled_blog().read_text(encoding="utf-8").split("\n")
    summary = range(full.summary.first_line, full.summary.last_line + 1) if full.summary else range(0)
    kept = [line for i, line in enumerate(lines, 1) if i not in summary and owner.get(i, 0) <= k]
    return "\n".join(kept)


# ---------------------------------------------------------------- compare
def test_posts_written_at_the_bottom_of_an_oldest_first_file_are_appended(wire) -> None:
    path = wire(20)
    held = load_blog(path).posts
    change = compare(held, load_blog(wire(30)))
    assert change.kind == "appended"
    assert change.added == len(change.posts) - len(held) > 0
    assert all(a is b for a, b in zip(change.posts, held))  # the posts held stay as they are
    assert [p.seq for p in change.posts] == list(range(1, len(change.posts) + 1))
    assert [post_key(p) for p in change.posts] == [post_key(p) for p in load_blog(path).posts]


def test_posts_written_at_the_top_of_the_newest_first_bundled_blog_are_appended(tmp_path: Path) -> None:
    path = tmp_path / "rt.txt"
    path.write_text(bundled_until(60), encoding="utf-8")
    held = load_blog(path).posts
    assert len(held) == 60
    path.write_text(bundled_until(63), encoding="utf-8")
    new = load_blog(path)
    change = compare(held, new)
    assert change.kind == "appended" and change.added == 3
    # The bundled blog has no stamps: a new post re-spreads its day's estimates, but the
    # posts held keep the times they were shown with, and the new ones come after them.
    assert any(a.time != b.time for a, b in zip(held, new.posts))
    assert [p.time for p in change.posts[:60]] == [p.time for p in held]
    times = [p.time for p in change.posts]
    assert times == sorted(times)
    assert all(p.time_estimated for p in change.posts[60:])
    # Lines moved (the new posts are above the old ones in the file): the held posts take the new lines.
    assert [(p.first_line, p.last_line) for p in change.posts[:60]] == [(p.first_line, p.last_line) for p in new.posts[:60]]


def test_a_saved_page_saved_again_with_more_posts_is_appended(tmp_path: Path) -> None:
    def page(n: int) -> str:
        articles = "".join(
            f'<article><time datetime="2026-03-11T{9 + i:02d}:00:00+02:00">{9 + i}:00</time>'
            f"<h2>Update {i}</h2><p>The delegation of Orlania reported step {i} of the talks.</p></article>"
            for i in reversed(range(n))  # newest first, as pages show them
        )
        return f"<!doctype html><html><head><title>Talks live</title></head><body><main>{articles}</main></body></html>"

    path = tmp_path / "page.html"
    path.write_text(page(3), encoding="utf-8")
    held = load_blog(path).posts
    path.write_text(page(5), encoding="utf-8")
    change = compare(held, load_blog(path))
    assert change.kind == "appended" and change.added == 2
    assert [p.headline for p in change.posts] == [f"Update {i}" for i in range(5)]
    path.write_text(page(5), encoding="utf-8")  # saved again, unchanged
    assert compare(change.posts, load_blog(path)).kind == "same"


def test_a_file_cut_short_is_reloaded_and_the_playhead_keeps_the_nearest_surviving_post(wire) -> None:
    held = load_blog(wire(40)).posts
    cut = load_blog(wire(20))
    change = compare(held, cut)
    assert change.kind == "reloaded" and "gone" in change.reason
    assert change.posts == cut.posts
    # The playhead on a post that is still there stays on it; on one that is gone, the
    # nearest earlier post that is still there.
    assert relocate(held, 5, cut.posts) == 5
    assert relocate(held, len(held), cut.posts) == len(cut.posts)


def test_a_rewritten_post_reloads_and_the_playhead_stays_on_the_same_post_by_content(wire) -> None:
    held = load_blog(wire()).posts
    k = next(p.seq for p in held[5:] if len(p.paragraphs) > 1)
    target = held[k - 1]
    # Another post, earlier in the file, is edited: seq numbers do not change, content does.
    edited = load_blog(wire(edit=("Two earlier rounds of talks", "Three earlier rounds of talks")))
    change = compare(held, edited)
    assert change.kind == "reloaded" and "post #" in change.reason
    assert relocate(held, k, edited.posts) == k
    assert post_key(edited.posts[k - 1]) == post_key(target)
    # The post at the playhead itself is edited after its lead: still found, by its lead.
    tail = target.paragraphs[-1]
    edited = load_blog(wire(edit=(tail, tail + " (corrected)")))
    assert post_key(edited.posts[k - 1]) != post_key(target)
    assert relocate(held, k, edited.posts) == k


def test_a_post_inserted_before_the_playhead_moves_its_seq_not_the_post(wire) -> None:
    held = load_blog(wire()).posts
    first = held[0].paragraphs[0]
    inserted = load_blog(wire(edit=(first, "0800 GMT — Anatria's foreign ministry has said it will host the talks.\n" + first)))
    assert compare(held, inserted).kind == "reloaded"
    k = 20
    moved = relocate(held, k, inserted.posts)
    assert moved == k + 1
    assert post_key(inserted.posts[moved - 1]) == post_key(held[k - 1])


def test_a_post_gone_and_no_earlier_post_left_falls_back_to_time(wire) -> None:
    held = load_blog(wire()).posts
    other = [p.replace(paragraphs=("rewritten " + p.text,)) for p in held]
    k = 10
    assert relocate(held, k, other) == sum(1 for p in other if p.time <= held[k - 1].time)
    assert relocate(held, 0, other) == 0


def test_a_new_post_dated_before_the_last_one_held_reloads(wire) -> None:
    blog = load_blog(wire())
    held = blog.posts[:-1]
    last = blog.posts[-1]
    early = last.replace(time=held[-1].time - timedelta(hours=1), time_estimated=False)
    change = compare(held, dataclasses.replace(blog, posts=[*held, early]))
    assert change.kind == "reloaded" and "dated before" in change.reason


def test_an_unchanged_file_is_the_same(wire) -> None:
    path = wire(30)
    held = load_blog(path).posts
    change = read_change(file_source([path]), held)
    assert change.kind == "same" and change.added == 0
    assert all(a is b for a, b in zip(change.posts, held))


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\x00\x01\x02\xff" * 200, b"\xff\xfe\xfd not utf-8", b"no day headers at all\n"],
                         ids=["empty", "blank", "binary", "bad-utf8", "no-headers"])
def test_garbage_or_a_half_written_file_fails_in_one_line_and_the_next_good_read_goes_on(wire, content: bytes) -> None:
    path = wire(30)
    held = load_blog(path).posts
    path.write_bytes(content)
    change = read_change(file_source([path]), held)
    assert change.kind == "failed" and change.blog is None and change.posts == []
    assert change.reason and "\n" not in change.reason
    wire(40)
    assert read_change(file_source([path]), held).kind == "appended"


def test_a_deleted_file_fails_in_one_line(wire) -> None:
    path = wire(30)
    held = load_blog(path).posts
    path.unlink()
    change = read_change(file_source([path]), held)
    assert change.kind == "failed" and "\n" not in change.reason


def test_stamps_tell_a_change_apart(wire) -> None:
    path = wire(30)
    source = file_source([path])
    before = source.stamp()
    assert source.stamp() == before
    wire(40)
    assert source.stamp() != before
    path.unlink()
    assert source.stamp() == (None,)


# ---------------------------------------------------------------- the timeline stays consistent
def test_an_append_extends_the_timeline_and_changes_nothing_before_it(wire) -> None:
    """No spoilers: the state at every k <= n held is the one extracted before the append, and
    the extended timeline equals one built at once on the posts now held."""
    path = wire(25)
    blog = load_blog(path)
    timeline = Timeline.build(blog, Knowledge())
    n = len(blog.posts)
    before = {k: state_export(timeline.state_at(k)) for k in range(n)}
    change = compare(blog.posts, load_blog(wire()))
    assert change.kind == "appended"
    session = ReplaySession(blog, timeline=timeline, paused=True)
    session.follow_append(change, 0.0)
    timeline.extend()
    for k in range(n):
        assert state_export(timeline.state_at(k)) == before[k], f"post {k} changed after an append"
    fresh = Timeline.build(dataclasses.replace(blog, posts=list(change.posts)), Knowledge())
    for k in range(0, len(change.posts) + 1, 5):
        assert state_export(timeline.state_at(k)) == state_export(fresh.state_at(k))


# ---------------------------------------------------------------- the session
def test_the_session_takes_appended_posts_and_follows_them_at_the_live_edge(wire) -> None:
    blog = load_blog(wire(20))
    n = len(blog.posts)
    session = ReplaySession(blog, paused=True, start_at=n)
    change = compare(blog.posts, load_blog(wire(30)))
    added = session.follow_append(change, 1.0)
    assert added == change.added > 0
    assert session.blog is blog and len(blog.posts) == n + added
    assert session.clock.total == n + added == session.index.size
    assert session.clock.position == n + added  # at the live edge: the new posts are shown at once
    found = session.index.filter(parse_query("Kestrian"))
    assert any(seq > n for seq in found)  # the index covers the new posts


def test_a_session_behind_the_live_edge_keeps_its_playhead(wire) -> None:
    blog = load_blog(wire(20))
    session = ReplaySession(blog, paused=True, start_at=3)
    session.follow_append(compare(blog.posts, load_blog(wire(30))), 1.0)
    assert session.clock.position == 3
    assert session.clock.total == len(blog.posts)


def test_the_session_reloads_keeping_speed_filter_text_and_playhead(wire) -> None:
    blog = load_blog(wire())
    session = ReplaySession(blog, paused=True, speed=300, start_at=12)
    session.set_filter(parse_query("Sokolova"))
    session.filter_done(session.filter.generation, [1, 2], [[1, 2]], len(blog.posts))
    session.follow_note = "following"
    edited = load_blog(wire(edit=("Two earlier rounds of talks", "Three earlier rounds of talks")))
    change = compare(blog.posts, edited)
    assert change.kind == "reloaded"
    position = relocate(blog.posts, session.clock.position, edited.posts)
    session.follow_reload(edited, None, position, 2.0)
    assert session.blog is edited and session.clock.position == 12
    assert session.clock.speed == 300
    assert session.filter.query.text == "Sokolova" and session.filter.seqs is None and session.filter_stale
    assert session.index.size == len(edited.posts)
    assert "following" in session.status(2.0).note


def test_two_followed_blogs_are_merged_again_on_each_read(tmp_path: Path) -> None:
    merge = Path(__file__).resolve().parent / "merge"
    for name in ("northwind_wire", "harbour_daily"):
        for suffix in (".txt", ".toml"):
            shutil.copy(merge / (name + suffix), tmp_path / (name + suffix))
    wire, daily = tmp_path / "northwind_wire.txt", tmp_path / "harbour_daily.txt"
    source = file_source([wire, daily])
    held = source.read().posts
    with wire.open("a", encoding="utf-8") as f:  # the wire's newest post, after every post of both blogs
        f.write("1900 GMT — The Orlanian delegation has left Port Anselm, ONA reported.\n")
    change = read_change(source, held)
    assert change.kind == "appended" and change.added == 1
    assert change.posts[-1].blog_name == "Northwind Wire" and change.posts[-1].seq == len(held) + 1
    first = daily.read_text(encoding="utf-8").split("\n")
    first.insert(2, "The Vestmark delegation has arrived in Port Anselm, Harbour Daily has learnt.")  # the daily's newest, on top
    daily.write_text("\n".join(first), encoding="utf-8")
    change = read_change(source, change.posts)
    assert change.kind == "reloaded"  # its estimated time puts it before the wire's last post: a reload, not an append
