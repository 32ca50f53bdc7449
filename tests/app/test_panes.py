"""Pilot tests for the side panes: rendering from a hand-built State, selection → FactSelected."""

from __future__ import annotations

import re
from dataclasses import replace

import liveblog_app_fixtures as fx
import liveblog_pane_states as _states
import pytest
from textual.app import App, ComposeResult
from textual.widgets import OptionList

from tui.app.widgets.panes import (
    WIDGETS_CSS_PATH,
    DelegationsPane,
    FactSelected,
    MeetingsPane,
    PeopleGrid,
    PostLabels,
    SchedulePane,
    SourceLabels,
    format_when,
)
from tui.core.facts import Participant, State

EARLY, EMPTY, LATER, PLAN_FRI, PLAN_THU = _states.EARLY, _states.EMPTY, _states.LATER, _states.PLAN_FRI, _states.PLAN_THU


class PaneApp(App):
    CSS_PATH = WIDGETS_CSS_PATH

    def __init__(self, pane_factory) -> None:
        super().__init__()
        self.pane_factory = pane_factory
        self.selected: list[FactSelected] = []

    def compose(self) -> ComposeResult:
        yield self.pane_factory()

    def on_fact_selected(self, message: FactSelected) -> None:
        self.selected.append(message)


def option_texts(pane: OptionList) -> list[str]:
    return [str(getattr(o.prompt, "plain", o.prompt)) for o in pane.options]


def screen_text(app: App) -> str:
    """Plain text of the whole screen (what a user would read)."""
    return fx.screen_text(app)


async def test_delegations_rows_status_where_seq_and_changed_marker() -> None:
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(EARLY)
        await pilot.pause()
        ru, ua = option_texts(pane)
        assert "RU" in ru and "arrived" in ru and "Istanbul" in ru and "#37" in ru
        assert "◆ changed" in ru
        assert "no status yet" in ua and "◆" not in ua
        pane.show(LATER)
        await pilot.pause()
        ru, ua = option_texts(pane)
        assert "◆" not in ru  # no longer changed at this post
        assert "◆ changed" in ua and "travelling" in ua and "Ankara" in ua and "#40" in ua


async def test_delegation_label_with_markup_is_verbatim_on_screen() -> None:
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one(DelegationsPane).show(LATER)
        await pilot.pause()
        assert "[bold]UA" in screen_text(app)


async def test_a_delegation_named_after_its_label_shows_the_label_once() -> None:
    from dataclasses import replace

    from tui.core.facts import State

    us = replace(_states.delegation("us", "US", None), name="US delegation")
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(State(seq=5, delegations=(us,)))
        await pilot.pause()
        (row,) = option_texts(pane)
        assert "US delegation" in row and "US US" not in row


async def test_empty_state_says_so_and_selection_posts_nothing() -> None:
    app = PaneApp(SchedulePane)
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(EMPTY)
        await pilot.pause()
        assert option_texts(pane) == ["no schedule mentioned yet"]
        pane.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == []


