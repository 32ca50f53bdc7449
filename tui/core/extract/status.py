"""Delegation status rules: each a named pattern on a verb phrase; the status
goes to the delegation that is the subject (nearest team reference, or member
of a delegation, before the verb in the same clause)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tui.core.extract.context import COORD, Context, Sent, has_any, lines_up, lowered
from tui.core.facts import StatusFact
from tui.core.knowledge import Knowledge
from tui.core.link import Linked


@dataclass(frozen=True, slots=True)
class StatusRule:
    name: str
    status: str
    regex: re.Pattern
    country_subject: bool = False  # "Russia will be represented by", "Zelensky ... send a delegation"
    subject_after: bool = False  # a noun phrase whose party follows: "the arrival of the FMM team", "the full Kestrian line-up"
    # Lower-case substrings one of which every match holds: a plain substring test per
    # sentence keeps the regex off text it cannot match (tests check each is necessary).
    hints: tuple[str, ...] = ()
    # A rule with case-sensitive parts has no twin (context.lowered): this case-sensitive pattern,
    # run on the lower-cased text first, finds something wherever the rule can match.
    gate: re.Pattern | None = None


def _r(p: str) -> re.Pattern:
    return re.compile(p, re.IGNORECASE)


# Attendance and movement rules take a person as their side ("Putin will not attend", "Rubio has landed"):
# a leader's or an envoy's own attendance counts for the side they speak for.
# Where a side is: "is in", "remains at", "has been in Port Elda since Sunday", "spent the night at the
# Hotel Miramar" (the located rule's words, and its gate's)
_LOCATED = (r"\b(?:is|are|remains?|remain|stayed|stays|stay|(?:has|have)\s+been|spent\s+the\s+(?:night|day|weekend))"
            r"\s+(?:still\s+|already\s+|even\s+)?(?:in|at)")

RULES: tuple[StatusRule, ...] = (
    StatusRule("will_not_attend", "will_not_attend",
               _r(r"\b(?:will|would|does|do|did)\s+(?:not|no\s+longer)\s+(?:be\s+)?(?:attend(?:ing)?|take\s+part|participate|be\s+present|join|travel|go|come|show\s+up)\b"
                  r"|\bwon['’]t\s+(?:be\s+)?(?:attend(?:ing)?|take\s+part|participate|come|join|travel|go)\b"
                  r"|\b(?:is|are)\s+not\s+(?:going|expected|planning|due)\s+to\s+(?:attend|travel|take\s+part|join|come|go)\b"
                  r"|\b(?:declined|refused|refuses|declines)\s+to\s+(?:attend|travel|join|take\s+part|come|go|send)\b"
                  r"|\bruled\s+out\s+(?:attending|travell?ing|taking\s+part|joining|going)\b|\bwill\s+(?:stay\s+away|skip)\b"
                  r"|\b(?:has|have|had)\s+no\s+plans?\s+to\s+(?:attend|travel|go|come|join|take\s+part|fly)\b"
                  r"|\b(?:does|do|did)\s+not\s+(?:plan|intend)\s+to\s+(?:attend|travel|go|come|join|take\s+part|fly)\b"
                  r"|\b(?:will|would)\s+not\s+send\s+(?:a\s+|its\s+|their\s+|any\s+)?(?:delegation|team|observers?|envoy|negotiators|representatives?)\b"
                  r"|\bpulled\s+out\s+of\s+the\s+(?:[\w-]+\s+)?(?:summit|conference|trip|visit|talks|negotiations|process)\b"
                  r"|\bboycott(?:s|ed|ing)?\b"), country_subject=True,
               hints=("not", "longer", "won", "declin", "refus", "ruled", "stay", "skip", "plan", "pulled", "boycott")),
    StatusRule("undecided", "undecided",
               _r(r"\b(?:has|have|had)\s+(?:yet\s+to|not\s+yet|still\s+not|still\s+to)\s+(?:decide|decided|confirm|confirmed|announce|announced|name|named|reveal|revealed|say|said)\b"
                  r"|\b(?:has|have|had)\s+not\s+(?:decided|confirmed)\s+(?:whether|if|its|their|who)\b"
                  r"|\bundecided\b|\b(?:unclear|not\s+clear|not\s+known|unknown|uncertain)\s+(?:whether|if|who)\b"
                  r"|\bno\s+decision\s+(?:has\s+been|was|had\s+been)\s+(?:made|taken)\b|\b(?:has|have)\s+not\s+said\s+(?:whether|who)\b"
                  r"|\b(?:would|will)\s+not\s+say\s+(?:whether|who)\b|\bstill\s+deciding\b"
                  # a decision still to come, a question left open: "he would make a decision on Thursday",
                  # "declined to say who would travel", "dodged a question about whether he would go"
                  r"|\b(?:will|would)\s+(?:only\s+)?(?:decide|make\s+(?:a|his|her|its|their|the)\s+(?:final\s+)?decision)\b"
                  r"|\b(?:declined|refused)\s+to\s+(?:say|confirm|reveal|disclose|comment\s+on)\s+(?:whether|if|who)\b"
                  r"|\b(?:dodged|sidestepped|evaded)\s+(?:a|the)\s+question\b"
                  # "will stay overnight and decide in the morning whether to go back"
                  r"|\band\s+(?:then\s+)?decide\s+(?:[\w’'-]+\s+){0,4}?(?:whether|if)\b"), country_subject=True,
               hints=("yet", "still", "not", "undecided", "unclear", "unknown", "uncertain", "decision", "decide", "declined",
                      "refused", "dodged", "sidestepped", "evaded")),
    StatusRule("walked_out", "walked_out",
               _r(r"\b(?:walked|stormed|marched)\s+out\b|\b(?:left|quit|abandoned)\s+the\s+(?:talks|table|negotiating\s+table|room|meeting|negotiations|session)\s+in\s+protest\b"
                  r"|\bwithdrew\s+from\s+the\s+(?:talks|negotiations|meeting|session)\b"), country_subject=True,
               hints=("walked", "stormed", "marched", "protest", "withdrew")),
    StatusRule("returned", "returned",
               _r(r"\b(?:returned|came\s+back|has\s+come\s+back|rejoined|went\s+back)\s+(?:to\s+)?the\s+(?:talks|table|negotiating\s+table|negotiations|room|venue|meeting|session"
                  r"|(?:[\w’'-]+\s+)?(?:palace|villa|hotel|building|hall|chamber|centre|center|compound|house|plenary)|(?-i:(?=[A-Z])))\b"
                  r"|\b(?:is|are|were|was)\s+back\s+(?:at|in|inside|to)\s+the\s+(?:negotiating\s+)?(?:table|talks|room|venue)\b"
                  r"|\b(?:is|are|were|was)\s+back\s+(?:at|in|inside)\s+the\s+(?:[\w’'-]+\s+)?(?:palace|villa|hotel|building|hall|chamber|centre|center|compound)\b"
                  r"|\b(?:is|are)\s+back\s+(?:at|in)\s+(?:the\s+)?(?-i:[A-Z])|\b(?:is|are)\s+(?:now\s+)?back\s*(?:[.!]|$)"), country_subject=True,
               hints=("returned", "rejoined", "back")),
    StatusRule("arrived", "arrived", _r(r"\b(?:arrived|landed|touched\s+down|checked\s+in(?:to|\s+at))\b"
                                        # "has reached the venue", not "have reached a deal" / "reached an impasse"
                                        r"|\b(?:has|have)\s+reached\b(?!\s+(?:an?|the|no|some|any|its|their)?\s*(?:[\w-]+\s+){0,2}?"
                                        r"(?:deal|agreement|accord|compromise|consensus|understanding|settlement|decision|conclusion"
                                        r"|stalemate|impasse|deadlock|breakthrough|point|stage|limit|end)\b)"
                                        r"|\b(?:has|have)\s+pulled\s+(?:into|up\s+at)\b"
                                        # "was the first to arrive", "is here", "are now here"
                                        r"|\b(?:was|were)\s+the\s+(?:first|last|second|third|next)\s+(?:[\w-]+\s+)?to\s+(?:arrive|land|get\s+here)\b"
                                        r"|\b(?:is|are)\s+(?:now\s+|already\s+|finally\s+)?here\b(?!\s+(?:for|until|since))"
                                        # a car at the door: "drew up at the palace", "swept through the palace gates"
                                        r"|\b(?:drew|pulled)\s+up\s+(?:at|outside|in\s+front\s+of)\b"
                                        r"|\b(?:swept|drove|rolled)\s+(?:in\s+)?(?:through|into)\s+the\s+(?:[\w’'-]+\s+){0,4}?"
                                        r"(?:gates?|compound|courtyard|grounds|forecourt|palace|villa|hotel|residence|building|"
                                        r"complex|ministry|pavilion|chancellery)\b"
                                        # "flew into Port Elda late on Friday" (not "flew into a rage")
                                        r"|\bflew\s+into\s+(?!(?:a|an|the)\s)"
                                        # on foot: "has just walked in", "walked across the square to the palace"
                                        r"|\bwalked\s+in\b(?!\s+(?:the|a)\s+(?:park|garden|grounds|streets?|rain))"
                                        r"|\bwalked\s+into\s+the\s+(?:[\w’'-]+\s+)?(?:room|hall|palace|venue|building|centre|center|"
                                        r"ministry|chamber|hotel|house|villa|residence|talks)\b"
                                        r"|\bwalked\s+(?:across|over|up|down)\s+[^.;,]{0,40}?\bto\s+the\s+(?:[\w’'-]+\s+)?"
                                        r"(?:palace|venue|hall|building|centre|center|hotel|ministry|house|villa|chancellery|residence)\b"),
               country_subject=True, hints=("arrived", "landed", "touched", "reached", "pulled", "first", "last", "second", "third",
                                            "next", "here", "checked", "drew", "swept", "drove", "rolled", "walked", "flew")),
    StatusRule("left", "left", _r(r"\b(?:has|have|had)\s+(?:just\s+|now\s+|already\s+)?(?:left|departed)\b"
                                  # not "has left the door open", "has left little room", "left it to the mediators"
                                  # (nor "left the room to speak to their capitals": a break, not a departure)
                                  r"(?!\s+(?:the\s+(?:door|way|question|matter|issue|decision|room|table|session)|the\s+negotiating\s+(?:room|table)"
                                  r"|open|room|little|no\b|nothing|much"
                                  r"|it\s+(?:to|up)|unanswered|undecided|behind|out\b))|\bdeparted\s+(?:from|for)\b"
                                  r"|\b(?:flew|headed)\s+(?:back\s+)?home\b|\bflew\s+back\s+to\b|\b(?:is|are)\s+leaving\b"
                                  # "has flown back to Ruta Vale", "left for the airport"
                                  r"|\b(?:has|have|had)\s+(?:now\s+|already\s+)?flown\s+(?:back\s+(?:home|to)|home)\b"
                                  r"|\bleft\s+for\s+(?:the\s+)?(?:airport|station|hotel|home|border|capital)\b"
                                  # "flew out of Port Elda", "their cars pulled out of the palace"
                                  r"|\b(?:flew|drove|pulled|swept)\s+out\s+of\s+(?!the\s+(?:talks|negotiations|deal|agreement|summit|process))"),
               country_subject=True,
               hints=("left", "departed", "home", "flew", "flown", "leaving", "out")),
    # the simple past only with where from and where to: "left Port Elda for Ruta Vale", "left for the airport"
    # (a destination is required: "left the door open for talks" names no place, see _one)
    StatusRule("left_for", "left", _r(r"\bleft\s+(?:for\s+|(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+for\s+)"),
               country_subject=True, hints=("left",)),
    StatusRule("travelling", "travelling",
               _r(r"\b(?:is|are)\s+(?:now\s+)?(?:heading|headed|en\s+route|on\s+(?:its|their|his|her)\s+way|travell?ing|flying)\b"
                  r"|\bheaded\s+out\s+to\b|\b(?:has|have)\s+set\s+(?:off|out)\s+for\b"
                  # "is now being driven to Port Elda", "the plane carrying it has been diverted"
                  r"|\b(?:is|are)\s+(?:now\s+)?being\s+(?:driven|flown|taken|bussed|escorted)\s+to\b"
                  # "the plane took off from Ruta Vale at 19:40", "is still in the air", "her plane is due at Port Elda at 06:10"
                  r"|\btook\s+off\s+(?:from|for)\b|\b(?:is|are)\s+(?:still\s+|now\s+)?(?:in\s+the\s+air|airborne)\b"
                  r"|\b(?:plane|jet|flight|aircraft)\s+is\s+(?:now\s+)?(?:due|expected)\s+(?:at|in|to\s+land)\b"), country_subject=True,
               hints=("head", "route", "way", "travel", "flying", "set", "being", "took", "air", "due", "expected")),
    # present tense only: "will be waiting for the Ukrainian side at 10 a.m." is a plan, not where it stands
    StatusRule("waiting", "waiting", _r(r"\b(?:is|are|remains?)\s+(?:\w+\s+){0,2}waiting\b"), hints=("waiting",)),
    StatusRule("will_attend", "will_attend",
               _r(r"\bwill\s+(?:arrive|travel|come|attend|take\s+part|participate|join|fly)\b"
                  # reported speech: "said it would take part in whatever format"
                  r"|\bwould\s+(?:attend|take\s+part\s+in|participate\s+in)\s+(?:the\s+|any\s+|whatever\s+|a\s+|an\s+|these\s+)?"
                  r"(?:[\w-]+\s+){0,2}?(?:talks|negotiations|round|session|meeting|format|plenary|summit|process|discussions)\b"
                  r"|\b(?:will|would)\s+be\s+(?:at|back\s+at)\s+the\s+(?:negotiating\s+)?(?:table|talks)\b"
                  r"|\b(?:will|would)\s+(?:be\s+at|attend)\s+the\s+(?:next|second|third|final|closing)\s+(?:round|session|meeting)\b"
                  r"|\b(?:will|would)\s+(?:return|go\s+back|come\s+back)\s+to\s+the\s+(?:negotiating\s+)?(?:table|talks)\b"
                  # "will be waiting for the other side at 10 a.m.": it will be there
                  r"|\bwill\s+be\s+waiting\s+for\b"
                  r"|\b(?:expected|set|due|plans?|planning|going|scheduled|slated|intends?|intending)\s+to\s+(?:arrive|travel|attend|come|take\s+part|participate|join|fly)\b"
                  r"|\b(?:agreed|decided|confirmed)\s+to\s+(?:attend|travel|take\s+part|join|come)\b"
                  r"|\bconfirmed\s+(?:its|their|his|her)\s+(?:attendance|participation)\b"), country_subject=True,
               hints=("will", "would", "arrive", "travel", "attend", "come", "take", "participate", "join", "fly", "confirmed")),
    StatusRule("send_delegation", "will_attend",
               _r(r"\b(?:decided|agreed|confirmed|will|would)\b[^.]{0,40}?\bsend(?:ing)?\s+(?:a\s+(?:delegation|team)|(?:their|its)\s+"
                  r"(?:delegations?|teams?|negotiators)|negotiators|delegations|delegates|representatives)\b"
                  r"|\b(?:is|are)\s+sending\s+(?:a|an|its|their)\s+(?:special\s+|high-level\s+)?(?:delegation|team|envoy|negotiators?)\b"
                  # "Osterland will send First Vice Foreign Minister Emil Holm to Port Elda": its envoy to the talks
                  r"|\b(?:will|would|is\s+to|plans\s+to|decided\s+to|agreed\s+to)\s+send\s+(?:its\s+|their\s+)?"
                  r"(?:(?!(?:to|a|an|the|letter|message|note)\b)[\w’'-]+\s+){0,4}?"
                  r"(?:minister|envoy|ambassador|negotiator|adviser|advisor|representative|secretary|president|premier)\b"),
               country_subject=True,
               hints=("send",)),
    StatusRule("announced", "announced",
               _r(r"\b(?:will\s+be\s+(?:led|headed|represented)\s+(?:at\s+[^,.]{0,40}?)?by|will\s+(?:also\s+)?include|comprises|designated\s+to\s+lead|"
                  r"announced\s+(?:the|its|a)\s+(?:\w+-member\s+)?(?:negotiating\s+)?(?:delegation|line-?up|team)|named\s+(?:the|its|a)\s+(?:\w+-member\s+)?(?:negotiating\s+)?(?:delegation|line-?up|team)|"
                  r"nominating|will\s+represent|(?:is|are)\s+(?:represented|headed|led)\s+by|"
                  r"(?:is|are)\s+made\s+up\s+of|consists\s+of|(?:is|are)\s+composed\s+of|includes)\b|\bwill\s+be\s+led\s+by\b"
                  # "would send a delegation headed by X": who will lead it
                  r"|(?:(?<=\ba\sdelegation\s)|(?<=\ba\steam\s))(?:led|headed)\s+by\b"
                  # "The Varnian delegation, led by Deputy Foreign Minister X, has arrived": the arrival, and who
                  # leads it told again (a line-up named is "announced" each time a post names it)
                  r"|(?:(?<=delegation,\s)|(?<=team,\s))(?:led|headed)\s+by\s+(?!(?:its|their|his|her|the|a|an|one|two)\b)"
                  # "X will fly to Port Elda and lead his country's team", "leaving Y to lead the delegation"
                  r"|\b(?:will|to|and)\s+(?:also\s+)?(?:lead|head)\s+(?:the|its|their|his|her|[\w’'-]+['’]s)\s+(?:[\w’'-]+\s+){0,2}"
                  r"(?:delegation|team|negotiators|negotiating\s+team)\b"), country_subject=True,
               hints=("led", "headed", "represent", "include", "comprises", "designated", "announced", "named", "nominating", "made",
                      "consists", "composed", "lead", "head")),
    # reports in nominal form: "Reuters also reported the arrival of the FMM team", "KNA published the full Kestrian line-up"
    StatusRule("arrival_of", "arrived", _r(r"\barrival\s+of\b"), subject_after=True, hints=("arrival",)),
    StatusRule("departure_of", "left", _r(r"\bdeparture\s+of\b"), subject_after=True, hints=("departure",)),
    StatusRule("lineup_published", "announced",
               _r(r"\b(?:published|released|unveiled|announced|named)\s+(?:the|its|their)\s+(?:full\s+|complete\s+|final\s+)?"
                  r"(?:names\s+of\s+(?:its|their|the)\b|list\s+of\b|line-?ups?\b|delegation\b)"), subject_after=True,
               hints=("published", "released", "unveiled", "announced", "named")),
    # "has still not left Port Elda": still there
    StatusRule("not_left", "located", _r(r"\b(?:has|have)\s+(?:still\s+)?not\s+(?:yet\s+)?left\b|\b(?:has|have)\s+yet\s+to\s+leave\b"),
               hints=("left", "leave")),
    StatusRule("located", "located",
               _r(_LOCATED + r"\s+(?:the\s+)?(?-i:(?=[A-Z]))"),
               hints=("is", "are", "remain", "stay", "been", "spent"),
               # (its hints are in most sentences; what it says before the capital is not)
               gate=re.compile(_LOCATED + r"\s")),
)

_NEG = re.compile(r"\b(?:not|no|never|yet\s+to)\b|n['’]t\b", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:will|would|expected\s+to|plans?\s+to|set\s+to|due\s+to|going\s+to|to\s+be)\b", re.IGNORECASE)
_SPECULATIVE = re.compile(r"\b(?:could|may|might|whether|if)\b", re.IGNORECASE)
_PRONOUN_SUBJ = re.compile(r"^\s*(?:it|they|the\s+team|the\s+delegation|the\s+delegates|its\s+members"
                           r"|(?:its|their)\s+(?:team|delegation|negotiators|negotiating\s+team)"
                           r"|(?:their|its|the)\s+(?:cars?|motorcade|convoy|plane|jet|aircraft|bus|buses))\b", re.IGNORECASE)
_FOR = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_HOME_TO = re.compile(r"\b(?:home|back)\s+to\s+(?:the\s+)?$", re.IGNORECASE)  # "flew home to Ruta Vale"
_TO = re.compile(r"\b(?:to|for|at|in)\s+(?:the\s+)?(?:\w+\s+){0,4}$", re.IGNORECASE)


_HARD_CLAUSE = re.compile(r"\b(?:that|whether|if|said|says|told|claimed|according\s+to)\b|[;:]")


def subjects_of(s: Sent, pos: int, k: Knowledge, country_subject: bool, found: list[Linked] | None = None) -> list[str]:
    """The delegation(s) that are the subject of the verb at pos ("The Ukrainian, Turkish, and US delegations").
    `found`, when given, receives the subject's mention (a person's, when a leader's own movement counts)."""
    lo = s.clause_start(pos)
    hard = 0
    for m in _HARD_CLAUSE.finditer(s.text, 0, pos):
        hard = m.end()
    for start in (lo, hard):  # the clause, then back over appositions ("X, led by Y, has left")
        cands = [(m, _side(m, k, country_subject, s.text, start, pos)) for m in s.mentions if m.start >= start and m.end <= pos]
        cands = [(m, side) for m, side in cands if side]
        if cands:
            if found is not None:
                found.append(cands[-1][0])
            return _coordinated(s, cands[-1][0], cands[-1][1], k, country_subject)
    # "the Russian team that arrived": a relative clause's subject is the noun before it
    rel = _RELATIVE.search(s.text, 0, pos)
    if rel:
        before = [m for m in s.mentions if m.end <= rel.start() and not s.text[m.end:rel.start()].strip()]
        for m in before:
            side = _side(m, k, country_subject, s.text, m.start)
            if side:
                return [side]
    # "Varnia says it will take part": the party that speaks, when it is the clause before
    if hard and _IT.match(s.text, hard):
        said = [side for m in s.mentions if m.kind in ("place", "delegation") and m.end <= hard
                and (side := _side(m, k, country_subject, s.text, s.clause_start(m.start)))]
        if said:
            return [said[-1]]
    # "... said that he has arrived": the nearest member of a delegation before the clause
    if _PRONOUN.search(s.text, hard, pos):
        members = [side for m in s.mentions if m.kind == "person" and m.end <= hard
                   and (side := _side(m, k, country_subject, s.text, m.start))]
        if members:
            return [members[-1]]
    return []


