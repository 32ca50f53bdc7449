"""Pilot tests: each key → session, feed, panes and what is on screen.

Only public parts are read: the session (tui.core.session), the replay screen's
reactives (`facts`, `status`), widgets' public methods, and the screen as the
user sees it (fx.screen_text, from App.export_screenshot).
"""

from __future__ import annotations

import liveblog_app_fixtures as fx
import pytest
from liveblog_fake_timeline import FakeTimeline
from textual import events

from tui.app.app import ReplayApp
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.panes import DelegationsPane, FactSelected, MeetingsPane, SchedulePane
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.summary import SummaryPanel


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
    """The panes show exactly state_at(playhead)."""
    timeline = app.session.timeline
    expected = timeline.state_at(fx.position(app))
    timeline.calls.pop()  # our own call does not count
    pane = app.replay.query_one(DelegationsPane)
    rows = [pane.get_option_at_index(i).prompt.plain for i in range(pane.option_count)]
    return app.replay.facts == expected and rows == [pane.row(d).plain for d in expected.delegations]


def post_keys(app: ReplayApp, *keys: str) -> None:
    """Keys as a fast typist or a paste delivers them: all queued before any is handled."""
    names = {"/": "slash", " ": "space", ".": "full_stop", ":": "colon"}
    for key in keys:
        char = key if len(key) == 1 else {"enter": "\r", "escape": "\x1b"}.get(key)
        app.post_message(events.Key(names.get(key, key), char))


async def test_opens_on_the_oldest_post_with_title_legend_and_clock() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        assert fx.position(app) == 1 and fx.feed(app).last_visible == 1
        text = fx.screen_text(app)
        assert "Alpha" in text and "Bravo" not in text
        assert text.splitlines()[0].lstrip().startswith("Test talks")  # the blog's title
        assert "~ estimated time" in text and "◆ changed" in text  # the legend
        assert app.replay.status.sim_time == app.session.blog.posts[0].time
        assert "⏸" in text and "1/10" in text and "idle ≤2s" in text


async def test_step_forward_and_back_reveal_and_hide_one_post() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("full_stop")
        assert fx.position(app) == 2 and fx.feed(app).last_visible == 2
        assert "Bravo" in fx.screen_text(app)
        assert not app.session.clock.playing  # stepping keeps a paused replay paused
        await pilot.press("full_stop", "full_stop", "comma", "comma", "comma", "comma")
        assert fx.position(app) == 1  # never below post 1
        await pilot.press("full_stop", "full_stop")
        text = fx.screen_text(app)
        assert "Charlie" in text and "Delta" not in text
        assert panes_match(app)


