"""The one table of keys: every binding of the replay, where it acts, what it does.

Everything that lists keys is generated from `KEYS`: the widgets' and screens'
BINDINGS (`bindings(scope)`), the footer (a binding's `footer` flag), the `?`
help (`help_groups()`), the command palette (`palette()`: every action with a
`title`), the CLI's `replay --help` epilog (`epilog()`) and the README's key
table (`markdown()`; tests/app/test_keys.py checks the README carries it).

Plain Python: the CLI imports this without loading Textual (Binding objects are
made on demand by `bindings()`).

Scopes (where a key acts):
  replay  the replay screen, whatever has the focus on it (player, prompts, panes);
          priority bindings, so a fast typist's keys act in the order typed and
          never land in a prompt that has just closed; keys an input consumes
          (letters, digits) type there instead
  feed    the feed of posts            pane    a fact list or the people grid
  filter  the filter bar's input       search  the search bar's input
  goto    the go-to prompt             help / post   those dialogs
  bookmark  the bookmark note prompt   bookmarks     the list of bookmarks
  timeline  the timeline view (its marks, the zoom, closing it)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Key:
    keys: str  # Textual key names, comma-separated ("plus,equals_sign")
    action: str  # the action in its scope ("step(1)")
    description: str  # short: footer and help
    scope: str
    doc: str = ""  # the README / epilog row (rows with the same doc are one row)
    shown: str = ""  # how the README and the epilog write the keys ("+ -", "0…9")
    footer: bool = False  # shown in the footer (only where it acts)
    title: str = ""  # the command palette's title ("" = not in the palette)
    command: str = ""  # the replay screen's action the palette runs (default: action)
    priority: bool = False

    @property
    def palette_action(self) -> str:
        return self.command or self.action


SCOPE_TITLES = {
    "replay": "Player (anywhere on the replay)",
    "feed": "Feed",
    "pane": "Panes",
    "filter": "Filter bar",
    "search": "Search bar",
    "goto": "Go to",
    "timeline": "Timeline view",
    "help": "Help",
    "post": "Post",
    "bookmark": "Bookmark note",
    "bookmarks": "Bookmarks",
}

_R = "replay"
KEYS: tuple[Key, ...] = (
    Key("space", "toggle_play", "Play/pause", _R, "play / pause", "space", True, "Play / pause", priority=True),
    Key("full_stop", "step(1)", "Step", _R, "step one post forward / back (paused or playing)", ".", False, "Step forward", priority=True),
    Key("comma", "step(-1)", "Back", _R, "step one post forward / back (paused or playing)", ",", False, "Step back", priority=True),
    Key("plus,equals_sign", "faster", "Faster", _R, "faster / slower: next rung of the speed ladder (pace mode: halve / double)", "+", False, "Faster (next speed up)", priority=True),
    Key("minus,underscore", "slower", "Slower", _R, "faster / slower: next rung of the speed ladder (pace mode: halve / double)", "-", False, "Slower (next speed down)", priority=True),
    Key("i", "idle_cap", "Idle cap", _R, "idle cap: the longest real wait between two posts (0.5 s … 30 s, none)", "i", False, "Idle cap (next)", priority=True),
    Key("p", "toggle_pace", "Pace", _R, "pace mode: one post every 2 s, whatever the gap", "p", False, "Pace mode", priority=True),
    Key("right_square_bracket", "next_day", "Next day", _R, "first post of the next / previous day", "]", False, "Next day", priority=True),
    Key("left_square_bracket", "prev_day", "Prev day", _R, "first post of the next / previous day", "[", False, "Previous day", priority=True),
    Key("right_curly_bracket", "key_event(1)", "Next event", _R, "next / previous key event: a post that changes a pane (the status bar says what)", "}", False, "Next key event (a post that changes a pane)", priority=True),
    Key("left_curly_bracket", "key_event(-1)", "Prev event", _R, "next / previous key event: a post that changes a pane (the status bar says what)", "{", False, "Previous key event", priority=True),
    *(
        Key(str(d), f"seek_percent({d * 10})", f"{d * 10}%", _R, "jump to 0 % … 90 % of the time span",
            "0…9" if d == 0 else "", False, f"Jump to {d * 10}%", priority=True)
        for d in range(10)
    ),
    Key("r", "restart", "Restart", _R, "restart at post 1 / jump to the end (reveals the summary)", "r", False, "Restart at post 1", priority=True),
    Key("e", "end", "End", _R, "restart at post 1 / jump to the end (reveals the summary)", "e", False, "Jump to the end", priority=True),
    Key("colon,t", "goto", "Go to", _R, "go to a post (37, #37) or a time (14:30, 15 May 12:00, fri)", ": t", True, "Go to a post or a time", priority=True),
    Key("slash", "search", "Search", _R, "search (literal; re: for a regex); n N next / previous match", "/", True, "Search", priority=True),
    Key("n", "search_next", "Next match", _R, "search (literal; re: for a regex); n N next / previous match", "n", False, "Next match", priority=True),
    Key("N", "search_prev", "Prev match", _R, "search (literal; re: for a regex); n N next / previous match", "N", False, "Previous match", priority=True),
    Key("f", "filter", "Filter", _R, "filter: words, person:, delegation:, outlet:, day: — chips with counts", "f", True, "Filter", priority=True),
    Key("ctrl+x", "clear_filter", "Clear filter", _R, "clear the filter (from anywhere, the filter bar too)", "ctrl+x", False, "Clear the filter", priority=True),
    Key("F", "toggle_follow", "Follow", _R, "follow the file: read it again when it changes, new posts arrive live (--follow)", "F", False, "Follow the file (on / off)", priority=True),
    Key("v", "toggle_panes", "Panes", _R, "show / hide the panes (brings back panes hidden with D S M)", "v", False, "Show / hide the panes", priority=True),
    Key("T", "timeline", "Timeline", _R, "timeline view: lanes per party, meetings, schedule changes, up to the playhead", "T", False, "Timeline view", priority=True),
    Key("D", "toggle_pane('delegations')", "Delegations", _R, "show / hide the delegations, schedule, meetings pane", "D", False, "Toggle the delegations pane", priority=True),
    Key("S", "toggle_pane('schedule')", "Schedule", _R, "show / hide the delegations, schedule, meetings pane", "S", False, "Toggle the schedule pane", priority=True),
    Key("M", "toggle_pane('meetings')", "Meetings", _R, "show / hide the delegations, schedule, meetings pane", "M", False, "Toggle the meetings pane", priority=True),
    Key("m", "bookmark", "Bookmark", _R, "bookmark the selected post (else the playhead's), with an optional note", "m", False, "Bookmark this post (with a note)", priority=True),
    Key("apostrophe,B", "bookmarks", "Bookmarks", _R, "bookmarks: jump to one (enter), delete one (d)", "' B", False, "List bookmarks", priority=True),
    Key("question_mark", "help", "Help", _R, "help: every key", "?", True, "Help", priority=True),
    Key("q", "quit", "Quit", _R, "quit", "q", True, "Quit", priority=True),
    # The feed (where the focus usually is).
    Key("down,j", "cursor_down", "Next post", "feed", "select the next / previous post", "j ↓", False, "Select the next post", "select_next"),
    Key("up,k", "cursor_up", "Prev post", "feed", "select the next / previous post", "k ↑", False, "Select the previous post", "select_prev"),
    Key("pagedown", "page_down", "Page down", "feed", "page down / up", "PgDn", False),
    Key("pageup", "page_up", "Page up", "feed", "page down / up", "PgUp", False),
    Key("home,g", "first", "Oldest", "feed", "oldest post shown / newest post (and follow new posts again)", "g Home", False, "Oldest post", "oldest"),
    Key("end,G", "last", "Newest", "feed", "oldest post shown / newest post (and follow new posts again)", "G End", False, "Newest post (follow)", "newest"),
    Key("enter", "open", "Open", "feed", "open the selected post in full, with the facts it is the source of", "enter", True, "Open the selected post", "open_post"),
    Key("escape", "clear_search", "Clear search", "feed", "feed: clear the search and its highlights", "escape", False,
        "Clear the search", "close_search"),
    # Fact lists and the people grid.
    Key("j", "cursor_down", "Down", "pane", "move in a pane; enter jumps the feed to the fact's source post", "j ↓"),
    Key("k", "cursor_up", "Up", "pane", "move in a pane; enter jumps the feed to the fact's source post", "k ↑"),
    # Prompts and dialogs. A dialog's closing keys are priority bindings: they act in the order
    # typed, so keys typed right after them reach the replay (see tui.app.screens.dialog).
    Key("enter", "apply", "Apply", "filter", "filter bar: apply and close / close, keeping the filter", "enter", False, priority=True),
    Key("escape", "close", "Close", "filter", "filter bar: apply and close / close, keeping the filter", "escape", True, priority=True),
    Key("enter", "submit", "Find", "search", "search bar: jump to the first match / clear the search", "enter", True, priority=True),
    Key("escape", "cancel", "Clear", "search", "search bar: jump to the first match / clear the search", "escape", True, priority=True),
    Key("enter", "submit", "Jump", "goto", "go-to prompt: enter jumps, escape cancels", "enter", True, priority=True),
    Key("escape", "cancel", "Cancel", "goto", "go-to prompt: enter jumps, escape cancels", "escape", True, priority=True),
    Key("right,l", "next_mark", "Next mark", "timeline", "timeline: next / previous mark in the lane; lane below / above", "→ l", False),
    Key("left,h", "prev_mark", "Prev mark", "timeline", "timeline: next / previous mark in the lane; lane below / above", "← h", False),
    Key("down,j", "lane(1)", "Lane below", "timeline", "timeline: next / previous mark in the lane; lane below / above", "↓ j", False),
    Key("up,k", "lane(-1)", "Lane above", "timeline", "timeline: next / previous mark in the lane; lane below / above", "↑ k", False),
    Key("home", "first_mark", "First", "timeline", "timeline: first / last mark (the latest before the playhead)", "Home", False),
    Key("end", "last_mark", "Last", "timeline", "timeline: first / last mark (the latest before the playhead)", "End", False),
    Key("enter", "select", "Go to post", "timeline", "timeline: jump the feed to the selected mark's source post", "enter", True),
    Key("z", "zoom", "Zoom", "timeline", "timeline: time axis up to the playhead / over the whole blog", "z", True),
    Key("escape,q,T", "close", "Close", "timeline", "timeline: close", "escape q T", True),
    Key("escape,q,question_mark", "close", "Close", "help", "close the help", "escape q ?", True, priority=True),
    Key("escape,q,enter", "close", "Close", "post", "close the post", "escape q enter", True, priority=True),
    Key("enter", "save", "Save", "bookmark", "bookmark note: enter saves (an empty note is fine), escape cancels", "enter", True, priority=True),
    Key("escape", "cancel", "Cancel", "bookmark", "bookmark note: enter saves (an empty note is fine), escape cancels", "escape", True, priority=True),
    Key("d,delete", "delete", "Delete", "bookmarks", "bookmark list: enter jumps, d deletes, u undoes the delete, escape closes", "d", True),
    Key("u", "undo", "Undo", "bookmarks", "bookmark list: enter jumps, d deletes, u undoes the delete, escape closes", "u", True),
    Key("escape,q", "close", "Close", "bookmarks", "bookmark list: enter jumps, d deletes, u undoes the delete, escape closes", "escape", True, priority=True),
)


# Key names whose key types a character into an input (Textual's key_to_character
# does not know some of them, e.g. "slash", "plus").
_CHARACTERS = {"space": " ", "full_stop": ".", "comma": ",", "plus": "+", "equals_sign": "=", "minus": "-",
               "underscore": "_", "left_square_bracket": "[", "right_square_bracket": "]", "colon": ":",
               "slash": "/", "question_mark": "?", "apostrophe": "'",
               "left_curly_bracket": "{", "right_curly_bracket": "}"}


def types_text(key: Key) -> bool:
    """Whether one of the key's keys would type a character into an input."""
    return any(len(name) == 1 or name in _CHARACTERS for name in key.keys.split(","))


