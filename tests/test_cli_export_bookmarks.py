"""`liveblog-tui export` carries the user's bookmarks (JSON, JSONL header, Markdown)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tui.cli import main
from tui.core.bookmarks import open_store
from tui.core.load import load_blog

BLOG = ("16 May 2025\nSweden has announced its team, SVT has reported.\n"
        "Norway has said it will attend, NRK has reported.\n")
WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


@pytest.fixture
def blog_file(tmp_path: Path) -> Path:
    f = tmp_path / "b.txt"
    f.write_text(BLOG)
    return f


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_json_lists_bookmarks_with_seq_post_id_note_and_created(capsys, blog_file: Path) -> None:
    blog = load_blog(blog_file)
    store = open_store(blog)  # the data directory of this test (tests/conftest.py)
    assert store is not None
    store.put(blog.posts[0], "[bold]first[/] — “quoted”", WHEN)
    code, out, err = run(capsys, "export", str(blog_file))
    doc = json.loads(out)
    assert code == 0 and err == ""
    assert doc["bookmarks"] == [{"seq": 1, "post_id": "p1", "note": "[bold]first[/] — “quoted”",
                                 "created": "2026-01-02T03:04:05+00:00", "status": "ok", "bookmarked_seq": 1,
                                 "excerpt": "Norway has said it will attend, NRK has reported."}]
    assert doc["entries"][0]["id"] == "p1"  # the bookmark's post_id names an entry of the same export
    code, out, _ = run(capsys, "export", str(blog_file), "--format", "jsonl")
    assert json.loads(out.splitlines()[0])["bookmarks"][0]["note"] == "[bold]first[/] — “quoted”"
    code, out, _ = run(capsys, "export", str(blog_file), "--format", "md")
    assert "## Bookmarks\n\n- **#1** [bold]first[/] — “quoted” — Norway has said" in out
    assert out.index("## Bookmarks") < out.index("## Posts")


def test_export_without_bookmarks_has_an_empty_list_and_no_section(capsys, blog_file: Path) -> None:
    _, out, _ = run(capsys, "export", str(blog_file))
    assert json.loads(out)["bookmarks"] == []
    _, out, _ = run(capsys, "export", str(blog_file), "--format", "md")
    assert "## Bookmarks" not in out


def test_an_unreadable_store_is_a_warning_and_is_left_where_it_is(capsys, blog_file: Path) -> None:
    store = open_store(load_blog(blog_file))
    assert store is not None
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"{not json")
    code, out, err = run(capsys, "export", str(blog_file))
    assert code == 0 and json.loads(out)["bookmarks"] == []
    assert err.count("\n") == 1 and err.startswith("liveblog-tui: warning: bookmarks file") and "unreadable" in err
    assert store.path.read_bytes() == b"{not json"  # export only reads
