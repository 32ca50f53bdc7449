"""The filter language of the feed, and an index that answers it fast at 100k posts.

Syntax (see README "Filter and search syntax"):

    medinsky "prisoner exchange" person:putin delegation:ukraine outlet:tass day:fri

* A bare word or a "quoted phrase" is literal text: a substring of the post
  compared in one normal form (tui.core.fold: case, NFKC, typographic quotes
  and dashes), so "zürich" finds a decomposed "Zu\u0308rich" and "zu" does not
  match "zü". Several are ANDed (every word must occur, in any order).
* person: delegation: outlet: take a name (quote it if it has spaces). A name
  that equals an entity's canonical name or alias (case-insensitively) selects
  that entity; otherwise every entity whose name or alias CONTAINS the value
  ("vlad" → every Vladimir). Posts are matched by the extracted entities;
  the names a term may use besides the entities' own come from the caller
  (`aliases`: what the blog has revealed up to the playhead).
* day: takes 2025-05-15, 15, "15 May", "may 15", friday or fri.
* blog: takes the name of one of the blogs replayed on one clock (tui.core.merge):
  its outlet or title as the feed's tag shows it; equal selects it, else every
  blog whose name contains the value.
* Different terms AND together; the entities one term selects OR together.
* `word:` with an unknown prefix (or a time like 14:30) is plain text.

Everything here is plain Python: no Textual, no regex on user input.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tui.core.facts import PostEntities
from tui.core.fold import fold as _fold
from tui.core.model import Post
from tui.core.vocab import MONTH_NAMES, WEEKDAY_NAMES

KINDS = ("text", "person", "delegation", "outlet", "day", "blog")
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
    "blog": "blog",
}

_SEP = "\x00"  # between posts in the haystack; never part of a needle


def fold(text: str) -> str:
    """The comparison form (tui.core.fold: NFKC, case, typographic punctuation)."""
    return _fold(text).replace(_SEP, "")


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
    """The days among `days` that a day: value names, and why none when none does (junk, or a
    day the blog does not have: "day:32", "day:monday")."""
    days = list(days)
    found, error = _match_days(value, days)
    if not found and error is None and days:
        span = f"{min(days):%a %d %b}" if len(days) == 1 else f"{min(days):%a %d %b} – {max(days):%a %d %b}"
        error = f"day:{value} names no day of this blog (its days: {span})"
    return found, error


def _match_days(value: str, days: list[date]) -> tuple[list[date], str | None]:
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
Aliases = Mapping[str, Mapping[str, str]]  # kind -> name as typed -> entity key


class _Segment:
    """The folded text of consecutive posts as one UTF-8 haystack (posts joined by NUL)."""

    __slots__ = ("first", "hay", "starts")

    def __init__(self, posts: Sequence[Post]) -> None:
        self.first = posts[0].seq
        # Fold the whole chunk at once (C speed), then encode: UTF-8 bytes are
        # half the size of a UCS-2 str and bytes.find is about twice as fast.
        folded = _fold(_SEP.join(p.text.replace(_SEP, " ") for p in posts))  # keeps the NULs
        self.hay = folded.encode("utf-8")
        starts, pos, sep, find = [0], 0, _SEP.encode(), self.hay.find
        for _ in range(len(posts) - 1):
            pos = find(sep, pos) + 1
            starts.append(pos)
        starts.append(len(self.hay) + 1)
        self.starts = starts  # offset of each post's text (+ an end sentinel)

    @property
    def last(self) -> int:
        return self.first + len(self.starts) - 2


class PostIndex:
    """Lookups over the posts for the filter and the search, queried per keystroke.

    Grows with the blog: `extend(posts)` adds the next posts (a progressive load
    hands them over chunk by chunk; each chunk's folded text becomes one UTF-8
    haystack, so a word is found with one bytes.find scan per chunk instead of
    100k Python comparisons), and `set_entities(entities_of, upto)` says which
    posts have been extracted; their people, delegations and outlets are added
    to per-entity seq sets on the next query that needs them (or `prepare()`).

    Thread-safe: every public method holds one lock, so a filter worker, a
    search worker and the loading worker may share one index. Queries cost a
    scan of the folded text (text terms) or set lookups (entity and day terms).
    """

    def __init__(self, posts: Sequence[Post] = (), *, aliases: Aliases | None = None) -> None:
        """`aliases`: the names terms may use when a query passes none (see filter)."""
        self._lock = threading.RLock()
        self._aliases: Aliases = aliases or {}
        self._segments: list[_Segment] = []
        self._segment_firsts: list[int] = []
        self._n = 0
        self._pending: list[Post] = []  # added but not folded yet (folded on first text query)
        self._entities_of: Callable[[int], PostEntities] | None = None
        self._entities_target = 0  # posts whose entities may be read
        self._entities_upto = 0  # posts whose entities are in the sets
        self._sets: dict[str, dict[str, set[int]]] = {k: {} for k in ENTITY_KINDS}
        # Day ranges: posts are in time order, so each day is a contiguous seq range.
        self._day_ranges: dict[date, tuple[int, int]] = {}
        self._blogs: dict[str, list[int]] = {}  # blog name -> seqs (blogs merged on one clock)
        self._term_cache: dict[tuple[str, str], frozenset[int]] = {}
        self._cached_aliases: Aliases | None = None  # the aliases the caches were made with
        self._last: tuple[tuple[Term, ...], int, list[int]] | None = None  # (terms, version, result)
        self._version = 0  # bumped whenever posts or entities are added
        if posts:
            self.extend(posts)

    @classmethod
    def build(
        cls,
        posts: Sequence[Post],
        entities_of: Callable[[int], PostEntities] | None = None,
        *,
        aliases: Aliases | None = None,
        eager: bool = False,
    ) -> "PostIndex":
        """An index over `posts` whose entities are `entities_of(seq)` for every
        post (read lazily). `eager` builds everything now."""
        index = cls(posts, aliases=aliases)
        if entities_of is not None:
            index.set_entities(entities_of, len(posts))
        if eager:
            index.prepare()
        return index

    # ------------------------------------------------------------ growing
    def extend(self, posts: Sequence[Post], *, fold_now: bool = False) -> None:
        """Add the next posts (seq n+1, n+2, ...); their text is folded on the first
        text query, or now with `fold_now` (a loading worker: queries stay quick)."""
        posts = list(posts)
        if not posts:
            return
        with self._lock:
            if posts[0].seq != self._n + 1:
                raise ValueError(f"posts must continue at seq {self._n + 1}, not {posts[0].seq}")
            for p in posts:
                lo, hi = self._day_ranges.get(p.day, (p.seq, p.seq))
                self._day_ranges[p.day] = (min(lo, p.seq), max(hi, p.seq))
                if p.blog_name:
                    self._blogs.setdefault(p.blog_name, []).append(p.seq)
            self._pending.extend(posts)
            self._n += len(posts)
            self._changed()
            if fold_now:
                self._fold_pending()

    def catch_up(self, posts: Sequence[Post], n: int | None = None, *, fold_now: bool = False) -> None:
        """Index posts[size:n] (n: len(posts) by default) — what is missing, read and added under one
        lock, so a loading worker and the UI thread catching up at once never add a post twice."""
        with self._lock:
            n = len(posts) if n is None else n
            if self._n < n:
                self.extend(posts[self._n : n], fold_now=fold_now)

    def set_entities(self, entities_of: Callable[[int], PostEntities] | None, upto: int) -> None:
        """Posts 1..upto have entities: `entities_of(seq)` (may be called from any thread)."""
        with self._lock:
            if entities_of is not self._entities_of:
                self._entities_of = entities_of
                self._entities_upto = 0
                self._sets = {k: {} for k in ENTITY_KINDS}
            upto = min(upto, self._n) if entities_of is not None else 0
            if upto != self._entities_target:
                self._entities_target = upto
                self._changed()

    def prepare(self) -> None:
        """Build every lazy part now (call from a worker thread)."""
        with self._lock:
            self._fold_pending()
            self._entity_sets()

    def _changed(self) -> None:
        self._version += 1
        self._term_cache.clear()

    def _fold_pending(self) -> None:
        if self._pending:
            segment = _Segment(self._pending)
            self._segments.append(segment)
            self._segment_firsts.append(segment.first)
            self._pending = []

    def _entity_sets(self) -> dict[str, dict[str, set[int]]]:
        if self._entities_upto < self._entities_target and self._entities_of is not None:
            entities_of = self._entities_of
            for seq in range(self._entities_upto + 1, self._entities_target + 1):
                ents = entities_of(seq)
                for kind, keys in (("person", ents.people), ("delegation", ents.delegations), ("outlet", ents.outlets)):
                    bucket = self._sets[kind]
                    for key in keys:
                        bucket.setdefault(key, set()).add(seq)
            self._entities_upto = self._entities_target
        return self._sets

    # ------------------------------------------------------------ facts about the index
    @property
    def size(self) -> int:
        """Posts in the index."""
        return self._n

    @property
    def entities_upto(self) -> int:
        """Posts 1..entities_upto count for person:/delegation:/outlet: terms."""
        return self._entities_target

    @property
    def days(self) -> list[date]:
        with self._lock:
            return sorted(self._day_ranges)

    @property
    def blogs(self) -> list[str]:
        """The names of the blogs merged on one clock, in order of their first post (none for one blog)."""
        with self._lock:
            return list(self._blogs)

    def _blog_names(self, value: str) -> list[str]:
        v = fold(value)
        exact = [name for name in self._blogs if fold(name) == v]
        return exact or [name for name in self._blogs if v in fold(name)]

    # ------------------------------------------------------------ resolving terms
    def entity_keys(self, kind: str, value: str, aliases: Aliases | None = None) -> list[str]:
        """The entity keys a person:/delegation:/outlet: value selects: the entity
        whose name (or an alias in `aliases[kind]`) equals it, else every one
        whose name contains it."""
        with self._lock:
            names: dict[str, set[str]] = {}
            for key in self._entity_sets().get(kind, {}):
                names.setdefault(fold(key), set()).add(key)
            for alias, key in (self._aliases if aliases is None else aliases).get(kind, {}).items():
                names.setdefault(fold(alias), set()).add(key)
            v = fold(value)
            if v in names:
                return sorted(names[v])
            keys: set[str] = set()
            for name, ks in names.items():
                if v in name:
                    keys |= ks
            return sorted(keys)

    def term_error(self, term: Term, aliases: Aliases | None = None) -> str | None:
        """Why a term can never match (for the chip's tooltip), or None."""
        if term.kind == "day":
            with self._lock:
                return match_days(term.value, self._day_ranges)[1]
        if term.kind == "blog":
            with self._lock:
                if not self._blogs:
                    return "blog: selects one of several blogs replayed together (replay A B)"
                if not self._blog_names(term.value):
                    return f"no blog matches {term.value!r} (blogs: {', '.join(self._blogs)})"
            return None
        if term.kind in ENTITY_KINDS and not self.entity_keys(term.kind, term.value, aliases):
            return f"no {term.kind} matches {term.value!r} so far"
        return None

    def _term_set(self, term: Term, aliases: Aliases | None) -> frozenset[int]:
        """Seqs matching a non-text term on its own."""
        key = (term.kind, fold(term.value))
        hit = self._term_cache.get(key)
        if hit is not None:
            return hit
        result: set[int] = set()
        if term.kind == "day":
            for d in match_days(term.value, self._day_ranges)[0]:
                lo, hi = self._day_ranges[d]
                result.update(range(lo, hi + 1))
        elif term.kind == "blog":
            for name in self._blog_names(term.value):
                result.update(self._blogs[name])
        else:
            sets = self._entity_sets()[term.kind]
            for k in self.entity_keys(term.kind, term.value, aliases):
                result |= sets.get(k, set())
        frozen = frozenset(result)
        self._term_cache[key] = frozen
        return frozen

    # ------------------------------------------------------------ text scan
    def _scan(self, needle: str, candidates: list[int] | None) -> list[int]:
        """Seqs (sorted) whose folded text contains `needle`, among candidates."""
        self._fold_pending()
        pat = needle.encode("utf-8")
        if candidates is not None and len(candidates) * 2 < self._n:
            # Fewer candidates than half the posts: probe each post's byte range.
            out = []
            firsts, segments = self._segment_firsts, self._segments
            for s in candidates:
                seg = segments[bisect_right(firsts, s) - 1]
                i = s - seg.first
                if seg.hay.find(pat, seg.starts[i], seg.starts[i + 1] - 1) != -1:
                    out.append(s)
            return out
        out = []
        for seg in self._segments:
            hay, starts, first = seg.hay, seg.starts, seg.first
            find = hay.find
            pos = find(pat)
            while pos != -1:
                i = bisect_right(starts, pos) - 1  # 0-based post index in the segment
                out.append(first + i)
                pos = find(pat, starts[i + 1])  # skip the rest of this post
        if candidates is not None:
            keep = set(candidates)
            out = [s for s in out if s in keep]
        return out

    def scan_text(self, text: str, *, start: int = 1) -> list[int]:
        """Seqs (ascending, from `start`) of the posts containing `text` (folded substring)."""
        with self._lock:
            needle = fold(text)
            seqs = self._scan(needle, None) if needle else list(range(1, self._n + 1))
            return seqs[bisect_left(seqs, start):] if start > 1 else seqs

    # ------------------------------------------------------------ queries
    def filter(self, query: Query, *, aliases: Aliases | None = None, upto: int | None = None) -> list[int]:
        """Seqs (ascending, at most `upto`) of the posts matching every term;
        every post for an empty query. `aliases[kind][name] = key` adds the names
        a term may use (e.g. what the blog has revealed so far)."""
        with self._lock:
            result = self._filter(query, aliases)
            if upto is not None and upto < self._n:
                return result[: bisect_right(result, upto)]
            return list(result)

    def _use_aliases(self, aliases: Aliases | None) -> None:
        if aliases is not self._cached_aliases:  # other names: other answers
            self._cached_aliases = aliases
            self._term_cache.clear()
            self._last = None

    def _filter(self, query: Query, aliases: Aliases | None) -> list[int]:
        self._use_aliases(aliases)
        terms = query.terms
        if not terms:
            return list(range(1, self._n + 1))
        last = self._last
        if last is not None and last[1] == self._version and last[0] == terms:
            return last[2]
        candidates: list[int] | None = None
        # Typing usually extends the previous query: narrow its result instead of rescanning.
        if last is not None and last[1] == self._version and _implies(terms, last[0]):
            candidates = last[2]
        sets = [self._term_set(t, aliases) for t in terms if t.kind != "text"]
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
        self._last = (terms, self._version, result)
        return result

    def term_seqs(self, query: Query, *, aliases: Aliases | None = None, upto: int | None = None) -> list[list[int]]:
        """For each term on its own: the seqs it matches (ascending, at most `upto`)."""
        with self._lock:
            last = self._last
            out = []
            for term in query.terms:
                seqs = self._filter(Query((term,)), aliases) if len(query.terms) > 1 else self._filter(query, aliases)
                out.append(seqs[: bisect_right(seqs, upto)] if upto is not None else list(seqs))
            self._last = last  # keep the whole query as the one typing narrows
            return out

    def term_counts(self, query: Query, *, aliases: Aliases | None = None, upto: int | None = None) -> list[int]:
        """How many posts each term matches on its own (shown on its chip)."""
        return [len(s) for s in self.term_seqs(query, aliases=aliases, upto=upto)]

    def matches(self, seq: int, query: Query, *, aliases: Aliases | None = None) -> bool:
        """Whether one post matches every term of `query`."""
        with self._lock:
            self._use_aliases(aliases)
            if not 1 <= seq <= self._n:
                return False
            for t in query.terms:
                if t.kind == "text":
                    if not self._scan(fold(t.value), [seq]):
                        return False
                elif seq not in self._term_set(t, aliases):
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
