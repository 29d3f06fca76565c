"""refarch show ID"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import add_format_argument, dump_json, open_kb
from linter.core.errors import EXIT_OK, UsageError
from linter.core.text import did_you_mean
from linter.kb.model import Architecture
from linter.kb.provenance import resolve
from linter.kb.store import KINDS

NAME = "show"
HELP = "print a catalog entry, standard or architecture with every figure's unit and source"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", help="e.g. dgx-h100, gb200-nvl72, dgx-superpod-h100")
    add_format_argument(p, ("text", "json"))


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args, checked=True)
    entry = kb.find(args.id)
    if entry is None:
        known = [i for kind in KINDS for i in kb.ids(kind)]
        hint = did_you_mean(args.id, known, otherwise="; `refarch stats` lists counts")
        raise UsageError(f"unknown id {args.id!r}{hint}")
    rows = resolve(entry.doc)
    typed = entry.typed
    version = typed.version if isinstance(typed, Architecture) else ""
    if args.format == "json":
        io.out.write(
            dump_json(
                {
                    "id": entry.id,
                    "kind": entry.kind,
                    "file": entry.path,
                    "name": typed.label if typed.label != entry.id else None,
                    "version": version or None,
                    "summary": typed.summary or None,
                    "figures": rows,
                }
            )
        )
        return EXIT_OK
    io.out.write(f"{typed.label} ({entry.kind} {entry.id})\n")
    if isinstance(typed, Architecture) and version:
        io.out.write(f"version {version}, status {typed.status}\n")
    if typed.summary:
        io.out.write(f"{' '.join(typed.summary.split())}\n")
    io.out.write("\n")
    width = max((len(r["path"]) for r in rows), default=0)
    for r in rows:
        value = f"{r['value']:g}" if isinstance(r["value"], int | float) else str(r["value"])
        rng = r.get("range")
        if isinstance(rng, list) and len(rng) == 2 and all(isinstance(x, int | float) for x in rng):
            value += f" (range {rng[0]:g}-{rng[1]:g})"
        unit = f" {r['unit']}" if r["unit"] else ""
        origin = (
            f"derived: {r['derived']}"
            if "derived" in r
            else ", ".join(str(s["id"]) for s in r["sources"]) or "UNSOURCED"
        )
        io.out.write(f"  {r['path']:<{width}}  {value}{unit}  [{origin}]\n")
    if typed.sources:
        io.out.write("\nsources:\n")
        for src in typed.sources:
            io.out.write(f"  {src.id}: {src.title} {src.url} (retrieved {src.retrieved or '?'})\n")
    return EXIT_OK
