"""Pilot tests of bookmarks: `m` + a note, the list (`'` / `B`), jumping, deleting,
a restart on the same data directory, and keys while the dialogs open.

What is checked is what a user sees (the screen, the status bar's notice) and
the public state (session, store); each app gets its own data directory."""

from __future__ import annotations

from pathlib import Path

import liveblog_app_fixtures as fx
from liveblog_fake_timeline import FakeTimeline
from textual.widgets import Input, OptionList

from tui.app.app import ReplayApp
from tui.app.screens.bookmark import BookmarkScreen
from tui.app.screens.bookmarks import BookmarksScreen
from tui.app.screens.replay import ReplayScreen
from tui.core.bookmarks import open_store

SIZE = (120, 40)


def make_app(data: Path, start_at: int = 3, blog=None) -> ReplayApp:
    blog = blog or fx.make_blog()
    return ReplayApp(blog, timeline=FakeTimeline(blog), start_at=start_at, paused=True, bookmarks_dir=data)


def saved(data: Path, blog=None) -> list[tuple[int, str]]:
    """What a fresh store on the same directory reads: (seq, note) pairs."""
    store = open_store(blog or fx.make_blog(), data)
    assert store is not None
    return [(b.seq, b.note) for b in store.items]


def notice(app: ReplayApp) -> str:
    return fx.player(app).current_notice


async def test_m_with_a_note_and_enter_bookmarks_the_playheads_post(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, BookmarkScreen) and isinstance(app.focused, Input)
        text = fx.screen_text(app)
        assert "Bookmark #3" in text and "Charlie: talks planned" in text  # the post it marks, shown
        await fx.type_keys(pilot, "[bold]x[/] why", "enter")
        assert isinstance(app.screen, ReplayScreen)
        assert saved(tmp_path) == [(3, "[bold]x[/] why")] and notice(app) == "bookmarked #3"
        assert fx.position(app) == 3  # bookmarking never moves the playhead


async def test_m_marks_the_selected_post_an_empty_note_is_fine_and_escape_cancels(tmp_path: Path) -> None:
    app = make_app(tmp_path, start_at=5)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("k", "k")  # select post 3 in the feed
        assert fx.feed(app).cursor == 3
        await pilot.press("m", "escape")
        assert saved(tmp_path) == []
        await pilot.press("m", "enter")
        assert saved(tmp_path) == [(3, "")]
        await pilot.press("m")  # again on a bookmarked post: its note, to edit
        assert isinstance(app.screen, BookmarkScreen) and "Edit the bookmark on #3" in fx.screen_text(app)
        await fx.type_keys(pilot, "later", "enter")
        assert saved(tmp_path) == [(3, "later")] and notice(app) == "note saved on #3"


async def test_the_list_shows_notes_verbatim_and_enter_seeks_to_a_bookmark(tmp_path: Path) -> None:
    blog = fx.make_blog()
    store = open_store(blog, tmp_path)
    assert store is not None
    store.put(blog.posts[1], "[bold]x[/] [@click=app.quit]q[/]")
    store.put(blog.posts[7], "the talks begin")  # set in an earlier session: ahead of the playhead now
    app = make_app(tmp_path, start_at=4, blog=blog)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("apostrophe")
        assert isinstance(app.screen, BookmarksScreen)
        text = fx.screen_text(app)
        assert "#2 ~Wed 14 May 10:30" in text and "[bold]x[/] [@click=app.quit]q[/]" in text  # '~': estimated
        assert "Bravo: Zelensky says Kiev will decide [US]" in text  # the post's first words
        assert "#8 Fri 16 May 09:30" in text and "ahead of the playhead" in text and "the talks begin" in text
        # the note is the user's; the words of a post ahead of the playhead are not shown yet
        assert blog.posts[7].paragraphs[0][:30] not in text
        await pilot.press("down", "enter")  # the second: post 8, ahead — an explicit seek
        await fx.settle(pilot)  # the list closes, then its callback seeks
        assert isinstance(app.screen, ReplayScreen)
        assert fx.position(app) == 8 and fx.feed(app).cursor == 8
        assert notice(app) == "bookmark #8 · the talks begin"
        await pilot.press("B", "enter")  # B opens the list too; enter: the first, post 2 (back in time)
        await fx.settle(pilot)
        assert fx.position(app) == 2 and fx.feed(app).cursor == 2
        assert app.is_running  # the note's [@click=app.quit] is text, not a link


async def test_a_jump_to_a_bookmark_shows_it_even_under_a_filter(tmp_path: Path) -> None:
    blog = fx.make_blog()
    store = open_store(blog, tmp_path)
    assert store is not None
    store.put(blog.posts[1], "bravo")
    app = make_app(tmp_path, start_at=6, blog=blog)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("f", *"Echo", "enter")
        await fx.settle(pilot)
        assert not fx.feed(app).is_visible(2)
        await pilot.press("apostrophe", "enter")
        await fx.settle(pilot)
        assert fx.position(app) == 2 and fx.feed(app).is_visible(2) and fx.feed(app).cursor == 2


