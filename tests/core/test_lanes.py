"""The timeline view's lanes as data (tui.core.lanes): spans, bars, markers, their
times and source posts, the picture on a grid — and nothing after the playhead."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import blogfactory as bf
import pytest

from tui.core.facts import DelegationState, Meeting, Participant, ScheduleFact, State, StatusFact
from tui.core.knowledge import Delegation, Knowledge, Person
from tui.core.lanes import (
    Axis,
    build_lanes,
    cells_of,
    lane_step,
    latest,
    paint,
    post_when,
    reselect,
    short_names,
    short_title,
    step,
)
from tui.core.load import load_blog
from tui.core.model import Post
from tui.core.timeline import Timeline

TZ = timezone(timedelta(hours=3))
N = 10
# Posts one an hour from 15 May 09:00; the odd ones have an exact time, the even ones an estimate.
POSTS = [Post(i, date(2025, 5, 15), datetime(2025, 5, 15, 9, tzinfo=TZ) + timedelta(hours=i - 1), i % 2 == 0, i, i,
              (f"post {i}",)) for i in range(1, N + 1)]

STATUS = [  # the Russian delegation
    StatusFact(1, "ru", "announced", None, "The line-up was named."),
    StatusFact(3, "ru", "arrived", "Istanbul", "It has arrived in Istanbul."),
    StatusFact(5, "ru", "arrived", "Istanbul", "It has arrived in Istanbul, says another outlet.", confirms=True),
    StatusFact(7, "ru", "left", None, "It has left.", from_where="Istanbul"),
    StatusFact(7, "ru", "travelling", "Ankara", "It is heading to Ankara."),
]
SCHEDULE = [
    ScheduleFact(2, "talks", "planned", datetime(2025, 5, 16, tzinfo=TZ), False, "on Friday", "Talks on Friday."),
    ScheduleFact(4, "talks", "rescheduled", datetime(2025, 5, 15, 14, tzinfo=TZ), True, "in a few hours", "Moved."),
    ScheduleFact(6, "talks", "started", None, False, "", "The talks have started."),
    ScheduleFact(8, "talks", "concluded", None, False, "", "The talks are over."),
]
PEOPLE = [
    Participant("Aleksandr Fomin", 2, "announced"),
    Participant("Sergey Lavrov", 2, "announced"),
    Participant("Sergey Lavrov", 4, "absent"),
    Participant("Vladimir Medinsky", 6, "present"),
]


def state(k: int) -> State:
    """What Timeline.state_at(k) gives for these facts: only posts 1..k."""
    history = tuple(f for f in STATUS if f.seq <= k)
    ru = DelegationState("ru", "Russian delegation", "RU", "#d94f4f", history[-1] if history else None, None,
                         history, False)
    ua = DelegationState("ua", "Ukrainian [delegation]", "UA", "", None, None, (), False)
    meetings = []
    if k >= 2:
        meetings.append(Meeting("talks", "Russia – Ukraine talks", "bilateral", None, None,
                                "happened" if k >= 6 else "planned", tuple(p for p in PEOPLE if p.seq <= k),
                                tuple(s for s in (2, 4, 6, 8) if s <= k), ("Russia", "Ukraine")))
    if k >= 9:
        meetings.append(Meeting("call", "Vladimir Putin – Donald Trump call", "call", None, None, "happened",
                                (Participant("Vladimir Putin", 9, "present"), Participant("Donald Trump", 9, "present")),
                                (9,), ("Vladimir Putin", "Donald Trump")))
    if k >= 5:
        meetings.append(Meeting("dinner", "Russia – Ukraine dinner", "dinner", None, None, "planned", (), (5,),
                                ("Russia", "Ukraine")))
    return State(seq=k, delegations=(ru, ua), schedule=tuple(f for f in SCHEDULE if f.seq <= k),
                 meetings=tuple(meetings))


def at(seq: int) -> float:
    return POSTS[seq - 1].time.timestamp()


def lanes_at(k: int, **kw):
    return build_lanes(state(k), POSTS, tz=TZ, **kw)


def test_a_status_span_runs_from_its_post_to_the_next_change_and_the_last_to_the_playhead() -> None:
    lanes = lanes_at(9)
    ru = lanes.lanes[0]
    text = lanes.text
    assert (ru.key, ru.kind, ru.title, ru.name) == ("ru", "party", "RU", "Russian delegation")
    spans = [(m.label, m.seq, m.end_seq, m.start, m.end, m.group) for m in ru.marks]
    assert spans == [
        ("line-up announced", 1, 3, at(1), at(3), "plan"),
        ("arrived in Istanbul", 3, 7, at(3), at(7), "there"),  # the repeat at 5 does not cut it
        ("travelling to Ankara", 7, 0, at(7), at(9), "moving"),  # open: to the playhead
    ]
    assert "again in #5" in text(ru.marks[1])
    assert "left Istanbul → travelling to Ankara" in text(ru.marks[2])  # both facts of post 7, the last shown
    assert text(ru.marks[2]).endswith("still so at the playhead")
    assert ru.marks[2].evidence == "It is heading to Ankara."
    assert lanes.quiet == ("Ukrainian [delegation]",)  # a row in the pane, no status: no lane, but named (markup-like text as typed)


def test_schedule_changes_are_markers_and_a_meeting_a_bar_from_its_start_to_its_end() -> None:
    lanes = lanes_at(9)
    talks = lanes.lanes[1]
    assert (talks.kind, talks.title) == ("meeting", "Russia – Ukraine talks")
    marks = [(m.kind, m.symbol, m.seq, m.end_seq) for m in talks.marks]
    assert marks == [("schedule", "◇", 2, 2), ("schedule", "↻", 4, 4), ("meeting", "", 6, 8),
                     ("schedule", "▶", 6, 6), ("schedule", "■", 8, 8)]
    bar = talks.marks[2]
    assert (bar.start, bar.end, bar.label) == (at(6), at(8), "1 present")
    assert bar.people == ("present: Vladimir Medinsky", "announced only: Aleksandr Fomin", "absent: Sergey Lavrov")
    planned, moved = talks.marks[0], talks.marks[1]
    assert lanes.text(planned).startswith("Russia – Ukraine talks: planned for Fri 16 May “on Friday” · #2 ~")
    assert "rescheduled to ~Thu 15 May 14:00" in lanes.text(moved)  # an estimated plan keeps its ~
    assert moved.evidence == "Moved."


def test_a_meeting_still_sitting_at_the_playhead_is_open_and_a_held_call_is_one_post() -> None:
    lanes = lanes_at(7)
    bar = [m for m in lanes.lanes[1].marks if m.kind == "meeting"][0]
    assert (bar.seq, bar.end_seq, bar.end) == (6, 0, at(7))
    assert lanes.text(bar).endswith("no end reported by the playhead")
    call = lanes_at(10).lanes[2]
    assert [(m.kind, m.seq, m.end_seq, m.label) for m in call.marks] == [("meeting", 9, 9, "2 present")]
    dinner = lanes_at(10).lanes[3]  # named, nothing else: a dot where it was first named
    assert [(m.kind, m.symbol, m.seq) for m in dinner.marks] == [("named", "·", 5)]


@pytest.mark.parametrize("k", range(0, N + 1))
def test_nothing_after_the_playhead(k: int) -> None:
    lanes = lanes_at(k)
    now = at(k) if k else at(1)
    assert lanes.now == now
    for mark in lanes.marks:
        assert mark.seq <= k and mark.end_seq <= k and mark.start <= now and mark.end <= now
    for zoom in (False, True):
        picture = paint(lanes, 70, zoom=zoom)
        head = picture.axis.column(now)
        for row in picture.rows[1:]:
            line = "".join(text for text, _ in row.runs)
            assert cells_of(line) == 70
            assert not line[picture.title_width + 1 + head + 1:].strip(), (k, zoom, line)


def test_the_picture_places_marks_by_time_and_maps_cells_back_to_them() -> None:
    lanes = lanes_at(10)
    picture = paint(lanes, 80)
    text = picture.text().splitlines()
    assert text[0].startswith("#10 10:00 ") or text[0].startswith("#10 ~")  # the playhead's post and time
    assert "▼" in text[0] and text[0].rstrip().endswith("▼")  # whole blog = up to the last post here
    ru_row = text[1]
    assert ru_row.index("line-up") < ru_row.index("arrived in Istanbul") < ru_row.index("travelling")
    talks_row = text[3]  # after the "meetings" section row
    assert text[2].startswith("meetings")
    assert [c for c in talks_row if c in "◇↻▶■"] == ["◇", "↻", "▶", "■"]
    for mark in lanes.marks:
        row = picture.row_of(mark)
        x = picture.title_width + 1 + picture.axis.column(mark.start)
        found = picture.mark_at(row, x)
        assert found is not None and found.lane == mark.lane
    assert picture.mark_at(0, 20) is None  # the axis row holds no mark


def test_zoom_fits_the_axis_to_the_playhead() -> None:
    lanes = build_lanes(state(5), POSTS, tz=TZ)  # ten posts parsed, the playhead at 5
    whole, zoomed = paint(lanes, 80), paint(lanes, 80, zoom=True)
    assert whole.axis.column(lanes.now) < 40 and zoomed.axis.column(lanes.now) == zoomed.axis.columns - 1
    assert build_lanes(state(5), POSTS, count=5, tz=TZ).end == lanes.now  # the axis spans the posts parsed


def test_selection_moves_along_a_lane_and_between_lanes() -> None:
    lanes = lanes_at(7)
    first = latest(lanes)
    assert (first.lane, first.seq) == (0, 7)  # the latest report
    assert latest(lanes_at(9)).seq == 9  # the call reported at 9
    assert step(lanes, first, 1) is first  # the end of the lane
    assert step(lanes, first, -1).label == "arrived in Istanbul"
    down = lane_step(lanes, first, 1)
    assert (down.lane, down.kind, down.seq) == (1, "meeting", 6)  # the talks still sitting at post 7's time
    assert lane_step(lanes, down, 1).label == "first named"  # the dinner: the nearest mark
    assert lane_step(lanes, down, -1).label == "arrived in Istanbul"  # what RU was at the talks' start
    assert lane_step(lanes, first, -1) is first


def test_times_are_labelled_estimated_with_a_tilde() -> None:
    assert post_when(POSTS[1]) == "~Thu 15 May 10:00" and post_when(POSTS[0]) == "Thu 15 May 09:00"
    assert post_when(POSTS[1], day=False) == "~10:00"
    lanes = lanes_at(9)
    ru = lanes.lanes[0].marks
    assert "#1 Thu 15 May 09:00 → #3 11:00" in lanes.text(ru[0])  # both exact
    assert "#3 Thu 15 May 11:00 → #7 15:00" in lanes.text(ru[1])
    lanes = lanes_at(4)
    assert lanes.now_estimated and paint(lanes, 60).text().startswith("#4 ~12:00")


def test_names_are_data_and_wide_characters_keep_the_grid() -> None:
    weird = State(seq=3, delegations=(
        DelegationState("x", "[bold]x[/bold]", "[/]", "not a colour", StatusFact(1, "x", "arrived", "東京", "e"), None,
                        (StatusFact(1, "x", "arrived", "東京都庁 [US]", "e"),), False),
        DelegationState("y", "Ｆｕｌｌ", "Ｆｕｌｌ　ｗｉｄｔｈ", "", StatusFact(2, "y", "left", None, "e"), None,
                        (StatusFact(2, "y", "left", None, "e"),), False),
    ))
    lanes = build_lanes(weird, POSTS, tz=TZ)
    assert [lane.title for lane in lanes.lanes] == ["[/]", "Ｆｕｌｌ　ｗｉｄｔｈ"]
    for width in (12, 30, 80, 200):
        picture = paint(lanes, width)
        for row in picture.rows:
            assert sum(cells_of(text) for text, _ in row.runs) == width, (width, row.runs)
    assert "arrived in 東京都庁 [US]" in paint(lanes, 200).text()


def test_short_titles_use_the_knowledge_at_the_playhead() -> None:
    knowledge = Knowledge(
        delegations=(Delegation("russia", "Russian delegation", "RU", country="Russia"),
                     Delegation("ukraine", "Ukrainian delegation", "UA", country="Ukraine")),
        people=(Person("Vladimir Putin", ("Putin",)), Person("Luiz Inacio Lula da Silva", ("Lula", "Lula da Silva"))),
    )
    short = short_names(knowledge)
    meeting = state(10).meetings
    assert short_title(meeting[0], short) == "RU–UA talks"
    assert short_title(meeting[2], short) == "RU–UA dinner"
    lula = Meeting("lula-putin-call", "Vladimir Putin – Luiz Inacio Lula da Silva call", "call", None, None, "happened",
                   (), (1,), ("Vladimir Putin", "Luiz Inacio Lula da Silva"))
    assert short_title(lula, short) == "Putin–Lula call"
    nxt = Meeting("n", "Russia – Ukraine talks (next round)", "bilateral", None, None, "planned", (), (1,), ())
    assert short_title(nxt, short) == "RU–UA talks (next round)"
    assert short_title(lula, {}) == lula.name  # nothing known: the name as it is


def test_building_the_lanes_looks_only_at_the_source_posts() -> None:
    """O(facts): 100,000 posts, a handful of facts → a handful of post lookups."""

    class Counting(list):
        reads = 0

        def __getitem__(self, i):
            Counting.reads += 1
            return super().__getitem__(i)

    many = Counting(POSTS + [Post(i, date(2025, 5, 16), datetime(2025, 5, 16, 9, tzinfo=TZ), True, i, i, ("x",))
                             for i in range(N + 1, 100_001)])
    lanes = build_lanes(state(10), many, tz=TZ)
    assert len(lanes.marks) == 10
    assert Counting.reads < 200


def test_the_bundled_blog_lanes_depend_on_posts_up_to_the_playhead_only() -> None:
    seed = load_blog()
    full = Timeline.build(seed, bf.KNOWLEDGE)
    for k in (40, 90):
        cut = bf.Blog(seed.meta, seed.tz, None, seed.posts[:k], seed.days, seed.order, seed.source)
        alone = Timeline.build(cut, bf.KNOWLEDGE)
        ours = build_lanes(full.state_at(k), seed.posts, count=k, tz=seed.tz, short=short_names(full.knowledge_at(k)))
        theirs = build_lanes(alone.state_at(k), cut.posts, tz=seed.tz, short=short_names(alone.knowledge_at(k)))
        assert ours == theirs
        assert paint(ours, 120).text() == paint(theirs, 120).text()
    end = build_lanes(full.state_at(len(seed.posts)), seed.posts, tz=seed.tz)
    kinds = {m.kind for m in end.marks}
    assert kinds >= {"status", "meeting", "schedule"}
    assert [lane.key for lane in end.lanes if lane.kind == "party"][:2] == ["russia", "ukraine"]


def test_an_axis_maps_its_ends_to_its_first_and_last_column() -> None:
    axis = Axis(100.0, 200.0, 51)
    assert (axis.column(100.0), axis.column(150.0), axis.column(200.0)) == (0, 25, 50)
    assert axis.column(-5.0) == 0 and axis.column(999.0) == 50
    assert Axis(5.0, 5.0, 40).column(5.0) == 0  # one moment: everything at the start


@pytest.mark.parametrize(("days", "first"), [(2, "Thu 15"), (60, "15 May"), (300, "May 2025"), (2500, "2025")])
def test_the_axis_ticks_days_weeks_months_or_years_whatever_the_span(days: int, first: str) -> None:
    from tui.core.lanes import Lanes

    origin = POSTS[0].time.timestamp()
    lanes = Lanes(seq=1, origin=origin, now=origin + days * 86400, end=origin + days * 86400, tz=TZ)
    axis_row = paint(lanes, 80).text().splitlines()[0]
    assert axis_row.split("│")[0].split()[-1] == first.split()[-1]  # the first tick's label
    assert 1 <= axis_row.count("│") <= 80 // 8 + 1  # never more ticks than the width holds


def test_marks_hidden_in_one_cell_are_not_drawn_but_the_selected_one_is() -> None:
    flips = tuple(StatusFact(i, "ru", "arrived" if i % 2 else "left", "Istanbul", f"e{i}") for i in range(1, N + 1))
    busy = State(seq=N, delegations=(DelegationState("ru", "Russian delegation", "RU", "", flips[-1], None, flips, False),))
    lanes = build_lanes(busy, POSTS, tz=TZ)
    assert len(lanes.marks) == N
    picture = paint(lanes, 10)  # 5 columns for ten spans of an hour each: some share a cell
    assert len(picture.marks) < N
    hidden = next(m for m in lanes.marks if m not in picture.marks)
    chosen = paint(lanes, 10, selected=hidden)
    assert hidden in chosen.marks
    assert any("selected" in style for text, style in chosen.rows[1].runs)
    moved = reselect(picture, hidden)  # the same, drawing only the lanes concerned
    assert moved.text() == chosen.text() and moved.rows[1].runs == chosen.rows[1].runs
    assert reselect(moved, None).rows[1].runs == picture.rows[1].runs
