"""Sizing worked examples, computed at build time by the sizing library (never typed in).

The workloads are listed in ``site_src/sizing-examples.yaml``; each is sized through
:func:`linter.sizing.report.sizing_json`, the document ``refarch size --json`` prints, and
shown with the exact command line that reproduces it.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from typing import Any, TypedDict

from markupsafe import Markup

from linter.core import yamlio
from linter.core.errors import RefarchError, UsageError
from linter.kb.store import KnowledgeBase
from linter.site import jsonmd
from linter.site.core import Page, Site
from linter.site.escape import md_inline, number, plain
from linter.sizing import Options, report
from linter.sizing.calibration_report import accuracy_markdown

EXAMPLES_FILE = "sizing-examples.yaml"
# Option name -> key in the examples file, in command-line order.
OPTIONS = (
    "model",
    "precision",
    "system",
    "users",
    "input_tokens",
    "output_tokens",
    "ttft_ms",
    "tokens_per_s",
    "itl_ms",
    "compare",
)


# The result fields the sizing contract promises (``refarch size --json``), shown up front.
HEADLINE = (
    ("system", "system"),
    ("tensor_parallel", "TP"),
    ("replicas", "replicas"),
    ("gpus", "GPUs"),
    ("systems", "systems"),
    ("racks", "racks"),
    ("it_kw", "IT kW"),
    ("facility_kw", "facility kW"),
    ("cooling", "cooling"),
    ("ttft_ms", "TTFT ms"),
    ("tokens_per_s_per_user", "tokens/s per user"),
    ("bottleneck", "bottleneck"),
)


class Example(TypedDict):
    title: str
    note: str
    command: str
    headers: list[str]
    rows: list[list[str]]
    result: Markup
    error: str


class SizingContext(TypedDict):
    """Everything ``sizing-examples.md.j2`` shows."""

    examples: list[Example]
    release: str


def argv(example: dict[str, Any]) -> list[str]:
    args = ["size"]
    for key in OPTIONS:
        if key in example:
            args += [f"--{key.replace('_', '-')}", plain(example[key])]
    return [*args, "--json"]


def examples(site: Site, key: str = "examples") -> list[dict[str, Any]]:
    """The entries under ``key`` of ``site_src/sizing-examples.yaml`` (``examples`` or
    ``curves``)."""
    path = site.options.site_src / EXAMPLES_FILE
    if not path.is_file():
        return []
    data = yamlio.load(str(path)).data
    items = data.get(key) if isinstance(data, dict) else None
    return [e for e in items or [] if isinstance(e, dict)]


# The derived column: facility energy per million output tokens, facility kW x 10^6 /
# (output tokens/s x 3600 s); times a tariff it is the energy cost of a million tokens.
KWH_PER_MILLION = "facility kWh per million tokens"


def kwh_per_million(item: dict[str, Any]) -> float | None:
    kw, rate = item.get("facility_kw"), item.get("output_tokens_per_s")
    if not isinstance(kw, int | float) or not isinstance(rate, int | float) or rate <= 0:
        return None
    return float(kw) * 1e6 / (float(rate) * 3600)


def headline(data: Any) -> tuple[list[str], list[list[str]]]:
    """The headline table: one row per result (``--compare`` gives several), with the
    facility energy of a million output tokens where the result gives power and throughput."""
    results = data.get("results") if isinstance(data, dict) else None
    items = [r for r in results if isinstance(r, dict)] if isinstance(results, list) else [data]
    items = [i for i in items if isinstance(i, dict)]
    keys = [(k, h) for k, h in HEADLINE if any(k in i for i in items)]
    headers = [h for _, h in keys]
    rows = [[_cell(i.get(k, "")) for k, _ in keys] for i in items]
    energy = [kwh_per_million(i) for i in items]
    if any(e is not None for e in energy):
        headers.append(KWH_PER_MILLION)
        for row, e in zip(rows, energy, strict=True):
            row.append("" if e is None else number(round(e, 2)))
    return headers, rows


def _cell(value: Any) -> str:
    """A headline value: numbers to one decimal (``96.7`` kW, not ``96.696``)."""
    if isinstance(value, float):
        return number(round(value, 1))
    return plain(value)


def _number(example: dict[str, Any], key: str, kind: type[int] | type[float]) -> Any:
    """An example's value read as the command line reads the option (``int("1000")``)."""
    if key not in example:
        return None
    text = plain(example[key])
    try:
        return kind(text)
    except ValueError:
        option = f"--{key.replace('_', '-')}"
        raise UsageError(
            f"refarch size: argument {option}: invalid {kind.__name__} value: {text!r} (see --help)"
        ) from None


def _text(example: dict[str, Any], key: str) -> str | None:
    return plain(example[key]) if key in example else None


def sizing_json(kb: KnowledgeBase, example: dict[str, Any]) -> dict[str, Any]:
    """What ``refarch size ... --json`` prints for the example's options."""
    w = report.workload(
        _text(example, "model"),
        _text(example, "precision"),
        _number(example, "users", int),
        _number(example, "input_tokens", int),
        _number(example, "output_tokens", int),
        _number(example, "ttft_ms", float),
        _number(example, "tokens_per_s", float),
        _number(example, "itl_ms", float),
    )
    compare = _text(example, "compare")
    ids = report.system_ids(compare) if compare else None
    return report.sizing_json(kb, w, _text(example, "system"), ids, Options())


def run(site: Site, example: dict[str, Any]) -> Example:
    args = argv(example)
    result, error = Markup(""), ""
    headers: list[str] = []
    rows: list[list[str]] = []
    try:
        data = sizing_json(site.checked_kb, example)
    except RefarchError as exc:
        error = str(exc).strip() or "refarch size failed"
    else:
        headers, rows = headline(data)
        text = jsonmd.render(data, level=4)
        result = Markup("\n".join(f"    {line}" if line else "" for line in text.splitlines()))
    return Example(
        title=plain(example.get("title", "")),
        note=plain(example.get("note", "")),
        command="refarch " + shlex.join(a for a in args),
        headers=headers,
        rows=rows,
        result=result,
        error=error,
    )


def pages(site: Site) -> Iterator[Page]:
    done = [run(site, e) for e in examples(site)]
    ctx = SizingContext(examples=done, release=site.release)
    yield Page(
        "sizing/examples.md", site.render("sizing-examples.md.j2", ctx), title="Worked examples"
    )
    # The same report as architectures/ACCURACY.md (`make accuracy`), built from this KB; a KB
    # whose entries do not match their schemas gets the error instead of numbers.
    try:
        report = accuracy_markdown(site.checked_kb)
    except RefarchError as exc:
        report = (
            f"# Sizing accuracy\n\nNot available for this knowledge base: {md_inline(str(exc))}\n"
        )
    yield Page("sizing/accuracy.md", report, title="Accuracy")
