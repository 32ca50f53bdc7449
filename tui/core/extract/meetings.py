"""Meetings and calls: where a sentence names one, who it is between, and who was there.

Identity rule (documented in the README): a meeting is identified by its
parties.  Delegation-level talks ("talks between the Russian and Ukrainian
delegations", "direct talks between Moscow and Kiev") use the set of
delegations minus the host (the Turkish-hosted trilateral with Russia and
Ukraine IS the Russia-Ukraine direct talks); a meeting or call between named
people uses their surnames ("erdogan-zelensky-meeting").  "another round",
"future negotiations", "a new meeting" make a separate "-next" meeting.  A
mention with no parties ("the talks", "the Istanbul meeting") means the
previous meeting in the post, else the most-mentioned talks so far.  A
mention dated in another year ("the 2022 Istanbul talks") is history: ignored.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from datetime import date
from operator import attrgetter

from tui.core.extract.context import COORD, Context, Sent, has_any, lines_up as text_lines_up, lowered
from tui.core.facts import Meeting, Participant
from tui.core.knowledge import Knowledge
from tui.core.link import Linked
from tui.core.seqview import PrefixView
from tui.core.times import match_clock
from tui.core.vocab import MONTHS, WEEKDAY_NAMES

# "Thursday's session", "today's session", "the afternoon session": a sitting of the talks named by
# its day or part of day (a lookbehind each, as a lookbehind has one width).
_DAY_SESSION = "|".join(
    [rf"(?<={d}['’]s\s)" for d in (*WEEKDAY_NAMES, "today", "tomorrow", "yesterday", "tonight")]
    + [rf"(?<={p}\s)" for p in ("morning", "afternoon", "evening", "night")])

# Meeting nouns, by the kind of meeting they name. A plenary, a session, a summit or a round is the
# main talks unless its parties are named; a working group and a meal are meetings of their own.
NOUN = re.compile(r"\b(?:(?P<call>(?:phone|international\s+phone|telephone|video)\s+call|call|videoconference|video\s+conference)"
                  r"|(?P<wg>working[-\s]groups?(?:\s+(?:talks|meeting|session))?|expert[-\s]level\s+talks|technical\s+talks"
                  r"|sub-?commission|sub-?committee|technical\s+committee|expert\s+group|working\s+party)"
                  r"|(?P<meal>dinner|lunch|breakfast|banquet)"
                  r"|(?P<talk>talks|talk(?=\s+between)|negotiations|discussions|consultations|contacts(?=\s+between)"
                  r"|summit|plenary(?:\s+session)?|(?<=opening\s)session|(?<=closing\s)session|(?<=the\s)session"
                  r"|(?<=final\s)session|(?<=first\s)session|(?<=next\s)session|(?<=joint\s)session"
                  r"|(?:" + _DAY_SESSION + r")session|(?<=back\sinto\s)session"
                  # "the ministerial session", "its evening session": a sitting named by a word between
                  # its determiner and the noun (checked in _find_mentions: _SESSION_DET)
                  r"|(?<=[a-z]\s)session"
                  r"|round\s+of\s+(?:talks|negotiations|meetings)|(?<=first\s)round|(?<=second\s)round|(?<=third\s)round"
                  r"|(?<=new\s)round|(?<=next\s)round|(?<=another\s)round|(?<=final\s)round|(?<=the\s)round(?!\s+of\b)"
                  # "the first exploratory round", "a three-party round" (checked in _find_mentions: _ROUND_DET)
                  r"|(?<=[a-z]\s)round(?!\s+of\b)"
                  # "The trilateral has begun": the adjective standing for its meeting
                  r"|(?<=the\s)(?:trilateral|bilateral)(?=\s+(?:between|has|had|is|was|will|began|started|ended|opened|closed|resumed|lasted)\b))"
                  r"|(?P<meet>meeting|meetings|one-to-one|tête-à-tête|face-to-face))\b", re.IGNORECASE)
_EVENT_NOUN = re.compile(r"summit|plenary|session|round", re.IGNORECASE)


def _has_meeting_word(low: str) -> bool:
    """Can the (lower-cased) sentence name a meeting at all? Substring tests: C-fast on any length."""
    for w in _NOUN_HINTS:
        if w in low:
            return True
    return False

# Substrings one of which any meeting noun or verb needs (a cheap test per sentence).
_NOUN_HINTS = ("talk", "negotiat", "meet", "met ", "spent ", "discussion", "consultation", "contacts", "call", "spoke",
               "spoken", "speak", "summit", "plenary", "session", "round", "working", "expert", "technical", "sub", "lateral",
               "dinner", "lunch", "breakfast", "banquet", "one-to-one", "face-to-face", "tête", "video", "resume",
               "reconvene", "sit down", "sat down", "phoned")  # (VERB's "sat down together": no noun needed)
VERB = re.compile(r"\b(?P<v>met\s+with|met(?=\s+(?:on|in|at|for|over|briefly|privately|one|face|again|late|early|this|last)\b)|"
                  # "Brisk spent half an hour with Varga": a meeting told as past
                  r"spent\s+(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:half\s+an\s+hour|an\s+hour|(?:an?|one|two|three|\d+|\w+ty)\s+(?:minutes|hours)|the\s+(?:morning|afternoon|evening))\s+with|"
                  r"(?:is|are)\s+(?:currently\s+|now\s+)?meeting(?:\s+with)?|"
                  r"spoke\s+(?:on\s+(?:the\s+)?(?:phone|telephone)\s+|by\s+(?:phone|telephone|video\s+link)\s+)?with|"
                  # "spoke by phone on Sunday morning with X": a few words of time or place before the other side
                  r"spoke\s+(?:on\s+(?:the\s+)?(?:phone|telephone)|by\s+(?:phone|telephone|video\s+link))"
                  r"(?:\s+(?:on|in|at|from|this|late|early|earlier|later|again|briefly|today|yesterday|tonight|morning|afternoon"
                  r"|evening|night|(?-i:[A-Z][a-z]+))){1,4}?\s+with|"
                  r"spoke\s+(?:on\s+(?:the\s+)?(?:phone|telephone)|by\s+(?:phone|telephone|video\s+link))|"
                  # "X and Y spoke face to face for an hour"; "X and Y have spoken." (plural: a call between them)
                  r"(?:spoke|(?:has|have)\s+spoken)\s+face[-\s]to[-\s]face(?:\s+with)?|have\s+spoken(?=\s*[.;])|"
                  r"held\s+(?:a\s+)?(?:phone\s+)?call\s+with|(?:tele)?phoned(?=\s+(?-i:[A-Z]))|"
                  r"(?:has|have)\s+spoken\s+(?:to|with)|will\s+speak\s+with|speak\s+with|could\s+call|may\s+call|"
                  # "X and Y will speak by phone this afternoon", "have spoken by phone"
                  r"(?:will|to|could|may|(?:is|are)\s+(?:due|expected|scheduled)\s+to|(?:has|have)\s+)\s*(?:speak|spoken)\s+(?:by\s+(?:phone|telephone|video\s+link)|on\s+the\s+(?:phone|telephone))|"
                  r"(?:have\s+to|will|to|could|may|might|(?:is|are)\s+(?:due|expected|scheduled)\s+to)\s+meet(?!\w)|set\s+to\s+meet|"
                  r"to\s+meeting(?=\s+(?-i:[A-Z]))|"
                  # "will sit down at 10:00 for talks", "have sat down together", "sat down across a table"
                  r"(?:will|are\s+due\s+to|are\s+expected\s+to|are\s+set\s+to)\s+sit\s+down|(?:has|have)\s+sat\s+down|"
                  r"sat\s+down(?=\s+(?:together|with|across|at|face|opposite|for)\b)|"
                  # "Negotiators from A, B and C meet in Geneva today": the present of a plan
                  r"(?<=[a-z] )meet(?=\s+(?:in|at|on|today|tomorrow|tonight|this|for|again)\b)|"
                  r"(?<=[a-z] )sit\s+down(?=\s+(?:in|at|on|today|tomorrow|tonight|this|for|again|together|with)\b)|"
                  # "the two delegations will resume tomorrow morning": the talks of the post, again
                  r"(?:will|are\s+due\s+to|are\s+expected\s+to|are\s+set\s+to)\s+(?:resume|reconvene)(?!\w))",
                  re.IGNORECASE)
_CALL_VERB = re.compile(r"spoke|spoken|speak|call", re.IGNORECASE)

# Scanning a sentence with NOUN, VERB or the history hint tries a long case-insensitive
# alternation at every word start, the costliest part of reading a sentence. Each of them can
# only match where one of a few words stands, so str.find on the lower-cased sentence says where
# (or whether) to run the regex at all. That holds when the lower-cased text lines up with the
# text and lowers every character a case-insensitive pattern matches: "İ" lowers to two
# characters, and "ſ" / "ı" match "s" / "i" while lowering to themselves (see context.lines_up).

# Every alternative of NOUN begins with one of these words (keep them in step).
_NOUN_FIRST = ("talk", "meeting", "negotiations", "discussions", "call", "summit", "session", "round", "plenary",
               "consultations", "contacts", "phone", "international", "telephone", "video", "working", "expert",
               "technical", "sub-commission", "subcommission", "sub-committee", "subcommittee", "trilateral", "bilateral", "dinner", "lunch", "breakfast", "banquet", "one-to-one", "tête-à-tête", "face-to-face")
# Every match of VERB holds one of these words ...
_VERB_WORDS = ("met", "meet", "spoke", "speak", "call", "resume", "reconvene", "sit down", "sat down", "spent", "phoned")
# ... and this, a case-sensitive pattern for the lower-cased sentence: the verb as a word, not in
# "meeting" or "recalled" (a third of sentences with a meeting word hold one of the words above).
_VERB_GATE = re.compile(r"\b(?:met|meet|spoke|spoken|speak|resume|reconvene|sit\s+down|sat\s+down|to\s+meeting|(?:tele)?phoned)\b|\bcall|\bspent\s"
                        r"|\b(?:is|are)\s+(?:currently\s+|now\s+)?meeting|\bset\s+to\s+meet")


def _starts(low: str, words: tuple[str, ...]) -> list[int]:
    """Sorted offsets in low where one of words begins."""
    out = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


def _finditer_from(rx: re.Pattern, text: str, starts: list[int]):
    """rx.finditer(text) for a pattern that can only match at one of starts (sorted offsets): rx.match
    at each, skipping those inside the previous match, as finditer does (lookbehinds and \b still
    see the text before the offset)."""
    end = 0
    last = -1
    for pos in starts:
        if pos < end or pos == last:
            continue
        last = pos
        m = rx.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def noun_matches(text: str, low: str, lines_up: bool):
    """NOUN.finditer(text), tried only where a meeting noun begins."""
    return _finditer_from(NOUN, text, _starts(low, _NOUN_FIRST)) if lines_up else NOUN.finditer(text)


def verb_matches(text: str, low: str, lines_up: bool):
    """VERB.finditer(text); nothing when the sentence holds no meeting verb (most sentences). The gate
    reads low as VERB reads text: lower() keeps word characters word characters and spaces spaces."""
    if lines_up and (not has_any(low, _VERB_WORDS) or _VERB_GATE.search(low) is None):
        return ()
    return VERB.finditer(text)


_BOUNDARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|to|in|at|on|for|"
                       r"after|before|during|since|which|who|that|where|according|said|says|following|over|about|"
                       r"regarding|concerning|includes?|included|comprises|features|represents?|hosted|led|headed)\b|[.;:()“”\"]", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|these|this|direct|peace|trilateral|bilateral|upcoming|such|no|their|its)\s+(?:\w+\s+)?$"
                       # "the first exploratory round", "the final plenary session"
                       r"|\b(?:the|its|their)\s+(?:first|second|third|final|last|opening|closing|formal|full)\s+[\w-]+\s+$"
                       r"|\b(?:day|round|session|part|stage|phase)\s+of\s+(?:the\s+)?(?:\w+\s+)?$"
                       # "the delegations have gone back into session": the sitting on record
                       r"|\bback\s+into\s+$"
                       # a possessive is a determiner: "Friday's session", "Kestria's talks"
                       r"|\w['’]s\s+(?:\w+\s+)?$"
                       # "the two sides have yet to begin negotiations": the bare noun after a start verb is these talks
                       r"|\b(?:begin|start|began|started|commence|resume|continue)\s+$", re.IGNORECASE)
# The noun phrase opens the sentence without an article ("Indirect talks resumed at noon",
# "Peace talks are back on"): news English's zero article for talks already in the story.
_OPENS = re.compile(r"\s*(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|any|some|no)\b)(?-i:[A-Z])[\w’'-]*(?:\s+[\w’'-]+)?\s+", re.IGNORECASE)
_DASH_AFTER_STAMP = re.compile(r"\s*(?:[—–:-]\s*)?")


_STAMP_LEAD = re.compile(r"(?:UPDATE|Update|BREAKING|Breaking|LATEST|Latest)\b[:\s]*")


def _only_stamp(before: str) -> bool:
    """Is what stands before the noun only the post's stamp ("15:06 — Talks resumed …", "UPDATE 1309 GMT —
    Talks resumed …")?"""
    b = before.strip()
    lead = _STAMP_LEAD.match(b)
    if lead is not None:
        b = b[lead.end():]
    clock = match_clock(b) if b[:1].isdigit() else None
    return clock is not None and _DASH_AFTER_STAMP.fullmatch(b, clock.end) is not None


