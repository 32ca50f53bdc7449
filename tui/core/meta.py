"""A blog's description TOML -> BlogMeta, and its time zone.

A blog FILE may have a sibling FILE-stem.toml with the keys of BlogMeta, all
optional. Problems are InputErrors naming the file (and line:col for syntax).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace
from datetime import time, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.core.errors import InputError
from tui.core.model import BlogMeta
from tui.core.source import decode, read_bytes

ORDERS = ("newest-first", "oldest-first", "auto")
_KEYS = {f.name for f in fields(BlogMeta)}
_TOML_POS = re.compile(r"^(?P<msg>.*?)\s*\(at line (?P<line>\d+), column (?P<col>\d+)\)\s*$")
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.I)
_CLOCK = re.compile(r"^(?P<h>\d{1,2}):(?P<m>\d{2})$")


def sibling_meta_path(blog_path: str | Path) -> Path:
    """FILE-stem.toml next to FILE."""
    p = Path(blog_path)
    return p.with_name(p.stem + ".toml")


def parse_meta(text: str, *, source: str = "description", base: BlogMeta | None = None) -> BlogMeta:
    """The description TOML over `base` (default: BlogMeta()); InputError names source:line:col."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_POS.match(str(err))
        if m:
            raise InputError(f"{source}:{m['line']}:{m['col']}: {m['msg']}") from None
        if str(err).endswith("(at end of document)"):
            line = text.count("\n") + 1
            col = len(text.rsplit("\n", 1)[-1]) + 1
            msg = str(err).removesuffix("(at end of document)").strip()
            raise InputError(f"{source}:{line}:{col}: {msg} (at end of document)") from None
        raise InputError(f"{source}: {err}") from None
    values: dict[str, str | int] = {}
    for key, value in raw.items():
        if key not in _KEYS:
            continue  # later issues may add keys; unknown ones are not an error
        if key == "year":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
                raise InputError(f"{source}: year must be a whole number like 2025, got {value!r}")
            values[key] = value
            continue
        if not isinstance(value, str):
            raise InputError(f"{source}: {key} must be a string, got {type(value).__name__}")
        values[key] = value
    meta = replace(base or BlogMeta(), **values)  # type: ignore[arg-type]
    validate_meta(meta, source=source)
    return meta


def validate_meta(meta: BlogMeta, *, source: str = "description") -> None:
    if meta.order not in ORDERS:
        raise InputError(f"{source}: order must be one of {', '.join(ORDERS)}, got {meta.order!r}")
    resolve_timezone(meta.timezone, source=source)
    for key in ("day_start", "day_end"):
        parse_clock(getattr(meta, key), source=f"{source}: {key}")
    if parse_clock(meta.day_start) >= parse_clock(meta.day_end):
        raise InputError(f"{source}: day_start must be before day_end")


def parse_clock(value: str, *, source: str = "time") -> time:
    m = _CLOCK.match(value.strip())
    if not m or int(m["h"]) > 23 or int(m["m"]) > 59:
        raise InputError(f"{source}: expected HH:MM, got {value!r}")
    return time(int(m["h"]), int(m["m"]))


def resolve_timezone(name: str, *, source: str = "time zone") -> tzinfo:
    """An IANA zone ("Europe/Istanbul"), "UTC", or a fixed offset ("+03:00", "UTC+3")."""
    key = name.strip()
    if key.upper() in ("UTC", "GMT", "Z"):
        return timezone.utc
    m = _OFFSET.match(key)
    if m and int(m["h"]) <= 14:
        delta = timedelta(hours=int(m["h"]), minutes=int(m["m"] or 0))
        return timezone(delta if m["sign"] == "+" else -delta)
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InputError(
            f"{source}: unknown time zone {name!r}; use an IANA name like 'Europe/Istanbul' or an offset like '+03:00'"
        ) from None


def load_meta(
    blog_path: str | Path | None,
    *,
    meta_path: str | Path | None = None,
    timezone_override: str | None = None,
    default_timezone: str | None = None,
    default_title: str = "",
) -> BlogMeta:
    """The description for a blog: --meta, else the sibling TOML, else defaults.

    `default_timezone` and `default_title` (a saved page's own zone and title)
    stand in for the description's when it gives none; without a title the
    title is made from the file name.
    """
    base = BlogMeta(timezone=default_timezone or "UTC", title=default_title)
    path = Path(meta_path) if meta_path is not None else None
    if path is None and blog_path is not None:
        candidate = sibling_meta_path(blog_path)
        if candidate.is_file():
            path = candidate
    if path is not None:
        text = decode(read_bytes(path), "utf-8", source=str(path))
        meta = parse_meta(text, source=str(path), base=base)
    else:
        meta = base
    if not meta.title and blog_path is not None:
        meta = replace(meta, title=Path(blog_path).stem.replace("_", " "))
    if timezone_override:
        resolve_timezone(timezone_override, source="--timezone")
        meta = replace(meta, timezone=timezone_override)
    return meta
