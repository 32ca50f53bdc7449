"""Raw live-blog text -> Blog, in one linear pass over the lines.

Shape accepted: an optional summary (lede) above the first day header, then
day headers each followed by paragraphs (one per line; blank lines ignored),
optionally with time-stamp lines or paragraphs that open with a time stamp.
Day headers may lack their year (inferred: the description's `year`, the
nearest header with one, the weekday, else this year with a warning). Under a
stamp line, a short line without final punctuation is the post's headline and
a name under it its byline; "Updated at …" lines date an edit of the post
above. Stamps decide the order when they disagree with the page (a post at the
top of the page stamped out of the page's order is pinned), with a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from tui.core.days import Stamp, leading_clock, looks_like_header, parse_stamp, read_when
from tui.core.errors import InputError
from tui.core.grouping import group, is_byline, is_headline, opens_with_headline, trailing_byline
from tui.core.vocab import WEEKDAY_NAMES
from tui.core.weekdays import date_chain, intro_dates, page_update_time, weekday_order
from tui.core.meta import parse_clock, resolve_timezone, validate_meta
from tui.core.model import Blog, BlogMeta, ParseWarning, Post, Summary
from tui.core.scan import Block as _Block
from tui.core.scan import Day as _Day
from tui.core.scan import Scan
from tui.core.scan import plain as _plain  # noqa: F401 — the scan's test of lines it need not look at
from tui.core import source as _source
from tui.core.source import TextSource
from tui.core.timing import day_times, stamp_time

NO_HEADERS = (
    "no day headers found; expected lines like '16 May 2025', 'May 16, 2025', "
    "'Friday, 16 May 2025', '16.05.2025' or 'Thursday 15 May'"
)
# A blog is "stamped" (each stamp opens exactly one post) when it has at least
# this many stamps and few paragraphs per stamp; otherwise stamps only date the
# first post below them and grouping decides the rest.
_STAMPED_MIN = 2
_STAMPED_MAX_PARAS = 12


@dataclass(slots=True)
class _RawPost:
    day: date
    section: int  # index of the _Day it came from
    spans: list[tuple[int, int]]  # (start, end) bytes of each paragraph line's text
    texts: list[str]
    stamp: Stamp | None
    stamp_at: int  # byte offset of the stamp line
    block: int = 0  # which block (stamp) it came from: the unit that stamps put in order
    headline: str = ""
    byline: str = ""
    extra: list[tuple[int, int]] = field(default_factory=list)  # headline, byline, "Updated" lines
    update: Stamp | None = None


def _nearest_dated(days: list[_Day], i: int) -> _Day | None:
    for distance in range(1, len(days)):
        for j in (i - distance, i + distance):
            if 0 <= j < len(days) and days[j].day is not None:
                return days[j]
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_years(days: list[_Day], year: int | None, notes: list, today: date | None = None) -> dict[date, str]:
    """Give every yearless header its year; returns {day: how the year was found}.

    In order: the description's `year`; the nearest header that has a year
    (the candidate year closest to it, preferring one whose weekday matches);
    the weekday the header names (the latest year, up to this one, where the
    date falls on it); else this year, with a warning."""
    how: dict[date, str] = {}
    today = today or date.today()
    for i, d in enumerate(days):
        if d.day is not None or d.month_day is None:
            continue
        month, dom = d.month_day
        found: date | None = None
        source = ""
        ref = _nearest_dated(days, i) if year is None else None
        if year is not None:
            found, source = _valid(year, month, dom), "from the description"
        elif ref is not None and ref.day is not None:
            options = [c for y in (ref.day.year - 1, ref.day.year, ref.day.year + 1) if (c := _valid(y, month, dom))]
            if options:
                anchor = ref.day
                matching = [c for c in options if d.weekday is None or c.weekday() == d.weekday]
                found = min(matching or options, key=lambda c: abs((c - anchor).days))
                source = "inferred from the neighbouring headers"
        elif d.weekday is not None:
            found = next((c for y in range(today.year, today.year - 28, -1)
                          if (c := _valid(y, month, dom)) and c.weekday() == d.weekday), None)
            source = f"inferred from its weekday ({WEEKDAY_NAMES[d.weekday].title()})"
        if found is None:
            found = next(c for y in range(today.year, today.year - 8, -1) if (c := _valid(y, month, dom)))
            source = "assumed (none given)"
            notes.append(At(d.header_at, f"day header {d.header!r} has no year; {found.year} assumed "
                                         "(set `year` in the description)"))
        d.day = found
        how.setdefault(found, source)
        if d.weekday is not None and found.weekday() != d.weekday:
            notes.append(At(d.header_at, f"weekday does not match {found:%d %B %Y}"))
    return how


def date_weekday_days(scan: Scan, meta: BlogMeta, notes: list, today: date | None = None) -> dict[date, str]:
    """Date the days a scan opened at stamps naming only their weekday (tui.core.weekdays);
    returns {day: how it was dated}. A page dated by no intro date gets a warning."""
    if not any(d.day is None and d.month_day is None and d.weekday is not None for d in scan.days):
        return {}
    # the chain: every day in page order, an intro header ("Monday 3 August 2026") included
    chain = [d for d in scan.days if d.day is not None or (d.month_day is None and d.weekday is not None)]
    weekdays = [d.day.weekday() if d.day is not None else d.weekday for d in chain]
    order = meta.order if meta.order != "auto" else (weekday_order(weekdays) or "newest-first")  # type: ignore[misc]
    found = intro_dates(scan.summary, meta.year)
    anchors = [when for when, _ in found] + [d.day for d in chain if d.day is not None]
    dates, anchor = date_chain(weekdays, order, anchors, today or date.today())
    days = [d for d, when in zip(chain, dates) if d.day is None]
    dates = [when for d, when in zip(chain, dates) if d.day is None]
    for d, when in zip(days, dates):
        d.day, d.dated = when, anchor is not None
    used = {number for when, number in found if when == anchor}
    notes[:] = [n for n in notes if not (isinstance(n, ParseWarning) and n.line in used)]  # (read after all)
    if anchor is None:
        how = "assumed from the weekdays in the stamps (the page gives no date)"
        notes.append(At(days[0].header_at, f"the stamps name weekdays but the page gives no date: "
                                           f"{dates[0]:%d %B %Y} … {dates[-1]:%d %B %Y} assumed (the latest such days)"))
    else:
        how = f"from the weekday in its stamps and the date {anchor:%d %B %Y} above the first post"
    return {when: how for when in dates}


def _is_stamped(days: list[_Day], src: TextSource) -> bool:
    """Does each stamp open exactly one post? Yes with enough stamps and short
    blocks, and always when most stamp lines carry a headline (a headline-style
    blog: nothing in a body opens another post)."""
    stamped = [b for d in days for b in d.blocks if b.stamp is not None and b.count]
    if len(stamped) < _STAMPED_MIN:
        return False
    paras = sum(b.count for b in stamped)
    if paras <= _STAMPED_MAX_PARAS * len(stamped):
        return True
    titled = sum(1 for b in stamped if not b.lead and b.count > 1 and is_headline(b.first_text(src)))
    return titled * 2 >= len(stamped)


# Headline style without stamps: this many headlines, and one per so many
# paragraphs, in the file's top EDGE bytes (the part open_source checks first:
# a big file is not read further for it, and every way of loading agrees).
_TITLED_MIN = 3
_TITLED_EVERY = 8


def _is_titled(src: TextSource) -> bool:
    """Do posts open with headlines even where no stamp line marks them? Only in
    a blog that shows the habit: a short line without final punctuation above a
    body again and again. A plain blog's one unpunctuated line ("Delegation
    Members" above a list, a one-line flash) stays text."""
    end = min(src.size, src.start + _source.EDGE)
    sample = src.text(src.start, end).split("\n")
    if end < src.size:
        sample.pop()  # whole lines only
    paras = [line.strip() for line in sample if line.strip()]
    titles = sum(
        1
        for i, line in enumerate(paras)
        if len(line) <= 120
        and opens_with_headline(paras, i)
        and not looks_like_header(line)
        and parse_stamp(line) is None
        and leading_clock(line) is None
    )
    return titles >= _TITLED_MIN and titles * _TITLED_EVERY >= len(paras)


