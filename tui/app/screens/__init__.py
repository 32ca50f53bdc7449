"""Screens of the replay app: the replay itself, and the help, post and go-to dialogs."""

from tui.app.screens.goto import GotoScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.post import PostScreen

__all__ = ["GotoScreen", "HelpScreen", "PostScreen"]
