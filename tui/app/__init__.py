"""Textual layer of liveblog-tui: renders the core's timeline, derives no facts.

Import `ReplayApp` from `tui.app.app`; this package stays light so importing a
helper (e.g. tui.app.render) does not load the whole app.
"""
