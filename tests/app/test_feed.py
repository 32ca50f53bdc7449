"""FeedView (Line API feed) and its LineIndex: what is rendered, laziness, scrolling rules."""

from __future__ import annotations

import time
from pathlib import Path

import liveblog_app_fixtures as fx
from hypothesis import given, settings
from hypothesis import strategies as st
from liveblog_fake_timeline import FakeTimeline
from textual.app import App, ComposeResult

from tui.app.widgets.feed import FeedView
from tui.app.widgets.line_index import LineIndex

APP_CSS = (Path(__file__).parents[2] / "tui" / "app" / "app.tcss").read_text()


class FeedHost(App[None]):
    CSS = APP_CSS

    def __init__(self, blog, k: int = 0, timeline=None, now=time.monotonic) -> None:
        super().__init__()
        self.blog = blog
        self.k = k
        self.timeline = timeline
        self.now = now

    def compose(self) -> ComposeResult:
        yield FeedView(
            self.blog.posts,
            outlet="RT",
            entities_of=self.timeline.entities if self.timeline else None,
            now=self.now,
        )

    def on_mount(self) -> None:
        feed = self.query_one(FeedView)
        feed.focus()
        feed.set_position(self.k)


# ---------------------------------------------------------------- LineIndex


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(1, 9), min_size=1, max_size=150),
    st.lists(st.tuples(st.integers(0, 149), st.integers(1, 12)), max_size=20),
    st.integers(1, 150),
)
def test_line_index_matches_brute_force(heights: list[int], updates: list[tuple[int, int]], count: int) -> None:
    index = LineIndex()
    half = len(heights) // 2
    index.extend(heights[:half])  # grow in two steps like a replay does
    index.extend(heights[half:])
    truth = list(heights)
    for i, h in updates:
        if i < len(truth):
            index.set_exact(i, h)
            truth[i] = h
    count = min(count, len(truth))
    for i in range(len(truth) + 1):
        assert index.prefix(i) == sum(truth[:i])
    total = sum(truth[:count])
    for line in range(total):
        item = index.find(line, count)
        assert sum(truth[:item]) <= line < sum(truth[: item + 1])
    assert index.find(total + 5, count) == count - 1


def test_line_index_empty() -> None:
    index = LineIndex()
    assert index.find(0) == -1 and index.prefix(3) == 0


# ---------------------------------------------------------------- rendering


async def test_feed_renders_headers_day_separators_and_estimated_times() -> None:
    blog = fx.make_blog()
    app = FeedHost(blog, k=6, timeline=FakeTimeline(blog))
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        feed = app.query_one(FeedView)
        text = fx.feed_text(feed)
        assert "Wednesday 14 May 2025" in text and "Thursday 15 May 2025" in text
        assert text.index("Wednesday") < text.index("Alpha") < text.index("Thursday") < text.index("Echo")
        assert "09:00  RT  #1" in text
        assert "~10:30  RT  #2" in text  # estimated time marked
        assert "11:00  RT · TASS  #6" in text  # outlets from the post's entities
        assert "Golf" not in text  # post 7 is beyond k


async def test_mentions_are_highlighted_from_entity_spans() -> None:
    blog = fx.make_blog()
    app = FeedHost(blog, k=1, timeline=FakeTimeline(blog))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        feed = app.query_one(FeedView)
        for y in range(10):
            segments = list(feed.render_line(y))
            if any("Alpha" in s.text for s in segments):
                break
        by_text = {s.text: s.style for s in segments}
        assert "Medinsky" in by_text  # the mention is its own segment
        assert by_text["Medinsky"].bold
        plain = next(style for text, style in by_text.items() if text.startswith("Alpha"))
        assert not plain.bold


async def test_search_matches_are_highlighted() -> None:
    blog = fx.make_blog()
    app = FeedHost(blog, k=3)
    async with app.run_test(size=(100, 20)) as pilot:
        feed = app.query_one(FeedView)
        feed.set_search(lambda text: [(i, i + 5) for i in range(len(text)) if text.startswith("talks", i)])
        await pilot.pause()
        segments = [s for y in range(15) for s in feed.render_line(y)]
        matched = [s for s in segments if s.text == "talks"]
        assert matched and all(s.style.reverse for s in matched)


