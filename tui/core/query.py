"""The filter language of the feed, and an index that answers it fast at 100k posts.

Syntax (see README "Filter and search syntax"):

    medinsky "prisoner exchange" person:putin delegation:ukraine outlet:tass day:fri

* A bare word or a "quoted phrase" is literal text: case-insensitive substring
  of the post, typographic quotes/dashes match their ASCII forms. Several are
  ANDed (every word must occur, in any order).
* person: delegation: outlet: take a name (quote it if it has spaces). A name
  that equals an entity's canonical name or alias (case-insensitively) selects
  that entity; otherwise every entity whose name or alias CONTAINS the value
  ("vlad" → every Vladimir). Posts are matched by the extracted entities.
* day: takes 2025-05-15, 15, "15 May", "may 15", friday or fri.
* Different terms AND together; the entities one term selects OR together.
* `word:` with an unknown prefix (or a time like 14:30) is plain text.

Everything here is plain Python: no Textual, no regex on user input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.facts import PostEntities
from tui.core.model import Post
from tui.core.vocab import MONTH_NAMES, WEEKDAY_NAMES

KINDS = ("text", "person", "delegation", "outlet", "day")
ENTITY_KINDS = ("person", "delegation", "outlet")
_PREFIXES = {
    "person": "person",
    "who": "person",
    "delegation": "delegation",
    "deleg": "delegation",
    "outlet": "outlet",
    "source": "outlet",
    "day": "day",
    "date": "day",
}

# Length-preserving folds so "kiev's" finds "Kiev’s" and "--" style dashes match.
_PUNCT_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'),
               ("\u2013", "-"), ("\u2014", "-"), ("\u00a0", " "))
_SEP = "\x00"  # between posts in the haystack; never part of a needle


def fold(text: str) -> str:
    """Case- and punctuation-folded form used for every comparison."""
    text = text.casefold()
    for src, dst in _PUNCT_FOLD:
        if src in text:
            text = text.replace(src, dst)
    return text.replace(_SEP, "")


# ---------------------------------------------------------------- parsing
@dataclass(frozen=True, slots=True)
class Term:
    kind: str  # one of KINDS
    value: str  # unquoted value as typed
    raw: str  # the token as typed, for rebuilding the query text

    @property
    def label(self) -> str:
        """Short text for a chip."""
        return self.value if self.kind == "text" else f"{self.kind}:{self.value}"


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def text(self) -> str:
        """The query as text (what the filter bar shows)."""
        return " ".join(t.raw for t in self.terms)

    def without(self, index: int) -> "Query":
        """The query with one chip removed."""
        return Query(self.terms[:index] + self.terms[index + 1 :])

    def __str__(self) -> str:
        return self.text


_TOKEN = re.compile(r'(?:(?P<prefix>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"]+))?')


def parse_query(text: str) -> Query:
    """Split filter text into terms. Never raises: odd input becomes text terms."""
    terms: list[Term] = []
    pos, n = 0, len(text)
    while pos < n:
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:  # a lone quote character
            pos += 1
            continue
        raw = m.group(0)
        pos = m.end()
        prefix, quoted, bare = m.group("prefix"), m.group("quoted"), m.group("bare")
        kind = _PREFIXES.get(prefix.lower()) if prefix else None
        if prefix and kind is None:
            # Unknown prefix: the whole token is text (e.g. "re:", "http:", "14:30").
            value = raw.replace('"', "")
            if value:
                terms.append(Term("text", value, raw))
            continue
        value = (quoted if quoted is not None else bare or "").strip()
        if not value:
            continue  # "person:" while typing, or ""
        terms.append(Term(kind or "text", value, raw))
    return Query(tuple(terms))


# ---------------------------------------------------------------- days
_MONTHS = MONTH_NAMES
_WEEKDAYS = WEEKDAY_NAMES


def _prefix_of(word: str, names: tuple[str, ...], min_len: int = 3) -> int | None:
    """Index of the name `word` abbreviates ("fri" → friday, "sept." → september)."""
    word = word.lower().rstrip(".")
    if len(word) >= min_len:
        for i, name in enumerate(names):
            if name.startswith(word):
                return i
    return None


def match_days(value: str, days: Iterable[date]) -> tuple[list[date], str | None]:
    """The days among `days` that a day: value names, and an error for junk."""
    v = value.strip().lower().replace(",", " ")
    v = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", v)  # "15th May"
    days = list(days)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", v)
    if m:
        try:
            want = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return [], f"no such date: {value}"
        return [d for d in days if d == want], None
    if re.fullmatch(r"\d{1,2}", v):
        return [d for d in days if d.day == int(v)], None
    words = v.split()
    if len(words) == 1 and (wd := _prefix_of(words[0], _WEEKDAYS, 2)) is not None:
        return [d for d in days if d.weekday() == wd], None
    if 2 <= len(words) <= 3:
        nums = [w for w in words if w.isdigit()]
        names = [w for w in words if not w.isdigit()]
        month = _prefix_of(names[0], _MONTHS) if len(names) == 1 else None
        small = [int(w) for w in nums if len(w) <= 2]
        years = [int(w) for w in nums if len(w) == 4]
        if month is not None and len(small) == 1 and len(years) == len(nums) - 1:
            return [d for d in days if d.month == month + 1 and d.day == small[0]
                    and (not years or d.year == years[0])], None
    return [], f"day:{value} is not a day (try 2025-05-15, 15, 15 May or fri)"


# ---------------------------------------------------------------- index
class PostIndex:
    """Precomputed lookups over the posts, built once, queried per keystroke.

    The folded text of every post lives in one UTF-8 haystack (posts joined by
    NUL; one bytes.find scan per word instead of 100k Python comparisons); it and
    the entity sets are built lazily on the first query that needs them, or by
    `prepare()` in a background worker.
    """

    def __init__(
        self,
        posts: Sequence[Post],
        entities_of: Callable[[int], PostEntities] | None = None,
        aliases: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self._posts = posts
        self._n = len(posts)
        self._entities_of = entities_of
        self._aliases = aliases or {}
        self._hay: bytes | None = None
        self._starts: list[int] = []  # offset of each post's text in the haystack (+ end sentinel)
        self._sets: dict[str, dict[str, frozenset[int]]] | None = None
        self._names: dict[str, dict[str, set[str]]] = {}  # kind -> folded name -> keys
        # Day ranges: posts are in time order, so each day is a contiguous seq range.
        self._day_ranges: dict[date, tuple[int, int]] = {}
        for p in posts:
            lo, hi = self._day_ranges.get(p.day, (p.seq, p.seq))
            self._day_ranges[p.day] = (min(lo, p.seq), max(hi, p.seq))
        self._term_cache: dict[tuple[str, str], frozenset[int] | None] = {}
        self._last: tuple[tuple[Term, ...], list[int]] | None = None

    @classmethod
    def build(
        cls,
        posts: Sequence[Post],
        entities_of: Callable[[int], PostEntities] | None = None,
        *,
        aliases: Mapping[str, Mapping[str, str]] | None = None,
        eager: bool = False,
    ) -> "PostIndex":
        """`aliases[kind][alias] = key` adds names a term may use for an entity key
        (e.g. {"delegation": {"Russia": "ru"}}). `eager` builds everything now."""
        index = cls(posts, entities_of, aliases)
        if eager:
            index.prepare()
        return index

    def with_entities(
        self,
        entities_of: Callable[[int], PostEntities] | None,
        *,
        aliases: Mapping[str, Mapping[str, str]] | None = None,
    ) -> "PostIndex":
        """A new index over the same posts with fresh entity data (more posts have
        been extracted). It shares the text haystack once built; this index is left
        untouched, so threads still filtering with it keep a consistent view."""
        new = PostIndex.__new__(PostIndex)
        new.__dict__.update(self.__dict__)  # posts, haystack, offsets, day ranges: read-only
        new._entities_of = entities_of
        new._aliases = aliases or {}
        new._sets = None
        new._names = {}
        new._term_cache = {}
        new._last = None
        return new

    # ------------------------------------------------------------ building
    def prepare(self) -> None:
        """Build every lazy part now (call from a worker thread)."""
        self._haystack()
        self._entity_sets()

    @property
    def size(self) -> int:
        return self._n

    @property
    def days(self) -> list[date]:
        return sorted(self._day_ranges)

    def _haystack(self) -> bytes:
        if self._hay is None:
            # Fold the whole text at once (C speed), then encode: UTF-8 bytes are
            # half the size of a UCS-2 str and bytes.find is about twice as fast.
            joined = _SEP.join(p.text.replace(_SEP, " ") for p in self._posts)
            folded = joined.casefold()
            del joined
            for src, dst in _PUNCT_FOLD:
                if src in folded:
                    folded = folded.replace(src, dst)
            hay = folded.encode("utf-8")
            del folded
            starts, pos, sep, find = [0], 0, _SEP.encode(), hay.find
            for _ in range(self._n - 1):
                pos = find(sep, pos) + 1
                starts.append(pos)
            starts.append(len(hay) + 1)
            self._starts, self._hay = starts, hay
        return self._hay

    def _entity_sets(self) -> dict[str, dict[str, frozenset[int]]]:
        if self._sets is None:
            acc: dict[str, dict[str, set[int]]] = {k: {} for k in ENTITY_KINDS}
            if self._entities_of is not None:
                for p in self._posts:
                    ents = self._entities_of(p.seq)
                    for kind, keys in (("person", ents.people), ("delegation", ents.delegations), ("outlet", ents.outlets)):
                        bucket = acc[kind]
                        for key in keys:
                            bucket.setdefault(key, set()).add(p.seq)
            self._sets = {k: {key: frozenset(s) for key, s in v.items()} for k, v in acc.items()}
            for kind in ENTITY_KINDS:
                names: dict[str, set[str]] = {}
                for key in self._sets[kind]:
                    names.setdefault(fold(key), set()).add(key)
                for alias, key in self._aliases.get(kind, {}).items():
                    names.setdefault(fold(alias), set()).add(key)
                self._names[kind] = names
        return self._sets

    # ------------------------------------------------------------ resolving terms
    def entity_keys(self, kind: str, value: str) -> list[str]:
        """The entity keys a person:/delegation:/outlet: value selects (exact name first)."""
        self._entity_sets()
        names = self._names.get(kind, {})
        v = fold(value)
        if v in names:
            return sorted(names[v])
        keys: set[str] = set()
        for name, ks in names.items():
            if v in name:
                keys |= ks
        return sorted(keys)

    def term_error(self, term: Term) -> str | None:
        """Why a term can never match (for the chip's tooltip), or None."""
        if term.kind == "day":
            return match_days(term.value, self._day_ranges)[1]
        if term.kind in ENTITY_KINDS and not self.entity_keys(term.kind, term.value):
            return f"no {term.kind} matches {term.value!r}"
        return None

    def _term_set(self, term: Term) -> frozenset[int] | None:
        """Seqs matching a non-text term on its own (None = every post)."""
        key = (term.kind, fold(term.value))
        if key in self._term_cache:
            return self._term_cache[key]
        result: set[int] = set()
        if term.kind == "day":
            for d in match_days(term.value, self._day_ranges)[0]:
                lo, hi = self._day_ranges[d]
                result.update(range(lo, hi + 1))
        else:
            sets = self._entity_sets()[term.kind]
            for k in self.entity_keys(term.kind, term.value):
                result |= sets.get(k, frozenset())
        frozen = frozenset(result)
        self._term_cache[key] = frozen
        return frozen

    # ------------------------------------------------------------ text scan
    def _scan(self, needle: str, candidates: list[int] | None) -> list[int]:
        """Seqs (sorted) whose folded text contains `needle`, among candidates."""
        hay = self._haystack()
        starts = self._starts
        pat = needle.encode("utf-8")
        find = hay.find
        if candidates is not None and len(candidates) * 2 < self._n:
            # Fewer candidates than half the posts: probe each post's byte range.
            return [s for s in candidates if find(pat, starts[s - 1], starts[s] - 1) != -1]
        out: list[int] = []
        pos = find(pat)
        while pos != -1:
            i = bisect_right(starts, pos) - 1  # 0-based post index
            out.append(i + 1)
            pos = find(pat, starts[i + 1])  # skip the rest of this post
        if candidates is not None:
            keep = set(candidates)
            out = [s for s in out if s in keep]
        return out

    def scan_text(self, text: str) -> list[int]:
        """Seqs (ascending) of the posts containing `text` (folded substring)."""
        needle = fold(text)
        return self._scan(needle, None) if needle else list(range(1, self._n + 1))

    # ------------------------------------------------------------ queries
    def filter(self, query: Query) -> list[int]:
        """Seqs (ascending) of the posts matching every term; every post for an empty query."""
        terms = query.terms
        if not terms:
            return list(range(1, self._n + 1))
        if self._last is not None and self._last[0] == terms:
            return list(self._last[1])
        candidates: list[int] | None = None
        # Typing usually extends the previous query: narrow its result instead of rescanning.
        if self._last is not None and _implies(terms, self._last[0]):
            candidates = self._last[1]
        sets = [self._term_set(t) for t in terms if t.kind != "text"]
        sets.sort(key=len)
        for s in sets:
            if candidates is None:
                candidates = sorted(s)
            else:
                candidates = [x for x in candidates if x in s]
            if not candidates:
                break
        words = sorted({fold(t.value) for t in terms if t.kind == "text"} - {""}, key=len, reverse=True)
        for w in words:  # longest first: usually the rarest
            if candidates is not None and not candidates:
                break
            candidates = self._scan(w, candidates)
        result = candidates if candidates is not None else list(range(1, self._n + 1))
        self._last = (terms, result)
        return list(result)

    def term_counts(self, query: Query) -> list[int]:
        """How many posts each term matches on its own (shown on its chip)."""
        counts = []
        for t in query.terms:
            if t.kind == "text":
                key = ("text", fold(t.value))
                if key not in self._term_cache:
                    self._term_cache[key] = frozenset(self._scan(key[1], None)) if key[1] else None
                s = self._term_cache[key]
                counts.append(self._n if s is None else len(s))
            else:
                counts.append(len(self._term_set(t) or ()))
        return counts

    def matches(self, seq: int, query: Query) -> bool:
        """Whether one post matches (for a post revealed after the filter ran)."""
        if not 1 <= seq <= self._n:
            return False
        for t in query.terms:
            if t.kind == "text":
                hay = self._haystack()
                if hay.find(fold(t.value).encode("utf-8"), self._starts[seq - 1], self._starts[seq] - 1) == -1:
                    return False
            elif seq not in (self._term_set(t) or ()):
                return False
        return True


def _implies(new: tuple[Term, ...], old: tuple[Term, ...]) -> bool:
    """True when every post matching `new` also matches `old` (so old's result can be narrowed)."""
    for o in old:
        ov = fold(o.value)
        ok = False
        for t in new:
            if t.kind != o.kind:
                continue
            if o.kind == "text":  # a longer word matches a subset of the posts
                ok = ov in fold(t.value)
            else:  # entity names resolve exact-first, so only equal values are safe
                ok = fold(t.value) == ov
            if ok:
                break
        if not ok:
            return False
    return True
