"""The README's DuckDB recipe, run as written, on the JSONL export of two test blogs."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
BLOGS = [ROOT / "tests" / "blogs" / name / "blog.txt" for name in ("summit_stamped", "trade_plain")]


def recipe() -> str:
    """The ```sql block of the README that holds status_changes.sql."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, re.S)
    found = [b for b in blocks if "status_changes.sql" in b]
    assert len(found) == 1
    return found[0]


def expected(paths: list[Path]) -> list[tuple]:
    """The same answer from the export, read line by line in Python."""
    rows = []
    for path in paths:
        header, *entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        posts = {e["seq"]: e for e in entries}
        for d in header["delegations"]:
            for s in d["status"]:
                post = posts[s["seq"]]
                rows.append((datetime.fromisoformat(post["time"]), header["title"], d["party"], s["status"], s["where"],
                             post["id"]))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def test_status_changes_across_blogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    duckdb = pytest.importorskip("duckdb")
    exports = []
    for blog in BLOGS:
        assert main(["export", "--format", "jsonl", str(blog)]) == 0
        out = tmp_path / f"{blog.parent.name}.jsonl"
        out.write_text(capsys.readouterr().out, encoding="utf-8")
        exports.append(out)
    monkeypatch.chdir(tmp_path)  # the recipe reads '*.jsonl' where it runs
    got = duckdb.sql(recipe()).fetchall()
    want = expected(exports)
    assert len({row[1] for row in got}) == 2  # both blogs answer
    # the same rows; facts of one party in one post are a tie the SQL leaves in any order
    assert sorted((t.timestamp(), *map(str, rest)) for t, *rest in got) == \
        sorted((t.timestamp(), *map(str, rest)) for t, *rest in want)
    assert [row[0] for row in got] == sorted(row[0] for row in got)  # in time order across the blogs
