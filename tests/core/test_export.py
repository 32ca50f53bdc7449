"""Export schema: names other tools rely on, JSON Lines header, Markdown marks estimates."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tui.core.export import build_export, to_json, to_jsonl, to_markdown
from tui.core.model import BlogMeta
from tui.core.parse import parse_text

TEXT = "Lede.\n16 May 2025\n12:00\nNorway has said it will attend, NRK has reported.\n“Yes,” he said.\nSweden has announced a team, SVT has reported."


@pytest.fixture()
def blog():
    return parse_text(TEXT, BlogMeta(title="T", timezone="Europe/Istanbul", order="oldest-first"), "t.txt")


def test_schema(blog) -> None:
    doc = json.loads(to_json(build_export(blog)))
    assert set(doc) == {"title", "summary", "entries"}
    assert doc["title"] == "T" and doc["summary"] == {"text": "Lede.", "source_lines": [1, 1]}
    first = doc["entries"][0]
    assert set(first) == {"id", "seq", "day", "time", "time_estimated", "source_lines", "text", "headline", "byline",
                          "updated", "pinned"}
    assert first == {
        "id": "p1",
        "seq": 1,
        "day": "2025-05-16",
        "time": "2025-05-16T12:00:00+03:00",
        "time_estimated": False,
        "source_lines": [4, 5],
        "text": "Norway has said it will attend, NRK has reported.\n“Yes,” he said.",
        "headline": "",
        "byline": "",
        "updated": None,
        "pinned": False,
    }
    assert doc["entries"][1]["time_estimated"] is True
    datetime.fromisoformat(doc["entries"][1]["time"])  # ISO 8601 with offset


def test_summary_null_when_absent() -> None:
    blog = parse_text("16 May 2025\nNorway has said it will attend.", BlogMeta())
    assert json.loads(to_json(build_export(blog)))["summary"] is None


def test_extra_keys_merge_but_never_replace(blog) -> None:
    doc = build_export(blog, {"knowledge": {"v": 1}}, entry_extra={2: {"mentions": ["Sweden"]}})
    assert doc["knowledge"] == {"v": 1} and doc["entries"][1]["mentions"] == ["Sweden"]
    with pytest.raises(ValueError):
        build_export(blog, {"entries": []})


def test_jsonl_header_then_one_entry_per_line(blog) -> None:
    rows = [json.loads(line) for line in to_jsonl(build_export(blog)).splitlines()]
    assert rows[0] == {"title": "T", "summary": {"text": "Lede.", "source_lines": [1, 1]}}
    assert [r["seq"] for r in rows[1:]] == [1, 2]


def test_markdown_marks_estimated_times(blog) -> None:
    md = to_markdown(blog)
    assert "### 12:00 · p1" in md and "### ~" in md and "“Yes,” he said." in md


PAGE = """16 May 2025
09:00
What we know so far
Talks are due to start this afternoon, officials have said.
Updated at 13:40
18:30
Talks adjourned until Monday
By Jane Doe
Negotiators have left the hotel.
12:00
The envoy has arrived.
"""


def test_headline_byline_updated_pinned_are_exported() -> None:
    blog = parse_text(PAGE, BlogMeta(title="T", timezone="+01:00"), "t.txt")
    doc = json.loads(to_json(build_export(blog)))
    plain, pinned, titled = doc["entries"]  # the pinned summary, updated at 13:40, takes its place then
    assert (pinned["headline"], pinned["pinned"], pinned["updated"]) == ("What we know so far", True, "2025-05-16T13:40:00+01:00")
    assert pinned["text"] == "Talks are due to start this afternoon, officials have said."  # the headline is not text
    assert (plain["headline"], plain["byline"], plain["pinned"], plain["updated"]) == ("", "", False, None)
    assert (titled["headline"], titled["byline"]) == ("Talks adjourned until Monday", "By Jane Doe")
    md = to_markdown(blog)
    assert "### 13:40 · p2 · What we know so far (lines 3–5) · pinned at the top of the page" in md
    assert "*By Jane Doe*" in md and "(updated 16 May 13:40)" in md


def test_streamed_export_is_the_built_document_byte_for_byte() -> None:
    """export writes a post at a time: the same text as building the whole document first."""
    from tui.core.export import iter_json, iter_jsonl, iter_jsonl_stream
    from tui.core.load import load_blog

    blog = load_blog()
    extra = {"people": [{"name": "A", "aliases": [], "role": "x\ny"}], "meetings": [], "provenance": {"rules": 1}}
    per_entry = {1: {"people": ["A"]}, 3: {"parties": []}}
    built = build_export(blog, extra, entry_extra=per_entry)
    assert "".join(iter_json(blog, extra, entry_extra=per_entry.get)) == to_json(built)
    assert "".join(iter_jsonl_stream(blog, extra, entry_extra=per_entry)) == "".join(iter_jsonl(built))
    blog.posts = []
    assert "".join(iter_json(blog)) == to_json(build_export(blog))
