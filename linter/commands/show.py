"""refarch show ID"""

from __future__ import annotations

import argparse
from typing import Any

from linter.commands.common import dump_json, open_kb
from linter.core.errors import EXIT_OK, UsageError
from linter.core.text import did_you_mean
from linter.kb.provenance import resolve
from linter.kb.store import KINDS

NAME = "show"
HELP = "print a catalog entry, standard or architecture with every figure's unit and source"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID", help="e.g. dgx-h100, gb200-nvl72, dgx-superpod-h100")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace, io: Any) -> int:
    kb = open_kb(args, checked=True)
    entry = kb.find(args.id)
    if entry is None:
        known = [i for kind in KINDS for i in kb.ids(kind)]
        hint = did_you_mean(args.id, known, otherwise="; `refarch stats` lists counts")
        raise UsageError(f"unknown id {args.id!r}{hint}")
    rows = resolve(entry.doc)
    data = entry.data
    if args.json:
        io.out.write(
            dump_json(
                {
                    "id": entry.id,
                    "kind": entry.kind,
                    "file": entry.path,
                    "name": data.get("name") or data.get("title"),
                    "version": data.get("version"),
                    "summary": data.get("summary"),
                    "figures": rows,
                }
            )
        )
        return EXIT_OK
    title = data.get("name") or data.get("title") or entry.id
    io.out.write(f"{title} ({entry.kind} {entry.id})\n")
    if data.get("version"):
        io.out.write(f"version {data['version']}, status {data.get('status', '')}\n")
    if data.get("summary"):
        io.out.write(f"{' '.join(str(data['summary']).split())}\n")
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
    srcs = data.get("sources")
    if isinstance(srcs, dict) and srcs:  # a standard's sources are not held to a schema
        io.out.write("\nsources:\n")
        for sid, src in srcs.items():
            s = src if isinstance(src, dict) else {}
            io.out.write(
                f"  {sid}: {s.get('title', '')} {s.get('url', '')} "
                f"(retrieved {s.get('retrieved', '?')})\n"
            )
    return EXIT_OK
