"""The line scan: a blog's bytes -> day sections, stamp blocks and the summary.

One linear pass over a TextSource, a chunk (~1 MB, whole lines) at a time, so
no list of the file's lines ever exists: each chunk is decoded (that is the
UTF-8 check), control characters are made visible, and only the lines that can
be more than paragraph text — blank, with whitespace to strip, opening with a
digit, short with a digit (see `plain`), ending in " ago" (a relative stamp),
a page's furniture or a pin label — are looked at one by one
(stamps, headers, headline forms); they are found with C-level passes (map,
compress), not a Python loop over every line. Runs of plain lines between
them are recorded as byte spans (`Part`), so a section is decoded again only
when it is grouped into posts.

Positions are byte offsets into the source. A forward scan from the start of
the file knows every line number (warnings carry them, and it leaves line
checkpoints in the source); a scan of a region alone (`scan_region`, the
oldest day of a big newest-first file before the first frame) does not, and
its warnings are dropped: the full scan that follows reports them.
"""

from __future__ import annotations

import codecs
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import accumulate, compress, count
from operator import itemgetter, methodcaller, not_
from typing import NamedTuple

from tui.core.days import _ANY_DIGIT
from tui.core.days import _MAX_LEN as _STAMP_MAX
from tui.core.days import (Stamp, clean, is_relative_stamp, leading_clock, looks_like_header, parse_stamp,
                           relative_stamp, weekday_stamp)
from tui.core.errors import InputError
from tui.core.model import ParseWarning
from tui.core.source import _CONTROL, _MAX_CONTROL_WARNINGS, TextSource, _visible, has_controls
from tui.core.vocab import FURNITURE_LINES, FURNITURE_PREFIXES, PIN_LABELS

CHUNK = 1 << 20  # bytes decoded and classified per step of the scan
_FIRST = itemgetter(slice(0, 1))
# A labelled leading stamp ("Last updated at 4:50 PM: text") has its first
# digit within this many characters.
_LABEL_WINDOW = 24
_OPENING = itemgetter(slice(0, _LABEL_WINDOW))
_LAST = itemgetter(slice(-1, None))
_AGO_END = methodcaller("endswith", " ago")
_SHORT = (_STAMP_MAX + 1).__gt__
_PLUS1 = (1).__add__
_MAX_BAD_BYTES_WARNINGS = 20
_NOTE_BAD = "liveblog-note-bad-bytes"
_BAD = threading.local()


def _note_bad_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """A decode error handler: replace like "replace", and note where."""
    _BAD.found.append(err.start)
    return "\ufffd", err.end


codecs.register_error(_NOTE_BAD, _note_bad_bytes)


def plain(line: str) -> bool:
    """A line that can only be paragraph text: not blank, nothing to strip, no
    digit in its opening characters (no leading clock, labelled or not: "UPDATE
    4:50 PM: …"), and too long or digit-free to be a stamp (a stamp is at most
    _STAMP_MAX characters and has a digit)."""
    return (bool(line) and not line[0].isspace() and not line[-1].isspace()
            and _ANY_DIGIT.search(line, 0, _LABEL_WINDOW) is None
            and (len(line) > _STAMP_MAX or _ANY_DIGIT.search(line) is None))


# first letters of FURNITURE_LINES and FURNITURE_PREFIXES: only such lines are looked at again
_FURNITURE_FIRST = frozenset(w[0] for w in (*FURNITURE_LINES, *FURNITURE_PREFIXES, *PIN_LABELS)) | \
    frozenset(w[0].upper() for w in (*FURNITURE_LINES, *FURNITURE_PREFIXES, *PIN_LABELS))


def is_furniture(line: str) -> bool:
    """Is the line a page's share button, ad or link to another page ("Share full article",
    "Related: …"), copied with the page's text?"""
    low = line.strip().lower()
    return low in FURNITURE_LINES or low.startswith(FURNITURE_PREFIXES)


