"""Widgets of the replay app (feed, player bar, panes, filter bar)."""
