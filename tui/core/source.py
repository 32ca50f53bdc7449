"""Read a blog file's bytes and turn them into safe text.

Everything the user can get wrong about a file (missing, a directory, no
permission, empty, binary, wrong encoding) becomes an InputError with a
one-line message. Control bytes are made visible here, at load, so that no
later layer can ever send an escape sequence to the terminal.

The text is held ONCE, as UTF-8 bytes in a TextSource: posts keep byte
offsets into it and decode their paragraphs when asked. A big UTF-8 file is
not even read whole before the first frame: open_source() checks it from its
first and last bytes (missing, directory, empty, binary, not UTF-8 there) and
the rest is read as the parser reaches it (TextSource.ensure).
"""

from __future__ import annotations

import codecs
import mmap
import os
import re
import stat
import sys
import threading
from bisect import bisect_right
from pathlib import Path

from tui.core.errors import InputError
from tui.core.model import ParseWarning

# How many bytes we sniff to decide "is this text at all".
_SNIFF = 8192
# C0 controls except \t and \n (CR is normalised before), DEL, the C1 range, and the
# bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069):
# they reorder what the terminal shows around them ("Trojan Source").
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI_UTF8 = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
# The same characters in UTF-8 bytes: C0 (but \t, \n, \r) and DEL are single
# bytes, C1 (U+0080..U+009F) is \xc2 followed by \x80..\x9f.
_C0_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# At most this many per-line warnings; the rest are summarised in one.
_MAX_CONTROL_WARNINGS = 20

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Names that mean "the blog comes on standard input".
STDIN_NAMES = ("-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0")


def is_stdin(path: str | Path | None) -> bool:
    """Does `path` name standard input (`-`, /dev/stdin)?"""
    return path is not None and str(path) in STDIN_NAMES


def _read_stdin(name: str) -> bytes:
    """All of standard input (a pipe or a redirected file), read before anything else."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise InputError(f"{name}: there is no standard input to read the blog from")
    try:
        if os.isatty(stream.fileno()):
            raise InputError(f"{name}: standard input is a terminal; pipe a blog in, e.g. `liveblog-tui replay - < blog.txt`")
        return stream.buffer.read() if name == "-" else Path(name).read_bytes()
    except (OSError, ValueError) as err:
        raise InputError(f"{name}: cannot read standard input ({getattr(err, 'strerror', None) or err})") from None


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes (all of standard input for `-` or /dev/stdin), or an InputError that says why not."""
    if is_stdin(path):
        return _read_stdin(str(path))
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}: is a directory, not a blog text file")
        return p.read_bytes()
    except OSError as err:
        raise _unreadable(p, err) from None


def _unreadable(p: Path, err: OSError) -> InputError:
    """The one-line reason a file cannot be opened or read."""
    if isinstance(err, FileNotFoundError):
        return InputError(f"{p}: no such file")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{p}: is a directory, not a blog text file")
    if isinstance(err, PermissionError):
        return InputError(f"{p}: permission denied")
    return InputError(f"{p}: cannot read ({err.strerror or err})")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; InputError for an unknown name."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8 or latin-1") from None
    if not info._is_text_encoding:  # rot13, hex, base64: bytes-to-bytes codecs
        raise InputError(f"{encoding!r} is not a text encoding; try utf-8 or latin-1")
    return info.name


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    # Mostly non-text bytes (controls other than whitespace) in the head.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) if head else 0
    return controls > len(head) * 0.10


