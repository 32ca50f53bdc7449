"""The replay of a progressively loaded blog (tui.core.progressive + Timeline.start).

prepare_replay opens the blog with open_blog: the app starts with the OLDEST day
only, and a worker parses the rest and extracts facts in the background. These
tests hold that worker at a gate (parsing, or extraction), so "while loading" and
"while indexing" are states the test controls, not races it hopes to win.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path

import liveblog_app_fixtures as fx
import pytest

import tui.app.screens.replay as app_module
import tui.app.launch as launch
from tui.app.widgets.panes import DelegationsPane, MeetingsList, SchedulePane
from tui.cli import build_parser
from tui.core.knowledge import load_knowledge
from tui.core.load import load_blog
from tui.core.facts import State
from tui.core.session import ReplaySession, Target
from tui.core.timeline import Timeline

REPO = Path(__file__).resolve().parents[2]


def _make_blog_module():
    spec = importlib.util.spec_from_file_location("make_blog", REPO / "benchmarks" / "make_blog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def blog_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("progressive") / "blog.txt"
    _make_blog_module().write_blog(300, path, seed=3)
    return path


@pytest.fixture
def slow_background(monkeypatch):
    """Small load chunks, and extraction held at post 20 until the test sets the
    returned event: "while indexing" is then a state the test controls. (Every
    blog opens progressively, so the 300-post blog does too.)"""
    monkeypatch.setattr(app_module, "LOAD_CHUNK", 20)
    monkeypatch.setattr(app_module, "EXTRACT_CHUNK", 5)
    gate = threading.Event()
    real_extend = Timeline.extend

    def held_extend(self, upto=None, *, limit=None):
        if self.ready_upto >= 20:
            gate.wait(20)
        return real_extend(self, upto, limit=limit)

    monkeypatch.setattr(Timeline, "extend", held_extend)
    yield gate
    gate.set()


def replay(path: Path, *extra: str):
    return launch.prepare_replay(build_parser().parse_args(["replay", str(path), "--paused", *extra]))


@pytest.fixture
def held_load(monkeypatch):
    """Parsing in the background held until the test sets the returned event (the
    first day, parsed by open_blog before the app starts, goes through)."""
    from tui.core.progressive import ProgressiveLoad

    monkeypatch.setattr(app_module, "LOAD_CHUNK", 20)
    gate = threading.Event()
    real_step = ProgressiveLoad.step

    def held_step(self, max_posts=None):
        if threading.current_thread() is not threading.main_thread():
            gate.wait(20)
        return real_step(self, max_posts)

    monkeypatch.setattr(ProgressiveLoad, "step", held_step)
    yield gate
    gate.set()


def pane_seqs(app) -> list[int]:
    seqs = []
    replay = app.replay
    for pane in (replay.query_one(DelegationsPane), replay.query_one(SchedulePane), replay.query_one(MeetingsList)):
        for i in range(pane.option_count):
            s = pane.seq_of(pane.get_option_at_index(i).id or "")
            if s is not None:
                seqs.append(s)
    return seqs


async def wait_for(pilot, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


async def test_starts_with_the_oldest_post_and_grows_to_the_whole_blog(blog_file, slow_background) -> None:
    full = load_blog(blog_file)
    app = replay(blog_file)
    assert app.session.loading, "the test blog must really load progressively"
    assert len(app.session.blog.posts) < len(full.posts)
    assert app.session.blog.posts[0].text == full.posts[0].text  # the oldest post, from the end of the file
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        assert fx.position(app) == 1 and fx.feed(app).visible_seqs() == [1]
        assert full.posts[0].paragraphs[0][:30] in fx.feed_text(fx.feed(app)).replace("\n", " ")
        slow_background.set()
        await wait_for(pilot, lambda: not app.session.loading)
        assert app.session.clock.total == len(full.posts) == len(app.session.blog.posts)
        assert [p.time for p in app.session.blog.posts] == [p.time for p in full.posts]
        assert fx.player(app).density.total == len(full.posts)
        await wait_for(pilot, lambda: app.session.complete)
        await pilot.pause()
        assert "loading" not in app.replay.status.note and "indexing" not in app.replay.status.note


async def test_keys_work_while_loading_and_indexing(blog_file, slow_background) -> None:
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("full_stop", "full_stop", "full_stop")
        assert fx.position(app) == 4 and fx.feed(app).position == 4
        await pilot.press("comma")
        assert fx.position(app) == 3
        assert not app.session.complete, "the test should run while facts are still being indexed"
        note = app.replay.status.note
        assert "loading" in note or "indexing facts" in note
        await pilot.press("question_mark", "escape", "D", "f", "escape", "slash", "escape")  # screens and bars while the worker runs
        slow_background.set()
        await wait_for(pilot, lambda: app.session.complete)
        assert fx.position(app) == 3 and app.is_running


async def test_panes_never_show_facts_beyond_the_playhead(blog_file, slow_background) -> None:
    full = load_blog(blog_file)
    reference = Timeline.build(full, load_knowledge(None))
    app = replay(blog_file, "--knowledge", str(REPO / "data" / "rt_istanbul_talks_2025-05.knowledge.toml"))
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        seen_indexing = seen_state = False
        for key in ["full_stop"] * 8 + ["right_square_bracket", "full_stop", "comma", "r"] + ["full_stop"] * 5:
            await pilot.press(key)
            await pilot.pause()
            k = fx.position(app)
            assert all(s <= k for s in pane_seqs(app)), f"a pane shows a fact from after post {k}"
            facts = app.replay.facts
            if isinstance(facts, State):
                seen_state = True
                assert facts == reference.state_at(k)
            else:
                seen_indexing = True
                assert "indexing" in app.replay.query_one(DelegationsPane).get_option_at_index(0).prompt.plain
        assert seen_indexing and seen_state
        slow_background.set()
        await wait_for(pilot, lambda: app.session.complete)
        await pilot.press("5")
        await pilot.pause()
        k = fx.position(app)
        assert app.replay.facts == reference.state_at(k) and all(s <= k for s in pane_seqs(app))


@pytest.mark.parametrize("key", ["e", "5", "9"])
async def test_a_jump_while_loading_lands_on_its_post_once_it_is_parsed(blog_file, held_load, key) -> None:
    """e / 0-9 aim at the whole blog: they wait for the post (status bar says so), never
    stopping at the posts parsed so far."""
    full = load_blog(blog_file)
    expected = ReplaySession(full, paused=True)
    expected.jump(Target.end() if key == "e" else Target.percent(int(key) * 10), 0.0)
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press(key)
        assert app.session.pending is not None and "when loaded" in fx.screen_text(app)
        held_load.set()
        await wait_for(pilot, lambda: not app.session.loading)
        await pilot.pause()
        assert fx.position(app) == expected.clock.position
        if key == "e":
            await wait_for(pilot, lambda: app.replay.query_one("#summary").display)


async def test_next_day_while_loading_waits_for_that_day(blog_file, held_load) -> None:
    full = load_blog(blog_file)
    second_day = next(p.seq for p in full.posts if p.day != full.posts[0].day)
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("right_square_bracket")
        held_load.set()
        await wait_for(pilot, lambda: not app.session.loading)
        await pilot.pause()
        assert fx.position(app) == second_day


async def test_a_day_typed_at_the_go_to_prompt_while_loading_lands_on_its_first_post(blog_file, held_load) -> None:
    full = load_blog(blog_file)
    second_day = next(p for p in full.posts if p.day != full.posts[0].day)
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("colon")
        await fx.type_keys(pilot, f"{second_day.day.day} {second_day.day:%B}", "enter")
        held_load.set()
        await wait_for(pilot, lambda: not app.session.loading)
        await pilot.pause()
        assert fx.position(app) == second_day.seq  # not the last post of the day before (its 00:00)


async def test_a_weekday_not_read_yet_while_loading_says_the_blog_is_still_loading(blog_file, held_load) -> None:
    full = load_blog(blog_file)
    loaded_days = {p.day for p in full.posts[:1]}
    later = next((p.day for p in full.posts if p.day.weekday() not in {d.weekday() for d in loaded_days}), None)
    assert later is not None, "the generated blog spans more than one weekday"
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        if later.weekday() in {d.weekday() for d in app.session.clock.days}:
            pytest.skip("that weekday was read with the first chunk")
        await pilot.press("colon")
        await fx.type_keys(pilot, f"{later:%a}".lower(), "enter")
        assert "still loading" in fx.screen_text(app)
        held_load.set()


async def test_playing_at_a_huge_speed_runs_through_the_whole_blog(blog_file, held_load) -> None:
    app = launch.prepare_replay(build_parser().parse_args(["replay", str(blog_file), "--speed", "1e9"]))
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await wait_for(pilot, lambda: app.session.play_through)  # every parsed post shown: waiting for more
        assert "waiting for posts" in app.replay.status.note and app.session.playing
        held_load.set()
        await wait_for(pilot, lambda: not app.session.loading and app.session.clock.at_end)
        assert fx.position(app) == len(app.session.blog.posts) and not app.session.playing


async def test_search_and_filter_follow_the_posts_as_they_load(blog_file, held_load) -> None:
    full = load_blog(blog_file)
    word = "Istanbul"
    matches = [p.seq for p in full.posts if word.lower() in p.text.lower()]
    assert matches[-1] > len(open_first_day(blog_file)), "the word must occur in posts parsed later"
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "/", word, "enter", "f", word, "enter")
        held_load.set()
        await wait_for(pilot, lambda: not app.session.loading)
        await fx.settle(pilot)
        assert app.session.search.result.seqs == tuple(matches)
        assert app.session.filter.seqs == matches


def open_first_day(path: Path) -> list:
    from tui.core.progressive import open_blog

    return open_blog(path, first_posts=1).blog.posts


async def test_summary_only_at_the_end_once_everything_is_loaded(blog_file, slow_background) -> None:
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        summary = app.replay.query_one("#summary")
        await pilot.press("comma")
        assert not summary.display
        slow_background.set()
        await wait_for(pilot, lambda: not app.session.loading)
        await pilot.press("e")
        await pilot.pause()
        assert app.session.clock.at_end and summary.display
        await pilot.press("comma")
        assert not summary.display


async def test_start_at_aims_at_the_whole_blog(blog_file) -> None:
    full = load_blog(blog_file)
    late = len(full.posts) - 5
    app = replay(blog_file, "--start-at", str(late))
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        assert fx.position(app) == late and fx.feed(app).last_visible == late
