"""The one reader of clock times and time zones.

Blog stamps, `--start-at`, the go-to prompt (and time phrases in post text)
all read times here, so a form accepted in one place is accepted everywhere:

  clocks  14:05, 14.05, 14:05:30, 14h05, 2:05pm, 2.05pm, 2 p.m., 9:05 a.m.,
          noon, midday, midnight, 12 noon; 1849 (four digits) only with a zone
  zones   abbreviations and names from tui.core.vocab.ZONES (GMT, BST, CEST,
          MSK, EDT, ET, "British Summer Time"…), UTC±N / GMT±N[:MM] (the sign
          as news pages mean it: GMT+3 is three hours AHEAD of Greenwich, not
          the POSIX inversion), ±HH:MM / ±HHMM, "<place> time" for any place the
          IANA database names ("Moscow time", "Kyiv time", "Israel time"), an
          IANA key ("Europe/London"), and "local time" (= the blog's own zone)

A number that is not a clock ("1.5", "-5", "25:00", "5.") is an error, never
a guess. Offsets come from zoneinfo (IANA) or from the fixed offsets of the
zone table; nothing here downloads anything.

Public API:
  read_clock(text) -> (time, tzinfo | None)   whole text; raises TimeError
  read_zone(text)  -> tzinfo | None           whole text; None when unknown
  match_clock(text, pos=0) -> ClockMatch | None   a clock (and zone) AT pos
  find_clock(text, pos=0)  -> ClockMatch | None   the first clock at or after pos
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.vocab import CLOCK_WORDS, ZONES, zone_for_city, zone_for_word

__all__ = ["ClockMatch", "TimeError", "find_clock", "match_clock", "read_clock", "read_zone"]


class TimeError(ValueError):
    """Text that is not a time (or names an unknown zone); str() is a one-line reason."""


@dataclass(frozen=True, slots=True)
class ClockMatch:
    """A clock found in a text: what it says and where it is (end includes the zone)."""

    clock: time
    zone: tzinfo | None  # None: no zone written, or "local time" (the blog's zone)
    start: int
    end: int
    zone_text: str = ""  # the zone as written ("BST", "UTC+3"), "" when none


_MINUS = "-−–"  # hyphen, minus sign, en dash: all mean minus in an offset
_OFFSET_RE = (
    rf"(?:UTC|GMT)\s?[+{_MINUS}]\s?\d{{1,2}}(?:[:.]?\d{{2}})?"
    rf"|(?<=\s)[+{_MINUS}]\d{{2}}:?\d{{2}}"  # a bare offset only after a space: "10:00-12:00" is a range
)
_OFFSET = re.compile(
    rf"^(?:UTC|GMT)?\s?(?P<sign>[+{_MINUS}])\s?(?P<h>\d{{1,2}})(?:[:.]?(?P<m>\d{{2}}))?$", re.I
)
_WORDS_RE = "|".join(
    r"\s+".join(map(re.escape, word.split())) for word in sorted(ZONES, key=len, reverse=True)
)
# "<Place> time": capitalised words (checked against the IANA place names after matching).
_PLACE_RE = r"(?-i:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,2})\s+time"
_ZONE_RE = rf"(?:{_OFFSET_RE}|local\s+time|{_PLACE_RE}|(?:{_WORDS_RE})|[A-Z][a-z]+/[A-Za-z_/+-]+)(?![\w+])"

_AMPM = r"(?P<ap>[ap])\.?\s?m(?![a-z])\.?"
_CLOCK_RE = (
    r"(?:(?P<twelve>12\s+)?(?P<word>noon|midday|midnight)(?![a-z])"
    rf"|(?P<h12>\d{{1,2}})(?:[:.](?P<m12>\d{{2}}))?\s?{_AMPM}"
    r"|(?P<h>\d{1,2})(?P<sep>[:.h])(?P<m>\d{2})(?::(?P<s>\d{2}))?"
    r"|(?P<mil>\d{4})(?P<hrs>\s?h(?:rs?)?\b)?)"
)
# A clock never continues a number or a date ("2025-05-16", "16.05.2025", "1,200").
_CLOCK_AT = re.compile(
    rf"(?<![\d.:/,]){_CLOCK_RE}(?![\d]|[.:/]\d)(?:\s?,?\s?\(?(?P<zone>{_ZONE_RE})\)?)?", re.I
)
_CLOCK_ONLY = re.compile(rf"{_CLOCK_RE}(?![\d]|[.:/]\d)", re.I)
_HAS_DIGIT_OR_WORD = re.compile(r"\d|noon|midday|midnight", re.I)
_AT = re.compile(r"^(?:at|@)\s+", re.I)


def _offset_zone(text: str) -> tzinfo | None:
    m = _OFFSET.match(text)
    if m is None:
        return None
    hours, minutes = int(m["h"]), int(m["m"] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if m["sign"] != "+" else delta)


def read_zone(text: str) -> tzinfo | None:
    """The zone a text names, or None when it names none we know.

    Accepts the zone table's words ("BST", "Eastern Time"), UTC±N / GMT±N[:MM],
    ±HH:MM, "<place> time" and IANA keys. "local time" names no fixed zone:
    None (callers use the blog's zone)."""
    s = " ".join(text.split()).strip("()")
    if not s or len(s) > 64:
        return None
    zone = _offset_zone(s) or zone_for_word(s)
    if zone is not None:
        return zone
    low = s.lower()
    if low.endswith(" time") and low != "local time":
        return zone_for_city(s[:-5])
    if "/" in s:
        try:
            return ZoneInfo(s)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            return None
    return None


def _clock(m: re.Match[str]) -> time | None:
    """The time a clock match names, or None when its numbers are not a time."""
    if m["word"]:
        if m["twelve"] and m["word"].lower() == "midnight":
            return time(0, 0)
        return time(*CLOCK_WORDS[m["word"].lower()])
    if m["h12"] is not None:
        h, mi = int(m["h12"]), int(m["m12"] or 0)
        if not 1 <= h <= 12 or mi > 59:
            return None
        return time(h % 12 + (12 if m["ap"].lower() == "p" else 0), mi)
    if m["h"] is not None:
        h, mi, s = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        if h > 23 or mi > 59 or s > 59:
            return None
        return time(h, mi, s)
    digits = m["mil"]
    h, mi = int(digits[:2]), int(digits[2:])
    if h > 23 or mi > 59:
        return None
    return time(h, mi)


def _reading(m: re.Match[str]) -> ClockMatch | None:
    clock = _clock(m)
    if clock is None:
        return None
    zone_text = " ".join((m["zone"] or "").split())
    zone = read_zone(zone_text) if zone_text else None
    end = m.end()
    if zone_text and zone is None and zone_text.lower() != "local time":
        # "14:05 Russia time…" names no zone we know: the clock ends before it.
        zone_text = ""
        end = _CLOCK_ONLY.match(m.string, m.start()).end()  # type: ignore[union-attr]
    if m["mil"] is not None and not zone_text and m["hrs"] is None:
        return None  # "1849" alone is a number, not a time; "1849 GMT" / "1849 hrs" is a time
    return ClockMatch(clock, zone, m.start(), end, zone_text)


def match_clock(text: str, pos: int = 0) -> ClockMatch | None:
    """A clock (with its zone, if one is written) starting exactly at `pos`."""
    m = _CLOCK_AT.match(text, pos)
    return _reading(m) if m is not None else None


def find_clock(text: str, pos: int = 0) -> ClockMatch | None:
    """The first clock at or after `pos` (see the module docstring for the forms)."""
    if _HAS_DIGIT_OR_WORD.search(text, pos) is None:
        return None
    for m in _CLOCK_AT.finditer(text, pos):
        found = _reading(m)
        if found is not None:
            return found
    return None


def read_clock(text: str) -> tuple[time, tzinfo | None]:
    """The time (and zone, None = not given or "local time") a whole text names.

    "14:05", "2.05pm", "9:05 a.m.", "noon", "1849 GMT", "12:30 UTC+3",
    "20:10 British Summer Time", "at 14:05 Moscow time". Raises TimeError for
    anything else, including numbers that are not times and unknown zones."""
    s = _AT.sub("", " ".join(text.split()))
    if not s:
        raise TimeError("no time given")
    m = match_clock(s)
    if m is not None and m.end == len(s):
        return m.clock, m.zone
    if m is not None:
        rest = s[m.end :].strip(" ,()")
        raise TimeError(f"unknown time zone {rest!r}: use e.g. GMT, BST, UTC+3, +03:00 or 'Moscow time'")
    raise TimeError(f"{text.strip()!r} is not a time: use e.g. 14:05, 2.05pm, 9:05 a.m. or noon")
