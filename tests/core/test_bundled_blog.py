"""Invariants of the bundled RT blog that a reader can check against the file itself."""

from __future__ import annotations

from datetime import date

import pytest

from tui.core.days import parse_day_header
from tui.core.load import load_blog
from tui.core.resources import bundled_blog


@pytest.fixture(scope="module")
def blog():
    return load_blog()


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return bundled_blog().read_text(encoding="utf-8").split("\n")


def test_three_days_newest_first(blog) -> None:
    assert blog.days == [date(2025, 5, 14), date(2025, 5, 15), date(2025, 5, 16)]
    assert blog.order == "newest-first"
    assert str(blog.tz) == "Europe/Istanbul"


def test_summary_is_lines_1_to_9_and_kept_apart(blog, lines) -> None:
    assert blog.summary is not None
    assert (blog.summary.first_line, blog.summary.last_line) == (1, 9)
    assert blog.summary.text == "\n".join(lines[:9])
    assert min(p.first_line for p in blog.posts) > 10


def test_every_non_header_line_after_the_summary_is_in_exactly_one_post(blog, lines) -> None:
    owner: dict[int, int] = {}
    for post in blog.posts:
        for n in range(post.first_line, post.last_line + 1):
            assert n not in owner, f"line {n} in posts {owner.get(n)} and {post.seq}"
            owner[n] = post.seq
    expected = {
        n for n, text in enumerate(lines, 1) if n > 9 and text.strip() and parse_day_header(text) is None
    }
    assert set(owner) == expected


def test_post_text_is_its_source_lines_verbatim(blog, lines) -> None:
    for post in blog.posts:
        assert post.text == "\n".join(lines[post.first_line - 1 : post.last_line])


def test_seq_strictly_increasing_with_time(blog) -> None:
    assert [p.seq for p in blog.posts] == list(range(1, len(blog.posts) + 1))
    times = [p.time for p in blog.posts]
    assert all(a < b for a, b in zip(times, times[1:]))
    assert all(p.time.date() == p.day for p in blog.posts)


def test_no_time_stamps_so_all_times_estimated(blog) -> None:
    assert all(p.time_estimated for p in blog.posts)


def test_oldest_post_is_the_last_paragraphs_of_the_file(blog, lines) -> None:
    oldest = blog.posts[0]
    assert oldest.last_line == len(lines) and oldest.day == date(2025, 5, 14)
    assert "Trump" in oldest.text


def test_newest_post_is_the_first_line_under_the_16_may_header(blog, lines) -> None:
    newest = blog.posts[-1]
    assert lines[newest.first_line - 2] == "16 May 2025"
    assert newest.text == "The stream has ended."


def test_posts_are_a_grouping_not_one_per_line(blog, lines) -> None:
    # Quotes are never a post on their own: each quote line sits under a lead.
    for post in blog.posts:
        assert post.paragraphs[0][:1] not in "“”\"‘"
    assert len(blog.posts) < len([t for t in lines[9:] if t.strip()]) * 0.7


def test_bullet_list_stays_with_its_lead(blog, lines) -> None:
    bullets = [n for n, t in enumerate(lines, 1) if t.startswith("•")]
    owners = {p.seq for p in blog.posts for n in bullets if p.first_line <= n <= p.last_line}
    assert len(owners) == 1
    (owner,) = owners
    post = next(p for p in blog.posts if p.seq == owner)
    assert not post.paragraphs[0].startswith("•") and post.paragraphs[0].rstrip().endswith(".")
