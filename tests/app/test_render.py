"""tui.app.render: plain strings become Content verbatim, styled only by offsets."""

from __future__ import annotations

import liveblog_app_fixtures as fx

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Static

from tui.app import render
from tui.core.facts import Mention

HOSTILE = ["[US]", "[/]", "[bold]x[/bold]", "[@click=app.quit]", "[link=http://x]y[/link]", "[[", "]]", "\\[b]"]


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_keeps_markup_text(text: str) -> None:
    assert render.plain(text).plain == text
    assert render.plain(text, "bold").plain == text
    assert render.highlighted(text, [(0, 1, "bold")]).plain == text
    assert render.line(text, (text, "italic")).plain == text + text


def test_highlight_spans_land_on_offsets() -> None:
    content = render.highlighted("Medinsky met Umerov", [(0, 8, render.PERSON), (13, 19, render.PERSON)])
    assert [(s.start, s.end) for s in content.spans] == [(0, 8), (13, 19)]
    assert content.plain[13:19] == "Umerov"


def test_spans_are_clipped_and_bad_ones_dropped() -> None:
    content = render.highlighted("abc", [(-5, 2, "bold"), (2, 99, "italic"), (5, 9, "bold"), (2, 2, "bold"), (0, 1, "")])
    assert [(s.start, s.end) for s in content.spans] == [(0, 2), (2, 3)]


def test_control_bytes_become_visible_same_length() -> None:
    text = "a\x1b[2Jb\x07c\rd\x9be\tf"
    shown = render.visible(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown and "\x9b" not in shown
    assert "␛[2J" in shown
    assert render.plain(text).plain == shown
    # spans still point at the same characters after the translation
    content = render.highlighted(text, [(1, 5, "bold")])
    assert content.plain[1:5] == "␛[2J"


def test_mention_spans_use_kind_styles() -> None:
    mentions = [Mention(0, 8, "person", "Vladimir Medinsky"), Mention(10, 14, "delegation", "ru"), Mention(1, 2, "unknown", "?")]
    assert render.mention_spans(mentions) == [(0, 8, render.PERSON), (10, 14, render.DELEGATION)]
    assert render.mention_spans(mentions[:1], offset=5) == [(5, 13, render.PERSON)]


def test_find_spans_literal_case_insensitive() -> None:
    text = "Kiev, KIEV and kiev (not K.iev)"
    assert [text[s:e] for s, e, _ in render.find_spans(text, "kiev")] == ["Kiev", "KIEV", "kiev"]
    assert render.find_spans(text, "") == []
    assert render.find_spans("a.b", ".") == [(1, 2, render.MATCH)]  # literal dot, not a regex


def test_find_spans_offsets_hold_when_casefold_changes_length() -> None:
    text = "Straße strasse"
    for s, e, _ in render.find_spans(text, "stra"):
        assert text[s:e].lower() == "stra"


def test_regex_spans_skip_empty_matches_and_cap() -> None:
    assert render.regex_spans("aaa", re.compile("x*")) == []
    assert len(render.regex_spans("a" * 50, re.compile("a"), limit=7)) == 7


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab[]/@=\\x \x1b\n")), max_size=40), st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=4))
def test_any_text_and_spans_never_raise_and_stay_verbatim(text: str, spans: list[tuple[int, int]]) -> None:
    content = render.highlighted(text, [(s, e, "bold") for s, e in spans])
    assert content.plain == render.visible(text)
    for span in content.spans:
        assert 0 <= span.start < span.end <= len(content.plain)


class _Show(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(render.line(*[(h + " ", render.PERSON) for h in HOSTILE]), id="s")


async def test_hostile_text_reaches_the_screen_verbatim() -> None:
    app = _Show()
    async with app.run_test(size=(120, 5)) as pilot:
        await pilot.pause()
        text = fx.screen_text(app)
        for hostile in HOSTILE:
            assert hostile in text


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["talks", "Istanbul", "[US]", "delegation", "x", "Dolmabahce"]), min_size=1, max_size=30),
       width=st.integers(4, 60), indent=st.integers(0, 30))
def test_a_hanging_line_keeps_every_word_and_fits(words: list[str], width: int, indent: int) -> None:
    """Wrapped with a hanging indent: no word lost or split when it fits, no row wider than
    asked, continuation rows indented (at most half the width, so the text keeps room)."""
    text = " ".join(words)
    rows = render.hang(render.plain(text), width, indent)
    assert all(row.cell_length <= width for row in rows)
    if all(len(word) <= width - width // 2 for word in words):  # else a word is folded
        assert " ".join(row.plain for row in rows).split() == text.split()
    for row in rows[1:]:
        assert row.plain.startswith(" " * min(indent, width // 2))