async def test_feed_lines_fit_the_width_and_rewrap_on_resize() -> None:
    blog = fx.make_blog()
    app = FeedHost(blog, k=10)
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.pause()
        feed = app.query_one(FeedView)
        wide_height = feed.virtual_size.height
        await pilot.resize_terminal(40, 80)
        await pilot.pause()
        assert feed.virtual_size.height > wide_height
        for y in range(feed.scrollable_content_region.height):
            assert feed.render_line(y).cell_length <= feed.size.width
        words = " ".join(fx.feed_text(feed).split())
        assert "Delta: markup probe [/] and [bold]x[/bold] and [@click=app.quit] stay verbatim." in words


async def test_empty_feed_says_what_to_do() -> None:
    app = FeedHost(fx.make_blog(), k=0)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        assert "No posts yet" in fx.feed_text(app.query_one(FeedView))


async def test_filter_shows_intersection_and_keeps_position() -> None:
    app = FeedHost(fx.make_blog(), k=5)
    async with app.run_test(size=(100, 40)) as pilot:
        feed = app.query_one(FeedView)
        feed.set_filter([2, 4, 7, 9])
        await pilot.pause()
        assert feed.visible_seqs() == [2, 4] and feed.position == 5
        assert feed.is_visible(4) and not feed.is_visible(7) and not feed.is_visible(3)
        feed.set_position(9)
        assert feed.visible_seqs() == [2, 4, 7, 9]
        feed.set_filter([])
        await pilot.pause()
        assert "No posts match" in fx.feed_text(feed)
        feed.set_filter([10])
        await pilot.pause()
        assert "No matching posts yet" in fx.feed_text(feed)


async def test_cursor_keys_move_between_posts() -> None:
    app = FeedHost(fx.make_blog(), k=5)
    async with app.run_test(size=(100, 40)) as pilot:
        feed = app.query_one(FeedView)
        assert feed.cursor == 5
        await pilot.press("k", "up")
        assert feed.cursor == 3 and not feed.follow
        await pilot.press("j")
        assert feed.cursor == 4
        await pilot.press("home")
        assert feed.cursor == 1
        await pilot.press("end")
        assert feed.cursor == 5 and feed.follow


async def test_page_keys_scroll_by_a_screen() -> None:
    app = FeedHost(fx.big_blog(200), k=200)
    async with app.run_test(size=(80, 20)) as pilot:
        feed = app.query_one(FeedView)
        await pilot.pause()
        bottom = feed.scroll_y
        await pilot.press("pageup")
        assert feed.scroll_y < bottom and not feed.follow
        assert bottom - feed.scroll_y >= feed.scrollable_content_region.height - 1
        await pilot.press("pagedown", "pagedown")
        assert feed.follow


async def test_new_posts_are_marked_then_fade() -> None:
    clock = [1000.0]
    app = FeedHost(fx.make_blog(), k=2, now=lambda: clock[0])
    async with app.run_test(size=(100, 40)) as pilot:
        feed = app.query_one(FeedView)
        feed.set_position(3)
        await pilot.pause()
        assert feed.is_new(3)
        clock[0] += 60  # a minute later
        assert not feed.is_new(3)
        lines = [feed.render_line(y).text for y in range(feed.scrollable_content_region.height)]
        assert not any(line.startswith("┃") for line in lines)
        feed.set_position(6)  # several posts arriving at once (fast play) are all marked
        lines = [feed.render_line(y).text for y in range(feed.scrollable_content_region.height)]
        assert sum(line.startswith("┃") for line in lines) >= 3
        feed.set_position(9, arrivals=False)  # a jump marks nothing
        assert not any(feed.is_new(seq) for seq in (7, 8, 9))


async def test_click_selects_and_double_click_opens() -> None:
    opened: list[int] = []

    class Host(FeedHost):
        def on_feed_view_opened(self, event: FeedView.Opened) -> None:
            opened.append(event.seq)

    app = Host(fx.make_blog(), k=3)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        feed = app.query_one(FeedView)
        await pilot.click(FeedView, offset=(5, 2))  # header row of post 1
        assert feed.cursor == 1
        await pilot.click(FeedView, offset=(5, 2), times=2)
        await pilot.pause()
        assert opened == [1]


