"""The feed: posts 1..k (∩ the filter), newest at the bottom, on the Line API.

FeedView is a ScrollView that renders only the lines on screen. Each post is a
block (day separator when the day changes, header, wrapped text, blank line);
block heights live in a LineIndex (estimates refined when a block is wrapped),
wrapped blocks are cached per width, so 100k posts open and scroll like 100.

A block is: the day separator (when the day changes), a header line (time,
the post's blog when several are replayed on one clock, outlets, #seq, ⚑
pinned, "updated HH:MM"), the post's headline in bold and its
byline when the page gave them, then the text. A post longer than FEED_CHARS
characters shows its first FEED_CHARS and a note (enter opens it): wrapping a
10 MB paragraph on the UI thread would freeze every key.

Newest at the bottom, like a log: a replay is read in order, top to bottom, and
arrivals land where the eye already is (tail -f, chat). While the user is away
from the bottom, arrivals never move the view; the app shows a pill counting
them and `end`/`G`/a click brings them back.
"""

from __future__ import annotations

import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from itertools import compress
from operator import attrgetter, ne
from typing import TYPE_CHECKING

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import RenderOptions
from textual.widgets import Static

from tui.app import keys, render
from tui.app.widgets.line_index import LineIndex
from tui.core.model import Post

if TYPE_CHECKING:  # facts' dataclasses cost ~4 ms to import: not before the first frame
    from tui.core.facts import PostEntities

GUTTER = 2  # cursor / new-post marker column + one space
BLOG_TAG = 20  # characters of a merged post's blog name shown in its header
NEW_FOR = 2.5  # seconds a freshly arrived post stays highlighted
MAX_NEW_MARKED = 50  # a jump that reveals more than this marks nothing as new
CACHE_POSTS = 4000  # wrapped blocks kept (per width)
FEED_CHARS = 10_000  # characters of one post the feed wraps (the post screen shows more)

Matcher = Callable[[str], list[tuple[int, int]]]
EntitiesOf = Callable[[int], "PostEntities | None"]


def day_label(day: date) -> str:
    return day.strftime("%A %-d %B %Y")


def time_label(post: Post) -> str:
    return ("~" if post.time_estimated else "") + post.time.strftime("%H:%M")


