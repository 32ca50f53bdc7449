"""Monkey test: random keys, pastes and resizes through Pilot.

On the bundled blog (built as `liveblog-tui replay` builds it) and on a
generated 2,000-post blog. After every step the app is still running, the feed
shows posts 1..k only, and what the three panes show is exactly
`timeline.state_at(k)` for the playhead k (read back through the panes' public
API: their rows, their source seqs, the people grid).

Deterministic: the script of steps comes from the seed alone (`script`), the
app's monotonic clock is injected and moves only between steps, and each step
waits until the app has handled it (queues drained, filter and search workers
done) — so a seed replays identically and no assertion depends on timing. The
log of the last steps is in every assertion message.
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
    EARLIER_SHOWN,
    DelegationsPane,
    MeetingsList,
    meeting_news,
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
         "end", "enter", "escape", "tab", "shift+tab", "ctrl+x", "backspace", "delete", "ctrl+u", "ctrl+w",
         "T", "z", "h", "l", "right_curly_bracket", "left_curly_bracket"]
TYPING = [*string.ascii_letters.replace("q", ""), *string.digits, *"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ "]
KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", "+": "plus", "-": "minus", "[": "left_square_bracket",
             "]": "right_square_bracket", ":": "colon", "/": "slash", "?": "question_mark", "=": "equals_sign",
             "_": "underscore", "{": "left_curly_bracket", "}": "right_curly_bracket"}
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
    replay = app.replay
    if replay.facts != expected:
        problems.append(f"the panes' facts are for seq {getattr(replay.facts, 'seq', None)}, playhead is {k}")
    deleg = replay.query_one(DelegationsPane)
    rows = [deleg.get_option_at_index(i) for i in range(deleg.option_count)]
    if expected.delegations:
        if [o.prompt.plain for o in rows] != [deleg.row(d).plain for d in expected.delegations]:
            problems.append("delegations pane rows differ from state_at(k)")
    elif len(rows) != 1 or not rows[0].disabled:
        problems.append("delegations pane is not empty though state_at(k) has no delegations")
    sched = replay.query_one(SchedulePane)
    seqs = sorted(s for i in range(sched.option_count) if (s := sched.seq_of(sched.get_option_at_index(i).id or "")) is not None)
    # A repeat is a source, not a row; under each meeting its current plan and the latest
    # EARLIER_SHOWN before it.
    by_subject: dict[str, list[int]] = {}
    for f in expected.schedule:
        if not f.confirms:
            by_subject.setdefault(f.subject, []).append(f.seq)
    if seqs != sorted(s for told in by_subject.values() for s in told[-(EARLIER_SHOWN + 1):]):
        problems.append(f"schedule pane shows facts from posts {seqs[-5:]}…, state_at(k) has {len(expected.schedule)} facts")
    meetings = replay.query_one(MeetingsList)
    shown = [meetings.get_option_at_index(i).prompt.plain for i in range(meetings.option_count)]
    news = meeting_news(expected)
    if expected.meetings and shown != [meetings.row(i, m, news.get(m.id)).plain for i, m in enumerate(expected.meetings)]:
        problems.append("meetings list differs from state_at(k)")
    # A row per person present or announced somewhere; someone only reported absent has none.
    people: set[str] = set()
    for m in expected.meetings:
        persons = [p for p in m.participants if p.kind == "person"]
        gone = {p.name for p in persons if p.basis == "absent"}
        there = {p.name for p in persons if p.basis == "present"}
        people |= there | {p.name for p in persons if p.basis != "absent" and p.name not in gone}
    if replay.query_one(PeopleGrid).row_count != (len(people) if expected.meetings else 0):
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
STEP_SECONDS = 0.5  # simulated real time between two steps (the app's clock is injected)


def steps(n: int) -> int:
    return max(1, int(n * SCALE))


class StepClock:
    """The app's monotonic clock: it moves only between steps, so playing is
    deterministic (the 20 Hz timer may tick any number of times in between)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def script(seed: int, n: int) -> list[tuple[str, object]]:
    """The whole run, drawn from the seed alone (never from the app's state), so
    a seed replays identically: ("key", name) | ("paste", text) | ("resize", (w, h))."""
    rng = random.Random(seed + SEED_OFFSET)
    out: list[tuple[str, object]] = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.05:
            out.append(("resize", rng.choice([(20, 8), (200, 50), (rng.randint(20, 200), rng.randint(8, 50))])))
        elif roll < 0.10:
            out.append(("paste", rng.choice(PASTES)))
        elif roll < 0.15:
            out.append(("key", rng.choice(["escape", "enter"])))
        else:
            out.append(("key", key_for(rng.choice(BOUND + TYPING))))
    return out


