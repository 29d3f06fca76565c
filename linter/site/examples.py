"""Fragments that run refarch on the example plan of ``site_src/examples/`` at build time.

The getting-started page shows the plan and the real output of ``refarch lint`` on it, so the
page cannot drift from what the linter prints.
"""

from __future__ import annotations

import re

from linter.core.errors import EXIT_ERROR, RefarchError
from linter.lint import config
from linter.lint.engine import lint_paths
from linter.lint.reporters import text
from linter.site.core import Site

EXAMPLE = "examples/first-plan.yaml"


def _fence(text: str, lang: str) -> str:
    # A fence longer than any backtick run in the text, so the text cannot close it.
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def plan(site: Site, page: str) -> str:
    """The example plan, as a YAML code block."""
    path = site.options.site_src / EXAMPLE
    return _fence(path.read_text(encoding="utf-8"), "yaml")


def lint(site: Site, page: str) -> str:
    """``refarch lint first-plan.yaml``: the command, its output and exit code."""
    path = site.options.site_src / EXAMPLE
    try:
        result = lint_paths([str(path)], site.checked_kb, config.discover(path.parent))
    except RefarchError as exc:
        code, out, err = EXIT_ERROR, "", f"refarch: error: {exc}\n"
    else:
        code, out = result.exit_code, text.render(result)
        err = "".join(f"refarch: error: {e}\n" for e in result.errors)
    shown = (out + err).replace(str(path.parent) + "/", "")
    return _fence(f"$ refarch lint {path.name}\n{shown.rstrip()}\n$ echo $?\n{code}", "console")
