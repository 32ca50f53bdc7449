"""The registry seen through Knowledge's lookups, as of the post being read.

Extraction asks `k.delegation(id)`, `k.person(name)`, `k.delegations`,
`k.places` while it reads post k; discovery has already read post k, so
the registry's current state is exactly what posts 1..k taught. Views are
rebuilt only when the registry changed (a new name, side or team), which
stops happening early in a long blog.
"""

from __future__ import annotations

from tui.core.discover.registry import Registry
from tui.core.knowledge import Correction, Delegation, Person, Place


class LiveKnowledge:
    def __init__(self, registry: Registry, corrections: tuple[Correction, ...] = ()) -> None:
        self.reg = registry
        self.corrections = corrections
        self._version = -1
        self._delegations: tuple[Delegation, ...] = ()
        self._by_id: dict[str, Delegation] = {}
        self._places: tuple[Place, ...] = ()
        self._people: dict[str, Person] = {}

    def _refresh(self) -> None:
        if self._version == self.reg.version:
            return
        self._version = self.reg.version
        out = []
        for rec in self.reg.parties.values():
            out.append(Delegation(
                id=rec.id, name=rec.shown, label=rec.label, color=rec.color, home=rec.capital, country=rec.name,
                demonyms=tuple(rec.demonyms), places=tuple(rec.forms), negotiating=rec.negotiating is not None,
                host=rec.host is not None))
        self._delegations = tuple(out)
        self._by_id = {d.id: d for d in out}
        self._places = tuple(Place(p.name, tuple(p.forms[1:]), p.kind) for p in self.reg.places.values())
        self._people = {}

    @property
    def delegations(self) -> tuple[Delegation, ...]:
        self._refresh()
        return self._delegations

    @property
    def places(self) -> tuple[Place, ...]:
        self._refresh()
        return self._places

    def listed(self, did: str) -> bool:
        """Is this party from the knowledge file (whose negotiating flag then stands)?"""
        rec = self.reg.parties.get(did)
        return rec is not None and rec.fixed

    def delegation(self, did: str) -> Delegation | None:
        self._refresh()
        return self._by_id.get(did)

    @property
    def people(self) -> tuple[Person, ...]:
        """Every person learnt so far, as a knowledge file lists them (built on demand)."""
        return tuple(p for key in self.reg.people if (p := self.person(key)) is not None)

    def person(self, name: str) -> Person | None:
        self._refresh()
        hit = self._people.get(name)
        if hit is None:
            rec = self.reg.people.get(name)
            if rec is None:
                return None
            side = self.reg.parties.get(rec.side) if rec.side else None
            hit = Person(name=rec.key, aliases=tuple(f for f in rec.forms if f != rec.key), role=rec.role,
                         affiliation=side.name if side else "", delegation=rec.delegation)
            self._people[name] = hit
        return hit
