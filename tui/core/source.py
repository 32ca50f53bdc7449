"""Read a blog file's bytes and turn them into safe text.

Everything the user can get wrong about a file (missing, a directory, no
permission, empty, binary, wrong encoding) becomes an InputError with a
one-line message. Control bytes are made visible here, at load, so that no
later layer can ever send an escape sequence to the terminal.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
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
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory, not a blog text file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as err:
        raise InputError(f"{p}: cannot read ({err.strerror or err})") from None


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
