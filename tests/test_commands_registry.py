"""The command registry: every command is listed with its module's own help, and a run
imports only the command it runs."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import linter.commands
from linter.cli import build_parser

PLAN = Path(__file__).resolve().parent / "kb-plans" / "superpod-h100-training.yaml"


def test_registry_help_matches_each_command_module() -> None:
    for cmd in linter.commands.COMMANDS:
        module = importlib.import_module(
            f"linter.commands.{getattr(cmd, 'MODULE', '') or cmd.NAME}"
        )
        assert (module.NAME, module.HELP) == (cmd.NAME, cmd.HELP)


def test_help_lists_every_command_with_its_help() -> None:
    text = build_parser([]).format_help()
    for cmd in linter.commands.COMMANDS:
        assert cmd.NAME in text
    sub = next(a for a in build_parser([])._actions if a.dest == "command")
    help_of = {a.dest: a.help for a in sub._choices_actions}  # type: ignore[attr-defined]
    assert help_of == {c.NAME: c.HELP for c in linter.commands.COMMANDS}


def _modules_after(*argv: str) -> set[str]:
    code = (
        "import sys\n"
        "from linter.cli import main\n"
        f"main({list(argv)!r})\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_lint_imports_only_what_linting_a_valid_plan_needs() -> None:
    mods = _modules_after("lint", str(PLAN))
    assert "linter.commands.lint" in mods and "linter.lint.engine" in mods
    heavy = {"git", "jinja2", "mkdocs", "jsonschema", "linter.sizing", "linter.review.git",
             "linter.commands.review", "linter.lint.reporters.junit", "hashlib"}  # fmt: skip
    assert heavy & mods == set()


def test_help_imports_no_command() -> None:
    mods = _modules_after("--help")
    assert {m for m in mods if m.startswith("linter.commands.")} == set()


def test_help_states_exit_codes_and_runnable_examples() -> None:
    """`refarch --help` and every command's `--help` end with examples and the exit codes;
    every example parses (the command and options exist, values are accepted)."""
    import shlex

    from linter.cli import DESCRIPTION, EXIT_CODES, TOP_EXAMPLES

    top = build_parser([]).format_help()
    assert DESCRIPTION in top and "The only module" not in top
    assert top.rstrip().endswith(EXIT_CODES)
    examples = list(TOP_EXAMPLES)
    for cmd in linter.commands.COMMANDS:
        sub = next(a for a in build_parser([cmd.NAME])._actions if a.dest == "command")
        page = sub.choices[cmd.NAME].format_help()  # type: ignore[index]
        assert page.rstrip().endswith(EXIT_CODES), cmd.NAME
        assert cmd.EXAMPLES, f"{cmd.NAME} shows no example"  # type: ignore[attr-defined]
        for example in cmd.EXAMPLES:  # type: ignore[attr-defined]
            assert f"  {example}\n" in page
            examples.append(example)
    for example in examples:
        words = shlex.split(example.split("|")[-1], comments=True)
        words = words[: words.index(">")] if ">" in words else words
        assert words[0] == "refarch", example
        if words[1:] == ["COMMAND", "--help"]:
            continue
        build_parser(words[1:]).parse_args(words[1:])
