"""Delegation status rules: each a named pattern on a verb phrase; the status
goes to the delegation that is the subject (nearest team reference, or member
of a delegation, before the verb in the same clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tui.core.extract.context import COORD, Context, Sent, clause_start, has_any
from tui.core.facts import StatusFact
from tui.core.knowledge import Knowledge
from tui.core.link import Linked


@dataclass(frozen=True, slots=True)
class StatusRule:
    name: str
    status: str
    regex: re.Pattern
    country_subject: bool = False  # "Russia will be represented by", "Zelensky ... send a delegation"


def _r(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE)


RULES: tuple[StatusRule, ...] = (
    StatusRule("will_not_attend", "will_not_attend",
               _r(r"\b(?:will|would)\s+not\s+(?:attend|take\s+part|participate|be\s+present|join|travel)\b|\bwon['’]t\s+(?:attend|take\s+part|participate|come)\b")),
    StatusRule("arrived", "arrived", _r(r"\b(?:arrived|landed)\b")),
    StatusRule("left", "left", _r(r"\b(?:has|have|had)\s+(?:just\s+)?(?:left|departed)\b|\bdeparted\s+(?:from|for)\b")),
    StatusRule("travelling", "travelling",
               _r(r"\b(?:is|are)\s+(?:now\s+)?(?:heading|headed|en\s+route|on\s+(?:its|their)\s+way|travell?ing)\b|\bheaded\s+out\s+to\b")),
    # present tense only: "will be waiting for the Ukrainian side at 10 a.m." is a plan, not where it stands
    StatusRule("waiting", "waiting", _r(r"\b(?:is|are|remains?)\s+(?:\w+\s+){0,2}waiting\b")),
    StatusRule("will_attend", "will_attend",
               _r(r"\bwill\s+(?:arrive|travel|come|attend|take\s+part|participate)\b|\b(?:expected|set|due|plans?|going)\s+to\s+(?:arrive|travel|attend|come)\b"),
               country_subject=False),
    StatusRule("send_delegation", "will_attend",
               _r(r"\b(?:decided|agreed|confirmed|will)\b[^.]{0,40}?\bsend(?:ing)?\s+a\s+delegation\b"), country_subject=True),
    StatusRule("announced", "announced",
               _r(r"\b(?:will\s+be\s+(?:led|headed|represented)\s+(?:at\s+[^,.]{0,40}?)?by|will\s+(?:also\s+)?include|comprises|designated\s+to\s+lead|"
                  r"announced\s+the\s+delegation|nominating|will\s+represent|(?:is|are)\s+(?:represented|headed|led)\s+by|"
                  r"(?:is|are)\s+made\s+up\s+of|consists\s+of|(?:is|are)\s+composed\s+of)\b|\bwill\s+be\s+led\s+by\b"), country_subject=True),
    StatusRule("located", "located",
               _r(r"\b(?:is|are|remains?|remain)\s+(?:still\s+|already\s+|even\s+)?in\s+(?:the\s+)?(?-i:(?=[A-Z]))")),
)

# Substrings one of which every status rule needs: a cheap test per sentence.
_HINT_WORDS = ("arriv", "landed", "left", "depart", "head", "route", "way", "travel", "wait", "attend", "part",
               "present", "send", "led by", "represent", "includ", "compris", "designat", "announc", "nominat",
               "remain", "is in", "are in", "made up", "consist", "compos", "join", "come", "still in", "already in", "even in")
_NEG = re.compile(r"\b(?:not|no|never|yet\s+to)\b|n['’]t\b", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:will|would|expected\s+to|plans?\s+to|set\s+to|due\s+to|going\s+to|to\s+be)\b", re.IGNORECASE)
_SPECULATIVE = re.compile(r"\b(?:could|may|might|whether|if)\b", re.IGNORECASE)
_PRONOUN_SUBJ = re.compile(r"^\s*(?:it|they|the\s+team|the\s+delegation|the\s+delegates|its\s+members)\b", re.IGNORECASE)
_FOR = re.compile(r"\bfor\s+$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|for|at|in)\s+(?:the\s+)?(?:\w+\s+){0,4}$", re.IGNORECASE)


_HARD_CLAUSE = re.compile(r"\b(?:that|whether|if|said|says|told|claimed|according\s+to)\b|[;:]")


def subjects_of(s: Sent, pos: int, k: Knowledge, country_subject: bool) -> list[str]:
    """The delegation(s) that are the subject of the verb at pos ("The Ukrainian, Turkish, and US delegations")."""
    lo = clause_start(s.text, pos)
    hard = 0
    for m in _HARD_CLAUSE.finditer(s.text, 0, pos):
        hard = m.end()
    for start in (lo, hard):  # the clause, then back over appositions ("X, led by Y, has left")
        cands = [(m, _side(m, k, country_subject, s.text, start)) for m in s.mentions if m.start >= start and m.end <= pos]
        cands = [(m, side) for m, side in cands if side]
        if cands:
            return _coordinated(s, cands[-1][0], cands[-1][1], k, country_subject)
    # "the Russian team that arrived": a relative clause's subject is the noun before it
    rel = _RELATIVE.search(s.text, 0, pos)
    if rel:
        before = [m for m in s.mentions if m.end <= rel.start() and not s.text[m.end:rel.start()].strip()]
        for m in before:
            side = _side(m, k, country_subject, s.text, m.start)
            if side:
                return [side]
    # "... said that he has arrived": the nearest member of a delegation before the clause
    if _PRONOUN.search(s.text, hard, pos):
        members = [m for m in s.mentions if m.kind == "person" and m.side and m.end <= hard]
        if members:
            return [members[-1].side]
    return []


_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?$")


def _coordinated(s: Sent, last: Linked, side: str, k: Knowledge, country_subject: bool) -> list[str]:
    """The subject and the sides coordinated with it: "the Ukrainian, Turkish, and US delegations"."""
    out = [side]
    earlier = [m for m in s.mentions if m.end <= last.start and m.kind == last.kind]
    for m in reversed(earlier):
        if not COORD.match(s.text[m.end:last.start]):
            break
        other = _side(m, k, country_subject, s.text, m.start)
        if not other:
            break
        out.append(other)
        last = m
    return list(dict.fromkeys(reversed(out)))


def _side(m: Linked, k: Knowledge, country_subject: bool, text: str, lo: int) -> str | None:
    if m.kind == "delegation":
        return m.key
    if m.kind == "person" and m.side:
        return m.side
    if country_subject and m.kind == "person":
        p = k.person(m.key)
        if p:
            for d in k.delegations:
                if d.country and d.country == p.affiliation:
                    return d.id
    if country_subject and m.kind == "place" and m.side and _COUNTRY_LEAD.fullmatch(text[lo:m.start]):
        return m.side
    return None


# what may stand before a country that is the subject: "Host nation Türkiye is represented by"
_COUNTRY_LEAD = re.compile(r"\s*(?:(?:the\s+)?host(?:\s+(?:nation|country|state))?\s+)?", re.IGNORECASE)



def where_after(s: Sent, pos: int, status: str, k: Knowledge | None = None) -> str | None:
    """The place the verb points at: 'arrived at Dolmabahce Palace', 'left Istanbul for Moscow'."""
    places = [m for m in s.mentions if m.kind == "place" and m.start >= pos and m.start - pos < 90]
    if k is not None:
        kinds = {p.name: p.kind for p in k.places}
        specific = [m for m in places if kinds.get(m.key) in ("venue", "city")]
        places = specific
    if not places:
        return None
    if status == "left":
        for m in places:
            if _FOR.search(s.text[max(0, m.start - 5):m.start]):
                return m.key
        return None
    return places[0].key


class _Hit:
    """The span of one rule match (what the rules read of a re.Match), cacheable."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