def decode(data: bytes, encoding: str = "utf-8", *, source: str = "input") -> str:
    """Bytes -> str with universal newlines ("\\n" only).

    A BOM wins over the requested encoding (UTF-8 BOM is simply dropped,
    UTF-16/32 with a BOM is decoded as such).
    """
    codec = check_encoding(encoding)
    bom_codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    # UTF-16/32 text is full of NUL bytes: only sniff for binary in other codecs.
    if bom_codec is None and not codec.startswith(("utf-16", "utf-32")) and _looks_binary(data):
        raise InputError(f"{source}: looks like binary data, not a text blog")
    use = bom_codec or ("utf-8-sig" if codec == "utf-8" else codec)
    try:
        text = data.decode(use)
    except UnicodeDecodeError as err:
        if use in ("utf-8-sig", "utf-8"):
            line = data.count(b"\n", 0, err.start) + 1
            if err.reason == "unexpected end of data" and err.end == len(data):
                # A valid start of a multi-byte character cut off at the end of the file.
                raise InputError(
                    f"{source}: ends in the middle of a UTF-8 character at line {line}, "
                    f"byte offset {err.start}; the file looks truncated"
                ) from None
            raise InputError(
                f"{source}: not UTF-8 at line {line}, byte offset {err.start} "
                f"(byte 0x{data[err.start]:02x}); try --encoding latin-1"
            ) from None
        raise InputError(f"{source}: cannot decode as {encoding} at byte offset {err.start}") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 block: NUL -> ␀, ESC -> ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"  # C1 controls have no picture; spell them out


def neutralise_controls(text: str) -> tuple[str, list[ParseWarning]]:
    """Replace control characters (except tab and newline) with visible symbols."""
    if _CONTROL.search(text) is None:  # the common case: one C-speed scan
        return text, []
    warnings: list[ParseWarning] = []
    line, pos, hidden = 1, 0, 0
    last_line = 0
    for m in _CONTROL.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        if line != last_line:
            last_line = line
            if len(warnings) < _MAX_CONTROL_WARNINGS:
                code = ord(m.group())
                kind = "bidirectional control character" if code >= 0x202A else "control character"
                warnings.append(ParseWarning(line, f"{kind} U+{code:04X} shown as a visible symbol"))
            else:
                hidden += 1
    if hidden:
        warnings.append(ParseWarning(last_line, f"control characters on {hidden} more lines made visible"))
    return _CONTROL.sub(_visible, text), warnings


def read_text(path: str | Path, encoding: str = "utf-8") -> tuple[str, list[ParseWarning]]:
    """Read, decode and sanitise a blog file. Empty/whitespace-only is an error."""
    data = read_bytes(path)
    if not data:
        raise InputError(f"{path}: file is empty")
    text = decode(data, encoding, source=str(path))
    if not text or text.isspace():  # not text.strip(): that would copy a 44 MB string
        raise InputError(f"{path}: file contains only whitespace")
    if _utf8_without_controls(data, encoding):
        return text, []  # the common case, found on the bytes: ~3x faster than on the str
    return neutralise_controls(text)


def has_controls(raw: bytes) -> bool:
    """Do UTF-8 bytes hold a character neutralise_controls would replace? (C-speed checks)"""
    if len(raw.translate(None, _C0_BYTES)) != len(raw):
        return True
    if b"\xc2" in raw and _C1_UTF8.search(raw) is not None:  # memchr first: \xc2 is rare
        return True
    return _BIDI_UTF8.search(raw) is not None


def _utf8_without_controls(data: bytes, encoding: str) -> bool:
    """True when `data` was decoded as UTF-8 and holds no control character that
    neutralise_controls would replace (checked with two C-speed passes)."""
    bom = next((name for mark, name in _BOMS if data.startswith(mark)), None)
    if not (bom == "utf-8-sig" or (bom is None and check_encoding(encoding) == "utf-8")):
        return False
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return False
    if b"\xc2" in data and _C1_UTF8.search(data) is not None:  # memchr first: \xc2 is rare
        return False
    return _BIDI_UTF8.search(data) is None


# ---------------------------------------------------------------- the text, held once