async def settle(pilot) -> None:
    """Until the step's effects are all handled: queues drained, filter and search
    done and their results handled (one more round after a worker finished)."""
    app = pilot.app
    await pilot.pause()
    waited = False
    for _ in range(400):
        if not any(w.is_running for w in app.workers):
            if waited:
                await pilot.pause()
            return
        waited = True
        await pilot.pause()
    raise AssertionError("the app did not settle")


async def monkey(app: ReplayApp, clock: StepClock, n_steps: int, seed: int) -> dict[str, int]:
    log: deque = deque(maxlen=12)
    counts = {"key": 0, "paste": 0, "resize": 0, "positions": 0}
    positions = set()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):  # the app parses and extracts in a worker: start from a complete replay
            if app.session.complete:
                break
            await pilot.pause(0.02)
        assert app.session.complete
        await settle(pilot)
        check(app, log)
        for step, (kind, arg) in enumerate(script(seed, n_steps)):
            log.append(f"{step}:{kind} {str(arg)[:20]!r}@{app.session.clock.position} in {type(app.focused).__name__}")
            if kind == "resize":
                await pilot.resize_terminal(*arg)  # type: ignore[misc]
            elif kind == "paste":
                app.post_message(events.Paste(str(arg)))
            else:
                char = arg if len(str(arg)) == 1 else NON_PRINTING.get(str(arg)) or next(
                    (c for c, name in KEY_NAMES.items() if name == arg), None)
                app.post_message(events.Key(str(arg), char))
            counts[kind] += 1
            clock.t += STEP_SECONDS
            app.replay.tick()
            await settle(pilot)
            check(app, log)
            positions.add(app.session.clock.position)
        # Finally the app still answers: close prompts and dialogs, jump to the end.
        for _ in range(5):
            if app.screen is app.replay and not isinstance(app.focused, Input):
                break
            await pilot.press("escape")
        await pilot.press("e")
        await settle(pilot)
        check(app, log)
        assert app.session.clock.position == len(app.session.blog.posts), " | ".join(log)
    counts["positions"] = len(positions)
    return counts


def replay_app(*argv: str, now=None) -> ReplayApp:
    """The app exactly as `liveblog-tui replay ARGV` builds it (blog, knowledge, options)."""
    app = prepare_replay(build_parser().parse_args(["replay", *argv]))
    if now is None:
        return app
    session = app.session  # the same app, with the step clock
    return ReplayApp(session.blog, load=session.load, knowledge_loader=lambda: load_knowledge(None),
                     paused=not session.start_playing, now=now)


async def test_monkey_on_the_bundled_blog() -> None:
    clock = StepClock()
    app = replay_app("--paused", now=clock)
    counts = await monkey(app, clock, steps(100), seed=20250516)
    planned = script(20250516, steps(100))
    assert all(counts[kind] == sum(k == kind for k, _ in planned) for kind in ("key", "paste", "resize"))
    assert counts["positions"] >= 3, counts  # the monkey really moved the playhead (twice at least), not only prompts
    assert app.session.timeline.state_at(len(app.session.blog.posts)).delegations  # the panes had content


def test_the_script_depends_on_the_seed_only() -> None:
    assert script(7, 200) == script(7, 200) and script(7, 200) != script(8, 200)


async def test_paging_a_pane_squeezed_to_nothing_does_not_crash() -> None:
    """Found by the monkey: a focused pane with 0 rows, its options replaced, then PageUp
    raised KeyError inside Textual's OptionList and the app exited."""
    app = replay_app("--paused", "--start-at", "50")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            if app.session.complete:
                break
            await pilot.pause(0.02)
        await pilot.resize_terminal(20, 8)
        await pilot.pause()
        for pane_type in (DelegationsPane, SchedulePane, MeetingsList):
            app.replay.query_one(pane_type).focus()
            await pilot.press("r", "e", "pageup", "pagedown", "comma", "pagedown", "pageup")
            assert app.is_running, pane_type.__name__
            check(app, deque([pane_type.__name__]))


@pytest.fixture(scope="module")
def blog_2k(tmp_path_factory):
    out = tmp_path_factory.mktemp("monkey") / "blog-2k.txt"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_blog.py"), "2000", str(out), "--seed", "7"],
                   check=True, capture_output=True, timeout=120)
    blog = load_blog(out)
    return blog, Timeline.build(blog, load_knowledge(None))  # the seed's people: panes have content


async def test_monkey_on_a_generated_2000_post_blog(blog_2k) -> None:
    blog, timeline = blog_2k
    assert len(blog.posts) >= 1800
    clock = StepClock()
    app = ReplayApp(blog, timeline=timeline, paused=True, now=clock)
    counts = await monkey(app, clock, steps(60), seed=7)
    assert counts["key"] + counts["paste"] + counts["resize"] == steps(60)
    assert counts["positions"] > 3, counts
