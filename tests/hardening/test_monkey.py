"""Monkey test: thousands of random keys, pastes and resizes through Pilot.

On the bundled blog and on a generated 10k-post blog. After every step the app
is still running, the feed shows posts 1..k only, and what the three panes show
is exactly `timeline.state_at(k)` for the playhead k (read back through the
panes' public API: their rows, their source seqs, the people grid).
Fixed seeds: a failure replays identically; the log of the last steps is in
the assertion message.
"""

from __future__ import annotations

import os
import random
import string
import subprocess
import sys
from collections import deque
from pathlib import Path

import liveblog_app_fixtures as fx
import pytest
from textual import events
from textual.widgets import Input

from tui.app.app import ReplayApp
from tui.app.launch import prepare_replay
from tui.app.widgets.panes import (
    DelegationsPane,
    MeetingsList,
    PeopleGrid,
    SchedulePane,
)
from tui.cli import build_parser
from tui.core.knowledge import load_knowledge
from tui.core.load import load_blog
from tui.core.timeline import Timeline

REPO = Path(__file__).resolve().parents[2]

# Every key the app, the feed, the panes and the prompts bind, plus plain typing.
# Never typed outside a text input: q / ctrl+q / ctrl+c (quit), ctrl+p (the palette
# can fuzzy-match "Quit"), ctrl+z (suspend).
BOUND = ["space", "full_stop", "comma", "plus", "equals_sign", "minus", "underscore", "right_square_bracket",
         "left_square_bracket", *string.digits, "r", "e", "colon", "t", "p", "slash", "n", "N", "f", "v", "D", "S",
         "M", "question_mark", "j", "k", "g", "G", "up", "down", "left", "right", "pageup", "pagedown", "home",
         "end", "enter", "escape", "tab", "shift+tab", "ctrl+x", "backspace", "delete", "ctrl+u", "ctrl+w"]
TYPING = [*string.ascii_letters.replace("q", ""), *string.digits, *"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "]
KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", "+": "plus", "-": "minus", "[": "left_square_bracket",
             "]": "right_square_bracket", ":": "colon", "/": "slash", "?": "question_mark", "=": "equals_sign",
             "_": "underscore"}
PASTES = ["medinsky", "person:Medinsky", "delegation:Russia day:16", '"prisoner exchange"', "14:30", "#3", "15 May 12:00",
          "re:(a+)+$", "[bold]x[/bold] [/] [@click=app.quit]z[/]", "\x1b[31mred\x1b]0;t\x07", "a" * 3000, "day:fri outlet:tass",
          "مرحبا \u202e שלום", "e\u0301 🇺🇦 中文", "\n\n", "", "(a|a)*b", "re:\\d{1,2}:\\d\\d"]


def key_for(char: str) -> str:
    return KEY_NAMES.get(char, char)


def pane_report(app: ReplayApp, k: int) -> list[str]:
    """Differences between what the panes show and state_at(k); empty when they agree."""
    problems: list[str] = []
    timeline = app.session.timeline
    expected = timeline.state_at(k)
    if app.state != expected:
        problems.append(f"app.state is for seq {getattr(app.state, 'seq', None)}, playhead is {k}")
    deleg = app.query_one(DelegationsPane)
    rows = [deleg.get_option_at_index(i) for i in range(deleg.option_count)]
    if expected.delegations:
        if [o.prompt.plain for o in rows] != [deleg.row(d).plain for d in expected.delegations]:
            problems.append("delegations pane rows differ from state_at(k)")
    elif len(rows) != 1 or not rows[0].disabled:
        problems.append("delegations pane is not empty though state_at(k) has no delegations")
    sched = app.query_one(SchedulePane)
    seqs = sorted(s for i in range(sched.option_count) if (s := sched.seq_of(sched.get_option_at_index(i).id or "")) is not None)
    if seqs != sorted(f.seq for f in expected.schedule):
        problems.append(f"schedule pane shows facts from posts {seqs[-5:]}…, state_at(k) has {len(expected.schedule)} facts")
    meetings = app.query_one(MeetingsList)
    shown = [meetings.get_option_at_index(i).prompt.plain for i in range(meetings.option_count)]
    if expected.meetings and shown != [meetings.row(i, m).plain for i, m in enumerate(expected.meetings)]:
        problems.append("meetings list differs from state_at(k)")
    people = {p.name for m in expected.meetings for p in m.participants}
    if app.query_one(PeopleGrid).row_count != (len(people) if expected.meetings else 0):
        problems.append("people grid rows differ from state_at(k)")
    for pane in (deleg, sched, meetings):
        for i in range(pane.option_count):
            s = pane.seq_of(pane.get_option_at_index(i).id or "")
            if s is not None and s > k:
                problems.append(f"{type(pane).__name__} shows a fact from post {s} > playhead {k} (spoiler)")
    return problems


def check(app: ReplayApp, log: deque) -> None:
    trail = " | ".join(log)
    assert app.is_running and app.return_code is None, f"the app stopped; last steps: {trail}"
    k = app.session.clock.position
    n = len(app.session.blog.posts)
    assert 0 <= k <= n, trail
    feed = fx.feed(app)
    assert feed.position == k, f"feed at {feed.position}, clock at {k}; last steps: {trail}"
    assert feed.visible_count <= k and (feed.last_visible or 0) <= k, f"feed shows a post beyond {k}; {trail}"
    problems = pane_report(app, k)
    assert not problems, f"at k={k}: {problems}; last steps: {trail}"


