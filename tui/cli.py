"""Command line: `liveblog-tui replay|check|export [FILE]`.

Every user-fixable problem is an InputError: one line on stderr, exit 2, no traceback.
"""

from __future__ import annotations

import argparse
import sys

from tui.core.errors import InputError




def add_replay_options(p: argparse.ArgumentParser) -> None:
    """Options of `replay` only (the app is imported lazily, see replay())."""
    known = {a.dest for a in p._actions}
    p.add_argument("--speed", type=float, default=None, metavar="X", help="clock speed multiplier (default 60: a minute a second)")
    p.add_argument("--pace", type=float, default=None, metavar="SECONDS", help="instead of --speed: one post every SECONDS")
    p.add_argument("--start-at", default=None, metavar="TIME|SEQ", help="start at a post number or a time (14:30, '15 May 12:00')")
    p.add_argument("--idle-cap", type=float, default=None, metavar="SECONDS",
                   help="longest real wait between two posts in speed mode (default 2; 0 = none: every gap takes gap/speed)")
    p.add_argument("--paused", action="store_true", help="start paused")
    if "knowledge" not in known:
        p.add_argument("--knowledge", default=None, metavar="FILE", help="knowledge TOML (default: bundled or FILE-stem.knowledge.toml)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog-tui",
        description="Replay a news live blog in the terminal.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add_file(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", nargs="?", help="blog text file (default: the bundled RT Istanbul blog)")
        p.add_argument("--encoding", default="utf-8", help="text encoding of FILE (default: utf-8)")
        p.add_argument("--meta", default=None, metavar="TOML", help="blog description (default: FILE-stem.toml next to FILE)")
        p.add_argument("--timezone", default=None, metavar="ZONE", help="time zone of the events, e.g. Europe/Istanbul or +03:00")

    from tui.app.keys import epilog  # the one key table (plain Python: no Textual import)

    replay = sub.add_parser(
        "replay",
        help="replay the blog in a terminal UI",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_file(replay)
    add_replay_options(replay)

    check = sub.add_parser("check", help="summarise how the blog was parsed")
    add_file(check)

    export = sub.add_parser("export", help="print the parsed blog")
    add_file(export)
    export.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    export.add_argument("--at", type=int, default=None, metavar="SEQ", help="print the state as of post SEQ (0..N) instead")
    if "knowledge" not in {a.dest for a in export._actions}:
        export.add_argument("--knowledge", default=None, metavar="FILE", help="knowledge TOML (default: bundled or FILE-stem.knowledge.toml)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "replay":
            return replay(args)
        if args.command in ("check", "export"):
            from tui.cli_report import run_check, run_export

            return run_check(args) if args.command == "check" else run_export(args)
    except InputError as err:
        print(f"liveblog-tui: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    return 0


def replay(args: argparse.Namespace) -> int:
    """Load and check everything BEFORE the app takes the terminal, then run it."""
    import gc

    from tui.app.launch import prepare_replay

    # Imports and the parse allocate many containers that all live on; a cyclic
    # GC pass during start-up would only rescan them. The app turns it back on
    # (after freezing what start-up built) once its first frame is drawn.
    gc.disable()
    try:
        app = prepare_replay(args)  # raises InputError with a one-line message
    except BaseException:
        gc.enable()
        raise
    app.resume_gc_after_first_frame()
    app.run()
    return app.return_code or 0
