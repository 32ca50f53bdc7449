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

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, tzinfo

from tui.core.days import _ANY_DIGIT
from tui.core.days import _MAX_LEN as _STAMP_MAX
from tui.core.days import Stamp, clean, leading_clock, looks_like_header, parse_stamp
from tui.core.errors import InputError
from tui.core.grouping import group, is_byline, is_headline, opens_with_headline
from tui.core.vocab import WEEKDAY_NAMES
from tui.core.meta import parse_clock, resolve_timezone, validate_meta
from tui.core.model import Blog, BlogMeta, ParseWarning, Post, Summary
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
class _Block:
    """Paragraphs under one stamp (or under the day header before any stamp).

    The scan only counts them and notes where they are (`parts`, file order:
    `range`s of 0-based indices of plain lines, or (line number, stripped text)
    pairs); the lists of line numbers and texts are built when the block's day
    section is grouped (`paragraphs`), so opening a 100k-post blog does not
    build 0.5M-entry lists for sections a progressive load has not reached."""

    stamp: Stamp | None
    stamp_line: int
    lead: bool = False  # the stamp opens the first paragraph ("14:05 Text…") rather than a line of its own
    count: int = 0
    parts: list[range | tuple[int, str]] = field(default_factory=list)
    updates: list[tuple[int, Stamp]] = field(default_factory=list)  # "Updated at …" lines: (line, stamp)

    def paragraphs(self, lines: list[str], pool: dict[str, str]) -> tuple[list[int], list[str]]:
        """(line numbers, texts); equal paragraphs share one str through `pool`."""
        numbers: list[int] = []
        texts: list[str] = []
        for part in self.parts:
            if type(part) is range:
                numbers.extend(range(part.start + 1, part.stop + 1))
                run = lines[part.start : part.stop]
                texts.extend(map(pool.setdefault, run, run))
            else:
                number, text = part  # type: ignore[misc]
                numbers.append(number)
                texts.append(pool.setdefault(text, text))
        return numbers, texts


@dataclass(slots=True)
class _Day:
    day: date | None  # None until the year of a yearless header is inferred (plan_text)
    header_line: int
    blocks: list[_Block] = field(default_factory=list)
    month_day: tuple[int, int] | None = None  # a header without its year: (month, day)
    weekday: int | None = None  # the weekday the header names
    header: str = ""  # the header as written, for messages
    ready: list[Post] | None = None  # posts read whole from a saved page (no grouping or timing here)


@dataclass(slots=True)
class _RawPost:
    day: date
    section: int  # index of the _Day it came from
    lines: list[int]
    texts: list[str]
    stamp: Stamp | None
    stamp_line: int
    block: int = 0  # which block (stamp) it came from: the unit that stamps put in order
    headline: str = ""
    byline: str = ""
    extra_lines: list[int] = field(default_factory=list)  # headline, byline, "Updated" lines
    update: Stamp | None = None


# A labelled leading stamp ("Last updated at 4:50 PM: text") has its first
# digit within this many characters.
_LABEL_WINDOW = 24


def _plain(line: str) -> bool:
    """A line that can only be paragraph text: not blank, nothing to strip, no
    digit in its opening characters (no leading clock, labelled or not), and too
    long or digit-free to be a stamp (a stamp is at most _STAMP_MAX characters
    and has a digit)."""
    return (bool(line) and not line[0].isspace() and not line[-1].isspace()
            and _ANY_DIGIT.search(line, 0, _LABEL_WINDOW) is None
            and (len(line) > _STAMP_MAX or _ANY_DIGIT.search(line) is None))


def _same_day(current: _Day, stamp: Stamp) -> bool:
    """Does a dated stamp name the day of the current section (years compared when both are known)?"""
    if current.day is not None and stamp.day is not None:
        return current.day == stamp.day
    md = current.month_day or (current.day.month, current.day.day)  # type: ignore[union-attr]
    return md == (stamp.month_day or (stamp.day.month, stamp.day.day))  # type: ignore[union-attr]


