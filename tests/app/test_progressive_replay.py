"""The replay of a progressively loaded blog (tui.core.progressive + Timeline.start).

prepare_replay opens the blog with open_blog: the app starts with the OLDEST day
only, and a worker parses the rest and extracts facts in the background. These
tests force that path on a small generated blog (PROGRESSIVE_FROM = 0) and slow
extraction down, so "while loading / while indexing" really happens.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path

import pytest

import tui.app.app as app_module
import tui.app.launch as launch
from tui.app.widgets.panes import DelegationsPane, MeetingsList, SchedulePane
from tui.cli import build_parser
from tui.core.knowledge import load_knowledge
from tui.core.load import load_blog
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


def pane_seqs(app) -> list[int]:
    seqs = []
    for pane in (app.query_one(DelegationsPane), app.query_one(SchedulePane), app.query_one(MeetingsList)):
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
    assert app.loading, "the test blog must really load progressively"
    assert len(app.blog.posts) < len(full.posts)
    assert app.blog.posts[0].text == full.posts[0].text  # the oldest post, from the end of the file
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.clock.position == 1
        assert app.feed.visible_seqs() == [1]
        painted = "\n".join("".join(seg.text for seg in app.feed.render_line(y)) for y in range(30))
        assert full.posts[0].paragraphs[0][:30] in painted.replace("\n", " ")
        slow_background.set()
        await wait_for(pilot, lambda: not app.loading)
        assert app.clock.total == len(full.posts) == len(app.blog.posts)
        assert [p.time for p in app.blog.posts] == [p.time for p in full.posts]
        assert app.player.density.total == len(full.posts)
        await wait_for(pilot, lambda: app.timeline is not None)
        assert "loading" not in app.player.status.note and "indexing" not in app.player.status.note


async def test_keys_work_while_loading_and_indexing(blog_file, slow_background) -> None:
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.timeline is None  # still indexing
        await pilot.press("full_stop", "full_stop", "full_stop")
        assert app.clock.position == 4 and app.feed.position == 4
        await pilot.press("comma")
        assert app.clock.position == 3
        assert app.timeline is None, "the test should run while facts are still being indexed"
        note = app.player.status.note
        assert note.startswith("loading") or note.startswith("indexing facts")
        await pilot.press("question_mark")  # a screen opens and closes while the worker runs
        await pilot.press("escape")
        slow_background.set()
        await wait_for(pilot, lambda: app.timeline is not None)
        assert app.clock.position == 3


async def test_panes_never_show_facts_beyond_the_playhead(blog_file, slow_background) -> None:
    full = load_blog(blog_file)
    reference = Timeline.build(full, load_knowledge(None))
    app = replay(blog_file, "--knowledge", str(REPO / "data" / "rt_istanbul_talks_2025-05.knowledge.toml"))
    async with app.run_test(size=(160, 48)) as pilot:
        seen_indexing = seen_state = False
        for key in ["full_stop"] * 8 + ["right_square_bracket", "full_stop", "5", "comma", "e", "r"] + ["full_stop"] * 5:
            await pilot.press(key)
            await pilot.pause()
            k = app.clock.position
            assert all(s <= k for s in pane_seqs(app)), f"a pane shows a fact from after post {k}"
            if app.state is None:
                seen_indexing = True
                assert "indexing" in app.query_one(DelegationsPane).get_option_at_index(0).prompt.plain
            else:
                seen_state = True
                assert app.state == reference.state_at(k)
        assert seen_indexing and seen_state
        slow_background.set()
        await wait_for(pilot, lambda: app.timeline is not None)
        await pilot.press("5")
        await pilot.pause()
        k = app.clock.position
        assert app.state == reference.state_at(k) and all(s <= k for s in pane_seqs(app))


async def test_summary_only_at_the_end_once_everything_is_loaded(blog_file, slow_background) -> None:
    app = replay(blog_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")  # the end of what is loaded so far
        await pilot.pause()
        summary = app.query_one("#summary")
        assert not summary.display, "the summary is revealed only after the last post of the whole blog"
        slow_background.set()
        await wait_for(pilot, lambda: not app.loading)
        await pilot.press("e")
        await pilot.pause()
        assert app.clock.at_end and summary.display
        await pilot.press("comma")
        await pilot.pause()
        assert not summary.display