# A UTF-8 file bigger than this is opened lazily (head and tail first, the rest
# as the parser reaches it); smaller ones are read, checked and decoded whole.
LAZY_FROM = 1 << 20
# How much of each end of a lazily opened file is read and checked up front.
EDGE = 64 * 1024
READ_AHEAD = 1 << 18  # bytes read ahead while filling
NEWLINE = b"\n"


class TextSource:
    """A blog's text held once: UTF-8 bytes whose lines end in "\\n" or "\\r\\n".

    Posts keep byte offsets into `buf` (a bytes object, or for a file opened
    lazily an anonymous memory map of the file's size, filled as the parser
    reads on: `ensure(end)`; its pages cost memory only once written, and a
    file changed on disk meanwhile cannot crash the app as a mapped file could); `paragraphs(a, b)` decodes a span when asked, with
    control characters made visible. `line_at(offset)` gives 1-based line
    numbers (a saved page's own lines when the text came from one) from
    checkpoints the line scan leaves every chunk, so no list of lines is kept.
    Thread-safe: the app's worker fills and scans while the UI decodes posts.
    """

    def __init__(self, name: str, data: bytes | bytearray, *, start: int = 0, file=None, size: int | None = None,
                 tail: int | None = None, warnings: list[ParseWarning] | None = None) -> None:
        self.name = name
        self.buf = data
        self.size = len(data) if size is None else size
        self.start = start  # first byte of text (after a UTF-8 byte-order mark)
        self._file = file
        self._filled = self.size if file is None else 0  # bytes [0, _filled) are read ...
        self._tail = self.size if tail is None else tail  # ... and so are bytes [_tail, size)
        self._lock = threading.RLock()
        self._cp_off: list[int] = [0]  # checkpoints: offset of a line start ...
        self._cp_nl: list[int] = [0]  # ... and how many newlines come before it
        self._last = (0, 0)
        self.line_map: list[int] | None = None  # text line -> line of the saved page it came from
        self.warnings: list[ParseWarning] = list(warnings or ())  # found while reading whole (control characters)
        self.changed = False  # the file changed size while it was being read
        # No control character anywhere (then decoding skips the check): text read
        # whole was made safe already; a big file once its whole scan found none.
        self.clean = file is None

    @classmethod
    def from_text(cls, name: str, text: str) -> TextSource:
        """A source for text already decoded (a saved page's visible text, tests)."""
        return cls(name, text.encode("utf-8", "surrogatepass"))

    @property
    def lazy(self) -> bool:
        """Is part of the file still unread?"""
        return self._filled < self._tail

    @property
    def bytes_read(self) -> int:
        """How many of the file's bytes have been read so far."""
        return self.size if self._filled >= self._tail else self._filled + (self.size - self._tail)

    @property
    def complete_upto(self) -> int:
        """Bytes [0, complete_upto) are read."""
        return self.size if self._filled >= self._tail else self._filled

    def ensure(self, end: int, start: int | None = None) -> None:
        """Make bytes start..end readable (start None: everything before end).
        The file is read as one prefix and one suffix that grow: a range past
        the prefix extends the suffix down to it (the oldest posts of a
        newest-first blog are at the end), anything else extends the prefix."""
        if end <= self._filled or self._filled >= self._tail or (start is not None and start >= self._tail):
            return
        with self._lock:
            view = memoryview(self.buf)
            try:
                if start is not None and start > self._filled and self._file is not None:
                    if start < self._tail:
                        self._read(view, start, self._tail)  # the suffix grows down to start
                        self._tail = start
                    end = 0  # the range is in the suffix: the prefix stays as it is
                while self._filled < min(end, self._tail) and self._file is not None:
                    stop = min(self._tail, max(end, self._filled + READ_AHEAD))
                    self._filled += self._read(view, self._filled, stop)
            finally:
                view.release()
            if self._filled >= self._tail:
                self._close_file()

    def _read(self, view: memoryview, a: int, b: int) -> int:
        """Read bytes a..b of the file into the buffer; how many were read."""
        self._file.seek(a)
        pos = a
        while pos < b:
            got = self._file.readinto(view[pos:b])
            if not got:  # the file shrank since it was opened: what is missing stays NUL
                self.changed = True
                return b - a
            pos += got
        return b - a

    def _close_file(self) -> None:
        if self._file is not None:
            try:
                if os.fstat(self._file.fileno()).st_size != self.size:
                    self.changed = True
            except OSError:
                pass
            self._file.close()
            self._file = None

    def close(self) -> None:
        """Stop reading (posts in unread parts must not be asked for afterwards)."""
        with self._lock:
            self._close_file()

    def raw(self, a: int, b: int) -> bytes:
        """Bytes a..b (read first if needed)."""
        self.ensure(b, a)
        return bytes(self.buf[a:b])

    def text(self, a: int, b: int) -> str:
        """Bytes a..b decoded ("\\r\\n" -> "\\n", bytes that are not UTF-8 as U+FFFD),
        control characters made visible."""
        raw = self.raw(a, b)
        s = raw.decode("utf-8", "replace")
        if "\r" in s:
            s = s.replace("\r\n", "\n")
        if not self.clean and has_controls(raw):
            s = _CONTROL.sub(_visible, s)
        return s

    def paragraphs(self, a: int, b: int, holes: tuple[int, ...] = ()) -> tuple[str, ...]:
        """The non-blank lines of bytes a..b, stripped, but those whose 0-based
        index within the span is in `holes`."""
        lines = self.text(a, b).split("\n")
        if holes:
            lines = [line for i, line in enumerate(lines) if i not in holes]
        return tuple(s for line in lines if (s := line.strip()))

    def newlines(self, a: int, b: int) -> int:
        """How many newlines bytes a..b hold (they must be read)."""
        buf = self.buf
        if type(buf) is not mmap.mmap:
            return buf.count(b"\n", a, b)
        total = 0
        for lo in range(a, b, 1 << 20):
            total += buf[lo:min(b, lo + (1 << 20))].count(b"\n")
        return total

    def checkpoint(self, offset: int, newlines: int) -> None:
        """The line scan reached `offset` (a line start) after `newlines` newlines."""
        if offset > self._cp_off[-1]:
            self._cp_nl.append(newlines)  # appended first: a reader that sees the offset sees its count
            self._cp_off.append(offset)

    def line_at(self, offset: int) -> int:
        """The 1-based line holding byte `offset` (a saved page's own line when mapped)."""
        i = bisect_right(self._cp_off, offset) - 1
        base, count = self._cp_off[i], self._cp_nl[i]
        last_off, last_count = self._last
        if base <= last_off <= offset:
            base, count = last_off, last_count
        if last_off > offset and last_off - offset < offset - base:  # closer from above
            count = last_count - self.newlines(offset, last_off)
        else:
            self.ensure(offset, base)
            count += self.newlines(base, offset)
        self._last = (offset, count)
        line = count + 1
        if self.line_map is not None and 1 <= line <= len(self.line_map):
            return self.line_map[line - 1]
        return line


