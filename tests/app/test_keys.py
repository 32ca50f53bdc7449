"""The one key table (tui.app.keys) makes every list of keys: bindings, help,
palette, CLI epilog, README — and every action it names exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import keys
from tui.app.app import ReplayApp
from tui.app.screens.bookmark import BookmarkScreen
from tui.app.screens.bookmarks import BookmarksScreen
from tui.app.screens.goto import GotoScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.post import PostScreen
from tui.app.screens.replay import ReplayScreen
from tui.app.screens.timeline import TimelineScreen
from tui.app.widgets.feed import FeedView
from tui.app.widgets.filter_bar import FilterBar
from tui.app.widgets.panes import DelegationsPane, PeopleGrid

README = Path(__file__).resolve().parents[2] / "README.md"
TARGETS = {"replay": [ReplayScreen], "feed": [FeedView], "pane": [DelegationsPane, PeopleGrid], "filter": [FilterBar],
           "goto": [GotoScreen], "help": [HelpScreen], "post": [PostScreen], "search": [ReplayScreen],
           "bookmark": [BookmarkScreen], "bookmarks": [BookmarksScreen],
           "timeline": [TimelineScreen]}
SEARCH_ACTIONS = {"submit": "submit_search", "cancel": "close_search"}  # run on the screen (see SearchBar)


def test_the_readme_carries_the_generated_key_table() -> None:
    assert keys.markdown() in README.read_text(encoding="utf-8"), "run: python -m tui.app.keys > table; paste into README"


@pytest.mark.parametrize("key", keys.KEYS, ids=lambda k: f"{k.scope}:{k.keys}")
def test_every_action_in_the_table_exists_where_it_is_bound(key: keys.Key) -> None:
    name = key.action.split("(")[0]
    if key.scope == "search":
        name = SEARCH_ACTIONS[name]
    assert any(hasattr(cls, f"action_{name}") for cls in TARGETS[key.scope]), key
    if key.title:
        assert hasattr(ReplayScreen, f"action_{key.palette_action.split('(')[0]}"), key


def test_widgets_bind_exactly_the_table() -> None:
    for scope, classes in TARGETS.items():
        if scope == "search":
            continue
        expected = {(k.keys, k.action) for k in keys.KEYS if k.scope == scope}
        for cls in classes:
            bound = {(b.key, b.action) for b in cls.BINDINGS}
            assert expected <= bound, (scope, cls.__name__, expected - bound)


def test_keys_that_type_text_are_inert_in_inputs() -> None:
    typing = keys.typing_actions()
    assert {"search", "filter", "faster", "quit", "step", "toggle_play", "help"} <= typing
    assert "clear_filter" not in typing  # ctrl+x works in the filter bar too


def test_the_palette_lists_every_screen_action_once() -> None:
    titles = [k.title for k in keys.palette()]
    assert len(titles) == len(set(titles))
    assert ReplayApp.get_system_commands is not None
