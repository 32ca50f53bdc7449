"""Pilot tests of the timeline view (T) and of key events (} {).

The app runs on the ten hand-built posts with TimelineFake (statuses, the talks'
schedule, the talks and a call), so what each key must show is known exactly.
Only public parts are read: the session, the screens and widgets' public
methods and properties, and the screen as the user sees it (fx.screen_text).
"""

from __future__ import annotations

import threading

import liveblog_app_fixtures as fx
from liveblog_timeline_fake import DELEGATIONS, KNOWLEDGE, TimelineFake
from textual import events
from textual.widgets import Static

from tui.app.app import ReplayApp
from tui.app.screens.timeline import TimelineScreen
from tui.app.widgets.timeline_chart import TimelineChart


def make_app(start_at: int = 8, **kw) -> ReplayApp:
    blog = fx.make_blog()
    return ReplayApp(blog, timeline=TimelineFake(blog), start_at=start_at, paused=True, **kw)


def gated_app(start_at: int = 4) -> tuple[ReplayApp, threading.Event]:
    """No timeline yet: the loading worker waits for the knowledge until the test says so."""
    gate = threading.Event()

    def knowledge():
        gate.wait(20)
        return KNOWLEDGE

    return ReplayApp(fx.make_blog(), knowledge_loader=knowledge, start_at=start_at, paused=True), gate


async def open_view(pilot) -> TimelineScreen:
    await fx.started(pilot)
    await pilot.press("T")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    return screen


def detail_text(screen: TimelineScreen) -> str:
    return screen.query_one("#timeline-detail", Static).visual.plain  # type: ignore[union-attr]


def selected(screen: TimelineScreen):
    return screen.chart.selected


def drawn(screen: TimelineScreen) -> list[str]:
    """The chart's rows as drawn (its picture), one string per row."""
    return screen.chart.picture.text().splitlines()


async def test_T_opens_the_lanes_at_the_playhead_and_escape_q_or_T_close_it() -> None:
    app = make_app(start_at=8)
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("escape", "q", "T"):
            screen = await open_view(pilot)
            lanes = screen.chart.lanes
            assert lanes is not None and lanes.seq == 8
            assert [lane.title for lane in lanes.lanes] == ["RU", "UA", "RU–UA talks", "Rubio–Medinsky call"]
            text = fx.screen_text(app)
            assert "Timeline · as of #8 · up to the playhead" in text and "Ukrainian delegation [UA]" not in text
            assert selected(screen).seq == 8  # the latest report: the talks began at #8
            assert "#8 Fri 16 May 09:30" in detail_text(screen)
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.replay and app.is_running, key  # q closes the view, it does not quit


class _QuietFake(TimelineFake):
    """The fake, with the Ukrainian row shown before it has any status (as a team named early has)."""

    def state_at(self, seq: int):
        from dataclasses import replace

        from tui.core.facts import DelegationState

        state = super().state_at(seq)
        if any(d.id == "ua" for d in state.delegations):
            return state
        name, label, color = DELEGATIONS["ua"]
        row = DelegationState("ua", name, label, color, None, None, (), False)
        return replace(state, delegations=(*state.delegations, row))


async def test_the_title_names_the_parties_with_no_status_yet_verbatim() -> None:
    blog = fx.make_blog()
    app = ReplayApp(blog, timeline=_QuietFake(blog), start_at=1, paused=True)
    async with app.run_test(size=(160, 40)) as pilot:
        await open_view(pilot)
        # by name, its brackets as typed (a border title would read "[UA]" as markup)
        assert "no status yet for Ukrainian delegation [UA]" in fx.screen_text(app)


