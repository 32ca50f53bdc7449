"""Calendar and clock vocabulary: one table each for months, weekdays and zones.

Every reader of dates and times in the project (day headers, stamps, the
go-to prompt, the filter's `day:` term, time phrases in post text) takes its
words from here, so a word accepted in one place is accepted everywhere.

Sources:
  * month and weekday names: English, with the abbreviations news pages use
    ("Sept", "Thurs");
  * zone abbreviations: the IANA time zone database's abbreviations
    (tzdata, e.g. `zdump -v Europe/London` shows BST) for the zones news
    pages print; ambiguous ones (IST: India/Ireland/Israel, AST:
    Arabia/Atlantic, CST: China/US Central) keep their most common news
    meaning where one dominates (CST = US Central) and are left out otherwise;
  * long zone names: the English names CLDR gives those zones ("British
    Summer Time", "Eastern Daylight Time"); names that follow daylight saving
    ("Eastern Time", "Central European Time" in summer, "ET") map to their
    IANA zone so the offset is right on the day;
  * "<place> time": the place names of the IANA database itself (zone_for_city).
"""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
WEEKDAY_NAMES: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# word (lower case) -> month number 1..12; full names and the abbreviations pages print
MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# word (lower case) -> weekday 0 (Monday) .. 6
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

# THE table of zone words: abbreviation or name (lower case, single spaces) ->
# a fixed UTC offset in hours, or an IANA key when the word follows daylight
# saving ("ET" is EDT in summer, EST in winter). An abbreviation names a fixed
# offset (BST is always +1: in winter London is GMT, not BST).
ZONES: dict[str, float | str] = {
    # abbreviations (tzdata's, as `zdump -v Europe/London` prints them)
    "gmt": 0, "utc": 0, "z": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "trt": 3, "gst": 4, "pkt": 5, "ict": 7, "wib": 7, "hkt": 8, "sgt": 8, "awst": 8, "jst": 9,
    "kst": 9, "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
    "wat": 1, "cat": 2, "sast": 2, "eat": 3,  # Africa (`zdump -v Africa/Nairobi` prints EAT)
    "ast": -4, "adt": -3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
    "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10,
    # the US regional abbreviations news pages print without S/D ("12:05 p.m. ET")
    "et": "America/New_York", "ct": "America/Chicago", "mt": "America/Denver", "pt": "America/Los_Angeles",
    # long names (CLDR's English metazone names)
    "greenwich mean time": 0, "coordinated universal time": 0, "universal time": 0,
    "british summer time": 1, "irish standard time": 1, "western european time": 0,
    "western european summer time": 1, "central european summer time": 2,
    "eastern european summer time": 3, "moscow time": 3, "moscow standard time": 3,
    "central european time": "Europe/Paris", "eastern european time": "Europe/Athens",
    "eastern standard time": -5, "eastern daylight time": -4, "central standard time": -6,
    "central daylight time": -5, "mountain standard time": -7, "mountain daylight time": -6,
    "pacific standard time": -8, "pacific daylight time": -7, "alaska daylight time": -8,
    "alaska standard time": -9, "hawaii standard time": -10,
    "eastern time": "America/New_York", "central time": "America/Chicago",
    "mountain time": "America/Denver", "pacific time": "America/Los_Angeles",
    "uk time": "Europe/London", "israel time": "Asia/Jerusalem", "israel standard time": 2,
    "israel daylight time": 3, "turkey time": 3, "türkiye time": 3, "arabia standard time": 3,
    "gulf standard time": 4, "iran standard time": 3.5, "pakistan standard time": 5,
    "india standard time": 5.5, "indian standard time": 5.5, "china standard time": 8,
    "beijing time": "Asia/Shanghai", "japan standard time": 9, "korean standard time": 9,
    "australian eastern standard time": 10, "australian eastern daylight time": 11,
    "west africa time": 1, "central africa time": 2, "south africa standard time": 2, "east africa time": 3,
}  # fmt: skip