def typing_actions(scope: str = "replay") -> frozenset[str]:
    """Actions (names without arguments) bound to keys that type text: inert while an input has the focus."""
    return frozenset(k.action.split("(")[0] for k in KEYS if k.scope == scope and types_text(k))


def bindings(scope: str) -> list:
    """Textual Binding objects for one scope (imports Textual)."""
    from textual.binding import Binding

    return [
        Binding(k.keys, k.action, k.description, show=k.footer, priority=k.priority, tooltip=k.doc)
        for k in KEYS
        if k.scope == scope
    ]


def palette() -> list[Key]:
    """Every action the command palette offers (run on the replay screen)."""
    return [k for k in KEYS if k.title]


@dataclass(frozen=True, slots=True)
class Row:
    keys: str
    doc: str
    scope: str


def rows(scopes: tuple[str, ...] = ("replay", "feed", "pane", "filter", "search", "goto", "bookmark", "bookmarks",
                                     "timeline")) -> list[Row]:
    """One row per documented action (keys sharing a doc line are one row), in table order."""
    out: list[Row] = []
    for k in KEYS:
        if k.scope not in scopes or not k.doc:
            continue
        shown = k.shown
        if out and out[-1].doc == k.doc and out[-1].scope == k.scope:
            if shown:
                out[-1] = Row(f"{out[-1].keys} {shown}", k.doc, k.scope)
            continue
        out.append(Row(shown, k.doc, k.scope))
    return out


def help_groups() -> list[tuple[str, list[Row]]]:
    """The `?` help: rows grouped by where they act."""
    groups: list[tuple[str, list[Row]]] = []
    for scope, title in SCOPE_TITLES.items():
        scope_rows = rows((scope,))
        if scope_rows:
            groups.append((title, scope_rows))
    groups.append(("Anywhere", [Row("ctrl+p", "command palette: every action by name", "app"),
                                Row("tab shift+tab", "move the focus: feed → panes → …", "app")]))
    return groups


def epilog() -> str:
    """`liveblog-tui replay --help`'s key list."""
    lines = ["keys (also in the app: ? for help, ctrl+p for the command palette):"]
    for row in rows():
        lines.append(f"  {row.keys:<14} {row.doc}")
    lines.append(f"  {'ctrl+p':<14} command palette: every action by name")
    return "\n".join(lines) + "\n"


def markdown() -> str:
    """The README's key table."""
    lines = ["| key | action |", "|---|---|"]
    for row in rows():
        keys = " ".join(f"`{k}`" for k in row.keys.split())
        lines.append(f"| {keys} | {row.doc} |")
    lines.append("| `ctrl+p` | command palette: every action by name |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # python -m tui.app.keys: print the README table
    print(markdown(), end="")
