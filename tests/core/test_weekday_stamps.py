"""Pages whose stamps name only a weekday ("Tue 9.05am") and print no day header."""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.core.days import weekday_stamp
from tui.core.errors import InputError
from tui.core.model import BlogMeta
from tui.core.parse import parse_text
from tui.core.weekdays import date_chain, intro_dates, weekday_order


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
    got = intro_dates(["Tuesday 22 to Thursday 24 September 2026 · All times EAT", "Since March 3, 2025"])
    assert got == [date(2026, 9, 24), date(2025, 3, 3)]


def test_the_weekdays_step_tells_the_order() -> None:
    assert weekday_order([1, 1, 2, 3]) == "oldest-first"
    assert weekday_order([3, 2, 1]) == "newest-first"
    assert weekday_order([6, 0]) == "oldest-first"  # Sunday, then Monday
    assert weekday_order([4]) is None


def test_a_chain_of_weekdays_is_placed_by_the_intro_date_on_one_of_them() -> None:
    dates, anchor = date_chain([1, 2, 3], "oldest-first", [date(2026, 9, 24)], date(2030, 1, 1))
    assert dates == [date(2026, 9, 22), date(2026, 9, 23), date(2026, 9, 24)] and anchor == date(2026, 9, 24)
    newest, _ = date_chain([3, 2, 1], "newest-first", [date(2026, 9, 24)], date(2030, 1, 1))
    assert newest == [date(2026, 9, 24), date(2026, 9, 23), date(2026, 9, 22)]


def test_without_an_intro_date_the_newest_day_is_its_weekdays_latest_date_up_to_today() -> None:
    dates, anchor = date_chain([0, 1], "oldest-first", [date(2026, 9, 24)], date(2026, 11, 30))  # Thursday fits no day
    assert anchor is None and dates == [date(2026, 11, 23), date(2026, 11, 24)]


PAGE = """Lakes conference: live
Tuesday 22 to Thursday 24 September 2026 · All times Nairobi (EAT)

Tue 7.10am
Good morning from Port Ulanga, where the talks open today.

Tue 9.45am
The opening plenary has been postponed to 3pm.

Wed 8.05am
The delegations are back at the hotel.

Thu 6.30pm
The conference has closed.
"""


def test_a_page_of_weekday_stamps_is_read_with_the_intros_dates() -> None:
    blog = parse(PAGE)
    assert [(p.time.date(), p.time.time()) for p in blog.posts] == [
        (date(2026, 9, 22), time(7, 10)), (date(2026, 9, 22), time(9, 45)),
        (date(2026, 9, 23), time(8, 5)), (date(2026, 9, 24), time(18, 30))]
    assert blog.posts[0].text.startswith("Good morning") and not blog.warnings


def test_a_page_of_weekday_stamps_without_a_date_says_its_dates_are_assumed() -> None:
    blog = parse(PAGE.replace("Tuesday 22 to Thursday 24 September 2026 · ", ""))
    assert len(blog.posts) == 4 and [p.time.weekday() for p in blog.posts] == [1, 1, 2, 3]
    assert any("assumed" in w.message for w in blog.warnings)


def test_one_weekday_stamp_is_not_enough_to_read_a_page_by() -> None:
    with pytest.raises(InputError, match="no day headers"):
        parse("Intro\n\nTue 7.10am\nSome text.\n")
