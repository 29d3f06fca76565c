"""The pre-commit hooks refarch offers, in one place: ``.pre-commit-hooks.yaml`` and the README's
snippet are generated from :data:`HOOKS` (``python -m linter.hooks``), and
tests/test_hooks.py fails when either drifts.

Both hooks run with ``verbose: true``: pre-commit hides the output of a hook that passes, and a
plan with warnings only (exit 0 under the default ``--fail-on error``) would otherwise say
nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from linter import __version__

HOOKS = (
    {
        "id": "refarch-lint",
        "name": "refarch lint",
        "description": (
            "Lint AI-factory deployment plans against their pinned reference architecture."
        ),
        "entry": "refarch lint",
    },
    {
        "id": "refarch-validate",
        "name": "refarch validate",
        "description": (
            "Validate refarch knowledge-base files and plans against their JSON Schemas."
        ),
        "entry": "refarch validate",
    },
)

TAG = f"v{__version__}"  # releases are tagged v<KB release>.<patch>


def hooks_yaml() -> str:
    """The text of ``.pre-commit-hooks.yaml``."""
    out = []
    for h in HOOKS:
        out += [f"- id: {h['id']}", f"  name: {h['name']}", f"  description: {h['description']}"]
        out += [f"  entry: {h['entry']}", "  language: python", "  files: \\.(ya?ml)$"]
        out += ["  types: [yaml]", "  verbose: true  # show warnings even when the hook passes"]
    return "\n".join(out) + "\n"


def readme_snippet() -> str:
    """The ``.pre-commit-config.yaml`` snippet the README shows."""
    return (
        "# .pre-commit-config.yaml in your infrastructure repository\n"
        "repos:\n"
        "  - repo: https://example.invalid/your-mirror/refarch   # where you host refarch\n"
        f"    rev: {TAG}\n"
        "    hooks:\n"
        "      - id: refarch-lint        # lints every YAML plan against its pinned architecture"
        " (other YAML is skipped)\n"
        "      #  args: [--fail-on, warning]   # to block the commit on warnings too\n"
    )


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    (root / ".pre-commit-hooks.yaml").write_text(hooks_yaml(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
