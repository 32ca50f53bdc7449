"""Following a file while the app runs, and two blogs on one clock, through Pilot.

The follow tests write to a real file while the app runs; they wait for the app's
state (posts held, the status note) with a generous deadline, never for a fixed
time, and assert nothing about how fast the change arrived.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import liveblog_app_fixtures as fx
import pytest

from tui.app.launch import prepare_replay
from tui.app.screens.post import PostScreen
from tui.app.widgets.feed import NewPostsPill
from tui.app.widgets.panes import DelegationsPane
from tui.cli import build_parser

TESTS = Path(__file__).resolve().parents[1]
WIRE = TESTS / "blogs" / "agency_oldest_first"
MERGE = TESTS / "core" / "merge"
DEADLINE = 20.0  # seconds: only a change that never arrives takes this long


@pytest.fixture
def wire(tmp_path: Path):
    lines = (WIRE / "blog.txt").read_text(encoding="utf-8").splitlines(keepends=True)
    shutil.copy(WIRE / "blog.toml", tmp_path / "blog.toml")
    path = tmp_path / "blog.txt"

    def write(n: int | None = None, *, edit: tuple[str, str] | None = None) -> Path:
        text = "".join(lines[:n])
        if edit is not None:
            text = text.replace(*edit, 1)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def app_for(*argv: str):
    return prepare_replay(build_parser().parse_args(["replay", *argv]))


async def until(pilot, predicate, what: str) -> None:
    """Let the app run until `predicate()` holds (the app's state, not a duration)."""
    deadline = time.monotonic() + DEADLINE
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)
    await fx.settle(pilot)


def watching(app) -> bool:
    return any(w.group == "follow" and w.is_running for w in app.workers)


async def test_posts_written_while_following_arrive_with_the_new_posts_pill(wire) -> None:
    path = wire(20)
    app = app_for(str(path), "--follow", "--paused")
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await until(pilot, lambda: watching(app) and not app.session.loading, "the watch to start")
        n = len(app.session.blog.posts)
        assert fx.position(app) == n  # --follow opens at the live edge
        await fx.type_keys(pilot, "k", "k")  # read an older post: the feed stops following the bottom
        wire(30)
        await until(pilot, lambda: len(app.session.blog.posts) > n, "the new posts")
        added = len(app.session.blog.posts) - n
        assert fx.position(app) == n + added  # live: revealed at once
        pill = app.replay.query_one(NewPostsPill)
        assert pill.display and f"{added} new posts" in fx.screen_text(app)
        assert "following" in fx.screen_text(app)
        await fx.type_keys(pilot, "G")  # back to the newest: the pill goes
        assert not pill.display
        await until(pilot, lambda: app.session.complete, "the new posts' facts")
        assert app.session.state().seq == n + added


async def test_a_rewritten_file_reloads_on_the_same_post_and_garbage_keeps_the_last_good_read(wire) -> None:
    path = wire()
    app = app_for(str(path), "--follow", "--paused", "--start-at", "12")
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await until(pilot, lambda: watching(app) and not app.session.loading, "the watch to start")
        shown = app.session.blog.posts[11]
        first = app.session.blog.posts[0].paragraphs[0]
        wire(edit=(first, "0800 GMT — Anatria's foreign ministry has said it will host the talks.\n" + first))
        old_blog = app.session.blog
        await until(pilot, lambda: app.session.blog is not old_blog, "the reload")
        assert fx.position(app) == 13  # one post was inserted before it: the same post, one seq on
        assert app.session.blog.posts[12].paragraphs == shown.paragraphs
        assert shown.paragraphs[0][:30] in fx.feed_text(fx.feed(app)) or fx.feed(app).cursor == 13
        held = list(app.session.blog.posts)
        path.write_bytes(b"\x00\x01garbage\xff" * 50)
        await until(pilot, lambda: "unreadable" in app.session.status(0).note, "the failed read")
        assert app.session.blog.posts == held and fx.position(app) == 13
        wire()
        await until(pilot, lambda: app.session.status(0).note == "following" and len(app.session.blog.posts) != len(held),
                    "the good read")
        assert fx.position(app) == 12  # the inserted post is gone again: the same post is #12