_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_IT = re.compile(r"\s+(?:that\s+)?(?:it|they)\b", re.IGNORECASE)


def _party_after(s: Sent, pos: int, k: Knowledge) -> list[str]:
    """The party a nominal report is about, right after it: "the arrival of the FMM team" (a team
    mention), "the full Kestrian line-up" (a demonym), "its line-up" (none)."""
    for m in s.mentions:
        if pos <= m.start < pos + 40:
            side = m.side if m.kind in ("delegation", "place") else None
            if side:
                return [side]
    window = s.text[pos:pos + 40]
    for word in re.findall(r"[A-Z][\w’'-]+", window):
        for d in k.delegations:
            if word in d.demonyms or word in d.places:
                return [d.id]
    return []
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?$")
# "… stayed behind when the rest of the team walked out": told in passing (news only if nothing was known)
_SUBORDINATE = re.compile(r"\b(?:when|after|since|because|as|before|until)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,6}$")


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


def _side(m: Linked, k: Knowledge, country_subject: bool, text: str, lo: int, verb: int | None = None) -> str | None:
    """The party a mention stands for as the subject of a status verb (at `verb`), or None."""
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
    if m.kind == "place" and _DATELINE.match(text, m.end) and text[m.start:m.end].isupper():
        return None  # "CAIRO, Nov 18 (Reuters) -": where the story was filed, not who acts
    if country_subject and m.kind == "place" and m.side and _COUNTRY_LEAD.fullmatch(text[lo:m.start]):
        return m.side
    if m.kind == "place" and m.side and verb is not None and _SUBJECT_LEAD.fullmatch(text[lo:m.start]) \
            and _POSS_ROLE_TO_VERB.fullmatch(text, m.end, verb):
        return m.side  # "Varnia's chief negotiator walked out": its negotiator's move is the side's
    return None


