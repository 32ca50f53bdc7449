"""What has been learnt from the posts so far: people, parties, places, outlets.

The registry only grows, post by post, oldest first. Every record and every
attribute carries the post (`seq`) it was learnt from, so `knowledge_at(k)`
rebuilds exactly what was known after post k — a side learnt in post 60
never shows at post 10. A knowledge file's entries are loaded first with
seq 0 and are never overridden by discovery (the file wins).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from tui.core.discover.fold import fold
from tui.core.discover.names import same_name, same_word, skeleton
from tui.core.discover.tokens import ANY, FormTable
from tui.core.knowledge import Delegation, Knowledge, Outlet, Person, Place

# Colours for delegation rows, assigned in order of first mention (readable on dark and light).
PALETTE = ("#d94f4f", "#4f8fd9", "#d9a84f", "#5fb35f", "#a86fd9", "#4fc4c4", "#d96fa8", "#9a9a5a")


@dataclass(slots=True)
class PersonRec:
    key: str  # the name as first written in full (stable: facts refer to it)
    first_seq: int
    parts: tuple[str, ...]  # name parts of the fullest form seen
    forms: list[str] = field(default_factory=list)
    role: str = ""
    side: str | None = None  # party id
    delegation: str | None = None  # party id of the team the text says they belong to
    fixed: bool = False  # from a knowledge file: discovery adds spellings only


@dataclass(slots=True)
class PartyRec:
    id: str  # "russia", "united_states", "hamas"
    name: str  # shown: the country's name as the text writes it ("Türkiye")
    first_seq: int
    kind: str = "country"  # country | organisation | group
    code: str = ""  # ISO alpha-2 for countries
    label: str = ""
    color: str = ""
    forms: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str = ""
    negotiating: int | None = None  # seq from which the text gives it a delegation / team
    host: int | None = None  # seq from which the text says it hosts
    fixed: bool = False
    display: str = ""  # a knowledge file's own name for the delegation ("Russian delegation")
    government: int | None = None  # seq from which the text names its government ("Varnia's government")

    @property
    def shown(self) -> str:
        return self.display or self.name


@dataclass(slots=True)
class PlaceRec:
    name: str
    first_seq: int
    kind: str = "city"  # venue | city | country | region
    country: str = ""  # ISO alpha-2, when known
    forms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class OutletRec:
    name: str
    first_seq: int
    forms: list[str] = field(default_factory=list)


def outlet_key(name: str) -> str:
    """"RIA-Novosti", "RIA Novosti", "The Guardian" and "Guardian" share a key."""
    return re.sub(r"^the", "", re.sub(r"[^0-9a-z]+", "", fold(name)))


def party_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_") or "party"


def short_forms(parts: tuple[str, ...]) -> list[str]:
    """How the text may later name a person by one word: the last name ("Fidan"); without its
    article ("al-Qadri" → "Qadri"); the family name written first in a name whose given
    name is hyphenated syllables ("Seo Ha-neul" → "Seo"); the first of two family names
    ("Ana Urdaneta Olazábal" → "Urdaneta", as Spanish and Portuguese usage shortens them)."""
    last = parts[-1]
    forms = [last]
    if last[:3].lower() in ("al-", "el-") and last[3:4].isupper():
        forms.append(last[3:])
    if len(parts) == 2 and "-" in last and last.split("-", 1)[1][:1].islower():
        forms.append(parts[0])
    if len(parts) == 3 and all(p[:1].isupper() and "." not in p for p in parts) and len(parts[1]) > 2:
        forms.append(parts[1])
    return forms


class Registry:
    """The growing knowledge of one blog; `table` holds every surface form learnt."""

    def __init__(self) -> None:
        self.table = FormTable()
        self.people: dict[str, PersonRec] = {}
        self.parties: dict[str, PartyRec] = {}
        self.places: dict[str, PlaceRec] = {}
        self.outlets: dict[str, OutletRec] = {}
        self._by_surname: dict[str, list[str]] = {}  # skeleton of surname -> person keys
        self._by_code: dict[str, str] = {}  # ISO alpha-2 -> party id
        # (seq, kind, key, attribute, value): every change, for knowledge_at
        self.log: list[tuple[int, str, str, str, object]] = []
        self._log_seqs: list[int] = []
        self.role_phrases: dict[str, str] = {}  # folded definite role phrase -> person key
        self.version = 0  # bumped on every change (views rebuild when it moves)
        # (seq, person, party) each time a post says someone is in a delegation (read by extraction, then cleared)
        self.members_stated: list[tuple[int, str, str]] = []

    # ------------------------------------------------------------ log
    def _note(self, seq: int, kind: str, key: str, attr: str, value: object) -> None:
        self.log.append((seq, kind, key, attr, value))
        self._log_seqs.append(seq)
        self.version += 1

    # ------------------------------------------------------------ people
    def find_person(self, parts: tuple[str, ...]) -> PersonRec | None:
        """The known person these name parts spell, if exactly one fits."""
        if not parts:
            return None
        keys = self._by_surname.get(skeleton(parts[-1]), [])
        hits = [self.people[k] for k in keys if same_name(self.people[k].parts, parts)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            exact = [h for h in hits if fold(" ".join(h.parts)) == fold(" ".join(parts))]
            if exact:
                return exact[0]
            return hits[-1]  # the most recently introduced namesake
        return None

    def person_by_surname(self, word: str) -> PersonRec | None:
        """A bare surname ("Fidan") -> the person introduced with it, most recent first."""
        keys = self._by_surname.get(skeleton(word), [])
        hits = [self.people[k] for k in keys if same_word(self.people[k].parts[-1], word)]
        return hits[-1] if hits else None

    def add_person(self, parts: tuple[str, ...], seq: int, surface: str) -> PersonRec:
        rec = self.find_person(parts)
        if rec is None:
            key = " ".join(parts)
            while key in self.people:
                key += "'"
            rec = PersonRec(key, seq, parts)
            self.people[key] = rec
            self._by_surname.setdefault(skeleton(parts[-1]), []).append(key)
            self._note(seq, "person", key, "new", parts)
        elif len(parts) > len(rec.parts) and not rec.fixed:
            rec.parts = parts
            self._note(seq, "person", rec.key, "parts", parts)
        self.add_person_form(rec, surface, seq)
        if len(parts) > 1:
            for form in short_forms(parts):
                self.add_person_form(rec, form, seq)
        return rec

    def add_person_form(self, rec: PersonRec, surface: str, seq: int) -> None:
        if surface and surface not in rec.forms:
            rec.forms.append(surface)
            self.table.add(surface, ("person", rec.key))
            self._note(seq, "person", rec.key, "form", surface)

    def set_person(self, rec: PersonRec, seq: int, *, role: str | None = None, side: str | None = None,
                   delegation: str | None = None) -> None:
        if delegation:
            self.members_stated.append((seq, rec.key, delegation))  # an event fact of this post, even if known
        if rec.fixed:
            # a knowledge file says who someone is; which delegation they sit in is always the posts'
            if delegation and rec.delegation is None:
                rec.delegation = delegation
                self._note(seq, "person", rec.key, "delegation", delegation)
            return
        if role and not rec.role:
            rec.role = role
            self._note(seq, "person", rec.key, "role", role)
        # People do not change sides during an event: the first side and the first delegation the
        # text gives stand (a later, contradicting reading is more likely the reader's mistake).
        if delegation and rec.delegation is None:
            rec.delegation = delegation
            self._note(seq, "person", rec.key, "delegation", delegation)
            side = delegation
        if side and rec.side is None:
            rec.side = side
            self._note(seq, "person", rec.key, "side", side)

    def add_role_phrase(self, phrase: str, rec: PersonRec, seq: int) -> None:
        key = fold(phrase)
        if key in self.role_phrases or len(key) < 8:
            return
        self.role_phrases[key] = rec.key
        self.table.add(phrase, ("role", rec.key), ANY)
        self._note(seq, "person", rec.key, "role_phrase", phrase)

    # ------------------------------------------------------------ parties
    def party_by_code(self, code: str) -> PartyRec | None:
        pid = self._by_code.get(code)
        return self.parties.get(pid) if pid else None

    def add_party(self, name: str, seq: int, *, kind: str = "country", code: str = "", label: str = "",
                  demonyms: tuple[str, ...] = (), capital: str = "", pid: str | None = None) -> PartyRec:
        if code and code in self._by_code:
            return self.parties[self._by_code[code]]
        pid = pid or party_id(name)
        if pid in self.parties:
            return self.parties[pid]
        rec = PartyRec(pid, name, seq, kind, code, label or (code or name[:2].upper()),
                       PALETTE[len(self.parties) % len(PALETTE)], [], list(demonyms), capital)
        self.parties[pid] = rec
        if code:
            self._by_code[code] = pid
        self._note(seq, "party", pid, "new", name)
        rec.demonyms = []
        for dem in demonyms:  # the tables' demonyms, known from the start (logged so snapshots have them)
            self.add_demonym(rec, dem, seq)
        return rec

    def add_party_form(self, rec: PartyRec, surface: str, seq: int, what: str = "name") -> None:
        if surface in rec.forms:
            return
        rec.forms.append(surface)
        self._note(seq, "party", rec.id, "form", surface)

    def add_demonym(self, rec: PartyRec, demonym: str, seq: int) -> None:
        """A demonym the text uses for a party it taught ("Orlanian"); linked from now on."""
        if demonym not in rec.demonyms:
            rec.demonyms.append(demonym)
            self.table.add(demonym, ("demonym", rec.id))
            if demonym[-1:] in "niy":  # the people: "the Kestrians", "Israelis"
                self.table.add(demonym + "s", ("demonym", rec.id))
            self._note(seq, "party", rec.id, "demonym", demonym)

    def rename_party(self, rec: PartyRec, name: str, seq: int) -> None:
        """The name shown from now on (earlier snapshots keep the earlier name)."""
        if rec.name != name and not rec.fixed:
            rec.name = name
            self._note(seq, "party", rec.id, "name", name)

    def set_negotiating(self, rec: PartyRec, seq: int) -> None:
        if rec.negotiating is None:
            rec.negotiating = seq
            self._note(seq, "party", rec.id, "negotiating", True)

    def set_government(self, rec: PartyRec, seq: int) -> None:
        if rec.government is None:
            rec.government = seq
            self._note(seq, "party", rec.id, "government", True)

    def the_government(self) -> PartyRec | None:
        """The party "the government" stands for: the one party whose government the text has
        named so far (in talks between a state and a movement), else None (several, or none)."""
        found = [p for p in self.parties.values() if p.government is not None]
        return found[0] if len(found) == 1 else None

    def set_host(self, rec: PartyRec, seq: int) -> None:
        if rec.host is None:
            rec.host = seq
            self._note(seq, "party", rec.id, "host", True)

    # ------------------------------------------------------------ places, outlets
    def add_place(self, name: str, seq: int, kind: str, country: str = "") -> PlaceRec:
        key = fold(name)
        rec = self.places.get(key)
        if rec is None:
            rec = self.places[key] = PlaceRec(name, seq, kind, country, [name])
            self.table.add(name, ("place", key))
            self._note(seq, "place", key, "new", None)
        return rec

    def add_outlet(self, name: str, seq: int, *, extends: str | None = None) -> OutletRec:
        """An outlet by name; `extends` is an outlet key this name lengthens ("RIA" -> "RIA Novosti")."""
        name = re.sub(r"^(?:the|The)\s+", "", name)
        key = outlet_key(name)
        rec = self.outlets.get(key)
        if rec is None and extends is not None:
            rec = self.outlets.get(extends)
        if rec is None:
            rec = self.outlets[key] = OutletRec(name, seq, [name])
            self._note(seq, "outlet", key, "new", name)
        elif name not in rec.forms:
            rec.forms.append(name)
            self.outlets.setdefault(key, rec)
            if len(name) > len(rec.name):
                rec.name = name
            self._note(seq, "outlet", outlet_key(rec.forms[0]), "form", name)
        self.table.add(name, ("outlet", outlet_key(rec.forms[0])))
        return rec

    # ------------------------------------------------------------ knowledge file
    def load(self, k: Knowledge) -> None:
        """Seed from a knowledge file (seq 0); its entries are fixed, discovery only adds spellings."""
        from tui.core.discover.gazetteer import gazetteer

        g = gazetteer()
        for d in k.delegations:
            code = ""
            for surface in (d.country, *d.places):
                c = g.country_of(surface) if surface else None
                if c:
                    code = c
                    break
            rec = PartyRec(d.id, d.country or d.name, 0, "country" if code else "group", code, d.label or d.id[:2].upper(),
                           d.color or PALETTE[len(self.parties) % len(PALETTE)], [], list(d.demonyms),
                           d.home, 0 if d.negotiating else None, 0 if d.host else None, True, d.name)
            rec.forms.extend([*d.places, *d.aliases, d.country] if d.country else [*d.places, *d.aliases])
            self.parties[d.id] = rec
            if code:
                self._by_code.setdefault(code, d.id)
            for surface in (*d.places, d.country):
                if surface:
                    self.table.add(surface, ("party", d.id))
            for dem in d.demonyms:
                self.table.add(dem, ("demonym", d.id))
            for alias in d.aliases:
                self.table.add(alias, ("team", d.id), ANY)
            self._note(0, "party", d.id, "new", None)
        for p in k.people:
            parts = tuple(p.name.split())
            side = p.delegation
            if side is None and p.affiliation:
                side = next((d.id for d in k.delegations if d.country == p.affiliation), None)
            rec = PersonRec(p.name, 0, parts, [], p.role, side, p.delegation, True)
            self.people[p.name] = rec
            self._by_surname.setdefault(skeleton(parts[-1]), []).append(p.name)
            self._note(0, "person", p.name, "new", None)
            for s in (p.name, *p.aliases):
                if s not in rec.forms:
                    rec.forms.append(s)
                    self.table.add(s, ("person", p.name))
            for r in p.roles:
                self.role_phrases[fold(r)] = p.name
                self.table.add(r, ("role", p.name), ANY)
        for pl in k.places:
            key = fold(pl.name)
            rec = PlaceRec(pl.name, 0, pl.kind or "city", "", [pl.name, *pl.aliases])
            self.places[key] = rec
            for s in (pl.name, *pl.aliases):
                self.table.add(s, ("place", key))
            self._note(0, "place", key, "new", None)
        for o in k.outlets:
            key = outlet_key(o.name)
            self.outlets[key] = OutletRec(o.name, 0, [o.name, *o.aliases])
            for s in (o.name, *o.aliases):
                self.table.add(s, ("outlet", key))
            self._note(0, "outlet", key, "new", None)

    # ------------------------------------------------------------ snapshots
    def log_position(self, seq: int) -> int:
        """How many log entries posts 0..seq made: knowledge_at(seq) depends on this number alone."""
        return bisect_right(self._log_seqs, seq)

    def knowledge_at(self, seq: int) -> Knowledge:
        """What was known after post seq, as a Knowledge: replayed from the log, so nothing learnt
        later (a fuller name, a side, a spelling, a demonym) shows."""
        upto = bisect_right(self._log_seqs, seq)
        people: dict[str, dict] = {}
        parties: dict[str, dict] = {}
        places: dict[str, list[str]] = {}
        outlets: dict[str, list[str]] = {}
        for (s, kind, key, attr, value) in self.log[:upto]:
            if kind == "person":
                rec = self.people[key]
                if attr == "new":
                    people[key] = {"parts": rec.parts if rec.fixed else value, "forms": list(rec.forms) if rec.fixed else [],
                                   "role": rec.role if rec.fixed else "", "side": rec.side if rec.fixed else None,
                                   "delegation": rec.delegation if rec.fixed else None,
                                   "phrases": [], "fixed": rec.fixed}
                    continue
                d = people[key]
                if attr == "parts":
                    d["parts"] = value
                elif attr == "form":
                    d["forms"].append(value)
                elif attr in ("role", "side", "delegation"):
                    d[attr] = value
                elif attr == "role_phrase":
                    d["phrases"].append(value)
            elif kind == "party":
                rec = self.parties[key]
                if attr == "new":
                    parties[key] = {"forms": list(rec.forms) if rec.fixed else [], "negotiating": rec.negotiating == 0,
                                    "host": rec.host == 0, "name": value or rec.shown,
                                    "demonyms": list(rec.demonyms) if rec.fixed else []}
                    continue
                d = parties[key]
                if attr == "form":
                    d["forms"].append(value)
                elif attr == "demonym":
                    d["demonyms"].append(value)
                elif attr == "name":
                    d["name"] = value
                elif attr in ("negotiating", "host"):
                    d[attr] = True
            elif kind == "place":
                places.setdefault(key, []).append(value) if attr == "form" else places.setdefault(key, [])
            elif kind == "outlet":
                if attr == "new":
                    outlets[key] = list(self.outlets[key].forms) if self.outlets[key].first_seq == 0 else [value]
                else:
                    outlets[key].append(value)
        name_at = {pid: (self.parties[pid].name if self.parties[pid].fixed else d["name"]) for pid, d in parties.items()}
        delegations = []
        for pid, d in parties.items():
            rec = self.parties[pid]
            delegations.append(Delegation(
                id=pid, name=rec.shown if rec.fixed else d["name"], label=rec.label, color=rec.color, home=rec.capital,
                country=name_at[pid], demonyms=tuple(dict.fromkeys(d["demonyms"])), places=tuple(dict.fromkeys(d["forms"])),
                aliases=(), negotiating=d["negotiating"], host=d["host"]))
        persons = []
        for key, d in people.items():
            full = " ".join(d["parts"])
            persons.append(Person(name=key, aliases=tuple(f for f in dict.fromkeys([full, *d["forms"]]) if f != key),
                                  roles=tuple(d["phrases"]) if not d["fixed"] else self._fixed_roles(key),
                                  affiliation=name_at.get(d["side"], "") if d["side"] else "",
                                  role=d["role"], delegation=d["delegation"]))
        place_list = [Place(self.places[k].name, tuple(self.places[k].forms[1:]), self.places[k].kind) for k in places]
        outlet_list = [Outlet(forms[0], tuple(dict.fromkeys(forms[1:]))) for forms in outlets.values()]
        return Knowledge(tuple(delegations), tuple(persons), tuple(place_list), tuple(outlet_list))

    def _fixed_roles(self, key: str) -> tuple[str, ...]:
        return tuple(phrase for phrase, who in self.role_phrases.items() if who == key)
