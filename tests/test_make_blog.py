"""benchmarks/make_blog.py writes blogs in the seed's shape that the parser reads back."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_module():
    spec = importlib.util.spec_from_file_location("make_blog", ROOT / "benchmarks" / "make_blog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


make_blog = _load_module()
HEADER = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")


def test_shape_and_determinism(tmp_path):
    a = make_blog.write_blog(400, tmp_path / "a.txt", seed=7)
    b = make_blog.write_blog(400, tmp_path / "b.txt", seed=7)
    c = make_blog.write_blog(400, tmp_path / "c.txt", seed=8)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    headers = [i for i, line in enumerate(lines) if HEADER.match(line)]
    assert headers and headers[0] > 0  # a summary above the first day header
    assert 400 / 60 <= len(headers) <= 400 / 30 + 1
    text = "\n".join(lines)
    for needle in ("[US]", "“", "He added", "• ", "Kyiv", "Kiev"):
        assert needle in text
    size = a.stat().st_size
    assert 300 < size / 400 < 600  # ~440 bytes per post


def test_parses_into_the_requested_number_of_posts(tmp_path):
    load = pytest.importorskip("tui.core.load")
    path = make_blog.write_blog(600, tmp_path / "blog.txt", seed=3)
    blog = load.load_blog(path)
    assert len(blog.posts) == 600
    assert blog.order == "newest-first"
    assert [p.seq for p in blog.posts] == list(range(1, 601))
    assert all(a.time <= b.time for a, b in zip(blog.posts, blog.posts[1:]))
    assert blog.summary is not None


def test_cli_default_output_and_bad_n(tmp_path, capsys):
    out = tmp_path / "x.txt"
    assert make_blog.main(["50", str(out), "--seed", "2"]) == 0
    assert out.exists() and "50 posts" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        make_blog.main(["-5", str(out)])
    assert make_blog.main(["0", str(tmp_path / "empty.txt")]) == 0