async def test_d_deletes_u_undoes_and_the_file_follows(tmp_path: Path) -> None:
    blog = fx.make_blog()
    store = open_store(blog, tmp_path)
    assert store is not None
    for seq in (1, 2, 3):
        store.put(blog.posts[seq - 1], f"note {seq}")
    app = make_app(tmp_path, blog=blog)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("apostrophe", "down", "d")
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert saved(tmp_path) == [(1, "note 1"), (3, "note 3")]
        assert "deleted the bookmark on #2 · u undoes" in fx.screen_text(app)
        assert screen.query_one(OptionList).option_count == 2
        await pilot.press("u")
        assert saved(tmp_path) == [(1, "note 1"), (2, "note 2"), (3, "note 3")]
        await pilot.press("d", "d", "d", "d")  # more deletes than bookmarks: nothing breaks
        assert saved(tmp_path) == [] and "No bookmarks yet" in fx.screen_text(app)
        await pilot.press("enter", "escape")  # enter on an empty list does nothing; escape closes
        assert isinstance(app.screen, ReplayScreen) and fx.position(app) == 3


async def test_bookmarks_survive_a_restart_on_the_same_data_directory(tmp_path: Path) -> None:
    first = make_app(tmp_path, start_at=5)
    async with first.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("m")
        await fx.type_keys(pilot, "echo matters", "enter")
        await pilot.press("q")
    second = make_app(tmp_path, start_at=1)  # a new app: a new session, the same directory
    async with second.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await pilot.press("apostrophe")
        assert "echo matters" in fx.screen_text(second) and "#5" in fx.screen_text(second)
        await pilot.press("enter")
        assert fx.position(second) == 5


async def test_keys_typed_while_a_dialog_opens_go_into_it_never_to_the_replay(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        # m, then a burst that would quit, play and open prompts if the replay got it.
        await fx.type_keys(pilot, "m", "q e/:f", "enter")
        assert app.is_running and not app.session.clock.playing and fx.position(app) == 3
        assert saved(tmp_path) == [(3, "q e/:f")]
        await fx.type_keys(pilot, "apostrophe", "q")  # q closes the list
        assert isinstance(app.screen, ReplayScreen) and app.is_running
        await fx.type_keys(pilot, "B", "d", "u", "escape", "m", "escape", "apostrophe", "escape")
        assert isinstance(app.screen, ReplayScreen) and saved(tmp_path) == [(3, "q e/:f")]


async def test_m_and_the_list_before_the_panes_mount_and_after_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await fx.type_keys(pilot, "m", "x", "enter")  # queued before the panes are mounted
        assert saved(tmp_path) == [(3, "x")]
        await fx.type_keys(pilot, "q", "m", "apostrophe")  # after q nothing opens
        assert not isinstance(app.screen, (BookmarkScreen, BookmarksScreen))


async def test_a_corrupt_store_is_one_notice_and_the_replay_goes_on(tmp_path: Path) -> None:
    blog = fx.make_blog()
    store = open_store(blog, tmp_path)
    assert store is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b'{"bookmarks": [')
    app = make_app(tmp_path, blog=blog)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await fx.started(pilot)
        await fx.settle(pilot)
        text = fx.screen_text(app)
        assert "Bookmarks" in text and "unreadable" in text  # a toast, once
        await pilot.press("m", "enter")
        assert saved(tmp_path) == [(3, "")]
        assert [p.read_bytes() for p in store.path.parent.iterdir() if ".corrupt-" in p.name] == [b'{"bookmarks": [']


async def test_bookmarks_while_the_blog_is_still_loading(tmp_path: Path, monkeypatch) -> None:
    """The bundled blog opened as `replay` opens it (oldest day first), with the loader
    held: m works, a bookmark beyond the posts parsed says so, and a jump to it waits
    for its post and lands when the loader goes on."""
    import threading
    import time

    import tui.app.screens.replay as replay_module
    from tui.app.launch import prepare_replay
    from tui.cli import build_parser
    from tui.core.load import load_blog
    from tui.core.progressive import ProgressiveLoad

    whole = load_blog()
    store = open_store(whole, tmp_path)
    assert store is not None
    store.put(whole.posts[99], "near the end")
    monkeypatch.setattr(replay_module, "LOAD_CHUNK", 20)
    gate = threading.Event()
    real_step = ProgressiveLoad.step

    def held_step(self, max_posts=None):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(20)
        return real_step(self, max_posts)

    monkeypatch.setattr(ProgressiveLoad, "step", held_step)
    monkeypatch.setenv("LIVEBLOG_TUI_DATA_DIR", str(tmp_path))
    app = prepare_replay(build_parser().parse_args(["replay", "--paused"]))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await fx.started(pilot)
            assert app.session.loading and len(app.session.blog.posts) < 100
            await fx.type_keys(pilot, "m", "first post", "enter")
            await fx.type_keys(pilot, "apostrophe")
            text = fx.screen_text(app)
            assert "first post" in text and "#100" in text and "not loaded yet" in text
            await fx.type_keys(pilot, "down", "enter")
            assert fx.position(app) == 1 and "→ #100 when loaded" in app.replay.status.note
            gate.set()
            deadline = time.monotonic() + 30
            while fx.position(app) != 100:
                assert time.monotonic() < deadline, "the jump never landed"
                await pilot.pause(0.02)
        assert saved(tmp_path, whole) == [(1, "first post"), (100, "near the end")]
    finally:
        gate.set()


async def test_keys_typed_right_after_enter_step_the_replay_and_stay_out_of_the_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "m", "burst note", "enter", "...")  # one burst, as a fast typist sends it
        assert saved(tmp_path) == [(3, "burst note")]
        assert isinstance(app.screen, ReplayScreen) and fx.position(app) == 6
