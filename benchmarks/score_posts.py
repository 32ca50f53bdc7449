"""Score post segmentation, times and titles against hand annotations, per post.

    python benchmarks/score_posts.py [DIR ...]    # default: tests/core/blogs tests/core/pages

Every blog FILE (.txt or .html) with a FILE-stem.expected.json beside it is
parsed as `liveblog-tui` would (the annotation may give `timezone` and
`year`, as a description would) and compared post by post:

  annotation: {"timezone": "Europe/London", "year": 2024,      (both optional)
               "posts": [{"time": ISO 8601, "headline": str, "byline": str,
                          "paragraphs": n, "starts": "first words", "updated": ISO (optional),
                          "pinned": bool (optional)}, …]}            oldest first

A parsed post SEGMENT is right when an annotated post has the same first
words and paragraph count (precision = right / parsed, recall = right /
annotated). For the right ones the table also counts exact times (and that
they are explicit, not estimated), headlines, bylines, update times and pins.
Prints one row per blog and a total; exit status 0 (numbers, not a test).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.core.errors import InputError  # noqa: E402
from tui.core.load import load_blog  # noqa: E402


def score(path: Path, expected: dict) -> dict[str, int]:
    meta = None
    if "year" in expected:
        meta = path.parent / f".{path.stem}.score.toml"  # a description with the year, removed below
        meta.write_text(f"year = {int(expected['year'])}\n")
    try:
        blog = load_blog(path, timezone=expected.get("timezone"), meta_path=meta)
    finally:
        if meta is not None:
            meta.unlink()
    want = expected["posts"]
    out = dict(parsed=len(blog.posts), annotated=len(want), right=0, time=0, headline=0, byline=0, updated=0, pinned=0)
    unused = list(want)
    for post in blog.posts:
        match = next((w for w in unused if post.paragraphs and post.paragraphs[0].startswith(w["starts"])
                      and len(post.paragraphs) == w["paragraphs"]), None)
        if match is None:
            continue
        unused.remove(match)
        out["right"] += 1
        out["time"] += post.time == datetime.fromisoformat(match["time"]) and not post.time_estimated
        out["headline"] += post.headline == match.get("headline", "")
        out["byline"] += post.byline == match.get("byline", "")
        updated = match.get("updated")
        out["updated"] += post.updated == (datetime.fromisoformat(updated) if updated else None)
        out["pinned"] += post.pinned == bool(match.get("pinned", False))
    return out


def main(dirs: list[Path]) -> None:
    rows = []
    for folder in dirs:
        for annotation in sorted(folder.glob("*.expected.json")):
            stem = annotation.name.removesuffix(".expected.json")
            blog = next((p for p in (folder / f"{stem}.txt", folder / f"{stem}.html") if p.exists()), None)
            if blog is None:
                continue
            try:
                rows.append((blog.relative_to(ROOT), score(blog, json.loads(annotation.read_text(encoding="utf-8")))))
            except InputError as err:
                print(f"{blog}: {err}", file=sys.stderr)
    keys = ("time", "headline", "byline", "updated", "pinned")
    print("| blog | posts (parsed / annotated) | precision | recall | " + " | ".join(keys) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(keys))
    total = dict.fromkeys(("parsed", "annotated", "right", *keys), 0)
    for name, s in [*rows, ("**total**", None)]:
        s = s or total
        if s is not total:
            for k in total:
                total[k] += s[k]
        p = s["right"] / s["parsed"] if s["parsed"] else 1.0
        r = s["right"] / s["annotated"] if s["annotated"] else 1.0
        cells = " | ".join(f"{s[k]}/{s['right']}" for k in keys)
        print(f"| {name} | {s['parsed']} / {s['annotated']} | {p:.2f} | {r:.2f} | {cells} |")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or [ROOT / "tests/core/blogs", ROOT / "tests/core/pages"])
