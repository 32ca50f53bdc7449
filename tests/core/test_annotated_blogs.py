"""Our own stamped, headline-style and saved-page blogs (tests/core/blogs/,
tests/core/pages/) against their hand annotations (FILE-stem.expected.json):
every post, its exact time, headline, byline, update time and pin.
benchmarks/score_posts.py prints the same comparison as precision/recall."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tui.core.load import load_blog

HERE = Path(__file__).parent
ANNOTATED = sorted([*(HERE / "blogs").glob("*.expected.json"), *(HERE / "pages").glob("*.expected.json")])


def blog_for(annotation: Path) -> Path:
    stem = annotation.name.removesuffix(".expected.json")
    return next(p for p in (annotation.with_name(f"{stem}.txt"), annotation.with_name(f"{stem}.html")) if p.exists())


@pytest.mark.parametrize("annotation", ANNOTATED, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_posts_match_the_annotation(annotation: Path, tmp_path: Path) -> None:
    expected = json.loads(annotation.read_text(encoding="utf-8"))
    meta = None
    if "year" in expected:
        meta = tmp_path / "description.toml"
        meta.write_text(f"year = {expected['year']}\n")
    blog = load_blog(blog_for(annotation), timezone=expected.get("timezone"), meta_path=meta)
    got = [
        {"time": p.time, "estimated": p.time_estimated, "headline": p.headline, "byline": p.byline,
         "paragraphs": len(p.paragraphs), "starts": p.paragraphs[0][: len(w["starts"])], "updated": p.updated,
         "pinned": p.pinned}
        for p, w in zip(blog.posts, expected["posts"])
    ]
    want = [
        {"time": datetime.fromisoformat(w["time"]), "estimated": False, "headline": w["headline"], "byline": w["byline"],
         "paragraphs": w["paragraphs"], "starts": w["starts"],
         "updated": datetime.fromisoformat(w["updated"]) if w.get("updated") else None, "pinned": w.get("pinned", False)}
        for w in expected["posts"]
    ]
    assert len(blog.posts) == len(expected["posts"])
    assert got == want
