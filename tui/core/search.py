"""`/` search: literal by default, regex on request, and never a hang.

* Literal (default): the typed text is a phrase, matched case-insensitively;
  typographic quotes and dashes match their ASCII forms ("kiev's" finds
  "Kiev’s"). Linear time.
* Regex: prefix the pattern with `re:` (e.g. `re:\\d{1,2}:\\d\\d`), or pass
  regex=True. Case-insensitive. Python's `re` backtracks and cannot be
  interrupted, so a pattern is checked before it runs:
  - at most MAX_PATTERN characters;
  - no backreferences (\\1, (?P=name));
  - no nested open-ended repeats such as (a+)+ or (\\w+\\s?)*;
  - no repeated alternatives that can match the same text, such as (a|a)*;
  - a worst-case cost model (start positions × choices of every repeat) must
    stay under a budget — in practice at most one open-ended repeat that can
    backtrack, e.g. `foo.*bar` is fine, `a.*b.*c` is refused (use {0,80}).
  Each post is matched on at most MAX_TEXT characters, and a scan over all
  posts stops after a time budget, reporting how far it got.
"""

from __future__ import annotations

import math
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

try:  # Python 3.11+: the parser moved under re
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from tui.core.model import Post
from tui.core.query import PostIndex

MAX_PATTERN = 200
MAX_TEXT = 5_000  # characters of one post a regex looks at (posts average ~440)
REGEX_PREFIX = "re:"
_NOMINAL_LEN = 1_000  # text length the cost model assumes
_COST_LIMIT = 1e7
_QUOTES = {"'": "'\u2018\u2019", '"': '"\u201c\u201d\u201e', "-": "-\u2013\u2014", " ": " \u00a0"}


class SearchError(ValueError):
    """A pattern we refuse; str() is a one-line message for the prompt."""


@dataclass(frozen=True, slots=True)
class SearchPattern:
    text: str  # what the user typed, without the re: prefix
    is_regex: bool
    regex: re.Pattern[str]  # used for spans (literal patterns compile to an escaped regex)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-empty match spans in `text` (regex: within its first MAX_TEXT characters)."""
        hay = text[:MAX_TEXT] if self.is_regex else text
        return [m.span() for m in self.regex.finditer(hay) if m.end() > m.start()]

    def matches(self, text: str) -> bool:
        hay = text[:MAX_TEXT] if self.is_regex else text
        return any(m.end() > m.start() for m in self.regex.finditer(hay))


def compile_search(text: str, *, regex: bool = False) -> SearchPattern:
    """Compile what the user typed after `/`. Raises SearchError with a clear message."""
    if text.startswith(REGEX_PREFIX):
        text, regex = text[len(REGEX_PREFIX):], True
    if not text:
        raise SearchError("empty search")
    if len(text) > MAX_PATTERN:
        raise SearchError(f"search is too long ({len(text)} characters, at most {MAX_PATTERN})")
    if not regex:
        body = "".join(f"[{re.escape(_QUOTES[ch])}]" if ch in _QUOTES else re.escape(ch) for ch in text)
        return SearchPattern(text, False, re.compile(body, re.IGNORECASE))
    check_regex(text)
    try:
        compiled = re.compile(text, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as err:
        raise SearchError(f"bad regex: {err}") from None
    return SearchPattern(text, True, compiled)


# ---------------------------------------------------------------- regex safety
_PROBE_BASE = "".join(chr(i) for i in range(256)) + "\u2018\u2019\u201c\u201d\u2013\u2014\u0416\u0436\u4e2d\u0660\u2003\u0301"
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())


def check_regex(pattern: str) -> None:
    """Raise SearchError when `pattern` could backtrack catastrophically."""
    if len(pattern) > MAX_PATTERN:
        raise SearchError(f"regex is too long ({len(pattern)} characters, at most {MAX_PATTERN})")
    try:
        tree = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as err:
        raise SearchError(f"bad regex: {err}") from None
    probes = set(_PROBE_BASE)
    _collect_literals(list(tree), probes)
    analyser = _Analyser(frozenset(probes))
    cost = _NOMINAL_LEN * analyser.seq_cost(list(tree))[1]
    if cost > _COST_LIMIT:
        raise SearchError(
            "regex could take too long: use at most one open-ended repeat (* + {n,}) "
            "that can backtrack, or bounded ones like {0,80}"
        )


def _collect_literals(items: list, out: set[str]) -> None:
    """Add every literal and range end of the pattern to the probe characters."""
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL):
            out.add(chr(av))
        elif op == C.RANGE:
            out.update((chr(av[0]), chr(av[1])))
        elif op == C.IN:
            _collect_literals(av, out)
        elif op == C.SUBPATTERN:
            _collect_literals(list(av[-1]), out)
        elif op in _REPEATS:
            _collect_literals(list(av[2]), out)
        elif op == C.BRANCH:
            for alt in av[1]:
                _collect_literals(list(alt), out)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _collect_literals(list(av[1]), out)
        elif op == getattr(C, "ATOMIC_GROUP", None):
            _collect_literals(list(av), out)


