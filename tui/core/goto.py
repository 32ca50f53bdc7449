"""The "go to" prompt: a post number, a time or a date → the post to jump to.

Accepted (case-insensitive):
  123, #123, p123        post number (1..N)
  14:30, 2:30pm, noon    a time on the day of the current post
  15 May 12:00, May 15 3pm, 2025-05-15 12:00, 15.05.2025 14:30, 12:30 GMT
  16 May, friday, fri    a day: its first post
A time resolves to the last post at or before it (post 1 if earlier). A day
with no posts resolves like its 00:00. Times without a zone are in the
blog's zone; missing date parts come from the current post's day.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime, time

from dateutil import parser as dateparser

from tui.core.clock import PlaybackClock
from tui.core.vocab import WEEKDAY_NAMES

_POST = re.compile(r"(?:#|p|post\s*)?(\d{1,9})", re.IGNORECASE)
_HAS_TIME = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}|\d\s*(?:am|pm)\b|\bnoon\b|\bmidnight\b", re.IGNORECASE)
_WEEKDAYS = WEEKDAY_NAMES
HELP = "type a post number (123), a time (14:30) or a day and time (15 May 12:00)"


class GotoError(ValueError):
    """Input the prompt cannot use; str() is the one-line message to show."""


@dataclass(frozen=True, slots=True)
class GotoTarget:
    seq: int  # the position to seek to (1..N)
    label: str  # what was understood, e.g. "15 May 12:00" or "post #123"
    when: datetime | None = None  # the moment asked for, None for a post number


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

    day = clock.current_day()
    tz = clock.sim_time(0.0).tzinfo  # type: ignore[union-attr]
    lowered = raw.lower().rstrip(".")
    weekday = next((i for i, w in enumerate(_WEEKDAYS) if len(lowered) >= 3 and w.startswith(lowered)), None)
    if weekday is not None:
        match = [d for d in clock.days if d.weekday() == weekday]
        if not match:
            raise GotoError(f"no posts on a {_WEEKDAYS[weekday].title()}")
        return GotoTarget(clock.first_of_day(match[0]) or 1, match[0].strftime("%a %d %b"),
                          datetime.combine(match[0], time(0), tz))

    cleaned = re.sub(r"\bnoon\b", "12:00", raw, flags=re.IGNORECASE)
    cleaned = re.sub(r"\bmidnight\b", "00:00", cleaned, flags=re.IGNORECASE)
    default = datetime.combine(day, time(0))  # type: ignore[arg-type]
    try:
        with warnings.catch_warnings():
            # An unknown zone name ("14:30 XYZ") would be silently dropped: refuse it.
            warnings.simplefilter("error", dateparser.UnknownTimezoneWarning)
            when = dateparser.parse(cleaned, default=default)
            when.utcoffset()  # a wild offset ("+03:0099") only fails here
    except dateparser.UnknownTimezoneWarning:
        raise GotoError(f"unknown time zone in {raw!r}: use GMT, UTC or +03:00") from None
    except (ValueError, OverflowError) as err:
        detail = str(err).split(":")[0] if "must be in" in str(err) else ""
        raise GotoError(f"cannot read {raw!r}{' (' + detail + ')' if detail else ''}: {HELP}") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz)
    has_time = bool(_HAS_TIME.search(raw))
    if not has_time:
        first = clock.first_of_day(when.astimezone(tz).date())
        if first is not None:
            return GotoTarget(first, when.strftime("%d %b %Y"), when)
    seq = clock.index_at_time(when)
    label = when.strftime("%d %b %H:%M") if has_time else when.strftime("%d %b %Y")
    return GotoTarget(seq, label, when)