def _title_lines(numbers: list[tuple[int, int]], texts: list[str], *, stamped: bool = False) -> tuple[str, str, list[tuple[int, int]]]:
    """Take the headline and byline off the top of one post's paragraphs (in
    place): (headline, byline, their byte spans). A body must remain below them.
    A byline line closing the post ("— Jane Doe, reporting from Geneva") is its
    byline too.
    `stamped`: the post opens under a stamp line (a question may then be its title)."""
    if len(texts) < 2:
        return "", "", []
    headline = ""
    taken: list[tuple[int, int]] = []
    if is_headline(texts[0], question=stamped) and not is_byline(texts[0], after_headline=False) and not looks_like_header(texts[0]):
        headline = texts.pop(0)
        taken.append(numbers.pop(0))
    bylines: list[str] = []
    if len(texts) >= 2 and is_byline(texts[0], after_headline=bool(headline)):
        bylines.append(texts.pop(0))
        taken.append(numbers.pop(0))
        # the author's role or place on the next line ("Diplomatic correspondent, Geneva")
        if len(texts) >= 2 and is_headline(texts[0]) and len(texts[0]) <= 60 and len(texts[0].split()) <= 6:
            bylines.append(texts.pop(0))
            taken.append(numbers.pop(0))
    if len(texts) >= 2 and (signed := trailing_byline(texts[-1])):  # "— Jane Doe" closing the post
        texts.pop()
        taken.append(numbers.pop())
        bylines.append(signed)
    return headline, ", ".join(bylines), taken


def _posts_in_file_order(days: list[_Day], stamped: bool, src: TextSource, section: int = 0, *,
                         titled: bool = False) -> list[_RawPost]:
    posts: list[_RawPost] = []
    for index, day in enumerate(days, section):
        for number, block in enumerate(day.blocks):
            if not block.count:
                continue
            numbers, texts = block.paragraphs(src)
            if stamped and block.stamp is not None:
                starts = [0]
            else:
                starts = group(texts, headlines=titled)
                if block.cuts:
                    # a share button under each post ("Share"): where one post's text ends
                    firsts = [a for a, _ in numbers]
                    cut_at = {i for cut in block.cuts if 0 < (i := bisect_right(firsts, cut)) < len(texts)}
                    # (the short lines right after a cut — a headline, a byline — open the post that follows
                    # them: a start grouping found just below them is that same post)
                    starts = sorted(set(starts) | cut_at)
                    starts = [x for x in starts if x in cut_at or not any(
                        c < x <= c + 3 and all(_short_line(t) for t in texts[c:x]) for c in cut_at)]
            bounds = [*starts, len(texts)]
            run: list[_RawPost] = []
            for k in range(len(starts)):
                a, b = bounds[k], bounds[k + 1]
                first = k == 0
                post_numbers, post_texts = numbers[a:b], texts[a:b]
                # A headline tops a post under a stamp line, or one found by
                # grouping in a headline-style blog; never one opened by a clock
                # inside its first line.
                if first and block.lead:
                    title: tuple[str, str, list[tuple[int, int]]] = ("", "", [])
                elif (first and block.stamp is not None) or titled:
                    title = _title_lines(post_numbers, post_texts, stamped=first and block.stamp is not None)
                else:
                    title = ("", "", [])
                run.append(
                    _RawPost(
                        day.day,  # type: ignore[arg-type]
                        index,
                        post_numbers,
                        post_texts,
                        block.stamp if first else None,
                        block.stamp_at if first else 0,
                        number,
                        *title,
                    )
                )
            if block.updates:  # each "Updated at …" line dates the post it stands under
                firsts = [p.spans[0][0] for p in run]
                for start, end, stamp in block.updates:
                    post = run[max(0, bisect_right(firsts, start) - 1)]
                    post.update = stamp
                    post.extra = [*post.extra, (start, _line_end(src, start, end))]
            posts.extend(run)
    if stamped:
        posts = _headers_above_stamps(posts, src)
        posts = _bylines_above_stamps(posts, src)
    return posts


