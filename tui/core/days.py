"""Day headers and time stamps: lines that date the posts below them.

A header/stamp line consists ONLY of date and time words ("16 May 2025",
"May 16, 2025", "Friday, 16 May 2025", "16.05.2025", "14:05", "14:05 GMT",
"2:05pm", "16 May 2025 14:05"). A cheap token whitelist rejects every other
line before python-dateutil interprets the survivors, so a sentence that
merely contains a date is never a header and the parse stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from dateutil import parser as dateparser

from tui.core.vocab import MONTHS as VOCAB_MONTHS, WEEKDAYS as VOCAB_WEEKDAYS, ZONE_OFFSETS

MONTHS = set(VOCAB_MONTHS)
WEEKDAYS = VOCAB_WEEKDAYS
# Abbreviations a stamp may carry; offsets in hours.
ZONES: dict[str, float] = ZONE_OFFSETS
_FILLERS = {"of", "the", "at", "st", "nd", "rd", "th", "am", "pm", "a", "p", "m"}
_ALLOWED_WORDS = MONTHS | set(WEEKDAYS) | set(ZONES) | _FILLERS
_ALLOWED_PUNCT = set(",.:/-–—+()|")
_MAX_LEN = 48

_ANY_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[A-Za-z]+|\d+|\S")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\b\.?", re.I)
_TZINFOS = {name.upper(): int(hours * 3600) for name, hours in ZONES.items()}

# "14:05 Text…" / "2:05pm – Text…": a stamp opening a paragraph.
_LEADING = re.compile(
    r"^(?P<clock>\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s+(?P<zone>" + "|".join(sorted((z.upper() for z in ZONES), key=len, reverse=True)) + r")\b)?"
    r"\s*(?:[-–—|:]\s+|\s+)(?=\S)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a header/stamp line says. day and clock are each optional (not both None)."""

    day: date | None
    clock: time | None
    zone: tzinfo | None = None  # zone written in the stamp ("GMT"), else None = blog zone
    weekday_mismatch: bool = False


def _dateutil(line: str) -> datetime | None:
    try:
        value, skipped = dateparser.parse(
            line, dayfirst=True, fuzzy_with_tokens=True, default=datetime(2000, 1, 1), tzinfos=_TZINFOS
        )
    except (ValueError, OverflowError, TypeError):
        return None
    for piece in skipped:  # nothing but punctuation and filler words may be left over
        for tok in _TOKEN.findall(piece):
            if tok.isalpha() and tok.lower() not in _FILLERS:
                return None
            if tok.isdigit():
                return None
    return value


def parse_stamp(line: str) -> Stamp | None:
    """A Stamp when the whole line is a date and/or time, else None."""
    if len(line) > 4 * _MAX_LEN:  # cheap reject before strip/caching: most lines are prose
        return None
    s = line.strip()
    if not s or len(s) > _MAX_LEN or _ANY_DIGIT.search(s) is None:  # every stamp has an ASCII/Unicode \d digit
        return None
    return _parse_stamp(s)


@lru_cache(maxsize=8192)
def _parse_stamp(s: str) -> Stamp | None:
    tokens = _TOKEN.findall(s)
    weekday: int | None = None
    has_month = False
    for tok in tokens:
        if tok.isdigit():
            continue
        low = tok.lower()
        if tok.isalpha():
            if low not in _ALLOWED_WORDS:
                return None
            has_month = has_month or low in MONTHS
            if low in WEEKDAYS:
                weekday = WEEKDAYS[low]
        elif tok not in _ALLOWED_PUNCT:
            return None
    clock_match = _CLOCK.search(s)
    rest = _CLOCK.sub(" ", s) if clock_match else s
    numeric_date = _NUMERIC_DATE.search(rest) is not None
    numbers = re.findall(r"\d+", rest)
    has_year = numeric_date or any(len(n) == 4 and 1900 <= int(n) <= 2100 for n in numbers)
    has_day = numeric_date or any(len(n) <= 2 and 1 <= int(n) <= 31 for n in numbers)
    is_date = (has_month or numeric_date) and has_year and has_day
    if not is_date and clock_match is None:
        return None
    if not is_date and (has_month or numbers):
        return None  # e.g. "May 2025 14:05" or "16 14:05": a partial date is not a stamp
    value = _dateutil(s)
    if value is None:
        return None
    day = value.date() if is_date else None
    clock = value.time().replace(tzinfo=None) if clock_match else None
    zone = value.tzinfo if clock_match else None
    if zone is not None:
        offset = zone.utcoffset(value)
        zone = timezone(offset if offset is not None else timedelta(0))
    mismatch = day is not None and weekday is not None and day.weekday() != weekday
    return Stamp(day, clock, zone, mismatch)


def parse_day_header(line: str) -> date | None:
    """The date of a day-header line ("16 May 2025"), else None."""
    stamp = parse_stamp(line)
    return stamp.day if stamp is not None else None


def leading_clock(paragraph: str) -> tuple[Stamp, int] | None:
    """A time stamp opening a paragraph ("14:05 Text…") and where the text starts."""
    if not paragraph[:1].isdigit():
        return None
    m = _LEADING.match(paragraph)
    if m is None:
        return None
    stamp = parse_stamp(m["clock"] + (" " + m["zone"] if m["zone"] else ""))
    if stamp is None or stamp.clock is None:
        return None
    return stamp, m.end()