async def test_marks_are_walked_with_the_arrows_and_enter_shows_the_source_post_in_the_feed() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_view(pilot)
        first = selected(screen)
        assert (first.lane, first.label, first.seq) == (0, "left Istanbul", 10)
        await pilot.press("left")
        assert selected(screen).label == "talks concluded" and "Russian delegation: talks concluded · #9" in detail_text(screen)
        await pilot.press("left", "left")
        assert (selected(screen).label, selected(screen).seq) == ("arrived in Istanbul", 1)
        await pilot.press("left")
        assert selected(screen).seq == 1  # the first mark of the lane stays
        await pilot.press("down")  # the UA lane: the mark nearest to post 1's time
        assert (selected(screen).lane, selected(screen).label) == (1, "will attend")
        await pilot.press("down")  # the talks: first planned at #3
        assert (selected(screen).symbol, selected(screen).seq) == ("◇", 3)
        assert "planned for Thu 15 May “for Thursday” · #3" in detail_text(screen)
        await pilot.press("right", "right")  # ↻ at #6, then the bar from #8 to #9 with its people
        bar = selected(screen)
        assert (bar.kind, bar.seq, bar.end_seq) == ("meeting", 8, 9)
        assert "present: Vladimir Medinsky, Rustem Umerov" in detail_text(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.replay
        assert fx.feed(app).cursor == 8 and fx.position(app) == 10  # the feed shows the source; the playhead stays


async def test_nothing_after_the_playhead_is_drawn_and_the_view_follows_the_playhead() -> None:
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_view(pilot)
        assert all(m.seq <= 5 and m.end_seq <= 5 for m in screen.chart.lanes.marks)
        rows = drawn(screen)
        head = rows[0].index("▼")
        assert all(not row[head + 1:].strip() for row in rows[1:])  # no cell right of the playhead
        text = fx.screen_text(app)
        assert "travelling" not in text and "▶" not in text and "Rubio" not in text  # from posts 7 and 8
        app.replay.seek(8)  # the playhead moves under the open view (playing, or a jump)
        await pilot.pause()
        assert screen.chart.lanes.seq == 8 and "as of #8" in fx.screen_text(app)
        assert any("▶" in row for row in drawn(screen))
        app.replay.seek(3)
        await pilot.pause()
        assert screen.chart.lanes.seq == 3 and not any("▶" in row or "↻" in row for row in drawn(screen))


async def test_the_axis_ends_at_the_playhead_z_spans_the_whole_blog_and_is_kept() -> None:
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_view(pilot)
        fitted = drawn(screen)[0]
        assert "up to the playhead" in fx.screen_text(app) and fitted.rstrip().endswith("▼")
        await pilot.press("z")
        assert "whole blog" in fx.screen_text(app)
        whole = drawn(screen)[0]
        assert whole.index("▼") < fitted.index("▼")  # posts 6..10 are parsed: the axis runs on to them
        assert all(not row[whole.index("▼") + 1:].strip() for row in drawn(screen)[1:])  # but nothing is drawn there
        await pilot.press("escape")
        screen = await open_view(pilot)
        assert not screen.zoom and "whole blog" in fx.screen_text(app)


async def test_a_click_selects_a_mark_and_a_double_click_shows_its_post() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_view(pilot)
        chart = screen.chart
        picture = chart.picture
        mark = chart.lanes.lanes[1].marks[0]  # UA: will attend, from #2
        x = picture.title_width + 1 + picture.axis.column(mark.start) + 1
        y = picture.row_of(mark)
        await pilot.hover(TimelineChart, offset=(x, y))
        assert selected(screen).ident == mark.ident  # hovering selects: its detail is shown
        assert detail_text(screen).startswith("Ukrainian delegation [UA]: will attend")
        await pilot.click(TimelineChart, offset=(x, y), times=2)
        await pilot.pause()
        assert app.screen is app.replay and fx.feed(app).cursor == 2


async def test_opening_before_the_facts_are_extracted_is_safe_and_fills_in() -> None:
    app, gate = gated_app(start_at=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("T")  # before the panes are even mounted
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert screen.reason.startswith("facts still loading") and screen.chart.lanes is None
        assert "facts still loading" in fx.screen_text(app)
        await pilot.press("right", "down", "up", "left", "home", "end", "z", "enter")  # nothing to select: no-ops
        assert app.screen is screen and app.is_running
        gate.set()
        for _ in range(200):
            if app.session.complete:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        assert screen.chart.lanes is not None and screen.chart.lanes.seq == 4
        assert not screen.reason.startswith("facts still loading")


async def test_a_burst_of_T_and_T_after_q_are_safe() -> None:
    app = make_app(start_at=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        for _ in range(3):  # all queued before the first is handled
            app.post_message(events.Key("T", "T"))
        await fx.settle(pilot)
        assert app.is_running and sum(isinstance(s, TimelineScreen) for s in app.screen_stack) <= 1
        if isinstance(app.screen, TimelineScreen):
            await pilot.press("escape")
        await pilot.press("T")  # and it still opens
        assert isinstance(app.screen, TimelineScreen) and app.screen.chart.lanes.seq == 4
        await pilot.press("escape")
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key("T", "T"))  # on a closing app: inert
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_offers_the_timeline_and_key_events() -> None:
    from tui.app import keys

    titles = {k.title: k.palette_action for k in keys.palette()}
    assert titles["Timeline view"] == "timeline"
    assert titles["Next key event (a post that changes a pane)"] == "key_event(1)"
    app = make_app(start_at=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        commands = {c.title: c.callback for c in app.get_system_commands(app.screen)}
        await commands["Timeline view"]()
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


# ---------------------------------------------------------------- key events: } and {
async def test_braces_jump_between_key_events_and_the_status_bar_says_what_changed() -> None:
    app = make_app(start_at=3)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        await pilot.press("right_curly_bracket")
        assert fx.position(app) == 5  # post 4 changes nothing a pane shows
        assert fx.player(app).current_notice == "#5: Ukrainian delegation [UA] arrived in Ankara"
        bar = fx.screen_text(app).splitlines()[-2]
        assert "#5: Ukrainian" in bar and "5/10" in bar  # the position stays on the line at 80 columns
        await pilot.press("right_curly_bracket")
        assert fx.position(app) == 6
        assert fx.player(app).current_notice == "#6: Russia – Ukraine talks rescheduled to ~Fri 16 May 09:30"
        await pilot.press("left_curly_bracket", "left_curly_bracket")
        assert fx.position(app) == 3 and fx.player(app).current_notice.startswith("#3: Russia – Ukraine talks planned")
        await pilot.press("e", "right_curly_bracket")
        assert fx.position(app) == 10 and fx.player(app).current_notice == "no later key event"
        await pilot.press("r", "left_curly_bracket")
        assert fx.position(app) == 1 and fx.player(app).current_notice == "no earlier key event"
        await pilot.press("right_curly_bracket")
        k = fx.position(app)
        assert k > 1 and fx.player(app).current_notice.startswith(f"#{k}:")
        await pilot.press("full_stop")  # another key moves the playhead: the notice was about post k
        assert fx.position(app) == k + 1 and fx.player(app).current_notice == ""


async def test_braces_while_facts_are_loading_say_so_and_do_not_move() -> None:
    app, gate = gated_app(start_at=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_curly_bracket")
        assert fx.position(app) == 4
        assert fx.player(app).current_notice == "facts still loading (extracted up to #0)"
        assert "facts still loading" in fx.screen_text(app)
        await pilot.press("left_curly_bracket")
        assert fx.position(app) == 4 and fx.player(app).current_notice.startswith("facts still loading")
        gate.set()
