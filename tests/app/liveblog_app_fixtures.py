"""Hand-built blogs for the app tests (not a test module).

Independent of the parser: posts are built from tui.core.model directly, so
the app tests say exactly which posts exist, on which day, at which time.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tui.core.model import Blog, BlogMeta, Post, Summary

TZ = ZoneInfo("Europe/Istanbul")
HOSTILE = ("[US]", "[/]", "[bold]x[/bold]", "[@click=app.quit]")

# (day of May 2025, hh:mm, estimated, paragraphs)
SPEC: list[tuple[int, str, bool, tuple[str, ...]]] = [
    (14, "09:00", False, ("Alpha: Russian delegation led by Vladimir Medinsky arrives in Istanbul.",)),
    (14, "10:30", True, ("Bravo: Zelensky says Kiev will decide [US] later.", "Second paragraph of bravo.")),
    (14, "12:00", False, ("Charlie: talks planned for Thursday at Dolmabahce Palace.",)),
    (14, "18:45", True, ("Delta: markup probe [/] and [bold]x[/bold] and [@click=app.quit] stay verbatim.",)),
    (15, "08:15", False, ("Echo: the Ukrainian delegation arrives in Ankara.",)),
    (15, "11:00", False, ("Foxtrot: talks rescheduled for Friday, TASS reports.",)),
    (15, "16:20", True, ("Golf: Rubio lands in Istanbul, AFP has reported.",)),
    (16, "09:30", False, ("Hotel: talks between Russian and Ukrainian delegations begin.",)),
    (16, "11:10", False, ("India: the talks concluded after less than two hours.", "Medinsky says Moscow is satisfied.")),
    (16, "14:00", True, ("Juliet: the Russian delegation has left Istanbul.",)),
]


def make_blog(spec: list[tuple[int, str, bool, tuple[str, ...]]] | None = None, *, summary: str = "Summary: talks ended with a POW exchange [US].") -> Blog:
    spec = SPEC if spec is None else spec
    posts: list[Post] = []
    line = 3
    for seq, (day, hhmm, estimated, paragraphs) in enumerate(spec, 1):
        hour, minute = map(int, hhmm.split(":"))
        posts.append(
            Post(
                seq=seq,
                day=date(2025, 5, day),
                time=datetime(2025, 5, day, hour, minute, tzinfo=TZ),
                time_estimated=estimated,
                first_line=line,
                last_line=line + len(paragraphs) - 1,
                paragraphs=paragraphs,
            )
        )
        line += len(paragraphs)
    return Blog(
        meta=BlogMeta(title="Test talks", outlet="RT", order="newest-first", timezone="Europe/Istanbul"),
        tz=TZ,
        summary=Summary(summary, 1, 1) if summary else None,
        posts=posts,
        days=sorted({p.day for p in posts}),
        order="newest-first",
        source="test-blog.txt",
    )


def big_blog(n: int, words: int = 40) -> Blog:
    """n posts, one a minute from 14 May 08:00, for scale tests."""
    start = datetime(2025, 5, 14, 8, 0, tzinfo=TZ)
    posts = []
    for i in range(n):
        t = start + timedelta(minutes=i)
        text = f"Post {i + 1}: " + " ".join(f"word{(i * 7 + j) % 97}" for j in range(words))
        posts.append(Post(i + 1, t.date(), t, i % 3 == 0, i + 3, i + 3, (text,)))
    return Blog(
        meta=BlogMeta(title="Big", outlet="RT", timezone="Europe/Istanbul"),
        tz=TZ,
        summary=Summary("Big summary", 1, 1),
        posts=posts,
        days=sorted({p.day for p in posts}),
        order="newest-first",
        source="big.txt",
    )


_SVG_TEXT = re.compile(r'<text class="terminal-(?:\d+-)?r\d+" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">([^<]*)</text>')


def screen_text(app) -> str:
    """What the terminal shows, as plain text (one line per row), read from the
    app's own screenshot (App.export_screenshot: public, what a user sees)."""
    svg = app.export_screenshot()
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _SVG_TEXT.findall(svg):
        row = int(line)
        if row >= height:
            continue
        col = round(float(x) / 12.2)  # the exporter's cell width in pixels
        for char in html.unescape(text).replace("\xa0", " ").replace("\n", ""):
            cells = cell_len(char)
            if cells == 0 and 0 < col <= width:  # a combining mark joins the character before it
                rows[row][col - 1] += char
                continue
            if 0 <= col < width:
                rows[row][col] = char
                for extra in range(1, cells):  # a wide character covers the next cell
                    if col + extra < width:
                        rows[row][col + extra] = ""
            col += cells
    return "\n".join("".join(r) for r in rows)


def footer_text(app) -> str:
    """The bottom row: the key footer."""
    return screen_text(app).splitlines()[-1]


def feed_text(feed) -> str:
    """The feed's visible rows, as plain text."""
    return "\n".join(feed.render_line(y).text for y in range(feed.scrollable_content_region.height))


# ---- the app's public parts, for the Pilot tests ------------------------------------------
def feed(app):
    """The replay's feed (on the replay screen, even under a dialog)."""
    from tui.app.widgets.feed import FeedView

    return app.replay.query_one(FeedView)


def player(app):
    from tui.app.widgets.player_bar import PlayerBar

    return app.replay.query_one(PlayerBar)


def position(app) -> int:
    return app.session.clock.position


async def started(pilot) -> None:
    """Until the replay screen and its panes (mounted after the first frame) are up."""
    from tui.app.widgets.panes import DelegationsPane

    app = pilot.app
    for _ in range(50):
        try:
            if app.replay.query(DelegationsPane):
                break
        except LookupError:
            pass
        await pilot.pause()
    await pilot.pause()


_KEY_NAMES = {" ": "space", ".": "full_stop", ",": "comma", ":": "colon", "/": "slash", "?": "question_mark",
              "+": "plus", "-": "minus", "[": "left_square_bracket", "]": "right_square_bracket", "#": "number_sign",
              '"': "quotation_mark", "'": "apostrophe"}


_NAMED = {"enter", "escape", "backspace", "delete", "tab", "space", "up", "down", "left", "right", "home", "end",
          "pageup", "pagedown", "full_stop", "comma", "slash", "colon", "question_mark", "plus", "minus",
          "left_square_bracket", "right_square_bracket", "apostrophe"}


async def type_keys(pilot, *keys: str) -> None:
    """Keys as a fast typist (or a paste of keystrokes) sends them: all queued at
    once, then the app settles and its workers finish. Names ("enter") or text."""
    from textual import events

    app = pilot.app
    for key in keys:
        named = key in _NAMED or key.startswith(("ctrl+", "shift+"))
        for name in ([key] if named else list(key)):
            char = name if len(name) == 1 else {"enter": "\r", "escape": "\x1b", "space": " "}.get(name)
            app.post_message(events.Key(_KEY_NAMES.get(name, name), char))
    await settle(pilot)


async def settle(pilot) -> None:
    """Until the app's queues are drained and the filter and search workers are
    done (results handled); the loading and the follow workers may go on."""
    app = pilot.app
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        busy = any(w.group not in ("load", "follow") and w.is_running for w in app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet >= 2:  # two idle rounds: results posted by the last worker are handled
            return
    raise AssertionError("the filter / search workers did not finish")