async def test_space_plays_and_the_timer_reveals_posts() -> None:
    now = FakeNow()
    app = make_app(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        assert app.session.playing and "▶" in fx.screen_text(app)
        due = app.session.clock.next_due(now.t)
        assert due is not None and due > 0
        await pilot.pause(0.1)  # the playback timer ticks, but no time has passed
        assert fx.position(app) == 1
        now.t += due + 0.01
        await pilot.pause(0.1)  # the 20 Hz timer hands the clock the new time
        assert fx.position(app) == 2 and fx.feed(app).last_visible == 2
        assert panes_match(app)
        await pilot.press("space")
        now.t += 3600
        await pilot.pause(0.1)
        assert fx.position(app) == 2  # paused stays paused


async def test_speed_keys_show_plain_numbers_and_the_idle_cap_key_lets_gaps_run() -> None:
    now = FakeNow()
    app = make_app(now=now, speed=1e9)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "1,000,000,000×" in fx.screen_text(app)  # not 1e+09×
        await pilot.press("minus")
        assert app.session.clock.speed == 3600 and "speed 3,600×" in fx.screen_text(app)
        await pilot.press(*["minus"] * 5, "space")  # 60×: the 90-minute gap to post 2 …
        assert app.session.clock.speed == 60 and app.session.clock.next_due(now.t) == pytest.approx(2.0)  # … capped
        for _ in range(4):  # 2 s → 5 → 10 → 30 → none
            await pilot.press("i")
        assert app.session.clock.idle_cap is None
        assert app.session.clock.next_due(now.t) == pytest.approx(90.0)  # now the speed decides
        assert "idle: real gaps" in fx.screen_text(app)


async def test_pace_mode_toggles() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        assert app.session.clock.pace is not None and "1 post/2s" in fx.screen_text(app)
        await pilot.press("p")
        assert app.session.clock.pace is None


@pytest.mark.parametrize("keys, expected", [(("right_square_bracket",), 5), (("right_square_bracket",) * 2, 8),
                                            (("right_square_bracket", "right_square_bracket", "left_square_bracket"), 5),
                                            (("5",), None), (("e", "comma"), 9), (("e", "r", "full_stop"), 2)])
async def test_jumps_land_where_the_clock_says_and_the_panes_follow(keys, expected) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        await pilot.press(*keys)
        if expected is None:  # 5 = 50 % of the time span
            ts = [p.time.timestamp() for p in app.session.blog.posts]
            expected = max(i + 1 for i, t in enumerate(ts) if t <= ts[0] + 0.5 * (ts[-1] - ts[0]))
        assert fx.position(app) == expected
        assert panes_match(app)
        assert fx.feed(app).last_visible == expected  # never a post beyond k


async def test_end_reveals_the_summary_and_stepping_back_hides_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        summary = app.replay.query_one(SummaryPanel)
        assert not summary.display and "POW exchange" not in fx.screen_text(app)
        await pilot.press("e")
        assert fx.position(app) == 10 and summary.display
        assert "Summary: talks ended with a POW exchange [US]." in fx.screen_text(app)
        await pilot.press("comma")
        assert not summary.display


async def test_a_summary_taller_than_its_room_says_how_many_lines_are_out_of_view() -> None:
    long = "\n".join(f"Paragraph {i} of a long summary written after the events." for i in range(1, 31))
    app = make_app(blog=fx.make_blog(summary=long))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        summary = app.replay.query_one(SummaryPanel)
        assert summary.display and "Paragraph 1 " in fx.screen_text(app)
        assert "more lines" in str(summary.border_subtitle)
        summary.scroll_end(animate=False)
        await pilot.pause()
        assert "above" in str(summary.border_subtitle) and "more lines" not in str(summary.border_subtitle)


async def test_end_shows_the_newest_post_even_after_selecting_an_older_one() -> None:
    app = make_app(start_at=6)
    async with app.run_test(size=(120, 40)) as pilot:
        feed = app.replay.feed
        await pilot.press("k", "k")
        assert not feed.follow and feed.cursor is not None and feed.cursor < feed.last_visible
        await pilot.press("e")
        assert fx.position(app) == 10
        assert feed.follow and feed.cursor == feed.last_visible


async def test_state_at_is_called_once_per_position_change() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        app.session.timeline.calls.clear()
        await pilot.press("full_stop", "full_stop", "plus", "comma", "e")
        assert app.session.timeline.calls == [2, 3, 2, 10]


async def test_goto_post_number_time_and_day() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("colon")
        await fx.type_keys(pilot, "#4", "enter")
        assert fx.position(app) == 4
        await pilot.press("t")
        await fx.type_keys(pilot, "15 May 11:00", "enter")
        assert fx.position(app) == 6
        await pilot.press("t")
        await fx.type_keys(pilot, "16 May", "enter")
        assert fx.position(app) == 8
        await pilot.press("t")
        await fx.type_keys(pilot, "#99", "enter")
        assert "no post #99" in fx.screen_text(app)  # shown inline; the prompt stays open
        await pilot.press("escape")
        assert fx.position(app) == 8 and app.screen is app.replay


async def test_search_highlights_counts_and_wraps() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert app.replay.query_one(SearchBar).display
        await fx.type_keys(pilot, "medinsky", "enter")
        assert app.session.search.result.seqs == (1, 9)
        feed = fx.feed(app)
        assert feed.cursor == 1 and "match 1/2" in fx.screen_text(app)
        await pilot.press("n")
        assert feed.cursor == 9 and "match 2/2" in fx.screen_text(app)
        await pilot.press("n")
        assert feed.cursor == 1 and "match 1/2 · wrapped" in fx.screen_text(app)
        await pilot.press("N")
        assert feed.cursor == 9 and fx.position(app) == 10  # searching never moves the playhead


async def test_escape_in_the_feed_clears_a_finished_search() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        await fx.type_keys(pilot, "medinsky", "enter")
        assert app.session.search.text == "medinsky" and app.focused is fx.feed(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.search.text == "" and "match" not in fx.screen_text(app).split("\n")[-2]
        await pilot.press("escape")  # nothing to clear: nothing happens
        assert app.is_running and fx.position(app) == 10


async def test_search_never_jumps_into_the_future_and_says_why() -> None:
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert "no search — press / to search" in fx.screen_text(app)
        await fx.type_keys(pilot, "/", "Juliet", "enter")  # only in post 10, after the playhead
        assert "no match for “Juliet” in the posts shown" in fx.screen_text(app)
        await fx.type_keys(pilot, "/", "[/]zzz", "enter")  # "[/]" would raise as markup
        assert "“[/]zzz”" in fx.screen_text(app) and app.is_running


async def test_a_search_typed_fast_and_confirmed_at_once_still_jumps() -> None:
    """Enter arrives before the search result: the jump waits for it, and keys typed
    after Enter go to the feed, not into the closing bar."""
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "/", "medinsky", "enter", "n")
        assert app.session.search.text == "medinsky"
        assert fx.feed(app).cursor == 9  # enter jumped to 1, then n to 9
        assert not app.replay.query_one(SearchBar).display


async def test_a_bad_regex_is_shown_once_in_the_search_bar_not_as_toasts() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.type_keys(pilot, "/", "re:(a[b")
        bar = app.replay.query_one(SearchBar)
        assert bar.error.startswith("bad regex") and bar.error in fx.screen_text(app)
        assert not app.screen.query("Toast")  # no toast per keystroke
        await pilot.press("enter")  # refused: the bar stays open with its reason
        assert bar.display and app.focused is bar.input
        await fx.type_keys(pilot, "backspace", "backspace", "backspace", "backspace")
        assert bar.error == ""


async def test_filter_narrows_feed_keeps_playhead_and_ctrl_x_clears_from_anywhere() -> None:
    app = make_app(start_at=9)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.type_keys(pilot, "f", "delegation")
        expected = [p.seq for p in app.session.blog.posts[:9] if "delegation" in p.text.lower()]
        assert fx.feed(app).visible_seqs() == expected and fx.position(app) == 9
        await pilot.press("ctrl+x")  # in the filter input: clears (not "cut")
        assert app.session.filter.query.is_empty and fx.feed(app).visible_count == 9
        await fx.type_keys(pilot, "delegation", "enter")
        assert fx.feed(app).visible_seqs() == expected and app.focused is fx.feed(app)
        await pilot.press("full_stop")  # post 10 also matches: it appears as the clock reaches it
        assert fx.feed(app).last_visible == 10
        await pilot.press("ctrl+x")  # from the feed
        assert fx.feed(app).visible_count == 10 and app.session.filter.seqs is None


async def test_filter_with_no_result_says_so() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.type_keys(pilot, "f", "zzzzqqq")
        assert fx.feed(app).visible_count == 0 and "No posts match the filter" in fx.screen_text(app)


async def test_a_filter_term_that_can_never_match_says_why_in_the_feed() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(160, 40)) as pilot:
        await fx.type_keys(pilot, "f", "outlet:nosuchoutlet", "enter")
        await pilot.pause()
        text = fx.screen_text(app)
        assert fx.feed(app).visible_count == 0
        # the reason, wrapped to the feed's width
        assert "No posts match the filter: no outlet matches" in text and "'nosuchoutlet' so far" in text


