"""The "go to" prompt (and `--start-at`): a post number, a time or a date → the post to jump to.

Accepted (case-insensitive), through the same readers as the blog's own stamps
(tui.core.times, tui.core.days), so every stamp form and zone works here too:
  123, #123, p123        post number (1..N)
  14:30, 2.30pm, noon    a time on the day of the current post
  12:30 BST, 12:30 UTC+3, 12:30 GMT+03:00, 12:30 Moscow time   with a zone
  15 May 12:00, May 15 3pm, 2025-05-15 12:00, 15.05.2025 14:30, fri 14:00
  16 May, friday, fri    a day: its first post
A time resolves to the last post at or before it (post 1 if earlier). A day
with no posts resolves like its 00:00. Times without a zone are in the
blog's zone; a date without a year takes the year nearest the current post's
day. Numbers that are neither ("-5", "1.5", "3 4") are errors, never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from tui.core.clock import PlaybackClock
from tui.core.days import read_when
from tui.core.times import TimeError
from tui.core.vocab import WEEKDAY_NAMES

_POST = re.compile(r"(?:#|p|post\s*)?(\d{1,9})", re.IGNORECASE)
_WEEKDAYS = WEEKDAY_NAMES
HELP = "type a post number (123), a time (14:30) or a day and time (15 May 12:00)"


class GotoError(ValueError):
    """Input the prompt cannot use; str() is the one-line message to show."""


class NoSuchWeekday(GotoError):
    """A weekday none of the posts (read so far) falls on."""


@dataclass(frozen=True, slots=True)
class GotoTarget:
    seq: int  # the position to seek to (1..N)
    label: str  # what was understood, e.g. "15 May 12:00" or "post #123"
    when: datetime | None = None  # the moment asked for, None for a post number
    day_only: bool = False  # a day was asked for without a time ("16 May", "fri"): its first post


def _nearest_year(month: int, dom: int, near: date) -> date:
    options = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            options.append(date(year, month, dom))
        except ValueError:
            continue
    if not options:
        raise GotoError(f"no {dom} {date(2000, month, 1):%B} near {near:%Y}")
    return min(options, key=lambda d: abs((d - near).days))


def parse_goto(text: str, clock: PlaybackClock) -> GotoTarget:
    """Resolve what the user typed against the clock's posts (raises GotoError)."""
    raw = text.strip()
    n = clock.total
    if not raw:
        raise GotoError(HELP)
    if n == 0:
        raise GotoError("there are no posts to go to")
    m = _POST.fullmatch(raw)
    if m:
        seq = int(m.group(1))
        if not 1 <= seq <= n:
            raise GotoError(f"no post #{seq}: posts are numbered 1-{n}")
        return GotoTarget(seq, f"post #{seq}")

    current = clock.current_day()
    assert current is not None
    tz = clock.sim_time(0.0).tzinfo  # type: ignore[union-attr]
    lowered = raw.lower().rstrip(".")
    weekday = next((i for i, w in enumerate(_WEEKDAYS) if len(lowered) >= 3 and w.startswith(lowered)), None)
    try:
        stamp = read_when(raw) if weekday is None else None
    except TimeError as err:
        raise GotoError(str(err) if "zone" in str(err) else f"{err}: {HELP}") from None
    if stamp is not None and stamp.day is None and stamp.month_day is None and stamp.weekday is not None:
        weekday = stamp.weekday
    if weekday is not None:
        match = [d for d in clock.days if d.weekday() == weekday]
        if not match:
            raise NoSuchWeekday(f"no posts on a {_WEEKDAYS[weekday].title()}")
        day = match[0]
        if stamp is None or stamp.clock is None:
            return GotoTarget(clock.first_of_day(day) or 1, day.strftime("%a %d %b"), datetime.combine(day, time(0), tz), True)
    else:
        assert stamp is not None
        if stamp.day is not None:
            day = stamp.day
        elif stamp.month_day is not None:
            day = _nearest_year(*stamp.month_day, current)
        else:
            day = current
    if stamp is None or stamp.clock is None:
        when = datetime.combine(day, time(0), tz)
        first = clock.first_of_day(day)
        if first is not None:
            return GotoTarget(first, when.strftime("%d %b %Y"), when, True)
        return GotoTarget(clock.index_at_time(when), when.strftime("%d %b %Y"), when, True)
    when = datetime.combine(day, stamp.clock, stamp.zone or tz)
    label = when.strftime("%d %b %H:%M") + (f" {when:%Z}" if stamp.zone is not None and when.tzname() else "")
    return GotoTarget(clock.index_at_time(when), label, when)