def _unreadable(number: int, line: str) -> ParseWarning:
    return ParseWarning(number, f"{clean(line)!r} looks like a day header or time stamp but cannot be read; kept as text")


def _scan(lines: list[str], warnings: list[ParseWarning]) -> tuple[list[tuple[int, str]], list[_Day]]:
    summary: list[tuple[int, str]] = []
    days: list[_Day] = []
    # 100k-post files have ~0.5M lines, nearly all plain paragraphs (see _plain):
    # only the other lines are looked at one by one; the plain runs between
    # them are recorded as ranges (the block builds its lists when grouped).
    block: _Block | None = None
    m, digit = _STAMP_MAX, _ANY_DIGIT.search  # the test of _plain, inlined: this sees every line
    special = [i for i, line in enumerate(lines)
               if not line or line[0].isspace() or line[-1].isspace() or digit(line, 0, _LABEL_WINDOW)
               or (len(line) <= m and digit(line))]
    special.append(len(lines))
    prev = 0
    for index in special:
        if prev < index:  # plain lines prev..index-1 (line numbers prev+1..index)
            if block is None:
                summary.extend(zip(range(prev + 1, index + 1), lines[prev:index]))
            else:
                block.parts.append(range(prev, index))
                block.count += index - prev
        prev = index + 1
        if index == len(lines):
            break
        number, line = index + 1, lines[index]
        if not line or line.isspace():
            continue
        stamp = parse_stamp(line)
        if stamp is not None and stamp.updated:
            if block is not None and block.count:  # "Updated at 21.40 BST" under a post
                block.updates.append((number, stamp))
                continue
            stamp = None  # nothing above it to update: text
        if stamp is not None and stamp.dated:
            if stamp.weekday_mismatch:
                warnings.append(ParseWarning(number, f"weekday does not match {stamp.day:%d %B %Y}"))
            current = days[-1] if days else None
            if current is not None and _same_day(current, stamp):
                if current.day is None and stamp.day is not None:
                    current.day = stamp.day  # "15 August 2025" under stamps that said "15 August"
                if stamp.clock is not None:  # "16 May 2025 14:05" in a stamped blog
                    block = _Block(stamp, number)
                    current.blocks.append(block)
                else:
                    name = f"{stamp.day:%d %B %Y}" if stamp.day is not None else clean(line)
                    warnings.append(ParseWarning(number, f"day header {name} repeated"))
                continue
            block = _Block(stamp if stamp.clock else None, number)
            days.append(_Day(stamp.day, number, [block], stamp.month_day, stamp.weekday, clean(line)))
            continue
        if stamp is None and looks_like_header(line):
            warnings.append(_unreadable(number, line))
        if block is None:  # no day yet: the summary
            summary.append((number, line))
            continue
        if stamp is not None:  # a time-only stamp line opens a block
            block = _Block(stamp, number)
            days[-1].blocks.append(block)
            continue
        lead = leading_clock(line)
        if lead is not None:  # "14:05 Text…": the stamp opens the post it starts
            block = _Block(lead[0], number, lead=True)
            days[-1].blocks.append(block)
        block.parts.append((number, line.strip()))
        block.count += 1
    return summary, days


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


def resolve_years(days: list[_Day], year: int | None, notes: list[ParseWarning], today: date | None = None) -> dict[date, str]:
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
            notes.append(ParseWarning(d.header_line, f"day header {d.header!r} has no year; {found.year} assumed "
                                                     "(set `year` in the description)"))
        d.day = found
        how.setdefault(found, source)
        if d.weekday is not None and found.weekday() != d.weekday:
            notes.append(ParseWarning(d.header_line, f"weekday does not match {found:%d %B %Y}"))
    return how


def _first_text(block: _Block, lines: list[str]) -> str:
    part = block.parts[0] if block.parts else None
    if part is None:
        return ""
    return lines[part.start] if type(part) is range else part[1]  # type: ignore[union-attr,index]


