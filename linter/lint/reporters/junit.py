"""JUnit XML: one test suite per file, one test case per finding (a failure when it is at or
above the failure level), one passing case for a clean file."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from linter.core.text import escape_controls
from linter.lint.reporters.text import finding_lines
from linter.lint.result import LintResult


def render(result: LintResult, color: bool = False) -> str:
    root = ET.Element("testsuites", name="refarch lint")
    total = failures = errors = 0
    for report in result.files:
        if report.skipped:
            continue
        suite = ET.SubElement(root, "testsuite", name=report.path)
        cases = fails = 0
        for f in report.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=report.path,
                name=f"{f.rule} [{f.name}] {f.path} ({f.line}:{f.column})",
                file=report.path,
                line=str(f.line),
            )
            body = "\n".join(finding_lines(f))
            if result.config.fails(f.severity):
                node = ET.SubElement(case, "failure", message=f.message, type=f.severity)
                node.text = body
                fails += 1
            else:
                ET.SubElement(case, "system-out").text = body
            cases += 1
        if not report.findings:
            ET.SubElement(
                suite, "testcase", classname=report.path, name="refarch lint", file=report.path
            )
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(fails))
        suite.set("errors", "0")
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
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    # ElementTree writes controls as they are, and XML 1.0 cannot hold most of them.
    return '<?xml version="1.0" encoding="utf-8"?>\n' + escape_controls(xml) + "\n"
