"""Progressive loading: the oldest posts first, the rest in chunks.

A newest-first live blog has its OLDEST post at the END of the file, and
grouping paragraphs into posts is the costly part of a parse. open_blog()
parses the oldest day section first and hands out the rest a step at a time,
oldest first; seq numbers never change while it grows (seq 1 = oldest), and
after the last step `.blog` equals load_blog(path) (posts, lines, times,
warnings).

    load = open_blog(path)         # oldest day already parsed
    show(load.blog.posts)          # a list that only grows by appending
    while not load.done:           # e.g. in a worker thread
        load.step()                # one more day section (or max_posts)

How much is read before the first post depends on the file:

- A big UTF-8 file (more than tui.core.source.LAZY_FROM bytes) is NOT read
  whole first. Its first and last 64 KB are checked (missing, directory,
  empty, binary, not UTF-8 there: one-line errors as before); the top is
  scanned for the summary and the first day headers, and the bottom
  backwards for the last ones (the oldest day of a newest-first blog). The
  order, whether each stamp opens one post, and the year of a header without
  one are decided from those days, and the oldest day is grouped. The first
  steps scan the whole file, SCAN_STEP bytes each (reading it as they go,
  checking its bytes and control characters: those become warnings, `check`
  stays strict), then every decision is made again over all of it; if one
  differs from what the oldest days suggested, the load keeps the first
  reading and says so in a warning.
- Anything else (the bundled blog, small files, standard input, other
  encodings, saved pages) is read and scanned whole first: then every input
  error is a one-line message before the app starts, as with load_blog.

The list is appended to in one step per section (list.extend), so a reader in
another thread sees whole sections. `blog.days`, `blog.warnings` and
`blog.year_notes` are updated in place as the whole-file scan completes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from tui.core.days import Stamp
from tui.core.load import file_meta, head_text, open_file, plan_page_source
from tui.core.meta import validate_meta
from tui.core.model import Blog, BlogMeta, ParseWarning, Post
from tui.core.page import looks_like_html
from tui.core.parse import At, Plan, _is_stamped, _vote, decide, plan_source, section_posts, summary_of
from tui.core.scan import Day, Scan, dated_lines_before, scan_region
from tui.core.source import TextSource
from tui.core.timing import stamp_time

# The line scan's share of the progress bar (grouping posts is ~10x slower per byte).
_SCAN_SHARE = 0.1
SCAN_STEP = 8 << 20  # bytes of a big file scanned per step() (~0.1-0.2 s)
HEAD_STEP = 1 << 16  # the top of a big file is scanned in steps this big ...
_HEAD_DAYS = 4  # ... until this many day headers are seen
_TAIL_LIMIT = 64 << 20  # looking further back than this for the oldest days: scan the whole file first


class ProgressiveLoad:
    """A Blog whose posts are added oldest first, a day section per step."""

    def __init__(self, plan: Plan, *, scan: Scan | None = None) -> None:
        self._plan = plan
        self._scan = scan  # a whole-file scan still to finish (big files), or None
        self._next = 0  # index into plan.chrono_sections
        self._lock = threading.Lock()
        self.blog: Blog = plan.blog([])
        if scan is None:
            self.blog.warnings[:] = plan.warnings()  # complete already: the oldest-first sections come next
        self._emitted: list[int] = []  # header offsets of the sections handed out before the whole scan
        self._size = plan.src.size if plan.src is not None else 0
        self._set_weights()
        self._done_weight = 0

    def _set_weights(self) -> None:
        plan = self._plan
        # Bytes (or paragraphs, for a saved page) in every section: a cheap, exact measure of the work left.
        if plan.src is not None:
            self._weights = [max(1, plan.days[i].stop - plan.days[i].header_at) for i in plan.chrono_sections]
        else:
            self._weights = [sum(b.count for b in plan.days[i].blocks) for i in plan.chrono_sections]
        self._total_weight = sum(self._weights) or 1

    @property
    def done(self) -> bool:
        return self._scan is None and self._next >= len(self._plan.chrono_sections)

    @property
    def total_sections(self) -> int:
        return len(self._plan.chrono_sections)

    @property
    def progress(self) -> float:
        """0.0 .. 1.0: bytes scanned (a tenth of it), then posts grouped."""
        if self.done:
            return 1.0
        scan = self._scan
        if scan is not None:
            return _SCAN_SHARE * (scan.pos / (self._size or 1))
        grouped = self._done_weight / self._total_weight
        return (_SCAN_SHARE if self._size else 0.0) + (1 - (_SCAN_SHARE if self._size else 0.0)) * grouped

    @property
    def bytes_read(self) -> int:
        """How much of the file has been read (a big file is read as its scan goes)."""
        src = self._plan.src
        return src.bytes_read if src is not None else 0

    @property
    def size(self) -> int:
        """The file's size in bytes (0 for a saved page, read whole)."""
        return self._size

    @property
    def warnings(self) -> list[ParseWarning]:
        """The warnings found so far (bad bytes and control characters in a big
        file show up once its whole scan is done)."""
        return self.blog.warnings

    def step(self, max_posts: int | None = None) -> int:
        """Parse the next day section (keep going until at least max_posts posts
        were added, when given); returns how many posts were added (0 when done).
        While the whole file of a big blog is scanned, a step scans the next
        SCAN_STEP bytes and may add no post (so a caller can do other work,
        such as extracting facts, between steps). Thread-safe: concurrent calls
        run one after the other."""
        with self._lock:
            if self._scan is not None:
                scan = self._scan
                scan.run(scan.pos + SCAN_STEP)
                if not scan.done:
                    return 0
                self._finish_scan()
            added = 0
            posts = self.blog.posts
            plan = self._plan
            while self._next < len(plan.chrono_sections):
                index = plan.chrono_sections[self._next]
                chunk = section_posts(plan, index, len(posts) + 1)
                posts.extend(chunk)  # one append step: readers see whole sections
                self._done_weight += self._weights[self._next]
                self._next += 1
                added += len(chunk)
                if max_posts is None or added >= max_posts:
                    break
            if self._scan is None:
                self.blog.warnings[:] = plan.warnings()
            return added

    def _first_sections(self, first_posts: int) -> None:
        """Before the whole scan: group the provisional plan's oldest sections until there are first_posts posts."""
        plan = self._plan
        posts = self.blog.posts
        while self._next < len(plan.chrono_sections) and len(posts) < first_posts:
            index = plan.chrono_sections[self._next]
            posts.extend(section_posts(plan, index, len(posts) + 1))
            self._done_weight += self._weights[self._next]
            self._emitted.append(plan.days[index].header_at)
            self._next += 1

    def _finish_scan(self) -> None:
        """Scan the whole file, decide everything over it, and go on from the sections handed out."""
        scan = self._scan
        assert scan is not None
        first = self._plan
        src = first.src
        assert src is not None
        if scan.clean:
            src.clean = True
        meta = first.meta
        notes = [*src.warnings, *scan.notes]
        plan = decide(scan, src, meta, first.source, notes)
        differs = []
        if plan.order != first.order:
            differs.append(f"the oldest days read as {first.order}, the whole file as {plan.order}")
        if plan.stamped != first.stamped:
            how = ("each time stamp opening one post", "time stamps dating the first post below them")
            differs.append(f"the oldest days read with {how[not first.stamped]}, the whole file with {how[not plan.stamped]}")
        if differs:
            plan = decide(scan, src, meta, first.source, notes, order=first.order, stamped=first.stamped)
            plan.notes.append(At(plan.days[0].header_at, "; ".join(differs) + " — the replay keeps its first reading "
                                 "(`liveblog-tui check` shows the whole file's)"))
        if src.changed:
            plan.notes.append(ParseWarning(1, "the file changed while it was being read; what was read is shown"))
        # The sections already handed out keep their posts and the warnings grouping them gave.
        plan.notes.extend(w for w in first.notes if isinstance(w, At))
        emitted = set(self._emitted)
        plan.chrono_sections = [i for i in plan.chrono_sections if plan.days[i].header_at not in emitted]
        self._plan = plan
        self._scan = None
        self._next = 0
        self._set_weights()
        self._done_weight = 0
        blog = self.blog
        blog.days[:] = sorted({d.day for d in plan.days if any(b.count for b in d.blocks)})  # type: ignore[type-var]
        blog.order = plan.order
        blog.summary = plan.summary
        blog.year_notes.clear()
        blog.year_notes.update(plan.year_notes)

    def chunks(self, max_posts: int | None = None) -> Iterator[list[Post]]:
        """Drive the rest of the load: yields the posts added by each step that added some."""
        while not self.done:
            before = len(self.blog.posts)
            if self.step(max_posts):
                yield self.blog.posts[before:]

    def finish(self) -> Blog:
        """Parse everything left; returns the complete blog."""
        while not self.done:
            self.step(1 << 30)
        return self.blog


