"""Sent's span queries: the same answers as a scan of every mention, on many mentions."""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

from tui.core.extract.context import Sent
from tui.core.link import Linked
from tui.core.model import Post

POST = Post(1, date(2025, 5, 16), datetime(2025, 5, 16, 12, tzinfo=timezone.utc), False, 1, 1, ("x",))
KINDS = ("person", "delegation", "place", "outlet")


def _sentence(seed: int) -> Sent:
    rng = random.Random(seed)
    mentions, at = [], 0
    for n in range(300):
        at += rng.randint(1, 20)
        size = rng.randint(1, 12)
        kind = rng.choice(KINDS)
        mentions.append(Linked(at, at + size, kind, f"k{n % 7}", "s" if rng.random() < 0.5 else None, None))
        at += size
    return Sent(POST, 0, 0, "x" * (at + 5), mentions, timezone.utc)


def _can_take_part(m: Linked) -> bool:
    return m.kind in ("person", "delegation") or (m.kind == "place" and bool(m.side))


def test_parties_in_a_span_are_those_a_full_scan_finds() -> None:
    for seed in range(5):
        s = _sentence(seed)
        end = len(s.text)
        rng = random.Random(seed)
        for _ in range(200):
            lo, hi = sorted((rng.randint(0, end), rng.randint(0, end)))
            expected = [m for m in s.mentions if lo <= m.start and m.end <= hi and _can_take_part(m)]
            assert s.parties(lo, hi) == expected


def test_the_last_person_before_a_point_is_the_nearest_one_ending_before_it() -> None:
    s = _sentence(9)
    rng = random.Random(9)
    for _ in range(200):
        hi = rng.randint(0, len(s.text))
        people = [m for m in s.mentions if m.kind == "person" and m.end <= hi]
        assert s.last_person_before(hi) == (people[-1] if people else None)
        others = [m for m in people if m.key != "k3"]
        assert s.last_person_before(hi, other_than="k3") == (others[-1] if others else None)