def _stat_regular(p: Path):
    try:
        st = p.stat()
    except OSError as err:
        raise _unreadable(p, err) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory, not a blog text file")
    return st


def _check_edge(data: bytes, source: str, *, head: bool, offset: int, line_of) -> None:
    """An end of a lazily opened file: bytes that are not UTF-8 there are an InputError."""
    if not head:  # may start inside a character: skip continuation bytes
        cut = 0
        while cut < min(3, len(data)) and 0x80 <= data[cut] < 0xC0:
            cut += 1
        data = data[cut:]
        offset += cut
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=not head)
    except UnicodeDecodeError as err:
        at = offset + err.start
        if err.reason == "unexpected end of data":
            raise InputError(f"{source}: ends in the middle of a UTF-8 character at line {line_of(at)}, "
                             f"byte offset {at}; the file looks truncated") from None
        raise InputError(f"{source}: not UTF-8 at line {line_of(at)}, byte offset {at} "
                         f"(byte 0x{data[err.start]:02x}); try --encoding latin-1") from None


def _line_of(fh, offset: int) -> int:
    """The 1-based line of byte `offset` of an open file (counted: only for error messages)."""
    fh.seek(0)
    lines, pos = 1, 0
    while pos < offset:
        chunk = fh.read(min(1 << 20, offset - pos))
        if not chunk:
            break
        lines += chunk.count(NEWLINE)
        pos += len(chunk)
    return lines


