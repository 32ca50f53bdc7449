"""Day headers and time stamps: lines that date the posts below them.

A header/stamp line consists ONLY of date and time words, as pages write them:
"16 May 2025", "May 16, 2025", "Friday, 16 May 2025", "16.05.2025",
"Thursday 15th May" (no year: the parser infers it), "14:05", "16.10 BST",
"2.45pm", "1849 GMT", "16 May 2025 14:05", and the stamps pages print with a
label: "published at 20:10 British Summer Time 15 August", "Posted 14:05",
"Updated at 21.40 BST" (an edit of the post above, not a new post).
A ticker's decoration around such a line is not a word of it: "+++ 14:05 +++",
"*** 14:05 ***", "■ 14:05", "=== Thursday, 5 March 2026 ===", with labels after
a bar ("+++ 14:05 | Update +++": a new post; "| Updated": an edit; "| Pinned":
a pinned post). A single bar does not wrap a stamp ("| 14:05 | Talks |" is a
table row) and only known labels may stand beside it.
Invisible characters (byte-order marks, zero-width and non-breaking spaces)
around the words do not hide a header. Clocks and zones are read by
tui.core.times (the one reader); the date words by python-dateutil (day
first), after a cheap token whitelist has rejected every other line, so a
sentence that merely contains a date is never a header and the parse stays
linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from dateutil import parser as dateparser

from tui.core.times import ClockMatch, TimeError, find_clock, match_clock
from tui.core.vocab import MONTHS as VOCAB_MONTHS
from tui.core.vocab import PIN_LABELS, STAMP_LABELS, TRAILING_LABELS, UPDATE_LABELS
from tui.core.vocab import WEEKDAYS as VOCAB_WEEKDAYS

MONTHS = set(VOCAB_MONTHS)
WEEKDAYS = VOCAB_WEEKDAYS
_FILLERS = {"of", "the", "st", "nd", "rd", "th"}
_DATE_WORDS = MONTHS | set(WEEKDAYS) | _FILLERS
_ALLOWED_PUNCT = set(",.:/-–—()|")
_MAX_LEN = 64  # longest header/stamp line: "published at 20:10 British Summer Time 15 August"

_ANY_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")
# Invisible characters pages leave around words: BOM, zero-width space/joiners,
# word joiner, soft hyphen (deleted) and the no-break/narrow/figure spaces (made spaces).
_INVISIBLE = str.maketrans(
    {"\ufeff": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\u00ad": None,
     "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u3000": " "}
)  # fmt: skip
_LABELS = sorted(STAMP_LABELS, key=len, reverse=True)
_LABEL = re.compile(r"^(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in _LABELS) + r")\b[\s:–—-]*", re.I)
# A paragraph that opens with a stamp: "14:05 Text", "1849 GMT — Text", "UPDATE 4:50 PM: Text".
_LEAD_LABEL = re.compile(r"^(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in _LABELS) + r")\b[\s:–—-]*(?:at\s+)?", re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?", re.I)
_LEAD_SEPARATOR = re.compile(r"\s*[-–—|:]\s+|\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a header/stamp line says. A date (day, or month_day without a
    year) and/or a clock; `updated` marks "Updated at …" lines."""

    day: date | None
    clock: time | None
    zone: tzinfo | None = None  # zone written in the stamp ("GMT"), else None = blog zone
    weekday_mismatch: bool = False
    month_day: tuple[int, int] | None = None  # (month, day) when the line gives a date without a year
    weekday: int | None = None  # 0 = Monday, when the line names one
    updated: bool = False  # "Updated at 21.40 BST": when the post above was edited
    pinned: bool = False  # "+++ 07:45 | Pinned +++": the page pinned this post
    approx: bool = False  # counted back from the page's update time ("2 hours ago"): known to the hour at best

    @property
    def dated(self) -> bool:
        """Does the line give a date (with or without its year)?"""
        return self.day is not None or self.month_day is not None


def clean(line: str) -> str:
    """The line without invisible characters, no-break spaces as spaces, stripped."""
    return line.translate(_INVISIBLE).strip() if not line.isascii() else line.strip()


