"""Suite-wide: no test reads or writes the user's real data directory.

Every test (and every process a test starts: the console script in tmux, the
browser test's server) gets its own LIVEBLOG_TUI_DATA_DIR under tmp_path, so
bookmarks are written there, never under the home directory.
"""

from __future__ import annotations

import pytest

from tui.core.bookmarks import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path_factory.mktemp("data")))
