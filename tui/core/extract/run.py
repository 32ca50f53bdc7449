"""Runs the rules over a blog, oldest post first, and applies corrections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache

from tui.core.extract import meetings as mt
from tui.core.extract.context import Context, Gated, SchedSummary, Sent
from tui.core.extract.schedule import cue_kind, refuted as is_refutation
from tui.core.extract.status import absentees, movers, status_facts
from tui.core.facts import Meeting, Participant, PostEntities, ScheduleFact, StatusFact
from tui.core.knowledge import Knowledge
from tui.core.discover.live import LiveKnowledge
from tui.core.discover.reader import Reader, Reading
from tui.core.discover.registry import Registry
from tui.core.link import Linked, entities_from
from tui.core.model import Blog, Post
from tui.core.sentences import split_spans
from tui.core.when import When, local_zone_taught, parse_iso, place_zone, precision_of

_CLAIM = re.compile(r"\bclaim(?:ed|s)?\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[•\-*–·]\s*")
_LIST_INTRO = re.compile(r":\s*$")
_VERB_KIND = (
    (re.compile(r"^(?:met|spoke|spent|has\s+spoken|have\s+spoken|held\s+(?:a\s+)?(?:phone\s+)?(?:call|talks)|(?:tele)?phoned)", re.I), "happened"),
    (re.compile(r"^(?:is|are)\s+(?:currently\s+|now\s+)?meeting|^(?:(?:has|have)\s+)?sat\s+down", re.I), "started"),
    (re.compile(r"^(?:will|set\s+to|(?:is|are)\s+(?:due|expected|scheduled)\s+to)\s", re.I), "planned"),
    (re.compile(r"^(?:could|may|might|have\s+to|hope\s+to|want\s+to)\s", re.I), "proposed"),
)
# The end of a day's sitting, not of the talks: "the first day of talks has ended", "adjourned for the night".
_DAY_END = re.compile(r"\b(?:first|second|third|fourth|fifth|opening|\w+['’]s)\s+day\s+of\b|\bday\s+(?:one|two|three)\b"
                      # "Friday's session ended", "this morning's sitting is over": that day's sitting
                      r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|morning|afternoon|evening)['’]s\s+"
                      r"(?:session|sitting|plenary|round)\b"
                      r"|\bfor\s+the\s+(?:night|day|evening|weekend)\b|\buntil\s+(?:tomorrow|the\s+morning|morning)\b", re.I)
# A meeting told as an outlet's report: "Holmstad TV reported that A and B met", "…, the paper reports"
_REPORTED = re.compile(r"\b(?:reported|reports|reporting)\b", re.I)
# "Osterland has denied the Holmstad TV report", "dismissed the report as false" (not "denied reports
# that its army shelled villages": that names what is denied, and it is no meeting)
_DENIES_REPORT = re.compile(r"\b(?:denied|denies|deny|dismissed|dismisses|rejected|rejects)\s+(?:the|a|an|this|that)\s+"
                            r"(?:[\w’'-]+\s+){0,3}?reports?\b(?!\s+(?:that|of|about|on)\b)", re.I)
# A correction: "an earlier post said", "we wrongly reported", "a correction to our 1.05pm post:"
_CORRECTION = re.compile(r"\b(?:an?\s+earlier\s+(?:version\s+of\s+(?:this|a|the)\s+)?(?:post|item|entry|update|report|version)"
                         r"\s+(?:said|stated|wrote|reported|gave|had)|(?:we|it)\s+(?:wrongly|incorrectly|mistakenly|erroneously)"
                         r"|(?:wrongly|incorrectly|mistakenly|erroneously)\s+(?:said|stated|reported|gave|wrote)"
                         r"|correction\s+to\s+(?:our|an?|the)\s+[^:.;]{0,40}?(?:post|item|entry|update)\b)", re.I)
# ... and where the correct version begins
_CONTRAST = re.compile(r"\b(?:in\s+fact|actually|in\s+reality|the\s+correct\s+(?:time|date|day|hour|figure)\s+is)\b|;", re.I)
_RESUME_VERB = re.compile(r"\b(?:resume|reconvene)\b", re.I)
_REPORT_REACH = 6  # posts: a denial further from the report than this is of something else
_PUT_BACK = re.compile(r"\b(?:pushed|put|set)\s+back\b|\bput\s+off\b|\bpostponed\b|\bdelayed\b|\bheld\s+up\b"
                       r"|\bbehind\s+schedule\b|\b(?:hours?|minutes?)\s+late\b", re.I)
# An agreement that ends talks: "have agreed a ceasefire", "reached a deal", "signed the accord" (not
# "agreed to meet again", "agreed that talks should continue", "agreed on the agenda").
_AGREED = re.compile(r"\b(?:have|has)\s+(?:now\s+|finally\s+|formally\s+|just\s+)?(?:"
                     r"agreed\b(?!\s+(?:to\s+(?:meet|hold|continue|resume|talk|return|reconvene|keep|extend)|that|on\s+(?:an?\s+|the\s+)?"
                     r"(?:agenda|date|time|venue|format|framework\s+for))\b)"
                     r"|(?:reached|struck|sealed|clinched|signed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|ceasefire|truce|compromise)\b)",
                     re.I)
_NEG_BEFORE = re.compile(r"\b(?:not|never|yet|if|whether|hope|hopes|could|may|might)\b[^.;]{0,40}$", re.I)
# The sides together as the subject: "the three delegations", "both sides", "negotiators"
_TOGETHER = re.compile(r"\b(?:(?:the\s+)?(?:two|three|four|both|all)\s+(?:\w+\s+)?(?:delegations|sides|parties|teams|countries)"
                       r"|negotiators|the\s+delegations|the\s+sides|the\s+parties)\b", re.I)
_FIRST_TIME = re.compile(r"\b(?:first|last|only|second)\s+time\s+(?:that\s+)?(?:[\w’'-]+\s+){0,4}$", re.I)
_SUBORDINATE = re.compile(r"\b(?:until|before|once|unless)\s+(?:\w+\s+){0,4}$", re.I)
_READY = re.compile(r"\b(?:ready|willing|wants?|hopes?|offered|open)(?:\s+in\s+principle)?[”\"’]?\s+$", re.I)
_HEDGE = re.compile(r"\b(?:possibly|probably|likely|perhaps|maybe)\s+$", re.I)
_LIKELY = re.compile(r"\b(?:probably|likely|more\s+likely)\s+$", re.I)
_WHERE_CLAUSE = re.compile(r"\bwhere\s+(?:[\w’'-]+\s+){0,6}$", re.I)
_UNTIL = re.compile(r"\b(?:to|until|till)\s+$", re.I)
# How long a break lasts, after its suspension: "suspended for two hours", "for about 90 minutes",
# "a two-hour break", "a break of half an hour" (durations, not clocks: "for 12:55" is none)
_BREAK_FOR = re.compile(
    r"\b(?:for|of)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|up\s+to\s+|another\s+)?"
    r"(?P<n>\d{1,3}(?![\d:.])|an?|one|two|three|four|five|six|half\s+an)\s+(?P<u>hours?|minutes?|mins?)\b"
    r"|\b(?:a|an)\s+(?P<n2>\d{1,3}|one|two|three|four|five|six|half)-(?P<u2>hour|minute)\s+"
    r"(?:break|recess|pause|adjournment|suspension|interruption)\b", re.I)
# A paused meeting due to sit again: "is scheduled to resume", "will be back at the table", "expected back"
_RESUME_CUE = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:now\s+)?(?:scheduled|due|expected|set|planned|slated)\s+to\s+(?:resume|reconvene|restart|sit\s+again)"
    r"|(?:will|would|should)\s+(?:resume|reconvene|restart|sit\s+again|meet\s+again|be\s+back)"
    r"|(?:is|are|was|were)\s+(?:expected|due)\s+back)\b", re.I)
# Who is back, in a sentence naming no meeting: the talks or their sides ("the two sides will be back")
_SITTING_SUBJECT = re.compile(r"\b(?:talks|session|plenary|negotiations|meeting|sitting|delegations|sides|teams|negotiators|"
                              r"they|both)\b", re.I)
# "suspended for about 90 minutes in the afternoon", "… on Tuesday": a break told as the day's story, over
_BREAK_TOLD_AS_PAST = re.compile(r"\s+(?:in\s+the\s+(?:morning|afternoon|evening)|on\s+[A-Z][a-z]+day\b|earlier|yesterday|overnight)\b")
_BREAK_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(slots=True)
class PostFacts:
    seq: int
    entities: PostEntities
    status: list[StatusFact] = field(default_factory=list)
    schedule: list[ScheduleFact] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)  # snapshots of meetings this post changed
    # (meeting id, participant) told again by this post: further sources of attendance on record
    again: list[tuple[str, Participant]] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    posts: list[PostFacts]
    rules: int = 0
    corrections: int = 0


# Facts are read from a post's first this many characters: a pasted 10 MB
# paragraph would hold the extraction (and a quitting app) for seconds, and
# no live-blog post states its news a hundred thousand characters in.
READ_CHARS = 100_000


def read_text(post: Post) -> str:
    """The part of a post extraction reads (all of it, up to READ_CHARS characters)."""
    text = post.text
    return text if len(text) <= READ_CHARS else text[:READ_CHARS]


def _item_side(s: Sent) -> str | None:
    """The side a list item names before a colon ("• Eloka: …", "Karvia – …")."""
    head = re.match(r"^\s*[•\-*–·]?\s*", s.text)
    at = head.end() if head else 0
    for m in s.mentions:
        if m.start >= at + 2:
            break
        if m.side and m.kind in ("place", "delegation") and re.match(r"\s*[:–—-]\s", s.text[m.end:]):
            return m.side
    return None


def _item_people(s: Sent) -> list[Linked]:
    """The people a list item lists: its first, and those joined to it by "and" ("chief negotiator
    Mele Fonoti and Finance Minister Sione Havili"), not the ones a description mentions
    ("Marta Kühn, an adviser to President Sokolová")."""
    people = [m for m in s.mentions if m.kind == "person"]
    out = people[:1]
    for m in people[1:]:
        between = s.text[out[-1].end:m.start]
        if re.search(r"(?:^|\s)(?:and|&)\s", between) and len(between.split()) <= 10 and ";" not in between:
            out.append(m)
        else:
            break
    return out


def _list_line(text: str, s: Sent) -> bool:
    """Is the sentence a whole short line opening with a name ("Deputy Foreign Minister Lenka
    Pazderová", "Colonel Ivo Karas, head of the army's office"): an item of a list without bullets?"""
    end = s.start + len(s.text)
    whole = (s.start == 0 or text[s.start - 1] == "\n") and (end == len(text) or text[end:end + 1] == "\n")
    return (whole and len(s.text) <= 160 and not s.text.rstrip().endswith((".", "!", "?"))
            and any(m.kind == "person" and m.start <= 40 for m in s.mentions))


# Schedule news told as it happens: without a time in the text, it happened on the post's day.
_NEWS_OF_THE_DAY = ("started", "suspended", "resumed", "concluded")

# Statuses that put a side where the event is.
_AT_VENUE = ("arrived", "located", "returned", "meeting", "waiting")


@lru_cache(maxsize=1024)
def _place_zone(place: str) -> tzinfo | None:
    """The time zone of a place as written ("Vienna", "Palais Coburg, Vienna"); None if unknown
    (cached: a blog names a few places, and each post that speaks of a meeting asks again)."""
    for part in [place, *reversed(place.split(",")[1:])]:
        zone = place_zone(part)
        if zone is not None:
            return zone
    return None


def _day_of(post: Post) -> datetime:
    """The post's day as a datetime at midnight in its zone (a fact whose day is known, not its hour)."""
    return datetime.combine(post.day, time(0), post.time.tzinfo)


def _sentences(post: Post, lines: list[tuple[int, str, Reading]], local, venue=None) -> list[Sent]:
    """The sentences of a post's lines ((offset, text, reading) as the reader gave them), each
    with the mentions wholly inside it."""
    out = []
    for pos, line, reading in lines:
        spans = reading.sentences
        if spans is None:
            # derived from the line and its reading alone: once per reading (readings are reused)
            spans = reading.sentences = _line_sentences(line, reading.mentions)
        for start, text, ms in spans:
            out.append(Sent(post, len(out), pos + start, text, ms, local, venue))
    return out


def _line_sentences(line: str, mentions: tuple[Linked, ...]) -> tuple[tuple[int, str, tuple[Linked, ...]], ...]:
    """(offset, text, mentions) of each sentence of one line; mention offsets within the sentence
    (a mention across a sentence boundary is in neither)."""
    out = []
    first = 0  # mentions are sorted by start: each sentence's run begins where the last one's ended
    for sp in split_spans(line):
        lo, hi = sp.start, sp.end
        while first < len(mentions) and mentions[first].start < lo:
            first += 1
        ms = []
        for m in mentions[first:]:
            if m.start >= hi:
                break
            if m.end <= hi:
                ms.append(Linked(m.start - lo, m.end - lo, m.kind, m.key, m.side, m.role))
        out.append((lo, sp.text, tuple(ms)))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def _flags(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """(claim, bullet, list intro, announced list, present list): the per-sentence
    regex tests of the main loop, which depend on the text alone (cached)."""
    low = text.lower()
    intro = _LIST_INTRO.search(text) is not None
    return (
        _CLAIM_CUE.search(text, low),
        _BULLET.match(text) is not None,
        intro,
        _ANNOUNCED_CUE.search(text, low) or _AT_HEAD_CUE.search(text, low)
        or (intro and _LINEUP_INTRO.search(text) is not None) or _PUBLISHED_CUE.search(text, low),
        _PRESENT_CUE.search(text, low),
    )


# "The three delegations published their line-ups overnight."
_PUBLISHED_LINEUP = re.compile(r"\b(?:published|released|unveiled|announced|issued|named)\s+(?:[\w’'-]+\s+){0,3}"
                               r"(?:line-?ups?|delegations?|negotiating\s+teams?)\b", re.IGNORECASE)
# "KNA has published the full Kestrian line-up for the talks:" — a list of members follows
_LINEUP_INTRO = re.compile(r"\b(?:line-?ups?|delegation|delegations|team|teams|members|negotiators|representatives|delegates)\b",
                           re.IGNORECASE)
# The list and claim cues, each with the substrings one of which its matches hold.
_CLAIM_CUE = Gated(_CLAIM, ("claim",))
_ANNOUNCED_CUE = Gated(mt._ANNOUNCED_LIST, ("will", "compris", "designat", "features", "nominat", "made", "includes",
                                             "represented", "members"))
_AT_HEAD_CUE = Gated(mt._AT_HEAD, ("head",))
_PUBLISHED_CUE = Gated(_PUBLISHED_LINEUP, ("published", "released", "unveiled", "announced", "issued", "named"))
_PRESENT_CUE = Gated(mt._PRESENT_LIST, ("includes", "made", "represented", "consists", "comprised"))


# "the foreign ministry said in Ruta Vale", "told reporters in Holmstad": where the speaker is, not the meeting
_SAID_IN = re.compile(r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|announced|stated|added|reported|speaking|spoke|"
                      r"(?:a\s+)?statement|briefing|press\s+conference|news\s+conference)\s+(?:in|at)\s+(?:the\s+)?$",
                      re.IGNORECASE)


_IN_AT = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _place_in(s: Sent, lo: int, hi: int, k: Knowledge) -> str | None:
    found = [m.key for m in s.mentions if m.kind == "place" and lo <= m.start < hi
             and _IN_AT.search(s.text[max(0, m.start - 8):m.start])
             and not _SAID_IN.search(s.text, max(0, m.start - 40), m.start)]
    if not found:
        return None
    kinds = {p.name: p.kind for p in k.places}
    venue = next((p for p in found if kinds.get(p) == "venue"), None)
    city = next((p for p in found if kinds.get(p) == "city"), None)
    if venue and city and venue != city:
        return f"{venue}, {city}"
    return venue or city


def _present_sides(b: mt.MeetingBuilder, k: Knowledge) -> list[str]:
    """Delegations reported present in a meeting: by name, or through a member."""
    by_name = {d.name: d.id for d in k.delegations}
    out: list[str] = []
    for p in b.participants:
        if p.basis != "present":
            continue
        side = by_name.get(p.name)
        if side is None:
            side = mt.side_of_person(k, p.name)
            if side not in b.delegations:
                continue  # a mediator's envoy in the chair does not seat the mediator as a side
        if side:
            out.append(side)
    return out


_FORMER = re.compile(r"\b(?:originally|initially|previously|first)\s+(?:[\w-]+\s+){0,2}$|\b(?:instead\s+of|rather\s+than|from)\s+$"
                     # "the session that was due to start at 8pm has been put back to 9am tomorrow", "The start
                     # of the talks, set for 9am, has been delayed until the afternoon": the time it had
                     r"|\b(?:was|were|had\s+been)\s+(?:due|set|scheduled|planned|expected|meant)\s+(?:to\s+\w+\s+)?(?:for\s+|at\s+)?$"
                     r"|,\s*(?:set|due|scheduled|planned)\s+(?:for\s+|at\s+)?$",
                     re.IGNORECASE)


def _when_for(s: Sent, lo: int, start: int, hi: int) -> When | None:
    # (not the time a meeting "will not start at": "will not start at 10:00 as planned" is a delay, not 10:00)
    times = [w for w in s.times if w.dt is not None and not w.history
             and not _NOT_AT.search(s.text, max(0, w.start - 30), w.start)]
    after = [w for w in times if start <= w.start < hi]
    if len(after) > 1:
        # "originally planned for 10:00, will now start at 3pm", "moved from 10:00 to noon": the new time
        new = [w for w in after if not _FORMER.search(s.text, max(0, w.start - 40), w.start)]
        after = new or after
    if after:
        # "possibly tonight, probably tomorrow": the likelier of two guesses
        likely = [w for w in after[1:] if _LIKELY.search(s.text, 0, w.start)]
        return _on_named_day(likely[0] if likely else after[0], times, lo, hi, s.text)
    lo = max(lo, s.clause_start(start))
    before = [w for w in times if lo <= w.start < start]
    return before[-1] if before else None


def _wrong_span(s: Sent) -> tuple[int, int] | None:
    """The part of a correction that repeats what was wrongly said ("Correction: an earlier post said
    the session would begin at 2pm; in fact it begins at 3pm"): from the cue to the contrast, or to
    the end of the sentence when the correct version follows in another; None in any other sentence."""
    low = s.low
    if "correct" not in low and "earlier" not in low and "wrong" not in low and "mistak" not in low:
        return None
    cue = _CORRECTION.search(s.text)
    if cue is None:
        return None
    contrast = _CONTRAST.search(s.text, cue.end())
    return cue.end(), contrast.start() if contrast is not None else len(s.text)


def _resume_time(s: Sent, lo: int, hi: int) -> When | None:
    """The time text[lo:hi] says a paused meeting sits again: "is scheduled to resume at 14:30",
    "the two sides will be back at the table at half past two", "expected back within the hour"."""
    cue = _RESUME_CUE.search(s.text, lo, hi)
    return _time_after_cue(s, cue, hi) if cue is not None else None


def _time_after_cue(s: Sent, cue: re.Match, hi: int) -> When | None:
    """The first dated time of the sentence within 60 characters after a resumption cue, before `hi`."""
    return next((w for w in s.times if w.dt is not None and not w.history
                 and cue.end() <= w.start <= cue.end() + 60 and w.start < hi), None)


def _back_after_break(s: Sent, start: int, hi: int, began: When | None) -> When | None:
    """When a meeting suspended "for two hours" (text[start:hi]) sits again: the break's start
    (its clock, else the post's time) plus the duration, rounded to the hour the text supports
    and marked estimated; None without a duration."""
    told = _resume_time(s, start, hi)
    if told is not None:
        return told
    found = _BREAK_FOR.search(s.text, start, hi)
    if found is None or _BREAK_TOLD_AS_PAST.match(s.text, found.end()):
        return None
    word = (found["n"] or found["n2"]).lower()
    unit = (found["u"] or found["u2"]).lower()
    if word.startswith("half"):
        minutes = 30
    else:
        n = int(word) if word.isdigit() else _BREAK_NUMBERS.get(" ".join(word.split()))
        if not n:
            return None
        minutes = n * 60 if unit.startswith("hour") else n
    if not 10 <= minutes <= 12 * 60:
        return None  # "for a minute", "for 48 hours": not a break in a sitting
    base = began.dt if began is not None and began.dt is not None and began.precision == "minute" else s.post.time
    dt = base + timedelta(minutes=minutes)
    if minutes >= 60 and (dt.minute or dt.second):
        # "for two hours" is an hour the text supports, never a made-up minute
        dt = (dt + timedelta(minutes=30)).replace(minute=0, second=0, microsecond=0)
    elif dt.minute % 5 or dt.second:
        # "for 15 minutes" from 12:06: about 12:20 (a short break is not rounded back before it began)
        dt = (dt + timedelta(minutes=2, seconds=30)).replace(second=0, microsecond=0)
        dt -= timedelta(minutes=dt.minute % 5)
    return When(found.group(0), found.start(), found.end(), dt, "hour" if minutes >= 60 else "minute", True)


def _on_named_day(w: When, times: list[When], lo: int, hi: int, text: str) -> When:
    """An hour with no day of its own on the day the same stretch names apart from it:
    "Saturday's session … will now start at 3pm" is 3pm on Saturday (not "concluded at 15:58 with
    a statement on inspections from 1 January": a day after the hour, of something else)."""
    if w.day_from != "post" or w.precision not in ("minute", "part"):
        return w
    day = next((t for t in times if t.precision == "day" and t.day_from != "post" and lo <= t.start < hi
                and (t.start < w.start or t.start - w.end <= 30)
                and not _OTHER_DAY_BEFORE.search(text, max(0, t.start - 14), t.start)), None)
    if day is None:
        return w
    return _on_date(w, day.dt.date(), day.day_from)


def _on_date(w: When, d: date, day_from: str) -> When:
    """The same clock time on date `d`, its day told by `day_from`."""
    return replace(w, dt=w.dt.replace(year=d.year, month=d.month, day=d.day), day_from=day_from)


_NOT_AT = re.compile(r"\bnot\s+(?:start|begin|open|resume|take\s+place|go\s+ahead)\s+(?:at\s+|on\s+)?$", re.IGNORECASE)
_OTHER_DAY_BEFORE = re.compile(r"\b(?:from|until|till|since|starting|effective|by)\s+(?:on\s+)?$", re.IGNORECASE)


# Kinds that look ahead (a plan) and kinds that report what has happened.
_AHEAD = ("planned", "confirmed", "rescheduled", "delayed", "postponed", "proposed")
_BEHIND = ("started", "concluded", "happened", "suspended", "resumed")
_GRACE = timedelta(hours=1)  # "due at 10:00" in a 10:40 post is today's running late, not tomorrow's


def _in_tense(when: When | None, kind: str | None, post: Post) -> When | None:
    """The day a time phrase without a date means, given what the sentence says happens.
    A plan for "Thursday" told on a Friday is next week's Thursday; "began on Thursday" told on a
    Tuesday is last week's. A plan "at 09:00" (or "in the morning") told at 22:05 is tomorrow's,
    when the post's own time is known (an estimated one cannot tell)."""
    if when is None or when.dt is None or kind is None:
        return when
    if when.day_from == "weekday":
        if kind in _AHEAD and when.dt.date() < post.day:
            return replace(when, dt=when.dt + timedelta(days=7))
        if kind in _BEHIND and when.dt.date() > post.day:
            return replace(when, dt=when.dt - timedelta(days=7))
    elif (when.day_from == "post" and kind in _AHEAD and when.precision in ("minute", "part")
          and not post.time_estimated and when.dt < post.time - _GRACE):
        return replace(when, dt=when.dt + timedelta(days=1))
    return when


def _first_sentences(sents: list[Sent]) -> dict[str, Sent]:
    """The first sentence that names each person (the evidence of a fact about them): one pass
    over a post's mentions, not one per person asked about."""
    out: dict[str, Sent] = {}
    for s in sents:
        for m in s.mentions:
            if m.kind == "person" and m.key not in out:
                out[m.key] = s
    return out


_IT_CHAIRED = re.compile(r"(?:It|The\s+group|Its\s+sessions?)\s+(?:will\s+be|is\s+(?:to\s+be\s+)?|would\s+be)\s*(?:chaired|led|headed)\s+by\s+")
_WITHOUT = re.compile(r"\bwithout\s+(?:the\s+)?((?-i:[A-Z])[\w’'-]+)", re.IGNORECASE)


def _without(s: Sent, k) -> set[str]:
    """The sides a sentence says something happened without ("resumed without the Osterlanders",
    "without Osterland's delegation"): by a name, a demonym or its plural."""
    out: set[str] = set()
    for hit in _WITHOUT.finditer(s.text):
        word = hit.group(1)
        for m in s.mentions:
            if m.start == hit.start(1) and m.side:
                out.add(m.side)
        forms = {word, word[:-1] if word.endswith("s") else word, re.sub(r"['’]s$", "", word)}
        for d in k.delegations:
            if forms & ({d.name, d.label, *d.demonyms, *d.places}):
                out.add(d.id)
    return out


@lru_cache(maxsize=1 << 15)
def _agreed_at(text: str) -> int | None:
    """Where a verb of agreement that is not negated or hedged begins in text, if any (cached: the
    test is of the text alone, and it is asked of nearly every sentence)."""
    hit = _AGREED.search(text)
    if hit is None or _NEG_BEFORE.search(text, 0, hit.start()):
        return None
    return hit.start()


class _Run:
    def __init__(self, blog: Blog, knowledge: Knowledge, ner: object | None) -> None:
        self.blog = blog
        self.registry = Registry()
        self.registry.load(knowledge)  # the knowledge file first: what it says wins
        self.reader = Reader(self.registry, ner)
        self.k = LiveKnowledge(self.registry, knowledge.corrections)
        self.ctx = Context(self.k)
        self._placed: set[int] = set()  # corrections already attached to a post
        self.venue: tzinfo | None = None  # the zone where the event is, from the posts so far ("local time")
        self.venue_taught = False  # the text paired a local clock with a zone's: that, not a place's zone

    def post(self, post: Post) -> PostFacts:
        ctx, k = self.ctx, self.k
        text = read_text(post)  # once: a post's text is joined from its paragraphs on every access
        linked, lines = self.reader.read_lines(text, post.seq)
        sents = _sentences(post, lines, self.blog.tz, self.venue)
        for s in sents:
            # "10 a.m. local time Tuesday, or 3 a.m. Eastern": what local time is, for this post's own
            # times too (and every later post's, until another pair says otherwise)
            if "local" in s.low:
                taught = local_zone_taught(s.text, post.time, self.blog.tz)
                if taught is not None:
                    self.venue, self.venue_taught = taught, True
                    for t in sents:
                        t.venue = taught
                    break
        ctx.post_meeting = None
        ctx.post_subject = None
        changed: dict[str, mt.MeetingBuilder] = {}
        status: list[StatusFact] = []
        schedule: list[ScheduleFact] = []
        extra_delegs: list[str] = []
        list_cue: str | None = None  # "announced" while reading a bulleted list
        list_side: str | None = None
        post_sides: tuple[str, ...] = ()  # parties the post has named so far
        absent: list[tuple[str, str, str]] = []  # (person, side, sentence): "X will not attend"
        coming: list[tuple[str, str, str]] = []  # (person, side, sentence): "X will fly to Port Elda for the talks"
        was_announced = False  # the sentence before spoke of a line-up ("…, which will be led by X. Alongside him are:")
        listed_sides: set[str] = set()  # sides a line-up list has announced in this post
        past_meetings: set[int] = set()  # sentences naming a meeting of another time ("at the 2022 talks")
        for i, s in enumerate(sents):
            sides_here = self._sides_in(s)
            if sides_here:  # (most sentences name no side: the post's stay as they are)
                post_sides = tuple(dict.fromkeys((*post_sides, *sides_here)))
            nxt = sents[i + 1].text if i + 1 < len(sents) else ""
            claim, bullet, list_intro, announced, present = _flags(s.text)
            if list_cue and not bullet and _list_line(text, s):
                bullet = True  # a line-up printed one name per line, without bullets
            intro_announced = announced or was_announced
            was_announced = announced
            refuted = claim and is_refutation(nxt)
            # ---- meetings and schedule
            mentions = mt.find_mentions(s)
            wrong = _wrong_span(s) if mentions else None  # "an earlier post said …; in fact …"
            for n, m in enumerate(mentions):
                if m.history:
                    past_meetings.add(i)
                    continue
                if wrong is not None and wrong[0] <= m.start < wrong[1] and wrong[1] == len(s.text):
                    continue  # what an earlier post wrongly said, with no correction in this sentence
                mt.resolve(m, s, ctx)
                if not m.id:
                    continue
                b = ctx.meetings.get(m.id)
                if b is None:
                    b = ctx.meetings[m.id] = mt.MeetingBuilder(m.id, m.name, m.kind, core=m.core, parties=m.party_names)
                if len(m.delegations) > len(b.delegations) and not m.verb:
                    b.delegations.update(dict.fromkeys(m.delegations))
                    if len(m.party_names) > len(b.parties):
                        b.parties = m.party_names
                    if len(m.name) > len(b.name):
                        b.name = m.name
                    if b.id.endswith("-talks") or b.kind in ("bilateral", "trilateral", "other"):
                        n_parties = len(b.delegations)
                        b.kind = "trilateral" if n_parties == 3 else "bilateral" if n_parties == 2 else b.kind
                top = ctx.main_talks() or ctx.main_event
                event = ctx.meetings.get(top) if top and top != b.id else None
                if not b.id.endswith("-next") and len(b.delegations) >= 2 and b.id.endswith("-talks") and m.parties \
                        and not (event is not None and event.status == "happened" and set(b.core) < set(event.core)):
                    # the main talks are the ones most often named with their parties (not "the trilateral
                    # between A, B and C" of five sides already sitting: a meeting on the sidelines)
                    ctx.count_mention(b.id)
                    for did in m.delegations:  # the sides of talks negotiate, named with a team or not
                        rec = self.registry.parties.get(did)
                        if rec is not None and not rec.fixed:
                            self.registry.set_negotiating(rec, post.seq)
                b.named_in(post.seq)
                changed[b.id] = b
                ctx.post_meeting = b.id
                extra_delegs.extend(d for d in m.delegations if m.parties)
                lo = mentions[n - 1].end if n else 0
                hi = mentions[n + 1].start if n + 1 < len(mentions) else len(s.text)
                when = _when_for(s, lo, m.start, hi)
                resume = _RESUME_VERB.search(s.text, m.start, m.end) if m.verb and (when is None or when.start < m.start) else None
                if resume is not None:
                    # "broke for lunch at 12:06 and will resume for the closing session at 3pm": the time
                    # it sits again is after "resume", though another meeting word stands between
                    when = _time_after_cue(s, resume, len(s.text)) or when
                if wrong is not None and wrong[0] <= m.start < wrong[1]:
                    # the meeting as wrongly told, then its correction: the corrected time
                    when = _when_for(s, wrong[1], wrong[1], len(s.text))
                cue = cue_kind(s.text, lo, m.start, m.end, hi, when is not None)
                kind = cue[0] if cue else None
                if m.verb:
                    word = s.text[m.start:m.end]
                    vk = None
                    for rx, k_ in _VERB_KIND:
                        if rx.match(word):
                            vk = k_
                            break
                    lead = s.text[max(0, m.start - 40):m.start]
                    if _FIRST_TIME.search(lead):
                        # "It will be the first time the two sides have sat down together since 2023": what
                        # the meeting would mean, not news of it
                        vk, kind = None, None
                    elif _SUBORDINATE.search(lead):
                        # "until Zelensky has spoken with Erdogan": presupposed, news only the first time
                        vk = "planned" if not ctx.schedule_of.get(b.id) else None
                        kind = None if vk is None else kind
                    elif word.lower().startswith("to ") and _READY.search(lead):
                        vk = "proposed"
                    if kind not in ("denied", "concluded", "cancelled", "proposed"):
                        kind = vk or kind
                if refuted and kind in ("started", "concluded", "happened"):
                    kind = None
                if kind in ("planned", "proposed", "happened") and when is None and s.history:
                    kind = None
                if kind in ("concluded", "suspended") and _DAY_END.search(s.text, max(0, m.start - 40), min(len(s.text), m.end + 60)):
                    kind = "day_end"  # "the first day of talks has ended", "adjourned for the night": they sit again
                if kind in ("suspended", "day_end") and when is not None and when.dt is not None \
                        and _UNTIL.search(s.text, max(0, when.start - 8), when.start):
                    # "adjourned until 10:00 tomorrow": a pause now, and the next sitting planned
                    self._apply(b, m, s, kind, None, lo, hi, schedule, status)
                    kind = "planned"
                when = _in_tense(when, kind, s.post)
                self._apply(b, m, s, kind, when, lo, hi, schedule, status)
            if not mentions and ctx.post_meeting is not None and _IT_CHAIRED.match(s.text):
                self._chair(ctx.meetings[ctx.post_meeting], s, changed)
            if not mentions and ctx.post_meeting is not None and ("back" in s.low or "resume" in s.low or "reconvene" in s.low):
                # "The talks have adjourned for lunch. The two sides will be back at 14:30."
                self._back(ctx.post_meeting, s, schedule)
            if not mentions and ctx.reported is not None and s.post.seq - ctx.reported[1] <= _REPORT_REACH \
                    and "report" in s.low and _DENIES_REPORT.search(s.text):
                # "Osterland has denied the Holmstad TV report": the meeting that report told of
                self._deny_report(ctx.reported[0], s, schedule, changed)
            # (the agreement test first: it is cheap, and most sentences never need their times read)
            if not mentions and not refuted and _agreed_at(s.text) is not None and not s.history:
                agreed = self._agreement(s)
                if agreed is not None:
                    changed[agreed.id] = agreed
                    agreed.named_in(post.seq)
                    self._conclude(agreed, s, schedule, status)
            # ---- delegation status
            facts = status_facts(s, ctx, refuted=refuted)
            for f in facts:
                if f.status in ("undecided", "will_attend") and not f.confirms:
                    # "Peskov declined to say if Putin would take part": Putin is expected, so his
                    # staying away later is an absence from the meeting
                    ctx.expected.update(m.key for m in s.mentions
                                        if m.kind == "person" and mt.side_of_person(k, m.key) in (f.delegation, None))
            gone = absentees(s, k) if not refuted else []
            if facts and not s.history:
                coming.extend((key, side, s.text) for key, side in movers(s, k, facts))
            if gone and not s.history:
                absent.extend((key, side, s.text) for key, side in gone)
            if bullet and list_cue:
                facts = []
                # "• Eloka: chief negotiator Mele Fonoti and Finance Minister Sione Havili": the item names its side
                label = _item_side(s)
                for p in _item_people(s):
                    side = label or list_side or p.side or mt.side_of_person(k, p.key)
                    if not side:
                        continue
                    rec = self.registry.people.get(p.key)
                    if rec is not None and (label or list_side):
                        self.registry.set_person(rec, post.seq, delegation=label or list_side)  # a line-up names its members
                    if list_side is None and label is None:
                        list_side = side
                    if side not in listed_sides:
                        listed_sides.add(side)
                        last = ctx.last_status.get(side)
                        if (label is not None or list_side == side) and (
                                last is None or last.status in ("announced", "will_attend", "travelling")):
                            facts.append(StatusFact(post.seq, side, "announced", None, s.text))
                    target = self._meeting_for((side,))
                    if target:
                        b = ctx.meetings[target]
                        if b.add_participant(Participant(p.key, post.seq, "announced", s.text)):
                            changed[b.id] = b
            elif list_intro and (intro_announced or (not mentions and any(f.status == "announced" for f in status))):
                # (also "The others are:" after "Varnia has named a four-member team … It is led by X.")
                # "The delegation will be led by:" — the side is the one the post is about so far
                list_cue = "announced"
                sides = self._sides_in(s) or post_sides
                list_side = sides[-1] if len(sides) == 1 or self._sides_in(s) else (sides[0] if sides else None)
            elif not bullet and list_cue and not announced and s.mentions:
                list_cue = None
            # composition sentences with no meeting noun: the post's meeting, else the main talks
            # ... or a presence cue in a post about a meeting under way ("X and Y are at the table")
            sitting = (not mentions and ctx.post_meeting is not None
                       and ctx.meetings[ctx.post_meeting].status == "happened" and mt.presence_cue(s.text))
            if not mentions and (announced or present or sitting):
                # (a mediator's envoy in the chair names no side of the meeting)
                target = self._meeting_for(tuple(x for x in self._sides_in(s) if not mt.is_mediator(k, x)))
                if target and not s.history:
                    b = ctx.meetings[target]
                    for p in mt.participants_from(s, b, k, b.status == "happened"):
                        if b.add_participant(p):
                            changed[b.id] = b
            for f in facts:
                self._status(f, status)
        # who the post says is in a delegation, or will not come: named for the talks their side attends
        stated = [(key, party) for seq, key, party in self.registry.members_stated if seq == post.seq]
        self.registry.members_stated.clear()
        first = _first_sentences(sents) if stated else {}
        for key, party in dict.fromkeys(stated):
            sent = first.get(key)
            if sent is None or sent.history or sent.index in past_meetings:
                continue  # "X headed the team at the 2022 talks": who X is, not who comes now
            target = self._meeting_for((party,))
            if target is not None:
                b = ctx.meetings[target]
                if b.status != "happened" and b.add_participant(Participant(key, post.seq, "announced", sent.text)):
                    changed[b.id] = b
        for basis, named in (("announced", coming), ("absent", absent)):
            for key, side, sentence in named:
                target = self._meeting_for((side,))
                if target is not None:
                    b = ctx.meetings[target]
                    if basis == "absent" and key not in ctx.expected and not any(q.name == key for q in b.participants):
                        continue  # absent is "expected, then not there": one never expected is only not coming
                    if b.add_participant(Participant(key, post.seq, basis, sentence)):
                        changed[b.id] = b
        ents = entities_from(linked, tuple(dict.fromkeys(extra_delegs)), self.reader.parties_named)
        self._note_venue(changed.values(), status)
        again = [(b.id, p) for b in ctx.meetings.values() if b.again for p in b.take_again()]
        timed = {(f.subject, f.kind) for f in schedule if f.when is not None and not f.confirms}
        if timed:
            # "planned" and, a sentence later, "planned at 10 a.m. local time": the post states one plan, with its time
            schedule = [f for f in schedule if f.when is not None or f.confirms or (f.subject, f.kind) not in timed]
        return PostFacts(post.seq, ents, status, schedule, [b.freeze(self._party_name) for b in changed.values()],
                         again)

    def _chair(self, b: mt.MeetingBuilder, s: Sent, changed: dict) -> None:
        """"It will be chaired by Karl Aune, the agency's head of safeguards": a working group named in
        the sentence before is chaired by him, and his organisation is one of its parties."""
        if b.kind != "working_group" or b.status == "happened":
            return
        k = self.k
        for x in s.mentions:
            if x.kind != "person":
                continue
            side = x.side or mt.side_of_person(k, x.key)
            d = k.delegation(side) if side else None
            if d is not None and side not in b.delegations:
                b.delegations[side] = None
                b.parties = (*b.parties, ("party", side))
                b.add_participant(Participant(x.key, s.post.seq, "announced", s.text, "person"))
                changed[b.id] = b
            break

    def _agreement(self, s: Sent) -> mt.MeetingBuilder | None:
        """The talks under way that a sentence says ended in agreement ("Varnia and the Osterland
        front have agreed a ceasefire", "the three delegations have agreed to set up a fund"): the sides of
        the talks, or the delegations together, as the subject of a verb of agreement."""
        at = _agreed_at(s.text)
        if at is None:
            return None
        ctx = self.ctx
        mid = ctx.main_talks() or ctx.main_event
        b = ctx.meetings.get(mid) if mid else None
        if b is None or b.status != "happened" or len(b.delegations) < 2:
            return None
        sitting = next((f.kind for f in reversed(ctx.schedule_of.get(b.id, ()))
                        if f.kind in ("started", "resumed", "suspended", "concluded", "cancelled")), None)
        if sitting not in ("started", "resumed"):
            return None  # the talks are not sitting, or have already ended (a recap's "have agreed")
        lo = s.clause_start(at)
        sides = {m.side for m in s.mentions if m.kind in ("delegation", "place") and m.side and lo <= m.start < at}
        together = _TOGETHER.search(s.text, lo, at) is not None
        return b if together or (len(sides) >= 2 and sides <= set(b.delegations)) else None

    def _conclude(self, b: mt.MeetingBuilder, s: Sent, schedule: list[ScheduleFact], status: list[StatusFact]) -> None:
        """The talks b ended on the day of the post: a schedule fact, and each side concluded."""
        ctx, k = self.ctx, self.k
        f = ScheduleFact(s.post.seq, b.id, "concluded", _day_of(s.post), False, "", s.text, precision="day")
        schedule.append(f)
        ctx.record(f)
        for side in b.delegations:
            d = k.delegation(side)
            if d is not None and d.negotiating:
                self._status(StatusFact(s.post.seq, side, "concluded", b.place, s.text), status, b.id)

    def _note_venue(self, meetings, status: list[StatusFact]) -> None:
        """Where the event is, for "local time" in later posts: the place of a meeting this
        post spoke of, else where a side arrived or is; kept until another place with a
        known zone is named."""
        places = [b.place for b in meetings if b.place]
        places += [f.where for f in status if f.where and f.status in _AT_VENUE]
        if self.venue_taught:
            return  # what the text says "local time" is beats a guess from a place's name
        for place in places:
            zone = _place_zone(place)
            if zone is not None:
                self.venue = zone
                return

    def _sides_in(self, s: Sent) -> tuple[str, ...]:
        """The parties a sentence is about: its teams and sides, and the sides of the people it names."""
        out: dict[str, None] = {}
        for m in s.mentions:
            if m.kind in ("delegation", "place") and m.side:
                out[m.side] = None
            elif m.kind == "person":
                side = m.side or mt.side_of_person(self.k, m.key)
                if side:
                    out[side] = None
        return tuple(out)

    def _meeting_for(self, sides: tuple[str | None, ...]) -> str | None:
        """The meeting a line-up or a roster belongs to: the post's meeting, else the main talks, else the
        whole event — the first of them the sides take part in (a Russian line-up is not for the
        Erdogan–Zelensky meeting the post named before)."""
        ctx = self.ctx
        cands = [c for c in (ctx.post_meeting, ctx.main_talks(), mt.main_event(ctx)) if c]
        wanted = {x for x in sides if x}
        for c in cands:
            if not wanted or wanted & set(ctx.meetings[c].delegations):
                return c
        return cands[0] if cands and not ctx.meetings[cands[0]].delegations else None

    def _party_name(self, pid: str) -> str:
        d = self.k.delegation(pid)
        return (d.country or d.name) if d is not None else pid

    def _status(self, f: StatusFact, out: list[StatusFact], meeting: str | None = None, *, resumed: bool = False) -> None:
        ctx = self.ctx
        last = ctx.last_status.get(f.delegation)
        if any(o.delegation == f.delegation and o.status == f.status for o in out):
            return
        if last is not None and last.seq == f.seq and last.status == f.status:
            return
        # A repeat is a confirmation, not a status change: the same status and
        # place again ("has arrived in Istanbul", from a second source), or an
        # arrival where the delegation already is (it has not left since), is kept
        # as a further source of the current fact — unless it is background in a
        # relative clause ("the Russian team that arrived …"), which adds nothing.
        # (A fact marked `confirms` on the way in is background.)
        repeat = (meeting is None and last is not None and last.status == f.status and f.where in (None, last.where)) \
            or (f.status == "arrived" and f.where is not None and ctx.arrived_at.get(f.delegation) == f.where)
        if repeat:
            if f.confirms or last is None or last.seq == f.seq:
                return
            out.append(replace(f, confirms=True, where=f.where or last.where))
            return
        if f.recap:
            out.append(f)  # told again in a summary: a source, the current status stays
            return
        if f.confirms:
            f = replace(f, confirms=False)  # background, but news: nothing was known of it
        if f.status == "walked_out":
            ctx.walked_out.add(f.delegation)
        elif f.status in ("meeting", "returned") and f.delegation in ctx.walked_out:
            # in the talks again after walking out of them: back, whatever the sentence calls it
            ctx.walked_out.discard(f.delegation)
            f = replace(f, status="returned")
        if f.status == "arrived":
            ctx.arrived_at[f.delegation] = f.where
        elif f.status in ("left", "travelling"):
            ctx.arrived_at.pop(f.delegation, None)
        if meeting is not None:
            key = (f.delegation, f.status)
            if self.ctx.meeting_status.get(key) == meeting and last is not None and last.status == f.status:
                if resumed and last.seq != f.seq:  # back in the talks after a break: a further source, not a change
                    out.append(replace(f, confirms=True, where=f.where or last.where))
                return  # the same meeting reported again
            self.ctx.meeting_status[key] = meeting
        out.append(f)
        self.ctx.last_status[f.delegation] = f

    def _apply(self, b: mt.MeetingBuilder, m: mt.Mention, s: Sent, kind: str | None, when: When | None,
               lo: int, hi: int, schedule: list[ScheduleFact], status: list[StatusFact]) -> None:
        ctx, k = self.ctx, self.k
        place = _place_in(s, m.end, hi, k) if kind in ("started", "concluded", "happened", "planned", None) else None
        if place and (b.place is None or ("," in place and "," not in b.place)):
            b.place = place
        if kind in ("started", "concluded", "happened"):
            b.status = "happened"
            if when is not None and when.precision != "none":
                b.date = when.dt.date()
            elif b.date is None or b.status != "happened":
                b.date = s.post.day
        elif kind == "cancelled":
            b.status = "cancelled"
        elif kind in ("planned", "confirmed", "rescheduled") and b.status == "cancelled":
            b.status = "planned"  # "the leaders' meeting is back on": planned again
            if when is not None and when.dt is not None:
                b.date = when.dt.date()
        elif when is not None and b.status == "planned" and (
                kind in ("planned", "rescheduled", "delayed", "confirmed")
                or (kind == "postponed" and _UNTIL.search(s.text, 0, when.start))):
            b.date = when.dt.date()  # (not the day "there will be no talks on")
        # schedule fact
        repeat = False
        sits_again = False  # a start that is the meeting sitting again (its sides are in it again: a further source)
        day_end = kind == "day_end"
        if day_end:
            kind = "concluded"
        if kind and (kind != "happened" or m.verb):
            # "X met Y", "spoke by phone": a meeting told as past has taken place and is over
            sk = "suspended" if day_end else "concluded" if kind == "happened" else kind
            told = ctx.last_plan.get(b.id)
            if when is not None and when.day_from == "post" and told is not None and told.seq == s.post.seq \
                    and told.precision == "day" and told.when is not None:
                # "due to sit down tomorrow. The opening session is set for 10:00": the hour of that day
                when = _on_date(when, told.when.date(), "text")
            sched = ctx.sched.get(b.id) or ctx.sched.setdefault(b.id, SchedSummary())
            latest = sched.last
            last = ctx.last_plan.get(b.id)
            if sched.sat_seq and (last is None or sched.sat_seq >= last.seq):
                last = None  # once the meeting has sat, a new time is the next sitting's plan, not a reschedule
            hedged = sk == "planned" and when is not None and _HEDGE.search(s.text, 0, when.start) is not None
            # (a confirmation of the next sitting's plan says nothing of whether the meeting sits now)
            news = next((f for f in reversed(ctx.schedule_of.get(b.id, ())) if f.kind != "confirmed"), latest) \
                if latest is not None and latest.kind == "confirmed" else latest
            if sk == "started" and "started" in sched.kinds and news is not None \
                    and news.kind in ("suspended", "concluded", "planned", "rescheduled", "postponed", "delayed"):
                sk = "resumed"  # a meeting that has sat before does not start again: it resumes ("day two got under way")
                sits_again = True
            if sk == "planned" and not hedged and when is not None and last is not None and last.when is not None \
                    and last.when.date() != when.dt.date():
                sk = "rescheduled"
            if sk == "planned" and not hedged and when is not None and last is not None and last.when is not None \
                    and last.when.date() == when.dt.date() and last.when != when.dt \
                    and when.precision == "minute" and (last.precision or precision_of(last.raw)) == "minute":
                sk = "rescheduled"  # "10 a.m. on Friday", then "at 12:30pm": the hour moved
            if sk in ("rescheduled", "postponed") and when is not None and when.precision in ("minute", "hour", "part") \
                    and _PUT_BACK.search(s.text, lo, hi):
                # pushed back to a later hour of the same day: a delay, not a new date
                base = last.when if last is not None and last.when is not None else None
                day = base.date() if base is not None else s.post.day
                if when.dt.date() == day and (base is None or when.dt > base):
                    sk = "delayed"
            repeat = sk in ("started", "concluded") and sk in sched.kinds
            if sk == "proposed" and latest is not None and latest.kind not in ("denied", "cancelled") \
                    and (when is None or sched.any_when):
                # a passing "the proposed talks" adds nothing once the talks are on the record;
                # a proposal after a denial, or the first one with a day, is news
                sk = None
            again = False  # the same plan or news again, from a later post: a further source
            if sk in ("started", "concluded", "denied", "cancelled") and latest is not None and latest.kind == sk:
                # the same news again from another source: a further source of a denial or a
                # cancellation; a start or an end told again is only the story going on
                again = latest.seq != s.post.seq and sk in ("denied", "cancelled")
                sk = sk if again else None
            if sk == "planned" and when is None and not (latest is not None and latest.kind in ("cancelled", "postponed")) and (
                    sched.timeless_plan or "started" in sched.kinds or "concluded" in sched.kinds
                    or _WHERE_CLAUSE.search(s.text, max(0, m.start - 60), m.start)):
                # a timeless plan says something once (again, it is a further source while the
                # meeting has not sat); "…, where the talks are expected" is background
                again = (sched.timeless_plan and not sched.sat_seq and latest is not None and latest.seq != s.post.seq
                         and not _WHERE_CLAUSE.search(s.text, max(0, m.start - 60), m.start))
                sk = sk if again else None
            if sk == "planned" and when is not None and last is not None and last.when is not None \
                    and last.when.date() == when.dt.date() and when.precision != "minute" and last.when.time().hour:
                sk = None  # "later in the day" after "at 12:30pm": no news
            if sk == "planned" and when is not None and last is not None and last.when == when.dt:
                again = last.seq != s.post.seq  # the same plan from a second source
                sk = sk if again else None
            if again and sk:
                if not any(x.subject == b.id and x.confirms for x in schedule):
                    schedule.append(ScheduleFact(s.post.seq, b.id, sk, when.dt if when else None,
                                                 when.estimated if when else False, when.raw if when else "", s.text,
                                                 precision=when.precision if when else "none", confirms=True))
                sk = None
            if sk:
                if when is not None:
                    at, estimated, raw, precision = when.dt, when.estimated, when.raw, when.precision
                elif sk in _NEWS_OF_THE_DAY:
                    # "the talks have begun" with no time: they did so on the day of the post (the
                    # day is known, the hour is not: no clock is made up)
                    at, estimated, raw, precision = _day_of(s.post), False, "", "day"
                else:
                    at, estimated, raw, precision = None, False, "", "none"
                f = ScheduleFact(s.post.seq, b.id, sk, at, estimated, raw, s.text, precision=precision)
                vaguer = next((x for x in schedule if x.subject == f.subject and x.kind == "planned" == sk
                               and x.precision == "day" and f.when is not None and f.precision in ("minute", "hour", "part")
                               and x.when is not None and x.when.date() == f.when.date()), None)
                if vaguer is not None:
                    # "due to sit down today. The opening session is set for 11 am": one plan, told more exactly
                    schedule.remove(vaguer)
                    ctx.forget(vaguer)
                if not any(x.subject == f.subject and x.kind == f.kind and x.when == f.when for x in schedule):
                    schedule.append(f)
                    ctx.record(f)
                    if sk in ("planned", "started", "concluded") and _REPORTED.search(s.text):
                        ctx.reported = (b.id, s.post.seq)  # "X TV reported that A and B met": a report
                    back = _back_after_break(s, m.end, hi, when) if sk == "suspended" else None
                    if back is not None and not any(x.subject == b.id and x.kind == "planned" for x in schedule):
                        # "suspended for two hours" (an estimate, at the hour), "… and is due to resume at 14:30"
                        self._plan_next_sitting(b.id, s, back, schedule)
                if when is not None and not hedged and (
                        sk in ("planned", "rescheduled", "delayed", "confirmed")
                        or (sk == "postponed" and _UNTIL.search(s.text, 0, when.start))):
                    # "no talks on Thursday" names the day that is off, not a new plan;
                    # "possibly tonight, probably tomorrow" is a guess, not the plan
                    ctx.last_plan[b.id] = f
        # participants and delegation status
        happening = b.status == "happened"
        if kind in ("started", "happened", "concluded") or (happening and not m.verb):
            if kind in ("started", "happened", "concluded"):
                for p in m.parties:
                    name = p.key if p.kind == "person" else (k.delegation(p.side or p.key).name
                                                             if k.delegation(p.side or p.key) else p.key)
                    b.add_participant(Participant(name, s.post.seq, "present", s.text,
                                                  "person" if p.kind == "person" else "delegation"))
                if not m.parties and b.parties and all(kind_ == "person" for kind_, _ in b.parties):
                    # "The call between Holm and Talvik lasted 40 minutes": a meeting between two
                    # people that took place had them in it (those the sentence names)
                    named = {x.key for x in s.mentions if x.kind == "person"}
                    for _, name in b.parties:
                        if name in named:
                            b.add_participant(Participant(name, s.post.seq, "present", s.text, "person"))
        elif kind in ("planned", "confirmed") and m.parties and b.status != "happened" and b.parties \
                and all(kind_ == "person" for kind_, _ in b.parties):
            # "Hrabal and Rusu are expected to meet on Thursday", "President X of Varnia and President Y will
            # speak by phone": the people a meeting is between are its announced participants
            for p in m.parties:
                if p.kind == "person":
                    b.add_participant(Participant(p.key, s.post.seq, "announced", s.text, "person"))
        for p in mt.participants_from(s, b, k, happening):
            b.add_participant(p)
        under_way = repeat and kind == "started" and b.status == "happened" and m.parties \
            and (ctx.sched.get(b.id) is None or ctx.sched[b.id].last is None
                 or ctx.sched[b.id].last.kind in ("started", "resumed"))
        if (kind in ("started", "concluded", "resumed") or (kind == "happened" and m.verb)) and (not repeat or under_way):
            # (a start or end already on record, told again, changes no status — but talks between the
            # sides told as under way again are a further source that they sit; the end of a day's
            # sitting concludes the sitting for its sides, while the schedule says they sit again)
            st = "concluded" if kind == "concluded" else "meeting"
            # the parties named here, plus every delegation already reported present
            # (the host at talks "between Russia and Ukraine" concludes with them)
            # (talks between delegations that name none here — "the plenary has begun" — are between theirs)
            implied = list(b.core) if not m.parties and b.id.endswith("-talks") else []
            sides = list(dict.fromkeys([p.side or p.key for p in m.parties if p.kind != "person"] +
                                       [s_ for p in m.parties if p.kind == "person" and (s_ := mt.side_of_person(k, p.key))] +
                                       implied + _present_sides(b, k)))
            if "without" in s.low:  # "the plenary resumed without the Osterlanders": not theirs
                sides = [x for x in sides if x not in _without(s, k)]
            negotiating = [side for side in sides if k.delegation(side) is not None and k.delegation(side).negotiating]
            # a meeting between named people ("Sibiga met with Rubio") is not their delegations'
            if len(negotiating) >= 2 and b.delegations:
                for side in negotiating:
                    self._status(StatusFact(s.post.seq, side, st, b.place, s.text), status, b.id,
                                 resumed=kind == "resumed" or sits_again or under_way)

    def _deny_report(self, meeting_id: str, s: Sent, schedule: list[ScheduleFact], changed: dict) -> None:
        """A report of a meeting denied in a sentence that names no meeting: `denied` for it (once a post)."""
        b = self.ctx.meetings.get(meeting_id)
        if b is None or any(f.subject == meeting_id and f.kind == "denied" for f in schedule):
            return
        f = ScheduleFact(s.post.seq, meeting_id, "denied", None, False, "", s.text, precision="none")
        schedule.append(f)
        self.ctx.record(f)
        self.ctx.reported = None
        changed[b.id] = b
        b.named_in(s.post.seq)

    def _back(self, meeting_id: str, s: Sent, schedule: list[ScheduleFact]) -> None:
        """A sentence after this post paused `meeting_id`, naming no meeting, that says when the
        sides are back: the next sitting planned (once per post)."""
        if not any(f.subject == meeting_id and f.kind == "suspended" for f in schedule) \
                or any(f.subject == meeting_id and f.kind == "planned" for f in schedule):
            return
        cue = _RESUME_CUE.search(s.text)
        if cue is None:
            return
        subject = s.text[s.clause_start(cue.start()):cue.start()]
        if not _SITTING_SUBJECT.search(subject) and not (re.search(r"\bit\b", subject, re.I) and "back" not in cue.group().lower()):
            # "Flights are scheduled to resume at 18:00", "the president will be back at 18:00": not the
            # talks ("it is expected to resume at 14:30" after the break is the sitting)
            return
        when = _time_after_cue(s, cue, len(s.text))
        if when is not None:
            self._plan_next_sitting(meeting_id, s, when, schedule)

    def _plan_next_sitting(self, meeting_id: str, s: Sent, when: When, schedule: list[ScheduleFact]) -> None:
        """After a pause, the time the meeting sits again: a plan of this post, and the meeting's latest."""
        plan = ScheduleFact(s.post.seq, meeting_id, "planned", when.dt, when.estimated, when.raw, s.text,
                            precision=when.precision)
        schedule.append(plan)
        self.ctx.record(plan)
        self.ctx.last_plan[meeting_id] = plan

    # ------------------------------------------------------------ corrections
    def correct(self, post: Post, pf: PostFacts) -> int:
        """Apply the knowledge file's corrections to one post's facts, in file order.

        Equivalent to applying them to the whole blog at the end: a 'drop'
        filters every post's facts, and a status/schedule correction belongs
        to the FIRST post whose text holds its evidence, which posts processed
        oldest first meet before any later one. Returns how many corrections
        this post consumed (drops are counted once, by Extractor).
        """
        count = 0
        placed = self._placed
        text = post.text  # joined from the paragraphs on each access: once, not per correction
        for i, c in enumerate(self.k.corrections):
            ev = c.fields["evidence"]
            if c.table == "drop":
                pf.status = [f for f in pf.status if ev not in f.evidence]
                pf.schedule = [f for f in pf.schedule if ev not in f.evidence]
                continue
            if i in placed or ev not in text:
                continue  # the correction is for another post, or for another version of the blog
            placed.add(i)
            seq = post.seq
            sentence = next((x.text for x in split_spans(text) if ev in x.text), ev)
            if c.table == "status":
                pf.status.append(StatusFact(seq, c.fields["delegation"], c.fields["status"], c.fields.get("where"),
                                            sentence, "correction"))
            elif c.table == "schedule":
                when = parse_iso(c.fields["when"]) if c.fields.get("when") else None
                if when is not None and when.tzinfo is None:
                    when = when.replace(tzinfo=self.blog.tz)
                pf.schedule.append(ScheduleFact(seq, c.fields["subject"], c.fields["kind"], when, False,
                                                c.fields.get("raw", ""), sentence, "correction"))
            count += 1
        return count


class Extractor:
    """Incremental extraction: feed posts oldest first, one at a time.

    `extraction` grows as posts are fed; after feeding every post of a blog
    it equals extract(blog, ...). Not thread-safe by itself (Timeline locks).
    """

    def __init__(self, blog: Blog, knowledge: Knowledge, ner: object | None = None) -> None:
        self._run = _Run(blog, knowledge, ner)
        drops = sum(1 for c in knowledge.corrections if c.table == "drop")
        self.extraction = Extraction([], 0, drops)

    @property
    def registry(self) -> Registry:
        """What the posts fed so far taught (people, parties, places, outlets)."""
        return self._run.registry

    def feed(self, post: Post) -> PostFacts:
        ex = self.extraction
        if post.seq != len(ex.posts) + 1:
            raise ValueError(f"posts must be fed in order: expected p{len(ex.posts) + 1}, got p{post.seq}")
        pf = self._run.post(post)
        if self._run.k.corrections:
            ex.corrections += self._run.correct(post, pf)
        ex.rules += (
            sum(1 for f in pf.status if f.origin == "rule")
            + sum(1 for f in pf.schedule if f.origin == "rule")
            # a meeting participant is a fact too: the ones this post placed in a meeting
            + sum(1 for m in pf.meetings for part in m.participants if part.seq == post.seq)
            + len(pf.again)  # and each further source of one
        )
        ex.posts.append(pf)
        return pf


def extract(blog: Blog, knowledge: Knowledge, ner: object | None = None) -> Extraction:
    ex = Extractor(blog, knowledge, ner)
    for p in blog.posts:
        ex.feed(p)
    return ex.extraction
