"""Dating a page whose stamps do not carry their date: weekdays ("Tue 9.05am") or relative
stamps ("2 hours ago", counted back from the page's "Last updated …" line: page_update_time).

Some pages print no day header at all: each stamp carries its weekday, and the
dates are told once, in the intro ("Monday 3 to Wednesday 5 August 2026")
or not at all. The scan opens a day at each change of weekday
(tui.core.scan, `weekday_days`); here those days get their dates:

- the order of the days: the description's, else the way the weekdays step
  (Tue, Wed, Thu: oldest first; a step is taken as at most three days);
- consecutive days are the next (or previous) date with their weekday;
- the chain is placed on the calendar by a date of the intro (the lines above
  the first stamp) that falls on one of its weekdays, the one most such dates
  agree with; with none, the newest day is the latest date with its weekday up
  to today, and a warning says the dates were assumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from tui.core.vocab import MONTHS

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "3 August 2026", "3rd of August", "August 5, 2026", "Aug. 5" (year optional)
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH_RE})\b\.?(?:,?\s+(?P<y>\d{{4}}))?", re.I)
_MONTH_DAY = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def intro_dates(lines: Iterable[tuple[int, str]], year: int | None = None) -> list[tuple[date, int]]:
    """(date, line number) of each date the (number, text) lines name, in order; a date without
    its year takes the next year the same line names after it, else `year`, else it is skipped."""
    out: list[tuple[date, int]] = []
    for number, line in lines:
        found = sorted([*_DAY_MONTH.finditer(line), *_MONTH_DAY.finditer(line)], key=lambda m: m.start())
        for m in found:
            y = m["y"] or next((x.group() for x in _YEAR.finditer(line, m.end())), None) or year
            if y is None:
                continue
            try:
                out.append((date(int(y), MONTHS[m["m"].lower().rstrip(".")], int(m["d"])), number))
            except (ValueError, KeyError):
                continue
    return out


def weekday_order(weekdays: list[int]) -> str | None:
    """"oldest-first" or "newest-first" as the weekdays of successive days step (0 = Monday; a step
    of one to three days forward is oldest first); None when they do not tell (one day, or as many
    steps each way): the caller then takes the description's order, else newest first."""
    vote = 0
    for a, b in zip(weekdays, weekdays[1:]):
        ahead = (b - a) % 7
        vote += 1 if 1 <= ahead <= 3 else -1 if 4 <= ahead <= 6 else 0
    return "oldest-first" if vote > 0 else "newest-first" if vote < 0 else None


def date_chain(weekdays: list[int], order: str, anchors: list[date], today: date) -> tuple[list[date], date | None]:
    """Dates for days known by weekday (in page order); also the intro date used as the
    anchor, None when the dates were assumed (the newest day: its weekday's latest date
    up to `today`)."""
    chrono = list(weekdays) if order == "oldest-first" else list(reversed(weekdays))
    offsets = [0]
    for a, b in zip(chrono, chrono[1:]):
        offsets.append(offsets[-1] + ((b - a) % 7 or 7))
    best: tuple[int, date, date] | None = None  # (dates agreeing, start, anchor)
    for anchor in anchors:
        for off, wd in zip(offsets, chrono):
            if anchor.weekday() != wd:
                continue
            start = anchor - timedelta(days=off)
            span = {start + timedelta(days=o) for o in offsets}
            agree = sum(1 for a in anchors if a in span)
            if best is None or agree > best[0]:
                best = (agree, start, anchor)
    if best is not None:
        start, used = best[1], best[2]
    else:
        newest = today - timedelta(days=(today.weekday() - chrono[-1]) % 7)
        start, used = newest - timedelta(days=offsets[-1]), None
    dates = [start + timedelta(days=o) for o in offsets]
    return (dates if order == "oldest-first" else list(reversed(dates))), used


# "Last updated 21 July 2026, 16:05 BST", "Updated: 21 July 2026 16:05", "Page saved 2026-07-21 16:05"
_UPDATED_LINE = re.compile(r"^\s*(?:last\s+)?(?:updated|published|modified|saved|page\s+saved)(?:\s+(?:at|on))?\s*:?\s*(?P<rest>.+?)\s*$",
                           re.IGNORECASE)


def page_update_time(lines: Iterable[tuple[int, str]], tz, read_when, year: int | None = None) -> tuple[datetime, int] | None:
    """When a copied page was last updated, and the number of the line that says so, from its own
    "Last updated …" line among the (number, text) lines above the posts: the moment its relative
    stamps ("2 hours ago") count back from; None when no line says it. `read_when` reads the date
    and clock (tui.core.days.read_when); a date without its year takes `year` (the description's)."""
    for number, line in lines:
        m = _UPDATED_LINE.match(line)
        if m is None:
            continue
        try:
            stamp = read_when(m["rest"])
        except ValueError:
            continue
        day = stamp.day
        if day is None and stamp.month_day is not None and year is not None:
            try:
                day = date(year, *stamp.month_day)
            except ValueError:
                day = None
        if day is None or stamp.clock is None or day.year < 1900:  # (no page was updated in year 1)
            continue
        return datetime.combine(day, stamp.clock, stamp.zone or tz), number
    return None