# Between a party and its verb: its negotiator or team ("'s chief negotiator has", "’s delegation")
_POSS_ROLE_TO_VERB = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:negotiators?|delegations?|team|teams|envoy|minister|"
                                r"president|leader|representatives?|delegates?)\s+(?:(?:has|have|had|is|are|was|were|"
                                r"just|also|now|reportedly|then)\s+)*", re.IGNORECASE)
# before "Varnia's negotiator" as a subject: the clause's own opening ("after", "when" …)
_SUBJECT_LEAD = re.compile(r"\s*(?:(?:after|before|when|while|as|since|because|until|and|but)\s+)?(?:the\s+)?", re.IGNORECASE)
_DATELINE = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b")
# what may stand before a party that is the subject: "Host nation Türkiye is represented by",
# "The Liberation Front has not yet confirmed", "The United States will send"
_COUNTRY_LEAD = re.compile(r"\s*(?:the\s+)?(?:host(?:\s+(?:nation|country|state))?\s+)?", re.IGNORECASE)



def where_after(s: Sent, pos: int, status: str, k: Knowledge | None = None) -> str | None:
    """The place the verb points at: 'arrived at Dolmabahce Palace', 'left Istanbul for Moscow'."""
    places = [m for m in s.mentions if m.kind == "place" and m.start >= pos and m.start - pos < 90]
    if not places:
        return None
    if k is not None:
        kinds = {p.name: p.kind for p in k.places}
        specific = [m for m in places if kinds.get(m.key) in ("venue", "city")]
        places = specific
    if not places:
        return None
    if status == "left":
        for m in places:
            if _FOR.search(s.text, max(0, m.start - 9), m.start) or _HOME_TO.search(s.text, max(0, m.start - 14), m.start):
                return m.key
        return None
    return places[0].key