def special_lines(lines: list[str]) -> list[int]:
    """Indices of the lines that are not `plain`, found with C-level passes."""
    found = set(compress(count(), map(not_, lines)))
    first = list(map(_FIRST, lines))
    maybe = compress(count(), map(_FURNITURE_FIRST.__contains__, first))
    found.update(i for i in maybe if is_furniture(lines[i]) or lines[i].strip().lower() in PIN_LABELS)
    found.update(compress(count(), map(str.isspace, first)))
    found.update(compress(count(), map(_ANY_DIGIT.search, map(_OPENING, lines))))
    found.update(compress(count(), map(str.isspace, map(_LAST, lines))))
    found.update(compress(count(), map(_AGO_END, lines)))  # "an hour ago": a relative stamp without a digit
    short = list(compress(count(), map(_SHORT, map(len, lines))))
    found.update(compress(short, map(_ANY_DIGIT.search, map(lines.__getitem__, short))))
    return sorted(found)


class Part(NamedTuple):
    """Paragraph lines of a block: bytes start..stop (whole lines, newlines
    included). `lines` plain lines kept verbatim, or one `special` line whose
    text is stripped."""

    start: int
    stop: int
    lines: int
    special: bool


@dataclass(slots=True)
class Block:
    """Paragraphs under one stamp (or under the day header before any stamp)."""

    stamp: Stamp | None
    stamp_at: int  # byte offset of the stamp line (or of the header/lead line that opened the block)
    lead: bool = False  # the stamp opens the first paragraph ("14:05 Text…") rather than a line of its own
    count: int = 0
    parts: list[Part] = field(default_factory=list)
    updates: list[tuple[int, int, Stamp]] = field(default_factory=list)  # "Updated at …" lines: (start, end, stamp)
    holes: list[int] = field(default_factory=list)  # skipped lines inside the block (a repeated day header)
    cuts: list[int] = field(default_factory=list)  # those of them that are page furniture ("Share"): a post ends there

    def add_run(self, start: int, stop: int, lines: int) -> None:
        parts = self.parts
        if parts and not parts[-1].special and parts[-1].stop == start:
            last = parts[-1]
            parts[-1] = Part(last.start, stop, last.lines + lines, False)
        else:
            parts.append(Part(start, stop, lines, False))
        self.count += lines

    def paragraphs(self, src: TextSource) -> tuple[list[tuple[int, int]], list[str]]:
        """([(start, end) of each paragraph line's text], [its text]), file order."""
        spans: list[tuple[int, int]] = []
        texts: list[str] = []
        for part in self.parts:
            raw = src.raw(part.start, part.stop)
            pieces = raw.split(b"\n")
            if raw.endswith(b"\n"):
                pieces.pop()
            starts = list(accumulate(map(_PLUS1, map(len, pieces)), initial=part.start))
            for i, piece in enumerate(pieces):
                end = starts[i] + len(piece) - (1 if piece.endswith(b"\r") else 0)
                spans.append((starts[i], end))
            lines = src.text(part.start, part.stop).split("\n")
            if raw.endswith(b"\n"):
                lines.pop()
            if part.special:
                texts.extend(line.strip() for line in lines)
            else:
                texts.extend(lines)
        return spans, texts

    def first_text(self, src: TextSource) -> str:
        if not self.parts:
            return ""
        part = self.parts[0]
        end = src.buf.find(b"\n", part.start, part.stop)
        line = src.text(part.start, part.stop if end < 0 else end)
        return line.strip() if part.special else line


@dataclass(slots=True)
class Day:
    day: date | None  # None until the year of a yearless header is inferred
    header_at: int  # byte offset of the header line
    blocks: list[Block] = field(default_factory=list)
    month_day: tuple[int, int] | None = None  # a header without its year: (month, day)
    weekday: int | None = None  # the weekday the header names
    header: str = ""  # the header as written, for messages
    ready: list | None = None  # posts read whole from a saved page (no grouping or timing here)
    stop: int = 0  # byte offset where the section ends (the next header, or the end of the file)
    dated: bool = False  # the text gave its year (the header, or a dated stamp under it)


def _same_day(current: Day, stamp: Stamp) -> bool:
    """Does a dated stamp name the day of the current section (years compared when both are known)?"""
    if current.day is not None and stamp.day is not None:
        return current.day == stamp.day
    md = current.month_day or (current.day.month, current.day.day)  # type: ignore[union-attr]
    return md == (stamp.month_day or (stamp.day.month, stamp.day.day))  # type: ignore[union-attr]


def _unreadable(number: int, line: str) -> ParseWarning:
    return ParseWarning(number, f"{clean(line)!r} looks like a day header or time stamp but cannot be read; kept as text")