def _in_category(cat, ch: str) -> bool:
    word = ch.isalnum() or ch == "_"
    table = {
        C.CATEGORY_DIGIT: ch.isdecimal(), C.CATEGORY_NOT_DIGIT: not ch.isdecimal(),
        C.CATEGORY_SPACE: ch.isspace(), C.CATEGORY_NOT_SPACE: not ch.isspace(),
        C.CATEGORY_WORD: word, C.CATEGORY_NOT_WORD: not word,
    }
    return table.get(cat, True)


class _Analyser:
    """Worst-case backtracking estimate over the sre parse tree.

    Character sets are evaluated on a probe alphabet (Latin-1, some Unicode,
    and every literal in the pattern), enough to tell \\w from \\s or [a-f] from
    [x-z]. A greedy single-character repeat whose set is disjoint from what
    follows cannot backtrack usefully, so it costs 1; any other repeat of a
    single character costs (max - min + 1); a repeat of anything with choices
    costs choices ** max, which is what refuses (a|a)* and (a+)+.
    """

    def __init__(self, probes: frozenset[str]) -> None:
        self.probes = probes

    # character sets ---------------------------------------------------------
    def char_set(self, op, av) -> frozenset[str] | None:
        """Set of probe characters a single-character item matches, None if not one."""
        if op == C.LITERAL:
            c = chr(av)
            return frozenset(p for p in self.probes if p.lower() == c.lower())
        if op == C.NOT_LITERAL:
            c = chr(av)
            return frozenset(p for p in self.probes if p.lower() != c.lower())
        if op == C.ANY:
            return self.probes
        if op == C.IN:
            return frozenset(p for p in self.probes if self._in_set(av, p))
        return None

    def _in_set(self, items, ch: str) -> bool:
        negate, hit = False, False
        for op, av in items:
            if op == C.NEGATE:
                negate = True
            elif op == C.LITERAL:
                hit = hit or ch.lower() == chr(av).lower()
            elif op == C.RANGE:
                # Case forms may be several characters ("ß".upper() == "SS"): only single ones compare.
                hit = hit or any(len(c) == 1 and av[0] <= ord(c) <= av[1] for c in (ch, ch.lower(), ch.upper()))
            elif op == C.CATEGORY:
                hit = hit or _in_category(av, ch)
            else:
                hit = True  # unknown member: assume it matches (conservative)
        return hit != negate

    def first(self, items: list, follow: frozenset[str]) -> frozenset[str]:
        """Characters that can start a match of `items`, then `follow` if it can be empty."""
        acc: set[str] = set()
        for op, av in items:
            f, nullable = self._first_item(op, av)
            acc |= f
            if not nullable:
                return frozenset(acc)
        return frozenset(acc | follow)

    def _first_item(self, op, av) -> tuple[frozenset[str], bool]:
        cs = self.char_set(op, av)
        if cs is not None:
            return cs, False
        if op == C.SUBPATTERN:
            items = list(av[-1])
            return self.first(items, frozenset()), self.nullable(items)
        if op in _REPEATS:
            items = list(av[2])
            return self.first(items, frozenset()), av[0] == 0 or self.nullable(items)
        if op == C.BRANCH:
            sets = [self._first_item_seq(list(alt)) for alt in av[1]]
            return frozenset().union(*(s for s, _ in sets)), any(n for _, n in sets)
        if op == getattr(C, "ATOMIC_GROUP", None):
            items = list(av)
            return self.first(items, frozenset()), self.nullable(items)
        return frozenset(), True  # anchors, lookarounds: zero width

    def _first_item_seq(self, items: list) -> tuple[frozenset[str], bool]:
        return self.first(items, frozenset()), self.nullable(items)

    def nullable(self, items: list) -> bool:
        return all(self._first_item(op, av)[1] for op, av in items)

    # cost ----------------------------------------------------------------
    # Each item has (choices, work): how many ways it can match at one spot
    # (each one a backtracking branch for what follows) and how many steps one
    # attempt takes. A sequence's work is sum_i(prod_{j<i} choices_j * work_i).
    def seq_cost(self, items: list, follow: frozenset[str] | None = None) -> tuple[float, float]:
        follow = frozenset() if follow is None else follow
        choices, work = 1.0, 0.0
        for i, (op, av) in enumerate(items):
            after = self.first(items[i + 1 :], follow)
            c, w = self.item_cost(op, av, after)
            work += choices * w
            choices *= c
            if choices > 1e30 or work > 1e30:
                return math.inf, math.inf
        return choices, max(work, 1.0)

    def item_cost(self, op, av, follow: frozenset[str]) -> tuple[float, float]:
        if op in (C.GROUPREF, C.GROUPREF_EXISTS):
            raise SearchError("backreferences (\\1, (?P=name)) are not supported in search")
        if self.char_set(op, av) is not None or op in (C.AT, C.CATEGORY):
            return 1.0, 1.0
        if op == C.SUBPATTERN:
            return self.seq_cost(list(av[-1]), follow)
        if op == getattr(C, "ATOMIC_GROUP", None):
            return 1.0, self.seq_cost(list(av), follow)[1]  # no backtracking into it
        if op in (C.ASSERT, C.ASSERT_NOT):
            return 1.0, self.seq_cost(list(av[1]))[1]
        if op == C.BRANCH:
            alts = [list(alt) for alt in av[1]]
            costs = [self.seq_cost(a, follow) for a in alts]
            firsts = [self.first(a, follow) for a in alts]
            disjoint = all(not (firsts[i] & firsts[j]) for i in range(len(alts)) for j in range(i + 1, len(alts)))
            work = sum(w for _, w in costs)
            return (max(c for c, _ in costs) if disjoint else sum(c for c, _ in costs)), work
        if op in _REPEATS:
            lo, hi, body = av[0], av[1], list(av[2])
            unbounded = hi == C.MAXREPEAT
            hi_eff = _NOMINAL_LEN if unbounded else min(hi, _NOMINAL_LEN)
            if unbounded and self._has_repeat(body):
                raise SearchError("nested repeats like (a+)+ or (\\w+\\s?)* can take forever; refused")
            possessive = op == getattr(C, "POSSESSIVE_REPEAT", None)
            single = self.char_set(*body[0]) if len(body) == 1 else None
            if single is not None:
                # A greedy run followed by something it cannot match has one useful length.
                deterministic = possessive or not (single & follow)
                return (1.0 if deterministic else float(hi_eff - lo + 1)), float(hi_eff)
            inner_c, inner_w = self.seq_cost(body, self.first(body, follow))
            if inner_c <= 1.0:
                return (1.0 if possessive else float(hi_eff - lo + 1)), hi_eff * inner_w
            if unbounded:
                raise SearchError("a repeated group with alternatives that can match the same text, like (a|a)*, is refused")
            try:
                c = inner_c ** hi_eff
            except OverflowError:
                return math.inf, math.inf
            return (1.0 if possessive else c), c * inner_w
        return 1.0, 1.0

    def _has_repeat(self, items: list) -> bool:
        for op, av in items:
            if op in _REPEATS and av[1] > 1:
                return True
            if op == C.SUBPATTERN and self._has_repeat(list(av[-1])):
                return True
            if op == C.BRANCH and any(self._has_repeat(list(a)) for a in av[1]):
                return True
            if op == getattr(C, "ATOMIC_GROUP", None) and self._has_repeat(list(av)):
                return True
        return False