def from_after(s: Sent, pos: int) -> str | None:
    """The place a departure leaves: 'left Ankara for Istanbul', 'has departed from Geneva' —
    the first place after the verb that is not where it goes ('for …', 'to …')."""
    # (any place, a capital or a country too: "left Moscow for Istanbul", "left Port Elda for Ruta Vale")
    for m in s.mentions:
        if m.kind != "place" or m.start < pos:
            continue
        if m.start - pos >= 60:
            break
        if _FOR.search(s.text, max(0, m.start - 9), m.start) or _TO_BEFORE.search(s.text, max(0, m.start - 12), m.start):
            return None  # the first place named is the destination
        return m.key
    return None


_TO_BEFORE = re.compile(r"\b(?:to|towards?|into)\s+(?:the\s+)?$", re.IGNORECASE)


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
    repeat); each rule's substring hints keep its regex off most sentences.
    """
    low = text.lower()
    same = lines_up(text, low)
    out = []
    for rule, twin in zip(RULES, _TWINS):
        if has_any(low, rule.hints):
            if same and rule.gate is not None and rule.gate.search(low) is None:
                continue
            twin = twin if same else None  # case-sensitive on low: the same spans, faster
            out += [(rule, _Hit(m.start(), m.end())) for m in (twin.finditer(low) if twin else rule.regex.finditer(text))]
    return tuple(out)


# Each rule's twin, found once (hashing a compiled pattern to look it up costs microseconds).
_TWINS = tuple(lowered(r.regex) for r in RULES)


def status_facts(s: Sent, ctx: Context, *, refuted: bool) -> list[StatusFact]:
    """The status facts a sentence states (none for a refuted claim or a sentence about another year)."""
    out: list[StatusFact] = []
    if refuted:
        return out
    k = ctx.knowledge
    hits = rule_hits(s.text)
    if not hits or s.history or _report_denied(s):
        return out  # "Reports that Varnia had walked out are wrong": nobody walked out
    seen: set[tuple[str, str]] = set()
    taken: list[tuple[int, int]] = []
    for rule, m in hits:
        if any(a <= m.start() < b for a, b in taken):
            continue
        by: list[Linked] = []
        subjects = _party_after(s, m.end(), k) if rule.subject_after else subjects_of(s, m.start(), k, rule.country_subject, by)
        person = by[0].key if by and by[0].kind == "person" and len(subjects) == 1 else ""
        if person and (p := k.person(person)) is not None and p.delegation == subjects[0]:
            person = ""  # a member of the delegation moves with it: "Medinsky has left for Moscow" is its departure
        if not subjects and _PRONOUN_SUBJ.match(s.text[s.clause_start(m.start()):]) and ctx.post_subject:
            subjects = [ctx.post_subject]
        if not subjects and rule.status in _EVENTS + ("located", "waiting", "travelling") and not rule.subject_after \
                and _BOTH_SIDES.fullmatch(s.text, s.clause_start(m.start()), m.start()):
            # "Both delegations have now arrived at the villa" (the subject of the verb, with no other
            # parties in the sentence: "Estonia and Latvia held talks; both delegations have left" is theirs)
            sides = _sides_of_the_talks(ctx)
            others = {x.side for x in s.mentions if x.side and x.kind in ("place", "delegation")} - set(sides)
            subjects = [] if others else sides
        background = _RELATIVE.search(s.text, 0, m.start()) is not None \
            or _SUBORDINATE.search(s.text, max(0, m.start() - 80), m.start()) is not None
        recap = rule.status in _EVENTS and _on_an_earlier_day(s, m.start())
        if rule.status == "will_not_attend" and _said_of_a_minister(s, m.start(), k):
            # a minister, an envoy or an aide staying away ("the foreign minister will not be present")
            # is that person's absence, not their side's; a head of state's or government's is the side's
            subjects = []
        for subj in subjects:
            d = k.delegation(subj)
            # a party the posts have not given a team takes part once a status says so;
            # a knowledge file's "negotiating = false" stands
            if d is None or (not d.negotiating and getattr(k, "listed", lambda _: True)(subj)):
                continue
            fact = _one(rule, m, subj, s, ctx, seen)
            if fact is not None and person and fact.status in _OWN_MOVES:
                fact = replace(fact, person=person)  # the side's status, told of one of its people
            if fact is not None and recap and ctx.last_status.get(subj) is not None:
                # a summary's "walked out on Monday evening and returned the next morning": a further
                # source of what was told, not the side's status now
                fact = replace(fact, confirms=True, recap=True)
            if fact is not None:
                out.append(replace(fact, confirms=True) if background else fact)
                taken.append((m.start(), m.end()))
                ctx.post_subject = subj
    return out


_EVENTS = ("walked_out", "returned", "arrived", "left")  # told in the past tense: a recap when dated before the post
# Where a team sleeps or waits, not where the talks sit: "back at the Hotel Miramar", "back at its embassy"
_LODGING = re.compile(r"[^.;,]{0,30}?\b(?:hotels?|residence|embassy|consulate|airport|guest\s*house|home)\b", re.IGNORECASE)
# The sides of the talks together, as a subject: "both delegations", "the two sides", "all three teams"
_BOTH_SIDES = re.compile(r"\s*(?:(?:now|meanwhile|by\s+then),?\s+)?(?:both|the\s+two|the\s+three|all\s+(?:the\s+)?(?:two\s+|three\s+)?)\s+"
                         r"(?:delegations|sides|teams|negotiating\s+teams)\s+(?:have|has|had|are|were|is|was|will)?\s*"
                         r"(?:now\s+|just\s+|also\s+|finally\s+|already\s+|both\s+)?", re.IGNORECASE)


def _sides_of_the_talks(ctx: Context) -> list[str]:
    """The sides of the main talks as posts so far tell them (none before any talks are named)."""
    top = ctx.main_talks() or ctx.main_event
    b = ctx.meetings.get(top) if top else None
    return list(b.core) if b is not None and len(b.core) >= 2 else []


def _on_an_earlier_day(s: Sent, pos: int) -> bool:
    """Does the clause of the verb at pos date it to a day before the post's ("walked out on Monday
    evening and returned the next morning", in Wednesday's summary)? Then it is a recap."""
    lo, day = s.clause_start(pos), s.post.day
    return any(w.dt is not None and lo <= w.start and w.dt.astimezone(w.dt.tzinfo).date() < day for w in s.times)