def _short_line(text: str) -> bool:
    """A line short enough to head a post (a headline, a byline, an author's role)."""
    return len(text) <= 80 and not text.rstrip().endswith((".", "!", "?", "”", '"'))


_REPORTING_FROM = re.compile(r"^(?:Reporting|Writing)\s+(?:from|in)\s+\S")


def _byline_run(texts: list[str]) -> int:
    """How many lines closing `texts` are a byline printed above the next post's stamp: "By Dana
    Ruiz" and the "Reporting from Geneva" line under it (0 when they are not: a "By Ali Khan" alone
    may as well sign the post above it)."""
    if len(texts) >= 2 and _REPORTING_FROM.match(texts[-1]) and is_byline(texts[-2], after_headline=False):
        return 2
    return 0


_AROUND = 1024  # bytes read around a stamp for the byline lines above it: a few short lines
_BYLINE_CUES = (b"Reporting ", b"Writing ")  # one of them is on every line pair _byline_run takes


def _window_spans(src: TextSource, pos: int, up: bool) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) byte spans, without "\\n", of the lines in the `_AROUND` bytes above byte `pos`
    (nearest first; up) or from `pos` down, and whether the window stopped short of the source's
    edge: its farthest piece may then be a cut line, and is left out."""
    lo, hi = (max(0, pos - _AROUND), pos) if up else (pos, min(len(src.buf), pos + _AROUND))
    pieces = src.raw(lo, hi).split(b"\n")
    offsets = list(accumulate((len(x) + 1 for x in pieces[:-1]), initial=lo))
    spans = list(zip(offsets, (a + len(x) for a, x in zip(offsets, pieces))))
    cut = lo > 0 if up else hi < len(src.buf)
    if cut:
        spans = spans[1:] if up else spans[:-1]
    if up:
        spans.reverse()
    return spans, cut


def _lines_around(src: TextSource, pos: int, count: int, up: bool) -> list[tuple[int, int, str]]:
    """Up to `count` non-blank lines (start, end, text) above byte `pos` (a line start; up) or from
    `pos` down, read through the source (read first if needed; control characters made visible)."""
    spans, _ = _window_spans(src, pos, up)
    out: list[tuple[int, int, str]] = []
    for a, b in spans:
        text = src.text(a, b).strip()
        if text:
            out.append((a, _line_end(src, a, b + 1 if b < len(src.buf) else b), text))
            if len(out) == count:
                break
    return out


_HEADER_MAX_WORDS = 16  # a headline or byline line above a stamp: a short line, not a paragraph
_HEADERS_ABOVE_SHARE = 0.6  # of a section's stamps that must have them for the shape to hold


def _header_run(src: TextSource, stamp_at: int) -> list[tuple[int, int, str]]:
    """The one or two short lines right above a stamp line, with a blank line (or the section's
    start) above them and none between them and the stamp: a headline and/or a byline printed above
    the post's time ("Talks open in Geneva" / "By Ana Ruiz" / "7:02 am"). Top-down; [] when not so."""
    spans, cut = _window_spans(src, stamp_at, up=True)
    if not spans or src.raw(*spans[0]).strip():
        return []  # (the stamp starts a line: the piece after the last newline is empty)
    run: list[tuple[int, int, str]] = []
    for a, b in spans[1:]:
        text = src.text(a, b).strip()
        if not text:
            return run[::-1]  # the blank line above the run
        if len(run) == 2 or len(text.split()) > _HEADER_MAX_WORDS or parse_stamp(text) is not None:
            return []
        run.append((a, _line_end(src, a, b + 1), text))
    return [] if cut else run[::-1]  # (cut: the window ended in the run, too far up to tell)


def _header_lines(lines: list[str]) -> bool:
    """Do the lines read as a post's headline and/or byline (a headline, then maybe "By …"; never a
    sentence such as "More soon.")?"""
    *head, last = lines
    if is_byline(last, after_headline=bool(head)):
        return all(is_headline(t) and not t.rstrip().endswith(".") for t in head) and len(head) <= 1
    return not head and is_headline(last) and not last.rstrip().endswith(".")


def _opens_with_a_paragraph(text: str) -> bool:
    """Is the post's first line under its stamp body text (a sentence), not a headline?"""
    return len(text.split()) > _HEADER_MAX_WORDS or text.rstrip().endswith((".", "”", '"', "!", "?", ")", "’", ":"))