async def test_schedule_current_plan_and_struck_earlier_plan() -> None:
    app = PaneApp(SchedulePane)
    async with app.run_test(size=(70, 20)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(LATER)
        await pilot.pause()
        texts = option_texts(pane)
        current, earlier, call = texts
        assert current.splitlines()[0] == "Istanbul talks"  # subject shown by meeting name
        assert "rescheduled" in current and "~Fri 16 May" in current and "#45" in current
        assert "“on Friday”" in current  # raw phrase available
        assert "planned Thu 15 May 10:00" in earlier and "#20 → #45" in earlier
        struck = [s for s in pane.options[1].prompt.spans if "strike" in str(s.style)]
        assert struck, "earlier plan must be struck through"
        assert "Putin call" in call and "proposed" in call


async def test_a_plan_changed_within_one_post_says_so_instead_of_a_span_from_the_post_to_itself() -> None:
    from dataclasses import replace

    app = PaneApp(SchedulePane)
    async with app.run_test(size=(90, 20)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(replace(LATER, schedule=(PLAN_THU, replace(PLAN_FRI, seq=PLAN_THU.seq), _states.CALL)))
        await pilot.pause()
        earlier = option_texts(pane)[1]
        assert f"#{PLAN_THU.seq} → #{PLAN_THU.seq}" not in earlier and "changed in the same post" in earlier


async def test_a_long_history_lists_the_latest_earlier_plans_and_counts_the_rest() -> None:
    from datetime import timedelta

    from tui.app.widgets.panes import EARLIER_SHOWN
    from tui.core.facts import ScheduleFact

    plans = tuple(ScheduleFact(n, "talks", "rescheduled", PLAN_THU.when + timedelta(hours=n), False, "", "moved")
                  for n in range(1, 41))
    app = PaneApp(SchedulePane)
    async with app.run_test(size=(70, 20)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(replace(LATER, schedule=plans))
        await pilot.pause()
        texts = option_texts(pane)
        assert "#40" in texts[0]  # the current plan
        earlier = [t for t in texts[1:] if "→" in t]
        assert len(earlier) == EARLIER_SHOWN and "#39 → #40" in earlier[0] and f"#{40 - EARLIER_SHOWN} →" in earlier[-1]
        assert "29 earlier changes (T: the timeline shows all)" in texts[-1]
        assert pane.get_option_at_index(pane.option_count - 1).disabled


def test_format_when_marks_estimates_and_hides_invented_midnight() -> None:
    assert format_when(PLAN_THU.when, False) == "Thu 15 May 10:00"
    assert format_when(PLAN_FRI.when, True) == "~Fri 16 May"
    assert format_when(None, True) == ""


async def test_meetings_split_present_and_announced_and_grid_marks() -> None:
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(MeetingsPane)
        pane.show(LATER)
        await pilot.pause()
        talks = option_texts(pane.meetings_list)[0]
        present_line = next(l for l in talks.splitlines() if "present:" in l and "announced" not in l)
        announced_line = next(l for l in talks.splitlines() if "announced only:" in l)
        assert "Vladimir Medinsky" in present_line and "Rustem Umerov" in present_line
        # Umerov was announced then present: listed once, as present.
        assert "Umerov" not in announced_line
        assert "Mikhail Galuzin" in announced_line and "[bold]X" in announced_line
        assert "bilateral" in talks and "Fri 16 May" in talks and "Dolmabahce Palace" in talks and "happened" in talks

        grid = pane.grid
        rows = {str(grid.get_row_at(r)[0]): [str(c) for c in grid.get_row_at(r)[1:]] for r in range(grid.row_count)}
        assert rows["Vladimir Medinsky"] == ["✓", "○"]
        assert rows["Rustem Umerov"] == ["✓", ""]
        assert rows["[bold]X"] == ["○", ""]
        assert "[bold]X" in screen_text(app)
        assert "evidence [/] here" not in screen_text(app)  # evidence is for the post screen, not the grid


async def test_selecting_a_delegation_posts_its_source_seq() -> None:
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(LATER)
        pane.focus()
        await pilot.pause()
        pane.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert [(m.seq, m.origin) for m in app.selected] == [(40, "delegations")]


async def test_clicking_an_earlier_plan_posts_its_seq() -> None:
    app = PaneApp(SchedulePane)
    async with app.run_test(size=(70, 20)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(LATER)
        await pilot.pause()
        # Row layout: border (y=0), current plan 3 lines (y=1..3), earlier plan at y=4.
        await pilot.click(SchedulePane, offset=(10, 4))
        await pilot.pause()
        assert [m.seq for m in app.selected] == [PLAN_THU.seq]


async def test_grid_cell_selection_posts_participant_seq() -> None:
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(MeetingsPane)
        pane.show(LATER)
        await pilot.pause()
        grid = pane.grid
        medinsky = next(r for r in range(grid.row_count) if str(grid.get_row_at(r)[0]) == "Vladimir Medinsky")
        grid.focus()
        grid.cursor_coordinate = (medinsky, 2)  # column M2: announced for the call at #70
        await pilot.press("enter")
        grid.cursor_coordinate = (medinsky, 1)  # column M1: present at #60
        await pilot.press("enter")
        await pilot.pause()
        assert [m.seq for m in app.selected] == [70, 60]


async def test_meeting_row_selection_posts_latest_post_about_it() -> None:
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(80, 40)) as pilot:
        pane = app.query_one(MeetingsPane)
        pane.show(LATER)
        pane.meetings_list.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [m.seq for m in app.selected] == [61]


async def test_show_skips_rebuild_when_state_unchanged_and_keeps_highlight() -> None:
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(60, 12)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(LATER)
        await pilot.pause()
        options_before = list(pane.options)
        pane.highlighted = 1
        # A new State at another seq with the same delegations: nothing to redo.
        pane.show(State(seq=71, delegations=LATER.delegations, schedule=LATER.schedule))
        assert all(a is b for a, b in zip(pane.options, options_before, strict=True))
        # A change rebuilds but the highlighted row stays put.
        changed = replace(LATER, delegations=(LATER.delegations[0], replace(LATER.delegations[1], changed=False)))
        pane.show(changed)
        await pilot.pause()
        assert pane.options[0] is not options_before[0]
        assert pane.highlighted == 1
        assert "◆" not in option_texts(pane)[1]


@pytest.mark.parametrize("factory", [DelegationsPane, SchedulePane, MeetingsPane])
async def test_panes_are_focusable(factory) -> None:
    app = PaneApp(factory)
    async with app.run_test(size=(60, 30)) as pilot:
        app.query_one(factory).show(LATER)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not None
        assert app.focused is app.query_one(factory) or app.focused in app.query_one(factory).query("*")


async def test_grid_is_empty_without_meetings() -> None:
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(MeetingsPane)
        pane.show(LATER)
        await pilot.pause()
        pane.show(EARLY)
        await pilot.pause()
        assert pane.query_one(PeopleGrid).row_count == 0
        assert option_texts(pane.meetings_list) == ["no meeting mentioned yet"]


async def test_meetings_pane_show_before_mount_is_applied_on_mount() -> None:
    pane = MeetingsPane()
    pane.show(LATER)  # the app may hand a state before the pane is composed
    app = PaneApp(lambda: pane)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        assert option_texts(pane.meetings_list)[0].startswith("M1 Istanbul talks")
        assert pane.grid.row_count == 4


# ---------------------------------------------------------------- issue: panes that mislead


def _fact(status: str, where: str | None, seq: int, origin_place: str | None = None):
    from tui.core.facts import StatusFact

    return StatusFact(seq, "ru", status, where, "evidence", from_where=origin_place)


@pytest.mark.parametrize("width", [34, 41, 47, 60])
async def test_every_word_of_a_wrapped_schedule_row_is_drawn(width: int) -> None:
    """A row measured as 2 lines was drawn as 3, so its last line was cut."""
    from tui.core.facts import ScheduleFact

    raw = "at 12:30pm Moscow time (9:30am GMT) on Friday in the Dolmabahce Palace, Istanbul"
    facts = (
        ScheduleFact(3, "talks", "planned", _states.at(15, 10), False, "at 10 a.m. on Friday, as announced by the host", "e"),
        ScheduleFact(9, "talks", "rescheduled", _states.at(16, 12, 30), False, raw, "e"),
        ScheduleFact(12, "talks", "denied", None, False, "", "the report is inaccurate"),
    )
    class Timed(SourceLabels):
        def label(self, seq: int, at: int) -> str:
            return f"#{seq} ~14:05"

    app = PaneApp(lambda: SchedulePane(labels=Timed()))
    async with app.run_test(size=(width, 40)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show(State(seq=12, schedule=facts))
        await pilot.pause()
        shown = " ".join(screen_text(app).replace("│", " ").split())
        for fact in facts:
            for word in (fact.raw or "").split():
                assert word.strip("“”") in shown, (width, word)
        assert "report denied" in shown  # not a bare "denied": that read as "talks denied"


def test_status_phrases_read_as_sentences() -> None:
    from tui.app.widgets.panes import place_from_facts, status_phrase

    assert status_phrase(_fact("left", "Istanbul", 1, "Ankara")) == "left Ankara for Istanbul"
    assert status_phrase(_fact("left", None, 1, "Ankara")) == "left Ankara"
    assert status_phrase(_fact("left", "Istanbul", 1)) == "left for Istanbul"
    assert status_phrase(_fact("arrived", "Istanbul", 1)) == "arrived in Istanbul"
    assert status_phrase(_fact("will_attend", "Istanbul", 1)) == "will attend"  # a plan names no place
    history = (_fact("arrived", "Ankara", 1), _fact("will_attend", "Istanbul", 2))
    assert place_from_facts(history) == ("Ankara", 1)  # never from the plan
    assert place_from_facts((*history, _fact("left", "Istanbul", 3, "Ankara"))) == (None, None)


async def test_people_grid_lists_persons_only_with_a_fixed_name_column() -> None:
    from tui.app.widgets.panes import MeetingsPane, PeopleGrid
    from tui.core.facts import Meeting, Participant

    people = [Participant(f"Person Number{i}", 5, "present") for i in range(3)]
    countries = [Participant(name, 5, "present", kind="delegation") for name in ("France", "Germany", "UK")]
    meetings = tuple(
        Meeting(f"m{i}", f"Meeting {i}", "other", None, None, "happened", tuple(people + countries), (5,)) for i in range(8)
    )
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(60, 40)) as pilot:
        app.query_one(MeetingsPane).show(State(seq=5, meetings=meetings))
        await pilot.pause()
        grid = app.query_one(PeopleGrid)
        assert grid.row_count == 3  # France, Germany and UK are not persons
        assert grid.fixed_columns == 1  # the names stay while M5…M8 scroll into view
        grid.focus()
        await pilot.press("end")  # the last meeting column
        await pilot.pause()
        assert "Person Number0" in screen_text(app)


async def test_the_indexing_row_follows_the_extraction() -> None:
    app = PaneApp(SchedulePane)
    async with app.run_test(size=(70, 20)) as pilot:
        pane = app.query_one(SchedulePane)
        pane.show_indexing(5000, 727)
        await pilot.pause()
        assert "up to #727 so far, playhead at #5000" in option_texts(pane)[0]
        pane.show_indexing(5000, 1500)  # the worker went on; the playhead did not move
        await pilot.pause()
        assert "up to #1500 so far" in option_texts(pane)[0]


def _rows_of(app: App, first: str) -> list[str]:
    """The screen rows inside the pane's border, from the row holding `first` down."""
    rows = [r.split("│")[1] if r.count("│") >= 2 else r for r in screen_text(app).splitlines()]
    start = next(i for i, r in enumerate(rows) if first in r)
    return rows[start:]


def _indent(row: str) -> int:
    return len(row) - len(row.lstrip())


async def test_a_wrapped_pane_line_hangs_under_its_text_not_under_its_label() -> None:
    """At a narrow width the names after "present:" wrap; each continuation row starts
    where the names start, under them, not at the pane's left edge or under the label."""
    people = tuple(Participant(name, 60 + i, "present") for i, name in enumerate(
        ("Vladimir Medinsky", "Rustem Umerov", "Mikhail Galuzin", "Hakan Fidan", "Andrii Sybiha")))
    talks = replace(_states.TALKS, participants=people)
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(40, 30)) as pilot:
        app.query_one(MeetingsPane).show(State(seq=70, meetings=(talks,)))
        await pilot.pause()
        rows = _rows_of(app, "present:")
        names_at = rows[0].index("Vladimir")
        continued = rows[1:3]  # five names at this width take three rows
        assert all(_indent(row) == names_at for row in continued), rows[:4]
        assert "Umerov" in " ".join(continued) and "Sybiha" in " ".join(rows[1:4])


async def test_a_wrapped_delegation_line_hangs_under_the_label_not_the_bullet() -> None:
    long_name = replace(_states.delegation("ru", "RU", _states.RU_ARRIVED),
                        name="Delegation of the Russian Federation to the Istanbul talks")
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(34, 12)) as pilot:
        app.query_one(DelegationsPane).show(State(seq=37, delegations=(long_name,)))
        await pilot.pause()
        rows = _rows_of(app, "● RU")
        label_at = rows[0].index("RU")
        assert rows[0].index("●") < label_at
        assert _indent(rows[1]) == label_at and "arrived" not in rows[1], rows[:3]  # the name's continuation


def _pane_rows(app: App, title: str) -> tuple[list[str], str]:
    """A bordered pane on screen: its inside rows and its bottom border."""
    rows = screen_text(app).splitlines()
    top = next(i for i, r in enumerate(rows) if f"╭─ {title} " in r)
    left = rows[top].index("╭")
    bottom = next(i for i in range(top + 1, len(rows)) if rows[i][left] == "╰")
    return [r[left + 1:] for r in rows[top + 1:bottom]], rows[bottom][left:]


def _six_delegations() -> State:
    status = _states.RU_ARRIVED
    return State(seq=37, delegations=tuple(
        _states.delegation(did, did.upper(), replace(status, delegation=did)) for did in ("ru", "ua", "us", "tr", "fr", "de")))


async def test_a_pane_too_short_for_its_rows_says_how_many_more_there_are() -> None:
    """6 delegations of 2 lines each in 6 rows: 3 are shown, the border says 3 more;
    scrolled to the end, it says 3 are above and nothing more below."""
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(50, 8)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(_six_delegations())
        await pilot.pause()
        inside, border = _pane_rows(app, "Delegations")
        assert len(inside) == 6 and sum("●" in r for r in inside) == 3
        assert "↓ 3 more" in border and "above" not in border
        pane.focus()
        await pilot.press("end")
        await pilot.pause()
        inside, border = _pane_rows(app, "Delegations")
        assert "● DE" in "".join(inside)
        assert "↑ 3 above" in border and "more" not in border
        pane.show(State(seq=37, delegations=_six_delegations().delegations[:2]))  # everything fits again
        await pilot.pause()
        _, border = _pane_rows(app, "Delegations")
        assert "↑" not in border and "↓" not in border


async def test_a_row_cut_by_the_bottom_edge_says_more() -> None:
    """One 5-line meeting in 3 rows: no further row, but the rest of this one is below."""
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(50, 5)) as pilot:
        app.query_one(MeetingsPane).show(State(seq=70, meetings=(_states.TALKS,)))
        await pilot.pause()
        _, border = _pane_rows(app, "Meetings")
        assert "↓ more" in border


