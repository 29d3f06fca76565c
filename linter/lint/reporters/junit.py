"""JUnit XML: one test suite per file, one test case per finding, one passing case for a clean
file.

A finding at or above the failure level is a failure; one below it is a skipped case (with the
finding as its message and output), so warnings show in CI test reports instead of passing
silently. Case names carry the rule and the JSON path but no line or column, so a case keeps
its name (and its CI history) when lines above it move; the class name is the file path
without its extension, dotted. Suites carry the time the file took to lint."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from linter.core.text import escape_controls
from linter.lint.reporters.text import finding_lines
from linter.lint.result import LintResult


def _classname(path: str) -> str:
    """``plans/hall-b.yaml`` -> ``plans.hall-b``: the file without its extension, dotted."""
    stem = path.removesuffix(".yaml").removesuffix(".yml")
    return stem.replace("\\", "/").strip("/").replace("/", ".")


def render(result: LintResult, color: bool = False) -> str:
    root = ET.Element("testsuites", name="refarch lint")
    total = failures = errors = 0
    seconds = 0.0
    for report in result.files:
        if report.skipped:
            continue
        suite = ET.SubElement(root, "testsuite", name=report.path)
        suite.set("time", f"{report.seconds:.3f}")
        classname = _classname(report.path)
        cases = fails = skips = 0
        seen: dict[str, int] = {}
        for f in report.findings:
            name = f"{f.rule} [{f.name}] {f.path}"
            seen[name] = seen.get(name, 0) + 1
            case = ET.SubElement(
                suite,
                "testcase",
                classname=classname,
                name=name if seen[name] == 1 else f"{name} ({seen[name]})",
                file=report.path,
                line=str(f.line),
                time="0",
            )
            body = "\n".join(finding_lines(f))
            if result.config.fails(f.severity):
                node = ET.SubElement(case, "failure", message=f.message, type=f.severity)
                node.text = body
                fails += 1
            else:
                ET.SubElement(case, "skipped", message=f"{f.severity}: {f.message}")
                ET.SubElement(case, "system-out").text = body
                skips += 1
            cases += 1
        if not report.findings:
            ET.SubElement(
                suite,
                "testcase",
                classname=classname,
                name="refarch lint",
                file=report.path,
                time=f"{report.seconds:.3f}",
            )
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
        seconds += report.seconds
        total += cases
        failures += fails
    for e in result.errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=e.location.file if e.location else "input",
            tests="1",
            failures="0",
            errors="1",
        )
        case = ET.SubElement(suite, "testcase", classname="refarch", name="read plan")
        ET.SubElement(case, "error", message=e.message, type="input-error").text = str(e)
        total += 1
        errors += 1
    root.set("time", f"{seconds:.3f}")
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    # ElementTree writes controls as they are, and XML 1.0 cannot hold most of them.
    return '<?xml version="1.0" encoding="utf-8"?>\n' + escape_controls(xml) + "\n"
