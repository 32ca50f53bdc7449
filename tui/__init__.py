"""liveblog-tui: replay a news live blog in the terminal."""

__version__ = "0.1.0"
