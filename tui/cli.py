"""Command line: `liveblog-tui replay|serve|check|export|knowledge [FILE]`.

Every user-fixable problem is an InputError: one line on stderr, exit 2, no traceback.
"""

from __future__ import annotations

import argparse
import os
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
    p.add_argument("--follow", action="store_true",
                   help="follow FILE as it is written: read it again whenever it changes (the F key toggles it)")


def add_knowledge_options(p: argparse.ArgumentParser) -> None:
    """Where the panes' knowledge comes from: discovered from the posts, plus an optional override file."""
    p.add_argument("--knowledge", default=None, metavar="FILE",
                   help="knowledge TOML whose entries override discovery (default: FILE-stem.knowledge.toml if present)")
    p.add_argument("--no-knowledge", action="store_true",
                   help="ignore any knowledge file: everything is discovered from the posts")
    p.add_argument("--ner", choices=("rules", "spacy"), default="rules",
                   help="how names are found: rules (default) or spaCy's English model (pip install 'liveblog-tui[nlp]')")


class _OneLineParser(argparse.ArgumentParser):
    """A mistyped option is one line on stderr and exit 2, like every other user error
    (argparse would print the whole usage block first); --help still shows the usage."""

    def error(self, message: str):  # type: ignore[override]
        command = self.prog.split()[1:]  # "liveblog-tui replay": the line still starts "liveblog-tui:"
        where = f"{command[0]}: " if command else ""
        self.exit(2, f"liveblog-tui: {where}{message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="liveblog-tui",
        description="Replay a news live blog in the terminal.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add_file(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="*", metavar="FILE",
                       help="blog text file or saved page, - for standard input (default: the bundled RT Istanbul blog); "
                            "two or more files of one event are merged on one clock")
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
    add_knowledge_options(replay)

    serve = sub.add_parser(
        "serve",
        help="serve the replay to web browsers (each tab runs its own `replay FILE`)",
        description="Serve `liveblog-tui replay FILE` (with the options given here) to web browsers through "
                    "textual-serve: open the address it prints; every tab starts its own replay.",
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_file(serve)
    add_replay_options(serve)
    add_knowledge_options(serve)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 for every interface)")
    serve.add_argument("--port", default="8000", help="TCP port (default 8000)")
    serve.add_argument("--public-url", default=None, metavar="URL",
                       help="the address browsers reach the server at, if not http://HOST:PORT (behind a proxy)")

    check = sub.add_parser("check", help="summarise how the blog was parsed and what was discovered")
    add_file(check)
    add_knowledge_options(check)

    export = sub.add_parser("export", help="print the parsed blog")
    add_file(export)
    add_knowledge_options(export)
    export.add_argument("--format", choices=("json", "jsonl", "md"), default="json")
    export.add_argument("--at", type=int, default=None, metavar="SEQ", help="print the state as of post SEQ (0..N) instead")

    knowledge = sub.add_parser(
        "knowledge",
        help="print the knowledge discovered in the blog as a knowledge-file draft (TOML)",
        description="Print who is who as discovered from the posts (people with spellings, roles and sides; "
                    "parties; places; outlets), in the knowledge file's own format. Review it, edit it, and save it "
                    "as FILE-stem.knowledge.toml next to the blog: what it says then overrides discovery.",
    )
    add_file(knowledge)
    add_knowledge_options(knowledge)
    return parser


def check_files(args: argparse.Namespace) -> None:
    """`args.files` (0, 1 or more) and `args.file` (the first, or None); InputError for
    combinations that cannot work."""
    from tui.core.source import is_stdin

    files = getattr(args, "files", None)
    if files is None:  # a namespace made by hand with one `file`
        files = [args.file] if getattr(args, "file", None) is not None else []
    files = list(files)
    args.files = files
    args.file = files[0] if files else None
    if len(files) > 1:
        if sum(1 for f in files if is_stdin(f)) > 1:
            raise InputError("standard input can be read only once: name at most one blog as -")
        if getattr(args, "meta", None):
            raise InputError("--meta describes one blog: with several files, put each one's FILE-stem.toml next to it")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        check_files(args)
        if args.command == "replay":
            return replay(args)
        if args.command == "serve":
            from tui.serve import run_serve

            return run_serve(args)
        if args.command in ("check", "export", "knowledge"):
            from tui.cli_report import run_check, run_export, run_knowledge

            return {"check": run_check, "export": run_export, "knowledge": run_knowledge}[args.command](args)
    except InputError as err:
        print(f"liveblog-tui: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    return 0


def replay(args: argparse.Namespace) -> int:
    """Load and check everything BEFORE the app takes the terminal, then run it."""
    import gc

    from tui.app.launch import keys_from_terminal, prepare_replay

    # Imports and the parse allocate many containers that all live on; a cyclic
    # GC pass during start-up would only rescan them. The app turns it back on
    # (after freezing what start-up built) once its first frame is drawn.
    gc.disable()
    try:
        app = prepare_replay(args)  # raises InputError with a one-line message
        if not os.environ.get("TEXTUAL_DRIVER"):  # served (liveblog-tui serve): keys come from the web driver's stdin
            keys_from_terminal()  # the blog may have come on stdin: keys come from the terminal
    except BaseException:
        gc.enable()
        raise
    app.resume_gc_after_first_frame()
    app.run()
    return app.return_code or 0