def _is_stamped(days: list[_Day], lines: list[str]) -> bool:
    """Does each stamp open exactly one post? Yes with enough stamps and short
    blocks, and always when most stamp lines carry a headline (a headline-style
    blog: nothing in a body opens another post)."""
    stamped = [b for d in days for b in d.blocks if b.stamp is not None and b.count]
    if len(stamped) < _STAMPED_MIN:
        return False
    paras = sum(b.count for b in stamped)
    if paras <= _STAMPED_MAX_PARAS * len(stamped):
        return True
    titled = sum(1 for b in stamped if not b.lead and b.count > 1 and is_headline(_first_text(b, lines)))
    return titled * 2 >= len(stamped)


# Headline style without stamps: this many headlines, and one per so many
# paragraphs, in the opening lines (a bounded sample: a 1M-post file is not read twice).
_TITLED_MIN = 3
_TITLED_EVERY = 8
_TITLED_SAMPLE = 5000


def _is_titled(lines: list[str]) -> bool:
    """Do posts open with headlines even where no stamp line marks them? Only in
    a blog that shows the habit: a short line without final punctuation above a
    body again and again. A plain blog's one unpunctuated line ("Delegation
    Members" above a list, a one-line flash) stays text."""
    paras = [line.strip() for line in lines[:_TITLED_SAMPLE] if line.strip()]
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


def _title_lines(numbers: list[int], texts: list[str]) -> tuple[str, str, list[int]]:
    """Take the headline and byline off the top of one post's paragraphs (in
    place): (headline, byline, their line numbers). A body must remain below them."""
    if len(texts) < 2:
        return "", "", []
    headline = ""
    taken: list[int] = []
    if is_headline(texts[0]) and not is_byline(texts[0], after_headline=False) and not looks_like_header(texts[0]):
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
    return headline, ", ".join(bylines), taken


def _posts_in_file_order(
    days: list[_Day], stamped: bool, lines: list[str], pool: dict[str, str], section: int = 0, *, titled: bool = False
) -> list[_RawPost]:
    posts: list[_RawPost] = []
    for index, day in enumerate(days, section):
        for number, block in enumerate(day.blocks):
            if not block.count:
                continue
            numbers, texts = block.paragraphs(lines, pool)
            if stamped and block.stamp is not None:
                starts = [0]
            else:
                starts = group(texts, headlines=titled)
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
                    title: tuple[str, str, list[int]] = ("", "", [])
                elif (first and block.stamp is not None) or titled:
                    title = _title_lines(post_numbers, post_texts)
                else:
                    title = ("", "", [])
                run.append(
                    _RawPost(
                        day.day,  # type: ignore[arg-type]
                        index,
                        post_numbers,
                        post_texts,
                        block.stamp if first else None,
                        block.stamp_line if first else 0,
                        number,
                        *title,
                    )
                )
            if block.updates:  # each "Updated at …" line dates the post it stands under
                firsts = [p.lines[0] for p in run]
                for line, stamp in block.updates:
                    post = run[max(0, bisect_right(firsts, line) - 1)]
                    post.update = stamp
                    post.extra_lines = [*post.extra_lines, line]
            posts.extend(run)
    return posts


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
    notes: list[ParseWarning]
    summary: Summary | None
    days: list[_Day]
    stamped: bool
    order: str
    chrono_sections: list[int]  # indices into days, oldest first; only days with paragraphs
    lines: list[str]  # the file's lines: blocks point into them until their section is grouped
    pool: dict[str, str]  # paragraph text → one shared str (lists, trailers repeat in long blogs)
    year_notes: dict[date, str] = field(default_factory=dict)  # day -> how its year was inferred
    line_map: list[int] | None = None  # text line -> line of the saved page it came from
    titled: bool = False  # posts found by grouping may open with a headline (see _is_titled)

    def source_line(self, line: int) -> int:
        """The line number to show for a line of the parsed text (a page's own line)."""
        if self.line_map is None or not 1 <= line <= len(self.line_map):
            return line
        return self.line_map[line - 1]

    def map_lines(self, line_map: list[int]) -> None:
        """The text was made from a saved page: report the page's line numbers."""
        self.line_map = line_map
        self.notes[:] = [ParseWarning(self.source_line(w.line), w.message) for w in self.notes]
        if self.summary is not None:
            s = self.summary
            self.summary = Summary(s.text, self.source_line(s.first_line), self.source_line(s.last_line))

    def release(self) -> None:
        """Every section is grouped: drop the lines (posts keep their paragraphs)."""
        self.lines = []
        self.pool = {}

    def blog(self, posts: list[Post]) -> Blog:
        return Blog(
            meta=self.meta,
            tz=self.tz,
            summary=self.summary,
            posts=posts,
            days=sorted({self.days[i].day for i in self.chrono_sections}),
            order=self.order,
            source=self.source,
            warnings=self.notes,
            year_notes=dict(self.year_notes),
        )


