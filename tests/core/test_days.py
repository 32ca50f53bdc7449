"""Day headers and time stamps: whole lines of date/time words only."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from tui.core.days import leading_clock, parse_day_header, parse_stamp

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


@pytest.mark.parametrize("line", ["The talks start at 10am.", "10am local time is when talks start", "16.05"])
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