def _headers_above_stamps(posts: list[_RawPost], src: TextSource) -> list[_RawPost]:
    """A section whose posts print their headline and byline above the stamp ("Talks open" / "By
    Staff" / "7:02 am" / body), as many newspaper live blogs do: those lines are the post's below,
    not the last lines of the post above (nor, before a day's first stamp, a post of their own).
    Decided per section by a vote: most stamps (all, in a section of one or two) must have such
    lines right above them, a blank line above those, a stamp line of its own and a paragraph (not
    a headline) right under it."""
    stamped = [(i, p) for i, p in enumerate(posts) if p.stamp is not None and p.stamp_at and p.texts]
    if not stamped:
        return posts
    runs: dict[int, list[tuple[int, int, str]]] = {}
    stamp_lines: dict[int, tuple[int, int]] = {}
    for i, p in stamped:
        below = _lines_around(src, p.stamp_at, 1, up=False)
        if not below or parse_stamp(below[0][2]) is None:
            continue  # "7:41 am Varnia's negotiators …": the stamp opens the text, no line of its own
        run = _header_run(src, p.stamp_at)
        lines = [t for _, _, t in run]
        if run and i > 0 and not p.headline and _opens_with_a_paragraph(p.texts[0]) and _header_lines(lines) \
                and lines == posts[i - 1].texts[-len(run):]:
            runs[i] = run
            stamp_lines[i] = below[0][:2]
    if len(runs) < (len(stamped) if len(stamped) < 3 else _HEADERS_ABOVE_SHARE * len(stamped)):
        return posts
    for i, run in runs.items():
        above, post = posts[i - 1], posts[i]
        above.texts, above.spans = above.texts[:-len(run)], above.spans[:-len(run)]
        lines = [t for _, _, t in run]
        if is_byline(lines[-1], after_headline=len(lines) > 1):
            post.byline = lines.pop()
        if lines:
            post.headline = lines[0]
        # (the post's lines run from its headline: the stamp line between is one of them, no paragraph)
        post.extra = [*((a, b) for a, b, _ in run), stamp_lines[i], *post.extra]
    return [post for post in posts if post.texts]


def _bylines_above_stamps(posts: list[_RawPost], src: TextSource) -> list[_RawPost]:
    """A page that prints each post's byline above its stamp ("By Dana Ruiz" / "Reporting from
    Geneva" / "Oct. 21, 2026, 2:15 p.m. ET"): such lines closing a post are the next post's byline,
    not this one's text; a post whose stamp has them right above takes them as its byline.
    (Each side is decided from the text around it alone: sections are read one at a time.)"""
    for post in posts:
        n = _byline_run(post.texts)
        if n:
            below = _lines_around(src, post.spans[-1][1] + 1, 1, up=False)
            if below and (stamp := parse_stamp(below[0][2])) is not None and stamp.clock is not None:
                # (a "post" that is only such a byline — right under a day header — is no post)
                post.texts, post.spans = post.texts[:-n], post.spans[:-n]
        if post.stamp is None or post.byline or not post.stamp_at \
                or not any(cue in src.raw(max(0, post.stamp_at - _AROUND), post.stamp_at) for cue in _BYLINE_CUES):
            continue
        above = _lines_around(src, post.stamp_at, 2, up=True)
        n = _byline_run([t for _, _, t in reversed(above)])
        if n:
            lines = above[:n][::-1]
            (stamp_line,) = ((a, b) for a, b, _ in _lines_around(src, post.stamp_at, 1, up=False))
            post.byline = ", ".join(t for _, _, t in lines)
            post.extra = [*((a, b) for a, b, _ in lines), stamp_line, *post.extra]
    return [post for post in posts if post.texts]


def _line_end(src: TextSource, start: int, stop: int) -> int:
    """The end of a line's text: before its "\\n" (and "\\r")."""
    end = stop
    if end > start and src.buf[end - 1] == 10:
        end -= 1
    if end > start and src.buf[end - 1] == 13:
        end -= 1
    return end


def _vote(values: list) -> int:
    """+1 for mostly ascending, -1 for mostly descending, 0 for no evidence."""
    up = sum(1 for a, b in zip(values, values[1:]) if b > a)
    down = sum(1 for a, b in zip(values, values[1:]) if b < a)
    return (up > down) - (down > up)


def _block_stamps(days: list[_Day]) -> list[tuple[date, Stamp]]:
    """(day, stamp) of every block that opens a post with a clock stamp, in file
    order: exactly the stamps the first post of each block will carry."""
    return [(d.day, b.stamp) for d in days for b in d.blocks if b.count and b.stamp is not None and b.stamp.clock]


def detect_order(days: list[_Day], stamps: list[tuple[date, Stamp]], tz) -> tuple[str, str]:
    """("newest-first"|"oldest-first", how it was decided)."""
    by_headers = _vote([d.day for d in days])
    if by_headers:
        return ("oldest-first" if by_headers > 0 else "newest-first"), "day headers"
    stamped = [stamp_time(day, stamp, tz) for day, stamp in stamps]
    by_stamps = _vote(stamped)
    if by_stamps:
        return ("oldest-first" if by_stamps > 0 else "newest-first"), "time stamps"
    return "newest-first", "default (live blogs publish newest first)"


@dataclass(slots=True)
class At:
    """A warning placed by byte offset; its line number is looked up when the
    warnings are shown (`template` may name the lines of `refs`: {0}, {1}…)."""

    offset: int
    template: str
    refs: tuple[int, ...] = ()

    def warning(self, src: TextSource | None) -> ParseWarning:
        if src is None:
            return ParseWarning(self.offset, self.template.format(*self.refs))
        return ParseWarning(src.line_at(self.offset), self.template.format(*(src.line_at(r) for r in self.refs)))


