"""Plain text → Textual `Content` with highlight spans. Never markup.

Post text, names and evidence strings are data: they are turned into `Content`
from the plain string and styled by offset spans, so "[US]", "[/]" or
"[@click=app.quit]" reach the screen exactly as typed. `Content.from_markup`,
`Static("...")` with a str, and `textual.markup.escape()` are never used here.

Styles are Textual style strings ("bold $accent"); `$variables` resolve against
the running app's theme. The style constants below are shared by the feed and
the panes so a person looks the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from textual.content import Content, Span
from textual.visual import Visual

# Semantic styles (one place to retheme).
PERSON = "bold $accent"
DELEGATION = "bold $secondary"
OUTLET = "italic $warning"
PLACE = "underline"
TIME = "bold"
ESTIMATED = "italic"
DIM = "dim"
MATCH = "reverse $warning"
STRUCK = "strike dim"
CHANGED = "bold $success"
PLAYHEAD = "bold reverse $warning"  # a span style: component-class backgrounds are dropped in Content

KIND_STYLES: dict[str, str] = {
    "person": PERSON,
    "delegation": DELEGATION,
    "outlet": OUTLET,
    "place": PLACE,
}

# Control bytes become visible one-for-one (same length, so span offsets stay
# valid): C0 → Control Pictures (ESC → ␛), DEL → ␡, C1 → �. Tabs become spaces.
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_VISIBLE[0x09] = " "
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_HAS_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\t]")


def visible(text: str) -> str:
    """Make control characters visible without changing the text's length."""
    if _HAS_CONTROL.search(text):
        return text.translate(_VISIBLE)
    return text


def plain(text: str, style: str = "") -> Content:
    """Content showing `text` verbatim, optionally in one style."""
    text = visible(text)
    spans = [Span(0, len(text), style)] if style and text else None
    return Content(text, spans, strip_control_codes=False)


def highlighted(text: str, spans: Iterable[tuple[int, int, str]]) -> Content:
    """Content showing `text` verbatim with styles on [start, end) offsets.

    Spans are clipped to the text; empty or out-of-range spans are dropped, so a
    stale mention from another version of a post can never raise.
    """
    text = visible(text)
    size = len(text)
    clipped = []
    for start, end, style in spans:
        start, end = max(0, start), min(size, end)
        if style and start < end:
            clipped.append(Span(start, end, style))
    return Content(text, clipped or None, strip_control_codes=False)


def line(*parts: str | tuple[str, str] | Content) -> Content:
    """Join plain pieces, (text, style) pairs and Content into one Content."""
    safe: list[str | tuple[str, str] | Content] = []
    for part in parts:
        if isinstance(part, str):
            safe.append(visible(part))
        elif isinstance(part, tuple):
            safe.append((visible(part[0]), part[1]))
        else:
            safe.append(part)
    return Content.assemble(*safe, strip_control_codes=False)


def mention_spans(mentions: Iterable[object], offset: int = 0) -> list[tuple[int, int, str]]:
    """Spans for `Mention`s (start, end, kind): each kind gets its shared style."""
    out: list[tuple[int, int, str]] = []
    for m in mentions:
        style = KIND_STYLES.get(getattr(m, "kind", ""), "")
        if style:
            out.append((m.start + offset, m.end + offset, style))  # type: ignore[attr-defined]
    return out


def find_spans(text: str, needle: str, style: str = MATCH, *, ignore_case: bool = True) -> list[tuple[int, int, str]]:
    """Spans of every literal occurrence of `needle` in `text` (no regex)."""
    if not needle:
        return []
    hay, pin = (text.casefold(), needle.casefold()) if ignore_case else (text, needle)
    if len(hay) != len(text):  # casefold changed lengths (ß → ss): fall back to lower()
        hay, pin = text.lower(), needle.lower()
        if len(hay) != len(text):
            hay, pin = text, needle
    out: list[tuple[int, int, str]] = []
    start = hay.find(pin)
    while start != -1:
        out.append((start, start + len(pin), style))
        start = hay.find(pin, start + max(1, len(pin)))
    return out


def regex_spans(text: str, pattern: re.Pattern[str], style: str = MATCH, limit: int = 1000) -> list[tuple[int, int, str]]:
    """Spans of a compiled pattern's matches (capped, empty matches skipped)."""
    out: list[tuple[int, int, str]] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            out.append((match.start(), match.end(), style))
            if len(out) >= limit:
                break
    return out


def shift(spans: Sequence[tuple[int, int, str]], by: int) -> list[tuple[int, int, str]]:
    """Move spans by `by` characters (e.g. from post.text into one paragraph)."""
    return [(s + by, e + by, st) for s, e, st in spans]


class Hanging(Visual):
    """Lines of a row, each wrapping with a hanging indent: its continuation rows
    start `indent` cells in, under the line's text rather than under its bullet or
    label. Reads like the Content it is made of (`plain`, `spans`, `str`)."""

    def __init__(self, lines: Sequence[tuple[Content, int]]) -> None:
        self.lines = tuple(lines)
        self.content = Content("\n").join(line for line, _ in self.lines)
        self._wrapped: tuple[int, Content] | None = None

    @property
    def plain(self) -> str:
        return self.content.plain

    @property
    def spans(self) -> Sequence[Span]:
        return self.content.spans

    def __str__(self) -> str:
        return self.content.plain

    def wrapped(self, width: int) -> Content:
        """The rows at `width`, one Content line per row (each fits: nothing wraps again)."""
        if self._wrapped is None or self._wrapped[0] != width:
            rows: list[Content] = []
            for line, indent in self.lines:
                rows.extend(hang(line, width, indent))
            self._wrapped = (width, Content("\n").join(rows))
        return self._wrapped[1]

    def render_strips(self, width, height, style, options):
        return self.wrapped(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules, width: int) -> int:
        return self.wrapped(width).get_height(rules, width)


def hang(line: Content, width: int, indent: int) -> list[Content]:
    """One line wrapped to `width`: the first row as it comes, the rest `indent` cells
    in. A narrow width keeps at least half of itself for the text."""
    if width < 2 or line.cell_length <= width:
        return [line]
    first = line.wrap(width)[0]
    plain = line.plain
    start = len(first.plain)  # the first row is a prefix of the line, its trailing spaces dropped
    while start < len(plain) and plain[start] == " ":
        start += 1
    if start >= len(plain):
        return [first]
    indent = min(indent, width // 2)
    return [first, *(row.pad_left(indent) for row in line[start:].wrap(width - indent))]


def hanging(*lines: tuple[Content, int]) -> Hanging:
    """A pane row from (line, continuation indent) pairs (see Hanging)."""
    return Hanging(lines)