_OWN_MOVES = ("will_attend", "will_not_attend", "undecided", "travelling", "arrived", "left", "located")

# Heads of state or government: their own attendance stands for their side's.
_LEADER = re.compile(r"\b(?:president|prime\s+minister|premier|chancellor|king|queen|emir|sultan|leader|head\s+of\s+state)\b",
                     re.IGNORECASE)
_NOT_LEADER = re.compile(r"\b(?:vice|deputy|former|ex-)", re.IGNORECASE)


def _said_of_a_minister(s: Sent, pos: int, k: Knowledge) -> bool:
    """Is the verb's subject (the nearest name before pos in its clause) a person who does not lead
    their country (a minister, an envoy, an aide)?"""
    lo = s.clause_start(pos)
    before = [x for x in s.mentions if lo <= x.start and x.end <= pos and x.kind in ("person", "delegation", "place")]
    if not before or before[-1].kind != "person":
        return False
    p = k.person(before[-1].key)
    role = f"{p.role if p else ''} {s.text[max(lo, before[-1].start - 40):before[-1].start]}"
    return not (_LEADER.search(role) and not _NOT_LEADER.search(role))


def absentees(s: Sent, k: Knowledge) -> list[tuple[str, str]]:
    """(person, side) for each named person the sentence says will not attend ("Putin will not attend the talks")."""
    out = []
    for rule, m in rule_hits(s.text):
        if rule.status != "will_not_attend":
            continue
        found = _person_subject(s, m.start(), k)
        if found:
            out.append(found)
    return out


