"""Big files: the first post from the two ends of the file, the text held once.

A big UTF-8 file is opened lazily (tui.core.source.open_source): its ends are
checked, the oldest day is parsed from the bottom (newest-first) or the top
(oldest-first), and the rest is read as the whole-file scan reaches it. The
size thresholds are lowered here so a few kilobytes exercise the same code a
million-post blog does; the answer must always be exactly load_blog's.
"""

from __future__ import annotations

import pickle
import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.progressive as progressive
import tui.core.scan as scan
import tui.core.source as source
from tui.core.errors import InputError
from tui.core.load import load_blog
from tui.core.model import Post
from tui.core.progressive import open_blog
from tui.core.scan import plain, special_lines

PARAS = [p for post in load_blog().posts for p in post.paragraphs]
HEADLINES = ["Talks adjourned until Monday", "Delegations arrive in the capital", "Ministers meet behind closed doors"]


@pytest.fixture
def small_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is 'big': 200-byte ends, 300-byte scan chunks."""
    monkeypatch.setattr(source, "LAZY_FROM", 0)
    monkeypatch.setattr(source, "EDGE", 200)
    monkeypatch.setattr(source, "READ_AHEAD", 64)
    monkeypatch.setattr(scan, "CHUNK", 300)
    monkeypatch.setattr(scan, "TAIL_WINDOW", 256)
    monkeypatch.setattr(progressive, "HEAD_STEP", 150)


def write_blog(path: Path, seed: int, *, days: int = 12, oldest_first: bool = False, stamped: bool = False,
               headlines: bool = False, yearless: bool = False, crlf: bool = False) -> Path:
    """A blog in many shapes: header forms, stamps, headlines, bylines, "Updated at"
    lines, whitespace, control characters, a repeated header, an unreadable one."""
    rng = random.Random(seed)
    lines = ["A lede written afterwards.", "It sums the days up.", ""]
    start = date(2024, 12, 20)
    for k in range(days) if oldest_first else range(days - 1, -1, -1):
        d = start + timedelta(days=k)
        if yearless and k % 5:
            header = rng.choice([f"{d:%A} {d.day} {d:%B}", f"{d.day} {d:%B}"])
        else:
            header = rng.choice([f"{d.day} {d:%B %Y}", f"{d:%A}, {d.day} {d:%B %Y}", f"{d:%B} {d.day}, {d.year}"])
        lines.append(header)
        hours = sorted(rng.sample(range(8, 23), rng.randint(2, 5)), reverse=not oldest_first)
        for hour in hours:
            if stamped:
                lines.append(f"{hour}:{rng.choice(('05', '30', '45'))}" + rng.choice(["", " BST", " GMT"]))
                if headlines:
                    lines.append(rng.choice(HEADLINES))
                    if rng.random() < 0.5:
                        lines.append("Jane Doe")
            for para in rng.sample(PARAS, rng.randint(1, 3)):
                r = rng.random()
                para = ("  " + para if r < 0.05 else para + " \u00a0" if r < 0.1
                        else para.replace(" ", " \x1b[1m", 1) if r < 0.13 else para)
                lines.append(para)
                if rng.random() < 0.1:
                    lines.append(rng.choice(["", "   "]))
            if stamped and rng.random() < 0.15:
                lines.append(f"Updated at {hour}:59")
        if rng.random() < 0.1:
            lines.append(header)  # repeated
        if rng.random() < 0.1:
            lines.append("Thursday 32 May")
    text = "\n".join(lines) + "\n"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    return path


def same_blog(a, b) -> None:
    assert a.posts == b.posts  # seq, day, time, estimated, lines, paragraphs, headline, byline, updated, pinned
    assert a.warnings == b.warnings
    assert (a.days, a.summary, a.order, a.meta, a.year_notes) == (b.days, b.summary, b.order, b.meta, b.year_notes)


SHAPES = [
    {},
    {"oldest_first": True},
    {"stamped": True, "headlines": True},
    {"stamped": True, "oldest_first": True},
    {"yearless": True},
    {"crlf": True, "stamped": True},
]


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "-".join(s) or "plain")
def test_first_posts_from_one_end_then_exactly_load_blog(tmp_path: Path, small_thresholds: None, shape: dict) -> None:
    path = write_blog(tmp_path / "blog.txt", seed=len(str(shape)), **shape)
    load = open_blog(path)
    assert load.blog.posts and load.blog.posts[0].seq == 1
    assert load.bytes_read < load.size  # the first posts came before the file was read whole
    first = list(load.blog.posts)
    load.finish()
    assert load.blog.posts[: len(first)] == first  # the posts handed out first never change
    assert load.bytes_read == load.size
    same_blog(load.blog, load_blog(path))


def test_newest_first_reads_the_bottom_first(tmp_path: Path, small_thresholds: None) -> None:
    path = write_blog(tmp_path / "blog.txt", seed=3, days=30)
    load = open_blog(path)
    oldest = load.blog.posts[0]
    assert oldest.day == date(2024, 12, 20) and oldest.first_line > 100  # from the end of the file
    assert not load.done and load.progress < 0.2


def test_bad_bytes_in_the_middle_are_a_warning_in_replay_and_an_error_in_check(tmp_path: Path,
                                                                             small_thresholds: None) -> None:
    path = write_blog(tmp_path / "blog.txt", seed=5, days=20)
    data = path.read_bytes()
    middle = data.index(b"\n", len(data) // 2) + 1
    path.write_bytes(data[:middle] + b"Caf\xe9 opens.\n" + data[middle:])
    line = data[:middle].count(b"\n") + 1
    with pytest.raises(InputError, match=f"not UTF-8 at line {line}, byte offset {middle + 3}"):
        load_blog(path)  # check, export: strict
    load = open_blog(path)  # replay: the oldest posts first ...
    assert load.blog.posts
    blog = load.finish()  # ... and the bad byte is a warning on its line, shown as U+FFFD
    assert any(w.line == line and "not UTF-8" in w.message for w in blog.warnings)
    assert any("Caf\ufffd opens." in p.paragraphs for p in blog.posts)


def test_what_the_ends_show_is_still_refused_before_anything_else(tmp_path: Path, small_thresholds: None) -> None:
    good = write_blog(tmp_path / "blog.txt", seed=7).read_bytes()
    cases = {
        "binary.txt": (good + b"\x00" * 300, "looks like binary data"),
        "cut.txt": (good + "Zürich".encode()[:2], "ends in the middle of a UTF-8 character"),
        "latin1.txt": (b"Caf\xe9 lede.\n" + good, "not UTF-8 at line 1, byte offset 3"),
    }
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError, match=message):
            open_blog(tmp_path / name)


def test_control_characters_are_visible_and_warned_about_either_way(tmp_path: Path, small_thresholds: None) -> None:
    path = write_blog(tmp_path / "blog.txt", seed=11, days=15)
    blog = open_blog(path).finish()
    texts = [p.text for p in blog.posts]
    assert any("␛[1m" in t for t in texts) and not any("\x1b" in t for t in texts)
    assert [w for w in blog.warnings if "control character" in w.message] == \
        [w for w in load_blog(path).warnings if "control character" in w.message] != []


def test_a_post_holds_offsets_not_text_and_keeps_its_api(tmp_path: Path) -> None:
    path = write_blog(tmp_path / "blog.txt", seed=13, stamped=True, headlines=True)
    post = next(p for p in load_blog(path).posts if p.headline)
    assert post.text == "\n".join(post.paragraphs) and post.headline not in post.paragraphs
    assert post.first_line < post.last_line
    assert len(post.text.encode()) <= post.text_bytes <= len(post.text.encode()) + 200  # a hint: no decoding
    with pytest.raises(AttributeError):
        post.seq = 2  # type: ignore[misc]
    moved = post.replace(seq=99, pinned=True)
    assert (moved.seq, moved.pinned, moved.paragraphs, moved.first_line) == (99, True, post.paragraphs, post.first_line)
    copy = pickle.loads(pickle.dumps(post))
    assert copy == post and type(copy) is Post


def test_the_text_is_held_once(tmp_path: Path) -> None:
    """Loaded, a blog holds its file's bytes once plus a small record per post
    (~300 bytes): no decoded copy of its text, which Python would hold at 2 bytes
    a character here (curly quotes), plus ~50 bytes per paragraph string."""
    import gc
    import tracemalloc

    path = write_blog(tmp_path / "blog.txt", seed=17, days=60)
    size = path.stat().st_size
    # the same blog once first, so the compiled patterns and the caches the parser fills (keyed by
    # the text it reads) are there whatever ran before in this process: they are not the blog's memory
    del load_blog(path).posts[:]
    gc.collect()
    tracemalloc.start()
    try:
        blog = load_blog(path)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    per_post = (held - size) / len(blog.posts)
    assert per_post < 450, (held, size, len(blog.posts))


PIECES = [*"ab 1\t\u00a0\u2003٣²x:", "16 May 2025", "“q”", "x" * 70]
LINES = st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), max_size=20)


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_the_scan_looks_at_exactly_the_lines_that_are_not_plain_text(lines: list[str]) -> None:
    """special_lines finds with C-level passes what plain() says line by line."""
    assert special_lines(lines) == [i for i, line in enumerate(lines) if not plain(line)]
