"""Words of a post with their offsets, and a table of multi-word surface forms.

A post is read once into `Tok`s (word, offsets, folded form, capitalisation,
possessive); every lookup of a name, a demonym, a title or a learnt role
phrase is then a dict probe on the folded first word followed by a compare
of the next few words — linear in the text, whatever the number of names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tui.core.discover.fold import fold, strip_possessive
from tui.core.discover.lexicon import NAME_PARTICLES, ORG_WORDS, ROLE_HEADS, ROLE_MODIFIERS, TEAM_NOUNS

# A word: letters/digits with inner hyphens or apostrophes ("al-Mansouri",
# "O'Brien", "Russia’s"), or a dotted initialism ("U.S.", "J.").
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\.(?=\s+[^\W\d_])|[^\W_]+(?:[-'’ʼ][^\W_]+)*")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str  # as written
    base: str  # without a possessive 's
    fold: str  # fold(base)
    poss: bool  # written with a possessive 's
    cap: bool  # starts with an upper-case letter
    caps: bool  # all upper case (2+ letters): "TASS", "US"

    @property
    def particle(self) -> bool:
        return self.fold in NAME_PARTICLES or self.fold.startswith(("al-", "el-"))


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, str, bool, bool, bool]:
    """(base, fold, possessive, capitalised, all caps) of one written word (cached: words repeat)."""
    base, poss = strip_possessive(word)
    letters = [c for c in base if c.isalpha()]
    return base, fold(base), poss, base[:1].isupper(), len(letters) > 1 and all(c.isupper() for c in letters)


# The words a reader of names needs: capitalised words, and the lower-case words of titles, teams
# and the little words between list items. Every other word is skipped by the regex engine itself,
# so reading costs Python work only where a name can be. (Tokens stay in order; two tokens with a
# skipped word between them are simply not adjacent.)
_KEYWORDS = sorted(ROLE_HEADS | ROLE_MODIFIERS | TEAM_NOUNS | ORG_WORDS | NAME_PARTICLES
                   | {"and", "the", "of", "from", "or", "negotiating", "negotiation"}, key=len, reverse=True)


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    """Compiled on first use (in the extraction worker, never before the first frame)."""
    upper = "".join(sorted({c for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()}))
    keywords = "|".join(re.escape(k) for k in _KEYWORDS)
    return re.compile(
        r"(?<![\w'’ʼ-])(?:(?:[^\W\d_]\.){2,}|[" + upper + r"]\.(?=\s+[^\W\d_])"
        r"|(?=[" + upper + r"]|(?:" + keywords + r")(?:['’]s)?(?![\w'’-])|(?:al|el|bin|ibn|abu|ben|ul)-)"
        r"[^\W_]+(?:[-'’ʼ][^\W_]+)*)"
    )


@lru_cache(maxsize=4096)
def scan(text: str) -> list[Tok]:
    """The words of text a reader of names needs, with offsets (cached; read-only)."""
    out: list[Tok] = []
    append = out.append
    for m in _scanner().finditer(text):
        start = m.start()
        word = m.group(0)
        base, folded, poss, cap, caps = _word(word)
        append(Tok(start, start + len(base), word, base, folded, poss, cap, caps))
    return out


@lru_cache(maxsize=4096)
def tokenize(text: str) -> list[Tok]:
    """The words of text with offsets (cached; callers must not change the list or its Toks)."""
    out: list[Tok] = []
    append = out.append
    for m in _WORD.finditer(text):
        start = m.start()
        word = m.group(0)
        base, folded, poss, cap, caps = _word(word)
        append(Tok(start, start + len(base), word, base, folded, poss, cap, caps))
    return out


def gap(text: str, a: Tok, b: Tok) -> str:
    """The text between two tokens (a before b), possessive suffix excluded."""
    return text[a.start + len(a.text) if not a.poss else a.start + len(a.text):b.start]


# Case policies for a surface form.
NAME = "name"  # each word capitalised in the text (particles excepted): "Hakan Fidan"
CAPS = "caps"  # exactly as written, upper case: "US", "TASS"
ANY = "any"  # any case: learnt role phrases ("the kremlin spokesman")


@dataclass(frozen=True, slots=True)
class Form:
    words: tuple[str, ...]  # folded words
    policy: str
    value: Any  # what the form means (the caller's)


class FormTable:
    """Surface forms by their folded first word; the longest form wins."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[Form]] = {}
        self.size = 0

    def add(self, surface: str, value: Any, policy: str | None = None) -> bool:
        """Add a form; False when the same words are already taken (first meaning kept)."""
        words = tuple(t.fold for t in tokenize(surface))
        if not words:
            return False
        if policy is None:
            letters = [c for c in surface if c.isalpha()]
            policy = CAPS if len(letters) > 1 and all(c.isupper() for c in letters) else NAME
        bucket = self._by_first.setdefault(words[0], [])
        for f in bucket:
            if f.words == words:
                return False
        bucket.append(Form(words, policy, value))
        bucket.sort(key=lambda f: -len(f.words))
        self.size += 1
        return True

    def replace(self, surface: str, value: Any, policy: str | None = None) -> None:
        words = tuple(t.fold for t in tokenize(surface))
        bucket = self._by_first.get(words[0], []) if words else []
        bucket[:] = [f for f in bucket if f.words != words]
        self.add(surface, value, policy)

    def __contains__(self, first: str) -> bool:
        """Does any form start with this folded word? (a cheap test before match)"""
        return first in self._by_first

    def match(self, toks: list[Tok], i: int, text: str, hi: int | None = None) -> tuple[Form, int] | None:
        """The longest form starting at toks[i] (within toks[:hi]), and the index after it."""
        bucket = self._by_first.get(toks[i].fold)
        if not bucket:
            return None
        hi = len(toks) if hi is None else hi
        for f in bucket:
            n = len(f.words)
            if i + n > hi:
                continue
            ok = True
            for j in range(n):
                t = toks[i + j]
                if t.fold != f.words[j]:
                    ok = False
                    break
                if j < n - 1 and (t.poss or not _joined(text, t, toks[i + j + 1])):
                    ok = False
                    break
                if f.policy == NAME and not t.cap and not t.particle and (n == 1 or j == 0 or t.fold not in _LOWER_OK):
                    ok = False
                    break
                if f.policy == CAPS and t.base != t.base.upper():
                    ok = False
                    break
            if ok:
                return f, i + n
        return None


# small words a capitalised form may hold in lower case ("Secretary of State", "Bank of England")
_LOWER_OK = frozenset(("of", "the", "and", "for", "de", "al", "bin", "von", "der", "van"))


def _joined(text: str, a: Tok, b: Tok) -> bool:
    """Are two tokens adjacent words of one phrase (only spaces, or a hyphen, between)?"""
    between = text[a.end + (len(a.text) - len(a.base)):b.start]
    return between == " " or between == "" or (between.strip() == "" and "\n" not in between and len(between) <= 3)