_MAIN_BEFORE = re.compile(r"\bmain\s+$", re.IGNORECASE)
_MULTILATERAL = re.compile(r"\b(?:trilateral|three-way|quadrilateral|four-way)\s+$", re.IGNORECASE)
_HELD = re.compile(r"\b(?:led|held|chaired|hosted|convened)\s+(?:a|an|the|their|its|his|her)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_HOLD = re.compile(r"\b(?:hold|holding|begin|start|open|resume|have|attend|join|take\s+part\s+in|"
                   # "Varnia and Osterland have agreed to send negotiators to emergency talks"
                   r"send\s+(?:their\s+|its\s+)?(?:negotiators|delegations|delegates|teams|representatives|envoys)\s+to)\s+(?:(?:a|an|the|their|its|new|fresh|further|more)\s+)?(?:[\w-]+\s+){0,3}$",
                   re.IGNORECASE)
_RESUME = re.compile(r"\s+(?:will|would|could)\s+resume\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?P<and1>and\s+)?|\s+(?P<and2>and)\s+|\s+(?P<aswell>as\s+well\s+as)\s+|\s*)(?:the\s+)?(?:[\w’'.-]+\s+){0,4}$", re.IGNORECASE)
_WITH_NEXT = re.compile(r"\s+with\s")
_PRONOUN_LIST = re.compile(r"\s*(?:their|them|themselves|the\s+two|both|its|his|her)\b", re.IGNORECASE)
_ACRONYM_GAP = re.compile(r"^\s*\([A-Z][A-Za-z]{1,6}\)")
# Between a country's possessive and a person: their title ("'s President ", "’s Prime Minister, ")
_POSS_TITLE_GAP = re.compile(r"^['’]s?\s+(?:(?-i:[A-Z])[\w-]*\.?\s+){1,4},?\s*$|^['’]s?\s+(?:(?-i:[A-Z])[\w-]*\.?\s+){0,3}(?-i:[A-Z])[\w-]*,\s*$")
# "talks (today) with the four parties …:" — the sides follow the colon
_WITH_LISTED = re.compile(r"\s+(?:(?:today|tomorrow|tonight|this\s+\w+|on\s+\w+)\s+)?with\s+(?:the\s+|all\s+)?(?:\w+\s+)?"
                          r"(?:parties|countries|states|nations|sides|groups|unions|organi[sz]ations|movements|delegations)\b"
                          r"[^.;:!?]{0,80}:", re.IGNORECASE)
_LIST_LEAD = re.compile(r"^\s*(?:the\s+)?(?:[\w’'.-]+,?\s+){0,5}$", re.IGNORECASE)
_HARD = re.compile(r"\b(?:that|whether|if|said|says|told|claimed|according\s+to\s+[^,]*,)|[;:]", re.IGNORECASE)
_NEXT = re.compile(r"\b(?:another|new|next|future|second|further|follow-up)\s+(?:\w+\s+)?(?:round\s+of\s+)?$", re.IGNORECASE)
_RESUME_BEFORE = re.compile(r"\bresume\b", re.IGNORECASE)
_PREP = re.compile(r"\bpreparat", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PREV = re.compile(r"\b(?:previous|former|first\s+rounds?|earlier\s+rounds?)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_SKIP_NOUN_AFTER = re.compile(r"\s*(?:points|table|process|break)\b", re.IGNORECASE)
# A meal as a pause in the talks, not a meeting: "paused for lunch", "will meet after lunch", "the lunch break"
_MEAL_AS_PAUSE = re.compile(r"\b(?:(?:paused|pause|broke|break|broken|adjourned|suspended|stopped|halted|recessed)"
                            r"\s+(?:(?:at|around|about|shortly|just|before|after|[\d.:]+(?:\s*[ap]\.?m\.?)?|noon|midday)\s+){0,4}for"
                            r"|after|before|during|until|till|through)\s+(?:a\s+|the\s+)?(?:working\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    """One place a sentence speaks of a meeting."""

    start: int
    end: int
    noun: str  # talks | meeting | call
    parties: list[Linked]
    history: bool
    next_round: bool
    definite: bool
    verb: bool  # found through a verb ("met with"), not a noun
    held: bool = False  # "X led a meeting": one named party is enough
    resumes: bool = False  # "the talks will resume": next_round only through that word (see resolve)
    event: bool = False  # "the summit", "the plenary", "the session": the whole event when no parties are named
    id: str | None = None
    name: str = ""
    kind: str = "other"
    delegations: tuple[str, ...] = ()
    core: tuple[str, ...] = ()  # delegations minus the host: what identifies talks
    party_names: tuple[tuple[str, str], ...] = ()  # who the meeting is between: ("party", id) | ("person", name)


@dataclass(slots=True)
class MeetingBuilder:
    id: str
    name: str
    kind: str
    date: date | None = None
    place: str | None = None
    status: str = "planned"
    participants: list[Participant] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)
    delegations: dict[str, None] = field(default_factory=dict)  # ordered set
    core: tuple[str, ...] = ()
    parties: tuple[tuple[str, str], ...] = ()  # ("party", id) | ("person", name)
    again: list[Participant] = field(default_factory=list)  # further sources not yet handed out (take_again)
    _again_keys: set[tuple[str, str, int]] = field(default_factory=set)

    def named_in(self, seq: int) -> None:
        """Post `seq` speaks of this meeting (once in `seqs`, which stays ascending)."""
        if not self.seqs or self.seqs[-1] != seq:
            self.seqs.append(seq)

    def add_participant(self, p: Participant) -> bool:
        """Record p; False when it changes nothing. The same person on the same basis from a
        later post is a further source (`again`, kept out of the snapshots: a long blog that
        names a delegation's head in every post does not copy a growing list per post)."""
        for q in self.participants:
            if q.name == p.name and q.basis == p.basis and q.seq != p.seq:
                key = (p.name, p.basis, p.seq)
                if key not in self._again_keys:
                    self._again_keys.add(key)
                    self.again.append(replace(p, confirms=True))
                return False
            if q.name == p.name and (q.basis == p.basis or q.basis == "present"):
                return False
        self.participants.append(p)
        return True

    def take_again(self) -> list[Participant]:
        """The further sources recorded since the last call."""
        out, self.again = self.again, []
        return out

    def freeze(self, party_name=lambda pid: pid) -> Meeting:
        """A snapshot; `party_name(id)` gives a party's name as known now (names improve as posts teach)."""
        # seqs only grows: a prefix view shares it, so a snapshot is O(participants)
        parties = tuple(party_name(key) if kind == "party" else key for kind, key in self.parties)
        return Meeting(self.id, self.name, self.kind, self.date, self.place, self.status,
                       tuple(self.participants), PrefixView(self.seqs), parties)


# ---------------------------------------------------------------- mentions

def _list_after(s: Sent, pos: int) -> list[Linked]:
    """Parties in the list that starts at pos ("between A, B and C", "with X")."""
    out: list[Linked] = []
    prev_end = pos
    saw_and = False
    as_well = False
    for m in sorted((x for x in s.mentions if x.start >= pos), key=lambda x: x.start):
        if m.start < prev_end:
            continue  # nested in the previous item
        gap = s.text[prev_end:m.start]
        if out and m.kind == "person" and out[-1].kind != "person" and _POSS_TITLE_GAP.match(gap):
            # "with Varnia's President Emil Holm", "Osterland's Prime Minister, Orvo Talvik": the
            # person is the item; the country only says whose president
            out[-1] = m
            prev_end = m.end
            continue
        if out and gap[:1] in " (":
            gap = _ACRONYM_GAP.sub("", gap, count=1)  # "the Harbour League (HL), the Greys": the acronym is the item's
        if _BOUNDARY.search(gap) or any(x.kind == "outlet" and prev_end <= x.start < m.start for x in s.mentions):
            break
        if not out:
            if not _LIST_LEAD.match(gap):
                break
        else:
            g = _LIST_GAP.match(gap)
            if not g:
                break
            if saw_and and (g.group("and1") is None and g.group("and2") is None) and "," in gap:
                break
            saw_and = saw_and or bool(g.group("and1") or g.group("and2"))
            saw_list = True if g.group("aswell") else None
            if saw_list:
                as_well = True
        if m.kind == "person" or m.kind == "delegation" or (m.kind == "place" and m.side):
            out.append(m)
        prev_end = m.end
    if len(out) > 1 and not saw_and and not as_well:
        # "A, B" with no "and": only the first item is the list, the rest is apposition
        same = [x for x in out if s.text[out[0].end:x.start].strip(" ,") == ""]
        out = out[:1] + [x for x in same[1:] if x.key == out[0].key]
    return out


def _subject_before(s: Sent, pos: int, nearest: bool = False) -> list[Linked]:
    lo = s.clause_start(pos)
    found = s.parties(lo, pos)
    if _PRONOUN.search(s.text, lo, pos):
        earlier = s.last_person_before(lo)
        found = ([earlier] if earlier is not None else []) + found
    if nearest:
        return found[-1:]
    return found[-3:]


_OF_PARTY = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
# "Varnia's government and the Free Coast Movement will open talks": a side by its government
_GOV_COORD = re.compile(r"['’]s?\s+(?:government|authorities|administration|leadership|management)\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")


def _coordinated_before(s: Sent, pos: int) -> list[Linked]:
    """The subject list before pos: "the representatives of Ankara, Kiev, and Washington will hold"."""
    lo = 0
    for h in _HARD.finditer(s.text, 0, pos):
        lo = h.end()
    found = s.parties(lo, pos)
    if not found:
        return []
    run = [found[-1]]
    for m in reversed(found[:-1]):
        between = s.text[m.end:run[0].start]
        if m.kind == "person" and run[0].kind != "person" and _OF_PARTY.fullmatch(between):
            run[0] = m  # "Ana Ruiz of Varnia and Emil Holm of Osterland": the party qualifies the person
        elif COORD.match(between) or _GOV_COORD.match(between):
            run.insert(0, m)
        else:
            break
    return run


# Every field of a Mention in __init__ order: Mention(*_MENTION_FIELDS(m)) is a shallow copy.
_MENTION_FIELDS = attrgetter(*(f.name for f in fields(Mention)))

_MENTION_CACHE: OrderedDict[tuple, tuple] = OrderedDict()  # least recently used dropped first, in O(1)
_MENTION_CACHE_SIZE = 1 << 14


@lru_cache(maxsize=1 << 15)
def _hints(text: str) -> tuple[bool, bool]:
    """(can the sentence name a meeting, does it hold a year, a month or "ago"): what find_mentions
    asks of the text alone before reading it (cached: sentences repeat)."""
    low = text.lower()
    if not _has_meeting_word(low):
        return False, False
    return True, history_hint(text, low, text_lines_up(text, low))


def find_mentions(s: Sent) -> list[Mention]:
    """The places a sentence speaks of a meeting, with the parties it names (fresh objects: callers
    fill in their identity). The reading depends only on the text, its linked names and, when the
    text holds a year, a month or "ago", the post's year and month (a phrase naming an earlier month
    is history), so it is reused for a sentence seen before (long blogs repeat sentences)."""
    meeting, dated = _hints(s.text)
    if not meeting:
        return []
    # Complete key: without a date hint _dated_elsewhere never looks at the post, the only part
    # of the sentence beyond its text and mentions that the reading uses.
    key = (s.text, tuple(s.mentions), s.post.day.year, s.post.day.month) if dated else (s.text, tuple(s.mentions))
    hit = _MENTION_CACHE.get(key)
    if hit is None:
        hit = tuple(_find_mentions(s, dated))
        if len(_MENTION_CACHE) >= _MENTION_CACHE_SIZE:
            _MENTION_CACHE.popitem(last=False)
        _MENTION_CACHE[key] = hit
    else:
        _MENTION_CACHE.move_to_end(key)  # least recently used dropped first: sentences of boilerplate stay
    out = []
    for m in hit:
        fresh = Mention(*_MENTION_FIELDS(m))  # a shallow copy: ~9x cheaper than copy.copy on a slots class
        fresh.parties = list(m.parties)
        out.append(fresh)
    return out


def _find_mentions(s: Sent, dated: bool) -> list[Mention]:
    """The mentions of a sentence that can name a meeting; `dated`: it holds a year, a month or
    "ago" (history_hint, as _hints found it)."""
    out: list[Mention] = []
    low = s.low
    lines_up = text_lines_up(s.text, low)
    # the patterns of the words before a noun, as their twins on the lower-cased words where they line up
    held_rx, hold_rx, prev_rx, resume_rx, next_rx, definite_rx = _BEFORE_TWINS if lines_up else _BEFORE_PATTERNS
    for m in noun_matches(s.text, low, lines_up):
        if _SKIP_NOUN_AFTER.match(s.text, m.end()):
            continue
        if m.group(0) == "session" and not _SESSION_DET.search(s.text, max(0, m.start() - 40), m.start()) \
                and not _SESSION_FIXED.search(s.text, max(0, m.start() - 20), m.start()):
            continue  # "a training session", "in session": not a sitting of the talks
        if m.group(0).lower() == "round" and not _ROUND_FIXED.search(s.text, max(0, m.start() - 20), m.start()) \
                and not _ROUND_DET.search(s.text, max(0, m.start() - 50), m.start()) \
                and not (_ROUND_PLACED.search(s.text, max(0, m.start() - 50), m.start()) and _TALKS_WORD.search(s.text)) \
                and not _ROUND_OF.match(s.text, m.end()):
            continue  # "came round", "all year round": not a round of talks
        noun = ("call" if m.group("call") else "working_group" if m.group("wg") else "dinner" if m.group("meal")
                else "meeting" if m.group("meet") else "talks")
        if noun == "dinner" and _MEAL_AS_PAUSE.search(s.text, max(0, m.start() - 30), m.start()):
            continue  # "paused for lunch", "after lunch": when, not a meeting ("talks over dinner" is one)
        event = noun == "talks" and _EVENT_NOUN.match(m.group(0)) is not None
        if noun == "call" and not re.search(r"phone|international|video", m.group(0), re.I) \
                and not re.match(r"\s+(?:with|between)", s.text[m.end():]) \
                and not (_THE_BEFORE.search(s.text, max(0, m.start() - 5), m.start()) and _CALL_TOLD.match(s.text, m.end())):
            continue  # ("a call for calm"; but "The call lasted about 40 minutes": the call on record)
        before = s.text[max(0, m.start() - 40):m.start()]
        lbefore = low[max(0, m.start() - 40):m.start()] if lines_up else before
        after = s.text[m.end():m.end() + 12].lower()
        parties: list[Linked] = []
        if after.lstrip().startswith("between"):
            parties = _list_after(s, m.end() + after.index("between") + 7)
        elif after.lstrip().startswith("with"):
            parties = _list_after(s, m.end() + after.index("with") + 4) + _subject_before(s, m.start(), nearest=True)
        if not parties and noun == "talks":
            listed = _WITH_LISTED.match(s.text, m.end())
            if listed is not None:
                # "opens talks today with the four parties that could form a majority: A, B, C and D"
                parties = _list_after(s, listed.end())
        if not parties and noun == "talks":
            # "Talks aimed at ending the tariff dispute between Valdoria and the ETC": the sides of
            # what the talks are about, a few words on, are theirs
            far = _BETWEEN_SOON.match(s.text, m.end())
            if far is not None and not _PRONOUN_LIST.match(s.text, far.end()):  # ("between their coast guards")
                parties = _list_after(s, far.end())
        # compound before the noun: "Russia-Ukraine talks", "the Russian and Ukrainian delegations' talks"
        comp = [x for x in s.parties(max(0, m.start() - 30), m.start()) if _only_glue(s.text[x.end:m.start()])]
        if comp and not parties:
            parties = comp
        held = bool(held_rx.search(lbefore))
        if held and not parties:
            parties = _subject_before(s, m.start(), nearest=True)
        elif not parties and hold_rx.search(lbefore):
            parties = _coordinated_before(s, m.start())
        if not parties:
            parties = _host_and_guests(s, m.start())
        if len(parties) == 1 and parties[0].kind == "person" and after.lstrip().startswith("with"):
            # "he said following talks with X": the sentence's subject is the other side
            earlier = s.last_person_before(m.start(), other_than=parties[0].key)
            parties = ([earlier] if earlier is not None else []) + parties
        resume = bool(_RESUME.match(s.text, m.end()))
        history = bool(prev_rx.search(lbefore)) or _dated_elsewhere(s, m.start(), m.end(), before, dated)
        again = resume or bool(resume_rx.search(lbefore))
        nxt = bool(next_rx.search(lbefore))
        out.append(Mention(m.start(), m.end(), noun, parties, history, nxt or again,
                           bool(definite_rx.search(lbefore)) or not before.strip() or _only_stamp(before) or resume
                           or (m.start() <= 40 and _OPENS.fullmatch(before) is not None), False, held=held, event=event,
                           resumes=again and not nxt))
    for v in verb_matches(s.text, low, lines_up):
        if any(x.start <= v.start() < x.end + 12 for x in out):
            continue
        word = v.group("v").lower()
        noun = "call" if re.search(r"call|phone|spoken\s+to|^have\s+spoken$", word) or re.search(r"\bphone\b", s.low) else "meeting"
        parties = _subject_before(s, v.start())
        if word == "have spoken" and not any(x.kind == "person" for x in parties):
            continue  # "Voters in A and B have spoken": only people who have spoken make a call
        if word.startswith("meet") or "sit down" in word or "sat down" in word or re.search(r"\bspeak\s+by\b", word):
            # "Negotiators from A, B and C meet", "X of A and Y will speak by phone": the whole list
            run = _coordinated_before(s, v.start())
            if len(run) > len(parties):
                parties = run
            talks = next((x for x in out if x.start > v.end() and not x.parties and x.noun == "talks"), None)
            if talks is not None and parties:
                talks.parties = parties  # "… meet in Geneva today for three days of talks": the talks are theirs
                if word.startswith("meet"):
                    continue  # ("sit down … for talks" stays a mention too: its tense says what happens)
        if " with" in word or word.endswith(("to", "call", "phoned")) or "spoken to" in word \
                or _WITH_NEXT.match(s.text, v.end()):  # "will speak by phone with President X"
            parties = parties + _list_after(s, v.end())
        elif word.endswith(("meet", "meeting")) and len(parties) == 1:
            # "he is ready to meet Osterland's prime minister, Emil Holm": whom he would meet
            whom = next((x for x in s.mentions if x.kind == "person" and v.end() <= x.start < v.end() + 60
                         and not re.search(r"[.;:]", s.text[v.end():x.start])), None)
            if whom is not None:
                parties = parties + [whom]
        out.append(Mention(v.start(), v.end(), noun, parties, False, False, True, True))
    out.sort(key=lambda x: x.start)
    return out


_BEFORE_PATTERNS = (_HELD, _HOLD, _PREV, _RESUME_BEFORE, _NEXT, _DEFINITE)
_BEFORE_TWINS = tuple(lowered(rx) for rx in _BEFORE_PATTERNS)
assert None not in _BEFORE_TWINS

# "the ministerial session", "its evening session", "Friday's closing session" (not "the press session"):
# a determiner, one word, the noun
_SESSION_DET = re.compile(r"\b(?:the|its|their|this|today['’]s|tomorrow['’]s|\w+['’]s)\s+"
                          r"(?:(?:first|second|third|fourth|final|last|next|opening|closing|new)\s+)?(?!press\b|photo\b|training\b|"
                          r"question\b|q&a\b|parliamentary\b|legislative\b|court\b|special\b)[a-z][\w-]*\s+$", re.IGNORECASE)
# the forms NOUN always took ("the session", "opening session", "back into session"): their own lookbehinds
_SESSION_FIXED = re.compile(r"(?:\bthe|opening|closing|final|first|next|joint|back\s+into|morning|afternoon|evening|night|['’]s)\s+$",
                            re.IGNORECASE)
# the forms NOUN always took for a round ("the round", "next round"), and a round named by a word or
# two between its determiner and the noun ("the first exploratory round", "a three-party round")
_ROUND_FIXED = re.compile(r"(?:\bthe|first|second|third|new|next|another|final)\s+$", re.IGNORECASE)
_ROUND_DET = re.compile(r"\b(?:the|a|an|its|their|this|today['’]s|tomorrow['’]s|\w+['’]s)\s+(?:(?:first|second|third|fourth|"
                        r"fifth|final|last|next|new|latest|fresh|further|opening|closing|formal|informal|exploratory|"
                        r"preliminary|decisive|technical|negotiating|\w+-\w+)\s+){1,2}$", re.IGNORECASE)
# "the Istanbul round", "this Geneva round": a round named after its place; "round of talks", "round between …"
_ROUND_PLACED = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]|[Ii]ts|[Tt]heir)\s+(?:[A-Z][\w’'-]+\s+){1,2}$")
_ROUND_OF = re.compile(r"\s+of\s+(?:[\w-]+\s+)?(?:talks|negotiations|discussions|consultations)\b", re.IGNORECASE)
# A sentence about talks (for "the Istanbul round": not "the Senate round", "the Gulf round of job cuts")
_TALKS_WORD = re.compile(r"\b(?:talks|negotiations|negotiators|delegations|sides|ceasefire|truce)\b", re.IGNORECASE)
_BETWEEN_SOON = re.compile(r"\s+(?:aimed\s+at|to|on|over|about)\s+[^.;:,()]{0,50}?\bbetween\s", re.IGNORECASE)
HISTORY_HINT = re.compile(r"\d{4}|\bago\b|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
_HISTORY_WORD = re.compile(r"\b(?:ago|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# "ago" and the month names and abbreviations all begin with one of these
_HISTORY_FIRST = ("ago", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def history_hint(text: str, low: str, lines_up: bool) -> bool:
    """HISTORY_HINT.search(text) is not None: a year, "ago" or a month in the sentence. The words
    are tried only where one of them begins (see context.lines_up)."""
    if not lines_up:
        return HISTORY_HINT.search(text) is not None
    if _FOUR_DIGITS.search(text) is not None:
        return True
    return any(_HISTORY_WORD.match(text, pos) for pos in _starts(low, _HISTORY_FIRST))


_GLUE = re.compile(r"\s?|-|['’]s?\s+(?:\w+\s+)?")


def _only_glue(between: str) -> bool:
    """Compound modifiers: "Russia-Ukraine talks", "Istanbul talks", "Moscow's talks"."""
    return _GLUE.fullmatch(between) is not None


def _dated_elsewhere(s: Sent, start: int, end: int, before: str, hint: bool = True) -> bool:
    """'the 2022 Istanbul talks', 'talks ... in April 2022': another year is history.
    `hint`: the sentence holds a year, a month or "ago" (else no phrase in it is history)."""
    if not hint:
        return False
    year = str(s.post.day.year)
    near = before[-25:]
    offset = start - len(near)  # where `near` begins in the sentence
    for y in _YEAR.finditer(near):
        if y.group(0) != year and "," not in near[y.end():] \
                and not any(w.precision == "minute" and w.start <= offset + y.start() < w.end for w in s.times):
            # ("UPDATE 1906 GMT — The talks have begun": a clock, not the year 1906)
            return True
    for w in s.times:
        if w.history and end <= w.start <= end + 70:
            return True
    return False


# ---------------------------------------------------------------- identity

def _token(k: Knowledge, name: str) -> str:
    p = k.person(name)
    singles = [a for a in (p.aliases if p else ()) if " " not in a and a.isalpha()]
    return (min(singles, key=len) if singles else name.split()[-1]).lower()


def resolve(m: Mention, s: Sent, ctx: Context) -> None:
    """Fill m.id/name/kind from its parties, or by reference to an earlier meeting."""
    k = ctx.knowledge
    if m.next_round and m.resumes and any(x.last is not None and x.last.kind == "suspended" for x in ctx.sched.values()):
        m.next_round = False  # talks paused (a day's end, a break) that "will resume" are the same talks
    if ctx.main_event is not None:
        _main_event(m, ctx)  # grows as parties get teams
    people: dict[str, Linked] = {}
    delegs: dict[str, None] = {}
    for p in m.parties:
        if p.kind == "person":
            people.setdefault(p.key, p)
        elif p.kind == "delegation":
            delegs[p.side or p.key] = None
        else:
            delegs.setdefault(p.side, None)
    if people:
        # a country named beside a person only qualifies them ("Ukraine's Zelensky")
        delegs = {d: None for d in delegs if any(x.kind == "delegation" and (x.side or x.key) == d for x in m.parties)}
    elif len(delegs) >= 2 and m.noun in ("call", "meeting") and m.parties:
        # "the presidents of Varnia and Osterland have spoken by phone": the two known presidents
        lead = _LEADERS_OF.search(s.text, max(0, m.parties[0].start - 40), m.parties[0].start)
        holders = [_holder(k, d, _role_heads(lead.group(1))) for d in delegs] if lead else []
        if holders and all(holders):
            people = {h: None for h in holders}
            delegs = {}
    # named members of delegations meeting another delegation: delegation-level;
    # in "talks", a leader stands for his side ("Zelensky ... the talks with the Russian team")
    if delegs and people and all(_side_of_person(k, n) for n in people) and m.noun not in ("dinner", "call"):
        for name in list(people):
            delegs[_member_side(k, name) or _side_of_person(k, name)] = None
        people = {}
    main = ctx.main_talks()
    if not people and len(delegs) == 1 and not m.verb:
        only = next(iter(delegs))
        if main and only in ctx.meetings[main].delegations:
            _copy(m, ctx.meetings[main], m.next_round)
            return
    if len(people) == 1 and not delegs and not m.held and m.noun in ("dinner", "call", "working_group"):
        # "Rossi's dinner": the latest dinner on record that person is at
        name = next(iter(people))
        known = [b for b in ctx.meetings.values() if b.kind == m.noun and not b.id.endswith("-next")
                 and any(kind == "person" and key == name for kind, key in b.parties)]
        if known:
            _copy(m, known[-1], False)
            return
    if people and (len(people) + len(delegs) >= 2 or m.held):
        tokens = sorted({_token(k, n) for n in people} | set(delegs))
        m.id = "-".join(tokens) + {"call": "-call", "dinner": "-dinner", "working_group": "-working-group"}.get(m.noun, "-meeting")
        names = [n for n in people] + [_deleg_name(k, d) for d in delegs]
        m.name = " – ".join(names) + {"call": " call", "dinner": " dinner", "working_group": " working group"}.get(m.noun, " meeting")
        m.party_names = tuple([("person", n) for n in people] + [("party", d) for d in delegs])
        m.kind = m.noun if m.noun in ("call", "dinner", "working_group") else (
            "preparatory" if m.held and _PREP.search(s.text) else "bilateral" if len(names) == 2 else "other")
        m.delegations = tuple(delegs)
    elif not people and len(delegs) >= 2:
        order = [d.id for d in k.delegations]
        hosts = {d.id for d in k.delegations if d.host}
        core = [d for d in delegs if d not in hosts]
        if len(core) < 2:
            core = list(delegs)
        core.sort(key=lambda d: order.index(d) if d in order else 99)
        # observers joining the main talks do not make a new meeting ("a trilateral meeting" of the sides
        # and an observer is a meeting of its own)
        if main and not m.next_round and set(ctx.meetings[main].core) <= set(core) and set(ctx.meetings[main].core) != set(core) \
                and not (_MULTILATERAL.search(s.text, max(0, m.start - 20), m.start) and len(ctx.meetings[main].core) < len(core)
                         and ctx.meetings[main].status == "happened"):  # (before the talks sit, "trilateral talks" are them)
            _copy(m, ctx.meetings[main], False)
            m.delegations = tuple(dict.fromkeys((*ctx.meetings[main].delegations, *delegs)))
            return
        # the same parties as talks already on record: those talks (a host learnt later changes no identity)
        if m.noun == "call":
            # "the presidents of A and B have spoken by phone": a call between the sides, not their talks
            call = next((b for b in ctx.meetings.values() if b.kind == "call" and set(b.delegations) == set(delegs)), None)
            if call is not None:
                _copy(m, call, False)
                return
            labels = [(k.delegation(d).label if k.delegation(d) else d).lower() for d in core]
            m.id, m.kind = "-".join(labels) + "-call", "call"
            m.delegations, m.core = tuple(delegs), tuple(core)
            m.name = " – ".join(_country(k, d) for d in core) + " call"
            m.party_names = tuple(("party", d) for d in m.delegations)
            return
        same = next((b for b in ctx.meetings.values() if not b.id.endswith("-next") and b.kind not in ("working_group", "dinner", "call")
                     and b.delegations and (set(b.delegations) == set(delegs) or set(b.core) == set(core))), None)
        if same is not None and not m.next_round:
            _copy(m, same, False)
            m.delegations = tuple(dict.fromkeys((*same.delegations, *delegs)))
            return
        labels = [(k.delegation(d).label if k.delegation(d) else d).lower() for d in core]
        m.id = "-".join(labels) + "-talks"
        m.delegations = tuple(sorted(delegs, key=lambda d: order.index(d) if d in order else 99))
        m.core = tuple(core)
        m.kind = "trilateral" if len(delegs) == 3 else ("bilateral" if len(delegs) == 2 else "other")
        m.name = " – ".join(_country(k, d) for d in core) + " talks"
        m.party_names = tuple(("party", d) for d in m.delegations)
    elif not people and not delegs and (m.definite or m.noun in ("working_group", "dinner", "call")) and not m.verb \
            and m.noun in ("talks", "meeting", "working_group", "dinner", "call"):
        shape = s.text[m.start:m.end].lower()
        if shape in ("trilateral", "bilateral"):
            # "The trilateral has begun": the latest meeting of that shape on record
            known = [b for b in ctx.meetings.values() if b.kind == shape and not b.id.endswith("-next")]
            if known:
                _copy(m, known[-1], False)
                return
        if main is not None and _MAIN_BEFORE.search(s.text, max(0, m.start - 12), m.start):
            _copy(m, ctx.meetings[main], False)  # "the main talks resume at 11:00", beside a working group's plan
            return
        # ("the talks" before any talks are named with their sides: the whole event, as "the summit" is —
        # "The Velorian and Tarvonian delegations arrived for the talks", "The talks have begun")
        target = ctx.post_meeting or main or ctx.main_event or (
            _main_event(m, ctx) if m.event or m.noun in ("working_group", "dinner", "talks") else None)
        if target is not None and target == ctx.post_meeting and main is not None and main != target:
            # "Varnia will be represented at the meeting by …" after the post named a meeting Varnia has
            # no part in (one leader's with another): the sentence's party points to the talks it is in
            named = {x.side for x in s.mentions if x.kind in ("delegation", "place") and x.side and x.end <= m.start}
            if named and not named & _sides_in_meeting(ctx.meetings[target], k) and named & set(ctx.meetings[main].delegations):
                target = main
        if m.noun in ("working_group", "dinner", "call") and (target is None or ctx.meetings[target].kind != m.noun):
            # "the dinner", "the call": the latest one on record, whoever it is between
            known = [b for b in ctx.meetings.values() if b.kind == m.noun and not b.id.endswith("-next")]
            if known:
                _copy(m, max(known, key=lambda b: b.seqs[-1] if b.seqs else 0), False)
                return
            if m.noun == "call":
                return  # "the call" with none on record is no call of the talks
        if target:
            base = ctx.meetings[target]
            if m.noun in ("working_group", "dinner") and base.kind not in ("working_group", "dinner"):
                _part_of(m, base, _staffed_by(s, m, k) if m.noun == "working_group" else ())
                # ("the working group", "the dinner": a meeting of its own beside the talks)
                return
            _copy(m, base, m.next_round)
            if base.kind == "working_group":
                # (also "It will hold its first session at 18:00, chaired by …": the post's working group)
                # "The working group, chaired by the CSR, will meet at 09:00": who chairs it, told later
                extra = tuple(d for d in _staffed_by(s, m, k) if d not in m.delegations)
                if extra:
                    m.delegations = (*m.delegations, *extra)
                    m.party_names = (*m.party_names, *(("party", d) for d in extra))
            return
    elif not people and not delegs and m.verb and ctx.post_meeting:
        _copy(m, ctx.meetings[ctx.post_meeting], False)
        return
    if m.id and m.next_round and m.id in ctx.meetings and ctx.meetings[m.id].seqs[:1] != [s.post.seq]:
        # (a "new round" of talks the blog has not told of before, or only in this very post, is the talks)
        m.id += "-next"
        m.name += " (next round)"


def main_event(ctx: Context) -> str | None:
    """The meeting a line-up or a roster belongs to when none is named: the whole event, if known."""
    return _main_event(None, ctx)


def _main_event(m: Mention | None, ctx: Context) -> str | None:
    """The talks between every negotiating party (the host aside), when a blog only ever says "the
    summit" or "the plenary": created on first mention, from what is known so far."""
    main = ctx.main_talks()
    if main is not None:
        return main  # talks named with their parties are the event
    k = ctx.knowledge
    sides = [d.id for d in k.delegations if d.negotiating and not d.host]
    mid = ctx.main_event
    if mid is None:
        if len(sides) < 2:
            return None
        labels = [(k.delegation(d).label or d).lower() for d in sides]
        mid = "-".join(labels) + "-talks"
        if mid in ctx.meetings:
            return mid  # these talks are on record already
        ctx.main_event = mid
        ctx.meetings[mid] = MeetingBuilder(mid, "", "talks")
    b = ctx.meetings[mid]
    if b.status == "happened" and not set(sides) < set(b.core):
        # once the talks have sat, their sides are known: a party given a team later (a mediator's
        # staff, a union joining a sitting) joins them, it does not make them other talks
        sides = [d for d in b.core if d in sides] if len(set(sides) & set(b.core)) >= 2 else list(b.core)
    if len(sides) >= 2 and set(sides) != set(b.core):
        # the event the blog calls "the summit" is between every party with a team, hosts and
        # mediators aside: it grows as parties get a team, and loses one found to be the host
        b.delegations = dict.fromkeys(sides)
        b.core = tuple(sides)
        b.parties = tuple(("party", d) for d in sides)
        b.name = " – ".join(_country(k, d) for d in sides) + " talks"
        b.kind = "trilateral" if len(sides) == 3 else "bilateral" if len(sides) == 2 else "talks"
    return mid


_HOST = re.compile(r"\bhost(?:s|ed|ing)?\b", re.IGNORECASE)
_HOST_GAP = re.compile(r"[^.;:!?]{0,80}$")


def _host_and_guests(s: Sent, pos: int) -> list[Linked]:
    """ "The minister will host her two counterparts, A and B, at a working dinner", "X hosted Y for talks":
    the host (the person just before the verb) and the people between the verb and the meeting word."""
    if "host" not in s.low and text_lines_up(s.text, s.low):
        return []  # no match of _HOST
    found = None
    for found in _HOST.finditer(s.text, max(0, pos - 100), pos):
        pass
    if found is None or not _HOST_GAP.match(s.text, found.end(), pos):
        return []
    guests = [x for x in s.parties(found.end(), pos) if x.kind == "person"]
    host = s.last_person_before(found.start())
    if not guests or host is None or found.start() - host.end > 30:
        return []
    return [host, *guests]


def _part_of(m: Mention, base: MeetingBuilder, extra: tuple[str, ...] = ()) -> None:
    """A working group or a dinner of the talks `base`: its own id, the talks' parties, and
    `extra` parties that staff or chair it (an organisation's experts, the mediators)."""
    suffix = m.noun.replace("_", "-")
    m.id = base.id.removesuffix("-talks") + "-" + suffix
    m.name = base.name.removesuffix(" talks") + (" working group" if m.noun == "working_group" else " dinner")
    m.kind = m.noun
    extra = tuple(d for d in extra if d not in base.delegations)
    m.delegations, m.core = (*base.delegations, *extra), tuple(base.core)
    m.party_names = (*base.parties, *(("party", d) for d in extra))


# After a working group's noun: who staffs or chairs it ("made up of officers from both sides and
# Red Cross staff", "chaired by Osterland's envoy"), up to the clause's end (a clock's "18:00" ends none).
_STAFFED = re.compile(r"(?:[^.;:]|(?<=\d)[:.](?=\d)){0,60}?\b(?:made\s+up\s+of|composed\s+of|comprising|chaired\s+by|led\s+by|headed\s+by|with"
                      # "a working group of military officers from both sides and staff from the UN"
                      r"|of\s+(?:[\w-]+\s+){0,2}(?:officers|officials|experts|staff|diplomats|negotiators|members|representatives|delegates))\b(?:[^.;:]|(?<=\d)[:.](?=\d)){0,80}",
                      re.IGNORECASE)
_STAFF_FROM = re.compile(r"\b(?:officers|officials|experts|staff|diplomats|negotiators|members|representatives|delegates)\s+from\s+(?:the\s+)?$",
                         re.IGNORECASE)
_SAID_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:said|says|told|reported|reports|announced)\b", re.IGNORECASE)


def _staffed_by(s: Sent, m: Mention, k: Knowledge) -> tuple[str, ...]:
    """Parties a working group's own clause says staff or chair it (not the source of the report)."""
    hit = _STAFFED.match(s.text, m.end)
    if hit is None:
        return ()
    out = []
    for x in s.mentions:
        if m.end <= x.start and x.end <= hit.end() and x.kind in ("delegation", "place") and x.side \
                and k.delegation(x.side) is not None and not _SAID_AFTER.match(s.text[x.end:]) \
                and (not re.search(r"\b(?:in|at|to|from|near)\s+(?:the\s+)?$", s.text[max(0, x.start - 12):x.start])
                     or _STAFF_FROM.search(s.text, max(0, x.start - 30), x.start)):
            out.append(x.side)
        elif m.end <= x.start and x.end <= hit.end() and x.kind == "person" and (
                _CHAIRED_BY.search(s.text, max(0, x.start - 40), x.start) or _IN_THE_CHAIR.match(s.text, x.end)):
            # "chaired by Father Anselm Roux", "with Dr Ilse Varga in the chair": the chair's organisation
            # (a mediator, an agency) is one of the working group's parties
            side = x.side or _side_of_person(k, x.key)
            if side and k.delegation(side) is not None:
                out.append(side)
    return tuple(dict.fromkeys(out))


_CHAIRED_BY = re.compile(r"\b(?:chaired|led|headed|convened)\s+by\s+(?:[\w’'.-]+\s+){0,3}$", re.IGNORECASE)
_IN_THE_CHAIR = re.compile(r"\s+in\s+the\s+chair\b", re.IGNORECASE)


_LEADERS_OF = re.compile(r"\b(presidents|leaders|prime\s+ministers|premiers|foreign\s+ministers|heads\s+of\s+state)\s+of\s+(?:the\s+)?$",
                         re.IGNORECASE)
_NOT_TOP = re.compile(r"\b(?:vice|deputy|former|ex-|acting)", re.IGNORECASE)


def _role_heads(plural: str) -> tuple[str, ...]:
    """"presidents" → ("president",), "prime ministers" → ("prime minister",)."""
    low = " ".join(plural.lower().split())
    return {"leaders": ("president", "prime minister", "leader", "premier"), "heads of state": ("president", "king", "queen", "emir"),
            "premiers": ("premier", "prime minister")}.get(low, (low[:-1],))


def _holder(k: Knowledge, side: str, heads: tuple[str, ...]) -> str | None:
    """The one person the text has given this side and one of these roles ("President Ana Ruiz"), else None."""
    d = k.delegation(side)
    if d is None:
        return None
    cands = [p.name for p in k.people if p.affiliation == d.country and p.role
             and any(h in p.role.lower() for h in heads) and not _NOT_TOP.search(p.role)]
    return cands[0] if len(cands) == 1 else None


def _member_side(k: Knowledge, name: str) -> str | None:
    p = k.person(name)
    return p.delegation if p else None


def _copy(m: Mention, b: MeetingBuilder, next_round: bool) -> None:
    m.id, m.name, m.kind, m.delegations, m.core = b.id, b.name, b.kind, tuple(b.delegations), tuple(b.core)
    m.party_names = b.parties
    if next_round and not b.id.endswith("-next"):
        m.id += "-next"
        m.name += " (next round)"


def _side(k: Knowledge, m: Linked) -> str | None:
    """The side a person mention speaks for: their delegation if the text gave one, else their side."""
    return m.side or _side_of_person(k, m.key)


def _sides_in_meeting(b: MeetingBuilder, k: Knowledge) -> set[str]:
    """The parties of a meeting: its delegations, and the sides of the people it is between."""
    out = set(b.delegations)
    for kind, name in b.parties:
        side = _side_of_person(k, name) if kind == "person" else name
        if side:
            out.add(side)
    return out


def side_of_person(k: Knowledge, name: str) -> str | None:
    """A person's team if the text made them a member, else the side they speak for."""
    return _side_of_person(k, name)


def _side_of_person(k: Knowledge, name: str) -> str | None:
    p = k.person(name)
    if p is None:
        return None
    if p.delegation:
        return p.delegation
    for d in k.delegations:
        if d.country and d.country == p.affiliation:
            return d.id
    return None


def _deleg_name(k: Knowledge, did: str) -> str:
    d = k.delegation(did)
    return d.name if d else did


def _country(k: Knowledge, did: str) -> str:
    d = k.delegation(did)
    return (d.country or d.name) if d else did


# ---------------------------------------------------------------- participants

_ATTENDED = re.compile(r"\bwas\s+attended\s+by\b|\bwere\s+present\b|\battended\b"
                       # "Berg, Novak and Costa arrived at the villa for Rossi's dinner": there for it
                       r"|\b(?:arrived|have\s+arrived|has\s+arrived)\s+(?:at|in)\s+[^.;]{0,40}?\bfor\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}"
                       r"(?:dinner|lunch|breakfast|meeting|talks|session|call)\b", re.IGNORECASE)
_PRESENT_LIST = re.compile(r"\b(?:includes|is\s+made\s+up\s+of|is\s+represented\s+by|consists\s+of|comprised)\b", re.IGNORECASE)
_ANNOUNCED_LIST = re.compile(r"\b(?:will\s+(?:\w+\s+)?be\s+(?:led|headed|represented|joined|accompanied)\s+(?:at\s+[^,.]{0,40}?)?by|will\s+(?:also\s+)?include|comprises|"
                             r"will\s+represent|designated\s+to\s+lead|features|nominating|will\s+be\s+made\s+up\s+of|"
                             r"which\s+will\s+be\s+headed\s+by|will\s+be\s+headed\s+by|will\s+lead|is\s+made\s+up\s+of|"
                             r"includes|is\s+represented\s+by)\b|delegation\s+will\s+be\s+led\s+by|other\s+members\s+include",
                             re.IGNORECASE)
# Matched at a name's end (pattern.match(text, pos): no "^", which would anchor at the string's start)
_SOURCE = re.compile(r"\s*(?:has\s+|had\s+)?(?:said|told|says|stressed|added|noted|claimed|reported|explained|believes)\b"
                     r"|\s*,\s*(?:has\s+)?(?:said|told)", re.IGNORECASE)
# Presence while a meeting is under way: "at the talks", "in the room", "sat facing each other", "in the chair".
_PRESENT_AT = re.compile(r"\b(?:at|during|in|into)\s+the\s+(?:\w+\s+)?(?:talks|negotiations|meeting|session|room|hall)\b|\bto\s+the\s+meeting\b"
                         r"|\b(?:sat|sits|sitting|seated)\b|\b(?:took|taken|takes|taking)\s+(?:her|his|their|its)\s+seats?\b|\b(?:at|around|across)\s+the\s+(?:head\s+of\s+the\s+|negotiating\s+)?table\b"
                         r"|\bin\s+the\s+chair\b|\bfacing\s+each\s+other\b|\bchairing\b"
                         r"|\b(?:opened|chaired|chairs|presided\s+over)\s+the\s+(?:\w+\s+)?(?:session|meeting|talks|plenary|negotiations)\b",
                         re.IGNORECASE)
def presence_cue(text: str) -> bool:
    """Does the sentence place people in a sitting meeting ("at the table", "in the chair", "took her seat",
    "has been back and forth between the two rooms")?"""
    return _PRESENT_AT.search(text) is not None or _GO_BETWEEN.search(text) is not None


# "…, at its head" leads a team; "at the head of the table" only sits there
_AT_HEAD = re.compile(r",?\s+at\s+(?:(?:its|their)\s+head\b(?!\s+of\b)|the\s+head\s+of\s+(?:the|its|their)\s+(?:delegation|team)\b)",
                      re.IGNORECASE)
_SPEAKER_VERB = re.compile(r"\b(?:remarks|speech)\b", re.IGNORECASE)


def speakers(s: Sent) -> set[str]:
    """People quoted as the source of a sentence ("..., Peskov has said")."""
    out = set()
    for m in s.mentions:
        if m.kind == "person" and _SOURCE.match(s.text, m.end):
            out.add(m.key)
    return out


_PARTICIPANT_WORDS = ("attend", "present", "includ", "made up", "represent", "compris", "consists", "led by",
                      "headed by", "will", "features", "designat", "nominat", "at the", "during the", "to the meeting",
                      "in the", "into the", "remarks", "speech", "other members", "absent", "did not", "without",
                      "skipped", "missed", "stayed away", "sat", "sits", "sitting", "seated", "table", "chair",
                      "facing", "seat", "head", "arrived", "open", "conven", "presid", "under", "between",
                      "observing", "shuttle")


def is_mediator(k: Knowledge, side: str) -> bool:
    """Is the party a host or a mediator (known, with no seat of its own at the talks)?"""
    d = k.delegation(side)
    return d is not None and (d.host or not d.negotiating)


def _names_person(mentions: list[Linked]) -> bool:
    for m in mentions:
        if m.kind == "person":
            return True
    return False


# "The call lasted 40 minutes", "the call has ended": a call already on record, told of
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_CALL_TOLD = re.compile(r"\s+(?:lasted|ended|began|started|went\s+on|took\s+place|is\s+(?:over|under\s+way)|was\s+(?:over|"
                        r"brief|short|long|cordial|businesslike)|has\s+(?:ended|begun|started))\b")


def participants_from(s: Sent, meeting: MeetingBuilder, k: Knowledge, happening: bool) -> list[Participant]:
    """Who a sentence places at the meeting: 'present' or only 'announced'."""
    out: list[Participant] = []
    if not _names_person(s.mentions) or not has_any(s.low, _PARTICIPANT_WORDS):
        return out
    src = speakers(s)
    persons = [m for m in s.mentions if m.kind == "person" and m.key not in src
               and not _POSSESSIVE.match(s.text, m.end, m.end + 2)]
    if not persons:
        return out  # (everyone placed below is one of them)
    # the cue patterns as their twins on the lower-cased sentence where it lines up (the same spans)
    aligned = text_lines_up(s.text, s.low)
    cues = s.low if aligned else s.text
    present_rx, announced_rx, attended_rx, head_rx, present_at_rx, speech_rx = \
        _PARTICIPANT_TWINS if aligned else _PARTICIPANT_PATTERNS
    present_list = present_rx.search(cues)
    announced_list = announced_rx.search(cues)
    attended = attended_rx.search(cues)
    if attended and not re.search(r"\bwill\b", s.text[:attended.start()][-20:]):
        for m in persons:
            out.append(Participant(m.key, s.post.seq, "present", s.text))
        return out
    if (announced_list or present_list) and re.search(r"\bclaim(?:ed|s)?\b|\bnot\b|\byet\s+to\b|\bwho\s+$|\bwhether\b",
                                                      s.text[:(present_list or announced_list).start()]):
        return out  # someone's claim about the line-up, a denial, or a question still open
    if announced_list or present_list:
        basis = "present" if (happening and present_list and not re.search(r"\bwill\b", s.text)) else "announced"
        lo = min(x.start() for x in (present_list, announced_list) if x is not None)
        members = [m for m in persons if m.start >= lo or (_side(k, m) and _side(k, m) in meeting.delegations)]
        if basis == "announced" and meeting.delegations:
            # a person of another side named in the same sentence is no member
            members = [m for m in members if not _side(k, m) or _side(k, m) in meeting.delegations]
        for m in members:
            out.append(Participant(m.key, s.post.seq, basis, s.text))
        return out
    out = _chairs(s, persons, happening)
    out += _go_betweens(s, persons, happening, {p.name for p in out})
    head = head_rx.search(cues)
    if head is not None and re.search(r"\btable\b", s.text[max(0, head.start() - 50):head.start()]):
        head = None  # "a long table, with Rossi at its head": the table's head, where she sits
    if head is not None:
        # "with the water minister, Samira Nassar, at its head": who leads the team
        for m in persons:
            if 0 <= head.start() - m.end <= 2:
                out.append(Participant(m.key, s.post.seq, "announced", s.text))
        if out:
            return out
    if happening and (present_at_rx.search(cues) or speech_rx.search(cues)):
        chaired = {p.name for p in out}
        for m in persons:
            side = _side(k, m)
            # the sides' members, and the mediators' and hosts' envoys in the chair (not parties)
            if m.key not in chaired and ((side and (side in meeting.delegations or not meeting.delegations or is_mediator(k, side)))
                                         or _OBSERVER.match(s.text, m.end, m.end + 60)):
                # (an observer's envoy in the room is there too: "Aydin, the Varnian observer, at one end")
                out.append(Participant(m.key, s.post.seq, "present", s.text))
    return out


def _go_betweens(s: Sent, persons: list, happening: bool, done: set[str]) -> list[Participant]:
    """Mediators carrying the talks between rooms, and observers watching them, are at them:
    "with Vale shuttling between the two rooms", "Holm and Ruiz are moving between the two
    rooms", "after shuttle diplomacy by Vale", "Vale and Holm are observing" (present while the
    talks sit; announced when the sentence is about what will be)."""
    cue = _GO_BETWEEN.search(s.text)
    if cue is None:
        return []
    out = []
    for m in persons:
        if m.key in done:
            continue
        if m.start >= cue.end():  # "shuttle diplomacy by Vale", "after three trips by Vale"
            if not _BY_GO_BETWEEN.fullmatch(s.text, cue.end(), m.start):
                continue
        elif cue.start() - m.end > 60 or any(c in s.text[m.end:cue.start()] for c in ".;") \
                or _ANOTHER_VERB.search(s.text, m.end, cue.start()):
            continue
        future = re.search(r"\bwill\b|\bto\s+be\b", s.text[:cue.start()]) is not None
        if future or happening:
            out.append(Participant(m.key, s.post.seq, "announced" if future else "present", s.text))
    return out


# Carrying talks between rooms, or watching them: the go-betweens and observers of proximity talks
_GO_BETWEEN = re.compile(
    r"\b(?:shuttl(?:e|ed|es|ing)|moving|going|been\s+back\s+and\s+forth|back\s+and\s+forth|"
    r"(?:carr(?:y|ies|ying|ied)|pass(?:es|ed|ing)?|relay(?:s|ed|ing)?)\s+(?:[\w’'-]+\s+){0,3}?messages?|made\s+(?:[\w-]+\s+){0,2}trips?)"
    # between the talks' rooms or sides (not "going to pick between two drafts", "between Port Elda and
    # the capital")
    r"\b[^.;]{0,40}?\bbetween\s+(?:them\b|(?:the\s+)?(?:two\s+|three\s+)?(?:[\w’'-]+\s+(?:and\s+(?:the\s+)?[\w’'-]+\s+)?)?"
    r"(?:rooms|delegations|sides|teams|suites|camps|parties|negotiators|floors|wings)\b)"
    r"|\bshuttle\s+diplomacy\b"
    # "Vale and Holm are observing", "with Vale and Holm observing" (not "observing the fast")
    r"|\bobserving\s*(?:[.,;)]|$)|\b(?:is|are|was|were)\s+observing\s+(?:the\s+)?(?:talks|session|plenary|negotiations|proceedings)\b",
    re.IGNORECASE)
_BY_GO_BETWEEN = re.compile(r"\s+(?:by|of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?", re.IGNORECASE)
# A verb of its own between a name and the cue: the name is another clause's subject
_ANOTHER_VERB = re.compile(r"\b(?:said|says|told|tells|added|reported|spent)\b", re.IGNORECASE)


def _chairs(s: Sent, persons: list, happening: bool) -> list[Participant]:
    """The chair of a sitting is at it, whoever's envoy they are: "Vale opened the plenary at 09:34",
    "began at 14:15 under Lena Brandt", "Vale is in the chair" (present while it sits); "Vale will
    chair the talks", "will be chaired by Vale" (announced)."""
    out = []
    for m in persons:
        after = _CHAIRS_AFTER.match(s.text, m.end)
        before = None if after else _CHAIR_BEFORE_NAME.search(s.text, max(0, m.start - 40), m.start)
        hit = after or before
        if hit is None:
            continue
        future = _CHAIR_FUTURE.search(hit.group()) is not None
        if future or happening:
            out.append(Participant(m.key, s.post.seq, "announced" if future else "present", s.text))
    return out


_POSSESSIVE = re.compile(r"['’]s?\b")
# A chair at a name's end ("Vale opened the final day's plenary", "Vale, the UN envoy, is in the chair",
# "Vale will chair the talks") or before it ("chaired by Vale", "under Vale", "with Vale chairing")
_SITTING = r"(?:session|sitting|meeting|talks|plenary|negotiations|round|working\s+group|sub-?commission|dinner|summit|conference)"
_CHAIRS_AFTER = re.compile(r"(?:,[^,.;]{1,60},)?\s+(?:has\s+|had\s+|will\s+|is\s+to\s+)?(?:"
                           # a verb of chairing with a sitting as its object: "opened the final day's plenary",
                           # "will chair the talks" (not "convened his security council", "opened a hospital")
                           r"(?:(?:re)?opened|chaired|chairs?|convened|presided\s+over|presides?\s+over)\s+"
                           r"(?:(?:the|a|an|its|their|today['’]s|this|that)\s+)?(?:[\w’'-]+\s+){0,3}?" + _SITTING + r"\b"
                           r"|(?:(?:re)?opened|chaired|convened)\s+(?:it|them)\b|chairing\b|(?:is|was)\s+in\s+the\s+chair\b)",
                           re.IGNORECASE)
_CHAIR_BEFORE_NAME = re.compile(r"\b(?:(?:will\s+be\s+)?chaired\s+by|presided\s+over\s+by|convened\s+by|under\s+the\s+chairmanship\s+of|"
                                r"(?:began|opened|started|resumed|met)\s+(?:at\s+[\d.:]+\s*(?:[ap]\.?m\.?\s*)?)?under)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
                                re.IGNORECASE)
_CHAIR_FUTURE = re.compile(r"\b(?:will|is\s+to)\s+(?:be\s+)?(?:chair|chaired|preside|open|convene)", re.IGNORECASE)
_PARTICIPANT_PATTERNS = (_PRESENT_LIST, _ANNOUNCED_LIST, _ATTENDED, _AT_HEAD, _PRESENT_AT, _SPEAKER_VERB)
_PARTICIPANT_TWINS = tuple(lowered(rx) for rx in _PARTICIPANT_PATTERNS)
assert None not in _PARTICIPANT_TWINS

# "Aydin, the Varnian observer", "Holm and Ruiz, seated at one end as observers"
_OBSERVER = re.compile(r"(?:,?\s+(?:and\s+)?(?-i:[A-Z])[\w’'-]+)?(?:,\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){0,2}observers?\b"
                       r"|[^.;]{0,40}?\bas\s+(?:an?\s+)?observers?\b)", re.IGNORECASE)
