"""One normal form for comparing text: search and filter fold both sides alike.

`fold(text)` is the key every comparison uses:

* Unicode compatibility composition (NFKC) before and after case folding, so
  a decomposed "Zu\u0308rich" (as some pages and macOS files store it) equals a
  typed "Zürich", "ﬁ" equals "fi", and a full-width "ＵＳ" equals "US";
  composed, so "zu" never matches inside "zü";
* case folding (`str.casefold`: "ß" = "ss", "Σ" = "σ");
* typographic punctuation to ASCII: ’ ‘ → ', “ ” „ → ", – — → -, no-break space → space.

`fold_map(text)` also says where each folded character came from, so a match
found in the folded text can be highlighted in the original one.
`nfc_map(text)` does the same for NFC only (a user's regex runs on it).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_PUNCT = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'),
          ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "))

# (folded text, start offset in the original of each folded char, end offset of each)
Mapped = tuple[str, list[int] | None, list[int] | None]


def _punct(text: str) -> str:
    for src, dst in _PUNCT:
        if src in text:
            text = text.replace(src, dst)
    return text


def fold(text: str) -> str:
    """The comparison form of `text` (see the module docstring). Linear, C speed."""
    if text.isascii():
        return text.lower()  # casefold() of ASCII is lower(); NFKC leaves ASCII alone
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _punct(folded)


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    return fold(cluster)


@lru_cache(maxsize=4096)
def _nfc_cluster(cluster: str) -> str:
    return unicodedata.normalize("NFC", cluster)


def _clusters(text: str):
    """(start, end) of each base character with the combining marks after it."""
    start = 0
    combining = unicodedata.combining
    for i in range(1, len(text)):
        if not combining(text[i]):
            yield start, i
            start = i
    if text:
        yield start, len(text)


def _mapped(text: str, one) -> Mapped:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _clusters(text):
        piece = one(text[start:end])
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return "".join(out), starts, ends


def fold_map(text: str) -> Mapped:
    """(fold(text), starts, ends): folded[i] came from text[starts[i]:ends[i]].

    starts/ends are None when the fold is one-to-one (offsets are the same);
    that is the common case and costs only C-speed checks."""
    if text.isascii():
        return text.lower(), None, None
    if unicodedata.is_normalized("NFKC", text):
        cased = text.casefold()
        if len(cased) == len(text) and unicodedata.is_normalized("NFKC", cased):
            return _punct(cased), None, None
    return _mapped(text, _fold_cluster)


def nfc_map(text: str) -> Mapped:
    """(NFC(text), starts, ends), like fold_map but only composing (for regexes)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None, None
    return _mapped(text, _nfc_cluster)


def to_original(span: tuple[int, int], starts: list[int] | None, ends: list[int] | None) -> tuple[int, int]:
    """A [start, end) span of the folded text as a span of the original text."""
    s, e = span
    if starts is None or ends is None:
        return s, e
    if s >= len(starts):
        return (ends[-1], ends[-1]) if ends else (0, 0)
    return starts[s], (ends[e - 1] if e > s else starts[s])
