"""Knowledge about a story: delegations, people, places, outlets (TOML).

General world knowledge only (who is who, how names are spelled); what
happened comes from the extractor.  The optional [corrections] section is the
clearly marked last resort (see tui/core/extract/corrections.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.errors import InputError
from tui.core.resources import BUNDLED_BLOG, bundled_blog, data_dir

_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)\s*$")

DEFAULT_TEAM_NOUNS = (
    "delegation", "delegations", "team", "teams", "side", "sides", "negotiators",
    "negotiating team", "negotiating teams", "representatives", "delegates",
)


@dataclass(frozen=True, slots=True)
class Delegation:
    id: str
    name: str
    label: str = ""
    color: str = ""
    home: str = ""
    country: str = ""
    demonyms: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # names of the side: country, capital
    aliases: tuple[str, ...] = ()  # extra explicit phrases for the team
    negotiating: bool = True  # False: meets others, but no status row
    host: bool = False  # presence does not change which meeting is meant


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # role phrases that mean this person
    affiliation: str = ""
    role: str = ""
    delegation: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Correction:
    table: str  # status | schedule | participants | drop
    fields: dict[str, Any]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Knowledge:
    delegations: tuple[Delegation, ...] = ()
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    team_nouns: tuple[str, ...] = DEFAULT_TEAM_NOUNS
    corrections: tuple[Correction, ...] = ()
    source: str = ""
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def delegation(self, did: str) -> Delegation | None:
        if "deleg" not in self._index:
            self._index["deleg"] = {d.id: d for d in self.delegations}
        return self._index["deleg"].get(did)

    def person(self, name: str) -> Person | None:
        if "person" not in self._index:
            self._index["person"] = {p.name: p for p in self.people}
        return self._index["person"].get(name)


# ------------------------------------------------------------------ loading

def bundled_knowledge_path() -> Path:
    return data_dir() / (Path(BUNDLED_BLOG).stem + ".knowledge.toml")


def knowledge_path_for(blog_path: str | Path | None) -> Path | None:
    """The knowledge file that goes with a blog: its sibling, else the bundled one for the bundled blog."""
    if blog_path is None:
        p = bundled_knowledge_path()
        return p if p.is_file() else None
    bp = Path(blog_path)
    sibling = bp.with_name(bp.stem + ".knowledge.toml")
    if sibling.is_file():
        return sibling
    try:
        if bp.resolve() == bundled_blog().resolve():
            p = bundled_knowledge_path()
            return p if p.is_file() else None
    except OSError:
        pass
    return None


def load_knowledge(path: str | Path | None = None, *, blog_path: str | Path | None = None) -> Knowledge:
    """Load a knowledge file; with no path, the one that goes with blog_path (None = bundled blog).

    A blog with no knowledge file gets an empty Knowledge (unknown names are normal).
    """
    if path is None:
        path = knowledge_path_for(blog_path)
        if path is None:
            return Knowledge()
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p}: cannot read knowledge file ({err.strerror or err})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{p}: knowledge file is not UTF-8 (byte {err.start})") from None
    return parse_knowledge(text, source=str(p))


def parse_knowledge(text: str, source: str = "knowledge.toml") -> Knowledge:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        # Python < 3.14 has no err.lineno/colno: the position is only in the message.
        m = _TOML_POS.match(str(err))
        msg, where = (m["msg"], f"{source}:{m['line']}:{m['col']}") if m else (str(err), source)
        raise InputError(f"{where}: invalid TOML: {msg}") from None
    return _Validator(text, source).knowledge(data)


class _Validator:
    """Type checks with a table/key path and, where we can find it, the line."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    # -- locating a table entry / key in the text, for file:line messages
    def _line(self, table: str, index: int | None, key: str | None) -> int:
        header = f"[[{table}]]" if index is not None else f"[{table}]"
        seen = -1
        start = None
        for no, line in enumerate(self.lines, 1):
            if line.strip().replace(" ", "") == header:
                seen += 1
                if index is None or seen == index:
                    start = no
                    break
        if start is None:
            return 0
        if key is None:
            return start
        for no in range(start + 1, len(self.lines) + 1):
            s = self.lines[no - 1].strip()
            if s.startswith("["):
                break
            if s.split("=", 1)[0].strip().strip('"') == key:
                return no
        return start

    def fail(self, table: str, index: int | None, key: str | None, problem: str) -> InputError:
        line = self._line(table, index, key)
        path = table + (f"[{index}]" if index is not None else "") + (f".{key}" if key else "")
        where = f"{self.source}:{line}" if line else self.source
        return InputError(f"{where}: {path} {problem}")

    def _str(self, entry: dict, table: str, i: int | None, key: str, required: bool = False, default: str = "") -> str:
        if key not in entry:
            if required:
                raise self.fail(table, i, None, f"needs a '{key}' (string)")
            return default
        v = entry[key]
        if not isinstance(v, str) or (required and not v.strip()):
            raise self.fail(table, i, key, "must be a non-empty string" if required else "must be a string")
        return v

    def _strs(self, entry: dict, table: str, i: int | None, key: str) -> tuple[str, ...]:
        v = entry.get(key, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            raise self.fail(table, i, key, "must be a list of strings")
        return tuple(v)

    def _bool(self, entry: dict, table: str, i: int, key: str, default: bool) -> bool:
        v = entry.get(key, default)
        if not isinstance(v, bool):
            raise self.fail(table, i, key, "must be true or false")
        return v

    def _tables(self, data: dict, name: str) -> list[dict]:
        v = data.get(name, [])
        if not isinstance(v, list) or not all(isinstance(x, dict) for x in v):
            raise self.fail(name, None, None, f"must be an array of tables ([[{name}]])")
        return v

    def knowledge(self, data: dict) -> Knowledge:
        known = {"linking", "delegations", "people", "places", "outlets", "corrections"}
        for key in data:
            if key not in known:
                raise InputError(f"{self.source}:{self._line(key, None, None) or self._line(key, 0, None)}: "
                                 f"unknown section '{key}' (expected one of: {', '.join(sorted(known))})")
        linking = data.get("linking", {})
        if not isinstance(linking, dict):
            raise self.fail("linking", None, None, "must be a table")
        team_nouns = self._strs(linking, "linking", None, "team_nouns") if "team_nouns" in linking else DEFAULT_TEAM_NOUNS

        delegations = []
        ids: set[str] = set()
        for i, d in enumerate(self._tables(data, "delegations")):
            did = self._str(d, "delegations", i, "id", required=True)
            if did in ids:
                raise self.fail("delegations", i, "id", f"'{did}' is defined twice")
            ids.add(did)
            delegations.append(Delegation(
                id=did,
                name=self._str(d, "delegations", i, "name", default=did),
                label=self._str(d, "delegations", i, "label", default=did[:2].upper()),
                color=self._str(d, "delegations", i, "color"),
                home=self._str(d, "delegations", i, "home"),
                country=self._str(d, "delegations", i, "country"),
                demonyms=self._strs(d, "delegations", i, "demonyms"),
                places=self._strs(d, "delegations", i, "places"),
                aliases=self._strs(d, "delegations", i, "aliases"),
                negotiating=self._bool(d, "delegations", i, "negotiating", True),
                host=self._bool(d, "delegations", i, "host", False),
            ))
        people = []
        for i, p in enumerate(self._tables(data, "people")):
            deleg = p.get("delegation")
            if deleg is not None:
                deleg = self._str(p, "people", i, "delegation")
                if deleg not in ids:
                    raise self.fail("people", i, "delegation", f"'{deleg}' is not a delegation id")
            people.append(Person(
                name=self._str(p, "people", i, "name", required=True),
                aliases=self._strs(p, "people", i, "aliases"),
                roles=self._strs(p, "people", i, "roles"),
                affiliation=self._str(p, "people", i, "affiliation"),
                role=self._str(p, "people", i, "role"),
                delegation=deleg or None,
            ))
        places = [Place(self._str(p, "places", i, "name", required=True), self._strs(p, "places", i, "aliases"),
                        self._str(p, "places", i, "kind")) for i, p in enumerate(self._tables(data, "places"))]
        outlets = [Outlet(self._str(o, "outlets", i, "name", required=True), self._strs(o, "outlets", i, "aliases"))
                   for i, o in enumerate(self._tables(data, "outlets"))]
        corrections = self._corrections(data.get("corrections", {}), ids)
        return Knowledge(tuple(delegations), tuple(people), tuple(places), tuple(outlets),
                         tuple(team_nouns), corrections, self.source)

    _CORR_KEYS = {
        "status": ("evidence", "delegation", "status"),
        "schedule": ("evidence", "subject", "kind"),
        "participants": ("evidence", "meeting", "name", "basis"),
        "drop": ("evidence",),
    }

    def _corrections(self, corr: Any, ids: set[str]) -> tuple[Correction, ...]:
        from tui.core.facts import SCHEDULE_KINDS, STATUSES

        if not isinstance(corr, dict):
            raise self.fail("corrections", None, None, "must be a table")
        out = []
        for table, entries in corr.items():
            full = f"corrections.{table}"
            if table not in self._CORR_KEYS:
                raise self.fail("corrections", None, None,
                                f"has unknown kind '{table}' (expected: {', '.join(self._CORR_KEYS)})")
            if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
                raise self.fail(full, None, None, f"must be an array of tables ([[{full}]])")
            for i, e in enumerate(entries):
                for key in self._CORR_KEYS[table]:
                    self._str(e, full, i, key, required=True)
                for key, value in e.items():
                    if not isinstance(value, str):
                        raise self.fail(full, i, key, "must be a string")
                if table == "status":
                    if e["delegation"] not in ids:
                        raise self.fail(full, i, "delegation", f"'{e['delegation']}' is not a delegation id")
                    if e["status"] not in STATUSES:
                        raise self.fail(full, i, "status", f"must be one of: {', '.join(STATUSES)}")
                if table == "schedule" and e["kind"] not in SCHEDULE_KINDS:
                    raise self.fail(full, i, "kind", f"must be one of: {', '.join(SCHEDULE_KINDS)}")
                if table == "participants" and e["basis"] not in ("present", "announced"):
                    raise self.fail(full, i, "basis", "must be 'present' or 'announced'")
                out.append(Correction(table, dict(e), self._line(full, i, None)))
        return tuple(out)
