"""`/` search: literal by default, a regular expression on request, never a hang.

* Literal (default): the typed text is a phrase compared in one normal form
  (tui.core.fold: case, NFKC, typographic quotes and dashes), so "kiev's"
  finds "Kiev’s" and a typed "Zürich" finds a decomposed "Zu\\u0308rich".
* Regex: prefix the pattern with `re:` (e.g. `re:\\d{1,2}:\\d\\d`), or pass
  regex=True. Case-insensitive, run on the post's NFC form by google-re2, a
  linear-time engine: no pattern can backtrack catastrophically, so any
  pattern RE2 accepts runs on the whole text of every post. RE2 has no
  backreferences or lookarounds (refused with its reason); `\\w`, `\\d`, `\\b`
  are ASCII, `\\pL` is any letter. Measured against Python's `re` behind a
  backtracking checker and the `regex` module with a timeout:
  benchmarks/regex_engines.py (README "Filter and search syntax").

Results are cut by the caller at the playhead; `SearchResult` answers
"next / previous match at or before k", and "match 3 of 7".
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import re2

from tui.core.fold import fold_map, nfc_map, to_original
from tui.core.model import Post
from tui.core.query import PostIndex, fold

MAX_PATTERN = 200
REGEX_PREFIX = "re:"
MAX_SPANS = 1000  # highlights per post

_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
_OPTIONS.log_errors = False  # RE2 would print parse errors on stderr, i.e. over the interface


class SearchError(ValueError):
    """A pattern we refuse; str() is a one-line message for the search bar."""


@dataclass(frozen=True, slots=True)
class SearchPattern:
    """What the user typed after `/`, compiled. Immutable; safe to share across threads."""

    text: str  # as typed, without the re: prefix
    is_regex: bool
    needle: str = ""  # literal: the folded phrase
    regex: object = field(default=None, compare=False, repr=False)  # regex: the compiled RE2 pattern

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-empty match spans, as [start, end) offsets of `text` itself."""
        out: list[tuple[int, int]] = []
        if self.is_regex:
            hay, starts, ends = nfc_map(text)
            for match in self.regex.finditer(hay):  # type: ignore[attr-defined]
                if match.end() > match.start():
                    out.append(to_original(match.span(), starts, ends))
                    if len(out) >= MAX_SPANS:
                        break
            return out
        hay, starts, ends = fold_map(text)
        needle = self.needle
        pos = hay.find(needle)
        while pos != -1 and len(out) < MAX_SPANS:
            out.append(to_original((pos, pos + len(needle)), starts, ends))
            pos = hay.find(needle, pos + len(needle))
        return out

    def matches(self, text: str) -> bool:
        if self.is_regex:
            return any(m.end() > m.start() for m in self.regex.finditer(_nfc(text)))  # type: ignore[attr-defined]
        return self.needle in fold(text)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def compile_search(text: str, *, regex: bool = False) -> SearchPattern:
    """Compile what the user typed after `/`. Raises SearchError with a one-line reason."""
    if text.startswith(REGEX_PREFIX):
        text, regex = text[len(REGEX_PREFIX):], True
    if not text:
        raise SearchError("empty search")
    if len(text) > MAX_PATTERN:
        raise SearchError(f"search is too long ({len(text)} characters, at most {MAX_PATTERN})")
    if not regex:
        needle = fold(text)
        if not needle:
            raise SearchError("empty search")
        return SearchPattern(text, False, needle=needle)
    try:
        compiled = re2.compile(_nfc(text), _OPTIONS)
    except re2.error as err:
        raise SearchError(f"bad regex: {_reason(err)}") from None
    return SearchPattern(text, True, regex=compiled)


def _reason(err: Exception) -> str:
    message = err.args[0] if err.args else str(err)
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    message = " ".join(str(message).split())
    if "invalid escape sequence: \\1" in message or "invalid escape sequence: \\" in message and message[-1:].isdigit():
        return "backreferences (\\1) are not supported"
    if "invalid perl operator: (?<" in message or "invalid perl operator: (?=" in message or "invalid perl operator: (?!" in message:
        return "lookarounds ((?=…), (?<=…)) are not supported"
    return message


# ---------------------------------------------------------------- results
@dataclass(frozen=True, slots=True)
class SearchResult:
    """Posts the pattern matches among posts 1..scanned_to (ascending seqs)."""

    pattern: SearchPattern
    seqs: tuple[int, ...]
    scanned_to: int  # the posts looked at: 1..scanned_to

    def __len__(self) -> int:
        return len(self.seqs)

    def extended(self, more: Iterable[int], scanned_to: int) -> "SearchResult":
        """This result plus matches among later posts (a progressive load added them)."""
        seqs = self.seqs + tuple(s for s in more if s > self.scanned_to)
        return SearchResult(self.pattern, seqs, max(scanned_to, self.scanned_to))

    def count_upto(self, upto: int) -> int:
        """Matches at or before post `upto` (the playhead: later ones would be spoilers)."""
        return bisect_right(self.seqs, upto)

    def rank(self, seq: int) -> int | None:
        """1-based position of a matching post among the matches (for "match 3/7")."""
        i = bisect_left(self.seqs, seq)
        return i + 1 if i < len(self.seqs) and self.seqs[i] == seq else None

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


def search_posts(
    pattern: SearchPattern,
    posts: Sequence[Post],
    *,
    index: PostIndex | None = None,
    start: int = 1,
) -> SearchResult:
    """Every post among posts[start-1:] the pattern matches (seq >= start).

    A literal with an index is one C-speed scan of the folded text; otherwise
    post by post (a regex costs time linear in the text)."""
    stop = len(posts)
    if not pattern.is_regex and index is not None and index.size >= stop:
        seqs = [s for s in index.scan_text(pattern.text, start=start) if s <= stop]
        return SearchResult(pattern, tuple(seqs), stop)
    out = [post.seq for post in posts[max(0, start - 1):stop] if pattern.matches(post.text)]
    return SearchResult(pattern, tuple(out), stop)
