"""Helpers for the lint tests: `# expect:` comments and a KB copy with one more version."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from linter.core import yamlio
from linter.kb.store import KnowledgeBase

EXPECT = re.compile(r"#\s*expect:\s*([A-Z]+[0-9]+)\s+([0-9]+):([0-9]+)(?:\s+(error|warning|info))?")


def expectations(text: str) -> list[tuple[str, int, int, str | None]]:
    """Every ``# expect: CODE LINE:COL [severity]`` in a plan's text, sorted."""
    found = [
        (m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)) for m in EXPECT.finditer(text)
    ]
    return sorted(found, key=lambda e: (e[0], e[1], e[2], e[3] or ""))


HISTORY_ENTRY = """  - version: "2026.10"
    date: 2026-10-01
    summary: Test-only earlier version (added by the lint tests to exercise outdated pins).
    why: Gives the outdated-reference rule an older published version to compare against.
"""


def history_kb(root: Path, src: Path) -> KnowledgeBase:
    """A copy of the KB at ``src`` in which dgx-superpod-h100 also lists a 2026.10 version
    (appended to its ``changes`` list, the file's last key) unless it already does."""
    dst = root / "architectures"
    shutil.copytree(src, dst)
    arch = dst / "reference" / "dgx-superpod-h100.yaml"
    data = yamlio.load(str(arch)).data
    versions = [c.get("version") for c in data.get("changes", [])]
    if "2026.10" not in versions:
        assert list(data)[-1] == "changes", "changes must be the last key to append to it"
        text = arch.read_text(encoding="utf-8")
        arch.write_text(text.rstrip("\n") + "\n" + HISTORY_ENTRY, encoding="utf-8")
    return KnowledgeBase.open(dst)
