"""Pilot tests for the modal screens: help (gathered bindings), post in full, go-to prompt."""

from __future__ import annotations

import liveblog_app_fixtures as fx

from datetime import date, datetime, timedelta, timezone

import liveblog_app_fixtures
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from tui.app.screens import GotoScreen, HelpScreen, PostScreen
from tui.app.widgets.panes import WIDGETS_CSS_PATH, DelegationsPane
from tui.core.facts import Mention, Participant, PostEntities, ScheduleFact, StatusFact
from tui.core.model import Post

TZ = timezone(timedelta(hours=3))


def screen_text(app: App) -> str:
    return fx.screen_text(app)


class HostApp(App):
    """A tiny app with its own bindings and a focusable pane, like ReplayApp."""

    CSS_PATH = WIDGETS_CSS_PATH
    BINDINGS = [
        Binding("space", "toggle_play", "Play/Pause"),
        Binding("full_stop", "step(1)", "Step +1"),
        Binding("comma", "step(-1)", "Step -1"),
        Binding("n", "search_next", "Next match", show=False),  # hidden from the footer, still listed
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield DelegationsPane()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def record(self, result: object) -> None:
        self.results.append(result)


# ---------------------------------------------------------------- help


async def test_help_lists_every_key_row_and_mark_and_closes_with_escape_q_and_question_mark() -> None:
    from tui.app import keys
    from tui.app.widgets.title_bar import LEGEND

    app = HostApp()
    async with app.run_test(size=(100, 50)) as pilot:
        for key in ("escape", "q", "question_mark"):
            await pilot.press("question_mark")
            help_screen = app.screen
            assert isinstance(help_screen, HelpScreen)
            text = help_screen.text()
            titles = [title for title, _ in help_screen.sections]
            assert titles[:2] == ["Player (anywhere on the replay)", "Feed"] and titles[-1] == "Marks"
            for row in keys.rows():
                assert row.doc in text
            assert "play / pause" in screen_text(app) and all(meaning in text for _, meaning, _ in LEGEND)
            await pilot.press(key)
            assert not isinstance(app.screen, HelpScreen), key


# ---------------------------------------------------------------- post

TRICKY = Post(
    seq=37,
    day=date(2025, 5, 16),
    time=datetime(2025, 5, 16, 10, 42, tzinfo=TZ),
    time_estimated=True,
    first_line=120,
    last_line=121,
    paragraphs=("Medinsky said [bold]X and [/] verbatim.", "Second [US] paragraph."),
)
TRICKY_FACTS = [
    StatusFact(37, "ru", "arrived", "Istanbul", "evidence with [/] inside"),
    ScheduleFact(37, "talks", "rescheduled", datetime(2025, 5, 16, 0, 0, tzinfo=TZ), True, "on [Friday]", "moved [bold]"),
    Participant("[bold]Y", 37, "present", "he was [i]there"),
]


async def test_post_screen_shows_everything_verbatim() -> None:
    app = HostApp()
    async with app.run_test(size=(120, 50)) as pilot:
        entities = PostEntities(people=("Vladimir Medinsky",), mentions=(Mention(0, 8, "person", "Vladimir Medinsky"),))
        app.push_screen(
            PostScreen(TRICKY, facts=TRICKY_FACTS, entities=entities, names={"ru": "Russia", "talks": "Istanbul talks"}, outlet="RT")
        )
        await pilot.pause()
        header = app.screen.query_one("#post-header", Static).render().plain
        assert "Post #37" in header and "~Fri 16 May 2025 10:42" in header and "(estimated)" in header
        assert "lines 120–121" in header and "RT" in header
        body = app.screen.query_one("#post-body", Static).render()
        assert body.plain == "Medinsky said [bold]X and [/] verbatim.\n\nSecond [US] paragraph."
        # The mention of paragraph 1 is highlighted exactly over "Medinsky".
        assert any(body.plain[s.start : s.end] == "Medinsky" for s in body.spans)
        facts = [w.render().plain for w in app.screen.query(".post-fact").results(Static)]
        assert len(facts) == 3
        assert "Russia → arrived in Istanbul" in facts[0] and "“evidence with [/] inside”" in facts[0]
        assert "Istanbul talks: rescheduled ~Fri 16 May “on [Friday]”" in facts[1] and "moved [bold]" in facts[1]
        assert "[bold]Y present" in facts[2] and "he was [i]there" in facts[2]
        text = screen_text(app)
        assert "[bold]X and [/] verbatim." in text and "Second [US] paragraph." in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PostScreen)


