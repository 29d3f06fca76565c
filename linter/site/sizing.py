"""Sizing worked examples, computed at build time by ``refarch size`` (never typed in).

The workloads are listed in ``site_src/sizing-examples.yaml``; each is run through the sizing
command's ``--json`` contract and shown with the exact command line that reproduces it. Until
the ``size`` command exists the page says so.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from typing import Any, TypedDict

from markupsafe import Markup

from linter.core import yamlio
from linter.site import jsonmd
from linter.site.core import Page, Site, has_command, run_refarch
from linter.site.escape import plain

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

    available: bool
    examples: list[Example]
    release: str


def argv(example: dict[str, Any]) -> list[str]:
    args = ["size"]
    for key in OPTIONS:
        if key in example:
            args += [f"--{key.replace('_', '-')}", plain(example[key])]
    return [*args, "--json"]


def examples(site: Site) -> list[dict[str, Any]]:
    path = site.options.site_src / EXAMPLES_FILE
    if not path.is_file():
        return []
    data = yamlio.load(str(path)).data
    items = data.get("examples") if isinstance(data, dict) else None
    return [e for e in items or [] if isinstance(e, dict)]


def headline(data: Any) -> tuple[list[str], list[list[str]]]:
    """The headline table: one row per result (``--compare`` gives several)."""
    results = data.get("results") if isinstance(data, dict) else None
    items = [r for r in results if isinstance(r, dict)] if isinstance(results, list) else [data]
    items = [i for i in items if isinstance(i, dict)]
    keys = [(k, h) for k, h in HEADLINE if any(k in i for i in items)]
    return [h for _, h in keys], [[plain(i.get(k, "")) for k, _ in keys] for i in items]


def run(site: Site, example: dict[str, Any]) -> Example:
    args = argv(example)
    code, out, err = run_refarch(site, *args)
    result, error = Markup(""), ""
    headers: list[str] = []
    rows: list[list[str]] = []
    if code in (0, 1) and out.strip():
        try:
            data = json.loads(out)
        except json.JSONDecodeError:
            error = "refarch size --json did not print JSON"
        else:
            headers, rows = headline(data)
            text = jsonmd.render(data, level=4)
            result = Markup("\n".join(f"    {line}" if line else "" for line in text.splitlines()))
    else:
        error = err.strip().removeprefix("refarch: error: ") or f"refarch size exited with {code}"
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
    available = has_command("size")
    done = [run(site, e) for e in examples(site)] if available else []
    ctx = SizingContext(available=available, examples=done, release=site.release)
    yield Page(
        "sizing/examples.md", site.render("sizing-examples.md.j2", ctx), title="Worked examples"
    )
