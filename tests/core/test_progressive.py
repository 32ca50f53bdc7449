"""Progressive loading: open_blog + step() ends with exactly what load_blog gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.days import leading_clock, parse_stamp
from tui.core.errors import InputError
from tui.core.load import load_blog
from tui.core.parse import _plain
from tui.core.progressive import open_blog
from tui.core.resources import bundled_blog


def same_blog(a, b) -> None:
    assert a.posts == b.posts  # seq, day, time, time_estimated, lines, paragraphs
    assert a.warnings == b.warnings
    assert (a.days, a.summary, a.order, a.source, a.meta, a.tz) == (b.days, b.summary, b.order, b.source, b.meta, b.tz)


def _generated(tmp_path: Path, days: int, seed: int, oldest_first: bool = False, stamped: bool = False) -> Path:
    """A blog in the seed's shape, built from the seed's own paragraphs."""
    rng = random.Random(seed)
    paras = [p for post in load_blog().posts for p in post.paragraphs]
    lines = ["A lede written afterwards.", "It sums the days up."]
    order = range(days) if oldest_first else range(days - 1, -1, -1)
    for d in order:
        lines.append(f"{10 + d} May 2025")
        hours = sorted(rng.sample(range(8, 23), 4), reverse=not oldest_first)
        for h in hours:
            if stamped:
                lines.append(f"{h}:{rng.choice(('05', '30', '45'))}")
            lines.extend(rng.sample(paras, rng.randint(1, 5)))
        if rng.random() < 0.3:
            lines.append("")
    path = tmp_path / f"gen{seed}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bundled_blog_step_by_step() -> None:
    load = open_blog()
    assert load.blog.posts and load.blog.posts[0].seq == 1
    first = list(load.blog.posts)
    sizes = [len(load.blog.posts)]
    while not load.done:
        assert load.step() > 0
        sizes.append(len(load.blog.posts))
        assert load.blog.posts[: len(first)] == first  # seqs are stable: earlier posts never change
        assert 0 < load.progress <= 1
    assert sizes == sorted(sizes) and load.step() == 0 and load.progress == 1.0
    same_blog(load.blog, load_blog())


@pytest.mark.parametrize(("oldest_first", "stamped"), [(False, False), (True, False), (False, True), (True, True)])
def test_generated_blogs_equal_load_blog(tmp_path: Path, oldest_first: bool, stamped: bool) -> None:
    path = _generated(tmp_path, 6, seed=3 + oldest_first + 2 * stamped, oldest_first=oldest_first, stamped=stamped)
    load = open_blog(path, first_posts=1)
    oldest = load.blog.posts[0]
    assert oldest.seq == 1 and oldest.day == min(load.blog.days)  # the oldest day comes first
    chunks = list(load.chunks())
    assert all(chunks) and load.done
    same_blog(load.blog, load_blog(path))


def test_first_posts_and_finish(tmp_path: Path) -> None:
    path = _generated(tmp_path, 8, seed=11)
    load = open_blog(path, first_posts=15)
    assert len(load.blog.posts) >= 15 and not load.done
    same_blog(load.finish(), load_blog(path))


def test_input_errors_are_the_same_as_load_blog(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    headless = tmp_path / "h.txt"
    headless.write_text("Just text.\nNo days.\n", encoding="utf-8")
    for path in (empty, headless, tmp_path / "missing.txt", tmp_path):
        with pytest.raises(InputError) as want:
            load_blog(path)
        with pytest.raises(InputError) as got:
            open_blog(path)
        assert str(got.value) == str(want.value)


def test_bundled_default_source_name() -> None:
    assert open_blog().blog.source == bundled_blog().name


LINES = st.lists(st.sampled_from(list("0123456789 \tMayJunFriday:,.-amp•“”") + ["16 May 2025", "14:05", "x" * 40]),
                 max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(LINES)
def test_lines_the_fast_scan_skips_are_plain_text(line: str) -> None:
    """_plain lines are copied without a look: they must be no stamp, no leading clock, nothing to strip."""
    if _plain(line):
        assert parse_stamp(line) is None and leading_clock(line) is None
        assert line.strip() == line and line
