"""Bad-input matrix through the REAL console script (subprocess, stdin not a TTY).

Every case ends one of two ways: exit 2 with exactly one stderr line
"liveblog-tui: …" (no traceback), or exit 0 with a result we check. `check`
and `export` run for every file; `replay` must reject bad input before the UI
takes the terminal.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
from pathlib import Path

import hardening_blogs as hb
import pytest

run_cli, assert_clean_error, assert_ok, export_json = hb.run_cli, hb.assert_clean_error, hb.assert_ok, hb.export_json

REPLAY_TIMEOUT = 20.0  # a replay that wrongly starts its UI shows up as a timeout


def both_fail(path, *needles: str, extra: tuple[str, ...] = ()) -> str:
    """check and export both fail cleanly with the same message; returns it."""
    lines = {assert_clean_error(run_cli(cmd, path, *extra), *needles) for cmd in ("check", "export")}
    assert len(lines) == 1, lines
    return lines.pop()


def replay_fails(path, *needles: str, extra: tuple[str, ...] = ()) -> str:
    return assert_clean_error(run_cli("replay", path, "--paused", *extra, timeout=REPLAY_TIMEOUT), *needles)


@pytest.fixture
def simple_lf(tmp_path: Path) -> dict:
    return export_json(hb.write(tmp_path, "simple.txt", hb.simple_text()))


# ---------------------------------------------------------------- the file itself

def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    line = both_fail(path, "nope.txt", "no such file")
    assert replay_fails(path) == line


def test_directory(tmp_path: Path) -> None:
    line = both_fail(tmp_path, str(tmp_path), "directory")
    assert replay_fails(tmp_path) == line


def _without_dac_override():
    """preexec_fn for root: drop CAP_DAC_OVERRIDE/CAP_DAC_READ_SEARCH from the
    child's bounding set, so after exec root obeys file modes like anyone else."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2

    def drop() -> None:
        for cap in (cap_dac_override, cap_dac_read_search):
            if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop


def test_unreadable_file(tmp_path: Path) -> None:
    readable = hb.write(tmp_path, "readable.txt", hb.simple_text())
    locked = hb.write(tmp_path, "locked.txt", hb.simple_text())
    locked.chmod(0o000)
    preexec = None
    if os.geteuid() == 0:
        # Root reads mode-000 files; run the child without that privilege instead.
        preexec = _without_dac_override()
        try:
            control = run_cli("check", readable, preexec_fn=preexec)
        except (OSError, subprocess.SubprocessError) as err:
            pytest.skip(f"running as root and cannot drop CAP_DAC_OVERRIDE here: {err}")
        if control.returncode != 0:
            pytest.skip(f"running as root; the CLI does not run without CAP_DAC_OVERRIDE: {control.stderr.strip()[:200]}")
    try:
        line = assert_clean_error(run_cli("check", locked, preexec_fn=preexec), "locked.txt", "permission denied")
        assert assert_clean_error(run_cli("export", locked, preexec_fn=preexec)) == line
    finally:
        locked.chmod(0o644)  # so tmp_path can be cleaned up by anyone


def test_empty_file(tmp_path: Path) -> None:
    path = hb.write(tmp_path, "empty.txt", b"")
    line = both_fail(path, "empty.txt", "empty")
    assert replay_fails(path) == line


@pytest.mark.parametrize("content", [b" ", b"\n\n\n", b"  \t \r\n \n\t\t\n", "\u00a0\u2003\n".encode()])
def test_whitespace_only(tmp_path: Path, content: bytes) -> None:
    path = hb.write(tmp_path, "blank.txt", content)
    both_fail(path, "blank.txt", "whitespace")


@pytest.mark.parametrize(
    "content",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(2000),
        bytes((i * 7919) % 256 for i in range(5000)),  # pseudo-random, NULs included
        "16 May 2025\nThe delegation arrived.\n".encode("utf-16-le"),  # UTF-16 without a BOM: NULs
    ],
    ids=["elf", "png", "noise", "utf16-no-bom"],
)
def test_binary(tmp_path: Path, content: bytes) -> None:
    path = hb.write(tmp_path, "data.bin", content)
    line = both_fail(path, "data.bin", "binary")
    assert replay_fails(path) == line


# ---------------------------------------------------------------- encodings