def plan_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Plan:
    """The line scan and every whole-blog decision (cheap: no grouping yet)."""
    validate_meta(meta, source=source or "description")
    tz = resolve_timezone(meta.timezone)
    day_start, day_end = parse_clock(meta.day_start), parse_clock(meta.day_end)
    notes = list(warnings or ())
    lines = text.split("\n")
    summary_lines, days = _scan(lines, notes)
    if not days:
        raise InputError(f"{source}: {NO_HEADERS}" if source else NO_HEADERS)
    year_notes = resolve_years(days, meta.year, notes)
    _merge_repeated(days, notes)

    stamped = _is_stamped(days, lines)
    detected, how = detect_order(days, _block_stamps(days), tz)
    if meta.order == "auto":
        order = detected
    else:
        order = meta.order
        if how != "default (live blogs publish newest first)" and detected != order:
            notes.append(ParseWarning(days[0].header_line, f"description says {order} but the {how} look {detected}"))
    for d in days:
        if not any(b.count for b in d.blocks):
            notes.append(ParseWarning(d.header_line, f"day header {d.day:%d %B %Y} has no posts below it"))
    # Day headers that disagree with the order used.
    for prev, cur in zip(days, days[1:]):
        if (cur.day < prev.day and order == "oldest-first") or (cur.day > prev.day and order == "newest-first"):
            notes.append(ParseWarning(cur.header_line, f"day header {cur.day:%d %B %Y} is out of {order} order"))

    sections = [i for i, d in enumerate(days) if any(b.count for b in d.blocks)]
    if order != "oldest-first":
        sections.reverse()
    summary = None
    if summary_lines:
        summary = Summary(
            text="\n".join(line.strip() for _, line in summary_lines),
            first_line=summary_lines[0][0],
            last_line=summary_lines[-1][0],
        )
    return Plan(meta, tz, day_start, day_end, source, notes, summary, days, stamped, order, sections, lines, {},
                year_notes, titled=_is_titled(lines))


