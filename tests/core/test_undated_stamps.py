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


BST = timezone(timedelta(hours=1), "BST")
REF = datetime(2026, 5, 13, 18, 42, tzinfo=BST)


@pytest.mark.parametrize("line,at,approx", [
    ("3 minutes ago", datetime(2026, 5, 13, 18, 39, tzinfo=BST), False),
    ("35m ago", datetime(2026, 5, 13, 18, 7, tzinfo=BST), False),
    ("1 hour ago", datetime(2026, 5, 13, 17, 42, tzinfo=BST), True),  # an hour and some minutes: to the hour
    ("an hour ago", datetime(2026, 5, 13, 17, 42, tzinfo=BST), True),
    ("Yesterday 21:40", datetime(2026, 5, 12, 21, 40, tzinfo=BST), False),
    ("Today at 9.05am", datetime(2026, 5, 13, 9, 5, tzinfo=BST), False),
])
def test_a_relative_stamp_counts_back_from_the_pages_update_time(line: str, at: datetime, approx: bool) -> None:
    stamp = relative_stamp(line, REF)
    assert stamp is not None
    assert datetime.combine(stamp.day, stamp.clock, stamp.zone) == at and stamp.approx == approx


@pytest.mark.parametrize("line", ["Yesterday we met", "two hours ago", "hours ago", "Today's talks"])
def test_prose_is_no_relative_stamp(line: str) -> None:
    assert relative_stamp(line, REF) is None


def test_the_pages_last_updated_line_is_its_update_time() -> None:
    got = page_update_time(["Island talks: live", "Last updated 13 May 2026, 18:42 BST"], timezone.utc, read_when)
    assert got == REF
    assert page_update_time(["Updated talks news"], timezone.utc, read_when) is None


RELATIVE = """Island talks: live
Last updated 13 May 2026, 18:42 BST

3 minutes ago
Leaders arrive
The two leaders have arrived at the UN compound.

1 hour ago
Talks delayed
The session has been pushed back.

Yesterday 21:40
Dinner ends
The dinner ended late.

Mon 11 May 16:05
Envoy lands
The envoy has landed.
"""


def test_a_page_of_relative_stamps_is_read_from_its_update_time_and_says_which_times_are_approximate() -> None:
    blog = parse(RELATIVE, timezone="Europe/London")
    got = [(f"{p.time:%d %H:%M}", p.time_estimated, p.headline) for p in blog.posts]
    assert got == [("11 16:05", False, "Envoy lands"), ("12 21:40", False, "Dinner ends"),
                   ("13 17:42", True, "Talks delayed"), ("13 18:39", False, "Leaders arrive")]
    assert not blog.warnings


def test_without_an_update_line_relative_stamps_count_back_from_the_files_time_with_a_warning(tmp_path) -> None:
    from tui.core.load import load_blog

    path = tmp_path / "page.txt"
    path.write_text(RELATIVE.replace("Last updated 13 May 2026, 18:42 BST\n", ""), encoding="utf-8")
    blog = load_blog(path)
    assert len(blog.posts) == 4
    assert any("counted back from the file's modification time" in w.message for w in blog.warnings)