# US news style names a zone by its region alone after a clock ("3 a.m. Eastern"). Kept out of
# ZONES: these are ordinary words ("Pacific island leaders", "Central bank officials"), read as a
# zone only right after a clock and before no capitalised word (tui/core/when.py).
US_REGION_ZONES: dict[str, str] = {
    "eastern": "America/New_York", "central": "America/Chicago", "mountain": "America/Denver",
    "pacific": "America/Los_Angeles",
}


def fixed_zone(hours: float, name: str | None = None) -> timezone:
    """A fixed-offset tzinfo for a UTC offset in hours (may be fractional)."""
    delta = timedelta(minutes=round(hours * 60))
    return timezone(delta, name) if name else timezone(delta)


def zone_for_word(phrase: str) -> tzinfo | None:
    """tzinfo for a zone word of ZONES ("BST", "msk", "British Summer Time", "ET"), or None."""
    key = " ".join(phrase.lower().split())
    value = ZONES.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return ZoneInfo(value)
    return fixed_zone(value, phrase.upper() if len(key) <= 5 else None)


@lru_cache(maxsize=1)
def _iana_cities() -> dict[str, str]:
    """City (lower case, spaces for underscores) -> IANA key, from the tz database itself."""
    out: dict[str, str] = {}
    for key in sorted(available_timezones()):
        if key.startswith(("Etc/", "SystemV/", "posix/", "right/")):
            continue
        if "/" not in key and not (key.isalpha() and not key.isupper()):
            continue  # "EST", "GMT0", "CST6CDT": not places; "Israel", "Turkey", "Japan" are
        city = key.rsplit("/", 1)[-1].replace("_", " ").lower()
        # Link names (Europe/Kiev beside Europe/Kyiv) resolve to the same rules.
        out.setdefault(city, key)
    return out


def zone_for_city(city: str) -> tzinfo | None:
    """The zone of a place the IANA database names ("Moscow", "New York", "Kiev",
    "Israel"), or None."""
    key = _iana_cities().get(" ".join(city.lower().split()))
    if key is None:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None

# Lines a live page prints around its posts that come along when the page's text is copied:
# its share and link buttons, its ads, its "related" links (lower case, a whole line; a
# line opening with one of FURNITURE_PREFIXES is a link to another page). Never post text.
FURNITURE_LINES: frozenset[str] = frozenset({
    "share", "share full article", "share this article", "share this post", "share this page", "share this",
    "copy link", "link copied", "copied", "advertisement", "skip advertisement", "sponsored", "read more",
    "show more", "show less", "see more", "load more", "more on this story", "related", "related content",
})
FURNITURE_PREFIXES: tuple[str, ...] = ("related:", "read more:", "see also:", "more on this story:", "also read:")

# Clock words -> (hour, minute).
CLOCK_WORDS: dict[str, tuple[int, int]] = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}

# Words pages put before a stamp ("published at 20:10 BST", "UPDATE 4:50 PM: …",
# "Posted 14:05"), lower case. Those in UPDATE_LABELS date an edit of the post
# above ("Updated at 21.40 BST"), not a new post, when alone on their line.
STAMP_LABELS: frozenset[str] = frozenset(
    {"published", "posted", "update", "updated", "last updated", "edited", "breaking", "at", "on"}
)
UPDATE_LABELS: frozenset[str] = frozenset({"updated", "last updated", "edited"})
# Labels a ticker prints after a bar inside a decorated stamp line ("+++ 14:05 |
# Update +++", "*** 07:45 | Pinned ***"), lower case: the stamp labels (an update
# label there dates an edit, as before a stamp), PIN_LABELS (the post is pinned)
# and the tags of a new post.
PIN_LABELS: frozenset[str] = frozenset({"pinned", "sticky", "pinned post"})
TRAILING_LABELS: frozenset[str] = (STAMP_LABELS - {"at", "on"}) | PIN_LABELS | frozenset(
    {"new", "live", "latest", "alert", "urgent", "exclusive", "correction", "breaking news", "just in", "developing"}
)
