"""Time phrases -> tz-aware datetimes against the post's day and time."""

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.when import find_times, normalise, precision_of

MSK = timezone(timedelta(hours=3))
REF = datetime(2025, 5, 15, 13, 0, tzinfo=MSK)  # a Thursday


def w(raw: str, estimated: bool = False):
    return normalise(raw, REF, estimated, MSK)


@pytest.mark.parametrize("raw, iso, precision", [
    ("at 12:30pm Moscow time (9:30am GMT)", "2025-05-15T12:30:00+03:00", "minute"),
    ("at 10am local time in Istanbul (7am GMT)", "2025-05-15T10:00:00+03:00", "minute"),
    ("at 10:45am (07:45am GMT)", "2025-05-15T10:45:00+03:00", "minute"),
    ("at 7am GMT", "2025-05-15T10:00:00+03:00", "minute"),
    ("at 10 a.m. on Friday", "2025-05-16T10:00:00+03:00", "minute"),
    ("on Friday", "2025-05-16T00:00:00+03:00", "day"),
    ("On Wednesday", "2025-05-14T00:00:00+03:00", "day"),
    ("Thursday night", "2025-05-15T22:00:00+03:00", "part"),
    ("late on Thursday", "2025-05-15T22:00:00+03:00", "part"),
    ("tomorrow morning", "2025-05-16T09:00:00+03:00", "part"),
    ("May 15", "2025-05-15T00:00:00+03:00", "day"),
    ("the second half of the day", "2025-05-15T14:00:00+03:00", "part"),
    ("in two or three hours", "2025-05-15T15:00:00+03:00", "hour"),
])
def test_phrases_resolve(raw: str, iso: str, precision: str) -> None:
    got = w(raw)
    assert got.dt.isoformat() == iso and got.precision == precision and got.raw.strip() == raw.strip()


def test_clock_times_are_exact_and_relative_phrases_estimated() -> None:
    assert w("at 12:30pm Moscow time").estimated is False
    assert w("later in the day").estimated is True
    assert w("in two or three hours").estimated is True


def test_later_in_the_day_stays_on_the_post_day_with_no_made_up_time() -> None:
    got = w("later in the day")
    assert got.dt.date() == REF.date() and got.precision == "day" and got.estimated


def test_hours_from_an_estimated_post_time_round_to_the_hour() -> None:
    got = normalise("in two hours", REF.replace(minute=38), ref_estimated=True)
    assert (got.dt.hour, got.dt.minute, got.precision, got.estimated) == (16, 0, "hour", True)  # 15:38 -> 16:00


@pytest.mark.parametrize("raw,iso", [
    ("at 3pm Geneva time", "2025-05-15T16:00:00+03:00"),  # a city of the tables: CEST, +2
    ("at 0900 GMT", "2025-05-15T12:00:00+03:00"),
    ("at 14:00 UTC+2", "2025-05-15T15:00:00+03:00"),
    ("at 10:00 BST", "2025-05-15T12:00:00+03:00"),
    ("at 2pm British Summer Time", "2025-05-15T16:00:00+03:00"),
    ("at 11am Turkish time", "2025-05-15T11:00:00+03:00"),  # a country with one zone, by its demonym
    ("at 5pm EDT", "2025-05-16T00:00:00+03:00"),
    ("at 16.10 BST", "2025-05-15T18:10:00+03:00"),
])
def test_any_zone_a_text_names_is_read(raw: str, iso: str) -> None:
    assert w(raw).dt.isoformat() == iso


def test_a_decimal_number_is_not_a_time() -> None:
    assert find_times("The fee rose to 3.50 euros.", REF) == []


@pytest.mark.parametrize("raw", ["in April 2022", "in the spring of 2022", "three years ago", "in late March"])
def test_other_years_and_earlier_months_are_history(raw: str) -> None:
    assert w(raw).history is True


def test_find_times_gives_offsets() -> None:
    text = "They will meet at 10:45am, followed by talks at 12:30pm Moscow time."
    found = find_times(text, REF, False, MSK)
    assert [text[x.start:x.end] for x in found] == ["at 10:45am", "at 12:30pm Moscow time"]


def test_precision_of_a_raw_phrase() -> None:
    assert precision_of("on Friday") == "day" and precision_of("at 10am") == "minute" and precision_of("soon") == "none"


