"""Modal screens of the replay app: help, a post in full, and the go-to prompt."""

from tui.app.screens.goto import GotoScreen
from tui.app.screens.help import HelpScreen, gather_bindings
from tui.app.screens.post import PostScreen

__all__ = ["GotoScreen", "HelpScreen", "PostScreen", "gather_bindings"]
