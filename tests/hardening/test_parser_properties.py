"""Property tests for the parser: any blog of the published shape round-trips.

A blog is generated as days (chronological) of posts (chronological) of
paragraphs, rendered newest first under varied day-header formats with stray
blank lines, then parsed. Properties:
  * every non-blank, non-header line lands in exactly one post (its source
    lines), with its text; summary lines land in the summary;
  * order is chronological: seq 1..N, times and days non-decreasing, newest
    first in the file;
  * stamped blogs ("14:05 …" opening each post) give exactly the posts written;
  * render the parsed blog back (headers + paragraphs, newest first) and parse
    again: the same posts, grouping, days and times.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import hardening_blogs as hb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.errors import InputError
from tui.core.load import parse_text
from tui.core.model import Blog, BlogMeta

# Paragraph openers: never date/time words, never a digit, so a paragraph is never a header.
LEADS = ("Officials", "Medinsky", "He", "However,", "“We", "Russia’s", "•", "Kiev", "[US]", "Zelensky", "Reporters",
         "According", "Turkish", "“The", "Sources", "Peskov", "[bold]Moscow[/bold]", "Мединский", "الوفد", "中文")
WORDS = ("said", "has", "arrived", "in", "Istanbul", "talks", "the", "delegation", "on", "Friday", "at", "14:05",
         "2025", "May", "16", "—", "TASS", "reported.", "he", "added,", "“no”", "[/]", "(AFP)", "Kiev’s", "a",
         "meeting", "will", "start", "12:30pm", "GMT", "…", "e\u0301", "🇺🇦", "ｗｉｄｅ", "[@click=app.quit]z[/]")
HEADER_STYLES = len(hb.HEADER_FORMATS)
FIRST_DAY = date(2025, 5, 10)


@st.composite
def paragraphs(draw) -> str:
    words = [draw(st.sampled_from(LEADS))] + draw(st.lists(st.sampled_from(WORDS), max_size=14))
    text = " ".join(words)
    pad = draw(st.sampled_from(("", "", "", " ", "\t", "  ")))
    return pad + text + draw(st.sampled_from(("", "", " ", ".")))


@dataclass
class Generated:
    text: str
    stamped: bool
    days: list[tuple[date, list[list[str]]]]  # chronological; posts chronological
    header_lines: set[int] = field(default_factory=set)
    summary_lines: dict[int, str] = field(default_factory=dict)
    paragraph_lines: dict[int, tuple[date, str]] = field(default_factory=dict)  # line -> (day, raw line)


@st.composite
def blogs(draw, stamped: bool | None = None) -> Generated:
    stamped = draw(st.booleans()) if stamped is None else stamped
    offsets = sorted(draw(st.sets(st.integers(0, 40), min_size=1, max_size=4)))
    days: list[tuple[date, list[list[str]]]] = []
    for off in offsets:
        n = draw(st.integers(0 if not stamped else 1, 6))
        posts = [draw(st.lists(paragraphs(), min_size=1, max_size=4)) for _ in range(n)]
        if stamped:  # strictly increasing stamps within the day, on each post's first paragraph
            minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=n, max_size=n)))
            for post, m in zip(posts, minutes):
                post[0] = f"{m // 60:02d}:{m % 60:02d} {post[0].strip()}"
        days.append((FIRST_DAY + timedelta(days=off), posts))
    if not any(posts for _, posts in days):
        days[-1][1].append([draw(paragraphs())])
    summary = draw(st.lists(paragraphs(), max_size=3))
    gen = Generated("", stamped, days)
    lines: list[str] = []

    def blank() -> None:
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(("", "   ", "\t"))))

    for s in summary:
        lines.append(s)
        gen.summary_lines[len(lines)] = s
        blank()
    for d, posts in reversed(days):
        lines.append(hb.header(d, draw(st.integers(0, HEADER_STYLES - 1))))
        gen.header_lines.add(len(lines))
        blank()
        for post in reversed(posts):
            for para in post:
                lines.append(para)
                gen.paragraph_lines[len(lines)] = (d, para)
                blank()
    gen.text = "\n".join(lines) + draw(st.sampled_from(("\n", "", "\n\n")))
    return gen


def parse(text: str) -> Blog:
    return parse_text(text, BlogMeta(), "generated.txt")


def render_back(blog: Blog) -> str:
    """The parsed blog in the published shape: summary, days and posts newest first."""
    lines = blog.summary.text.split("\n") if blog.summary is not None else []
    day = None
    for post in reversed(blog.posts):
        if post.day != day:
            day = post.day
            lines.append(f"{day:%d %B %Y}")
        lines.extend(_own_lines(post))
    return "\n".join(lines) + "\n"


def _own_lines(post) -> tuple[str, ...]:
    """The post's lines as the page had them: headline and byline (when the parser
    read the blog as headline-style), then the paragraphs."""
    return tuple(x for x in (post.headline, post.byline) if x) + post.paragraphs


def shape(blog: Blog) -> list[tuple]:
    return [(p.seq, p.day, p.headline, p.byline, p.paragraphs, p.time, p.time_estimated) for p in blog.posts]


SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(blogs())
def test_every_line_lands_in_exactly_one_post(gen: Generated) -> None:
    blog = parse(gen.text)
    lines = gen.text.split("\n")
    owner: dict[int, int] = {}
    for post in blog.posts:
        assert post.first_line <= post.last_line
        inside = [n for n in range(post.first_line, post.last_line + 1) if lines[n - 1].strip()]
        for n in inside:
            assert n in gen.paragraph_lines, f"post {post.seq} covers line {n} ({lines[n - 1]!r}), not a paragraph"
            assert n not in owner, f"line {n} is in posts {owner[n]} and {post.seq}"
            owner[n] = post.seq
            assert gen.paragraph_lines[n][0] == post.day, f"line {n} is under {gen.paragraph_lines[n][0]}, post says {post.day}"
        assert _own_lines(post) == tuple(lines[n - 1].strip() for n in inside)
    assert set(owner) == set(gen.paragraph_lines), "some paragraph lines are in no post"
    # The summary holds exactly the lines above the first header.
    if gen.summary_lines:
        assert blog.summary is not None
        assert blog.summary.text == "\n".join(s.strip() for s in gen.summary_lines.values())
        assert (blog.summary.first_line, blog.summary.last_line) == (min(gen.summary_lines), max(gen.summary_lines))
    else:
        assert blog.summary is None


@SETTINGS
@given(blogs())
def test_posts_are_in_chronological_order(gen: Generated) -> None:
    blog = parse(gen.text)
    posts = blog.posts
    assert blog.order == "newest-first"
    assert [p.seq for p in posts] == list(range(1, len(posts) + 1))
    for a, b in zip(posts, posts[1:]):
        assert a.time <= b.time, (a.seq, a.time, b.time)
        assert a.day <= b.day
        assert a.first_line > b.last_line  # newest first in the file
    assert blog.days == sorted({d for d, posts in gen.days if posts})
    for p in posts:
        assert p.time.date() == p.day or p.time.tzinfo is not None  # a time on its day (zone UTC here)
        assert p.time.tzinfo is not None


@SETTINGS
@given(blogs(stamped=True).filter(lambda g: sum(len(p) for _, p in g.days) >= 2))
def test_stamped_blogs_give_exactly_the_posts_written(gen: Generated) -> None:
    blog = parse(gen.text)
    want = [(d, tuple(para.strip() for para in post)) for d, posts in gen.days for post in posts]
    assert [(p.day, p.paragraphs) for p in blog.posts] == want
    for p in blog.posts:
        hh, mm = p.paragraphs[0][:5].split(":")
        assert not p.time_estimated
        assert (p.time.hour, p.time.minute) == (int(hh), int(mm))


@SETTINGS
@given(blogs())
def test_render_then_parse_is_stable(gen: Generated) -> None:
    first = parse(gen.text)
    again = parse(render_back(first))
    assert shape(again) == shape(first)
    assert (again.summary.text if again.summary else None) == (first.summary.text if first.summary else None)
    assert again.days == first.days
    # And once more: a fixed point.
    assert shape(parse(render_back(again))) == shape(first)


# ---------------------------------------------------------------- found by the properties

MIDNIGHT_ANCHOR = "10 May 2025\n00:00 Officials met.\nOfficials said hello.\n"
BACKWARDS_STAMPS = (
    "16 May 2025\n10:00 Officials met in Istanbul.\n12:00 Reporters said the talks began.\n"
    "09:00 Turkish officials have said it is on.\n15 May 2025\n11:00 Medinsky has arrived.\n"
)


def _replay_app(tmp_path: Path, text: str):
    """What `liveblog-tui replay FILE` builds before taking the terminal."""
    from tui.app.launch import prepare_replay
    from tui.cli import build_parser

    path = hb.write(tmp_path, "blog.txt", text)
    return prepare_replay(build_parser().parse_args(["replay", str(path), "--paused"]))


def test_posts_before_a_midnight_stamp_are_not_later_than_it(tmp_path: Path) -> None:
    posts = parse(MIDNIGHT_ANCHOR).posts
    assert [p.time for p in posts] == sorted(p.time for p in posts)
    _replay_app(tmp_path, MIDNIGHT_ANCHOR)  # must not raise ValueError


def test_out_of_order_stamps_still_replay(tmp_path: Path) -> None:
    blog = parse(BACKWARDS_STAMPS)
    assert any("out of order" in w.message for w in blog.warnings)  # the user is told...
    try:
        _replay_app(tmp_path, BACKWARDS_STAMPS)  # ...and the replay still starts (or refuses in one line)
    except InputError:
        pass
