"""Day headers and time stamps: whole lines of date/time words only."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from tui.core.days import leading_clock, looks_like_header, parse_day_header, parse_stamp

MAY16 = date(2025, 5, 16)


@pytest.mark.parametrize(
    "line",
    [
        "16 May 2025",
        "May 16, 2025",
        "Friday, 16 May 2025",
        "Fri 16 May 2025",
        "16.05.2025",
        "16/05/2025",
        "2025-05-16",
        "16th of May 2025",
        "  16 May 2025  ",
        "MAY 16, 2025",
        "FRIDAY, 16 MAY 2025 (all times GMT)",  # a header with a note
        "16 May 2025 (times are local)",
    ],
)
def test_day_header_forms(line: str) -> None:
    assert parse_day_header(line) == MAY16


@pytest.mark.parametrize(
    "line",
    [
        "Talks were held on 16 May 2025.",  # a sentence containing a date
        "On 16 May 2025 the talks began",
        "The talks ended 16 May 2025",
        "May 2025",  # no day
        "16 May",  # no year
        "2025",
        "15",
        "1,000 prisoners",
        "Delegation Members",
        "",
        "16 May 2025 " + "x" * 300,
        "(all times GMT) 16 May 2025",
        "Talks began (16 May 2025)",
        "14:05 16 May 2025 (updated)",  # a note follows a date only, not a stamp with a clock
    ],
)
def test_not_a_day_header(line: str) -> None:
    assert parse_day_header(line) is None


@pytest.mark.parametrize(
    "line,clock,offset",
    [
        ("14:05", time(14, 5), None),
        ("14:05 GMT", time(14, 5), timedelta(0)),
        ("2:05pm", time(14, 5), None),
        ("2:05 p.m.", time(14, 5), None),
        ("11am", time(11, 0), None),
        ("09:30 MSK", time(9, 30), timedelta(hours=3)),
    ],
)
def test_time_stamp_lines(line: str, clock: time, offset: timedelta | None) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.day is None and stamp.clock == clock
    assert (stamp.zone.utcoffset(None) if stamp.zone else None) == offset


def test_date_and_time_stamp() -> None:
    stamp = parse_stamp("16 May 2025 14:05")
    assert stamp is not None and (stamp.day, stamp.clock) == (MAY16, time(14, 5))


@pytest.mark.parametrize("line", ["The talks start at 10am.", "10am local time is when talks start", "16.05.2025 talks", "10:00-12:00"])
def test_times_inside_sentences_are_not_stamps(line: str) -> None:
    assert parse_stamp(line) is None


def test_weekday_mismatch_is_flagged() -> None:
    stamp = parse_stamp("Thursday, 16 May 2025")
    assert stamp is not None and stamp.day == MAY16 and stamp.weekday_mismatch
    assert not parse_stamp("Friday, 16 May 2025").weekday_mismatch  # type: ignore[union-attr]


def test_leading_clock_opens_a_paragraph() -> None:
    found = leading_clock("14:05 Russia has said the talks began.")
    assert found is not None and found[0].clock == time(14, 5)
    found = leading_clock("2:05pm – The delegations arrived.")
    assert found is not None and found[0].clock == time(14, 5)
    assert leading_clock("1,000 prisoners were exchanged.") is None
    assert leading_clock("Russia has said talks start at 14:05.") is None


@pytest.mark.parametrize(
    "line, clock, hours",
    [
        ("16.10 BST", time(16, 10), 1),
        ("23.05 BST", time(23, 5), 1),
        ("11.59am", time(11, 59), None),
        ("2.45pm BST", time(14, 45), 1),
        ("14:05 UTC+3", time(14, 5), 3),
        ("1849 GMT", time(18, 49), 0),
        ("9:05 a.m.", time(9, 5), None),
        ("16.05", time(16, 5), None),
        ("At 14:05", time(14, 5), None),
        ("Posted 14:05 GMT", time(14, 5), 0),
    ],
)
def test_page_stamp_lines(line: str, clock: time, hours: int | None) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.day is None and stamp.clock == clock and not stamp.updated
    assert (stamp.zone.utcoffset(None) if stamp.zone else None) == (None if hours is None else timedelta(hours=hours))


def test_a_page_phrase_gives_time_zone_and_yearless_date() -> None:
    stamp = parse_stamp("published at 20:10 British Summer Time 15 August")
    assert stamp is not None and stamp.clock == time(20, 10) and stamp.zone.utcoffset(None) == timedelta(hours=1)
    assert stamp.day is None and stamp.month_day == (8, 15)


def test_clock_zone_and_full_date() -> None:
    stamp = parse_stamp("12:05 p.m. ET, May 15, 2025")
    assert stamp is not None and stamp.day == date(2025, 5, 15) and stamp.clock == time(12, 5)


@pytest.mark.parametrize("line", ["Updated at 21.40 BST", "updated 21:40", "Last updated: 9:40pm"])
def test_updated_lines(line: str) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.updated and stamp.clock is not None


@pytest.mark.parametrize(
    "line, month_day, weekday",
    [("15 August", (8, 15), None), ("Thursday 15 May", (5, 15), 3), ("Thursday, 15th May", (5, 15), 3),
     ("May 15", (5, 15), None), ("Thurs 15 May", (5, 15), 3)],
)
def test_headers_without_a_year(line: str, month_day: tuple[int, int], weekday: int | None) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None and stamp.day is None and stamp.clock is None
    assert (stamp.month_day, stamp.weekday) == (month_day, weekday)


@pytest.mark.parametrize("line", ["\ufeff15 May 2025", "\u200b15 May 2025\u00a0", "\u00a015\u00a0May\u00a02025", "15 May 2025\u2060"])
def test_invisible_characters_do_not_hide_a_header(line: str) -> None:
    assert parse_day_header(line) == date(2025, 5, 15)


@pytest.mark.parametrize("line", ["Posted 16 May", "Friday 14:05", "10:00-12:00", "Friday", "May 2025", "16/05"])
def test_not_stamps(line: str) -> None:
    assert parse_stamp(line) is None


@pytest.mark.parametrize("line", ["Thursday 32 May", "15 Mya 2025", "31.02.2025", "25:70 BST", "Thursday, 15 Mai 2025"])
def test_unreadable_header_like_lines(line: str) -> None:
    assert parse_stamp(line) is None and looks_like_header(line)


@pytest.mark.parametrize("line", ["1,000 prisoners", "G7 summit 2025", "Covid-19 cases", "15 dead", "The talks 2025",
                                  "Talks were held on 16 May 2025."])
def test_text_is_not_header_like(line: str) -> None:
    assert not looks_like_header(line)


@pytest.mark.parametrize(
    "paragraph, clock, rest",
    [
        ("1849 GMT — The ministry has said talks will resume.", time(18, 49), "The ministry"),
        ("UPDATE 4:50 PM: The ministry has said talks will resume.", time(16, 50), "The ministry"),
        ("2.05pm – The delegations arrived.", time(14, 5), "The delegations"),
        ("14.05 BST Officials arrived.", time(14, 5), "Officials"),
        ("9:05 a.m. Officials arrived.", time(9, 5), "Officials"),
    ],
)
def test_page_stamps_opening_a_paragraph(paragraph: str, clock: time, rest: str) -> None:
    found = leading_clock(paragraph)
    assert found is not None and found[0].clock == clock and paragraph[found[1]:].startswith(rest)


@pytest.mark.parametrize("paragraph", ["1.25 million people fled.", "14.05 Russia", "2025 was a year.", "Update on the talks."])
def test_numbers_opening_a_paragraph_are_not_stamps(paragraph: str) -> None:
    assert leading_clock(paragraph) is None


def test_common_header_forms_are_read_as_dateutil_reads_them(monkeypatch) -> None:
    """The fast path for "16 May 2025"-like headers agrees with dateutil, invalid dates included."""
    import random

    from tui.core import days as D

    forms = ["{d} {M}", "{d} {M} {y}", "{M} {d}", "{M} {d}, {y}", "{d}th of {M} {y}", "the {d}th of {M}", "{M} {d}th",
             "{y} {M} {d}", "{d} {y} {M}", "{M}, {d} {y}", "{M} {d} {d}", ", {d} {M}", "{d} {M} of {y}", "{d}. {M}"]
    months = ["January", "february", "MAR", "Sept", "sep", "Dec", "Feb", "April"]
    rng = random.Random(5)
    texts = [f.format(d=rng.randint(0, 33), M=m, y=rng.choice((1899, 2000, 2024, 2101))) for f in forms for m in months
             for _ in range(8)]
    def read(t: str):
        stamp = D.parse_stamp(t)
        return None if stamp is None else (stamp.day, stamp.month_day, stamp.weekday_mismatch)

    fast = [read(t) for t in texts]
    assert sum(x is not None for x in fast) > len(texts) // 2  # most are headers: the comparison means something
    monkeypatch.setattr(D, "_simple_date", lambda s: None)  # dateutil for every form
    assert fast == [read(t) for t in texts]


# ------------------------------------------------------------------ stamps in a ticker's decoration

@pytest.mark.parametrize(
    ("line", "clock", "updated", "pinned"),
    [
        ("+++ 09:20 +++", time(9, 20), False, False),
        ("*** 21:15 ***", time(21, 15), False, False),
        ("## 21:15", time(21, 15), False, False),
        ("== 6.40pm ==", time(18, 40), False, False),
        ("~~ 11:02 ~~", time(11, 2), False, False),
        ("■ 13:30", time(13, 30), False, False),
        ("▶ 13:30 CET", time(13, 30), False, False),
        ("• 13:30 •", time(13, 30), False, False),
        ("— 13:30 —", time(13, 30), False, False),
        ("-- 13:30 --", time(13, 30), False, False),
        ("|| 13:30 ||", time(13, 30), False, False),
        ("+++ 09:20 | Update +++", time(9, 20), False, False),  # "Update": a new post, as "UPDATE 9:20"
        ("+++ 09:20 | BREAKING +++", time(9, 20), False, False),
        ("+++ Breaking | 09:20 +++", time(9, 20), False, False),
        ("13:30 | Breaking", time(13, 30), False, False),
        ("+++ 09:20 | Updated +++", time(9, 20), True, False),  # "Updated": an edit, as "Updated 9:20"
        ("+++ 06:55 | Pinned +++", time(6, 55), False, True),
        ("*** 06:55 | pinned ***", time(6, 55), False, True),
        ("\u00a0+++ 09:20 +++ ", time(9, 20), False, False),
    ],
)
def test_decorated_stamp_lines(line: str, clock: time, updated: bool, pinned: bool) -> None:
    stamp = parse_stamp(line)
    assert stamp is not None
    assert (stamp.clock, stamp.updated, stamp.pinned, stamp.dated) == (clock, updated, pinned, False)


def test_a_decorated_day_header_and_dated_stamp() -> None:
    header = parse_stamp("=== Friday, 16 May 2025 ===")
    assert header is not None and header.day == MAY16 and header.clock is None
    stamp = parse_stamp("+++ 16.05.2025, 14:05 +++")
    assert stamp is not None and (stamp.day, stamp.clock) == (MAY16, time(14, 5))


@pytest.mark.parametrize(
    "line",
    [
        "| 14:05 | Delegations arrive |",  # a table row
        "| 14:05 | Update |",  # a single bar opens a table row, even with a label in it
        "14:05 | Delegations arrive",  # a bar with words that are no label
        "+++ Talks resume at 14:05 +++",  # a headline between the marks
        "+++ 14:05 | Update | 15:10 +++",  # two clocks
        "+++ 16 May 2025 | Pinned +++",  # a label needs a clock
        "+ 14:05 +",  # a single plus is arithmetic, not decoration
        "— 14:05, the minister said",
        "- 5",
        "• 12:30pm",  # a list item
        "14:05 +++",  # decoration opens a stamp line
        "*** 3 ***",
    ],
)
def test_decorated_lines_that_are_not_stamps(line: str) -> None:
    assert parse_stamp(line) is None