NON_PRINTING = {"space": " "}
# CI runs the default; LIVEBLOG_MONKEY_SCALE=10 (and LIVEBLOG_MONKEY_SEED) make a local soak.
SCALE = float(os.environ.get("LIVEBLOG_MONKEY_SCALE", "1"))
SEED_OFFSET = int(os.environ.get("LIVEBLOG_MONKEY_SEED", "0"))


def steps(n: int) -> int:
    return max(1, int(n * SCALE))
SETTLE_ROUNDS = 2


async def press(app: ReplayApp, pilot, key: str) -> None:
    """One key as the terminal driver delivers it, then let the screen settle.

    Pilot.press waits for the whole process to go idle twice per key (≥ 40 ms);
    the monkey needs thousands of keys, so it posts the same Key event and waits
    for the app and the screen's widgets to drain their queues instead (twice:
    the app forwards the key to the focused widget, which may post more).
    """
    char = key if len(key) == 1 else NON_PRINTING.get(key) or next((c for c, name in KEY_NAMES.items() if name == key), None)
    app.post_message(events.Key(key, char))
    for _ in range(SETTLE_ROUNDS):
        await pilot._wait_for_screen()


async def monkey(app: ReplayApp, steps: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed + SEED_OFFSET)
    log: deque = deque(maxlen=12)
    counts = {"key": 0, "paste": 0, "resize": 0, "typed": 0, "positions": 0}
    positions = set()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):  # the app builds its own timeline in a worker
            if app.session.timeline is not None:
                break
            await pilot.pause(0.02)
        assert app.session.timeline is not None
        await pilot.pause()
        check(app, log)
        for step in range(steps):
            roll = rng.random()
            typing = isinstance(app.focused, Input)
            if roll < 0.05:
                width, height = rng.choice([(20, 8), (200, 50), (rng.randint(20, 200), rng.randint(8, 50))])
                log.append(f"{step}:resize {width}x{height}")
                await pilot.resize_terminal(width, height)
                counts["resize"] += 1
            elif roll < 0.10:
                text = rng.choice(PASTES)
                log.append(f"{step}:paste {text[:20]!r} into {type(app.focused).__name__}")
                app.post_message(events.Paste(text))
                for _ in range(2):
                    await pilot._wait_for_screen()
                counts["paste"] += 1
            else:
                if typing:  # in a prompt: mostly type (q included), sometimes leave it
                    r = rng.random()
                    pool = ["escape", "enter"] if r < 0.15 else TYPING + ["q", "backspace"] if r < 0.7 else BOUND + TYPING
                    counts["typed"] += 1
                else:
                    pool = BOUND + TYPING
                key = key_for(rng.choice(pool))
                log.append(f"{step}:{key}{'(typing)' if typing else ''}@{app.session.clock.position}")
                await press(app, pilot, key)
                counts["key"] += 1
            if step % 50 == 0:
                await pilot.pause()  # let workers (filter/search) and timers land sometimes
            check(app, log)
            positions.add(app.session.clock.position)
        # Finally the app still answers: close prompts and screens, jump to the end.
        for _ in range(5):
            if len(app.screen_stack) == 1 and not isinstance(app.focused, Input):
                break
            await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        check(app, log)
        assert app.session.clock.position == len(app.session.blog.posts), " | ".join(log)
    counts["positions"] = len(positions)
    return counts


def replay_app(*argv: str) -> ReplayApp:
    """The app exactly as `liveblog-tui replay ARGV` builds it (blog, knowledge, options)."""
    return prepare_replay(build_parser().parse_args(["replay", *argv]))


@pytest.mark.slow
async def test_monkey_on_the_bundled_blog() -> None:
    app = replay_app("--paused")
    counts = await monkey(app, steps=steps(1000), seed=20250516)
    assert counts["positions"] > 20  # the monkey really moved the playhead around
    assert counts["resize"] > 40 and counts["paste"] > 40
    assert app.session.timeline.state_at(len(app.session.blog.posts)).delegations  # the panes had content to check


async def test_paging_a_pane_squeezed_to_nothing_does_not_crash() -> None:
    """Found by the monkey: a focused pane with 0 rows, its options replaced, then PageUp
    raised KeyError inside Textual's OptionList and the app exited."""
    app = replay_app("--paused", "--start-at", "50")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            if app.session.timeline is not None:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        await pilot.resize_terminal(20, 8)
        await pilot.pause()
        for pane_type in (DelegationsPane, SchedulePane, MeetingsList):
            app.query_one(pane_type).focus()
            await pilot.press("r", "e", "pageup", "pagedown", "comma", "pagedown", "pageup")
            assert app.is_running, pane_type.__name__
            check(app, deque([pane_type.__name__]))


@pytest.fixture(scope="module")
def blog_10k(tmp_path_factory):
    out = tmp_path_factory.mktemp("monkey") / "blog-10k.txt"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_blog.py"), "10000", str(out), "--seed", "7"],
                   check=True, capture_output=True, timeout=120)
    blog = load_blog(out)
    return blog, Timeline.build(blog, load_knowledge(None))  # the seed's people: panes have content


@pytest.mark.slow
async def test_monkey_on_a_10k_post_blog(blog_10k) -> None:
    blog, timeline = blog_10k
    assert len(blog.posts) >= 9000
    app = ReplayApp(blog, timeline=timeline, paused=True)
    counts = await monkey(app, steps=steps(400), seed=7)
    assert counts["positions"] > 20