def test_latin1_names_line_and_offset_then_works_with_encoding(tmp_path: Path) -> None:
    text = hb.simple_text().replace("Hakan Fidan", "Hakan Fidan of the Caf\u00e9 R\u00e9publique")
    text = text.replace("\u201c", '"').replace("\u201d", '"')  # typographic quotes are not latin-1
    data = text.encode("latin-1")
    offset = data.index(b"\xe9")
    line_no = data[:offset].count(b"\n") + 1
    path = hb.write(tmp_path, "latin.txt", data)
    line = both_fail(path, "latin.txt", f"line {line_no}", f"offset {offset}", "--encoding")
    assert replay_fails(path) == line

    doc = export_json(path, "--encoding", "latin-1")
    texts = "\n".join(e["text"] for e in doc["entries"])
    assert "Hakan Fidan of the Caf\u00e9 R\u00e9publique" in texts
    assert_ok(run_cli("check", path, "--encoding", "latin-1"))


def test_unknown_encoding_is_a_clean_error(tmp_path: Path) -> None:
    path = hb.write(tmp_path, "simple.txt", hb.simple_text())
    both_fail(path, "encoding", extra=("--encoding", "no-such-codec"))


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_reads_like_utf8(tmp_path: Path, simple_lf: dict, codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    path = hb.write(tmp_path, "wide.txt", bom + hb.simple_text().encode(codec))
    assert hb.posts_shape(export_json(path)) == hb.posts_shape(simple_lf)


def test_utf8_bom_is_dropped(tmp_path: Path, simple_lf: dict) -> None:
    path = hb.write(tmp_path, "bom.txt", codecs.BOM_UTF8 + hb.simple_text().encode())
    doc = export_json(path)
    assert hb.posts_shape(doc) == hb.posts_shape(simple_lf)
    assert doc["summary"]["text"] == simple_lf["summary"]["text"]  # no U+FEFF glued to the lede
    # And a BOM directly before a day header still leaves it a header.
    bare = hb.write(tmp_path, "bom2.txt", codecs.BOM_UTF8 + hb.one_day_blog(["The talks have begun, TASS reported."]).encode())
    entries = export_json(bare)["entries"]
    assert [e["text"] for e in entries] == ["The talks have begun, TASS reported."]
    assert entries[0]["day"] == "2025-05-16"


# ---------------------------------------------------------------- line ends

def test_crlf_gives_the_same_posts_as_lf(tmp_path: Path, simple_lf: dict) -> None:
    path = hb.write(tmp_path, "crlf.txt", hb.simple_text().replace("\n", "\r\n").encode())
    doc = export_json(path)
    assert hb.posts_shape(doc) == hb.posts_shape(simple_lf)
    assert [e["source_lines"] for e in doc["entries"]] == [e["source_lines"] for e in simple_lf["entries"]]
    assert not any("\r" in e["text"] for e in doc["entries"])


def test_mixed_line_ends_give_the_same_posts_as_lf(tmp_path: Path, simple_lf: dict) -> None:
    lines = hb.simple_text().split("\n")
    ends = ["\r\n", "\n", "\r"]
    mixed = "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1]))
    path = hb.write(tmp_path, "mixed.txt", mixed.encode())
    doc = export_json(path)
    assert hb.posts_shape(doc) == hb.posts_shape(simple_lf)
    assert [e["source_lines"] for e in doc["entries"]] == [e["source_lines"] for e in simple_lf["entries"]]


# ---------------------------------------------------------------- shape

def test_no_day_headers(tmp_path: Path) -> None:
    path = hb.write(tmp_path, "prose.txt", "\n".join(hb.SIMPLE_PARAGRAPHS) + "\n")
    line = both_fail(path, "prose.txt", "no day headers")
    assert replay_fails(path) == line


def test_headers_only(tmp_path: Path) -> None:
    path = hb.write(tmp_path, "headers.txt", "16 May 2025\n\n15 May 2025\n14 May 2025\n")
    # check/export: a correct, empty result (with a warning per empty day)...
    assert export_json(path)["entries"] == []
    run = run_cli("check", path)
    assert_ok(run)
    assert re.search(r"^posts:\s+0\b", run.stdout, re.M), run.stdout
    assert run.stdout.count("has no posts") == 3
    # ...and replay refuses before the UI: there is nothing to replay.
    replay_fails(path, "headers.txt", "no posts")


def test_truncated_mid_utf8_sequence(tmp_path: Path) -> None:
    data = hb.simple_text().encode()
    cut = data.index("“".encode()) + 1  # one byte of a three-byte character, then EOF
    path = hb.write(tmp_path, "cut.txt", data[:cut])
    line_no = data[:cut].count(b"\n") + 1
    line = both_fail(path, "cut.txt", f"line {line_no}", f"offset {cut - 1}", "truncated")
    assert "--encoding" not in line  # latin-1 would not help a cut file
    assert replay_fails(path) == line


def test_truncated_mid_post_keeps_the_partial_paragraph(tmp_path: Path) -> None:
    data = hb.simple_text().encode()
    cut = data.index(b"Vladimir Medinsky has told") + len(b"Vladimir Medinsky has")  # no trailing newline
    path = hb.write(tmp_path, "cut.txt", data[:cut])
    doc = export_json(path)
    paragraphs = [p for e in doc["entries"] for p in hb.post_paragraphs(e)]
    # Only what is above the cut survives: the newest post and the partial one below it.
    assert sorted(paragraphs) == ["The stream has ended.", "Vladimir Medinsky has"]
    assert doc["entries"][-1]["text"].endswith("The stream has ended.")  # the newest post is still the newest


# ---------------------------------------------------------------- size

@pytest.mark.slow
def test_ten_megabyte_line(tmp_path: Path) -> None:
    word = "Ab" * 5_000_000
    text = hb.one_day_blog([f"Officials said {word}", "The talks have begun, TASS reported."])
    path = hb.write(tmp_path, "wide.txt", text)
    run = run_cli("export", path, "--format", "jsonl")
    assert_ok(run)
    entries = [json.loads(line) for line in run.stdout.splitlines()[1:]]
    joined = "\n".join(e["text"] for e in entries)
    assert f"Officials said {word}" in joined
    assert "The talks have begun, TASS reported." in joined
    assert_ok(run_cli("check", path))


@pytest.mark.slow
def test_a_million_one_word_lines(tmp_path: Path) -> None:
    # `check` (parse only): `export` also runs extraction, which is not what this probes.
    n = 1_000_000
    path = hb.write(tmp_path, "million.txt", "16 May 2025\n" + "word\n" * n)
    run = run_cli("check", path)
    assert_ok(run)
    found = re.search(r"^posts:\s+(\d+) \((\d+) paragraphs", run.stdout, re.M)
    assert found, run.stdout
    posts, paragraphs = int(found[1]), int(found[2])
    assert paragraphs == n and 1 <= posts <= n  # every line is a paragraph of some post
    assert f"lines 2-{n + 1}" in run.stdout  # ...from the first line under the header to the last


# ---------------------------------------------------------------- description TOML

def test_description_with_bad_toml_syntax(tmp_path: Path) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    hb.write(tmp_path, "talks.toml", 'title = "Talks"\norder = newest-first\n')
    line = both_fail(blog, "talks.toml:2:")
    assert replay_fails(blog) == line


def test_explicit_description_and_time_zone_options(tmp_path: Path) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    meta = hb.write(tmp_path, "other.toml", 'title = "x"\n[broken\n')
    line = both_fail(blog, "other.toml:2:", extra=("--meta", str(meta)))
    assert replay_fails(blog, extra=("--meta", str(meta))) == line
    both_fail(blog, "Mars/Olympus", extra=("--timezone", "Mars/Olympus"))
    both_fail(blog, "nowhere.toml", extra=("--meta", str(tmp_path / "nowhere.toml")))


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("timezone = 3\n", "timezone"),
        ('order = "sideways"\n', "order"),
        ('timezone = "Mars/Olympus"\n', "Mars/Olympus"),
        ('day_start = "25:99"\n', "day_start"),
    ],
)
def test_description_with_wrong_values(tmp_path: Path, toml: str, key: str) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    hb.write(tmp_path, "talks.toml", toml)
    both_fail(blog, "talks.toml", key)


