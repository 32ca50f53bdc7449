"""Sentence splitting for news prose: keeps quotes whole at their end, and does
not break after abbreviations ("Mr.", "U.S.", "a.m."), initials or numbers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# Words that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st gen lt col maj capt sgt cmdr adm gov sen rep pres jr sr
no nos vs etc e.g i.e a.m p.m u.s u.k u.n u.s.a e.u approx dept est fig inc ltd
co corp jan feb mar apr aug sept sep oct nov dec
""".split())

_CLOSERS = "\"'”’»)]"
# Candidate boundary: terminal punctuation, optional closing quotes/brackets,
# whitespace, then something that can start a sentence.
_BOUNDARY = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)(?=[\"“‘'«(\[]?[A-Z0-9À-Ý•])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


class Sentence(NamedTuple):
    """One sentence of a split text. A NamedTuple, not a frozen dataclass: every post is split
    into sentences, and a frozen dataclass pays an object.__setattr__ call per field."""

    start: int  # offsets into the text that was split
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at index dot ends an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    return word.lower().rstrip(".") in ABBREVIATIONS


def split_spans(text: str) -> list[Sentence]:
    """Split into sentences; paragraphs (lines) always end a sentence."""
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        if pos:
            out.extend([Sentence(pos + a, pos + b, t) for a, b, t in _line_spans(line)])
        else:
            out.extend(_line_spans(line))  # the first line's sentences are already at their offsets
        pos += len(line) + 1
    return out


@lru_cache(maxsize=1 << 14)
def _line_spans(line: str) -> tuple[Sentence, ...]:
    """The sentences of one line, offsets within it; cached because
    paragraphs repeat (bullets, trailers) and each post is split again later."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        punct = m.group(1)
        if punct == "." and _is_abbreviation(line, m.start(1)):
            continue
        end = m.end(2)
        _add(out, line, start, end)
        start = m.end(3)
    _add(out, line, start, len(line))
    return tuple(out)


def _add(out: list[Sentence], line: str, start: int, end: int) -> None:
    seg = line[start:end]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped))


def split(text: str) -> list[str]:
    return [s.text for s in split_spans(text)]