@dataclass(slots=True)
class Plan:
    """Everything parse_text decides before grouping paragraphs into posts:
    the day sections, order, time window and warnings. Grouping and timing
    are then done section by section (`section_posts`), oldest first, so a
    progressive loader can hand out the oldest posts before the rest is grouped."""

    meta: BlogMeta
    tz: tzinfo
    day_start: time
    day_end: time
    source: str
    notes: list[ParseWarning | At]
    summary: Summary | None
    days: list[_Day]
    stamped: bool
    order: str
    chrono_sections: list[int]  # indices into days, oldest first; only days with paragraphs
    src: TextSource | None  # the text, held once: posts point into it (None: posts read whole from a page)
    year_notes: dict[date, str] = field(default_factory=dict)  # day -> how its year was inferred
    titled: bool = False  # posts found by grouping may open with a headline (see _is_titled)

    def map_lines(self, line_map: list[int]) -> None:
        """The text was made from a saved page: report the page's line numbers."""
        assert self.src is not None
        self.src.line_map = line_map

        def mapped(line: int) -> int:
            return line_map[line - 1] if 1 <= line <= len(line_map) else line

        self.notes[:] = [ParseWarning(mapped(w.line), w.message) if isinstance(w, ParseWarning) else w
                         for w in self.notes]
        if self.summary is not None:
            s = self.summary
            self.summary = Summary(s.text, mapped(s.first_line), mapped(s.last_line))

    def warnings(self) -> list[ParseWarning]:
        """Every warning so far, by line (those placed by offset get their line now)."""
        self.notes[:] = [w if isinstance(w, ParseWarning) else w.warning(self.src) for w in self.notes]
        return sorted(self.notes, key=lambda w: w.line)  # type: ignore[union-attr]

    def release(self) -> None:
        """Every section is grouped (posts keep the source, not the plan)."""

    def blog(self, posts: list[Post]) -> Blog:
        return Blog(
            meta=self.meta,
            tz=self.tz,
            summary=self.summary,
            posts=posts,
            days=sorted({self.days[i].day for i in self.chrono_sections}),
            order=self.order,
            source=self.source,
            warnings=[w for w in self.notes if isinstance(w, ParseWarning)],
            year_notes=dict(self.year_notes),
        )


def plan_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Plan:
    """The line scan and every whole-blog decision (cheap: no grouping yet)."""
    return plan_source(TextSource.from_text(source, text), meta, source, warnings=warnings)


def plan_source(src: TextSource, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None,
                strict: bool = True) -> Plan:
    """Scan the whole source (bytes not UTF-8: an InputError when `strict`, else
    warnings) and make every whole-blog decision."""
    validate_meta(meta, source=source or "description")
    scan = Scan(src, strict=strict)
    scan.run()
    notes: list = []
    if scan.relative_stamps >= _STAMPED_MIN:
        # "2 hours ago", "Yesterday 21:40": counted back from when the page was updated
        ref, ref_line, note = _reference_time(scan, src, meta, source)
        if note:
            notes.append(note)
        scan = Scan(src, strict=strict, reference=ref)
        scan.run()
        scan.notes = [n for n in scan.notes if n.line != ref_line]  # (the update line was read after all)
    if len(scan.days) <= 1 and scan.weekday_stamps >= _STAMPED_MIN:
        # no day header (or one, the intro's date), but stamps that name their weekday ("Tue 9.05am"): read by those
        scan = Scan(src, strict=strict, weekday_days=True)
        scan.run()
    if scan.clean:
        src.clean = True
    return decide(scan, src, meta, source, [*(warnings or ()), *src.warnings, *notes, *scan.notes])


def _reference_time(scan: Scan, src: TextSource, meta: BlogMeta, source: str) -> tuple[datetime, int, At | None]:
    """The moment a page's relative stamps count back from, the line that gave it (0: none) and a
    warning: its "Last updated …" line above the posts; else the file's modification time (a page
    saved as it was read), with a warning; else now."""
    tz = resolve_timezone(meta.timezone)
    found = page_update_time(scan.summary, tz, read_when, meta.year)
    if found is not None:
        return found[0], found[1], None
    try:
        ref = datetime.fromtimestamp(Path(source).stat().st_mtime, tz)
        how = f"the file's modification time, {ref:%d %B %Y %H:%M}"
    except (OSError, ValueError):
        ref = datetime.now(tz)
        how = f"now, {ref:%d %B %Y %H:%M}"
    return ref, 0, At(src.start, f"relative stamps ('2 hours ago') counted back from {how}: the page gives no "
                                 "'Last updated' time; times are as exact as that")


# Lines above the first day header that are the page's, not a lede: its live-blog title ("Talks in
# Geneva: live updates", "Live: …", "… as it happened") and notes on how to read it ("All times are
# Kyiv time.", "Oldest updates first.")
_PAGE_TITLE = re.compile(r"(?:\blive(?:\s+updates?|\s+blog|\s+coverage|\s+reporting)?\s*$|^live\b\s*[:|–—-]|\bas\s+it\s+happened\s*$)",
                         re.IGNORECASE)
_PAGE_NOTE = re.compile(r"(?:all\s+)?times?\s+(?:are\s+|shown\s+|given\s+)?(?:in\s+)?(?:[\w()+/ -]{0,30}?\s)?"
                        r"(?:time|local|(?-i:[A-Z]{2,5})(?:\s*[+-]\s*\d{1,2})?|\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)"
                        r"|(?:the\s+)?(?:oldest|newest|latest|earliest)\s+(?:updates?|posts?|entries)\s+(?:first|on\s+top|at\s+the\s+top)",
                        re.IGNORECASE)


def _page_line(text: str) -> bool:
    """Is a line above the first day header the page's title or reading notes, not part of a lede?"""
    text = text.strip()
    if len(text) <= 100 and not text.endswith(".") and _PAGE_TITLE.search(text):
        return True
    parts = [p for p in re.split(r"(?<=\.)\s+", text) if p]
    return bool(parts) and all(_PAGE_NOTE.fullmatch(p.rstrip(".").strip()) for p in parts)