def movers(s: Sent, k: Knowledge, facts: list[StatusFact]) -> list[tuple[str, str]]:
    """(person, side) for each named person the sentence says will come ("Prime Minister X
    will fly to Port Elda for the talks", "X is expected to attend"), where `facts` (this
    sentence's status facts) holds will_attend for their side. ("The president has decided to
    send a delegation" is not his own coming; an arrival may be a stop on another trip.)"""
    out = []
    for rule, m in rule_hits(s.text):
        if rule.name != "will_attend":
            continue
        # the clause, then back over an apposition ("Varnia's prime minister, Ruta Vale, will fly")
        found = _person_subject(s, m.start(), k, over_apposition=True)
        if found and any(f.delegation == found[1] and f.status == "will_attend" for f in facts):
            out.append(found)
    return list(dict.fromkeys(out))


def _person_subject(s: Sent, pos: int, k: Knowledge, *, over_apposition: bool = False) -> tuple[str, str] | None:
    """(person, side) for the last person named in the clause before the verb at pos, when the
    knowledge gives them a side; `over_apposition`: else the last one since the previous hard
    clause boundary ("X's prime minister, Y, will …")."""
    lo = s.clause_start(pos)
    people = [x for x in s.mentions if x.kind == "person" and lo <= x.start and x.end <= pos]
    if not people and over_apposition:
        hard = max((h.end() for h in _HARD_CLAUSE.finditer(s.text, 0, pos)), default=0)
        people = [x for x in s.mentions if x.kind == "person" and hard <= x.start and x.end <= pos]
    if not people:
        return None
    side = _side(people[-1], k, True, s.text, lo)
    return (people[-1].key, side) if side else None


