"""Command line: `liveblog-tui replay|check|export [FILE]`.

Every user-fixable problem is an InputError: one line on stderr, exit 2, no traceback.
"""

from __future__ import annotations

import argparse
import sys

from tui.core.errors import InputError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog-tui",
        description="Replay a news live blog in the terminal.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add_file(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", nargs="?", help="blog text file (default: the bundled RT Istanbul blog)")
        p.add_argument("--encoding", default="utf-8", help="text encoding of FILE (default: utf-8)")

    replay = sub.add_parser("replay", help="replay the blog in a terminal UI")
    add_file(replay)

    check = sub.add_parser("check", help="summarise how the blog was parsed")
    add_file(check)

    export = sub.add_parser("export", help="print the parsed blog")
    add_file(export)
    export.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "replay":
            print("liveblog-tui replay: not built yet", file=sys.stderr)
            return 1
        if args.command == "check":
            print("liveblog-tui check: not built yet", file=sys.stderr)
            return 1
        if args.command == "export":
            print("liveblog-tui export: not built yet", file=sys.stderr)
            return 1
    except InputError as err:
        print(f"liveblog-tui: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    return 0