def summary_of(scan: Scan) -> Summary | None:
    """The lede above the first day header, without the page's title line and reading notes
    (None when nothing else is there)."""
    lines = [(n, line) for n, line in scan.summary if not _page_line(line)]
    if not lines:
        return None
    return Summary(text="\n".join(line.strip() for _, line in lines), first_line=lines[0][0], last_line=lines[-1][0])


def decide(scan: Scan, src: TextSource, meta: BlogMeta, source: str, notes: list,
           *, order: str | None = None, stamped: bool | None = None) -> Plan:
    """Years, order, stamped or not, warnings, the sections oldest first: a Plan
    from a scan. `order` and `stamped` force those decisions (a progressive
    load keeps what it decided from the oldest days)."""
    tz = resolve_timezone(meta.timezone)
    day_start, day_end = parse_clock(meta.day_start), parse_clock(meta.day_end)
    days = scan.days
    if not days:
        raise InputError(f"{source}: {NO_HEADERS}" if source else NO_HEADERS)
    notes = list(notes)
    weekday_notes = date_weekday_days(scan, meta, notes)
    year_notes = {**weekday_notes, **resolve_years(days, meta.year, notes)}
    _merge_repeated(days, notes)

    detected, how = detect_order(days, _block_stamps(days), tz)
    if order is None:
        if meta.order == "auto":
            order = detected
        else:
            order = meta.order
            if how != "default (live blogs publish newest first)" and detected != order:
                notes.append(At(days[0].header_at, f"description says {order} but the {how} look {detected}"))
    summary = summary_of(scan)
    if order != "oldest-first" and redate_own_posts(scan, src):
        summary = summary_of(scan)
    if stamped is None:
        stamped = _is_stamped(days, src)
    for d in days:
        if not any(b.count for b in d.blocks):
            notes.append(At(d.header_at, f"day header {d.day:%d %B %Y} has no posts below it"))
    # Day headers that disagree with the order used.
    for prev, cur in zip(days, days[1:]):
        if (cur.day < prev.day and order == "oldest-first") or (cur.day > prev.day and order == "newest-first"):
            notes.append(At(cur.header_at, f"day header {cur.day:%d %B %Y} is out of {order} order"))

    sections = [i for i, d in enumerate(days) if any(b.count for b in d.blocks)]
    if order != "oldest-first":
        sections.reverse()
    return Plan(meta, tz, day_start, day_end, source, notes, summary, days, stamped, order, sections, src,
                year_notes, titled=_is_titled(src))


def _opened_by_dated_stamp(d: _Day) -> bool:
    """Was the section opened by a stamp with a date AND a clock ("Sept. 15, 1:55 a.m. ET"), not a day header?"""
    first = d.blocks[0] if d.blocks else None
    return first is not None and first.stamp is not None and first.stamp.clock is not None \
        and first.stamp_at == d.header_at


def _last_dated(d: _Day) -> int:
    """Index of the last block of a section opened by a dated stamp."""
    return max(i for i, b in enumerate(d.blocks) if i == 0 or (b.stamp is not None and b.stamp.dated))


def redate_own_posts(scan: Scan, src: TextSource) -> bool:
    """On a newest-first page without day headers whose dated stamps date only
    their own post — the day's earliest, at the BOTTOM of its day's block
    ("Sept. 15, 1:55 a.m. ET" under "11:05 p.m. ET", "10:30 p.m. ET"…) — give the
    undated posts above each dated stamp its day: the scan put them under the
    dated stamp above them (a day header's reading), and those above the first
    date in the summary. Returns whether it did (scan.days and scan.summary
    changed in place).

    Only when every section is opened by a stamp with a date and a clock (a
    page with day headers keeps them), and when the clocks say so: between two
    dated stamps, undated clocks all at or after the lower (older) one's and not
    all at or before the upper one's are that older day's later posts; stamped
    posts above the first date say so too, undated posts below the last one
    say the opposite (a dated stamp heading the posts below it)."""
    days = scan.days
    if not days or not all(_opened_by_dated_stamp(d) for d in days):
        return False
    own = int(scan.lede_stamp is not None)
    header = 0
    trailing = [d.blocks[_last_dated(d) + 1 :] for d in days]
    for k, blocks in enumerate(trailing):
        clocks = [b.stamp.clock for b in blocks if b.stamp is not None and b.stamp.clock is not None]
        if not clocks:
            continue
        if k + 1 == len(days):
            header += 1  # posts below the oldest date: the date heads them
            continue
        upper = days[k].blocks[_last_dated(days[k])].stamp.clock  # type: ignore[union-attr]
        lower = days[k + 1].blocks[0].stamp.clock  # type: ignore[union-attr]
        as_own = all(c >= lower for c in clocks)  # type: ignore[operator]
        as_header = all(c <= upper for c in clocks)  # type: ignore[operator]
        own += as_own and not as_header
        header += as_header and not as_own
    if own <= header:
        return False
    lede: list[_Block] = []
    if scan.lede_stamp is not None:
        at, kept = scan.lede_stamp
        region = Scan(src, at, numbered=False, open_on_stamps=True)
        region.run(days[0].header_at)
        lede = [b for d in region.days for b in d.blocks]
        del scan.summary[kept:]
    moved = [lede, *trailing[:-1]]
    for k, d in enumerate(days):
        last = len(days) - 1
        d.blocks = moved[k] + d.blocks[: _last_dated(d) + 1] + (trailing[k] if k == last else [])
        d.header_at = d.blocks[0].stamp_at
        if k:
            days[k - 1].stop = d.header_at
    return True


def _merge_repeated(days: list[_Day], notes: list) -> None:
    """Warn about a day whose header was already seen further up (after years are known)."""
    seen: dict[date, int] = {}
    for d in days:
        assert d.day is not None
        if d.day in seen:
            notes.append(At(d.header_at, f"day header {d.day:%d %B %Y} already seen at line {{0}}", (seen[d.day],)))
        seen.setdefault(d.day, d.header_at)