def _one(rule: StatusRule, m: _Hit, subj: str, s: Sent, ctx: Context, seen: set) -> StatusFact | None:
    """One rule match for one subject -> a fact, unless negated, speculative or stale."""
    k = ctx.knowledge
    lo = s.clause_start(m.start())
    aux = s.text[max(lo, m.start() - 40):m.start()]
    status = rule.status
    if rule.name in ("arrived", "left", "travelling", "waiting", "located"):
        if _NEG.search(aux):
            return None
        if _SPECULATIVE.search(aux):
            return None
        if rule.name in ("arrived",) and _PLAN.search(aux):
            status = "will_attend"
        if rule.name == "arrived" and _FOR_MEAL.search(s.text, m.end(), m.end() + 60):
            return None  # leaders arriving at a villa for a dinner: the dinner's guests, not the side's arrival
    if rule.name == "located" and _PLAN.search(aux) and ctx.arrived_at.get(subj) != where_after(s, m.start(), "located", k):
        # "will remain in Istanbul on Friday" before arriving: a plan, not where it is; "will stay in
        # Yalikoy for as long as it takes" where it arrived (and has not left): it is there, and stays
        return None
    if rule.name == "returned":
        last = ctx.last_status.get(subj)
        back = subj in ctx.walked_out or (last is not None and (
            last.status in ("walked_out", "left") or (last.status == "returned" and last.seq == s.post.seq)))
        told = s.text[m.start():m.end()]
        to_the_talks = re.search(r"\b(?:table|talks|negotiations|session|meeting|plenary)\b", told, re.IGNORECASE)
        if not back or (not to_the_talks and (_LODGING.match(s.text, m.end()) or _LODGING.search(told))):
            # "back at the venue" the next morning: where it is, not a return from a walkout; "back at
            # the Hotel Miramar" after one: where it went, not back at the talks
            status = "located"
    if rule.name == "will_attend" and _NEG.search(aux):
        return None
    if status in ("will_attend", "will_not_attend") and _QUESTION_BEFORE.search(s.text, max(0, lo - 12), m.start()):
        return None  # "has yet to decide whether X will attend": a question, not an answer
    if rule.name in ("send_delegation", "will_attend") and _SPECULATIVE.search(s.text[lo:m.start()]) \
            and not re.search(r"\bwill\b", aux, re.I):
        return None
    if status == "announced":
        if _CLAIMED.search(s.text) or _NEG.search(s.text[lo:m.start()]):
            return None  # someone else's claim about the line-up is not an announcement
        if _PAST_RELATIVE.search(s.text, 0, m.start()):
            return None  # "X, who was designated to lead …, served as …": biography, not news
    where = where_after(s, m.start(), status, k) if status not in ("announced", "will_not_attend") else None
    if rule.name == "left_for" and where is None:
        return None  # no place to go to: not a departure ("left the door open for talks")
    origin = from_after(s, m.start()) if status == "left" else None
    if status == "travelling" and re.match(r"took\s+off\s+from\b", s.text[m.start():m.end() + 6], re.I):
        # "its plane took off from Istanbul Airport": where it left, not where it is going
        where, origin = None, where
    key = (subj, status)
    if key in seen:
        return None
    seen.add(key)
    return StatusFact(s.post.seq, subj, status, where, s.text, "rule", from_where=origin)