# ---------------------------------------------------------------- knowledge TOML (replay loads it)

def knowledge_fails(blog: Path, *needles: str, extra: tuple[str, ...] = ()) -> None:
    """export (which extracts facts) and replay both refuse the knowledge file, same line."""
    line = assert_clean_error(run_cli("export", blog, *extra), *needles)
    assert replay_fails(blog, extra=extra) == line


def test_knowledge_with_bad_toml(tmp_path: Path) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    hb.write(tmp_path, "talks.knowledge.toml", '[[people]]\nname = "Medinsky\n')  # the sibling is found
    knowledge_fails(blog, "talks.knowledge.toml:2:")  # path:line:col


@pytest.mark.parametrize(
    ("toml", "needles"),
    [
        ('[[people]]\nname = 5\n', ("people[0].name", ":2")),
        ('[[delegations]]\nid = "ru"\naliases = "Moscow"\n', ("delegations[0].aliases", ":3")),
        ('[[delegations]]\nid = "ru"\nnegotiating = "yes"\n', ("delegations[0].negotiating",)),
        ('people = "Medinsky"\n', ("people",)),
        ('[[people]]\nname = "X"\ndelegation = "nowhere"\n', ("people[0].delegation", "nowhere")),
        ('[weather]\nsunny = true\n', ("weather",)),
    ],
    ids=["name-int", "aliases-str", "bool-str", "table-str", "bad-ref", "unknown-section"],
)
def test_knowledge_with_wrong_types_names_file_and_key(tmp_path: Path, toml: str, needles: tuple[str, ...]) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    knowledge = hb.write(tmp_path, "k.toml", toml)
    knowledge_fails(blog, "k.toml", *needles, extra=("--knowledge", str(knowledge)))