async def test_filter_person_terms_use_the_names_known_at_the_playhead() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.type_keys(pilot, "f", "person:medinsky")  # an alias from knowledge_at(k)
        assert fx.feed(app).visible_seqs() == [1, 9]


async def test_enter_opens_the_selected_post_with_its_facts() -> None:
    from tui.app.screens.post import PostScreen

    app = make_app(start_at=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, PostScreen) and app.screen.post.seq == 3
        assert len(app.screen.facts) == 1  # post 3 is the source of the "arrived" fact
        await pilot.press("escape")
        assert not isinstance(app.screen, PostScreen)


async def test_fact_selection_jumps_the_feed_to_its_post() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        app.replay.query_one(DelegationsPane).post_message(FactSelected(3, "delegations"))
        await pilot.pause()
        feed = fx.feed(app)
        assert feed.cursor == 3 and not feed.follow and "Charlie" in fx.feed_text(feed)
        assert fx.position(app) == 10


async def test_help_lists_every_key_from_the_table_and_closes() -> None:
    from tui.app import keys
    from tui.app.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text()
        for row in keys.rows():
            assert row.doc in text
        await pilot.press("q")  # closes the help, does not quit
        assert not isinstance(app.screen, HelpScreen) and app.is_running


async def test_the_command_palette_offers_every_action_by_what_it_does() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)):
        titles = {c.title for c in app.get_system_commands(app.replay)}
        for title in ("Play / pause", "Step forward", "Step back", "Faster (next speed up)", "Slower (next speed down)",
                      "Next day", "Previous day", "Restart at post 1", "Jump to the end", "Go to a post or a time",
                      "Search", "Filter", "Clear the filter", "Show / hide the panes", "Toggle the delegations pane",
                      "Toggle the schedule pane", "Toggle the meetings pane", "Oldest post", "Newest post (follow)",
                      "Open the selected post", "Idle cap (next)", "Jump to 50%", "Help", "Quit"):
            assert title in titles, title
        assert not any("Double" in t or "Halve" in t for t in titles)


