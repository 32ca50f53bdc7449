"""The one reader of clocks and zones: every form pages and users write, and
numbers that are not times refused."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from tui.core.times import TimeError, find_clock, match_clock, read_clock, read_zone


def offset(zone, on: datetime = datetime(2025, 5, 15, 12)) -> timedelta | None:
    return None if zone is None else zone.utcoffset(on)


H = timedelta(hours=1)


@pytest.mark.parametrize(
    "text, clock",
    [
        ("14:05", time(14, 5)),
        ("14.05", time(14, 5)),
        ("14:05:30", time(14, 5, 30)),
        ("14h05", time(14, 5)),
        ("2:05pm", time(14, 5)),
        ("2.05pm", time(14, 5)),
        ("11.59am", time(11, 59)),
        ("2 p.m.", time(14, 0)),
        ("2 PM", time(14, 0)),
        ("9:05 a.m.", time(9, 5)),
        ("12:30am", time(0, 30)),
        ("12pm", time(12, 0)),
        ("noon", time(12, 0)),
        ("12 noon", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("at 14:05", time(14, 5)),
        ("14:05 local time", time(14, 5)),
    ],
)
def test_clock_forms_without_a_zone(text: str, clock: time) -> None:
    assert read_clock(text) == (clock, None)


@pytest.mark.parametrize(
    "text, clock, hours",
    [
        ("1405 GMT", time(14, 5), 0),
        ("1849 GMT", time(18, 49), 0),
        ("2.45pm BST", time(14, 45), 1),
        ("16.10 BST", time(16, 10), 1),
        ("14:05 UTC+3", time(14, 5), 3),
        ("14:05 GMT+3", time(14, 5), 3),  # ahead of Greenwich, as pages mean it (not the POSIX inversion)
        ("14:05 GMT+03:00", time(14, 5), 3),
        ("14:05 UTC-5", time(14, 5), -5),
        ("14:05 UTC−5", time(14, 5), -5),  # a minus sign
        ("14:05 +03:00", time(14, 5), 3),
        ("14:05 -0400", time(14, 5), -4),
        ("12:30 MSK", time(12, 30), 3),
        ("12:30 CEST", time(12, 30), 2),
        ("12:30 EET", time(12, 30), 2),
        ("12:30 EEST", time(12, 30), 3),
        ("12:30 EDT", time(12, 30), -4),
        ("12:30 PST", time(12, 30), -8),
        ("12:30 AKDT", time(12, 30), -8),
        ("12:05 p.m. ET", time(12, 5), -4),  # US Eastern, daylight saving in May
        ("12:30 Moscow time", time(12, 30), 3),
        ("12:30 Kyiv time", time(12, 30), 3),  # IANA place names, with their summer time
        ("12:30 Israel time", time(12, 30), 3),
        ("20:10 British Summer Time", time(20, 10), 1),
        ("9am Eastern Daylight Time", time(9, 0), -4),
        ("12:30 (GMT+3)", time(12, 30), 3),
        ("12:30 Europe/Istanbul", time(12, 30), 3),
    ],
)
def test_clock_forms_with_a_zone(text: str, clock: time, hours: float) -> None:
    got, zone = read_clock(text)
    assert got == clock and offset(zone) == hours * H


@pytest.mark.parametrize("text", ["-5", "1.5", "5.", "3 4", "25:00", "14:60", "1405", "13pm", "0am", "12", "", "noonish", "2025"])
def test_numbers_that_are_not_times_are_errors(text: str) -> None:
    with pytest.raises(TimeError) as err:
        read_clock(text)
    assert str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("text", ["12:00 XYZ", "14:05 Ruritania time", "14:05 UTC+25"])
def test_unknown_zones_are_errors_that_say_so(text: str) -> None:
    with pytest.raises(TimeError, match="unknown time zone"):
        read_clock(text)


@pytest.mark.parametrize(
    "text, hours",
    [("GMT", 0), ("utc", 0), ("BST", 1), ("UTC+3", 3), ("GMT-03:30", -3.5), ("+05:30", 5.5), ("Moscow time", 3),
     ("central european summer time", 2), ("ET", -4), ("Europe/London", 1), ("Kiev time", 3)],
)
def test_read_zone(text: str, hours: float) -> None:
    assert offset(read_zone(text)) == hours * H


@pytest.mark.parametrize("text", ["", "local time", "XYZ", "Atlantis time", "Not/AZone", "UTC+15"])
def test_read_zone_unknown(text: str) -> None:
    assert read_zone(text) is None


def test_dst_following_names_take_the_offset_of_the_day() -> None:
    zone = read_zone("Eastern Time")
    assert offset(zone, datetime(2025, 1, 15, 12)) == -5 * H and offset(zone, datetime(2025, 7, 15, 12)) == -4 * H


def test_find_clock_in_a_page_phrase() -> None:
    found = find_clock("published at 20:10 British Summer Time 15 August")
    assert found is not None and found.clock == time(20, 10) and offset(found.zone) == H
    assert found.zone_text == "British Summer Time"


def test_a_clock_never_continues_a_number_or_a_date() -> None:
    assert find_clock("16.05.2025") is None
    assert find_clock("2025-05-16") is None
    assert find_clock("1,200 people") is None
    assert match_clock("10:00-12:00").end == 5  # a range: the second part is no zone


def test_an_unknown_place_ends_the_clock_before_it() -> None:
    found = match_clock("14:05 Russia time limits were discussed")
    assert found is not None and found.zone is None and found.end == 5