# ---------------------------------------------------------------- results
@dataclass(frozen=True, slots=True)
class SearchResult:
    pattern: SearchPattern
    seqs: tuple[int, ...]  # ascending
    complete: bool  # False when the time budget stopped the scan
    scanned_to: int  # last seq looked at

    def __len__(self) -> int:
        return len(self.seqs)

    def next_after(self, seq: int, *, upto: int | None = None, wrap: bool = True) -> int | None:
        """First match after `seq` (`n`), among seqs <= upto (no spoilers); wraps to the first."""
        limit = len(self.seqs) if upto is None else bisect_right(self.seqs, upto)
        if limit == 0:
            return None
        i = bisect_right(self.seqs, seq, 0, limit)
        if i < limit:
            return self.seqs[i]
        return self.seqs[0] if wrap else None

    def prev_before(self, seq: int, *, upto: int | None = None, wrap: bool = True) -> int | None:
        """Last match before `seq` (`N`), among seqs <= upto; wraps to the last."""
        limit = len(self.seqs) if upto is None else bisect_right(self.seqs, upto)
        if limit == 0:
            return None
        i = bisect_left(self.seqs, seq, 0, limit)
        if i > 0:
            return self.seqs[i - 1]
        return self.seqs[limit - 1] if wrap else None

    def count_upto(self, upto: int) -> int:
        return bisect_right(self.seqs, upto)


def search_posts(
    pattern: SearchPattern,
    posts: Sequence[Post],
    *,
    index: PostIndex | None = None,
    budget: float = 2.0,
    clock: Callable[[], float] = time.monotonic,
) -> SearchResult:
    """Every post the pattern matches. Literal + index: one C-speed scan of the
    folded haystack. Otherwise post by post, stopping after `budget` seconds."""
    if not pattern.is_regex and index is not None:
        return SearchResult(pattern, tuple(index.scan_text(pattern.text)), True, len(posts))
    deadline = clock() + budget
    out: list[int] = []
    last = 0
    for i, post in enumerate(posts):
        if i % 64 == 0 and clock() > deadline:
            return SearchResult(pattern, tuple(out), False, last)
        if pattern.matches(post.text):
            out.append(post.seq)
        last = post.seq
    return SearchResult(pattern, tuple(out), True, last)