LONDON_REF = datetime(2025, 10, 13, 8, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday, BST


@pytest.mark.parametrize(("raw", "utc"), [
    # the blog's zone is not the venue's: the time in the zone the text names is exact
    ("at 10am local time (9am BST) on Tuesday", "2025-10-14T08:00:00+00:00"),
    ("at 10:00 (0800 GMT)", "2025-10-13T08:00:00+00:00"),
    ("at 10:34 local time (0834 GMT)", "2025-10-13T08:34:00+00:00"),
    ("at 09:00 GMT (10am local time)", "2025-10-13T09:00:00+00:00"),
])
def test_a_time_given_again_in_a_named_zone_is_read_in_that_zone(raw: str, utc: str) -> None:
    found = find_times(raw, LONDON_REF, False, LONDON_REF.tzinfo)
    assert len(found) == 1 and raw.startswith(found[0].raw)
    assert found[0].dt.astimezone(timezone.utc).isoformat() == utc


def test_local_time_is_the_venues_when_the_venue_is_known() -> None:
    from zoneinfo import ZoneInfo

    geneva = ZoneInfo("Europe/Zurich")  # CEST, UTC+2 in May; the blog's zone here is UTC+3
    at = find_times("The plenary opens at 10am local time.", REF, False, MSK, geneva)[0]
    assert at.dt == datetime(2025, 5, 15, 10, 0, tzinfo=geneva)
    assert at.dt.utcoffset() == MSK.utcoffset(None)  # shown in the blog's zone: 11:00
    assert at.dt.hour == 11
    unknown = find_times("The plenary opens at 10am local time.", REF, False, MSK)[0]
    assert unknown.dt == datetime(2025, 5, 15, 10, 0, tzinfo=MSK)  # no venue known: the blog's zone
    named = find_times("It opens at 10am local time in Geneva.", REF, False, MSK)[0]
    assert named.dt == datetime(2025, 5, 15, 10, 0, tzinfo=geneva)  # the place the phrase names


@pytest.mark.parametrize("text, expected", [
    # one time told twice, the venue's clock first: the clock with a zone is exact, the day is the first's
    ("The talks will resume at 10 a.m. on Sunday, or 2 a.m. EDT, officials said.", "2026-04-19T02:00:00-04:00"),
    ("The session opens at 9 a.m. local time, or 1 a.m. EDT.", "2026-04-18T01:00:00-04:00"),
])
def test_a_clock_paired_with_a_zoned_clock_after_or_is_that_clock(text: str, expected: str) -> None:
    from zoneinfo import ZoneInfo

    ref = datetime(2026, 4, 18, 14, 0, tzinfo=ZoneInfo("America/New_York"))
    (w,) = find_times(text, ref)
    assert w.dt.isoformat() == expected and w.precision == "minute"


def test_two_times_offered_with_or_stay_two() -> None:
    from zoneinfo import ZoneInfo

    ref = datetime(2026, 4, 18, 14, 0, tzinfo=ZoneInfo("America/New_York"))
    assert [w.raw for w in find_times("The talks could start at 9 a.m. or 3 p.m. GMT.", ref)] == ["at 9 a.m.", "3 p.m. GMT"]


def test_two_clocks_of_two_sessions_stay_two() -> None:
    from zoneinfo import ZoneInfo

    ref = datetime(2026, 4, 18, 14, 0, tzinfo=ZoneInfo("America/New_York"))
    got = find_times("The first session is at 10:00 and the second at 14:00 GMT.", ref)
    # two phrases; the sentence names one zone, so its bare clock is in it too: 10:00 and 14:00 GMT
    assert [w.dt.hour for w in got] == [6, 10]


def test_a_bare_clock_takes_the_one_zone_its_sentence_names_and_a_day_keeps_the_blogs() -> None:
    from zoneinfo import ZoneInfo

    ref = datetime(2026, 3, 17, 7, 2, tzinfo=ZoneInfo("Europe/Kyiv"))
    got = find_times("The talks resume at 11 am Istanbul time on Saturday and the working group at 2:30 pm.", ref)
    assert [f"{w.dt:%a %H:%M}" for w in got] == ["Sat 10:00", "Tue 13:30"]
    assert [w.dt.utcoffset().total_seconds() / 3600 for w in got] == [2, 2]  # given in the blog's zone


def test_a_bare_clock_placed_elsewhere_keeps_the_blogs_zone() -> None:
    from zoneinfo import ZoneInfo

    ref = datetime(2026, 3, 17, 7, 2, tzinfo=ZoneInfo("Europe/Kyiv"))
    got = find_times("The talks open at 10:00 GMT, which is 13:00 in Kyiv.", ref)
    assert [f"{w.dt:%H:%M}" for w in got] == ["12:00", "13:00"]
