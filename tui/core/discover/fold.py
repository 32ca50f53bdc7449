"""Text folding for comparing names: one normal form for every lookup.

`fold("Türkiye’s")` == "turkiye's": Unicode NFKD with combining marks
dropped (so a decomposed "Zürich" and a precomposed one agree), typographic
apostrophes and dashes made plain, case folded. Names are compared folded;
what is shown is always the text as written.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_PUNCT = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, plain-punctuation form of text (cached: names repeat)."""
    text = text.translate(_PUNCT)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        # letters NFKD does not decompose
        text = text.replace("ı", "i").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L") \
            .replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    return text.casefold()


def strip_possessive(word: str) -> tuple[str, bool]:
    """("Russia", True) for "Russia’s" / "Russia's"; plural "delegations’" is left to the caller."""
    if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
        return word[:-2], True
    return word, False
