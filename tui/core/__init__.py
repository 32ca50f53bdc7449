"""The core: parsing, knowledge, extraction, timeline, clock, query, export.

Plain Python. Nothing under tui.core may import textual (tests/core/test_import_hygiene.py).
"""