async def test_F_toggles_following_at_any_moment(wire) -> None:
    path = wire(20)
    app = app_for(str(path), "--paused")
    async with app.run_test(size=(100, 30)) as pilot:
        await fx.type_keys(pilot, "F")  # possibly while the blog still loads: it starts once loaded
        await fx.started(pilot)
        await until(pilot, lambda: watching(app), "the watch to start")
        assert "following" in app.session.status(0).note
        await fx.type_keys(pilot, "F")
        await until(pilot, lambda: not watching(app), "the watch to stop")
        assert app.session.status(0).note == ""
        n = len(app.session.blog.posts)
        wire(30)
        await pilot.pause(0.2)  # not following: nothing is read (a short look, not a timing assertion)
        assert len(app.session.blog.posts) == n
        await fx.type_keys(pilot, "F")
        await until(pilot, lambda: len(app.session.blog.posts) > n, "the posts written while not following")
        await fx.type_keys(pilot, "q", "F", "F")
    assert app.return_code in (0, None)


async def test_F_while_the_blog_loads_starts_following_once_it_is_in(wire, monkeypatch) -> None:
    """The posts held are compared with each new read, so the watch waits for the whole
    blog; F pressed while the rest is parsed (held here at a gate) is kept till then."""
    from tui.core.progressive import ProgressiveLoad

    gate = threading.Event()
    real_step = ProgressiveLoad.step

    def held_step(self, max_posts=None):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(DEADLINE)
        return real_step(self, max_posts)

    monkeypatch.setattr(ProgressiveLoad, "step", held_step)
    app = app_for(str(wire()), "--paused")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await fx.started(pilot)
            assert app.session.loading
            await fx.type_keys(pilot, "F")
            assert "following" in app.session.status(0).note and not watching(app)
            gate.set()
            await until(pilot, lambda: watching(app), "the watch, once the blog is in")
            assert not app.session.loading
    finally:
        gate.set()


async def test_F_on_standard_input_says_there_is_nothing_to_follow(monkeypatch, wire) -> None:
    import sys

    with wire().open(encoding="utf-8") as stdin:  # `replay - < blog.txt`: standard input is the file, read once
        monkeypatch.setattr(sys, "stdin", stdin)
        app = app_for("-", "--paused")
    async with app.run_test(size=(100, 30)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "F")
        assert "nothing to follow" in fx.screen_text(app)
        assert not watching(app)


# ---------------------------------------------------------------- two blogs on one clock
async def test_two_blogs_show_their_tags_and_no_later_post() -> None:
    app = app_for(str(MERGE / "northwind_wire.txt"), str(MERGE / "harbour_daily.txt"), "--paused", "--start-at", "4")
    async with app.run_test(size=(160, 45)) as pilot:
        await fx.started(pilot)
        await until(pilot, lambda: app.session.complete, "the facts")
        screen = fx.screen_text(app)
        assert "Northwind Wire" in screen and "Harbour Daily" in screen
        blog = app.session.blog
        later = blog.posts[4].paragraphs[0][:40]  # post 5, not revealed at 4
        assert later not in fx.feed_text(fx.feed(app))
        await fx.type_keys(pilot, ":", "6", "enter")  # post 6: Harbour Daily confirms Orlania's arrival
        row = "\n".join(str(o.prompt) for o in app.replay.query_one(DelegationsPane).options)
        assert "Northwind" in row and "Harbour" in row  # the arrival, with its source in each blog
        await fx.type_keys(pilot, "enter")  # open the selected post (#6)
        assert isinstance(app.screen, PostScreen)
        header = fx.screen_text(app)
        assert "Harbour Daily" in header and "harbour_daily.txt" in header


async def test_the_blog_filter_shows_one_blog() -> None:
    app = app_for(str(MERGE / "northwind_wire.txt"), str(MERGE / "harbour_daily.txt"), "--paused", "--start-at", "10")
    async with app.run_test(size=(160, 45)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "f", "blog:harbour")
        assert "4 posts" in fx.screen_text(app)  # the bar's count, while it is open
        await fx.type_keys(pilot, "enter")
        shown = fx.feed(app).visible_seqs()
        assert shown and all(app.session.blog.posts[s - 1].blog_name == "Harbour Daily" for s in shown)