def test_missing_knowledge_file(tmp_path: Path) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    knowledge_fails(blog, "absent.toml", extra=("--knowledge", str(tmp_path / "absent.toml")))


# ---------------------------------------------------------------- replay options

@pytest.mark.parametrize(
    ("extra", "needle"),
    [(("--speed", "0"), "--speed"), (("--speed", "nan"), "--speed"), (("--pace", "-1"), "--pace"),
     (("--start-at", "999"), "--start-at"), (("--start-at", "yesterday-ish"), "--start-at")],
)
def test_replay_rejects_bad_options_before_the_ui(tmp_path: Path, extra: tuple[str, ...], needle: str) -> None:
    blog = hb.write(tmp_path, "talks.txt", hb.simple_text())
    replay_fails(blog, needle, extra=extra)


# ---------------------------------------------------------------- standard input

CRLF_CASE = Path(__file__).parents[1] / "core" / "cases" / "crlf_small.txt"


def test_stdin_dash_and_dev_stdin_give_the_same_posts_as_the_file() -> None:
    from_file = hb.export_json(CRLF_CASE)
    piped = hb.run_cli("export", "-", "--format", "json", stdin=CRLF_CASE.read_bytes())
    redirected = hb.run_cli("export", "/dev/stdin", "--format", "json", stdin=CRLF_CASE)
    for run in (piped, redirected):
        hb.assert_ok(run)
        assert hb.posts_shape(json.loads(run.stdout)) == hb.posts_shape(from_file)
    assert len(from_file["entries"]) == 2


def test_empty_stdin_is_a_clean_error() -> None:
    hb.assert_clean_error(hb.run_cli("check", "-", stdin=b""), "-", "empty")


def test_replay_from_stdin_without_a_terminal_says_so_in_one_line() -> None:
    # run_cli starts the script in a session of its own: no controlling terminal, no /dev/tty
    run = hb.run_cli("replay", "-", stdin=CRLF_CASE.read_bytes())
    hb.assert_clean_error(run, "terminal")


# ---------------------------------------------------------------- saved pages

PAGES = Path(__file__).parents[1] / "core" / "pages"


@pytest.mark.parametrize(
    "content, needles",
    [
        (b"<html", ("malformed HTML",)),
        ((PAGES / "broken_jsonld.html").read_bytes(), ("malformed JSON-LD", "line 5")),
    ],
    ids=["truncated", "broken-json-ld"],
)
def test_malformed_html_is_one_line(tmp_path: Path, content: bytes, needles: tuple[str, ...]) -> None:
    page = hb.write(tmp_path, "page.html", content)
    hb.assert_clean_error(hb.run_cli("check", page), *needles)


def test_a_saved_page_exports_its_posts() -> None:
    data = hb.export_json(PAGES / "article_blocks.html")
    assert [e["headline"] for e in data["entries"]][0] == "Key points so far"
    assert all(not e["time_estimated"] for e in data["entries"])


@pytest.mark.parametrize("extra,needle", [(("--speed", "abc"), "--speed"), (("--nonsense",), "--nonsense"),
                                          (("--ner", "bert"), "--ner")])
def test_a_mistyped_option_is_one_line_and_exit_2(tmp_path: Path, extra: tuple[str, ...], needle: str) -> None:
    path = hb.write(tmp_path, "simple.txt", hb.simple_text())
    replay_fails(path, needle, extra=extra)
