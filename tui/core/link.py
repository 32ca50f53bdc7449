"""Entity linking: people, delegations, places and outlets named in a text.

One compiled regex (a trie of every surface form, so the longest form wins at
each position) scans a post once.  Surface forms come from the knowledge file:
names and aliases, role phrases ("the Kremlin spokesman"), and generated team
phrases ("Russian delegation", "Moscow's negotiators"); possessives ('s / ’s)
are accepted after any of them.  A second small regex links coordinated lists
("the Russian, Ukrainian, and Turkish delegations", "teams from Moscow, Kiev,
and Ankara") to each delegation.

Policy (see README): a collective reference to a negotiating team links to the
delegation; a bare country or capital ("Moscow", "Ukraine") is a place (it
names the state, not its negotiators) but remembers its side, so extraction can
read "talks between Moscow and Kiev" as the two delegations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from tui.core.facts import Mention, PostEntities
from tui.core.knowledge import Knowledge

_APOS = "['’]"


class Linked(NamedTuple):
    """A mention with what extraction needs beyond the public Mention.

    A NamedTuple, not a dataclass: a 100k-post blog creates millions of these
    and tuple construction is several times cheaper than a frozen dataclass.
    """

    start: int
    end: int
    kind: str  # person | delegation | place | outlet
    key: str
    side: str | None = None  # delegation id: a member's team, or the side a place names
    role: bool = False  # matched through a role phrase

    def mention(self) -> Mention:
        return Mention(self.start, self.end, self.kind, self.key)


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    key: str
    side: str | None
    role: bool


_MISSING = object()
_SURFACE_CACHE = 1 << 14  # distinct spellings seen; bounded so hostile input cannot grow it


def norm(surface: str) -> str:
    return " ".join(surface.replace("’", "'").lower().split())


def _atoms(surface: str, fold_words: bool) -> list[str]:
    """Regex atoms, one per character; case-folds first letters where safe."""
    atoms: list[str] = []
    words_start = True
    word_index = 0
    for i, ch in enumerate(surface):
        if ch.isspace():
            if atoms and atoms[-1] != r"\s+":
                atoms.append(r"\s+")
            words_start = True
            continue
        if ch in "'’":
            atoms.append(_APOS)
        elif ch in "-‐–":
            atoms.append("[-‐–]")
        elif ch.isalpha() and words_start:
            word = re.match(r"[^\s]+", surface[i:]).group(0)
            all_caps = sum(c.isupper() for c in word) > 1 or (len(word) == 1 and word.isupper())
            fold = not all_caps and (fold_words or word_index == 0 and word[0].islower() or word[0].islower())
            atoms.append(f"[{ch.upper()}{ch.lower()}]" if fold and ch.upper() != ch.lower() else re.escape(ch))
        else:
            atoms.append(re.escape(ch))
        if words_start:
            word_index += 1
        words_start = False
    return atoms


def _trie_regex(forms: list[list[str]]) -> str:
    trie: dict = {}
    for atoms in forms:
        node = trie
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        kids = [(a, n) for a, n in node.items() if a != ""]
        if not kids:
            return ""
        # longer branches first so alternation prefers the longest form
        alts = [a + emit(n) for a, n in sorted(kids, key=lambda kv: -_depth(kv[1]))]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for a, n in node.items() if a != ""), default=0)


class Linker:
    """Built once per Knowledge; link(text) is one regex pass plus a list pass."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.entries: dict[str, _Entry] = {}
        self._by_surface: dict[str, _Entry | None] = {}  # matched text as written -> entry (saves norm())
        forms: list[list[str]] = []

        def add(surface: str, entry: _Entry, fold_words: bool) -> None:
            key = norm(surface)
            if not key:
                return
            old = self.entries.get(key)
            if old is not None:
                # keep the more specific reading: person/outlet/delegation over a place
                if old.kind != "place" or entry.kind == "place":
                    if old.kind == "place" and entry.kind == "place" and entry.side and not old.side:
                        self.entries[key] = entry
                    return
            self.entries[key] = entry
            forms.append(_atoms(surface, fold_words))

        team_nouns = knowledge.team_nouns
        side_of_place: dict[str, str] = {}
        for d in knowledge.delegations:
            for p in d.places:
                side_of_place[norm(p)] = d.id
        for p in knowledge.people:
            e = _Entry("person", p.name, p.delegation, False)
            for s in (p.name, *p.aliases):
                add(s, e, False)
            for s in p.roles:
                add(s, _Entry("person", p.name, p.delegation, True), True)
        for o in knowledge.outlets:
            for s in (o.name, *o.aliases):
                add(s, _Entry("outlet", o.name, None, False), False)
        for d in knowledge.delegations:
            e = _Entry("delegation", d.id, d.id, False)
            for s in d.aliases:
                add(s, e, True)
            for dem in d.demonyms:
                for n in team_nouns:
                    add(f"{dem} {n}", e, True)
            for p in d.places:
                for n in team_nouns:
                    add(f"{p}'s {n}", e, True)
        for pl in knowledge.places:
            for s in (pl.name, *pl.aliases):
                add(s, _Entry("place", pl.name, side_of_place.get(norm(s)), False), False)
        for d in knowledge.delegations:  # side names not listed as places
            for p in d.places:
                name = p[4:] if p.lower().startswith("the ") else p
                add(p, _Entry("place", name, d.id, False), False)

        if forms:
            body = _trie_regex(forms)
            self.regex: re.Pattern | None = re.compile(rf"(?<![\w.])({body})(?:{_APOS}s|(?<=s){_APOS})?(?![\w])")
        else:
            self.regex = None

        # Coordinated lists of sides: "the Russian, Ukrainian, and Turkish delegations",
        # "teams from Moscow, Kiev, and Ankara", "representatives of Russia, Ukraine and Türkiye".
        self.side_word: dict[str, str] = {}
        for d in knowledge.delegations:
            for w in (*d.demonyms, *d.places):
                self.side_word[norm(w)] = d.id
        self.list_regex = None
        if self.side_word:
            dem = "|".join(sorted((re.escape(w) for d in knowledge.delegations for w in d.demonyms), key=len, reverse=True))
            plc = "|".join(sorted((re.escape(w) for d in knowledge.delegations for w in d.places), key=len, reverse=True))
            plural = "|".join(sorted((re.escape(n) for n in team_nouns if n.endswith("s")), key=len, reverse=True))
            anyn = "|".join(sorted((re.escape(n) for n in team_nouns), key=len, reverse=True))
            dem_list = rf"(?:{dem})(?:\s*,\s*(?:and\s+)?(?:{dem})|\s+and\s+(?:{dem}))+"
            the = r"(?:the\s+)?"
            plc_list = rf"{the}(?:{plc})(?:\s*,\s*(?:and\s+)?{the}(?:{plc})|\s+and\s+{the}(?:{plc}))*"
            self.list_regex = re.compile(
                rf"(?<![\w])(?:(?P<dl>{dem_list})\s+(?:{plural})|(?:{anyn})\s+(?:from|of)\s+(?P<pl>{plc_list}))(?![\w])"
            )
            self.side_item = re.compile(rf"(?<![\w])({dem}|{plc})(?![\w])")

    # ------------------------------------------------------------------
    def link(self, text: str) -> list[Linked]:
        out: list[Linked] = []
        if self.regex is not None:
            self._scan(text, 0, len(text), out)
        if self.list_regex is not None and ("and" in text or " from " in text or " of " in text):
            out = self._lists(text, out)
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _scan(self, text: str, pos: int, endpos: int, out: list[Linked]) -> None:
        regex = self.regex
        entries = self.entries
        by_surface = self._by_surface
        for m in regex.finditer(text, pos, endpos):
            surface = m.group(1)
            entry = by_surface.get(surface, _MISSING)
            if entry is _MISSING:
                entry = entries.get(norm(surface))
                if len(by_surface) < _SURFACE_CACHE:
                    by_surface[surface] = entry
            if entry is None:
                continue
            out.append(Linked(m.start(1), m.end(1), entry.kind, entry.key, entry.side, entry.role))
            if entry.role:
                # names inside a phrase: "Putin's spokesman", "the head of the Russian delegation"
                # (two scans: one that cannot reach the phrase's end, one that
                # cannot start at its start, so the phrase itself never re-matches)
                inner: list[Linked] = []
                self._scan(text, m.start(1), m.end(1) - 1, inner)
                self._scan(text, m.start(1) + 1, m.end(1), inner)
                seen = set()
                for x in inner:
                    if x.key != entry.key and (x.start, x.end) not in seen:
                        seen.add((x.start, x.end))
                        out.append(x)

    def _lists(self, text: str, found: list[Linked]) -> list[Linked]:
        extra: list[Linked] = []
        for m in self.list_regex.finditer(text):
            group = "dl" if m.group("dl") else "pl"
            gs, ge = m.span(group)
            for item in self.side_item.finditer(text, gs, ge):
                side = self.side_word.get(norm(item.group(1)))
                if side:
                    extra.append(Linked(item.start(1), item.end(1), "delegation", side, side))
        if not extra:
            return found
        taken = {(x.start, x.end) for x in extra}
        spans = [(x.start, x.end) for x in extra]
        kept = [f for f in found
                if (f.start, f.end) not in taken
                and not (f.kind in ("place", "delegation") and any(s < f.end and f.start < e for s, e in spans))]
        return kept + extra

    def entities(self, text: str, linked: list[Linked] | None = None) -> PostEntities:
        linked = self.link(text) if linked is None else linked
        return entities_from(linked)


def entities_from(linked: list[Linked], extra_delegations: tuple[str, ...] = ()) -> PostEntities:
    people: dict[str, None] = {}
    delegations: dict[str, None] = {}
    outlets: dict[str, None] = {}
    for m in linked:
        if m.kind == "person":
            people[m.key] = None
        elif m.kind == "delegation":
            delegations[m.key] = None
        elif m.kind == "outlet":
            outlets[m.key] = None
    for d in extra_delegations:
        delegations[d] = None
    return PostEntities(tuple(people), tuple(delegations), tuple(outlets), tuple(m.mention() for m in linked))
