"""Pages whose stamps do not carry their date: only a weekday ("Tue 9.05am", no day header), or
the time since the page was updated ("2 hours ago", "Yesterday 21:40")."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from tui.core.days import read_when, relative_stamp, weekday_stamp
from tui.core.errors import InputError
from tui.core.model import BlogMeta
from tui.core.parse import parse_text
from tui.core.weekdays import date_chain, intro_dates, page_update_time, weekday_order


def parse(text: str, **meta: str):
    return parse_text(text, BlogMeta(**{"timezone": "Africa/Nairobi", **meta}), "t.txt")


@pytest.mark.parametrize("line,weekday,clock", [
    ("Tue 9.05am", 1, time(9, 5)),
    ("Wednesday 4:40 p.m.", 2, time(16, 40)),
    ("Thurs. 14:05 EAT", 3, time(14, 5)),
    ("Posted Fri 7:10am", 4, time(7, 10)),
])
def test_a_weekday_and_a_clock_make_a_weekday_stamp(line: str, weekday: int, clock: time) -> None:
    stamp = weekday_stamp(line)
    assert stamp is not None and (stamp.weekday, stamp.clock, stamp.day) == (weekday, clock, None)


@pytest.mark.parametrize("line", [
    "Tuesday", "14:05", "Tue 22 Sep 9am",  # no clock / no weekday / a date (parse_stamp's)
    "Updated Tue 9am",  # an edit, not a post
    "Tue 9am-10am",  # a range
    "We met on Tue at 9am",  # prose
])
def test_other_lines_are_no_weekday_stamps(line: str) -> None:
    assert weekday_stamp(line) is None


def test_intro_dates_take_the_year_the_line_names_after_them() -> None:
    got = intro_dates([(2, "Monday 3 to Wednesday 5 August 2026 · All times CAT"), (3, "Since March 3, 2025")])
    assert got == [(date(2026, 8, 5), 2), (date(2025, 3, 3), 3)]


def test_the_weekdays_step_tells_the_order() -> None:
    assert weekday_order([1, 1, 2, 3]) == "oldest-first"
    assert weekday_order([3, 2, 1]) == "newest-first"
    assert weekday_order([6, 0]) == "oldest-first"  # Sunday, then Monday
    assert weekday_order([4]) is None


def test_a_chain_of_weekdays_is_placed_by_the_intro_date_on_one_of_them() -> None:
    dates, anchor = date_chain([0, 1, 2], "oldest-first", [date(2026, 8, 5)], date(2030, 1, 1))
    assert dates == [date(2026, 8, 3), date(2026, 8, 4), date(2026, 8, 5)] and anchor == date(2026, 8, 5)
    newest, _ = date_chain([2, 1, 0], "newest-first", [date(2026, 8, 5)], date(2030, 1, 1))
    assert newest == [date(2026, 8, 5), date(2026, 8, 4), date(2026, 8, 3)]


def test_without_an_intro_date_the_newest_day_is_its_weekdays_latest_date_up_to_today() -> None:
    dates, anchor = date_chain([0, 1], "oldest-first", [date(2026, 9, 24)], date(2026, 11, 30))  # a Thursday: fits no day
    assert anchor is None and dates == [date(2026, 11, 23), date(2026, 11, 24)]


PAGE = """Holmstad forum: live
Monday 3 to Wednesday 5 August 2026 · All times Harare (CAT)

Mon 7.10am
Good morning from Port Elda, where the forum opens today.

Mon 9.45am
The opening session has been put back to noon.

Tue 8.05am
The delegations are back at the Hotel Miramar.

