"""Time expressions in news prose, normalised against the post's day and time.

"12:30pm Moscow time (9:30am GMT)", "10am local time", "on Friday",
"Thursday night", "later in the day", "in two or three hours", "tomorrow
morning", "May 15", "the second half of the day" -> a tz-aware datetime, the
raw phrase, a precision (minute | part | day) and `estimated` (True when the
value depends on a relative phrase, a part of the day, or an estimated post
time).  Zones: "Moscow time" = UTC+3, "GMT"/"UTC" = UTC, "local"/none = the
blog's zone.  A phrase naming another year (or an earlier month) is `history`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil import parser as dtparser

from tui.core.times import read_zone
from tui.core.vocab import MONTH_NAMES, US_REGION_ZONES, WEEKDAY_NAMES, ZONES, fixed_zone


WEEKDAYS = WEEKDAY_NAMES
MONTHS = MONTH_NAMES
PARTS = {"morning": time(9), "afternoon": time(15), "evening": time(19), "night": time(22),
         "tonight": time(21), "second half": time(14), "first half": time(10), "late": time(22),
         "early": time(8)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a couple of": 2, "a few": 3, "an": 1, "a": 1}

_WD = "|".join(w.capitalize() for w in WEEKDAYS)
_MON = "|".join(m.capitalize() for m in MONTHS)
_NUM = r"\d+|one|two|three|four|five|six|a\s+couple\s+of|a\s+few|an|a"
# Zones a clock time may carry: "local time", "UTC+3" / "GMT-05:00", a long name ("British Summer
# Time"), "<place> time" ("Moscow time", "Geneva time", "Turkish time"), or an abbreviation (BST, MSK).
_ABBREVIATIONS = "|".join(sorted((z.upper() for z in ZONES if 1 < len(z) <= 5 and " " not in z), key=len, reverse=True))
_LONG_NAMES = "|".join(sorted((r"\s+".join(re.escape(w) for w in n.split()) for n in ZONES if " " in n),
                              key=len, reverse=True))
_TZ = (r"local\s+time(?:\s+in\s+[A-Z][\w’'-]+)?|(?:UTC|GMT)\s?[+−–-]\s?\d{1,2}(?::?\d{2})?(?!\d)"
       rf"|(?i:{_LONG_NAMES})|[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?\s+time\b|(?:{_ABBREVIATIONS})\b"
       # US news style: "3 a.m. Eastern", "noon Pacific, when" (not "Central Asia", "Pacific island leaders")
       r"|(?:Eastern|Central|Mountain|Pacific)(?=\s*(?:[,.;:)—–]|$)|\s+(?:time|on|and|or|to|at|in|for|with|when|as|"
       r"tomorrow|today|tonight)\b)")
_AMPM = r"a\.m\.|p\.m\.|am|pm|a\.m|p\.m"
# A clock told in words: "at half past two", "quarter past nine", "ten to five", "at noon", "at nine",
# "nine o'clock". With no a.m./p.m. an hour of 1-6 is read as the afternoon (talks do not sit at
# 2 a.m.; "at half past two" is 14:30), 7-11 as the morning, unless an evening word joins it
# ("at nine tonight"). A bare "at <word>" must end its phrase: "at one point", "at two venues" are
# no clocks.
_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_HW = "|".join(_HOUR_WORDS)
_SPOKEN_CLOCK = (
    rf"(?:(?:at|from|until|till|by|before|after)\s+)?(?:"
    rf"(?P<wmin>half|(?:a\s+)?quarter|twenty[-\s]five|twenty|ten|five)\s+(?P<wdir>past|to)\s+(?P<wh>{_HW}|1[0-2]|[1-9])(?:\s+o['’]clock)?"
    rf"|(?:12\s+)?(?P<noon>noon|midday)"
    rf"|(?P<wh2>{_HW}|1[0-2]|[1-9])\s+o['’]clock"
    rf"|(?<=at\s)(?P<wh3>{_HW})(?=\s*(?:[,.;:)—–]|$)|\s+(?:tonight|tomorrow|today|this|local|GMT|UTC|and|or|when|as|but|on|in\s+the))"
    rf")(?:\s+(?P<tzw>{_TZ}))?")
# An alternative of ATOM that opens with optional words ("at", "on", "late", "in the") is entered
# at every word start, which is most of the cost of a scan: each such alternative first checks,
# in a lookahead, the letters it can begin with (a necessary condition: what matches is unchanged).
_WD_FIRST = "".join(sorted({w[0] for w in WEEKDAYS}))
_MON_FIRST = "".join(sorted({m[0] for m in MONTHS}))

ATOM = re.compile(
    rf"""(?<![\w])(?:
      (?=[\dabftu])(?P<clock>(?:at\s+)?(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>{_AMPM})(?!\w)(?:\s+(?P<tz>{_TZ}))?
          |(?:at\s+)?(?P<h2>\d{{1,2}}):(?P<mi2>\d{{2}})(?:\s+(?P<tz2>{_TZ}))?
          |(?:(?:at|from|until|till|by|before|after)\s+(?P<h4>[01]?\d|2[0-3])\.(?P<mi4>[0-5]\d)(?:\s+(?P<tz4>{_TZ}))?
             |(?P<h5>[01]?\d|2[0-3])\.(?P<mi5>[0-5]\d)\s+(?P<tz5>{_TZ}))(?![\d.])
          |(?:at\s+)?(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s?(?:hrs?\s+|hours\s+)?(?P<tz3>{_TZ}))
      (?:\s*\((?P<alt>[^()]{{0,30}}?(?:GMT|UTC)(?:\s?[+−–-]\s?\d{{1,2}}(?::?\d{{2}})?)?)\))?
     |(?=[lebo{_WD_FIRST}])(?P<wday>(?:(?P<wdmod>late|early)\s+)?(?:on\s+|by\s+)?(?P<wd>{_WD})(?:\s+(?P<wdpart>morning|afternoon|evening|night))?)
     |(?=[o{_MON_FIRST}])(?P<mdate>(?:on\s+)?(?P<mon>{_MON})\s+(?P<dom>\d{{1,2}})(?!\d)(?:,?\s+(?P<yr>\d{{4}}))?)
     |(?=[o\d])(?P<dmdate>(?:on\s+)?(?P<dom2>\d{{1,2}})\s+(?P<mon2>{_MON})(?:\s+(?P<yr2>\d{{4}}))?)
     |(?=[ilem{_MON_FIRST}])(?P<monyr>(?:in\s+)?(?:(?:late|early|mid)[-\s])?(?P<mon3>{_MON})(?:\s+(?P<yr3>\d{{4}}))?)
     |(?=[it])(?P<season>(?:in\s+)?the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+(?P<yr4>\d{{4}}))
     |(?P<inyear>in\s+(?P<yr5>(?:19|20)\d\d))
     |(?=[\dotfsa])(?P<ago>(?P<agon>{_NUM})\s+years?\s+ago)
     |(?P<hours>(?:in|within)\s+(?:about\s+|around\s+|approximately\s+)?(?P<n1>{_NUM})(?:\s+or\s+(?P<n2>{_NUM}))?\s+hours?
        |within\s+the\s+(?:next\s+)?hour\b)
     |(?=[idft])(?P<half>(?:in\s+|during\s+|for\s+)?the\s+(?P<hpart>second|first)\s+half\s+of\s+the\s+day)
     |(?P<later>later\s+(?:in\s+the\s+day|today|this\s+(?P<lpart>morning|afternoon|evening)))
     |(?P<earlier>earlier\s+(?:in\s+the\s+day|today|this\s+(?:morning|afternoon|evening)))
     |(?P<tomorrow>tomorrow(?:\s+(?P<tpart>morning|afternoon|evening|night))?)
     |(?P<yesterday>yesterday)
     |(?P<tonight>tonight)
     |(?P<today>today|this\s+(?P<thpart>morning|afternoon|evening))
     |(?P<nextweek>next\s+week)
    )(?![\w])""",
    re.IGNORECASE | re.VERBOSE,
)
# Rare atoms, in a pattern of their own run only on a text holding one of their words (ATOM is tried
# at every word start, and these would be tried at most of them): a clock in words ("at quarter past
# two", "ten to five", "at nine", "at noon") and a part of the day with "the" ("until the afternoon").
RARE = re.compile(rf"(?<![\w])(?:(?P<wclock>{_SPOKEN_CLOCK})"
                  r"|(?P<inpart>(?:in|until|till|by|during)\s+the\s+(?P<ipart>morning|afternoon|evening)))(?![\w])",
                  re.IGNORECASE)
_RARE_GATE = re.compile(r"noon|midday|o['’]clock|the\s+(?:morning|afternoon|evening)|\b(?:at|to|past)\s+(?:" + _HW + r")\b")
_NO_GROUPS = dict.fromkeys(ATOM.groupindex)  # a rare atom's groups hold ATOM's too (None)
# Pieces that may sit between two atoms of one phrase ("10am on Friday", "Friday, May 16").
# Between two atoms of one phrase: "10:00, on Friday"; a parenthesis gives the
# same time in another zone: "10am local time (9am BST) on Tuesday".
_GLUE = re.compile(r"^[\s,()]*(?:on\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class When:
    raw: str
    start: int
    end: int
    dt: datetime | None
    precision: str  # minute | hour ("in two hours") | part (morning, "tonight") | day | none
    estimated: bool
    history: bool = False  # another year, an earlier month, "years ago"
    # where the day came from: "text" (a date, "tomorrow"), "post" (a clock or part of day with no
    # day: the post's own), "weekday" (a weekday name: the nearest such day, either way). Callers
    # that know the tense may move a "post" day by one and a "weekday" day by a week.
    day_from: str = "text"


def _num(word: str | None) -> int | None:
    if word is None:
        return None
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _nearest_weekday(ref: date, wd: int) -> date:
    delta = (wd - ref.weekday()) % 7
    if delta > 3:
        delta -= 7
    return ref + timedelta(days=delta)


@lru_cache(maxsize=1024)
def _named_zone(key: str) -> tzinfo | None:
    """A zone from its written name, read by the one zone reader (tui/core/times.py); "<place> time"
    for a place it does not know (a city of the GeoNames table, a country with one zone, a demonym:
    "Geneva time", "Turkish time") through the gazetteer."""
    zone = read_zone(key)
    if zone is None and key.lower() in US_REGION_ZONES:
        zone = ZoneInfo(US_REGION_ZONES[key.lower()])  # "3 a.m. Eastern"
    if zone is None and key.lower().endswith(" time"):
        from tui.core.discover.gazetteer import gazetteer

        zone = gazetteer().zone_of_place(key[: -len(" time")])
    return zone


def place_zone(place: str) -> tzinfo | None:
    """The zone of a place as "<place> time" reads it ("Geneva", "Turkey"); None if unknown."""
    return _named_zone(" ".join(place.split()) + " time")


def _zone(name: str | None, local: tzinfo, venue: tzinfo | None = None) -> tzinfo:
    """The zone a time phrase names; the blog's zone for none or a name it cannot place.
    "local time" is the time where the event is (`venue`, when known) — a blog
    written in London about talks in Geneva gives the venue's clock — and
    "local time in <place>" that place's."""
    if not name:
        return local
    key = " ".join(name.split())
    if key.lower().startswith("local time"):
        place = key[len("local time"):].strip()
        if place.lower().startswith("in "):
            zone = place_zone(place[3:])
            if zone is not None:
                return zone
        return venue or local
    return _named_zone(key) or local


def _clock_of(g: dict[str, str | None]) -> tuple[int, int, str | None] | None:
    """(hour, minute, zone name as written) of a clock atom, or None."""
    if g.get("wclock"):
        return _spoken_clock(g)
    if not g["clock"]:
        return None
    h = int(next(g[k] for k in ("h", "h2", "h3", "h4", "h5") if g[k] is not None))
    mi = int(g["mi"] or g["mi2"] or g["mi3"] or g["mi4"] or g["mi5"] or 0)
    ap = (g["ap"] or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h >= 24 or mi >= 60:
        return None
    return h, mi, g["tz"] or g["tz2"] or g["tz3"] or g["tz4"] or g["tz5"]


_MINUTE_WORDS = {"half": 30, "quarter": 15, "a quarter": 15, "twenty-five": 25, "twenty five": 25, "twenty": 20,
                 "ten": 10, "five": 5}


def _spoken_clock(g: dict[str, str | None]) -> tuple[int, int, str | None] | None:
    """(hour, minute, zone) of a clock told in words (see _SPOKEN_CLOCK); the hour of a clock with
    no a.m./p.m. is the likelier one of the day (1-6: afternoon)."""
    if g["noon"]:
        return 12, 0, g["tzw"]
    word = (g["wh"] or g["wh2"] or g["wh3"] or "").lower()
    h = _HOUR_WORDS.index(word) + 1 if word in _HOUR_WORDS else int(word)
    mi = 0
    if g["wmin"]:
        mi = _MINUTE_WORDS[" ".join(g["wmin"].lower().split())]
        if g["wdir"].lower() == "to":
            h, mi = h - 1, 60 - mi
            h = 12 if h == 0 else h
    if h <= 6:
        h += 12
    return h, mi, g["tzw"]


class _Acc:
    """Accumulates the parts of one phrase (a run of adjacent atoms)."""

    def __init__(self, ref: datetime, ref_estimated: bool, local: tzinfo, venue: tzinfo | None = None) -> None:
        self.ref, self.ref_estimated, self.local, self.venue = ref, ref_estimated, local, venue
        self.day: date | None = None
        self.clock: tuple[int, int, tzinfo] | None = None
        self.clock_explicit = False  # the clock came with a named zone, not "local time"
        self.part: time | None = None
        self.offset: timedelta | None = None
        self.estimated = False
        self.history = False
        self.weekday = False
        self.spoken = False  # the clock was told in words, with no a.m./p.m.

    def add(self, g: dict[str, str | None]) -> None:
        ref_day = self.ref.astimezone(self.local).date()
        if g.get("wclock"):
            clock = _spoken_clock(g)
            if clock is not None and self.clock is None:
                h, mi, named = clock
                self.clock = (h, mi, _zone(named, self.local, self.venue))
                self.spoken = True
        elif g["clock"]:
            alt = g["alt"] and scan_atoms(g["alt"])
            if alt and alt[0][2]["clock"]:
                # "at 10:00 (0800 GMT)": the time in the zone the text names is exact; the
                # first may be the venue's "local" clock, not the blog's zone
                self.add(alt[0][2])
                return
            clock = _clock_of(g)
            if clock is not None:
                h, mi, named = clock
                explicit = bool(named) and not named.lower().startswith("local")
                if self.clock is not None and self.clock_explicit and not explicit:
                    return  # "09:00 GMT (noon local time)": the zone the text names wins
                if self.clock is None or explicit:
                    self.clock = (h, mi, _zone(named, self.local, self.venue))
                    self.clock_explicit = explicit
        elif g["wday"]:
            self.day = _nearest_weekday(ref_day, WEEKDAYS.index(g["wd"].lower()))
            self.weekday = True
            part = g["wdpart"] or g["wdmod"]
            if part:
                self.part = PARTS[part.lower()]
        elif g["mdate"] or g["dmdate"]:
            mon = MONTHS.index((g["mon"] or g["mon2"]).lower()) + 1
            dom = int(g["dom"] or g["dom2"])
            yr = int(g["yr"] or g["yr2"] or ref_day.year)
            try:
                self.day = date(yr, mon, dom)
            except ValueError:
                return
            self.weekday = False  # "Wednesday, 19 August": the date decides
            self.history = self.history or yr != ref_day.year
        elif g["monyr"]:
            mon = MONTHS.index(g["mon3"].lower()) + 1
            yr = int(g["yr3"] or ref_day.year)
            if yr != ref_day.year or mon < ref_day.month:
                self.history = True
            elif g["yr3"] is None and mon > ref_day.month:
                pass  # a future month: no day to give
        elif g["season"] or g["inyear"]:
            yr = int(g["yr4"] or g["yr5"])
            self.history = self.history or yr != ref_day.year
        elif g["ago"]:
            self.history = True
        elif g["hours"]:
            n = _num(g["n1"]) if g["n1"] else 1  # "within the hour"
            if n is not None:
                self.offset = timedelta(hours=n)
                self.estimated = True
        elif g["half"]:
            self.day = self.day or ref_day
            self.part = PARTS["second half" if g["hpart"].lower() == "second" else "first half"]
        elif g["later"]:
            # "later in the day": that day, at no time the text gives
            self.day = ref_day
            lp = g["lpart"]
            if lp:
                self.part = PARTS[lp.lower()]
            self.estimated = True
        elif g.get("inpart"):
            # "delayed until the afternoon", "will reconvene in the morning": a part of the post's day
            # (a plan's tense may move it to the next day)
            self.part = PARTS[g["ipart"].lower()]
        elif g["earlier"]:
            self.day = ref_day
        elif g["tomorrow"]:
            self.day = ref_day + timedelta(days=1)
            if g["tpart"]:
                self.part = PARTS[g["tpart"].lower()]
        elif g["yesterday"]:
            self.day = ref_day - timedelta(days=1)
        elif g["tonight"]:
            self.day = ref_day
            self.part = PARTS["tonight"]
        elif g["today"]:
            self.day = ref_day
            if g["thpart"]:
                self.part = PARTS[g["thpart"].lower()]
        elif g["nextweek"]:
            self.day = ref_day + timedelta(days=7 - ref_day.weekday())
            self.estimated = True

    def _day_from(self) -> str:
        return "post" if self.day is None else "weekday" if self.weekday else "text"

    def result(self, raw: str, start: int, end: int) -> When:
        if self.offset is not None and self.day is None or (self.offset is not None and self.part is None and self.clock is None):
            # "in two or three hours": the hour the text supports, never a made-up minute
            # (from an estimated post time the hour itself is approximate: marked estimated)
            dt = self.ref + self.offset
            if self.ref_estimated or dt.minute or dt.second:
                dt = (dt + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)
            if self.day is not None and dt.astimezone(self.local).date() != self.day:
                dt = datetime.combine(self.day, time(23), self.local)
            return When(raw, start, end, dt, "hour", True, self.history)
        if self.clock is not None:
            h, mi, zone = self.clock
            if self.spoken and self.part is not None and 7 <= h < 12 and self.part.hour >= 18:
                h += 12  # "at nine tonight"
            day = self.day or self.ref.astimezone(zone).date()
            dt = datetime.combine(day, time(h, mi), zone).astimezone(self.local)
            return When(raw, start, end, dt, "minute", self.estimated, self.history, self._day_from())
        if self.part is not None:
            day = self.day or self.ref.astimezone(self.local).date()
            return When(raw, start, end, datetime.combine(day, self.part, self.local), "part", True, self.history,
                        self._day_from())
        if self.day is not None:
            return When(raw, start, end, datetime.combine(self.day, time(0), self.local), "day",
                        self.estimated, self.history, self._day_from())
        return When(raw, start, end, None, "none", self.estimated, self.history)


@lru_cache(maxsize=1 << 15)
def scan_atoms(text: str) -> tuple[tuple[int, int, dict[str, str | None]], ...]:
    """(start, end, groups) of every atom in text, adjacent atoms not yet merged.

    The big regex is the costly part of find_times and depends on the text
    alone, so it is cached per text (sentences repeat: lists, boilerplate);
    resolving the atoms against a post's time stays per call. Callers must
    not mutate the group dicts.
    """
    atoms = [(m.start(), m.end(), m.groupdict()) for m in ATOM.finditer(text)]
    if _RARE_GATE.search(text.lower()) is not None:
        rare = [(m.start(), m.end(), {**_NO_GROUPS, **m.groupdict()}) for m in RARE.finditer(text)]
        if rare:
            # (an ATOM overlapping a rare one is a piece of it: "Friday at noon" keeps "Friday")
            atoms = sorted([a for a in atoms if not any(r[0] < a[1] and a[0] < r[1] for r in rare)] + rare,
                           key=lambda a: a[0])
    return tuple(atoms)


def find_times(text: str, ref: datetime, ref_estimated: bool = False, local: tzinfo | None = None,
               venue: tzinfo | None = None) -> list[When]:
    """Every time phrase in text, adjacent atoms merged ("10 a.m. on Friday"), as
    datetimes in `local` (the blog's zone); `venue` is the zone of the place the
    event is at, which "local time" names (None: unknown, the blog's zone)."""
    local = local or ref.tzinfo or timezone.utc
    atoms = scan_atoms(text)
    out: list[When] = []
    # "at 11 am Istanbul time and the working group at 2:30 pm": one zone named in the sentence is the
    # zone of its bare clocks too
    named = {c[2] for _, _, g in atoms if g.get("clock") and (c := _clock_of(g)) is not None and c[2]
             and not c[2].lower().startswith("local")}
    bare_zone = _zone(named.pop(), local, venue) if len(named) == 1 else local
    i = 0
    while i < len(atoms):
        group = [atoms[i]]
        while i + 1 < len(atoms) and _GLUE.match(text[group[-1][1]:atoms[i + 1][0]]):
            i += 1
            group.append(atoms[i])
        if i + 1 < len(atoms) and _zone_free_clock(group) and _named_zone_clock(atoms[i + 1][2]) \
                and _SAME_TIME_GAP.fullmatch(text, group[-1][1], atoms[i + 1][0]):
            # "at 10 a.m. on Sunday, or 2 a.m. EDT": one time told twice; the clock with a zone is exact
            i += 1
            group.append(atoms[i])
        zone = bare_zone if _zone_free_clock(group) and not _names_a_zone(group) \
            and not _OTHER_PLACE_AFTER.match(text, group[-1][1]) else local  # (a day alone keeps the blog's)
        acc = _Acc(ref, ref_estimated, zone, venue)
        for a in group:
            acc.add(a[2])
        start, end = group[0][0], group[-1][1]
        if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
            end += 1  # "11 am Istanbul time (10 am Kyiv time)": the bracket closes the phrase it opened
        w = acc.result(text[start:end], start, end)
        if zone is not local and w.dt is not None:
            w = replace(w, dt=w.dt.astimezone(local))  # told in the sentence's zone, given in the blog's
        if w.dt is not None and ref_estimated and (w.precision == "part" and acc.offset is not None):
            w = When(w.raw, w.start, w.end, w.dt, w.precision, True, w.history, w.day_from)
        out.append(w)
        i += 1
    return out


def normalise(raw: str, ref: datetime, ref_estimated: bool = False, local: tzinfo | None = None) -> When | None:
    """The first time phrase in raw, resolved; None when raw holds none."""
    found = find_times(raw, ref, ref_estimated, local)
    return found[0] if found else None


def precision_of(raw: str) -> str:
    """minute | hour | part | day | none, from the phrase alone (for display/export)."""
    ref = datetime(2000, 1, 3, 12, tzinfo=timezone.utc)
    w = normalise(raw, ref)
    return w.precision if w else "none"


def parse_iso(value: str) -> datetime:
    """ISO text from a corrections entry -> datetime (dateutil, so '2025-05-16 12:30+03:00' works too)."""
    return dtparser.isoparse(value) if "T" in value else dtparser.parse(value)


_PAIR_GAP = re.compile(r"\s*\(\s*|\s*,\s*(?:or\s+)?|\s+or\s+|\s*/\s*")


# One time told twice: in brackets or after ", or" ("10 a.m. on Sunday, or 2 a.m. EDT"); a bare "or"
# offers another time ("could start at 9 a.m. or 3 p.m. GMT")
_SAME_TIME_GAP = re.compile(r"\s*\(\s*|\s*,\s*(?:or|which\s+is|that\s+is|i\.e\.)\s+")


# "13:00 in Kyiv", "13:00 here": a bare clock placed elsewhere than the zone its sentence names
_OTHER_PLACE_AFTER = re.compile(r"\s+(?:in|at)\s+(?-i:[A-Z])|\s+(?:here|locally)\b")


def _names_a_zone(group) -> bool:
    """Does the merged phrase hold a clock with a zone of its own (or "local time")?"""
    return any(g.get("clock") and (c := _clock_of(g)) is not None and c[2] for _, _, g in group)


def _zone_free_clock(group) -> bool:
    """Does the merged phrase hold a clock with no zone, or "local time"?"""
    for _, _, g in group:
        if g.get("clock") and not g.get("alt"):
            clock = _clock_of(g)
            return clock is not None and (not clock[2] or clock[2].lower().startswith("local"))
    return False


def _named_zone_clock(g) -> bool:
    """Is the atom a clock in a zone the text names ("2 a.m. EDT", "07:00 GMT"), not "local time"?"""
    if not g.get("clock"):
        return False
    clock = _clock_of(g)
    return clock is not None and bool(clock[2]) and not clock[2].lower().startswith("local")


def local_zone_taught(text: str, ref: datetime, local: tzinfo) -> tzinfo | None:
    """The zone "local time" means, as a pair of clocks teaches it: "10 a.m. local time
    (3 a.m. ET)" says local time is seven hours ahead of ET, so UTC+3 on that day.

    Returns a fixed-offset zone (UTC-12 … UTC+14, whole quarter hours), or None when the text
    pairs no local clock with a clock in a named zone. `local` is the blog's zone, which a
    bare second clock ("11:00 local time (09:00 here)") is in."""
    atoms = scan_atoms(text)
    for i, (_, end, g) in enumerate(atoms):
        first = _clock_of(g)
        if first is None or not first[2] or not first[2].lower().startswith("local"):
            continue
        if g["alt"]:
            alt = scan_atoms(g["alt"])
            second = _clock_of(alt[0][2]) if alt else None
        else:
            # "1:10 p.m. local time (6:10 a.m. ET)", "10 a.m. local time Tuesday, or 3 a.m. Eastern",
            # "9 a.m. local time, 2 a.m. Eastern"
            j, gap_from = i + 1, end
            if j < len(atoms) and _clock_of(atoms[j][2]) is None and not text[end:atoms[j][0]].strip():
                j, gap_from = j + 1, atoms[j][1]  # (the day of the local clock, between the two)
            second = None
            if j < len(atoms) and _PAIR_GAP.fullmatch(text, gap_from, atoms[j][0]):
                second = _clock_of(atoms[j][2])
        if second is None or not second[2] or second[2].lower().startswith("local"):
            continue
        zone = _zone(second[2], local)
        day = ref.astimezone(zone).date()
        other = datetime.combine(day, time(second[0], second[1]), zone)
        utc = other.utcoffset() or timedelta(0)
        minutes = (first[0] * 60 + first[1]) - (second[0] * 60 + second[1]) + utc.total_seconds() / 60
        minutes = (minutes + 12 * 60) % (24 * 60) - 12 * 60  # the nearest offset: 10 a.m. vs 3 a.m. ET is +7 h, not -17 h
        if minutes % 15 == 0 and -12 * 60 <= minutes <= 14 * 60:
            return fixed_zone(minutes / 60)
    return None