async def test_the_replay_at_80x24_says_what_each_stacked_pane_cuts() -> None:
    """The bundled blog at its end, panes stacked under the feed (v) at 80×24: two rows
    each. Every pane's border counts what is below; the delegations it counts and the
    ones on screen are all of them; scrolled to the end, the count is of those above."""
    from tui.app.app import ReplayApp
    from tui.core.knowledge import load_knowledge
    from tui.core.load import load_blog
    from tui.core.resources import bundled_blog
    from tui.core.timeline import Timeline

    blog = load_blog(bundled_blog())
    timeline = Timeline.build(blog, load_knowledge(blog_path=str(bundled_blog())))
    app = ReplayApp(blog, timeline=timeline, start_at=len(blog.posts), paused=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await fx.started(pilot)
        await pilot.press("v")
        await pilot.pause()
        total = len(app.replay.facts.delegations)
        inside, border = _pane_rows(app, "Delegations")
        below = int(re.search(r"↓ (\d+) more", border).group(1))
        assert below > 0 and below + sum("●" in r for r in inside) == total
        assert re.search(r"↓ \d+ more", _pane_rows(app, "Schedule")[1])
        assert re.search(r"↓ \d+ more meetings", _pane_rows(app, "Meetings")[1])
        app.replay.query_one(DelegationsPane).focus()
        await pilot.press("end")
        await pilot.pause()
        _, border = _pane_rows(app, "Delegations")
        assert re.search(r"↑ \d+ above", border) and "↓" not in border


class _Post:
    def __init__(self, day: int, hour: int, estimated: bool = False) -> None:
        self.day = _states.at(day, hour).date()
        self.time = _states.at(day, hour)
        self.time_estimated = estimated
        self.blog_name = ""


class _Blog:
    def __init__(self, *posts: _Post) -> None:
        self.posts = list(posts)


def test_a_source_label_names_its_day_only_when_it_is_not_the_playheads() -> None:
    blog = _Blog(_Post(14, 21, estimated=True), _Post(15, 9), _Post(15, 10))
    blog.posts += [_Post(23, 8)]
    labels = PostLabels(blog)
    assert labels.label(1, 1) == "#1 ~21:00"
    assert labels.label(2, 3) == "#2 09:00"
    assert labels.label(1, 3) == "#1 Wed ~21:00"  # 14 May 2025 was a Wednesday
    assert labels.label(1, 4) == "#1 14 May ~21:00"  # a week or more away: the date
    assert labels.label(9, 3) == "#9"  # no such post
    assert labels.context(2) == labels.context(3) != labels.context(1)


async def test_a_pane_names_the_day_of_an_earlier_days_source_once_the_playhead_moves_on() -> None:
    # post 37 (the Russian arrival in EARLY) is at 21:00 on 15 May; post 60 is on 16 May
    blog = _Blog(*[_Post(15, 9) for _ in range(36)], _Post(15, 21), *[_Post(16, 9) for _ in range(30)])
    app = PaneApp(lambda: DelegationsPane(labels=PostLabels(blog)))
    async with app.run_test(size=(60, 20)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(replace(EARLY, seq=37))
        await pilot.pause()
        assert "#37 21:00" in option_texts(pane)[0]
        pane.show(replace(EARLY, seq=60))  # the same rows a day later: only the label changes
        await pilot.pause()
        assert "#37 Thu 21:00" in option_texts(pane)[0]


async def test_a_planned_meeting_says_it_was_postponed_once_the_schedule_says_so() -> None:
    from tui.core.facts import ScheduleFact

    planned = State(seq=50, meetings=(_states.CALL_MEETING,),
                    schedule=(ScheduleFact(50, "call", "planned", _states.at(16, 18), False, "at 6pm", "e"),))
    later = replace(planned, seq=60, schedule=(*planned.schedule,
                                               ScheduleFact(60, "call", "postponed", _states.at(17, 10), False, "", "e")))
    app = PaneApp(MeetingsPane)
    async with app.run_test(size=(80, 30)) as pilot:
        pane = app.query_one(MeetingsPane)
        pane.show(planned)
        await pilot.pause()
        assert "planned" in option_texts(pane.meetings_list)[0].splitlines()[0]
        pane.show(later)  # the same meeting, newer schedule news
        await pilot.pause()
        head = option_texts(pane.meetings_list)[0].splitlines()[0]
        assert "postponed" in head and "planned" not in head


async def test_a_leaders_own_absence_does_not_replace_the_delegations_status() -> None:
    from tui.core.facts import DelegationState, StatusFact

    arrived = StatusFact(20, "ru", "arrived", "Istanbul", "The Russian delegation has arrived in Istanbul.")
    putin = StatusFact(32, "ru", "will_not_attend", None, "Putin will not attend the talks.", person="Vladimir Putin")
    d = DelegationState(id="ru", name="Russia", label="RU", color="red", status=putin, where="Istanbul",
                        history=(arrived, putin), changed=True)
    app = PaneApp(DelegationsPane)
    async with app.run_test(size=(70, 20)) as pilot:
        pane = app.query_one(DelegationsPane)
        pane.show(State(seq=32, delegations=(d,)))
        await pilot.pause()
        row = option_texts(pane)[0].splitlines()
        assert "arrived in Istanbul" in row[1] and "#20" in row[1]
        assert any("Vladimir Putin: will not attend" in line and "#32" in line for line in row[2:])
