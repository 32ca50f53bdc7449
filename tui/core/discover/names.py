"""Personal names: when two spellings are the same name.

Transliteration gives one name several Latin spellings (Zelensky /
Zelenskyy / Zelenskiy, Aleksandr / Alexander, Seleznev / Seleznyov,
Volodymyr / Vladimir, Đorđe / Djordje). Two spellings are taken for one name when their
consonant skeletons agree after folding the usual transliteration
alternatives, they start with the same letter, and they are close in
spelling (edit distance at most a quarter of the longer one, at least 1) —
or one is the other with a transliteration ending (-iy, -yy, -ij).
Short names (under 4 letters) must match exactly after folding.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.discover.fold import fold

# Transliteration alternatives folded to one spelling, applied in order.
_ALTERNATIVES = (
    ("ks", "x"), ("kh", "h"), ("zh", "j"), ("dj", "d"), ("ph", "f"), ("w", "v"), ("ck", "k"), ("q", "k"),
    ("ie", "e"), ("ye", "e"), ("yo", "o"), ("yu", "u"), ("ya", "a"), ("iy", "y"), ("yy", "y"), ("ij", "y"),
)
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 14)
def canonical_spelling(word: str) -> str:
    """The word folded and with transliteration alternatives unified."""
    w = fold(word).replace("-", "").replace("'", "")
    for a, b in _ALTERNATIVES:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


@lru_cache(maxsize=1 << 14)
def skeleton(word: str) -> str:
    """First letter plus the consonants: the key spellings of one name share."""
    w = canonical_spelling(word)
    if not w:
        return ""
    return w[0] + _VOWELS.sub("", w[1:])


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=1 << 14)
def same_word(a: str, b: str) -> bool:
    """Are a and b spellings of one name part ("Zelensky", "Zelenskyy")?"""
    if a == b:
        return True
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    if fa[0] != fb[0] and not (fa[0] in "ij" and fb[0] in "ij"):
        return False
    ca, cb = canonical_spelling(a), canonical_spelling(b)
    if ca == cb:
        return True
    if skeleton(a) != skeleton(b):
        return False
    limit = max(1, max(len(ca), len(cb)) // 4)
    return _distance(ca, cb, limit) <= limit


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names (tuples of name parts) that are one person's spellings.

    The surnames must agree; given names must agree where both are written
    (an initial agrees with any name starting with it; Russian and Ukrainian
    forms of one given name, Vladimir / Volodymyr, share a skeleton).
    """
    if not a or not b or not same_word(a[-1], b[-1]):
        return False
    ga, gb = a[:-1], b[:-1]
    if not ga or not gb:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) >= 2 and all(same_word(x, y) for x, y in zip(short, long_[-len(short):])):
        return True  # the trailing names of a longer name: "Ruiz Karas" for "Ivo Ruiz Karas"
    x, y = ga[0], gb[0]
    if x.endswith(".") or y.endswith("."):
        return fold(x)[:1] == fold(y)[:1]
    return same_word(x, y) or (len(fold(x)) >= 4 and skeleton(x) == skeleton(y))
