"""Estimated times: evenly spread, strictly increasing, never before an earlier anchor."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.days import Stamp
from tui.core.timing import day_times, stamp_time

IST = ZoneInfo("Europe/Istanbul")
DAY = date(2025, 5, 16)


def at(h: int, m: int = 0, tz=IST) -> datetime:
    return datetime.combine(DAY, time(h, m), tz)


def test_no_anchors_spread_between_day_start_and_end() -> None:
    times, back = day_times(DAY, [None] * 4, IST, time(8), time(23))
    assert [t.strftime("%H:%M") for t in times] == ["11:00", "14:00", "17:00", "20:00"]
    assert back == [] and all(t.tzinfo is IST for t in times)


def test_estimates_sit_between_anchors() -> None:
    times, _ = day_times(DAY, [None, at(12), None, None, at(15), None], IST, time(8), time(23))
    assert times[0] == at(10) and times[1] == at(12) and times[2] == at(13) and times[3] == at(14)
    assert at(15) < times[5] < at(23)


def test_anchor_before_day_start_spreads_from_midnight() -> None:
    times, _ = day_times(DAY, [None, at(6)], IST, time(8), time(23))
    assert times[0] == at(3)


def test_backwards_anchor_is_distrusted_and_estimated_after_the_floor() -> None:
    times, back = day_times(DAY, [at(15), None, at(13), None], IST, time(8), time(23))
    assert back == [2]  # reported, and its time is an estimate in file order
    assert at(15) < times[1] < times[2] < times[3]


def test_many_posts_in_one_day_get_sub_second_but_increasing_times() -> None:
    times, _ = day_times(DAY, [None] * 100_000, timezone.utc, time(8), time(9))
    assert all(a < b for a, b in zip(times, times[1:]))


def test_dst_day_stays_monotonic() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    times, _ = day_times(date(2025, 3, 30), [None] * 50, berlin, time(0), time(23))  # clocks jump at 02:00
    utc = [t.astimezone(timezone.utc) for t in times]
    assert all(a < b for a, b in zip(utc, utc[1:]))


def test_stamp_in_other_zone_is_converted() -> None:
    t = stamp_time(DAY, Stamp(None, time(11, 0), timezone.utc), IST)
    assert t == at(14) and t.utcoffset().total_seconds() == 3 * 3600  # type: ignore[union-attr]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 23 * 60 + 59)), min_size=1, max_size=40))
def test_property_estimates_never_before_an_earlier_anchor(slots: list[int | None]) -> None:
    explicit = [None if s is None else at(s // 60, s % 60) for s in slots]
    times, back = day_times(DAY, explicit, IST, time(8), time(23))
    assert all(a <= b for a, b in zip(times, times[1:]))  # never backwards
    for k, (given_time, t) in enumerate(zip(explicit, times)):
        if given_time is not None and k not in back:
            assert t == given_time  # trusted stamps are kept exactly
    for k in back:  # only stamps earlier than a trusted one before them are distrusted
        assert explicit[k] is not None
        assert any(explicit[i] is not None and i not in back and explicit[i] > explicit[k] for i in range(k))
    if not back:  # anchors in order: the whole day is strictly increasing
        assert all(a < b for a, b in zip(times, times[1:])) or len(set(explicit) - {None}) < sum(e is not None for e in explicit)