def open_source(path: str | Path, encoding: str = "utf-8", *, name: str | None = None,
                lazy: bool = True) -> TextSource:
    """The blog's text, held once; every user-fixable problem is an InputError.

    A UTF-8 file bigger than LAZY_FROM (with `lazy`) is checked from its first
    and last EDGE bytes only (binary, not UTF-8, a carriage return alone
    there) and read later, as the parser reaches it: what its middle holds
    (bytes that are not UTF-8, control characters) is found by the line scan.
    Anything else — standard input, another encoding, a byte-order mark other
    than UTF-8's, CR line ends — is read, decoded and checked whole here (line
    ends become "\\n"; control characters are reported in `warnings`)."""
    source = name or str(path)
    codec = check_encoding(encoding)
    if lazy and not is_stdin(path) and codec == "utf-8":
        p = Path(path)
        st = _stat_regular(p)
        if stat.S_ISREG(st.st_mode) and st.st_size > LAZY_FROM:
            opened = _open_lazy(p, st.st_size, source)
            if opened is not None:
                return opened
    text, warnings = read_text(path, encoding)
    data = text.encode("utf-8", "surrogatepass")
    return TextSource(source, data, warnings=warnings)


def _open_lazy(p: Path, size: int, source: str) -> TextSource | None:
    if size <= 2 * EDGE:
        return None
    try:
        fh = open(p, "rb", buffering=0)  # noqa: SIM115 — kept open while the file is read on
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror or err})") from None
    try:
        head = fh.read(EDGE)
        fh.seek(size - EDGE)
        tail = fh.read(EDGE)
    except OSError as err:
        fh.close()
        raise InputError(f"{p}: cannot read ({err.strerror or err})") from None
    if len(head) < EDGE or len(tail) < EDGE:  # it shrank meanwhile: read it whole
        fh.close()
        return None
    if any(head.startswith(bom) for bom, _ in _BOMS if bom != codecs.BOM_UTF8):
        fh.close()
        return None  # UTF-16/32: decoded whole
    if _looks_binary(head) or _looks_binary(tail[-_SNIFF:]):
        fh.close()
        raise InputError(f"{source}: looks like binary data, not a text blog")
    cr = re.compile(rb"\r(?!\n)")
    lone = [m.start() for m in cr.finditer(head)] + [EDGE + m.start() for m in cr.finditer(tail)]
    if any(at != EDGE - 1 for at in lone) or b"\n" not in head or b"\n" not in tail:  # (head may end inside "\r\n")
        fh.close()
        return None  # lines that end in a carriage return alone (or no line ends at all): normalised whole
    try:
        _check_edge(head, source, head=True, offset=0, line_of=lambda at: _line_of(fh, at))
        _check_edge(tail, source, head=False, offset=size - EDGE, line_of=lambda at: _line_of(fh, at))
    except InputError:
        fh.close()
        raise
    if not head.strip() and not tail.strip():
        fh.close()
        return None  # maybe whitespace only: decided on the whole text
    buf = mmap.mmap(-1, size)  # zero pages until written: memory only for what is read
    buf[:EDGE] = head
    buf[size - EDGE:] = tail
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    src = TextSource(source, buf, start=start, file=fh, size=size, tail=size - EDGE)
    src._filled = EDGE  # noqa: SLF001 — the head is in
    return src