def open_blog(
    path: str | Path | None = None,
    *,
    encoding: str = "utf-8",
    meta_path: str | Path | None = None,
    timezone: str | None = None,
    first_posts: int = 1,
) -> ProgressiveLoad:
    """Like load_blog, but returns as soon as the oldest day section(s) holding
    at least `first_posts` posts are parsed (same InputErrors as load_blog for
    what can be seen before: see the module docstring)."""
    src, meta_at, stdin = open_file(path, encoding)
    if looks_like_html(head_text(src)):
        load = ProgressiveLoad(plan_page_source(src, path, encoding, meta_at, meta_path, timezone, stdin))
    else:
        meta = file_meta(meta_at, meta_path, timezone, stdin)
        load = None
        if src.lazy:
            load = _from_the_ends(src, meta, max(1, first_posts))
        if load is None:
            load = ProgressiveLoad(plan_source(src, meta, src.name))
    if first_posts > 0 and load._scan is None:  # noqa: SLF001
        load.step(first_posts)
    return load


# ---------------------------------------------------------------- a big file, from its two ends

def _key(stamp: Stamp) -> tuple[int, int]:
    return stamp.month_day or (stamp.day.month, stamp.day.day)  # type: ignore[union-attr]


def _from_the_ends(src: TextSource, meta: BlogMeta, first_posts: int) -> ProgressiveLoad | None:
    """A ProgressiveLoad whose oldest sections come from the top or the bottom
    of a big file, scanned alone; None when that would not save the whole scan
    (few, huge days): the caller then scans it all first."""
    validate_meta(meta, source=src.name)
    head = Scan(src, strict=False)  # the whole-file scan, started at the top
    while not head.done and len(head.days) < _HEAD_DAYS and head.pos < _TAIL_LIMIT:
        head.run(head.pos + HEAD_STEP)
    if head.done or len(head.days) < 2:
        return None
    wanted = 1
    while True:
        tail = _tail_scan(src, head, wanted + 1)
        if tail is None:
            return None
        order = _sample_order(meta, head, tail, src)
        if order == "oldest-first":
            return _oldest_first(src, meta, head, tail, first_posts)
        exact = tail.days[1:]  # the first may have begun above the region
        dated = [d.dated for d in tail.days]
        plan = decide(tail, src, meta, src.name, [], order=order,
                      stamped=_is_stamped(exact + head.days[:-1], src))
        plan.summary = summary_of(head)
        whole = {id(d) for d in exact}
        first = [i for i in plan.chrono_sections if id(plan.days[i]) in whole]
        if not _years_known(dated, first, meta, top=False):
            wanted *= 2
            continue
        paragraphs = sum(b.count for i in first for b in plan.days[i].blocks)
        if paragraphs >= first_posts or len(exact) < wanted:
            return _provisional(plan, first, head, first_posts)
        wanted *= 2


