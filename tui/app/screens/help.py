"""HelpScreen: every key binding of the screen underneath, grouped by where it acts.

Bindings are gathered from the live DOM (app, the screen below, and every widget
on it that belongs to this project, plus whatever is focused), so the list can
never drift from the code. Generic Textual widgets (Input, plain scroll views)
are left out unless focused: their editing keys would bury the app's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.app import render


@dataclass(frozen=True, slots=True)
class HelpEntry:
    keys: str  # "j, ↓"
    description: str
    hidden: bool  # not shown in the footer


@dataclass(frozen=True, slots=True)
class HelpGroup:
    title: str
    entries: tuple[HelpEntry, ...]


def group_title(node: DOMNode) -> str:
    """A node's HELP_GROUP, or its class name spelled out ("DelegationsPane" → "Delegations pane")."""
    title = getattr(node, "HELP_GROUP", "")
    if title:
        return title
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", type(node).__name__)
    return " ".join([words[0]] + [w.lower() for w in words[1:]]) if words else type(node).__name__


def _is_ours(node: DOMNode) -> bool:
    return type(node).__module__.startswith("tui.")


def gather_bindings(screen: Screen) -> list[HelpGroup]:
    """Groups of bindings active on `screen`: app first, then the screen, then its widgets."""
    app = screen.app
    focused = screen.focused
    focus_chain = set(focused.ancestors_with_self) if focused is not None else set()
    nodes: list[DOMNode] = [app, screen]
    for widget in screen.walk_children(with_self=False):
        if _is_ours(widget) or widget in focus_chain:
            nodes.append(widget)
    groups: list[HelpGroup] = []
    seen_classes: set[type] = set()
    for node in nodes:
        if type(node) in seen_classes:  # e.g. several chips: list their keys once
            continue
        seen_classes.add(type(node))
        entries = _entries(app, (binding for _key, binding in node._bindings))
        if entries:
            groups.append(HelpGroup(group_title(node), tuple(entries)))
    return groups


def _entries(app, bindings: Iterable[Binding]) -> list[HelpEntry]:
    """One entry per (action, description): keys bound to the same thing share a line."""
    order: list[tuple[str, str]] = []
    keys: dict[tuple[str, str], list[str]] = {}
    hidden: dict[tuple[str, str], bool] = {}
    for binding in bindings:
        description = binding.description or binding.action.replace("_", " ")
        ident = (binding.action, description)
        if ident not in keys:
            order.append(ident)
            keys[ident] = []
            hidden[ident] = True
        display = app.get_key_display(binding)
        if display not in keys[ident]:
            keys[ident].append(display)
        hidden[ident] = hidden[ident] and not binding.show
    return [HelpEntry(", ".join(keys[i]), i[1], hidden[i]) for i in order]


def render_group(group: HelpGroup, key_width: int) -> Content:
    lines: list[str | tuple[str, str] | Content] = [(group.title, "bold $accent")]
    for entry in group.entries:
        lines += ["\n  ", (entry.keys.ljust(key_width), "bold"), "  ", entry.description]
    return render.line(*lines)


class HelpScreen(ModalScreen[None]):
    """Lists every binding of the screen it was opened from; escape, q or ? closes."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close help"),
    ]

    def __init__(self, source: Screen | None = None) -> None:
        super().__init__()
        self._source = source
        self.groups: list[HelpGroup] = []

    def compose(self) -> ComposeResult:
        source = self._source or self._screen_below()
        self.groups = gather_bindings(source) if source is not None else []
        key_width = max((len(e.keys) for g in self.groups for e in g.entries), default=4)
        key_width = min(key_width, 24)
        with Vertical(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape / q / ? to close"
            with VerticalScroll(id="help-scroll"):
                for group in self.groups:
                    yield Static(render_group(group, key_width), classes="help-group")

    def _screen_below(self) -> Screen | None:
        stack = self.app.screen_stack
        if self in stack:
            index = stack.index(self)
            return stack[index - 1] if index > 0 else None
        return self.app.screen if self.app.screen is not self else None

    def text(self) -> str:
        """The help as plain text (for tests and the e2e check)."""
        return "\n".join(render_group(g, 0).plain for g in self.groups)

    def action_close(self) -> None:
        self.dismiss(None)
