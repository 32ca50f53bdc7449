"""General world tables: countries, demonyms, capitals, cities, bodies, seats.

Sources (all kept packages or a data file naming its source; nothing here is
about one blog):
  * countries, their other names, demonym and capital: the `countryinfo`
    package (MIT; Wikipedia-derived data per country);
  * cities with their country: the IANA time zone database's `zone.tab`, as
    shipped by the `tzdata` package — its backward-compatible link names
    (Europe/Kiev beside Europe/Kyiv) give older spellings of the same city;
  * international bodies, seats of government and the short country names
    of news style ("Britain"): `world.toml` beside this module (its header
    names its sources).

Everything is keyed by `fold()`ed text and loaded once, lazily (about 60 ms),
off the first frame: the replay loads it in its extraction worker.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from tui.core.discover.fold import fold
from tui.core.discover.lexicon import COMPASS_WORDS


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2 ("RU")
    name: str  # common English name ("Russia")
    forms: tuple[str, ...]  # names a text may use: "Russia", "Russian Federation", "Türkiye", "US", "USA"
    demonyms: tuple[str, ...]  # "Russian"
    capital: str  # "Moscow" ("" when unknown)
    population: int = 0  # decides between countries sharing a name or demonym ("American")


@dataclass(frozen=True, slots=True)
class Body:
    name: str  # "United Nations"
    forms: tuple[str, ...]
    country: str = ""  # for a seat of government: the alpha-2 code it stands for
    demonyms: tuple[str, ...] = ()  # "European" for the European Union


def _latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())


class Gazetteer:
    """Lookups by folded surface form; every table is read once."""

    def __init__(self, countries: list[Country], cities: dict[str, tuple[str, str]], bodies: list[Body],
                 seats: list[Body]) -> None:
        countries = sorted(countries, key=lambda c: -c.population)  # the bigger country owns a shared form
        self.countries: dict[str, Country] = {c.code: c for c in countries}
        self.country_by_form: dict[str, str] = {}
        self.country_by_demonym: dict[str, str] = {}
        self.country_by_capital: dict[str, str] = {}
        for c in countries:
            for f in c.forms:
                self.country_by_form.setdefault(fold(f), c.code)
            for d in c.demonyms:
                self.country_by_demonym.setdefault(fold(d), c.code)
        for c in countries:
            if c.capital:
                self.country_by_capital.setdefault(fold(c.capital), c.code)
        # city (folded) -> (display name, country code); capitals count as cities too
        self.cities: dict[str, tuple[str, str]] = dict(cities)
        for c in countries:
            if c.capital:
                self.cities.setdefault(fold(c.capital), (c.capital, c.code))
        # older spellings of a capital ("Kiev" for "Kyiv") are capitals too
        for key, (_, code) in cities.items():
            cap = self.countries[code].capital if code in self.countries else ""
            if cap and cities.get(key) and self._same_zone_city(key, cap):
                self.country_by_capital.setdefault(key, code)
        self.bodies: dict[str, Body] = {}
        for b in bodies:
            for f in b.forms:
                self.bodies.setdefault(fold(f), b)
        self.seats: dict[str, Body] = {}
        for s in seats:
            for f in s.forms:
                self.seats.setdefault(fold(f), s)
        self._zone_alias: dict[str, str] = {}

    def _same_zone_city(self, key: str, capital: str) -> bool:
        return key == fold(capital) or key in _LINK_OF and _LINK_OF[key] == fold(capital)

    # ------------------------------------------------------------ queries
    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def country_of(self, surface: str) -> str | None:
        """Alpha-2 code when surface names a country ("Türkiye", "the US")."""
        return self.country_by_form.get(fold(surface))

    def demonym_of(self, surface: str) -> str | None:
        """Alpha-2 code when surface is a demonym ("Turkish")."""
        return self.country_by_demonym.get(fold(surface))

    def capital_of(self, surface: str) -> str | None:
        """Alpha-2 code when surface is a capital ("Moscow", "Kiev")."""
        return self.country_by_capital.get(fold(surface))

    def city(self, surface: str) -> tuple[str, str] | None:
        """(name, alpha-2 code) when surface is a city the tables know."""
        return self.cities.get(fold(surface))

    def body(self, surface: str) -> Body | None:
        return self.bodies.get(fold(surface))

    def seat(self, surface: str) -> Body | None:
        return self.seats.get(fold(surface))

    def max_form_words(self) -> int:
        return 6


# --------------------------------------------------------------------- loading

_LINK_OF: dict[str, str] = {}  # folded link-name city -> folded canonical city (same zone rules)


def _countries(extra_forms: dict[str, list[str]]) -> list[Country]:
    import countryinfo  # the package's own loader; a list of per-country records

    records: dict[str, list[dict]] = {}
    for record in countryinfo.all_countries():
        info = record.info()
        iso = info.get("ISO") or {}
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        if code:
            records.setdefault(code, []).append(info)
    merged: dict[str, dict] = {}
    for code, infos in records.items():
        # The state's own record has the largest population; records without one
        # (Wales beside the United Kingdom) are parts of it, not other names.
        infos.sort(key=lambda i: -(i.get("population") or 0))
        if len(infos) > 1:
            infos = [infos[0]] + [i for i in infos[1:] if i.get("population")]
        for info in infos:
            _merge(merged.setdefault(code, {"names": [], "alt": [], "native": [], "demonyms": [], "capital": "",
                                            "population": infos[0].get("population") or 0}), info)
        merged[code]["alt"].extend(extra_forms.get(code, ()))
    out = []
    for code, d in merged.items():
        names = [n for n in d["names"] if n and "," not in n and "(" not in n]
        if not names:
            continue
        name = names[0]
        forms: list[str] = []
        for f in [*names, *d["alt"], *d["native"]]:
            if not f or "," in f or "(" in f or not _latin(f):
                continue
            if f.isupper() and len(f) <= 3:
                # an ISO code is a country's name only when it is also its initials ("US", "UK", "UAE")
                if not any(_initials(n) in (f, f.rstrip(".")) or _initials(n.replace(" of ", " ")) == f
                           for n in [*names, *d["alt"]] if not n.isupper()):
                    continue
            forms.append(f)
        forms = list(dict.fromkeys(forms))
        demonyms = list(dict.fromkeys(x for x in d["demonyms"] if x and _latin(x)))
        capital = d["capital"] or ""
        # "Washington D.C." is "Washington" in prose: drop a trailing abbreviation
        words = capital.split()
        if len(words) > 1 and all(c.isupper() or c == "." for c in words[-1]):
            capital = " ".join(words[:-1])
        out.append(Country(code, name, tuple(forms), tuple(demonyms), capital, int(d["population"] or 0)))
    return out


def _merge(into: dict, info: dict) -> None:
    into["names"].append(info.get("name") or "")
    into["alt"].extend(info.get("altSpellings") or [])
    native = info.get("nativeName")
    if isinstance(native, str):
        into["native"].append(native)
    if info.get("demonym"):
        into["demonyms"].append(info["demonym"])
    cap = info.get("capital")
    if isinstance(cap, list):
        cap = cap[0] if cap else ""
    if cap and not into["capital"]:
        into["capital"] = cap


def _zone_tab() -> dict[str, tuple[str, str]]:
    """City -> (name, country code) from tzdata's zone.tab and the link names beside it."""
    import tzdata

    base = resources.files(tzdata) / "zoneinfo"
    cities: dict[str, tuple[str, str]] = {}
    content: dict[bytes, str] = {}
    with (base / "zone.tab").open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            code, key = parts[0], parts[2]
            if key.count("/") > 1:
                continue  # "America/North_Dakota/Center": a county seat, not a city news would name
            city = key.rsplit("/", 1)[-1].replace("_", " ")
            cities.setdefault(fold(city), (city, code))
            try:
                content[(base.joinpath(*key.split("/"))).read_bytes()] = city
            except OSError:
                pass
    # Backward-compatible link names hold the same rules as their target: an older spelling.
    for area in ("Europe", "Asia", "Africa", "America", "Australia", "Pacific", "Atlantic", "Indian"):
        folder = base / area
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    continue
                name = entry.name.replace("_", " ")
                if fold(name) in cities or fold(name) in COMPASS_WORDS:
                    continue  # ("Australia/West" is a region alias, not a city)
                target = content.get(entry.read_bytes())
            except OSError:
                continue
            if target is not None:
                cities[fold(name)] = (name, cities[fold(target)][1])
                _LINK_OF[fold(name)] = fold(target)
    return cities


def _world() -> tuple[list[Body], list[Body], dict[str, list[str]]]:
    text = (Path(__file__).with_name("world.toml")).read_text(encoding="utf-8")
    data = tomllib.loads(text)
    bodies = [Body(b["name"], tuple(b["forms"]), "", tuple(b.get("demonyms", ()))) for b in data.get("bodies", [])]
    seats = [Body(s["name"], tuple(s["forms"]), s.get("country", "")) for s in data.get("seats", [])]
    forms: dict[str, list[str]] = {}
    for entry in data.get("country_forms", []):
        forms.setdefault(entry["country"], []).extend(entry["forms"])
    return bodies, seats, forms


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~60 ms)."""
    cities = _zone_tab()
    bodies, seats, forms = _world()
    return Gazetteer(_countries(forms), cities, bodies, seats)
