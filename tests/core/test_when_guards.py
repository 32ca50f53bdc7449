"""The first-letter lookaheads of when.ATOM only make scans faster: without them the pattern
finds the same atoms, with the same groups, on every test blog line in several cases."""

from __future__ import annotations

import re
from pathlib import Path

from tui.core import when

BLOGS = Path(__file__).resolve().parents[1] / "blogs"
GUARD = re.compile(r"\(\?=\[[^\]]*\]\)")  # "(?=[...])": the only lookaheads on a class in ATOM
EXTRA = ["in the spring of 2021", "a couple of years ago", "in about two or three hours", "the second half of the day",
         "late on Friday", "early Monday morning", "mid-May", "on 16 May 2025", "May 15, 2024", "at 1849 GMT",
         "till 10.30", "six years ago", "for the first half of the day", "later this evening", "next week",
         "at quarter past two", "ten to five", "at nine tonight", "12 noon", "nine o'clock", "until the afternoon",
         "in the morning", "by midday"]


def test_atoms_are_those_of_the_unguarded_pattern() -> None:
    guards = GUARD.findall(when.ATOM.pattern)
    assert len(guards) == 8
    plain = re.compile(GUARD.sub("", when.ATOM.pattern), when.ATOM.flags)
    lines = [ln for p in sorted(BLOGS.glob("*/blog.*")) for ln in p.read_text(encoding="utf-8").splitlines()]
    for line in lines + EXTRA:
        for text in (line, line.upper(), line.title()):
            assert [(m.span(), m.groupdict()) for m in when.ATOM.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in plain.finditer(text)], text