def _units(run: list[_RawPost]) -> list[tuple[int, int]]:
    """[start, end) ranges of consecutive posts from one block: what a stamp dates."""
    units: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(run) + 1):
        if k == len(run) or run[k].block != run[start].block:
            units.append((start, k))
            start = k
    return units


def _keep_by_stamps(times: list[datetime | None]) -> set[int]:
    """Indices of the longest run of stamped units already in time order (the
    others are out of place); unstamped units (None) always stay."""
    tails: list[datetime] = []
    tail_index: list[int] = []
    parent: dict[int, int] = {}
    for i, t in enumerate(times):
        if t is None:
            continue
        k = bisect_right(tails, t)
        if k:
            parent[i] = tail_index[k - 1]
        if k == len(tails):
            tails.append(t)
            tail_index.append(i)
        else:
            tails[k], tail_index[k] = t, i
    keep = {i for i, t in enumerate(times) if t is None}
    i = tail_index[-1] if tail_index else None
    while i is not None:
        keep.add(i)
        i = parent.get(i)
    return keep


def _place_by_stamps(
    run: list[_RawPost], explicit: list[datetime | None], *, top_of_page: bool, newest_first: bool
) -> tuple[list[int], set[int], list[int]]:
    """Stamps decide the order when they disagree with the page.

    Returns (new order as indices into run, indices of pinned posts, indices of
    moved posts' first posts for warnings). Posts under one stamp move together.
    A post at the TOP of the page whose stamp is out of the page's order
    (earlier than the post below it on a newest-first page) is pinned, and so is
    one whose stamp line says so ("+++ 07:45 | Pinned +++"), wherever it is."""
    units = _units(run)
    times = [next((explicit[k] for k in range(a, b) if explicit[k] is not None), None) for a, b in units]
    labelled = {u for u, (a, _) in enumerate(units)
                if times[u] is not None and run[a].stamp is not None and run[a].stamp.pinned}
    stamped = [t for t in times if t is not None]
    if not labelled and all(a <= b for a, b in zip(stamped, stamped[1:])):
        return list(range(len(run))), set(), []
    # Units in page order, top first, to find a pinned run at the top.
    page = list(range(len(units)))[::-1] if newest_first else list(range(len(units)))
    pinned: set[int] = set(labelled)
    if top_of_page:
        for pos, u in enumerate(page):
            t = times[u]
            below = [times[v] for v in page[pos + 1 :] if times[v] is not None and v not in labelled]
            if u in labelled:
                continue
            if t is None or not below:
                break
            out_of_order = t < max(below) if newest_first else t > min(below)
            if not out_of_order:
                break
            pinned.add(u)
    rest = [None if u in pinned else t for u, t in enumerate(times)]
    keep = _keep_by_stamps(rest) - pinned
    kept_timed = [u for u in sorted(keep) if times[u] is not None]
    kept_times = [times[u] for u in kept_timed]
    order_key: dict[int, tuple] = {u: (u, 1, 0) for u in keep}
    moved = [u for u in range(len(units)) if u not in keep]
    for u in moved:
        at = bisect_right(kept_times, times[u])  # type: ignore[arg-type]
        before = kept_timed[at] if at < len(kept_timed) else len(units)
        order_key[u] = (before, 0, times[u], u)
    new_units = sorted(range(len(units)), key=order_key.__getitem__)
    order = [k for u in new_units for k in range(*units[u])]
    pinned_posts = {k for u in pinned for k in range(*units[u])}
    moved_first = [next(k for k in range(*units[u]) if explicit[k] is not None) for u in moved]
    return order, pinned_posts, moved_first


def section_posts(plan: Plan, index: int, first_seq: int) -> list[Post]:
    """The posts of day section `index` (an index into plan.days), chronological,
    numbered from first_seq; stamps out of the page's order are noted in plan.notes."""
    ready = plan.days[index].ready
    if ready is not None:
        return [p.replace(seq=first_seq + n) for n, p in enumerate(ready)]
    src = plan.src
    assert src is not None
    day = plan.days[index]
    run = _posts_in_file_order([day], plan.stamped, src, section=index, titled=plan.titled)
    newest_first = plan.order != "oldest-first"
    if newest_first:
        run.reverse()
    tz = plan.tz
    explicit: list[datetime | None] = [
        stamp_time(p.day, p.stamp, tz) if p.stamp is not None and p.stamp.clock else None for p in run
    ]
    order, pinned, moved = _place_by_stamps(run, explicit, top_of_page=index == 0, newest_first=newest_first)
    # A pinned summary edited later ("Updated at 21.45") holds what was known at its update, not at
    # its stamp: it takes its place at the update, so the replay never shows it early. In a text
    # blog only on its own day: each day section is parsed on its own (the replay opens on the
    # oldest day before the others are read), so a post cannot move into another day's section; an
    # update on another day is said in the warning. (A saved page's posts are read whole and move to
    # their update on any day: plan_posts.)
    later = {k: u for k in pinned if (u := _updated(run[k], explicit[k], tz)) is not None
             and explicit[k] is not None and u > explicit[k]}
    as_of = {k: u for k, u in later.items() if u.date() == explicit[k].date()}
    if as_of:
        explicit = [as_of.get(k, t) for k, t in enumerate(explicit)]
        order, _, _ = _place_by_stamps(run, explicit, top_of_page=False, newest_first=newest_first)
    for k in moved:
        clock = f"{explicit[k]:%H:%M}"
        marked = run[k].stamp is not None and run[k].stamp.pinned  # type: ignore[union-attr]
        where = "marked pinned" if marked else "at the top of the page"
        if k in as_of:
            message = (f"pinned post: {where}, updated at {clock}; placed at its update "
                       "(its text is as of then)")
        elif k in pinned:
            message = (f"pinned post: stamped {clock}, marked pinned; placed by its time" if marked else
                       f"pinned post: stamped {clock} at the top of the page, out of order with the posts "
                       "below it; placed by its time")
            if k in later:
                message += f" (updated {later[k]:%a %d %b %H:%M}, another day: it stays on its own day)"
        else:
            message = f"time stamp {clock} is out of order with the posts around it on the page; placed by its time"
        plan.notes.append(At(run[k].stamp_at, message))
    run = [run[k] for k in order]
    explicit = [explicit[k] for k in order]
    pinned_new = {n for n, k in enumerate(order) if k in pinned}
    times, backwards = day_times(run[0].day, explicit, tz, plan.day_start, plan.day_end)
    for k in backwards:
        plan.notes.append(At(run[k].stamp_at, "time stamp out of order (earlier than a post before it); time estimated instead"))
    distrusted = set(backwards)
    holes = [h for b in day.blocks for h in b.holes]
    return [
        _post(src, first_seq + n, p, t, e is None or n in distrusted or (p.stamp is not None and p.stamp.approx),
              _updated(p, t, tz), n in pinned_new, holes)
        for n, (p, t, e) in enumerate(zip(run, times, explicit))
    ]


