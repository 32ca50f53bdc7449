"""What every rule sees: one sentence with its linked entities and time phrases."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from functools import lru_cache

from tui.core.knowledge import Knowledge
from tui.core.link import Linked
from tui.core.model import Post
from tui.core.when import When, find_times

# Cheap prefilter (plain substring tests are far faster than one big
# case-insensitive alternation): only sentences holding one get the time regex.
_TIME_WORDS = ("day", "tomorrow", "tonight", "later", "earlier", "hour", "week", "morning", "evening", "night", "ago",
               "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "spring", "summer", "autumn", "fall", "winter",
               # a clock in words: "at noon", "half past two", "ten to five", "at nine", "nine o'clock"
               "noon", "midday", "past ", "clock", *(f"{w} {h}" for w in ("at", "to")
                                                    for h in ("one", "two", "three", "four", "five", "six", "seven",
                                                              "eight", "nine", "ten", "eleven", "twelve")))
_DIGIT = re.compile(r"\d")
_CURRENT = re.compile(r"\b(?:will|now|today|this\s+week)\b", re.I)
# The gap between two list items: ", ", ", and ", " and ".
# Between two items of a list: ", ", " and ", ", and the " (the article of an organisation's name)
# (a title may stand before the next name: "Mr. Holm and Mr. al-Qadri", "Ruiz and Foreign Minister Holm")
COORD = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[A-Z][\w-]*\.?\s+){0,3}$")


def has_any(low: str, words: tuple[str, ...]) -> bool:
    """Substring prefilter on lowercased text."""
    for w in words:
        if w in low:
            return True
    return False


def lines_up(text: str, low: str) -> bool:
    """Does low (text.lower()) hold, at each offset, the lower case of what a case-insensitive
    pattern matches in text? "İ" lowers to two characters, and "ſ" / "ı" match "s" / "i" while
    lowering to themselves; for any other text, a pattern of ASCII words run case-sensitively on
    low matches where its case-insensitive self matches on text (and about twice as fast)."""
    return len(low) == len(text) and "ſ" not in low and "ı" not in low


@lru_cache(maxsize=256)
def lowered(rx: re.Pattern) -> re.Pattern | None:
    """The case-sensitive twin of a case-insensitive pattern, to run on text.lower() where
    `lines_up`; None for a pattern with case-sensitive parts ("(?-i:[A-Z])"), which low cannot serve."""
    if "(?-i" in rx.pattern or not rx.flags & re.IGNORECASE:
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gated:
    """A regex and the lower-case substrings one of which each of its matches holds.

    `search(text, low)` (low = text.lower()) runs the regex only where a hint
    occurs: plain substring tests are far cheaper than a scan with a regex that
    opens on an alternation. Tests check on every test blog that no match lacks
    a hint.
    """

    regex: re.Pattern
    hints: tuple[str, ...]
    twin: re.Pattern | None = field(init=False, repr=False, compare=False)  # lowered(regex)

    def __post_init__(self) -> None:
        object.__setattr__(self, "twin", lowered(self.regex))

    def search(self, text: str, low: str) -> bool:
        if not has_any(low, self.hints):
            return False
        twin = self.twin  # (run on low where it lines up: the same spans, faster)
        return (twin.search(low) if twin is not None and lines_up(text, low) else self.regex.search(text)) is not None


@lru_cache(maxsize=1 << 15)
def _time_hint(text: str) -> bool:
    """Can text hold a time phrase? Cached: sentences repeat across posts."""
    return has_any(text.lower(), _TIME_WORDS) or _DIGIT.search(text) is not None


@dataclass(slots=True)
class Sent:
    post: Post
    index: int  # sentence number within the post
    start: int  # offset in post.text
    text: str
    mentions: Sequence[Linked]  # offsets relative to this sentence (a tuple shared by every post with this line: read only)
    local: tzinfo  # the blog's zone
    venue: tzinfo | None = None  # the zone where the event is ("local time"): as the posts before this one taught it, or this one
    _times: list[When] | None = None
    _low: str | None = None
    _history: bool | None = None
    _starts: list[int] | None = None  # mention starts, for bisecting a span
    _clauses: dict[int, int] | None = None  # clause_start by offset

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    @property
    def times(self) -> list[When]:
        if self._times is None:
            hint = _time_hint(self.text)
            self._times = find_times(self.text, self.post.time, self.post.time_estimated, self.local, self.venue) if hint else []
        return self._times

    @property
    def history(self) -> bool:
        """Is the sentence about another year ("in 2022", "three years ago"), with nothing about now?"""
        if self._history is None:
            self._history = any(w.history for w in self.times) and not _CURRENT.search(self.text)
        return self._history

    def clause_start(self, pos: int) -> int:
        """clause_start(self.text, pos), found once per offset (a verb's rules each ask it)."""
        clauses = self._clauses
        if clauses is None:
            clauses = self._clauses = {}
        at = clauses.get(pos)
        if at is None:
            at = clauses[pos] = clause_start(self.text, pos)
        return at

    def of_kind(self, kind: str, lo: int = 0, hi: int | None = None) -> list[Linked]:
        hi = len(self.text) if hi is None else hi
        return [m for m in self.mentions if m.kind == kind and m.start >= lo and m.end <= hi]

    def _first_at(self, lo: int) -> int:
        """Index of the first mention starting at or after lo (mentions are in text order)."""
        if self._starts is None:
            self._starts = [m.start for m in self.mentions]
        return bisect_left(self._starts, lo)

    def parties(self, lo: int, hi: int) -> list[Linked]:
        """Mentions within [lo, hi) that can take part in a meeting: people,
        delegations, places naming a side. O(log n + found): a sentence of a
        10 MB paragraph holds tens of thousands of mentions."""
        out = []
        mentions = self.mentions
        for i in range(self._first_at(lo), len(mentions)):
            m = mentions[i]
            if m.start >= hi:
                break
            if m.end <= hi and (m.kind in ("person", "delegation") or (m.kind == "place" and m.side)):
                out.append(m)
        return out

    def last_person_before(self, hi: int, *, other_than: str | None = None) -> Linked | None:
        """The nearest person mentioned wholly before hi (not `other_than`)."""
        mentions = self.mentions
        for i in range(self._first_at(hi) - 1, -1, -1):
            m = mentions[i]
            if m.kind == "person" and m.end <= hi and m.key != other_than:
                return m
        return None


@dataclass(slots=True)
class SchedSummary:
    """What one meeting's schedule facts so far add up to (kept as they come: no rescans)."""

    kinds: set = field(default_factory=set)
    last: object = None  # the latest ScheduleFact
    any_when: bool = False  # some fact gave a time
    timeless_plan: bool = False  # a plan with no time is on record
    sat_seq: int = 0  # the post of the latest start, resumption or suspension

    def add(self, f) -> None:
        self.kinds.add(f.kind)
        self.last = f
        self.any_when = self.any_when or f.when is not None
        self.timeless_plan = self.timeless_plan or (f.kind in ("planned", "rescheduled") and f.when is None)
        if f.kind in ("started", "resumed", "suspended"):
            self.sat_seq = f.seq


@dataclass(slots=True)
class Context:
    """Running state across posts, oldest first; only ever holds the past."""

    knowledge: Knowledge
    meetings: dict = field(default_factory=dict)  # id -> MeetingBuilder
    mention_count: dict = field(default_factory=dict)  # delegation-level meeting id -> mentions
    last_status: dict = field(default_factory=dict)  # delegation id -> StatusFact
    last_plan: dict = field(default_factory=dict)  # subject -> ScheduleFact with a time
    schedule_of: dict = field(default_factory=dict)  # subject -> its schedule facts so far
    sched: dict = field(default_factory=dict)  # subject -> SchedSummary of those facts
    meeting_status: dict = field(default_factory=dict)  # (delegation, status) -> meeting id
    arrived_at: dict = field(default_factory=dict)  # delegation id -> where it last arrived (until it leaves)
    walked_out: set = field(default_factory=set)  # delegations that walked out and are not back yet
    expected: set = field(default_factory=set)  # people whose coming was announced or in question
    main_event: str | None = None  # the talks of every negotiating party, when the blog never names their parties
    main_id: str | None = None  # the most-mentioned talks (kept as mentions are counted)
    post_meeting: str | None = None  # last meeting named in the current post
    post_subject: str | None = None  # last delegation that was a status subject in the post
    reported: tuple[str, int] | None = None  # (meeting id, post) of the last meeting news told as a report

    def record(self, f) -> None:
        """A schedule fact on record: in its meeting's list and in that list's summary."""
        self.schedule_of.setdefault(f.subject, []).append(f)
        self.sched.setdefault(f.subject, SchedSummary()).add(f)

    def forget(self, f) -> None:
        """Take back a fact of the post being read that a more exact one replaces ("today", then "at 11 am"):
        off its meeting's list (the summary keeps its kinds; the replacement is recorded after it)."""
        facts = self.schedule_of.get(f.subject)
        if facts and f in facts:
            facts.remove(f)
        if self.last_plan.get(f.subject) is f:
            del self.last_plan[f.subject]

    def main_talks(self) -> str | None:
        """The talks most often named with their parties so far (None before any)."""
        return self.main_id

    def count_mention(self, mid: str) -> None:
        n = self.mention_count.get(mid, 0) + 1
        self.mention_count[mid] = n
        if self.main_id is None or n > self.mention_count[self.main_id]:
            self.main_id = mid


def clause_start(text: str, pos: int) -> int:
    """Start of the clause holding pos: after the last 'that/whether/said/,' before it."""
    best = 0
    for m in _CLAUSE.finditer(text, 0, pos):
        best = m.end()
    return best


_CLAUSE = re.compile(r"\b(?:that|whether|if|said|says|told|claimed|reported|according to|until|unless|once|where)\b|[,;:–—]")