def _labels(s: str) -> tuple[str, bool, bool]:
    """Drop the labels pages print before a stamp; (rest, any label, an update label)."""
    updated = labelled = False
    while True:
        m = _LABEL.match(s)
        if m is None or m.end() == 0:
            return s, labelled, updated
        labelled = True
        word = " ".join(m.group().lower().strip(" :–—-").split())
        updated = updated or word in UPDATE_LABELS
        s = s[m.end() :]


def _date_words(s: str) -> tuple[bool, int | None, bool] | None:
    """Check that `s` holds only date words; (has a month word, weekday, has digits) or None."""
    weekday: int | None = None
    has_month = False
    digits = False
    for tok in _TOKEN.findall(s):
        if tok.isdigit():
            digits = True
            continue
        if tok.isalpha():
            low = tok.lower()
            if low not in _DATE_WORDS:
                return None
            has_month = has_month or low in MONTHS
            if low in WEEKDAYS:
                weekday = WEEKDAYS[low]
        elif tok not in _ALLOWED_PUNCT:
            return None
    return has_month, weekday, digits


def _read_date(s: str, has_month: bool) -> tuple[date | None, tuple[int, int] | None] | None:
    """(full date, None) or (None, (month, day)) for a string of date words; None if unreadable."""
    numeric = _NUMERIC_DATE.search(s) is not None
    numbers = re.findall(r"\d+", s)
    has_year = numeric or any(len(n) == 4 and 1900 <= int(n) <= 2100 for n in numbers)
    days = [n for n in numbers if len(n) <= 2 and 1 <= int(n) <= 31]
    if not numeric and (not has_month or not days):
        return None  # "May 2025", "16 2025", "Friday": not a date
    if not numeric and len(numbers) > 1 + has_year:
        return None  # "16 17 May", "5 May 12": stray numbers
    simple = None if numeric else _simple_date(s)
    if simple is not None:
        return simple if simple[0] is not None or simple[1] is not None else None
    try:
        value = dateparser.parse(s, dayfirst=True, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if has_year:
        return value.date(), None
    return None, (value.month, value.day)


_SIMPLE_FILLERS = {"of", "st", "nd", "rd", "th"}


def _simple_date(s: str) -> tuple[date | None, tuple[int, int] | None] | None:
    """The commonest header forms without dateutil (~0.3 ms a call; a million-post
    blog has ~20k day headers): a day, a month name and maybe a year, with only
    commas and "of"/"the"/ordinal endings between ("16 May 2025", "May 16, 2025",
    "16th of May"). (None, None) for such a date that does not exist; None for
    any other form (dateutil reads it)."""
    month = day = year = None
    for tok in _TOKEN.findall(s):
        if tok.isdigit():
            if len(tok) <= 2 and day is None:
                day = int(tok)
            elif len(tok) == 4 and year is None and day is not None or (len(tok) == 4 and year is None and month):
                year = int(tok)
            else:
                return None
        elif tok.isalpha():
            low = tok.lower()
            if low in MONTHS:
                if month is not None:
                    return None
                month = VOCAB_MONTHS[low]
            elif low not in _SIMPLE_FILLERS:
                return None
        elif tok != ",":
            return None
    if month is None or day is None:
        return None
    try:
        when = date(2000 if year is None else year, month, day)
    except ValueError:
        return None, None
    return (when, None) if year is not None else (None, (month, day))


def _stamp_text(line: str) -> str | None:
    """The line cleaned, when it can be a stamp at all (short, with a digit: every stamp has one)."""
    if len(line) > 4 * _MAX_LEN:  # cheap reject before strip/caching: most lines are prose
        return None
    s = clean(line)
    return s if s and len(s) <= _MAX_LEN and _ANY_DIGIT.search(s) is not None else None


def parse_stamp(line: str) -> Stamp | None:
    """A Stamp when the whole line is a date and/or time, else None."""
    s = _stamp_text(line)
    if s is None:
        return None
    stamp = _parse_stamp(s)
    if stamp is None and (s[0] in _DECOR or s[-1] in _DECOR or "|" in s):
        stamp = _decorated(s)
    if stamp is None and s[-1] == ")" and "(" in s:
        # a day header with a note: "Thursday, 12 November 2026 (all times GMT)"
        head = s[: s.rindex("(")].rstrip(" ,;–—-")
        stamp = _parse_stamp(head) if head else None
        if stamp is not None and (stamp.clock is not None or not stamp.dated):
            return None  # only a date carries a note; "14:05 (2 hours ago)" is not read here
    return stamp


@lru_cache(maxsize=8192)
def _parse_stamp(s: str, weekday_only: bool = False) -> Stamp | None:
    """What a cleaned line says (parse_stamp); with `weekday_only`, a weekday and a clock with no
    date ("Tue 9.05am") is a Stamp too, of that weekday with no day (weekday_stamp)."""
    rest, labelled, updated = _labels(s)
    found: ClockMatch | None = find_clock(rest)
    date_part = rest
    if found is not None:
        date_part = rest[: found.start] + " " + rest[found.end :]
        if find_clock(date_part) is not None:
            return None  # two clocks: "10:00-12:00", a range, not a stamp
    words = _date_words(date_part)
    if words is None:
        return None
    has_month, weekday, digits = words
    day: date | None = None
    month_day: tuple[int, int] | None = None
    if digits or has_month:
        if weekday is not None:  # the weekday is known; dateutil knows fewer of its spellings ("Thurs")
            date_part = _WEEKDAY_WORD.sub(" ", date_part)
        read = _read_date(date_part, has_month)
        if read is None:
            return None
        day, month_day = read
    elif weekday_only and weekday is not None and found is not None and not updated:
        return Stamp(None, found.clock, found.zone, weekday=weekday)
    elif weekday is not None or found is None:
        return None  # "Friday 14:05" names no date; a bare weekday is no stamp
    if found is None and day is None and month_day is None:
        return None
    if labelled and found is None:
        return None  # "Posted 16 May": a label needs a clock
    clock = found.clock if found else None
    zone = found.zone if found else None
    mismatch = day is not None and weekday is not None and day.weekday() != weekday
    return Stamp(day, clock, zone, mismatch, month_day, weekday, updated)


def weekday_stamp(line: str) -> Stamp | None:
    """A stamp that names a weekday and a clock but no date ("Tue 9.05am", "Wednesday 4:40
    p.m. EAT", "Posted Fri 14:05"), else None. Such a line dates nothing by itself: only a
    page with no dated header at all is read by them (parse.plan_source), each change of
    weekday opening a day whose date the page's intro or the order gives."""
    s = _stamp_text(line)
    stamp = _parse_stamp(s, weekday_only=True) if s is not None else None
    return stamp if stamp is not None and stamp.weekday is not None and not stamp.dated else None


# Stamps a page shows relative to when it was loaded: "3 minutes ago", "1 hour ago", "2h ago",
# "an hour ago", "Yesterday 21:40", "Today at 9.05am".
_AGO = re.compile(r"^(?:(?:about|around|over|nearly|almost)\s+)?(?P<n>\d{1,3}|an?|one)\s*"
                  r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago\.?$", re.I)
_DAY_WORD = re.compile(r"^(?P<word>yesterday|today)(?:\s*,)?(?:\s+at)?\s+(?P<clock>.+)$", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_ANY_REFERENCE = datetime(2000, 1, 1, 12, tzinfo=timezone.utc)  # (far enough from year 1 for 999 days back)


def relative_stamp(line: str, ref: datetime) -> Stamp | None:
    """The Stamp a relative stamp line gives, counted back from `ref` (the page's update time,
    an aware datetime), else None. Minutes and seconds are taken as written; "N hours ago" and
    "N days ago" say the time only to the hour or the day (`approx`); "Yesterday 21:40" is exact."""
    s = clean(line)
    if not s or len(s) > _MAX_LEN:
        return None
    try:
        m = _AGO.match(s)
        if m is not None:
            n = 1 if not m["n"][0].isdigit() else int(m["n"])
            unit = m["unit"][0].lower()
            when = ref - timedelta(seconds=n * _UNIT_SECONDS[unit])
            return Stamp(when.date(), when.time().replace(second=0, microsecond=0), ref.tzinfo, approx=unit in "hd")
        m = _DAY_WORD.match(s)
        found = _day_word_clock(m) if m is not None else None
        if found is not None:
            day = ref.date() - timedelta(days=1 if m["word"].lower() == "yesterday" else 0)  # type: ignore[index]
            return Stamp(day, found.clock, found.zone or ref.tzinfo)
    except OverflowError:  # counted back past year 1 from a nonsense update time
        return None
    return None


def _day_word_clock(m: re.Match) -> ClockMatch | None:
    """The clock after "Yesterday"/"Today", when it is all that follows."""
    rest = m["clock"].strip()
    found = match_clock(rest)
    return found if found is not None and found.end == len(rest) else None


def is_relative_stamp(line: str) -> bool:
    """Could the line be a relative stamp ("2 hours ago", "Yesterday 21:40")? Read against any
    update time: whether it is one does not depend on when the page was updated."""
    return relative_stamp(line, _ANY_REFERENCE) is not None


# Characters a ticker wraps a stamp line in ("+++ 14:05 +++", "■ 14:05", "— 14:05 —").
_DECOR = "+*#=~•■▪▶►●◆★◀◄-–—|"
_BULLETS = "•*-–"  # list markers: alone before a stamp they open a list item
_DECOR_TWICE = "+=~|"  # these wrap a stamp only repeated ("+++", "||"): "| 14:05 |" is a table row


def _decoration(run: str) -> bool:
    """Is `run` (characters of _DECOR) a stamp's decoration: one character repeated?"""
    return not run or (run == run[0] * len(run) and (len(run) >= 2 or run[0] not in _DECOR_TWICE))


@lru_cache(maxsize=4096)
def _decorated(s: str) -> Stamp | None:
    """A stamp line in a ticker's decoration, with labels after a bar: "+++ 14:05
    +++", "+++ 14:05 | Update +++", "*** 07:45 | Pinned ***", "14:05 | Breaking"."""
    inner = s.lstrip(_DECOR)
    lead = s[: len(s) - len(inner)]
    inner = inner.strip()
    body = inner.rstrip(_DECOR)
    trail = inner[len(body) :]
    body = body.strip()
    if not body or not _decoration(lead) or not _decoration(trail):
        return None
    if not lead and (trail or "|" not in body):
        return None  # decoration opens the line ("14:05 •" is a clock and text); bare, only with a label
    if len(lead) == 1 and lead in _BULLETS and not trail:
        return None  # "• 12:30pm", "- 14:05": a list item; "• 14:05 •" and "•• 14:05" are decoration
    pieces = [p.strip() for p in body.split("|")]
    if len(pieces) > 3 or not all(pieces):
        return None
    stamp: Stamp | None = None
    labels: list[str] = []
    for piece in pieces:
        word = " ".join(piece.lower().rstrip(":!").split())
        if word in TRAILING_LABELS:
            labels.append(word)
            continue
        if stamp is not None or _ANY_DIGIT.search(piece) is None:
            return None  # two stamps, or a piece that is neither stamp nor label ("Talks resume")
        stamp = _parse_stamp(piece)
        if stamp is None:
            return None
    if stamp is None or (labels and stamp.clock is None):
        return None  # a label needs a clock, as before a stamp ("Posted 16 May" is no stamp)
    if not labels:
        return stamp
    updated = stamp.updated or any(w in UPDATE_LABELS for w in labels)
    return replace(stamp, updated=updated, pinned=any(w in PIN_LABELS for w in labels))


def read_when(text: str) -> Stamp:
    """What a typed moment names (`--start-at`, the go-to prompt): a clock with
    its zone and/or a date (with or without its year) or a weekday, through the
    same readers as the page's stamps: "14:30", "2.30pm BST", "15 May 12:30
    UTC+3", "May 16 3pm", "2025-05-16 10:00", "16.05.2025 14:30", "16 May",
    "fri 14:00". Raises TimeError (one line) for anything else, including
    numbers that are neither a time nor a date ("-5", "1.5", "3 4")."""
    s = clean(text)
    if not s or len(s) > 4 * _MAX_LEN:
        raise TimeError("type a time (14:30), a day (16 May) or both (15 May 12:00)")
    found = find_clock(s)
    date_part = s
    if found is not None:
        date_part = s[: found.start] + " " + s[found.end :]
        if find_clock(date_part) is not None:
            raise TimeError(f"{text.strip()!r} names two times")
    words = _date_words(date_part)
    if words is None:
        after = s[found.end :].strip(" ,()") if found is not None else ""
        if after and after[0].isalpha() and _date_words(after) is None:
            raise TimeError(f"unknown time zone {after!r}: use e.g. GMT, BST, UTC+3, +03:00 or 'Moscow time'")
        raise TimeError(f"cannot read {text.strip()!r}")
    has_month, weekday, digits = words
    day: date | None = None
    month_day: tuple[int, int] | None = None
    if digits or has_month:
        if weekday is not None:
            date_part = _WEEKDAY_WORD.sub(" ", date_part)
        read = _read_date(date_part, has_month)
        if read is None:
            raise TimeError(f"{text.strip()!r} is not a time or a date")
        day, month_day = read
    elif found is None and weekday is None:
        raise TimeError(f"cannot read {text.strip()!r}")
    mismatch = day is not None and weekday is not None and day.weekday() != weekday
    return Stamp(day, found.clock if found else None, found.zone if found else None, mismatch, month_day, weekday)


def parse_day_header(line: str) -> date | None:
    """The date of a day-header line with its year ("16 May 2025"), else None."""
    stamp = parse_stamp(line)
    return stamp.day if stamp is not None else None


def looks_like_header(line: str) -> bool:
    """A short line of date words that parse_stamp could not read ("Thursday 32
    May", "15 Mya 2025", "31.02.2025", "25:70 BST"): worth a warning, since it
    will be read as post text."""
    s = clean(line)
    if not s or len(s) > _MAX_LEN or _ANY_DIGIT.search(s) is None or s[-1] in ".!?;\"”":
        return False
    rest = _labels(s)[0]
    tokens = _TOKEN.findall(rest)
    if len(tokens) > 8:
        return False
    words = [t.lower() for t in tokens if t.isalpha()]
    unknown = [w for w in words if w not in _DATE_WORDS]
    numbers = [t for t in tokens if t.isdigit()]
    dateish = any(w in MONTHS or w in WEEKDAYS for w in words) or _NUMERIC_DATE.search(rest) is not None
    clockish = re.fullmatch(r"\d{1,2}[:.]\d{2}(?:\s*[A-Za-z]{2,5})?", rest) is not None
    if clockish:
        return True
    if dateish and len(unknown) <= 1 and numbers:
        return True
    # "15 Mya 2025": a day and a year around one unknown word
    return len(unknown) == 1 and len(words) == 1 and any(len(n) == 4 for n in numbers) and len(numbers) == 2


def leading_clock(paragraph: str) -> tuple[Stamp, int] | None:
    """A time stamp opening a paragraph and where the text after it starts:
    "14:05 Text…", "2:05pm – Text…", "1849 GMT — Text…", "UPDATE 4:50 PM: Text…".

    A dotted or four-digit clock ("14.05", "1849") opens a paragraph only with a
    zone, am/pm or a dash/colon after it, so "1.25 million people…" is text."""
    first = paragraph[:1]
    if not first.isdigit():
        if not first.isalpha():
            return None
        label = _LEAD_LABEL.match(paragraph)
        if label is None or not paragraph[label.end() : label.end() + 1].isdigit():
            return None
        pos = label.end()
    else:
        pos = 0
    found = match_clock(paragraph, pos)
    if found is None:
        return None
    sep = _LEAD_SEPARATOR.match(paragraph, found.end)
    if sep is None or sep.end() >= len(paragraph):
        return None
    clock_text = paragraph[found.start : found.end].lower()
    plain = ":" in clock_text or "m" in clock_text or "noon" in clock_text or found.zone_text
    if not plain and not sep.group().strip():
        return None  # "14.05 Text": too like a number ("1.25 million")
    stamp = Stamp(None, found.clock, found.zone)
    return stamp, sep.end()
