"""No tui.core module may import textual (the core must run headless and fast)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))


def test_core_modules_found() -> None:
    assert {"tui.core.parse", "tui.core.load", "tui.core.grouping", "tui.core.export"} <= set(core_modules())


def test_no_core_module_imports_textual() -> None:
    imports = "; ".join(f"import {m}" for m in core_modules())
    code = f"{imports}; import sys; bad = [m for m in sys.modules if m == 'textual' or m.startswith('textual.')]; assert not bad, bad"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
