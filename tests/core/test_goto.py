"""The go-to prompt: post numbers, times, dates, and clear errors for junk."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.clock import PlaybackClock
from tui.core.goto import GotoError, parse_goto

TZ = timezone(timedelta(hours=3))


def at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2025, 5, day, hh, mm, tzinfo=TZ)


# 14 May (Wed): posts 1-3; 15 May (Thu): 4-6; 16 May (Fri): 7-8
TIMES = [at(14, 9), at(14, 12), at(14, 18), at(15, 8), at(15, 14), at(15, 20), at(16, 10), at(16, 12, 30)]


def clock(position: int = 5) -> PlaybackClock:
    return PlaybackClock(TIMES, position=position)


@pytest.mark.parametrize("text, seq", [("3", 3), ("#8", 8), ("p2", 2), (" post 4 ", 4)])
def test_post_numbers(text, seq):
    t = parse_goto(text, clock())
    assert t.seq == seq and t.when is None and str(seq) in t.label


@pytest.mark.parametrize("text", ["0", "9", "#999999"])
def test_post_number_out_of_range(text):
    with pytest.raises(GotoError, match="posts are numbered 1-8"):
        parse_goto(text, clock())


@pytest.mark.parametrize(
    "text, seq",
    [
        ("14:30", 5),  # on the current post's day (15 May)
        ("14:00", 5),  # exactly at a post
        ("13:59", 4),
        ("2pm", 5),
        ("noon", 4),
        ("07:00", 3),  # before the day's first post: last post before it (14 May 18:00)
        ("15 May 12:00", 4),
        ("May 16 12:45", 8),
        ("2025-05-16 10:00", 7),
        ("16.05.2025 11:00", 7),
        ("14 May 08:00", 1),  # before everything: first post
        ("20 May 12:00", 8),  # after everything: last post
        ("15 May 11:00 GMT", 5),  # 14:00 local
    ],
)
def test_times(text, seq):
    assert parse_goto(text, clock()).seq == seq


@pytest.mark.parametrize("text, seq", [("16 May", 7), ("14 may", 1), ("2025-05-15", 4), ("fri", 7), ("Wednesday", 1), ("17 May", 8), ("1 May", 1)])
def test_days_go_to_their_first_post(text, seq):
    assert parse_goto(text, clock()).seq == seq


def test_time_uses_current_day():
    assert parse_goto("12:00", clock(position=1)).seq == 2
    assert parse_goto("12:00", clock(position=8)).seq == 7


@pytest.mark.parametrize("text", ["", "   ", "hello", "99:99", "16 May 25:00", "tomorrow", "x1", "1e10", "sunday", "14am-30", "12:00 XYZ"])
def test_junk_gives_a_clear_message(text):
    with pytest.raises(GotoError) as err:
        parse_goto(text, clock())
    msg = str(err.value)
    assert msg and "\n" not in msg


def test_no_posts():
    with pytest.raises(GotoError, match="no posts"):
        parse_goto("12:00", PlaybackClock([]))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_any_input_gives_a_valid_seq_or_goto_error(text):
    try:
        target = parse_goto(text, clock())
    except GotoError:
        return
    assert 1 <= target.seq <= len(TIMES)


# Every zone form the stamps accept names the same moment here: 12:30 UTC+3 = 09:30 GMT = 10:30 BST …
@pytest.mark.parametrize(
    "text",
    ["15 May 12:30 UTC+3", "15 May 12:30 GMT+3", "15 May 12:30 GMT+03:00", "15 May 12:30 +03:00", "15 May 12:30 MSK",
     "15 May 10:30 BST", "15 May 11:30 CEST", "15 May 05:30 EDT", "15 May 09:30 GMT", "15 May 0930 GMT",
     "15 May 12:30 Moscow time", "15 May 10:30 British Summer Time", "15 May 12.30pm", "15 May 12:30 local time",
     "May 15 12:30 Europe/Istanbul"],
)
def test_every_zone_form_agrees_with_the_stamps(text):
    target = parse_goto(text, clock())
    assert target.when == at(15, 12, 30)
    assert target.seq == 4  # the last post at or before 12:30 (+03:00)


@pytest.mark.parametrize("text", ["-5", "1.5", "5.", "3 4", "12:00 13:00", "14 May 12:00 XYZ"])
def test_numbers_that_are_not_times_or_dates_are_errors(text):
    with pytest.raises(GotoError):
        parse_goto(text, clock())


def test_unknown_zone_says_so():
    with pytest.raises(GotoError, match="unknown time zone 'XYZ'"):
        parse_goto("12:00 XYZ", clock())


def test_weekday_and_time():
    assert parse_goto("fri 11:00", clock()).seq == 7
    assert parse_goto("Thursday 14:00", clock()).seq == 5
