"""The registry of commands, in the order `refarch --help` lists them.

Each entry names a command and its one-line help; the module ``linter/commands/<name>.py``
(with ``NAME``, ``HELP``, ``add_arguments(p)`` and ``run(args, io)``) is imported only when
that command runs, so ``refarch lint`` never pays for GitPython or the sizing engine, and a lean
install (``pip install refarch``: PyYAML and jsonschema) runs every command that does not read
git history. A command whose extra is missing says which one to install (:data:`EXTRAS`).
``tests/test_commands_registry.py`` checks that each entry's help matches its module's.
"""

from __future__ import annotations

import argparse
import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol

from linter.core.errors import RefarchError

# The top-level package each optional extra provides, and the extra (pyproject.toml).
EXTRAS = {"git": "review", "jinja2": "site", "mkdocs": "site", "material": "site"}


class Command(Protocol):
    NAME: str
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, io: Any) -> int: ...


@dataclass
class LazyCommand:
    """A command whose module is imported on first use."""

    NAME: str
    HELP: str

    @property
    def module(self) -> ModuleType:
        try:
            return importlib.import_module(f"linter.commands.{self.NAME}")
        except ModuleNotFoundError as exc:
            extra = EXTRAS.get((exc.name or "").partition(".")[0])
            if extra is None:
                raise
            raise RefarchError(
                f"refarch {self.NAME} needs the {extra!r} extra ({exc.name} is not installed):"
                f" pip install 'refarch[{extra}]'"
            ) from None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        self.module.add_arguments(parser)

    def run(self, args: argparse.Namespace, io: Any) -> int:
        return int(self.module.run(args, io))


COMMANDS: tuple[Command, ...] = (
    LazyCommand("validate", "check KB files and plans against their schemas and cross-references"),
    LazyCommand(
        "lint",
        "check deployment plans against their pinned architecture, physics and best practices",
    ),
    LazyCommand(
        "rules", "list every code: validation checks, lint rules, release and change checks"
    ),
    LazyCommand(
        "explain", "print the documentation page of a code (a rule, a VAL, REL or change check)"
    ),
    LazyCommand(
        "size",
        "size a deployment (GPUs, systems, racks, kW, cooling) from model, users and targets",
    ),
    LazyCommand(
        "show",
        "print a catalog entry, standard or architecture with every figure's unit and source",
    ),
    LazyCommand("stats", "knowledge-base coverage and provenance health"),
    LazyCommand("history", "versions of each architecture from git history (renames followed)"),
    LazyCommand(
        "diff",
        "semantic diff of an architecture between two versions, revisions or the working tree",
    ),
    LazyCommand(
        "review",
        "the monthly review packet: changes, classification, release consistency, plan impact",
    ),
    LazyCommand(
        "release",
        "prepare a KB release: bump release.yaml, check it, write the review as release notes",
    ),
    LazyCommand("completion", "print a shell completion script (bash, zsh or fish)"),
)