class Scan:
    """The state of a forward line scan; feed it chunks with `run(upto)`.

    `strict`: bytes that are not UTF-8 are an InputError (check, export);
    otherwise they are a warning and show as U+FFFD (replay: found after the
    first frame). `numbered=False` scans a region whose line numbers are not
    known: no warnings, no checkpoints, no validation.
    """

    def __init__(self, src: TextSource, start: int | None = None, *, strict: bool = True, numbered: bool = True,
                 open_on_stamps: bool = False, weekday_days: bool = False, reference: datetime | None = None) -> None:
        self.src = src
        self.pos = src.start if start is None else start
        self._from_top = self.pos <= src.start
        self.newlines = 0  # before pos (numbered scans start at the top of the file)
        self.strict = strict
        self.numbered = numbered
        self.summary: list[tuple[int, str]] = []
        self.days: list[Day] = []
        self.block: Block | None = None
        self.notes: list[ParseWarning] = []
        self._controls = 0  # lines with control characters seen (warned about up to a cap)
        self._control_last = 0
        self._bad = 0  # lines with bytes that are not UTF-8
        self._bad_last = 0
        # The first time-only stamp line above the first day (byte offset, and how many summary lines
        # came before it): on a newest-first page whose dated stamps date only a day's first post, the
        # posts above the first date are stamped posts of that day, not a summary (parse.redate_own_posts).
        self.lede_stamp: tuple[int, int] | None = None
        self.open_on_stamps = open_on_stamps  # a time-only stamp line above any day opens an undated day
        # Stamps that name a weekday and a clock but no date ("Tue 9.05am"): counted, and with
        # `weekday_days` read as stamps, each change of weekday opening a day to be dated later
        self.weekday_days = weekday_days
        self.weekday_stamps = 0
        # Stamps relative to when the page was loaded ("2 hours ago", "Yesterday 21:40"): counted, and
        # with a `reference` (the page's update time) read as the moments they name
        self.reference = reference
        self.relative_stamps = 0

    @property
    def done(self) -> bool:
        return self.pos >= self.src.size

    @property
    def clean(self) -> bool:
        """A whole-file scan that is done and found no control character."""
        return self.numbered and self.done and self._controls == 0 and self._from_top


    def run(self, upto: int | None = None, *, stop: Callable[[], bool] | None = None) -> None:
        """Scan whole lines from pos to `upto` (or the end); `stop()` is asked between chunks."""
        src = self.src
        end_at = src.size if upto is None else min(upto, src.size)
        while self.pos < end_at:
            a = self.pos
            b = min(end_at, a + CHUNK)
            if b < src.size:
                src.ensure(min(src.size, b + 1), a)
                nl = src.buf.rfind(b"\n", a, b)
                reach = b
                while nl < 0:  # a line longer than a chunk: up to its end
                    start, reach = reach, min(src.size, reach + 2 * (reach - a))
                    src.ensure(reach, a)
                    nl = src.buf.find(b"\n", start, reach)
                    if reach >= src.size:
                        break
                b = src.size if nl < 0 else nl + 1
            self._chunk(a, b)
            if stop is not None and stop():
                break
        if self.done:
            self._close_warnings()

    # ---- one chunk ---------------------------------------------------------

    def _decode(self, raw: bytes, a: int) -> str:
        if not self.numbered:
            return raw.decode("utf-8", "replace")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = self.newlines + raw.count(b"\n", 0, err.start) + 1
            at = a + err.start
            if self.strict:
                if err.reason == "unexpected end of data" and a + err.end == self.src.size:
                    raise InputError(f"{self.src.name}: ends in the middle of a UTF-8 character at line {line}, "
                                     f"byte offset {at}; the file looks truncated") from None
                raise InputError(f"{self.src.name}: not UTF-8 at line {line}, byte offset {at} "
                                 f"(byte 0x{raw[err.start]:02x}); try --encoding latin-1") from None
        found: list[int] = []
        _BAD.found = found
        text = raw.decode("utf-8", _NOTE_BAD)
        last = -1
        for at in found:  # once per line, up to a cap
            line = self.newlines + raw.count(b"\n", 0, at) + 1
            if line == last:
                continue
            last = self._bad_last = line
            self._bad += 1
            if self._bad <= _MAX_BAD_BYTES_WARNINGS:
                self.notes.append(ParseWarning(line, f"bytes that are not UTF-8 (0x{raw[at]:02x} at byte offset "
                                                     f"{a + at}) shown as \ufffd"))
        return text

    def _neutralise(self, text: str, first_line: int) -> str:
        """Make control characters visible, warning once per line (up to a cap), as read_text does."""
        line, pos, last = first_line, 0, 0
        for m in _CONTROL.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            if line != last:
                last = line
                self._controls += 1
                self._control_last = line
                if self._controls <= _MAX_CONTROL_WARNINGS:
                    code = ord(m.group())
                    kind = "bidirectional control character" if code >= 0x202A else "control character"
                    self.notes.append(ParseWarning(line, f"{kind} U+{code:04X} shown as a visible symbol"))
        return _CONTROL.sub(_visible, text)

    def _close_warnings(self) -> None:
        hidden = self._controls - _MAX_CONTROL_WARNINGS
        if hidden > 0:
            self.notes.append(ParseWarning(self._control_last, f"control characters on {hidden} more lines made visible"))
            self._controls = _MAX_CONTROL_WARNINGS
        bad = self._bad - _MAX_BAD_BYTES_WARNINGS
        if bad > 0:
            self.notes.append(ParseWarning(self._bad_last, f"bytes that are not UTF-8 on {bad} more lines shown as \ufffd"))
            self._bad = _MAX_BAD_BYTES_WARNINGS

    def _chunk(self, a: int, b: int) -> None:
        src = self.src
        raw = src.raw(a, b)
        text = self._decode(raw, a)
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        if has_controls(raw):
            text = self._neutralise(text, self.newlines + 1) if self.numbered else _CONTROL.sub(_visible, text)
        lines = text.split("\n")
        pieces = raw.split(b"\n")
        if raw.endswith(b"\n"):
            lines.pop()
            pieces.pop()
        starts = list(accumulate(map(_PLUS1, map(len, pieces)), initial=a))
        starts[-1] = min(starts[-1], b)
        base = self.newlines
        numbered = self.numbered
        if numbered:
            src.checkpoint(a, base)
        notes = self.notes
        days = self.days
        block = self.block
        special = special_lines(lines)
        special.append(len(lines))
        prev = 0
        for index in special:
            if prev < index:  # plain lines prev..index-1
                if block is None:
                    self.summary.extend(zip(range(base + prev + 1, base + index + 1), lines[prev:index]))
                else:
                    block.add_run(starts[prev], starts[index], index - prev)
            prev = index + 1
            if index == len(lines):
                break
            line = lines[index]
            if not line or line.isspace():
                continue
            at = starts[index]
            number = base + index + 1
            if numbered:
                src.checkpoint(at, number - 1)
            if block is not None and block.stamp is not None and not block.count \
                    and line.strip().lower() in PIN_LABELS:
                # "Tue 7.10am" / "PINNED" / headline: the page's mark on the post, not its headline
                block.stamp = replace(block.stamp, pinned=True)
                block.holes.append(at)
                continue
            if line.lstrip()[:1] in _FURNITURE_FIRST and is_furniture(line):
                # "Share full article", "Related: …": the page's, not a post's (nor the summary's)
                if block is not None:
                    block.holes.append(at)
                    if block.count:
                        block.cuts.append(at)
                continue
            stamp = parse_stamp(line)
            if stamp is None and self.reference is not None:
                stamp = relative_stamp(line, self.reference)
            elif stamp is None and block is None and is_relative_stamp(line):
                self.relative_stamps += 1  # (above any dated line: a page read by them, not a caption)
            if stamp is not None and stamp.updated:
                # "Updated at 21.40 BST" under a post, or right under its stamp ("6:20 a.m. EDT" /
                # "Updated 6:52 a.m. EDT" / headline): the post's edit, never its headline
                if block is not None and (block.count or (block.stamp is not None and block.stamp.clock is not None
                                                          and not block.lead)):
                    block.updates.append((at, starts[index + 1], stamp))
                    continue
                stamp = None  # nothing above it to update: text
            if stamp is not None and stamp.dated:
                if stamp.weekday_mismatch and numbered:
                    notes.append(ParseWarning(number, f"weekday does not match {stamp.day:%d %B %Y}"))
                current = days[-1] if days else None
                if current is not None and _same_day(current, stamp):
                    if current.day is None and stamp.day is not None:
                        current.day = stamp.day  # "15 August 2025" under stamps that said "15 August"
                        current.dated = True
                    if stamp.clock is not None:  # "16 May 2025 14:05" in a stamped blog
                        block = Block(stamp, at)
                        current.blocks.append(block)
                    else:
                        if numbered:
                            name = f"{stamp.day:%d %B %Y}" if stamp.day is not None else clean(line)
                            notes.append(ParseWarning(number, f"day header {name} repeated"))
                        block.holes.append(at)  # type: ignore[union-attr]
                    continue
                if current is not None:
                    current.stop = at
                block = Block(stamp if stamp.clock else None, at)
                days.append(Day(stamp.day, at, [block], stamp.month_day, stamp.weekday, clean(line),
                                dated=stamp.day is not None))
                continue
            if stamp is None and self.weekday_days:
                stamp = weekday_stamp(line)
                if stamp is not None:
                    current = days[-1] if days else None
                    block = Block(stamp, at)
                    weekday = None if current is None else current.day.weekday() if current.day is not None else current.weekday
                    if current is not None and weekday == stamp.weekday:
                        current.blocks.append(block)
                    else:  # "Wed 7.05am" after "Tue 9.40pm": the next day
                        if current is not None:
                            current.stop = at
                        days.append(Day(None, at, [block], None, stamp.weekday, clean(line)))
                    continue
            if stamp is None and looks_like_header(line):
                if weekday_stamp(line) is not None:
                    self.weekday_stamps += 1
                if numbered:
                    notes.append(_unreadable(number, line))
            if block is None:  # no day yet: the summary
                if stamp is not None and stamp.clock is not None:
                    if self.open_on_stamps:
                        block = Block(stamp, at)
                        days.append(Day(None, at, [block]))
                        continue
                    if self.lede_stamp is None:
                        self.lede_stamp = (at, len(self.summary))
                self.summary.append((number, line))
                continue
            if stamp is not None:  # a time-only stamp line opens a block
                block = Block(stamp, at)
                days[-1].blocks.append(block)
                continue
            lead = leading_clock(line)
            if lead is not None:  # "14:05 Text…": the stamp opens the post it starts
                block = Block(lead[0], at, lead=True)
                days[-1].blocks.append(block)
            block.parts.append(Part(at, starts[index + 1], 1, True))
            block.count += 1
        self.block = block
        self.newlines = base + len(pieces) - (0 if raw.endswith(b"\n") else 1)
        self.pos = b
        if days:
            days[-1].stop = b