async def test_100k_posts_open_and_jump_without_wrapping_everything() -> None:
    blog = fx.big_blog(100_000, words=12)
    app = FeedHost(blog, k=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        feed = app.query_one(FeedView)
        assert feed.wrapped_blocks <= 5
        feed.set_position(100_000)
        await pilot.pause()
        assert feed.last_visible == 100_000
        assert "Post 100000:" in fx.feed_text(feed)
        assert feed.wrapped_blocks < 100  # only what reached the screen was wrapped
        feed.action_first()
        await pilot.pause()
        assert "Post 1:" in fx.feed_text(feed)
        assert feed.wrapped_blocks < 200


# ---------------------------------------------------------------- no text lost at the right edge


async def test_every_word_of_the_selected_post_reaches_the_screen() -> None:
    """Wrapping uses the width that is really shown: no word is cut at the right edge.

    Regression: the feed wrapped to the width before its scrollbar appeared, so the
    last character(s) of long lines were cropped off ("Ministe", "wil").
    """
    from tui.app.app import ReplayApp
    from tui.core.knowledge import load_knowledge
    from tui.core.load import load_blog

    blog = load_blog()
    for size in ((80, 24), (200, 50)):
        # Open on post 1 (no scrollbar yet), then jump: the scrollbar appears
        # without the widget being resized.
        # As `liveblog-tui replay` does: the timeline is built in a worker.
        app = ReplayApp(blog, knowledge=load_knowledge(blog_path=None), start_at=1, paused=True)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("6")
            await pilot.pause()
            # The feed's rows, gutter stripped, joined back into running text.
            rows = [line[2:].strip() for line in fx.feed_text(fx.feed(app)).splitlines()]
            shown = " ".join(" ".join(rows).split())
            checked = 0
            for post in blog.posts[: app.session.clock.position]:
                for para in post.paragraphs:
                    flat = " ".join(para.split())
                    if flat[:30] in shown and flat[-20:] in shown:  # wholly on screen
                        checked += 1
                        assert flat in shown, (size, flat)
            assert checked >= 2, size  # the check did look at something


# ---------------------------------------------------------------- headline, byline, pinned, huge posts


def _post_with(**fields):
    return fx.make_blog().posts[0].replace(**fields)


async def test_headline_byline_updated_and_pinned_are_shown_verbatim() -> None:
    from datetime import datetime

    from tui.core.model import Blog

    post = _post_with(headline="Talks [bold]resume[/]", byline="By Jane Doe", pinned=True,
                      updated=datetime(2025, 5, 14, 9, 45, tzinfo=fx.TZ))
    blog = fx.make_blog()
    blog = Blog(blog.meta, blog.tz, blog.summary, [post], [post.day], blog.order, blog.source)
    app = FeedHost(blog, k=1)
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        rows = [row[2:] for row in fx.feed_text(app.query_one(FeedView)).splitlines()]  # without the gutter
        header = next(i for i, row in enumerate(rows) if "#1" in row)
        assert "⚑ pinned" in rows[header] and "updated 09:45" in rows[header]
        assert rows[header + 1].strip() == "Talks [bold]resume[/]"  # the title line, as typed
        assert rows[header + 2].strip() == "By Jane Doe"
        assert "Alpha:" in rows[header + 3]


async def test_a_huge_post_shows_its_start_and_how_much_more_there_is() -> None:
    from tui.app.widgets.feed import FEED_CHARS
    from tui.core.model import Blog

    words = ("officials said the talks continue " * 80_000).strip()  # ~2.7 MB, one paragraph
    post = _post_with(paragraphs=(words,))
    blog = fx.make_blog()
    blog = Blog(blog.meta, blog.tz, blog.summary, [post], [post.day], blog.order, blog.source)
    app = FeedHost(blog, k=1)
    async with app.run_test(size=(100, 30)) as pilot:
        feed = app.query_one(FeedView)
        feed.action_first()
        await pilot.pause()
        feed.action_last()
        await pilot.pause()
        text = fx.feed_text(feed)
        assert f"{len(words) - FEED_CHARS:,} more characters — enter opens the post" in text
        assert feed.virtual_size.height < 400  # measured from what is shown, not 2.7 MB of text