@lru_cache(maxsize=1 << 15)
def rule_hits(text: str) -> tuple[tuple[StatusRule, _Hit], ...]:
    """Every status-rule match in text, rule by rule in RULES order.

    Depends on the text alone, so it is cached (list items and boilerplate
    repeat); the cheap substring test keeps the regexes off most sentences.
    """
    if not has_any(text.lower(), _HINT_WORDS):
        return ()
    return tuple((rule, _Hit(m.start(), m.end())) for rule in RULES for m in rule.regex.finditer(text))


def status_facts(s: Sent, ctx: Context, *, refuted: bool, history: bool) -> list[StatusFact]:
    out: list[StatusFact] = []
    if refuted or history:
        return out
    k = ctx.knowledge
    hits = rule_hits(s.text)
    if not hits:
        return out
    seen: set[tuple[str, str]] = set()
    taken: list[tuple[int, int]] = []
    for rule, m in hits:
        if any(a <= m.start() < b for a, b in taken):
            continue
        subjects = subjects_of(s, m.start(), k, rule.country_subject)
        if not subjects and _PRONOUN_SUBJ.match(s.text[clause_start(s.text, m.start()):]) and ctx.post_subject:
            subjects = [ctx.post_subject]
        for subj in subjects:
            d = k.delegation(subj)
            if d is None or not d.negotiating:
                continue
            fact = _one(rule, m, subj, s, ctx, seen)
            if fact is not None:
                out.append(fact)
                taken.append((m.start(), m.end()))
                ctx.post_subject = subj
    return out


def _one(rule: StatusRule, m: _Hit, subj: str, s: Sent, ctx: Context, seen: set) -> StatusFact | None:
    """One rule match for one subject -> a fact, unless negated, speculative or stale."""
    k = ctx.knowledge
    lo = clause_start(s.text, m.start())
    aux = s.text[max(lo, m.start() - 40):m.start()]
    status = rule.status
    if rule.name in ("arrived", "left", "travelling", "waiting", "located"):
        if _NEG.search(aux):
            return None
        if _SPECULATIVE.search(aux):
            return None
        if rule.name in ("arrived",) and _PLAN.search(aux):
            status = "will_attend"
    if rule.name == "located" and _PLAN.search(aux):
        return None  # "will remain in Istanbul on Friday": a plan, not where it is
    if rule.name == "will_attend" and _NEG.search(aux):
        return None
    if rule.name in ("send_delegation", "will_attend") and _SPECULATIVE.search(s.text[lo:m.start()]) \
            and not re.search(r"\bwill\b", aux, re.I):
        return None
    if status == "announced":
        if _CLAIMED.search(s.text) or _NEG.search(s.text[lo:m.start()]):
            return None  # someone else's claim about the line-up is not an announcement
        if _PAST_RELATIVE.search(s.text, 0, m.start()):
            return None  # "X, who was designated to lead …, served as …": biography, not news
        last = ctx.last_status.get(subj)
        if last is not None and last.status not in ("announced", "will_attend", "travelling"):
            return None
    where = where_after(s, m.start(), status, k) if status not in ("announced", "will_not_attend") else None
    key = (subj, status)
    if key in seen:
        return None
    seen.add(key)
    return StatusFact(s.post.seq, subj, status, where, s.text, "rule")


_CLAIMED = re.compile(r"\bclaim(?:ed|s)?\b", re.IGNORECASE)
_PAST_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)
