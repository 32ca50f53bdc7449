"""Hostile post text: markup look-alikes, escape/control bytes, RTL, combining
characters, wide characters and 5,000-character words.

Through the real CLI (export/check) and the app (Pilot): bracket text arrives
verbatim, no raw control byte survives to the output or the screen, escape
bytes are visible, and nothing raises or quits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import hardening_blogs as hb
import liveblog_app_fixtures as fx
import pytest
from rich.cells import cell_len

from tui.app.app import ReplayApp
from tui.core.load import load_blog

CONTROL = re.compile(hb.CONTROL)
SCREEN_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # a screen row has no \n or \t either
VISIBLE_ESC = ("\u241b", "^[", "<ESC>", "\\x1b", "\\e")  # any visible spelling of ESC


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    return hb.write(tmp_path, "hostile.txt", hb.hostile_text())


def assert_no_controls(text: str, where: str) -> None:
    found = CONTROL.search(text)
    assert found is None, f"{where}: raw control U+{ord(found.group()):04X} at {found.start()}: {text[max(0, found.start() - 30):found.start() + 30]!r}"


def assert_escape_visible(text: str) -> None:
    for visible in VISIBLE_ESC:
        if f"{visible}[31mred" in text:
            return
    raise AssertionError(f"ESC before [31m is not shown visibly: {text[:200]!r}")


# ---------------------------------------------------------------- CLI

def test_export_keeps_brackets_verbatim_and_neutralises_controls(hostile_file: Path) -> None:
    doc = hb.export_json(hostile_file)
    texts = [e["text"] for e in doc["entries"]]
    assert len(texts) == len(hb.HOSTILE_POSTS)  # one post per stamp
    everything = "\n".join(texts)
    for token in hb.MARKUP:
        assert token in everything, token
    assert texts[0] == hb.HOSTILE_POSTS[0] and texts[1] == hb.HOSTILE_POSTS[1]  # oldest first, exact
    assert texts[2] == hb.HOSTILE_POSTS[2] and texts[3] == hb.HOSTILE_POSTS[3]
    assert "[bold]markup[/bold]" in doc["summary"]["text"]
    # Text without controls is untouched: combining, emoji, the long word; RTL text keeps its
    # letters, but its bidirectional override (which reorders what a terminal shows) is made visible.
    for i in (7, 8, 9):
        assert texts[i] == hb.HOSTILE_POSTS[i], i
    assert texts[6] == hb.HOSTILE_POSTS[6].replace("\u202e", "<U+202E>").replace("\u202c", "<U+202C>")
    # Controls: none raw, ESC visible, every other control visible too (same text around them).
    raw = json.dumps(doc, ensure_ascii=False)
    assert_no_controls(raw, "export json")
    assert_escape_visible(texts[4])
    assert texts[4].startswith("ANSI ") and texts[4].endswith(" end.") and "red" in texts[4] and "title" in texts[4]
    assert texts[5].startswith("Controls ") and texts[5].endswith(" end.")
    assert len(texts[5]) >= len(hb.HOSTILE_POSTS[5])  # every control replaced by something visible, none dropped


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_other_export_formats_and_check_have_no_raw_controls(hostile_file: Path, fmt: str) -> None:
    run = hb.run_cli("export", hostile_file, "--format", fmt)
    hb.assert_ok(run)
    assert_no_controls(run.stdout, f"export --format {fmt}")
    for token in hb.MARKUP:
        assert token in run.stdout, token
    check = hb.run_cli("check", hostile_file)
    hb.assert_ok(check)
    assert_no_controls(check.stdout, "check")
    assert "control" in check.stdout.lower()  # the user is told that bytes were made visible


def test_nul_beyond_the_binary_sniff_is_made_visible(tmp_path: Path) -> None:
    filler = [f"Officials said item {i} of the long list was agreed." for i in range(300)]  # > 8 KB
    text = hb.one_day_blog([*filler, "A NUL \x00 byte late in the file."])
    path = hb.write(tmp_path, "late-nul.txt", text)
    run = hb.run_cli("export", path, "--format", "jsonl")
    if run.returncode == 2:  # refusing the file as binary is also a clean answer
        hb.assert_clean_error(run, "late-nul.txt")
        return
    hb.assert_ok(run)
    assert_no_controls(run.stdout, "export")
    assert "A NUL " in run.stdout and " byte late in the file." in run.stdout


# ---------------------------------------------------------------- app (Pilot)

CONTROL_ENTITY = re.compile(r"&#(?:x([0-9a-fA-F]+)|([0-9]+));")


def screen_lines(app) -> list[str]:
    """The rows on screen, as text (App.export_screenshot), after checking that no
    control character is among them, raw or as an SVG character reference."""
    svg = app.export_screenshot()
    body = svg[svg.index("<g "):] if "<g " in svg else svg  # the text, not the SVG's own newlines
    for line in body.splitlines():
        found = SCREEN_CONTROL.search(line.replace("\n", ""))
        assert found is None, f"raw control U+{ord(found.group()):04X} on screen in {line[:120]!r}"
    for hexa, dec in CONTROL_ENTITY.findall(body):
        code = int(hexa, 16) if hexa else int(dec)
        assert not (code < 32 and code not in (9, 10, 13)) and not 127 <= code < 160, f"control U+{code:04X} on screen"
    return fx.screen_text(app).splitlines()


async def wait_for_timeline(app, pilot) -> None:
    for _ in range(200):
        if app.session.timeline is not None:
            return
        await pilot.pause(0.01)
    raise AssertionError("the timeline worker did not finish")


def make_app(path: Path, **kw) -> ReplayApp:
    return ReplayApp(load_blog(path), paused=True, **kw)


async def test_feed_and_post_screen_show_hostile_text_as_typed(hostile_file: Path) -> None:
    app = make_app(hostile_file, start_at=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_timeline(app, pilot)
        await pilot.press("v")  # panes off: the feed is wide enough for each post on one row
        await pilot.pause()
        expected = [p.text for p in app.session.blog.posts]
        for k in range(1, len(expected) + 1):
            app.replay.seek(k)
            await pilot.pause()
            text = "\n".join(screen_lines(app))
            if k <= 4:  # the markup look-alikes, verbatim
                assert expected[k - 1] in text, (k, expected[k - 1], text)
            if k == 5:
                assert_escape_visible(text)
            # RTL, combining, wide: the words arrive as written (the terminal does the shaping).
            for word in {7: ("مرحبا بكم", "שלום עליכם", "override"), 8: ("e\u0301", "Z\u0336\u0337\u0338", "Vietnamese"),
                         9: ("中文字", "ｗｉｄｅ", "🇺🇦")}.get(k, ()):
                assert word in text, (k, word)
        # The post screen of each markup post shows it verbatim too.
        for k in range(1, 5):
            fx.feed(app).select(k)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is not app.screen_stack[0], "enter did not open the post"
            text = "\n".join(screen_lines(app))
            assert expected[k - 1] in text, (k, text)
            await pilot.press("escape")
            await pilot.pause()
        assert app.is_running and app.return_code is None


async def test_clicking_the_click_markup_does_not_quit(hostile_file: Path) -> None:
    app = make_app(hostile_file, start_at=3)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_timeline(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        rows = screen_lines(app)
        hits = [(y, row.find("[@click=app.quit]z[/]")) for y, row in enumerate(rows) if "[@click=app.quit]z[/]" in row]
        assert hits, "\n".join(rows)
        y, x = hits[0]
        x = cell_len(rows[y][:x]) + len("[@click=app.quit]")  # the cell of "z"
        await pilot.click(offset=(x, y))
        await pilot.pause()
        await pilot.click(offset=(x, y), times=2)
        await pilot.pause()
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize("size", [(20, 8), (12, 6), (200, 50)])
async def test_long_words_and_wide_text_at_any_width(hostile_file: Path, size: tuple[int, int]) -> None:
    app = make_app(hostile_file, start_at=len(hb.HOSTILE_POSTS))
    async with app.run_test(size=size) as pilot:
        await wait_for_timeline(app, pilot)
        for keys in ((), ("v", "home"), ("enter",), ("escape", "G", "comma", "full_stop")):
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            for row in screen_lines(app):
                assert cell_len(row) <= size[0], (size, keys, row)
        for width, height in ((size[0] + 7, size[1] + 3), size):  # resize with the long word on screen
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            for row in screen_lines(app):
                assert cell_len(row) <= width
        assert app.is_running
