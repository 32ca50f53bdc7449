"""Pilot tests: each player / navigation key → clock, feed, panes and what is on screen."""

from __future__ import annotations

from pathlib import Path

import liveblog_app_fixtures as fx
import pytest
from liveblog_fake_timeline import FakeTimeline

from tui.app.app import ReplayApp, SearchBar, SummaryPanel
from tui.app.widgets.feed import FeedView, NewPostsPill
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.panes import DelegationsPane, FactSelected


class FakeNow:
    """Injected monotonic clock: tests decide when time passes."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def make_app(start_at: int | None = None, paused: bool = True, blog=None, **kw) -> ReplayApp:
    blog = blog or fx.make_blog()
    return ReplayApp(blog, timeline=FakeTimeline(blog), start_at=start_at, paused=paused, **kw)


def panes_match(app: ReplayApp) -> bool:
    """The delegations pane shows exactly state_at(playhead)."""
    expected = app.timeline.state_at(app.clock.position)
    app.timeline.calls.pop()  # our own call does not count
    return app.state == expected and app.query_one(DelegationsPane)._key == expected.delegations


def count_paints(app: ReplayApp) -> tuple[list[int], list[int]]:
    """Lists that grow by one each time the status bar / the feed is rendered."""
    bar_paints: list[int] = []
    feed_paints: list[int] = []
    bar, feed = app.player, app.feed
    render_bar, render_lines = bar.render, feed.render_lines
    bar.render = lambda: (bar_paints.append(1), render_bar())[1]
    feed.render_lines = lambda crop: (feed_paints.append(1), render_lines(crop))[1]
    return bar_paints, feed_paints


async def settle(pilot, app: ReplayApp) -> None:
    """Wait until the start-up layout (panes mounted after the first frame) is painted."""
    bar_paints, feed_paints = count_paints(app)
    for _ in range(30):
        before = len(bar_paints) + len(feed_paints)
        await pilot.pause(0.1)
        if len(bar_paints) + len(feed_paints) == before:
            break
    del app.player.render, app.feed.render_lines  # back to the class's methods


async def test_opens_on_the_oldest_post_with_the_clock_at_its_time() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.clock.position == 1
        assert app.feed.last_visible == 1
        text = fx.screen_text(app)
        assert "Alpha" in text and "Bravo" not in text
        assert app.player.status.sim_time == app.blog.posts[0].time
        assert "⏸" in text and "1/10" in text


async def test_step_forward_and_back_reveal_and_hide_one_post() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("full_stop")
        assert app.clock.position == 2
        assert app.feed.last_visible == 2
        assert "Bravo" in fx.screen_text(app)
        assert not app.clock.playing  # stepping keeps a paused replay paused
        await pilot.press("full_stop", "full_stop", "comma")
        assert app.clock.position == 3
        text = fx.screen_text(app)
        assert "Charlie" in text and "Delta" not in text
        assert panes_match(app)


async def test_step_back_never_goes_below_post_one() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("comma", "comma")
        assert app.clock.position == 1 and app.feed.last_visible == 1


async def test_space_plays_and_the_timer_reveals_posts() -> None:
    now = FakeNow()
    app = make_app(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        assert app.clock.playing
        assert "▶" in fx.screen_text(app)
        due = app.clock.next_due(now.t)
        assert due is not None and due > 0
        await pilot.pause(0.2)  # the playback timer ticks, but no time has passed
        assert app.clock.position == 1
        now.t += due + 0.01
        await pilot.pause(0.2)  # the real 20 Hz timer fires and hands the clock the new time
        assert app.clock.position == 2 and app.feed.last_visible == 2
        assert panes_match(app)
        await pilot.press("space")
        assert not app.clock.playing
        now.t += 3600
        await pilot.pause(0.2)
        assert app.clock.position == 2  # paused stays paused


async def test_one_fixed_rate_timer_started_once() -> None:
    """Play, pause, speed and steps never re-create, reset or stop the timer."""
    now = FakeNow()
    app = make_app(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        ticker = app._ticker
        assert ticker is not None
        for key in ("space", "full_stop", "plus", "minus", "p", "p", "space", "r", "space"):
            await pilot.press(key)
            assert app._ticker is ticker
        assert [t for t in app._timers if t.name == "playback"] == [ticker]


async def test_a_tick_while_paused_repaints_nothing() -> None:
    now = FakeNow()
    app = make_app(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        bar_paints, feed_paints = count_paints(app)
        now.t += 3600
        for _ in range(5):
            app._tick()
        await pilot.pause(0.1)
        assert (bar_paints, feed_paints) == ([], []) and app.clock.position == 1


async def test_playing_repaints_the_bar_only_when_its_text_moves() -> None:
    """Between posts the clock ticks on; the bar repaints when the shown minute
    changes, not on every tick; the feed is not repainted until a post is due."""
    now = FakeNow()
    app = make_app(now=now, speed=1.0)  # one simulated second per real second
    async with app.run_test(size=(120, 40)) as pilot:
        app.clock.set_idle_cap(None, now.t)  # the 90-minute gap to post 2 really takes 90 minutes
        await pilot.press("space")
        await settle(pilot, app)
        bar_paints, feed_paints = count_paints(app)
        for _ in range(5):  # a tenth of a simulated second each: the minute stays
            now.t += 0.1
            app._tick()
        await pilot.pause(0.05)
        assert bar_paints == [] and feed_paints == []
        shown = app.player.status.sim_time
        now.t += 61
        app._tick()
        await pilot.pause(0.05)
        assert bar_paints and app.player.status.sim_time.minute != shown.minute
        assert feed_paints == [] and app.clock.position == 1

async def test_faster_slower_change_speed_and_show_it_briefly() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.clock.speed
        await pilot.press("plus")
        assert app.clock.speed > start
        assert f"speed {app.clock.speed:g}×" in fx.screen_text(app)
        await pilot.press("minus", "minus")
        assert app.clock.speed < start
        assert app.player.current_notice == f"speed {app.clock.speed:g}×"


async def test_pace_mode_toggles() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert app.clock.pace is not None
        assert "1 post/" in fx.screen_text(app)
        await pilot.press("p")
        assert app.clock.pace is None


async def test_day_jumps() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")
        assert app.clock.position == 5  # first post of 15 May
        assert app.blog.posts[app.feed.last_visible - 1].day.day == 15
        await pilot.press("right_square_bracket")
        assert app.clock.position == 8
        await pilot.press("left_square_bracket")
        assert app.clock.position == 5
        assert panes_match(app)


async def test_digit_jumps_to_a_fraction_of_the_time_span() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        ts = [p.time.timestamp() for p in app.blog.posts]
        target = ts[0] + 0.5 * (ts[-1] - ts[0])
        expected = max(i + 1 for i, t in enumerate(ts) if t <= target)
        assert app.clock.position == expected
        await pilot.press("0")
        assert app.clock.position == 1


async def test_end_reveals_the_summary_and_stepping_back_hides_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        summary = app.query_one(SummaryPanel)
        assert not summary.display
        assert "POW exchange" not in fx.screen_text(app)
        await pilot.press("e")
        assert app.clock.position == 10 and summary.display
        assert "Summary: talks ended with a POW exchange [US]." in fx.screen_text(app)
        await pilot.press("comma")
        assert not summary.display
        await pilot.press("r")
        assert app.clock.position == 1 and app.feed.last_visible == 1


async def test_state_at_is_called_once_per_position_change() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.timeline.calls.clear()
        await pilot.press("full_stop", "full_stop", "plus", "comma", "e")
        assert app.timeline.calls == [2, 3, 2, 10]


@pytest.mark.parametrize("keys", [("full_stop", "full_stop"), ("e", "comma"), ("5",), ("right_square_bracket",), ("e", "r", "full_stop")])
async def test_panes_equal_state_at_playhead(keys: tuple[str, ...]) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press(*keys)
        assert panes_match(app)
        assert app.feed.last_visible == app.clock.position  # never a post beyond k


async def test_goto_post_number_and_time() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon")
        await pilot.pause()
        await pilot.press(*"#4", "enter")
        await pilot.pause()
        assert app.clock.position == 4
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*"15 May 11:00", "enter")
        await pilot.pause()
        assert app.clock.position == 6
        assert app.resolve_goto("16:00") == 6  # a bare time is on the current day (15 May): Foxtrot
        with pytest.raises(ValueError):
            app.resolve_goto("#99")
        with pytest.raises(ValueError):
            app.resolve_goto("not a time at all")


async def test_search_highlights_and_n_jumps_between_matches() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert app.query_one(SearchBar).display
        await pilot.press(*"medinsky")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.search_result is not None and list(app.search_result.seqs) == [1, 9]
        assert app.feed.cursor == 1  # first match after the (empty) cursor
        await pilot.press("n")
        assert app.feed.cursor == 9
        await pilot.press("N")
        assert app.feed.cursor == 1
        assert app.clock.position == 10  # searching never moves the playhead


async def test_search_never_jumps_into_the_future() -> None:
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_search("Medinsky")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", "n")
        assert app.feed.cursor == 1  # post 9 also matches but is not revealed yet


async def test_filter_narrows_feed_but_keeps_playhead() -> None:
    app = make_app(start_at=9)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        bar = app.query_one(FilterBar)
        bar.set_query("delegation")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clock.position == 9
        shown = app.feed.visible_seqs()
        expected = [p.seq for p in app.blog.posts[:9] if "delegation" in p.text.lower()]
        assert shown == expected and shown  # filter ∩ 1..9
        await pilot.press("escape")
        await pilot.press("full_stop")  # post 10 also matches: it appears as the clock reaches it
        assert app.clock.position == 10 and app.feed.last_visible == 10
        assert panes_match(app)


async def test_filter_with_no_result_says_so() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        app.query_one(FilterBar).set_query("zzzzqqq")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.feed.visible_count == 0
        assert "No posts match the filter" in fx.screen_text(app)
        assert app.clock.position == 10


async def test_enter_opens_the_selected_post_with_its_facts() -> None:
    from tui.app.screens.post import PostScreen

    app = make_app(start_at=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PostScreen)
        assert app.screen.post.seq == 3
        assert len(app.screen.facts) == 1  # post 3 is the source of the "arrived" fact
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PostScreen)


async def test_fact_selection_jumps_the_feed_to_its_post() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes mount right after the first frame
        app.query_one(DelegationsPane).post_message(FactSelected(3, "delegations"))
        await pilot.pause()
        assert app.feed.cursor == 3 and not app.feed.follow
        assert "Charlie" in fx.feed_text(app.feed)
        assert app.clock.position == 10


async def test_help_lists_bindings_and_closes() -> None:
    from tui.app.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        for description in ("Play/Pause", "Step +1", "Next day", "Go to", "Search", "Filter", "Quit"):
            assert description in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_every_player_action_is_in_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in ("Play / pause", "Step forward", "Step back", "Faster", "Slower", "Next day", "Previous day",
                      "Restart", "Jump to the end", "Go to…", "Search", "Filter", "Toggle panes", "Jump to 50%"):
            assert title in titles


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_hostile_post_text_is_shown_verbatim() -> None:
    app = make_app(start_at=4)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        text = fx.screen_text(app)
        for hostile in fx.HOSTILE:
            assert hostile in text
        assert app.is_running  # [@click=app.quit] did not become an action


async def test_layout_narrow_hides_panes_and_v_stacks_them() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        panes = app.query_one("#panes")
        assert panes.region.width == 0 or not panes.display or panes.styles.display == "none"
        await pilot.press("v")
        await pilot.pause()
        assert panes.region.height > 0 and panes.region.y > app.feed.region.y  # stacked below the feed
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert app.screen.has_class("-wide") and not app.screen.has_class("-narrow")
        dele, sched = app.query_one("#delegations-pane"), app.query_one("#schedule-pane")
        assert dele.region.y == sched.region.y and dele.region.x < sched.region.x  # side by side


async def test_new_posts_pill_while_scrolled_away() -> None:
    app = make_app(start_at=6)
    async with app.run_test(size=(80, 24)) as pilot:
        feed = app.feed
        await pilot.press("g")
        assert feed.cursor == 1 and not feed.follow
        top = feed.scroll_y
        await pilot.press("full_stop", "full_stop", "full_stop")
        await pilot.pause()
        assert feed.scroll_y == top  # arrivals do not move the view
        assert feed.cursor == 1
        pill = app.query_one(NewPostsPill)
        assert pill.display and "3 new posts" in fx.screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert not pill.display and feed.follow and feed.cursor == 9
        assert "Indi" in fx.feed_text(feed)


async def test_following_feed_shows_each_new_post() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(9):
            await pilot.press("full_stop")
        await pilot.pause()
        assert app.feed.follow and app.feed.cursor == 10
        assert "Juliet" in fx.feed_text(app.feed)


async def test_tab_cycles_focus_between_feed_and_panes() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, FeedView)
        await pilot.press("tab")
        assert app.focused is not None and not isinstance(app.focused, FeedView)


async def test_in_a_terminal_the_first_frame_is_the_feed_and_the_rest_follows() -> None:
    """run() (a real terminal) composes only the feed and the player bar; the
    filter bar, search bar, pill, summary, footer and panes are mounted right
    after the first frame, and then work as usual."""
    from textual.widgets import Footer

    app = make_app()
    app._defer_chrome = True  # what run() sets
    app.css_path = [p for p in app.css_path if Path(p).name != "widgets.tcss"]  # likewise
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.query(FilterBar) and app.query(SearchBar) and app.query(SummaryPanel) and app.query(Footer)
        assert app.query(DelegationsPane)
        assert not app.query_one(SummaryPanel).display and not app.query_one(NewPostsPill).display
        await pilot.press("f", "E", "c", "h", "o")
        await pilot.pause(0.3)
        assert app.filter_query is not None and app.filter_seqs is not None
        assert app.query_one("#filter-row").styles.height.value == 1  # widgets.tcss was read with the bar
        app.screen.set_focus(app.feed)
        await pilot.press("e")
        assert app.clock.at_end and app.query_one(SummaryPanel).display


async def test_no_match_notice_says_nothing_about_later_posts_and_shows_brackets() -> None:
    """The notice neither counts matches after the playhead (a spoiler) nor
    reads the typed text as markup."""
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_search("Juliet")  # only in post 10, after the playhead
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.set_search("[/]zzz")  # matches nothing; "[/]" would raise as markup
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("“Juliet” in the posts shown" in m for m in messages), messages
        assert any("“[/]zzz”" in m for m in messages), messages
        assert not any("later" in m for m in messages)
        assert all(n.markup is False for n in app._notifications)
        assert app.is_running