def scan_region(src: TextSource, start: int, stop: int) -> Scan:
    """Scan bytes start..stop (start at a line that opens a day) without line numbers."""
    scan = Scan(src, start, numbered=False)
    scan.run(stop)
    return scan


TAIL_WINDOW = 1 << 16  # bytes read at a time when looking for day headers from the bottom up


def dated_lines_before(src: TextSource, end: int, floor: int = 0, window: int | None = None):
    """Yield (offset, stamp) of every line that gives a date (day headers and
    dated stamps), from byte `end` (a line start, or the end of the file)
    backwards to `floor` (a line start), a window at a time."""
    window = window or TAIL_WINDOW
    hi = end
    while hi > floor:
        lo = max(floor, hi - window)
        raw = src.raw(lo, hi)
        if lo > floor:
            nl = raw.find(b"\n")
            if nl < 0 or nl + 1 >= len(raw):  # a line longer than the window: widen it
                window *= 2
                continue
            raw = raw[nl + 1:]
            lo += nl + 1
        text = raw.decode("utf-8", "replace")
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        if _CONTROL.search(text) is not None:
            text = _CONTROL.sub(_visible, text)
        lines = text.split("\n")
        pieces = raw.split(b"\n")
        starts = list(accumulate(map(_PLUS1, map(len, pieces)), initial=lo))
        for index in reversed(special_lines(lines)):
            line = lines[index]
            if not line or line.isspace():
                continue
            stamp = parse_stamp(line)
            if stamp is not None and stamp.dated and not stamp.updated:
                yield starts[index], stamp
        hi = lo