def _tail_scan(src: TextSource, head: Scan, changes: int) -> Scan | None:
    """Scan the bottom of the file from the line where `changes` earlier days
    begin (so its days after the first are whole days); None when that line
    is not far below what the top scan covered."""
    seen = 0
    start = None
    last: tuple[int, int] | None = None
    for at, stamp in dated_lines_before(src, src.size, floor=head.pos):
        if src.size - at > _TAIL_LIMIT:
            return None
        key = _key(stamp)
        if last is not None and key != last:
            seen += 1
        last, start = key, at
        if seen >= changes:
            break
    if start is None or seen < changes:
        return None
    return scan_region(src, start, src.size)


def _resolved(days: list[Day], meta: BlogMeta) -> list:
    from tui.core.parse import resolve_years

    copies = [Day(d.day if d.dated else None, d.header_at, d.blocks, d.month_day, d.weekday, d.header, dated=d.dated)
              for d in days]
    resolve_years(copies, meta.year, [])
    return [d.day for d in copies]


def _sample_order(meta: BlogMeta, head: Scan, tail: Scan, src: TextSource) -> str:
    """The order the description gives, else the one the top and bottom days vote for (as detect_order)."""
    if meta.order != "auto":
        return meta.order
    votes = _vote(_resolved(head.days, meta)) + _vote(_resolved(tail.days[1:], meta))
    if votes:
        return "oldest-first" if votes > 0 else "newest-first"
    from tui.core.meta import resolve_timezone

    tz = resolve_timezone(meta.timezone)
    stamps = []
    for scan in (head, tail):
        days = _resolved(scan.days, meta)
        stamps.append([stamp_time(day, b.stamp, tz) for d, day in zip(scan.days, days) for b in d.blocks
                       if b.count and b.stamp is not None and b.stamp.clock and day is not None])
    votes = sum(_vote(s) for s in stamps)
    if votes:
        return "oldest-first" if votes > 0 else "newest-first"
    return "newest-first"