_FOR_MEAL = re.compile(r"\bfor\s+(?:the\s+|a\s+|[\w’'-]+['’]s\s+)?(?:working\s+)?(?:dinner|lunch|breakfast|banquet|reception)\b",
                       re.IGNORECASE)
_QUESTION_BEFORE = re.compile(r"\b(?:whether|if)\s+(?:[\w’'-]+\s+){0,6}?(?:will|would|is|are|plans?|intends?)?\s*$", re.IGNORECASE)
_REPORT_DENIED = re.compile(r"\b(?:reports?|claims?|suggestions?|rumou?rs?)\s+(?:that|of)\b[^.;]{0,120}?\b(?:is|are|was|were)\s+"
                            r"(?:wrong|false|untrue|inaccurate|incorrect|baseless|unfounded)\b"
                            r"|\b(?:denied|dismissed|rejected)\s+(?:the\s+|any\s+|a\s+|media\s+)?(?:[\w-]+\s+)?(?:reports?|claims?|suggestions?)\s+(?:that|of)\b",
                            re.IGNORECASE)
_REPORT_DENIED_LOW = lowered(_REPORT_DENIED)  # its twin for lower-cased text that lines up
_REPORT_WORDS = ("report", "claim", "suggestion", "rumo")  # every match of _REPORT_DENIED holds one


def _report_denied(s: Sent) -> bool:
    """Does the sentence deny a report ("Reports that Varnia had walked out are wrong")? Where the
    lower-cased text lines up, a sentence holding none of the report nouns cannot."""
    low = s.low
    if lines_up(s.text, low):
        return has_any(low, _REPORT_WORDS) and _REPORT_DENIED_LOW.search(low) is not None
    return _REPORT_DENIED.search(s.text) is not None
_CLAIMED = re.compile(r"\bclaim(?:ed|s)?\b", re.IGNORECASE)
_PAST_RELATIVE = re.compile(r",\s+(?:who|which)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?$", re.IGNORECASE)