def _merge_repeated(days: list[_Day], notes: list[ParseWarning]) -> None:
    """Warn about a day whose header was already seen further up (after years are known)."""
    seen: dict[date, int] = {}
    for d in days:
        assert d.day is not None
        if d.day in seen:
            notes.append(ParseWarning(d.header_line, f"day header {d.day:%d %B %Y} already seen at line {seen[d.day]}"))
        seen.setdefault(d.day, d.header_line)


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
    (earlier than the post below it on a newest-first page) is pinned."""
    units = _units(run)
    times = [next((explicit[k] for k in range(a, b) if explicit[k] is not None), None) for a, b in units]
    stamped = [t for t in times if t is not None]
    if all(a <= b for a, b in zip(stamped, stamped[1:])):
        return list(range(len(run))), set(), []
    # Units in page order, top first, to find a pinned run at the top.
    page = list(range(len(units)))[::-1] if newest_first else list(range(len(units)))
    pinned: set[int] = set()
    if top_of_page:
        for pos, u in enumerate(page):
            t = times[u]
            below = [times[v] for v in page[pos + 1 :] if times[v] is not None]
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
        return [replace(p, seq=first_seq + n) for n, p in enumerate(ready)]
    run = _posts_in_file_order([plan.days[index]], plan.stamped, plan.lines, plan.pool, section=index,
                               titled=plan.titled)
    newest_first = plan.order != "oldest-first"
    if newest_first:
        run.reverse()
    tz = plan.tz
    explicit: list[datetime | None] = [
        stamp_time(p.day, p.stamp, tz) if p.stamp is not None and p.stamp.clock else None for p in run
    ]
    order, pinned, moved = _place_by_stamps(run, explicit, top_of_page=index == 0, newest_first=newest_first)
    for k in moved:
        clock = f"{explicit[k]:%H:%M}"
        if k in pinned:
            message = (f"pinned post: stamped {clock} at the top of the page, out of order with the posts "
                       "below it; placed by its time")
        else:
            message = f"time stamp {clock} is out of order with the posts around it on the page; placed by its time"
        plan.notes.append(ParseWarning(plan.source_line(run[k].stamp_line), message))
    run = [run[k] for k in order]
    explicit = [explicit[k] for k in order]
    pinned_new = {n for n, k in enumerate(order) if k in pinned}
    times, backwards = day_times(run[0].day, explicit, tz, plan.day_start, plan.day_end)
    for k in backwards:
        plan.notes.append(
            ParseWarning(plan.source_line(run[k].stamp_line),
                         "time stamp out of order (earlier than a post before it); time estimated instead")
        )
    distrusted = set(backwards)
    return [
        Post(
            seq=first_seq + n,
            day=p.day,
            time=t,
            time_estimated=e is None or n in distrusted,
            first_line=plan.source_line(min(p.lines[0], *p.extra_lines) if p.extra_lines else p.lines[0]),
            last_line=plan.source_line(max(p.lines[-1], *p.extra_lines) if p.extra_lines else p.lines[-1]),
            paragraphs=tuple(p.texts),
            headline=p.headline,
            byline=p.byline,
            updated=_updated(p, t, tz),
            pinned=n in pinned_new,
        )
        for n, (p, t, e) in enumerate(zip(run, times, explicit))
    ]


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
    (and warned about), like in a text blog. Each day is one section."""
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
            notes.append(ParseWarning(posts[i].first_line, f"pinned post: stamped {t:%H:%M} at the top of the page, "
                                                            "out of order with the posts below it; placed by its time"))
    ordered = sorted(range(len(posts)), key=lambda i: (times[i], -i if newest_first else i))
    by_day: dict[date, list[Post]] = {}
    for i in ordered:
        p = posts[i]
        by_day.setdefault(p.time.date(), []).append(replace(p, day=p.time.date(), pinned=p.pinned or i in pinned))
    days = [
        _Day(day, items[0].first_line, [_Block(None, 0, count=sum(len(x.paragraphs) for x in items))], ready=items)
        for day, items in sorted(by_day.items())
    ]
    return Plan(meta, tz, parse_clock(meta.day_start), parse_clock(meta.day_end), source, notes, summary, days,
                True, "newest-first" if newest_first else "oldest-first", list(range(len(days))), [], {})


def parse_text(text: str, meta: BlogMeta, source: str = "", *, warnings: list[ParseWarning] | None = None) -> Blog:
    """Parse a whole blog. `warnings` (e.g. from loading) are kept in front."""
    return finish_plan(plan_text(text, meta, source, warnings=warnings))


def finish_plan(plan: Plan) -> Blog:
    """Group and time every section of a plan: the whole Blog."""
    posts: list[Post] = []
    for index in plan.chrono_sections:
        posts.extend(section_posts(plan, index, len(posts) + 1))
    plan.release()
    plan.notes.sort(key=lambda w: w.line)
    return plan.blog(posts)