async def test_palette_commands_act() -> None:
    app = make_app(start_at=5)
    async with app.run_test(size=(120, 40)) as pilot:
        commands = {c.title: c.callback for c in app.get_system_commands(app.replay)}
        await commands["Oldest post"]()
        assert fx.feed(app).cursor == 1
        await commands["Toggle the schedule pane"]()
        assert app.replay.has_class("-hide-schedule")
        await commands["Jump to the end"]()
        await pilot.pause()
        assert fx.position(app) == 10


async def test_q_quits_and_keys_after_it_are_inert() -> None:
    """q then t at once: the go-to screen must not open on a closing app (it crashed)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        post_keys(app, "q", "t", ":", "f", "D")
        await pilot.pause()
    assert app.return_code == 0


async def test_every_key_before_the_panes_are_mounted_is_safe() -> None:
    """D S M f / n in the first instant (the panes mount after the first frame): no crash."""
    app = make_app(start_at=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.type_keys(pilot, "D", "S", "M", "v", "n", "f", "alpha")
        await fx.started(pilot)
        assert app.is_running
        replay = app.replay
        assert not any(replay.has_class(f"-hide-{p}") for p in ("delegations", "schedule", "meetings"))  # v undid D S M
        assert app.session.filter.query.text == "alpha"


@pytest.mark.parametrize(("burst", "expected"), [
    (("e",), 10),  # the end
    (("e", "comma"), 9),  # the end, then one back: in the order typed
    (("5", ".", "."), 8),  # 50 % (#6), two steps
])
async def test_keys_typed_while_the_app_starts_act_once_the_replay_is_up(burst, expected) -> None:
    """Keys typed during start-up (a terminal delivers them to the app's queue as soon as
    it starts, before the replay screen is composed) act then, in order: none is lost."""
    app = make_app()
    post_keys(app, *burst)  # queued before the app runs: the first thing it reads
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        assert fx.position(app) == expected
        assert fx.feed(app).last_visible == expected


async def test_space_and_q_typed_while_the_app_starts_act() -> None:
    app = make_app(paused=True)
    post_keys(app, " ")
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        assert app.session.clock.playing
    app = make_app()
    post_keys(app, "q")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_v_brings_back_panes_hidden_with_d_s_m() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        await pilot.press("D", "M")
        replay = app.replay
        assert not replay.query_one(DelegationsPane).display or replay.query_one(DelegationsPane).region.width == 0
        await pilot.press("v")
        assert all(replay.query_one(p).region.width > 0 for p in (DelegationsPane, SchedulePane, MeetingsPane))
        await pilot.press("v")
        assert replay.query_one("#panes").region.width == 0  # v again hides them all


async def test_a_hidden_pane_gives_the_focus_back_to_the_feed() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        replay = app.replay
        replay.query_one(SchedulePane).focus()
        await pilot.pause()
        await pilot.press("S")  # the focused pane is hidden
        assert replay.focused is replay.feed
        await pilot.press("S")  # back again
        replay.query_one(DelegationsPane).focus()
        await pilot.pause()
        await pilot.press("v")  # all panes hidden
        assert replay.focused is replay.feed


async def test_hiding_all_three_panes_gives_the_feed_the_width() -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        await pilot.press("D", "S", "M")
        assert app.replay.query_one("#panes").region.width == 0 and fx.feed(app).region.width >= 150
        await pilot.press("S")  # one back: the panes column returns with it
        assert app.replay.query_one(SchedulePane).region.width > 0


async def test_j_and_k_move_in_a_pane() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        pane = app.replay.query_one(SchedulePane)
        pane.focus()
        await pilot.pause()
        first = pane.highlighted
        await pilot.press("j")
        assert pane.highlighted != first or pane.option_count <= 1
        await pilot.press("k")
        assert pane.highlighted == first


async def test_the_footer_fits_80_columns_and_offers_only_keys_that_act() -> None:
    app = make_app(start_at=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        footer = fx.footer_text(app)
        assert "? Help" in footer and "q Quit" in footer  # from the first frame on
        await pilot.press("f")
        footer = fx.footer_text(app)
        assert "Quit" not in footer and "Search" not in footer and "Faster" not in footer  # those keys type here
        await pilot.press("tab")  # a chip or a pane
        assert "? Help" in fx.footer_text(app) and "q Quit" in fx.footer_text(app)
        await pilot.press("escape")
        app.replay.set_focus(fx.feed(app))
        await pilot.press("slash")
        assert "Find" in fx.footer_text(app) and "Search" not in fx.footer_text(app)


async def test_no_color_terminal_plays_without_crashing(monkeypatch) -> None:
    """NO_COLOR=1: an arriving post's blank line had no style and the monochrome filter crashed."""
    monkeypatch.setenv("NO_COLOR", "1")
    now = FakeNow()
    app = make_app(now=now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("space")
        now.t += 7200
        await pilot.pause(0.1)
        await pilot.press("full_stop")
        assert "Charlie" in fx.screen_text(app) or fx.position(app) >= 3
    assert app.return_code in (None, 0)


async def test_hostile_post_text_is_shown_verbatim() -> None:
    app = make_app(start_at=4)
    async with app.run_test(size=(160, 48)) as pilot:
        text = fx.screen_text(app)
        for hostile in fx.HOSTILE:
            assert hostile in text
        assert app.is_running  # [@click=app.quit] did not become an action


async def test_layout_narrow_hides_panes_and_v_stacks_them() -> None:
    app = make_app(start_at=4)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        replay = app.replay
        panes = replay.query_one("#panes")
        assert replay.has_class("-narrow") and panes.region.height == 0
        await pilot.press("v")
        assert panes.region.height > 0 and panes.region.y > fx.feed(app).region.y  # stacked below the feed
        assert "arrived in Istanbul" in fx.screen_text(app)  # a two-line row is not cut at 80×24
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert replay.has_class("-wide")
        dele, sched = replay.query_one(DelegationsPane), replay.query_one(SchedulePane)
        assert dele.region.y == sched.region.y and dele.region.x < sched.region.x  # side by side


async def test_new_posts_pill_while_scrolled_away() -> None:
    app = make_app(start_at=6)
    async with app.run_test(size=(80, 24)) as pilot:
        feed = fx.feed(app)
        await pilot.press("g")
        assert feed.cursor == 1 and not feed.follow
        top = feed.scroll_y
        await pilot.press("full_stop", "full_stop", "full_stop")
        assert feed.scroll_y == top and feed.cursor == 1  # arrivals do not move the view
        assert "3 new posts" in fx.screen_text(app)
        await pilot.press("G")
        assert feed.follow and feed.cursor == 9 and "new posts" not in fx.screen_text(app)


async def test_tab_cycles_focus_between_feed_and_panes() -> None:
    from tui.app.widgets.feed import FeedView

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await fx.started(pilot)
        assert isinstance(app.focused, FeedView)
        await pilot.press("tab")
        assert app.focused is not None and not isinstance(app.focused, FeedView)


# ---------------------------------------------------------------- keys typed right after a closing key


async def test_keys_typed_after_a_dialogs_closing_key_reach_the_replay_in_order() -> None:
    """'? q e', ': 7 enter e', 'f x enter e' typed in one burst: the key after the one that
    closes a dialog or a bar acts on the replay, never in the closing prompt or lost."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "?", "q", "e")  # the help closes, e jumps to the end
        assert app.screen is app.replay and fx.position(app) == 10
        await fx.type_keys(pilot, "r", ":", "7", "enter", ",")  # go to #7, then one back
        assert app.screen is app.replay and fx.position(app) == 6
        await fx.type_keys(pilot, "f", "x", "enter", "e")
        bar = app.replay.query_one(FilterBar)
        assert not bar.is_open and bar.query_one("#filter-input").value == "x"  # e is not in the filter
        assert fx.position(app) == 10
        await fx.type_keys(pilot, "?", "q", "q")  # the second q quits the app
        assert app.quitting


async def test_a_rejected_go_to_keeps_its_reason_and_its_prompt() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await fx.type_keys(pilot, "t", "#99", "enter")
        assert "no post #99" in fx.screen_text(app) and app.screen is not app.replay
        await pilot.press("backspace")
        await pilot.press("7")  # "#97": a new text clears the reason
        assert "no post #99" not in fx.screen_text(app)
        await fx.type_keys(pilot, "enter")
        assert "no post #97" in fx.screen_text(app)
        await pilot.press("escape")
        assert app.screen is app.replay and fx.position(app) == 1


async def test_a_move_that_cannot_move_says_why() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("comma")
        assert fx.position(app) == 1 and fx.player(app).current_notice == "at the first post"
        await pilot.press("left_square_bracket")
        assert fx.player(app).current_notice == "no earlier day"
        await pilot.press("ctrl+x")
        assert fx.player(app).current_notice == "no filter to clear"
        await pilot.press("e", "full_stop")
        assert fx.position(app) == 10 and fx.player(app).current_notice == "at the last post"
        await pilot.press("right_square_bracket")
        assert fx.position(app) == 10 and fx.player(app).current_notice == "no later day"


@pytest.mark.parametrize("how,notice", [
    ("assumed (none given)", "no year: {year} assumed"),  # day headers without a year
    ("assumed from the weekdays in the stamps (the page gives no date)", "name only weekdays"),
    ("inferred from the neighbouring headers", None),  # nothing assumed: no notice
])
async def test_dates_that_were_assumed_say_so_once(how: str, notice: str | None) -> None:
    blog = fx.make_blog()
    day = blog.posts[0].day
    blog.year_notes[day] = how
    app = ReplayApp(blog, timeline=FakeTimeline(blog), start_at=2, paused=True)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await fx.started(pilot)
        await fx.settle(pilot)
        if notice is None:
            assert not app.screen.query("Toast")
        else:
            assert notice.format(year=day.year) in fx.screen_text(app)
            assert len(app.screen.query("Toast")) == 1


async def test_ctrl_x_right_after_a_filter_is_applied_clears_it() -> None:
    app = make_app(start_at=10)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        bar = app.screen.query_one(FilterBar)
        bar.set_query("del")  # applied by the bar; its change not yet handled by the screen …
        app.screen.action_clear_filter()  # … when ctrl+x comes
        await fx.settle(pilot)
        assert app.session.filter.query.is_empty and fx.feed(app).visible_count == 10
        assert "no filter to clear" not in fx.screen_text(app)


async def test_space_at_the_end_says_it_plays_again_from_the_start() -> None:
    app = make_app(start_at=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await fx.started(pilot)
        await pilot.press("e")
        await fx.settle(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert "playing again from #1" in fx.screen_text(app)