def _oldest_first(src: TextSource, meta: BlogMeta, head: Scan, tail: Scan, first_posts: int) -> ProgressiveLoad | None:
    """An oldest-first file: its oldest days are at the top; scan on until they are whole."""
    region = Scan(src, strict=False)
    wanted = 1
    while True:
        region.run(min(src.size, region.pos + HEAD_STEP))
        while not region.done and len(region.days) < wanted + 1 and region.pos < _TAIL_LIMIT:
            region.run(min(src.size, region.pos + HEAD_STEP))
        if region.done or region.pos >= _TAIL_LIMIT:
            return None
        exact = region.days[:-1]  # the last one may go on
        dated = [d.dated for d in region.days]
        for d in region.days:  # years a decide() below inferred with fewer days: inferred again
            if not d.dated:
                d.day = None
        plan = decide(region, src, meta, src.name, [], order="oldest-first",
                      stamped=_is_stamped(exact + tail.days[1:], src))
        whole = {id(d) for d in exact}
        first = [i for i in plan.chrono_sections if id(plan.days[i]) in whole]
        paragraphs = sum(b.count for i in first for b in plan.days[i].blocks)
        if paragraphs >= first_posts and _years_known(dated, first, meta, top=True):
            # The head scan is the whole-file scan: it goes on from where it stopped.
            return _provisional(plan, first, head, first_posts)
        wanted *= 2


def _years_known(dated: list[bool], first: list[int], meta: BlogMeta, *, top: bool) -> bool:
    """Would these days get the years the whole file gives them? `dated[i]`:
    day i's header (or a stamp under it) gave its year. resolve_years goes
    through the days in file order, each yearless one taking the year of the
    nearest day already dated (earlier ones first): so a day at the top of the
    file with a dated day after it in the region, or a region of the bottom
    that opens with a dated day, decides exactly as the whole file does."""
    if meta.year is not None or not first or all(dated[i] for i in first):
        return True
    if top:
        return any(dated[max(first) + 1:])
    return dated[0]


def _provisional(plan: Plan, first: list[int], full: Scan, first_posts: int) -> ProgressiveLoad:
    plan.chrono_sections = first
    plan.notes = []  # the whole scan reports the warnings of these days too
    load = ProgressiveLoad(plan, scan=full)
    load._first_sections(first_posts)  # noqa: SLF001
    return load
