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
    """A command whose module is imported on first use; ``EXAMPLES`` end its ``--help``."""

    NAME: str
    HELP: str
    EXAMPLES: tuple[str, ...] = ()
    MODULE: str = ""  # the module's name where NAME cannot be one (``import``)

    @property
    def module(self) -> ModuleType:
        try:
            return importlib.import_module(f"linter.commands.{self.MODULE or self.NAME}")
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
    LazyCommand(
        "validate",
        "check KB files and plans against their schemas and cross-references",
        (
            "refarch validate                       # the whole knowledge base",
            "refarch validate plans/ --format github  # plans, as pull-request annotations",
        ),
    ),
    LazyCommand(
        "lint",
        "check deployment plans against their pinned architecture, physics and best practices",
        (
            "refarch lint plans/                      # every plan under plans/",
            "refarch lint plans/ --format sarif --output refarch.sarif",
            "cat plan.yaml | refarch lint - --stdin-filename plan.yaml",
            "refarch lint plans/ --select PWR,CLG --fail-on warning",
        ),
    ),
    LazyCommand(
        "init",
        "write a starting plan from an architecture's rack profiles",
        (
            "refarch init --architecture dgx-superpod-h100 plans/hall-c.yaml",
            "refarch init --architecture dgx-superpod-h100 --profile compute-half-density",
        ),
    ),
    LazyCommand(
        "import",
        "write a plan from a DCIM's racks, power and cooling (NetBox 4.7), cross-checked",
        (
            "refarch import netbox --url https://netbox.example.com --site hall-c --mapping"
            " netbox-map.yaml -o plans/hall-c.yaml   # token in $NETBOX_TOKEN",
            "refarch import netbox --from-export netbox-export/ --mapping netbox-map.yaml",
            "refarch import netbox --url https://netbox.example.com --suggest-mapping",
        ),
        "importer",
    ),
    LazyCommand(
        "rules",
        "list every code: validation checks, lint rules, release and change checks",
        (
            "refarch rules",
            "refarch rules --json",
        ),
    ),
    LazyCommand(
        "explain",
        "print the documentation page of a code (a rule, a VAL, REL or change check)",
        (
            "refarch explain PWR001",
            "refarch explain rack-power-over-budget",
        ),
    ),
    LazyCommand(
        "size",
        "size a deployment (GPUs, systems, racks, kW, cooling) from model, users and targets",
        (
            "refarch size --model llama-3.3-70b --precision fp8 --system dgx-h100 --users 1000"
            " --input-tokens 5000 --output-tokens 500 --ttft-ms 1000 --tokens-per-s 17",
            "refarch size --calibration            # the published points behind the model",
        ),
    ),
    LazyCommand(
        "cost",
        "a year of running a plan: energy, and cost, carbon and water from figures you give",
        (
            "refarch cost plans/hall-c.yaml --utilisation 70 --tariff 0.12 --currency USD",
            "refarch cost plans/hall-c.yaml --grid-intensity 350 --wue 1.8 --json",
        ),
    ),
    LazyCommand(
        "show",
        "print a catalog entry, standard or architecture with every figure's unit and source",
        (
            "refarch show gb200-nvl72",
            "refarch show dgx-superpod-h100 --json",
        ),
    ),
    LazyCommand("stats", "knowledge-base coverage and provenance health", ("refarch stats",)),
    LazyCommand(
        "history",
        "versions of each architecture from git history (renames followed)",
        (
            "refarch history",
            "refarch history dgx-superpod-gb200 --json",
        ),
    ),
    LazyCommand(
        "diff",
        "semantic diff of an architecture between two versions, revisions or the working tree",
        (
            "refarch diff dgx-superpod-gb200@2026.11 dgx-superpod-gb200@2026.12",
            "refarch diff dgx-superpod-gb200@2026.11 dgx-superpod-gb200@worktree --format md",
        ),
    ),
    LazyCommand(
        "review",
        "the monthly review packet: changes, classification, release consistency, plan impact",
        (
            "refarch review --from 2026.11 --to 2026.12 --plans examples/plans",
            "refarch review --check                 # release consistency of the working tree",
        ),
    ),
    LazyCommand(
        "release",
        "prepare a KB release: bump release.yaml, check it, write the review as release notes",
        ("refarch release 2026.12 --plans examples/plans",),
    ),
    LazyCommand(
        "completion",
        "print a shell completion script (bash, zsh or fish)",
        ("refarch completion bash > ~/.local/share/bash-completion/completions/refarch",),
    ),
)
