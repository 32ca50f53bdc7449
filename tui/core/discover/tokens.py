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
from tui.core.discover.lexicon import NAME_PARTICLES, ORG_POSSESSIVES, ORG_WORDS, ROLE_HEADS, ROLE_MODIFIERS, TEAM_NOUNS, TITLE_ABBREVIATIONS

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
    join: bool = False  # the next token follows as a word of the same phrase (only a space between)

    @property
    def particle(self) -> bool:
        return self.fold in NAME_PARTICLES or self.fold.startswith(("al-", "el-"))


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, str, bool, bool, bool]:
    """(base, fold, possessive, capitalised, all caps) of one written word (cached: words repeat)."""
    base, poss = strip_possessive(word)
    return base, fold(base), poss, base[:1].isupper(), len(base) > 1 and base.isupper()


# The words a reader of names needs: capitalised words, and the lower-case words of titles, teams
# and the little words between list items. Every other word is skipped by the regex engine itself,
# so reading costs Python work only where a name can be. (Tokens stay in order; two tokens with a
# skipped word between them are simply not adjacent.)
_KEYWORDS = sorted(ROLE_HEADS | ROLE_MODIFIERS | TEAM_NOUNS | ORG_WORDS | NAME_PARTICLES
                   | {"and", "the", "of", "from", "or", "negotiating", "negotiation"}, key=len, reverse=True)


def _trie(words: list[str]) -> str:
    """One regex alternation matching exactly `words`, written as a trie ("a(?:nd|mbassador)|t(?:he|eam)").

    Python's regex engine tries the branches of "w1|w2|…" one after another; a trie lets it
    reject a word at its first differing letter instead of testing all 300 keywords at every
    word start (the scanner's main cost)."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(node[c]) for c in sorted(node) if c]
        if not alts:
            return ""
        group = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group

    return emit(root)


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern:
    """Compiled on first use (in the extraction worker, never before the first frame)."""
    upper = "".join(sorted({c for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()}))
    keywords = _trie(_KEYWORDS)
    return re.compile(
        r"(?<![\w'’ʼ-])(?:(?:[^\W\d_]\.){2,}|[" + upper + r"]\.(?=\s+[^\W\d_])"
        r"|(?=[" + upper + r"]|(?:" + keywords + r")(?:['’]s)?(?![\w'’-])|(?:al|el|bin|ibn|abu|ben|ul)-)"
        r"[^\W_]+(?:[-'’ʼ][^\W_]+)*)"
    )


@lru_cache(maxsize=4096)
def scan(text: str) -> list[Tok]:
    """The words of text a reader of names needs, with offsets (cached; read-only)."""
    return _toks(text, _scanner())


def _toks(text: str, pattern: re.Pattern) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    word_of = _word
    prev: Tok | None = None
    prev_end = 0  # where the previous token's written word ends
    prev_poss = True  # (nothing joins the first token to a previous one)
    for m in pattern.finditer(text):
        start, end = m.span()
        word = m.group()
        base, folded, poss, cap, caps = word_of(word)
        if poss and cap and folded in ORG_POSSESSIVES and text[end:end + 2][1:].isupper():
            # "the Holmstad People's Party": the possessive is a word of the name, not its end
            base, folded, poss = word, fold(word), False
        t = Tok(start, start + len(base), word, base, folded, poss, cap, caps)
        if not prev_poss:
            between = text[prev_end:start]
            prev.join = between == " " or (between.strip() == "" and "\n" not in between and len(between) <= 3) \
                or (between == ". " and prev.fold in TITLE_ABBREVIATIONS) \
                or (between in ("' ", "’ ") and cap and prev.cap and prev.fold in ORG_POSSESSIVES)  # "Workers' Party"
        append(t)
        prev, prev_end, prev_poss = t, end, poss
    return out


@lru_cache(maxsize=4096)
def tokenize(text: str) -> list[Tok]:
    """All the words of text with offsets (cached; callers must not change the list or its Toks)."""
    return _toks(text, _WORD)


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
    """Surface forms by their first two folded words; the longest form wins.

    A lookup is one dict probe on the word pair at a position (or on the word
    alone for one-word forms), so frequent words that open a few long forms
    ("the …") cost nothing where the second word does not follow.
    """

    def __init__(self) -> None:
        self.firsts: set[str] = set()  # first folded words of the forms (`word in table`, without the call)
        self._one: dict[str, Form] = {}
        self._two: dict[tuple[str, str], list[Form]] = {}
        self.size = 0

    def add(self, surface: str, value: Any, policy: str | None = None) -> bool:
        """Add a form; False when the same words are already taken (first meaning kept)."""
        words = tuple(t.fold for t in tokenize(surface))
        if not words:
            return False
        if policy is None:
            letters = [c for c in surface if c.isalpha()]
            policy = CAPS if len(letters) > 1 and all(c.isupper() for c in letters) else NAME
        form = Form(words, policy, value)
        if len(words) == 1:
            if words[0] in self._one:
                return False
            self._one[words[0]] = form
        else:
            bucket = self._two.setdefault(words[:2], [])
            if any(f.words == words for f in bucket):
                return False
            bucket.append(form)
            bucket.sort(key=lambda f: -len(f.words))
        self.firsts.add(words[0])
        self.size += 1
        return True

    def __contains__(self, first: str) -> bool:
        """Does any form start with this folded word? (a cheap test before match)"""
        return first in self.firsts

    def match(self, toks: list[Tok], i: int, text: str, hi: int | None = None) -> tuple[Form, int] | None:
        """The longest form starting at toks[i] (within toks[:hi]), and the index after it."""
        t = toks[i]
        hi = len(toks) if hi is None else hi
        if t.join and i + 1 < hi:
            bucket = self._two.get((t.fold, toks[i + 1].fold))
            if bucket:
                for f in bucket:
                    n = len(f.words)
                    if i + n <= hi and _fits(f, toks, i, n):
                        return f, i + n
        f = self._one.get(t.fold)
        if f is None:
            return None
        # _fits(f, toks, i, 1), written out: one-word forms are most lookups
        policy = f.policy
        if policy == NAME and not t.cap and not t.particle or policy == CAPS and t.base != t.base.upper():
            return None
        return f, i + 1


def _fits(f: Form, toks: list[Tok], i: int, n: int) -> bool:
    """Do toks[i:i+n] spell form f, as one phrase, in the case its policy asks?"""
    words = f.words
    policy = f.policy
    for j in range(n):
        t = toks[i + j]
        if t.fold != words[j]:
            return False
        if j < n - 1 and not t.join:
            return False
        if policy == NAME and not t.cap and not t.particle and (n == 1 or j == 0 or t.fold not in _LOWER_OK):
            return False
        if policy == CAPS and t.base != t.base.upper():
            return False
    return True


# small words a capitalised form may hold in lower case ("Secretary of State", "Bank of England")
_LOWER_OK = frozenset(("of", "the", "and", "for", "de", "al", "bin", "von", "der", "van"))