class FeedView(ScrollView, can_focus=True):
    """Posts up to the playhead, narrowed by an optional filter."""

    BINDINGS = keys.bindings("feed")

    COMPONENT_CLASSES = {
        "feed--day",
        "feed--time",
        "feed--meta",
        "feed--seq",
        "feed--cursor",
        "feed--cursor-mark",
        "feed--new",
        "feed--new-mark",
        "feed--message",
        "feed--headline",
        "feed--byline",
        "feed--pinned",
        "feed--blog",
        "feed--blog-alt",
    }

    class Opened(Message):
        """Enter / double click on a post."""

        def __init__(self, seq: int) -> None:
            self.seq = seq
            super().__init__()

    class UnseenChanged(Message):
        """Posts that arrived below the view while the user was away."""

        def __init__(self, count: int) -> None:
            self.count = count
            super().__init__()

    unseen: reactive[int] = reactive(0, init=False)

    def __init__(
        self,
        posts: Sequence[Post],
        *,
        outlet: str = "",
        blogs: Sequence[str] = (),
        entities_of: EntitiesOf | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        """`blogs`: the names of blogs merged on one clock (each post's tag takes its
        colour from its blog's place here); `now`: the monotonic clock that times
        the new-post marks."""
        super().__init__(name=name, id=id, classes=classes)
        self._now = now
        self._paint: tuple | None = None  # (width, base style) while render_lines paints
        self._posts = posts
        self._outlet = outlet
        self._blogs = {name: i for i, name in enumerate(blogs)}
        self._entities_of = entities_of
        self._position = 0  # playhead k: posts 1..k may be shown
        self._base: Sequence[int] | None = None  # filter result (sorted seqs) or None = all
        self._count = 0  # visible items = base ∩ 1..k
        self._index = LineIndex()
        self._index_width = -1
        self._post_estimates: list[int] = []  # per post (seq - 1), at _post_estimates_width
        self._post_estimates_width = -1
        self._blocks: LRUCache[int, list[Strip]] = LRUCache(CACHE_POSTS)  # ±seq → strips at _index_width
        self._plain_blocks: set[int] = set()  # block keys wrapped before their entities were known
        self._matcher: Matcher | None = None
        self.cursor: int | None = None  # selected seq
        self.follow = True  # glued to the newest post
        self._away_since_count = 0  # visible count when the user left the bottom
        self._arrived: dict[int, float] = {}
        self._auto_scroll = False
        self._empty_message = ""
        self._message_key: tuple[str, int] | None = None  # the message wrapped last, and its width
        self._message_wrapped: list[Strip] = []

    # ---- public API -------------------------------------------------------

    @property
    def position(self) -> int:
        return self._position

    @property
    def visible_count(self) -> int:
        return self._count

    def seq_at(self, item: int) -> int:
        return self._base[item] if self._base is not None else item + 1

    def item_of(self, seq: int) -> int:
        """Index of the visible item with the largest seq ≤ seq (-1 if none)."""
        if self._base is None:
            return min(seq, self._count) - 1
        return min(bisect_right(self._base, seq), self._count) - 1

    def is_visible(self, seq: int) -> bool:
        """Shown now: revealed (≤ k) and passing the filter."""
        if not 1 <= seq <= self._position:
            return False
        if self._base is None:
            return True
        i = bisect_left(self._base, seq)
        return i < len(self._base) and self._base[i] == seq

    def visible_seqs(self) -> list[int]:
        return [self.seq_at(i) for i in range(self._count)]

    def is_new(self, seq: int) -> bool:
        """Marked as just arrived (played or stepped in, less than NEW_FOR seconds ago)."""
        arrived = self._arrived.get(seq)
        return arrived is not None and self._now() - arrived < NEW_FOR

    @property
    def wrapped_blocks(self) -> int:
        """Post blocks wrapped (and cached) so far: only those that reached the screen."""
        return len(self._blocks)

    @property
    def last_visible(self) -> int | None:
        return self.seq_at(self._count - 1) if self._count else None

    def set_entities_source(self, entities_of: EntitiesOf | None) -> None:
        """Highlights arrive once the timeline is built: re-wrap what is shown.
        `entities_of(seq)` may return None for a post not extracted yet; such
        blocks are re-wrapped by entities_ready() when it is."""
        if entities_of == self._entities_of:
            return
        self._entities_of = entities_of
        self._invalidate_blocks()

    def entities_ready(self, upto: int) -> None:
        """Posts up to `upto` now have entities: re-wrap the cached blocks that were
        wrapped without them (only the few near the view are cached)."""
        if self._entities_of is None or not self._plain_blocks:
            return
        stale = [key for key in self._plain_blocks if abs(key) <= upto]
        if not stale:
            return
        changed = False
        for key in stale:
            self._plain_blocks.discard(key)
            if key not in self._blocks or self._index_width < 0:
                continue
            self._blocks.discard(key)
            item = self.item_of(abs(key))
            if 0 <= item < len(self._index) and self.seq_at(item) == abs(key) and self._index.is_exact(item):
                changed |= self._index.set_exact(item, len(self._block(item))) != 0
        if changed and self.is_mounted:
            self._set_virtual_height()
            if self.follow:
                self._scroll_to_end()
        self.refresh()

    def set_position(self, k: int, *, arrivals: bool = True) -> None:
        """Show posts 1..k (∩ filter). Never shows a post beyond k.

        `arrivals`: the new posts came by playing or stepping (mark them as new);
        a jump (seek, day, percent) marks nothing.
        """
        k = max(0, min(k, len(self._posts)))
        old_count = self._count
        self._position = k
        self._count = self._count_for(k)
        if arrivals and 0 < old_count < self._count and self._count - old_count <= MAX_NEW_MARKED:
            now = self._now()
            for i in range(old_count, self._count):
                self._arrived[self.seq_at(i)] = now
            self.set_timer(NEW_FOR + 0.05, self.refresh)
        elif self._count < old_count or self._count - old_count > MAX_NEW_MARKED:
            self._arrived.clear()
        self._after_count_change(old_count)

    def set_filter(self, seqs: Sequence[int] | None, message: str = "") -> None:
        """Narrow the feed to `seqs` (sorted); None shows every post. Playhead unchanged."""
        anchor = self.cursor if self.cursor is not None else self._top_seq()
        self._base = seqs
        self._empty_message = message
        self._count = self._count_for(self._position)
        self._arrived.clear()
        self._index.clear()
        self._index_width = -1
        if self.cursor is not None:
            item = self.item_of(self.cursor)
            self.cursor = self.seq_at(item) if item >= 0 else None
        self._away_since_count = self._count
        self._sync_size()
        if self.follow or anchor is None:
            self._scroll_to_end()
        else:
            self._scroll_to_item(self.item_of(anchor), top=True)
        self._update_unseen()
        self.refresh()

    def set_posts(self, posts: Sequence[Post], k: int, *, blogs: Sequence[str] | None = None) -> None:
        """Show another list of posts (a followed file was rewritten) at position k:
        no filter (the caller computes it again), nothing marked new; the view follows
        the newest post again unless the selection is kept (the same seq, if shown)."""
        self._posts = posts
        if blogs is not None:
            self._blogs = {name: i for i, name in enumerate(blogs)}
        self._post_estimates = []
        self._post_estimates_width = -1
        self._base = None
        self._empty_message = ""
        self._arrived.clear()
        self._position = max(0, min(k, len(posts)))
        self._count = self._count_for(self._position)
        if self.cursor is not None and not 0 < self.cursor <= self._count:
            self.cursor = self.last_visible
        self._away_since_count = self._count
        self._invalidate_blocks()
        if not self.follow and self.cursor is not None:
            self._scroll_to_item(self.item_of(self.cursor))
        self._update_unseen()

    def set_search(self, matcher: Matcher | None) -> None:
        """Highlight matches of `matcher(text) -> [(start, end)]` (None clears)."""
        self._matcher = matcher
        self._invalidate_blocks()

    def select(self, seq: int | None, *, scroll: bool = True) -> None:
        """Put the cursor on a visible post (or the nearest older one)."""
        if seq is None or not self._count:
            self.cursor = None
        else:
            item = max(0, self.item_of(seq))
            self.cursor = self.seq_at(item)
            self.follow = item == self._count - 1 and self.follow
            if not self.follow:
                self._away_since_count = min(self._away_since_count, self._count)
            if scroll:
                self._scroll_to_item(item)
        self.refresh()

    def jump_to_post(self, seq: int) -> None:
        """Reveal a post from a pane fact: select it, stop following, centre it."""
        self.follow = False
        self._away_since_count = min(self._away_since_count, self._count)
        self.select(seq)

    def show_newest(self) -> None:
        self.follow = True
        self.cursor = self.last_visible
        self._scroll_to_end()
        self._update_unseen()
        self.refresh()

    # ---- actions ----------------------------------------------------------

    def _move(self, delta: int) -> None:
        if not self._count:
            return
        item = self.item_of(self.cursor) if self.cursor is not None else self._count - 1
        target = max(0, min(self._count - 1, item + delta))
        if target == self._count - 1 and delta > 0:
            self.show_newest()
            return
        self.follow = False
        self._away_since_count = min(self._away_since_count, self._count)
        self.select(self.seq_at(target))

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        if not self._count:
            return
        height = max(1, self.scrollable_content_region.height)
        self._measure()
        target_y = self.scroll_y + direction * height
        if direction > 0 and target_y >= self.max_scroll_y:
            self.show_newest()
            return
        self.follow = False
        self._away_since_count = min(self._away_since_count, self._count)
        self._set_scroll(max(0, target_y))
        item = self._index.find(int(self.scroll_y), self._count)
        self.cursor = self.seq_at(item)
        self.refresh()

    def action_first(self) -> None:
        if self._count:
            self.follow = False
            self._away_since_count = min(self._away_since_count, self._count)
            self.select(self.seq_at(0))

    def action_last(self) -> None:
        self.show_newest()

    async def action_clear_search(self) -> None:
        """Escape in the feed: the screen clears the search and its highlights (nothing without one)."""
        await self.run_action("screen.close_search")

    def action_open(self) -> None:
        if self.cursor is not None:
            self.post_message(self.Opened(self.cursor))

    # ---- events -----------------------------------------------------------

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._invalidate_blocks())

    def on_resize(self, event: events.Resize) -> None:
        self._sync_size()
        if self.follow:
            self._scroll_to_end()
        elif self.cursor is not None:
            self._scroll_to_item(self.item_of(self.cursor))

    def on_click(self, event: events.Click) -> None:
        if not self._count:
            return
        line = int(self.scroll_y) + event.y
        if line >= self._index.prefix(self._count):
            return
        seq = self.seq_at(self._index.find(line, self._count))
        if event.chain >= 2:
            self.post_message(self.Opened(seq))
            return
        if seq == self.last_visible:
            self.show_newest()
        else:
            self.follow = False
            self._away_since_count = min(self._away_since_count, self._count)
            self.select(seq, scroll=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._auto_scroll:
            return
        at_end = round(new_value) >= self.max_scroll_y
        if at_end and not self.follow and self.cursor in (None, self.last_visible):
            self.follow = True
        elif not at_end and self.follow and new_value < old_value:
            # The user scrolled up (wheel, scrollbar): stop following.
            self.follow = False
            self._away_since_count = min(self._away_since_count, self._count)
        self._update_unseen()

    def watch_unseen(self, count: int) -> None:
        self.post_message(self.UnseenChanged(count))

    # ---- layout bookkeeping ----------------------------------------------

    def _count_for(self, k: int) -> int:
        if self._base is None:
            return k
        return bisect_right(self._base, k)

    def _top_seq(self) -> int | None:
        if not self._count or not len(self._index):
            return None
        return self.seq_at(self._index.find(int(self.scroll_y), self._count))

    def _after_count_change(self, old_count: int) -> None:
        if self.cursor is not None and (self._count == 0 or self.cursor > self.seq_at(self._count - 1)):
            self.cursor = self.last_visible  # stepped back past the selection
        if self._count < self._away_since_count:
            self._away_since_count = self._count
        self._sync_size()
        if self.follow:
            self.cursor = self.last_visible
            self._scroll_to_end()
        self._update_unseen()
        self.refresh()

    def _content_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER)

    def _sync_size(self) -> None:
        """Extend/re-estimate the index to the visible count; set the virtual size."""
        width = self._content_width()
        if width != self._index_width:
            self._index.clear()
            self._blocks.clear()
            self._plain_blocks.clear()
            self._index_width = width
        start = len(self._index)
        if self._count > start:
            self._index.extend(self._estimates(start, self._count))
        self._measure()
        self._set_virtual_height()

    def _set_virtual_height(self) -> None:
        height = self._index.prefix(self._count) if self._count else 1
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _estimates(self, start: int, stop: int) -> list[int]:
        """Estimated heights of items start..stop-1, in O(stop - start) with C loops.

        A post's own estimate depends only on the width, so it is computed once
        per post and width (`_post_lines`); an item adds a day separator line
        when its day differs from the previous visible item's. A new filter over
        100k posts thus costs a few list maps, not 100k Python calls."""
        posts = self._posts
        # `days` runs from the item before start (from item 0 when start is 0).
        if self._base is None:
            own = self._post_lines(stop)[start:stop]
            days = list(map(attrgetter("day"), posts[max(0, start - 1) : stop]))
        else:
            idx = [seq - 1 for seq in self._base[max(0, start - 1) : stop]]
            own = list(map(self._post_lines(idx[-1] + 1).__getitem__, idx[1:] if start else idx))
            days = list(map(attrgetter("day"), map(posts.__getitem__, idx)))
        if start:
            changed = compress(range(len(own)), map(ne, days[1:], days[:-1]))
        else:
            own[0] += 1
            changed = (i + 1 for i in compress(range(len(own) - 1), map(ne, days[1:], days[:-1])))
        for i in changed:
            own[i] += 1  # the day separator
        return own

    def _post_lines(self, upto: int) -> list[int]:
        """Estimated lines of posts 1..upto at the index width (header + paragraphs
        + trailing blank, +10% for word wrapping); cached per width."""
        width = self._index_width
        cache = self._post_estimates
        if self._post_estimates_width != width:
            cache.clear()
            self._post_estimates_width = width
        if len(cache) < upto:
            per = 10 * width
            for post in self._posts[len(cache) : upto]:
                lines = 2 + bool(post.headline) + bool(post.byline)
                budget = FEED_CHARS
                for para in post.paragraphs:
                    shown = min(len(para), budget)
                    lines += 1 + shown * 11 // per
                    budget -= shown
                    if budget <= 0:
                        lines += 1  # the "… more characters" note
                        break
                cache.append(lines)
        return cache

    def _needs_separator(self, item: int) -> bool:
        if item == 0:
            return True
        day = self._posts[self.seq_at(item) - 1].day
        return day != self._posts[self.seq_at(item - 1) - 1].day

    def _measure(self) -> None:
        """Wrap the blocks in (or next to) the viewport so their heights are exact."""
        if not self._count or self._index_width < 0:
            return
        height = max(1, self.scrollable_content_region.height)
        changed = False
        for _ in range(4):  # converges fast: heights only get exact
            top = int(self.scroll_y) if not self.follow else max(0, self._index.prefix(self._count) - height)
            first = self._index.find(max(0, top - 1), self._count)
            last = self._index.find(top + height + 1, self._count)
            moved = False
            for item in range(first, last + 1):
                if not self._index.is_exact(item):
                    strips = self._block(item)
                    moved |= self._index.set_exact(item, len(strips)) != 0
                    changed = True
            if not moved:
                break
        if changed:
            self._set_virtual_height()

    def _scroll_to_end(self) -> None:
        self._measure()
        self._set_scroll(self.max_scroll_y)

    def _set_scroll(self, y: float) -> None:
        self._auto_scroll = True
        try:
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
        finally:
            self._auto_scroll = False

    def _scroll_to_item(self, item: int, top: bool = False) -> None:
        if item < 0 or not self._count:
            return
        if not self._index.is_exact(item):
            self._index.set_exact(item, len(self._block(item)))
            self._set_virtual_height()
        start = self._index.prefix(item)
        size = self._index.height(item)
        height = max(1, self.scrollable_content_region.height)
        y = self.scroll_y
        if top or start < y:
            y = start
        elif start + size > y + height:
            y = min(start, start + size - height)
        self._set_scroll(y)
        self._measure()

    def _update_unseen(self) -> None:
        """Arrivals since the user left the bottom that are still below the view."""
        if self.follow or not self._count:
            self.unseen = 0
            self._away_since_count = self._count
            return
        height = max(1, self.scrollable_content_region.height)
        bottom_item = self._index.find(int(self.scroll_y) + height - 1, self._count)
        below = self._count - 1 - bottom_item
        self.unseen = max(0, min(below, self._count - self._away_since_count))

    def _invalidate_blocks(self) -> None:
        self._blocks.clear()
        self._plain_blocks.clear()
        self._index.clear()
        self._index_width = -1
        if self.is_mounted:
            self._sync_size()
            if self.follow:
                self._scroll_to_end()
        self.refresh()

    # ---- rendering ---------------------------------------------------------

    def _wrap_content(self, content: Content, width: int) -> list[Strip]:
        return content.render_strips(width, None, self.visual_style, RenderOptions(self._get_style, self.styles))

    def _block(self, item: int) -> list[Strip]:
        """Wrapped strips of one post block at the current width (cached)."""
        seq = self.seq_at(item)
        sep = self._needs_separator(item)
        key = seq if not sep else -seq
        cached = self._blocks.get(key)
        if cached is not None:
            return cached
        post = self._posts[seq - 1]
        width = self._index_width
        strips: list[Strip] = []
        if sep:
            label = f" {day_label(post.day)} "
            rule = max(0, width - len(label) - 2)
            strips += self._wrap_content(
                render.line(("──" + label + "─" * rule, ".feed--day")), width
            )
        entities = self._entities_of(seq) if self._entities_of else None
        if entities is None and self._entities_of is not None:
            self._plain_blocks.add(key)
        outlets = [self._outlet] if self._outlet else []
        if entities is not None:
            outlets += [o for o in entities.outlets if o not in outlets and o != post.blog_name]
        header: list[str | tuple[str, str]] = [(time_label(post), ".feed--time"), "  "]
        if post.blog_name:
            tag = post.blog_name if len(post.blog_name) <= BLOG_TAG else post.blog_name[: BLOG_TAG - 1] + "…"
            style = ".feed--blog-alt" if self._blogs.get(post.blog_name, 0) % 2 else ".feed--blog"
            header += [(tag, style), "  "]
        header += [
            (" · ".join(outlets), ".feed--meta"),
            "  ",
            (f"#{seq}", ".feed--seq"),
        ]
        if post.pinned:
            header += ["  ", ("⚑ pinned", ".feed--pinned")]
        if post.updated is not None:
            header += ["  ", (f"updated {post.updated:%H:%M}", ".feed--meta")]
        strips += self._wrap_content(render.line(*header), width)
        if post.headline:
            strips += self._wrap_content(render.line((post.headline, ".feed--headline")), width)
        if post.byline:
            strips += self._wrap_content(render.line((post.byline, ".feed--byline")), width)
        text = post.text
        clipped = len(text) > FEED_CHARS
        if clipped:
            text = text[:FEED_CHARS]
        spans: list[tuple[int, int, str]] = []
        if entities is not None:
            spans += render.mention_spans(entities.mentions)
        if self._matcher is not None:
            spans += [(s, e, render.MATCH) for s, e in self._matcher(text)]
        strips += self._wrap_content(render.highlighted(text, spans), width)
        if clipped:
            more = len(post.text) - FEED_CHARS
            note = f"… {more:,} more characters — enter opens the post"
            strips += self._wrap_content(render.line((note, ".feed--message")), width)
        strips.append(Strip.blank(width, self.rich_style))  # a styled blank: NO_COLOR filters need a style
        self._blocks.set(key, strips)  # the least recently used block goes when full
        return strips

    def render_lines(self, crop):  # type: ignore[override]
        if self._count and self._content_width() != self._index_width:
            self._sync_size()  # the content region changed without a resize (scrollbar, gutter)
        self._measure()  # exact heights for what is about to be painted
        # Width and base style are the same for every line of one paint; each
        # costs a walk up the DOM, so take them once (render_line runs per line).
        self._paint = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        paint = self._paint
        width, base = paint if paint is not None else (self.scrollable_content_region.width, self.rich_style)
        if not self._count:
            return self._message_line(y, width)
        line = int(self.scroll_y) + y
        total = self._index.prefix(self._count)
        if line >= total:
            return Strip.blank(width, base)
        item = self._index.find(line, self._count)
        strips = self._block(item)
        offset = line - self._index.prefix(item)
        if offset >= len(strips):
            return Strip.blank(width, base)
        seq = self.seq_at(item)
        body = strips[offset]
        is_sep = self._needs_separator(item) and offset == 0
        arrived = self._arrived.get(seq)
        is_new = arrived is not None and self._now() - arrived < NEW_FOR
        if seq == self.cursor and not is_sep and self.has_focus:
            mark = Segment("▌ ", self.get_component_rich_style("feed--cursor-mark"))
            row_style = self.get_component_rich_style("feed--cursor")
        elif seq == self.cursor and not is_sep:
            mark = Segment("▏ ", self.get_component_rich_style("feed--cursor-mark"))
            row_style = None
        elif is_new and not is_sep:
            mark = Segment("┃ ", self.get_component_rich_style("feed--new-mark"))
            row_style = self.get_component_rich_style("feed--new")
        else:
            mark = Segment(" " * GUTTER, base)
            row_style = None
        strip = Strip.join([Strip([mark], GUTTER), body]).adjust_cell_length(width, base)
        if row_style is not None:
            strip = strip.apply_style(row_style)
        return strip

    def _message_strips(self, text: str, width: int) -> list[Strip]:
        """The message wrapped to the feed's width (once per text and width, not per row)."""
        key = (text, width)
        if self._message_key != key:
            self._message_key = key
            self._message_wrapped = self._wrap_content(render.line((text, ".feed--message")), max(10, width - GUTTER))
        return self._message_wrapped

    def _message_line(self, y: int, width: int) -> Strip:
        if self._base is not None and not len(self._base):
            text = self._empty_message or "No posts match the filter."
        elif self._base is not None:
            text = "No matching posts yet."  # how many come later would be a spoiler
        else:
            text = "No posts yet — press space to play or . to step."
        strips = self._message_strips(text, width) if y else []
        if not 1 <= y <= len(strips):
            return Strip.blank(width, self.rich_style)
        # wrapped: a reason ("no outlet matches 'x' so far") may not fit one line of a narrow feed
        return Strip.join([Strip.blank(GUTTER, self.rich_style), strips[y - 1]]).adjust_cell_length(width, self.rich_style)


class NewPostsPill(Static):
    """'↓ N new posts' — shown while arrivals wait below; click to catch up."""

    def on_mount(self) -> None:
        self.display = False

    class Clicked(Message):
        pass

    def show_count(self, count: int) -> None:
        self.display = count > 0
        if count:
            noun = "post" if count == 1 else "posts"
            self.update(render.plain(f" ↓ {count} new {noun} · end "))

    def on_click(self) -> None:
        self.post_message(self.Clicked())
