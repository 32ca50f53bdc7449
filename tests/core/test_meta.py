"""The blog description TOML: defaults, sibling lookup, overrides, errors with file:line:col."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.meta import load_meta, parse_meta, resolve_timezone, sibling_meta_path


def test_sibling_path() -> None:
    assert sibling_meta_path("/x/blog.txt") == Path("/x/blog.toml")


def test_defaults_without_description(tmp_path: Path) -> None:
    meta = load_meta(tmp_path / "my_live_blog.txt")
    assert meta.timezone == "UTC" and meta.order == "auto" and meta.title == "my live blog"


def test_sibling_is_used_and_overrides_apply(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_text('title = "T"\norder = "oldest-first"\ntimezone = "Europe/Istanbul"\n')
    meta = load_meta(tmp_path / "b.txt")
    assert (meta.title, meta.order, meta.timezone) == ("T", "oldest-first", "Europe/Istanbul")
    assert load_meta(tmp_path / "b.txt", timezone_override="+05:30").timezone == "+05:30"


def test_malformed_toml_reports_file_line_col(tmp_path: Path) -> None:
    bad = tmp_path / "b.toml"
    bad.write_text('title = "ok"\norder = newest-first\n')
    with pytest.raises(InputError) as e:
        load_meta(tmp_path / "b.txt")
    assert str(e.value).startswith(f"{bad}:2:9: ")


@pytest.mark.parametrize(
    "text,expected",
    [
        ('order = "sideways"', "order must be one of"),
        ('timezone = "Mars/Olympus"', "unknown time zone"),
        ('day_start = "25:00"', "expected HH:MM"),
        ('day_start = "20:00"\nday_end = "08:00"', "day_start must be before day_end"),
        ("title = 3", "must be a string"),
        ('year = "2025"', "year must be a whole number"),
        ("year = 0", "year must be a whole number"),
    ],
)
def test_invalid_values(text: str, expected: str) -> None:
    with pytest.raises(InputError) as e:
        parse_meta(text, source="d.toml")
    assert expected in str(e.value) and str(e.value).startswith("d.toml")


def test_timezone_forms() -> None:
    assert resolve_timezone("UTC").utcoffset(None) == timedelta(0)
    assert resolve_timezone("+03:00").utcoffset(None) == timedelta(hours=3)
    assert resolve_timezone("UTC-5").utcoffset(None) == timedelta(hours=-5)
    assert str(resolve_timezone("Europe/Istanbul")) == "Europe/Istanbul"


def test_year_is_a_number() -> None:
    assert parse_meta("year = 2024").year == 2024
    assert parse_meta("").year is None
