"""The command line: `refarch COMMAND ...`. The only module that maps errors to exit codes.

Each command lives in ``linter/commands/<name>.py`` with ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args, io) -> int``; they write only to the streams in
``io``. Exit codes: 0 clean, 1 findings at or above the failure level, 2 usage, input or
internal error.
"""

from __future__ import annotations

import argparse
import io as io_module
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO, cast

from linter import __version__
from linter.commands import COMMANDS
from linter.core.errors import EXIT_ERROR, RefarchError
from linter.core.signals import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, sigterm_raises
from linter.core.text import escape_controls


@dataclass
class IO:
    """Where a command writes. ``out`` and ``err`` escape what a terminal would act on
    (:func:`escape_controls`: ESC sequences, CR, BEL, bidirectional overrides) wherever the
    text came from: file names, git metadata, plan and KB text. ``raw_out`` is for output
    that escaped what it quotes and adds control sequences of its own (colour)."""

    out: TextIO
    err: TextIO
    raw_out: TextIO | None = None

    def escaping(self) -> IO:
        """This IO with escaping streams (the unescaped one kept as ``raw_out``)."""
        if isinstance(self.out, _Escaping):
            return self
        return IO(_Escaping.wrap(self.out), _Escaping.wrap(self.err), self.raw_out or self.out)

    @property
    def color(self) -> bool:
        """NO_COLOR wins, then FORCE_COLOR; otherwise colour on a terminal that is not
        ``TERM=dumb``."""
        if os.environ.get("NO_COLOR"):
            return False
        if os.environ.get("FORCE_COLOR"):
            return True
        if os.environ.get("TERM") == "dumb":
            return False
        return hasattr(self.out, "isatty") and self.out.isatty()


class _Escaping(io_module.TextIOBase):
    """A text stream that writes controls and bidirectional overrides as ``\\uXXXX``."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    @classmethod
    def wrap(cls, stream: TextIO) -> TextIO:
        return cast(TextIO, cls(stream))

    def write(self, text: str) -> int:
        self.stream.write(escape_controls(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return hasattr(self.stream, "isatty") and self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


DESCRIPTION = """\
AI-factory reference architectures as code: check deployment plans against their
pinned architecture and physical limits, size infrastructure from model, users
and targets, and review the knowledge base's monthly releases."""
EXIT_CODES = """exit codes:
  0    clean: no finding at or above the failure level
  1    findings at or above the failure level (diff: the two sides differ;
       review --check: release problems)
  2    usage, input or internal error (a message names the file and line)
  130  interrupted (SIGINT)
  143  terminated (SIGTERM)"""
TOP_EXAMPLES = (
    "refarch lint plans/",
    "refarch size --model llama-3.3-70b --precision fp8 --system dgx-h100 --users 1000 "
    "--input-tokens 5000 --output-tokens 500 --ttft-ms 1000 --tokens-per-s 17",
    "refarch show gb200-nvl72",
    "refarch review --from 2026.11 --to 2026.12",
    "refarch COMMAND --help",
)


def _epilog(examples: Sequence[str]) -> str:
    shown = "\n".join(f"  {e}" for e in examples)
    return (f"examples:\n{shown}\n\n" if examples else "") + EXIT_CODES


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise RefarchError(
            f"{message} (see {self.prog} --help)"
        )  # "refarch: error: " is added once


def _command_name(argv: Sequence[str]) -> str | None:
    """The command word in ``argv`` (the first argument that is not a global option)."""
    args = iter(argv)
    for arg in args:
        if arg in ("-h", "--help", "--version"):
            return None
        if arg == "--kb":
            next(args, None)
        elif arg == "--":
            return next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv`` naming a command, only that command is set up (its module
    imported, its options added), so start-up pays for that one command alone."""
    selected = None if argv is None else _command_name(argv)
    commands = [c for c in COMMANDS if selected == c.NAME] or COMMANDS
    parser = _Parser(
        prog="refarch",
        description=DESCRIPTION,
        epilog=_epilog(TOP_EXAMPLES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"refarch {__version__}")
    parser.add_argument(
        "--kb",
        metavar="DIR",
        help="knowledge base directory (default: $REFARCH_KB, else the architectures/ of the "
        "refarch checkout you are in, else the KB shipped with refarch)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for cmd in commands:
        p = sub.add_parser(
            cmd.NAME,
            help=cmd.HELP,
            description=cmd.HELP,
            epilog=_epilog(getattr(cmd, "EXAMPLES", ())),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if argv is None or selected == cmd.NAME:
            cmd.add_arguments(p)
        p.set_defaults(_run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None, io: IO | None = None) -> int:
    io = (io or IO(sys.stdout, sys.stderr)).escaping()
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        args = build_parser(argv).parse_args(argv)
        if not getattr(args, "_run", None):
            build_parser([]).print_help(io.err)
            return EXIT_ERROR
        with sigterm_raises():
            return int(args._run(args, io))
    except RefarchError as exc:
        io.err.write(f"refarch: error: {exc}\n")
        return EXIT_ERROR
    except SystemExit as exc:  # argparse --help / --version
        return int(exc.code or 0)
    except KeyboardInterrupt:
        io.err.write("refarch: interrupted\n")
        return EXIT_INTERRUPTED
    except Terminated:
        io.err.write("refarch: terminated\n")
        return EXIT_TERMINATED
    except BrokenPipeError:
        return EXIT_ERROR
    except MemoryError:
        io.err.write("refarch: error: out of memory\n")
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        io.err.write(
            f"refarch: internal error: {type(exc).__name__}: {exc}\n"
            "Please report this with the command and the input file.\n"
        )
        return EXIT_ERROR
