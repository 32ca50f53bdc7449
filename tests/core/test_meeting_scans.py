"""The word-guided scans of a sentence (meetings.noun_matches, verb_matches, history_hint) find what the
plain regexes find: every line of every test blog, in upper, title and odd case."""

from __future__ import annotations

from pathlib import Path

from tui.core.extract import context, meetings as mt

BLOGS = Path(__file__).resolve().parents[1] / "blogs"
# "İ" lowers to two characters, "ſ" and "ı" match "s" and "i" without lowering to them
ODD = ("Tête-À-Tête", "the İstanbul TALKS two years ago", "ſeptember talks", "a dınner", "they Spoke WITH him",
       "the first ROUND of negotiations in Dec. 2022", "a Telephone call between them", "will RECONVENE")


def _lines() -> list[str]:
    out: list[str] = []
    for path in sorted(BLOGS.glob("*/blog.*")):
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return out


def _variants(line: str) -> list[str]:
    return [line, line.upper(), line.title(), line.replace("s", "ſ", 1), "İ " + line]


def _found(matches) -> list:
    return [(m.span(), m.groupdict()) for m in matches]


def test_guided_scans_match_the_regexes() -> None:
    for text in (v for line in _lines() + list(ODD) for v in _variants(line)):
        low = text.lower()
        lines_up = context.lines_up(text, low)
        assert _found(mt.noun_matches(text, low, lines_up)) == _found(mt.NOUN.finditer(text)), text
        assert _found(mt.verb_matches(text, low, lines_up)) == _found(mt.VERB.finditer(text)), text
        assert mt.history_hint(text, low, lines_up) == (mt.HISTORY_HINT.search(text) is not None), text
