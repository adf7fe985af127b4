"""`casckg`: the front door. Each command is one module of this package that declares its own
options and calls one library function; `main` turns the library's exceptions into a message
and an exit code: 0 fine, 1 the data has violations, 2 the input or configuration could not be
read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from casckg.ingest.contract import CasckgError, SourceError

from . import build, check, explore, export, extract, ingest, network, query, reason, serve, stats
from .common import BAD_INPUT, Formatter, err

#: The commands in the order `casckg --help` lists them.
COMMANDS = (build, reason, ingest, query, stats, check, extract, explore, export, serve, network)


def version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("casckg")
    except PackageNotFoundError:
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    """The `casckg` parser: every command's subparser, as the command module declares it."""
    top = argparse.ArgumentParser(
        prog="casckg",
        formatter_class=Formatter,
        description="casckg: a knowledge graph of security cooperation in Central Asia.",
        epilog="examples:\n  casckg build\n  casckg query --list\n"
        "  casckg query members-as-of --param org=institution/csto\n  casckg network --metric betweenness --top 20",
    )
    top.add_argument("--version", action="version", version=f"casckg {version()}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code (0 fine, 1 violations or skipped input, 2 unreadable input)."""
    args = parser().parse_args(argv)
    if not getattr(args, "func", None):
        parser().print_help()
        return BAD_INPUT
    try:
        return args.func(args)
    except SourceError as exc:
        for problem in exc.problems:
            err().print(str(problem), markup=False)
        err().print(f"{len(exc.problems)} problem(s); nothing was changed", markup=False)
        return BAD_INPUT
    except CasckgError as exc:
        err().print(f"error: {exc}", markup=False)
        return BAD_INPUT
    except KeyboardInterrupt:
        err().print("interrupted; nothing was changed")
        return 130


if __name__ == "__main__":
    sys.exit(main())
