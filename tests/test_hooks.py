"""The pre-commit hooks and the README's snippet come from linter/hooks.py and do not drift."""

from __future__ import annotations

import yaml
from conftest import ROOT

from linter.hooks import HOOKS, hooks_yaml, readme_snippet


def test_hooks_file_is_generated() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert text == hooks_yaml(), "regenerate with: python -m linter.hooks"
    hooks = yaml.safe_load(text)
    assert [h["id"] for h in hooks] == [h["id"] for h in HOOKS]
    assert all(h["verbose"] is True and h["language"] == "python" for h in hooks)


def test_readme_shows_the_generated_snippet() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{readme_snippet()}```\n" in readme
    config = yaml.safe_load(readme_snippet())
    assert [h["id"] for h in config["repos"][0]["hooks"]] == ["refarch-lint"]
