"""Where the bundled data lives, in a wheel (tui/_data) or a source checkout (data/)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_BLOG = "rt_istanbul_talks_2025-05.txt"


def data_dir() -> Path:
    packaged = resources.files("tui") / "_data"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data"


def bundled_blog() -> Path:
    return data_dir() / BUNDLED_BLOG