async def test_post_screen_lists_what_was_recognised_by_kind_and_name() -> None:
    app = HostApp()
    entities = PostEntities(
        people=("Vladimir Medinsky",), delegations=("ru",), outlets=("TASS",), parties=("ru", "tr"),
        mentions=(Mention(0, 8, "person", "Vladimir Medinsky"), Mention(20, 28, "place", "Istanbul [old]")),
    )
    async with app.run_test(size=(120, 50)) as pilot:
        app.push_screen(PostScreen(TRICKY, entities=entities, names={"ru": "Russia", "tr": "Türkiye"}))
        await pilot.pause()
        shown = app.screen.query_one("#post-entities", Static).render().plain.splitlines()
        assert shown == ["people: Vladimir Medinsky", "delegations: Russia", "other parties: Türkiye",
                         "places: Istanbul [old]", "outlets: TASS"]


async def test_post_screen_says_when_nothing_is_recognised_or_not_extracted_yet() -> None:
    app = HostApp()
    async with app.run_test(size=(120, 50)) as pilot:
        app.push_screen(PostScreen(TRICKY, entities=PostEntities()))
        await pilot.pause()
        assert "no people, parties, places or outlets recognised" in app.screen.query_one("#post-entities", Static).render().plain
        app.pop_screen()
        app.push_screen(PostScreen(TRICKY, entities=None))
        await pilot.pause()
        assert "still being extracted" in app.screen.query_one("#post-entities", Static).render().plain


async def test_post_screen_without_facts_says_none() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(PostScreen(TRICKY))
        await pilot.pause()
        assert app.screen.query_one("#post-no-facts", Static).render().plain == "none"
        assert "Facts from this post (0)" in screen_text(app)


# ---------------------------------------------------------------- go to


def resolve(text: str) -> int:
    if text.lstrip("#").isdigit():
        seq = int(text.lstrip("#"))
        if 1 <= seq <= 50:
            return seq
        raise ValueError(f"no post #{seq} (1–50)")
    raise ValueError(f"not a time or post number: {text}")


async def test_goto_returns_the_target_seq() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GotoScreen(resolve), app.record)
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"#37", "enter")
        await pilot.pause()
        assert app.results == [37]
        assert not isinstance(app.screen, GotoScreen)


async def test_goto_shows_parse_error_inline_and_stays_open() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GotoScreen(resolve), app.record)
        await pilot.pause()
        await pilot.press(*"[b]99", "enter")
        await pilot.pause()
        goto = app.screen
        assert isinstance(goto, GotoScreen)
        message = goto.query_one("#goto-message", Static)
        assert message.render().plain == "not a time or post number: [b]99" and message.has_class("-error")
        assert app.results == []
        # Editing clears the error; a good answer then goes through.
        goto.query_one(Input).value = "99"
        await pilot.pause()
        assert not message.has_class("-error")
        await pilot.press("enter")
        await pilot.pause()
        assert message.render().plain == "no post #99 (1–50)"
        goto.query_one(Input).value = "12"
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [12]


async def test_goto_escape_dismisses_with_none() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GotoScreen(resolve), app.record)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, GotoScreen)


def test_blog_resolver_posts_and_times() -> None:
    from tui.app.screens.goto import blog_resolver

    blog = liveblog_app_fixtures.make_blog()
    resolve = blog_resolver(blog)
    assert resolve("#3") == 3 and resolve("10") == 10
    assert resolve("15 May 11:00") == 6  # exactly at post 6 (Foxtrot)
    assert resolve("15 May 12:00") == 6  # between posts: the last one already published
    assert resolve("14 May 08:00") == 1  # before the first post
    for bad in ("#0", "#11", "tomorrow-ish [b]"):
        try:
            resolve(bad)
        except ValueError as error:
            assert str(error)
        else:
            raise AssertionError(f"{bad!r} should not resolve")


async def test_goto_with_a_blog_dismisses_with_seq() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GotoScreen(liveblog_app_fixtures.make_blog()), app.record)
        await pilot.pause()
        app.screen.query_one(Input).value = "16 May 11:10"
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [9]


async def test_post_screen_shows_headline_byline_and_clips_a_huge_post() -> None:
    from tui.app.screens.post import SHOW_CHARS

    huge = TRICKY.replace(headline="A [b]headline[/b]", byline="By Jane Doe", pinned=True,
                   paragraphs=("x " * (SHOW_CHARS // 2 + 5000),))
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(PostScreen(huge))
        await pilot.pause()
        text = screen_text(app)
        assert "A [b]headline[/b]" in text and "By Jane Doe" in text and "⚑ pinned" in text
        body = app.screen.query_one("#post-body").render()
        assert "more characters not shown: lines 120–121" in body.plain


async def test_goto_examples_come_from_the_blog_being_replayed() -> None:
    from tui.app.screens.goto import examples_for

    blog = fx.make_blog()
    examples = examples_for(blog)
    post = blog.posts[len(blog.posts) // 3]
    assert examples == f"{post.time:%H:%M}, {post.time.day} {post.time:%b %H:%M} or #{post.seq}"
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GotoScreen(resolve, examples=examples), app.record)
        await pilot.pause()
        goto = app.screen
        assert goto.query_one(Input).placeholder == examples
        assert examples in goto.query_one("#goto-message", Static).render().plain