Wed 6.30pm
The forum has closed.
"""


def test_a_page_of_weekday_stamps_is_read_with_the_intros_dates() -> None:
    blog = parse(PAGE)
    assert [(p.time.date(), p.time.time()) for p in blog.posts] == [
        (date(2026, 8, 3), time(7, 10)), (date(2026, 8, 3), time(9, 45)),
        (date(2026, 8, 4), time(8, 5)), (date(2026, 8, 5), time(18, 30))]
    assert blog.posts[0].text.startswith("Good morning") and not blog.warnings


def test_a_page_of_weekday_stamps_without_a_date_says_its_dates_are_assumed() -> None:
    blog = parse(PAGE.replace("Monday 3 to Wednesday 5 August 2026 · ", ""))
    assert len(blog.posts) == 4 and [p.time.weekday() for p in blog.posts] == [0, 0, 1, 2]
    assert any("assumed" in w.message for w in blog.warnings)


def test_one_weekday_stamp_is_not_enough_to_read_a_page_by() -> None:
    with pytest.raises(InputError, match="no day headers"):
        parse("Intro\n\nTue 7.10am\nSome text.\n")


BST = timezone(timedelta(hours=1), "BST")
REF = datetime(2026, 7, 21, 16, 5, tzinfo=BST)


@pytest.mark.parametrize("line,at,approx", [
    ("3 minutes ago", datetime(2026, 7, 21, 16, 2, tzinfo=BST), False),
    ("35m ago", datetime(2026, 7, 21, 15, 30, tzinfo=BST), False),
    ("1 hour ago", datetime(2026, 7, 21, 15, 5, tzinfo=BST), True),  # an hour and some minutes: to the hour
    ("an hour ago", datetime(2026, 7, 21, 15, 5, tzinfo=BST), True),
    ("Yesterday 22:15", datetime(2026, 7, 20, 22, 15, tzinfo=BST), False),
    ("Today at 9.05am", datetime(2026, 7, 21, 9, 5, tzinfo=BST), False),
])
def test_a_relative_stamp_counts_back_from_the_pages_update_time(line: str, at: datetime, approx: bool) -> None:
    stamp = relative_stamp(line, REF)
    assert stamp is not None
    assert datetime.combine(stamp.day, stamp.clock, stamp.zone) == at and stamp.approx == approx


@pytest.mark.parametrize("line", ["Yesterday we met", "two hours ago", "hours ago", "Today's talks"])
def test_prose_is_no_relative_stamp(line: str) -> None:
    assert relative_stamp(line, REF) is None


def test_the_pages_last_updated_line_is_its_update_time() -> None:
    got = page_update_time([(1, "Holmstad talks: live"), (2, "Last updated 21 July 2026, 16:05 BST")], timezone.utc, read_when)
    assert got == (REF, 2)
    assert page_update_time([(1, "Updated talks news")], timezone.utc, read_when) is None
    # a line without its year takes the description's
    assert page_update_time([(3, "Last updated 21 July, 16:05 BST")], timezone.utc, read_when, 2026) == (REF, 3)


RELATIVE = """Holmstad talks: live
Last updated 21 July 2026, 16:05 BST

3 minutes ago
Envoys arrive
The two envoys have arrived at the Villa Serena.

1 hour ago
Session delayed
The afternoon session has been pushed back.

Yesterday 22:15
Dinner ends
The working dinner ended late.

Sun 19 Jul 11:20
Mediator lands
The mediator has landed in Holmstad.
"""


def test_a_page_of_relative_stamps_is_read_from_its_update_time_and_says_which_times_are_approximate() -> None:
    blog = parse(RELATIVE, timezone="Europe/London")
    got = [(f"{p.time:%d %H:%M}", p.time_estimated, p.headline) for p in blog.posts]
    assert got == [("19 11:20", False, "Mediator lands"), ("20 22:15", False, "Dinner ends"),
                   ("21 15:05", True, "Session delayed"), ("21 16:02", False, "Envoys arrive")]
    assert not blog.warnings


def test_without_an_update_line_relative_stamps_count_back_from_the_files_time_with_a_warning(tmp_path) -> None:
    from tui.core.load import load_blog

    path = tmp_path / "page.txt"
    path.write_text(RELATIVE.replace("Last updated 21 July 2026, 16:05 BST\n", ""), encoding="utf-8")
    blog = load_blog(path)
    assert len(blog.posts) == 4
    assert any("counted back from the file's modification time" in w.message for w in blog.warnings)


def test_relative_lines_inside_a_dated_blog_stay_text() -> None:
    blog = parse("Talks live\nThursday 14 May 2026\n\n12:00\nThe session resumed.\n2 hours ago\n\n11:00\n"
                 "The session paused.\n3 hours ago\n\n10:00\nThe session opened.\n", timezone="Europe/London")
    assert {p.day for p in blog.posts} == {date(2026, 5, 14)} and len(blog.posts) == 3


def test_a_weekday_page_whose_intro_date_stands_on_its_own_line() -> None:
    blog = parse("Forum live\nMonday 3 August 2026\n\nMon 7.10am\nThe forum opens.\n\nMon 9.45am\nA delay.\n\n"
                 "Tue 8.05am\nDay two.\n", order="oldest-first")
    assert [(p.time.date(), p.time.time()) for p in blog.posts] == [
        (date(2026, 8, 3), time(7, 10)), (date(2026, 8, 3), time(9, 45)), (date(2026, 8, 4), time(8, 5))]


def test_a_nonsense_update_time_gives_no_traceback() -> None:
    blog = parse("Live\nUpdated: 01/01/0001 00:01\n\n3 minutes ago\nOne.\n\n2 days ago\nTwo.\n\n5 days ago\nThree.\n")
    assert blog.posts