def _post(src: TextSource, seq: int, p: _RawPost, t: datetime, estimated: bool, updated: datetime | None,
          pinned: bool, holes: list[int]) -> Post:
    """A post held as a span of the source: its paragraph lines and the headline,
    byline and "Updated" lines around them (holes: lines in it that are not paragraphs)."""
    start, end = p.spans[0][0], p.spans[-1][1]
    skip = [x[0] for x in p.extra]
    if p.extra:
        start = min(start, *skip)
        end = max(end, *(x[1] for x in p.extra))
    skip += [h for h in holes if start < h < end]
    rel = tuple(sorted(src.newlines(start, h) for h in skip)) if skip else ()
    return Post.in_source(seq, p.day, t, estimated, src, start, end, rel, p.headline, p.byline, updated, pinned)


def _updated(post: _RawPost, published: datetime, tz: tzinfo) -> datetime | None:
    """When the post was edited ("Updated at 21.40 BST"): on its day, or the next
    day when the clock is earlier than the post's own time."""
    if post.update is None or post.update.clock is None:
        return None
    when = stamp_time(post.day, post.update, tz)
    if post.update.day is None and when < published:
        when = stamp_time(post.day + timedelta(days=1), post.update, tz)
    return when


def plan_posts(
    posts: list[Post],
    meta: BlogMeta,
    source: str = "",
    *,
    summary: Summary | None = None,
    warnings: list[ParseWarning] | None = None,
    page_order: bool = True,
) -> Plan:
    """A Plan for posts read whole (a saved page): exact times, no grouping.

    `posts` are in page order (top first) with aware times in the blog's zone
    (their seq is ignored). Their times decide the order; with `page_order`,
    posts at the top of the page stamped out of the page's order are pinned
    (and warned about), like in a text blog. A pinned post (so found, or marked
    by the page) updated later than its stamp takes its place at its update, on
    whatever day it falls: its text is what was known then, and a page's update
    times are exact (`<time datetime>`, `dateModified`). Each day is one section."""
    validate_meta(meta, source=source or "description")
    tz = resolve_timezone(meta.timezone)
    notes = list(warnings or ())
    times = [p.time for p in posts]
    newest_first = _vote(times) <= 0
    pinned: set[int] = set()
    if page_order and len(posts) > 1:
        for i, t in enumerate(times):
            below = times[i + 1 :]
            if not below or not (t < max(below) if newest_first else t > min(below)):
                break
            pinned.add(i)
    as_of = {i: u for i, p in enumerate(posts)
             if (p.pinned or i in pinned) and (u := p.updated) is not None and u > p.time}
    for i in sorted(pinned | set(as_of)):
        t = times[i]
        if i in as_of:
            u = as_of[i]
            when = f"{u:%H:%M}" if u.date() == t.date() else f"{u:%a %d %b %H:%M}"
            message = (f"pinned post: stamped {t:%H:%M}, updated {when}; placed at its update (its text is as of then)")
        else:
            message = f"pinned post: stamped {t:%H:%M} at the top of the page, out of order with the posts below it; placed by its time"
        notes.append(ParseWarning(posts[i].first_line, message))
    times = [as_of.get(i, t) for i, t in enumerate(times)]
    ordered = sorted(range(len(posts)), key=lambda i: (times[i], -i if newest_first else i))
    by_day: dict[date, list[Post]] = {}
    for i in ordered:
        p, t = posts[i], times[i]
        by_day.setdefault(t.date(), []).append(p.replace(day=t.date(), time=t, pinned=p.pinned or i in pinned))
    days = [
        _Day(day, items[0].first_line, [_Block(None, 0, count=sum(len(x.paragraphs) for x in items))], ready=items)
        for day, items in sorted(by_day.items())
    ]
    return Plan(meta, tz, parse_clock(meta.day_start), parse_clock(meta.day_end), source, notes, summary, days,
                True, "newest-first" if newest_first else "oldest-first", list(range(len(days))), None)


def parse_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Blog:
    """Parse a whole blog. `warnings` (e.g. from loading) are kept in front."""
    return finish_plan(plan_text(text, meta, source, warnings=warnings))


def finish_plan(plan: Plan) -> Blog:
    """Group and time every section of a plan: the whole Blog."""
    posts: list[Post] = []
    for index in plan.chrono_sections:
        posts.extend(section_posts(plan, index, len(posts) + 1))
    plan.notes[:] = plan.warnings()
    return plan.blog(posts)
