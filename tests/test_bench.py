"""The benchmark runs end to end in quick mode (it proves the script works; no timings are
asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_bench_quick_mode_writes_every_section(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    out.write_text("# old\n\n## Notes\n\nKept as written.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--output", str(out)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "Summary", "One plan (the pre-commit case)", "Many plans in one call", "Review", "Sizing",
        "Import from NetBox",
        "Site",
        "Notes",
    ]  # fmt: skip
    assert text.rstrip().endswith("## Notes\n\nKept as written.")
    summary = text.split("## Summary", 1)[1].split("## One plan", 1)[0]
    rows = [r for r in summary.splitlines() if r.startswith("| ") and "---" not in r][1:]
    assert [r.split(" | ")[0].removeprefix("| ") for r in rows] == [
        "one plan: refarch lint vs yamllint",
        "one plan: refarch lint vs check-jsonschema",
        "40 plans in one call",
        "review of all 4 releases (3 revised per release)",
        "site: full build vs plain mkdocs build",
    ]
    for row in rows:
        assert re.search(r"\| [0-9.]+x", row), row
    for label in ("refarch lint", "check-jsonschema", "yamllint", 'python -c "import yaml"'):
        assert f"| {label} | " in text
    assert "Machine: " in text and "Versions: refarch " in text
