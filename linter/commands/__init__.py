"""The registry of commands, in the order `refarch --help` lists them."""

from __future__ import annotations

import argparse
from typing import Any, Protocol

from linter.commands import diff, explain, history, lint, review, rules, show, size, stats, validate


class Command(Protocol):
    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, io: Any) -> int: ...


COMMANDS: tuple[Command, ...] = (  # type: ignore[assignment]
    validate,
    lint,
    rules,
    explain,
    size,
    show,
    stats,
    history,
    diff,
    review,
)
