"""Reading blog files: every bad input is a one-line InputError; odd encodings just work."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.load import load_blog
from tui.core.source import decode, neutralise_controls, read_text

BLOG = "Lede line.\n16 May 2025\nThe stream has ended.\n"


def write(tmp_path: Path, data: bytes, name: str = "blog.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def message(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    text = str(excinfo.value)
    assert "\n" not in text  # one line
    return text


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_text(tmp_path / "nope.txt")
    assert "no such file" in message(e)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_text(tmp_path)
    assert "is a directory" in message(e)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = write(tmp_path, BLOG.encode())

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)  # root ignores chmod, so simulate
    with pytest.raises(InputError) as e:
        read_text(p)
    assert "permission denied" in message(e)


@pytest.mark.parametrize("data,expected", [(b"", "empty"), (b"  \n\t\n\r\n", "only whitespace")])
def test_empty_and_whitespace(tmp_path: Path, data: bytes, expected: str) -> None:
    with pytest.raises(InputError) as e:
        read_text(write(tmp_path, data))
    assert expected in message(e)


def test_binary(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_text(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))))
    assert "looks like binary data" in message(e)


def test_invalid_utf8_names_line_and_offset(tmp_path: Path) -> None:
    data = b"Lede.\n16 May 2025\nCaf\xe9 opens.\n"
    with pytest.raises(InputError) as e:
        read_text(write(tmp_path, data))
    text = message(e)
    assert "line 3" in text and f"byte offset {data.index(0xE9)}" in text and "--encoding" in text


def test_latin1_with_encoding_option(tmp_path: Path) -> None:
    blog = load_blog(write(tmp_path, b"Lede.\n16 May 2025\nCaf\xe9 opens.\n"), encoding="latin-1")
    assert blog.posts[0].text == "Café opens."


def test_unknown_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        read_text(write(tmp_path, BLOG.encode()), "klingon-8")
    assert "unknown encoding" in message(e)


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + BLOG.encode(),  # UTF-8 BOM
        BLOG.replace("\n", "\r\n").encode(),  # CRLF
        BLOG.replace("\n", "\r").encode(),  # old Mac CR
        BLOG.encode("utf-16"),  # UTF-16 with BOM
    ],
    ids=["bom", "crlf", "cr", "utf16"],
)
def test_bom_and_line_ends_just_work(tmp_path: Path, data: bytes) -> None:
    blog = load_blog(write(tmp_path, data))
    assert blog.summary is not None and blog.summary.text == "Lede line."
    assert [p.text for p in blog.posts] == ["The stream has ended."]
    assert (blog.posts[0].first_line, blog.posts[0].last_line) == (3, 3)


def test_control_characters_made_visible_with_warning(tmp_path: Path) -> None:
    data = b"Lede.\n16 May 2025\nEvil \x1b[31mred\x1b[0m text \x07 and \xc2\x9b C1.\n"
    blog = load_blog(write(tmp_path, data))
    text = blog.posts[0].text
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "␛[31mred␛[0m" in text and "␇" in text and "<U+009B>" in text
    assert [w.line for w in blog.warnings] == [3]


def test_bidirectional_controls_made_visible_with_warning(tmp_path: Path) -> None:
    data = "16 May 2025\nAbc \u202edelegation\u202c and \u2067isolate\u2069, \u200fmark kept.\n".encode()
    blog = load_blog(write(tmp_path, data))
    text = blog.posts[0].text
    assert text == "Abc <U+202E>delegation<U+202C> and <U+2067>isolate<U+2069>, \u200fmark kept."
    assert [(w.line, "bidirectional" in w.message) for w in blog.warnings] == [(2, True)]


def test_tabs_and_newlines_are_not_controls() -> None:
    text, warnings = neutralise_controls("a\tb\nc")
    assert (text, warnings) == ("a\tb\nc", [])


def test_decode_keeps_text_verbatim() -> None:
    assert decode("[US] [/] [bold] “quoted”".encode()) == "[US] [/] [bold] “quoted”"


def test_ten_megabyte_line_does_not_hang(tmp_path: Path) -> None:
    # A quadratic step would make this take minutes; linear work takes well under a second.
    huge = "He said " + "x" * 10_000_000
    blog = load_blog(write(tmp_path, f"16 May 2025\nRussia has said talks began.\n{huge}\n".encode()))
    assert len(blog.posts) == 1
    assert blog.posts[0].paragraphs[1] == huge  # kept verbatim, not truncated


def test_the_fast_utf8_control_check_agrees_with_the_str_check(tmp_path) -> None:
    """read_text skips neutralise_controls only when the bytes show no control
    character; every control (C0, DEL, C1), encoding and BOM gives the same
    text and warnings as the plain path."""
    from tui.core.source import decode, neutralise_controls, read_text

    samples = ["plain “quoted” text\n", "tab\tand\r\nCRLF\n", "é and ü\n"]
    samples += [f"a{chr(c)}b\n" for c in [*range(0, 9), 11, 12, *range(14, 32), 0x7F, 0x80, 0x85, 0x9F, 0xA0,
                                          *range(0x2028, 0x2030), *range(0x2064, 0x206B), 0x200F]]
    for i, sample in enumerate(samples):
        for encoding, prefix in (("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("latin-1", b""), ("utf-16", b"")):
            try:
                data = prefix + sample.encode("utf-16" if encoding == "utf-16" else encoding)
            except UnicodeEncodeError:
                continue
            path = tmp_path / f"s{i}-{encoding}-{len(prefix)}.txt"
            path.write_bytes(data)
            try:
                expected = neutralise_controls(decode(data, encoding, source=str(path)))
            except Exception as error:  # e.g. binary: read_text must fail the same way
                with pytest.raises(type(error)):
                    read_text(path, encoding)
                continue
            assert read_text(path, encoding) == expected, (sample, encoding, prefix)


@pytest.mark.parametrize("name", ["rot13", "hex", "base64"])
def test_bytes_to_bytes_codecs_are_refused_in_one_line(name: str) -> None:
    with pytest.raises(InputError, match="is not a text encoding"):
        decode(b"16 May 2025\nTalks began.\n", name)


def test_utf16_without_bom_is_read_when_the_encoding_is_given() -> None:
    data = "16 May 2025\nTalks began in Istanbul.\n".encode("utf-16-le")
    with pytest.raises(InputError, match="binary"):
        decode(data)  # as UTF-8 it is NUL bytes everywhere
    assert decode(data, "utf-16-le").splitlines()[1] == "Talks began in Istanbul."
