"""refarch import netbox (--url URL | --from-export DIR) [--site S] [--location L]
[--rack-group G] --mapping FILE [-o PLAN]: a plan from the racks, power and cooling a NetBox
4.7 holds (linter.dcim.importer), cross-checked against the KB.

The token is read from the environment variable ``--token-env`` names (``NETBOX_TOKEN`` by
default), never from a flag, and is never printed. ``--save-export DIR`` keeps what was read
for offline use (``--from-export``); ``--suggest-mapping`` prints a starting mapping file.
After writing the plan, the DCIM cross-check (DCM001) is run on it and the NetBox objects to
edit are listed; refarch never writes to NetBox (``--write-back`` is out of scope).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from dataclasses import replace
from typing import Any

from linter.commands.common import add_format_argument, dump_json, open_kb
from linter.core import yamlio
from linter.core.atomic import write_text
from linter.core.errors import EXIT_OK, InputError, Location, UsageError
from linter.core.text import one_line, plural
from linter.dcim import importer, mapping, netbox
from linter.lint.config import discover
from linter.lint.engine import lint_doc

NAME = "import"
HELP = "write a plan from a DCIM's racks, power and cooling (NetBox 4.7), cross-checked"
TOKEN_ENV = "NETBOX_TOKEN"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", choices=("netbox",), help="the DCIM to read (netbox)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", metavar="URL", help="the NetBox base URL (its REST API)")
    where.add_argument(
        "--from-export", metavar="DIR", help="a saved export (--save-export) instead of --url"
    )
    p.add_argument(
        "--token-env",
        default=TOKEN_ENV,
        metavar="NAME",
        help=f"the environment variable holding the API token (default {TOKEN_ENV})",
    )
    p.add_argument("--site", metavar="SLUG", help="only this site's racks")
    p.add_argument("--location", metavar="SLUG", help="only racks in this location")
    p.add_argument("--rack-group", metavar="SLUG", help="only racks in this rack group")
    p.add_argument("--mapping", metavar="FILE", help="device types -> KB systems (YAML)")
    p.add_argument(
        "--suggest-mapping",
        action="store_true",
        help="print a starting mapping file for the selected racks' device types and stop",
    )
    p.add_argument("--reference", metavar="ARCH@VER", help="the architecture to pin")
    p.add_argument("--plan-id", metavar="ID", help="the plan id (default: from the site name)")
    p.add_argument(
        "--save-export", metavar="DIR", help="also save what was read from --url under DIR"
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PLAN",
        help="the plan to write (never overwritten; default stdout)",
    )
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="seconds per request (30)"
    )
    add_format_argument(p, ("text", "json"))


def _read(args: argparse.Namespace) -> netbox.Export:
    if args.from_export:
        return netbox.read_dir(args.from_export)
    if not args.url.startswith(("http://", "https://")):
        raise UsageError(f"--url {args.url!r} is not an http:// or https:// URL")
    token = os.environ.get(args.token_env, "")
    if not token:
        raise UsageError(
            f"no NetBox token: set the environment variable {args.token_env} (the token is "
            "never passed as a flag)"
        )
    if not args.timeout > 0:
        raise UsageError(f"--timeout {args.timeout:g} must be above 0 seconds")
    client = netbox.Client(args.url, token, args.timeout)
    return netbox.read_api(client, args.site)


def run(args: argparse.Namespace, io: Any) -> int:
    if args.output and os.path.lexists(args.output):
        raise UsageError(f"{args.output} exists; refarch never overwrites a plan")
    if args.save_export and args.from_export:
        raise UsageError(
            "--save-export keeps what --url read; it has nothing to add to --from-export"
        )
    kb = open_kb(args, checked=True)
    export = _read(args)
    if args.save_export:
        export.save(args.save_export)
        io.err.write(
            f"saved the export of {one_line(export.origin)} to {one_line(args.save_export)}\n"
        )
    selection = importer.Selection(args.site, args.location, args.rack_group)
    if args.suggest_mapping:
        types = importer.unmapped(export, selection, None)
        io.out.write(mapping.starting_file(types, kb))
        return EXIT_OK
    if not args.mapping:
        missing = importer.unmapped(export, selection, None)
        raise InputError(importer.unmapped_error(missing, kb, None), Location(export.origin))
    if args.reference:
        _check_reference(args.reference, kb)
    mapped = mapping.load(args.mapping, kb)
    result = importer.build(
        export,
        mapped,
        kb,
        selection,
        plan=args.plan_id,
        reference=args.reference,
        today=dt.date.today().isoformat(),
    )
    text = result.text
    name = args.output or "<stdout>"
    doc = yamlio.loads(text, name)
    config = replace(discover(), select=frozenset({"DCM001"}), fold_causes=False)
    report = lint_doc(doc, kb, config)
    edits = [f for f in report.findings if f.rule == "DCM001"]
    todo = [f for f in report.findings if f.rule == "VAL012"]
    if args.output:
        write_text(args.output, text)
    else:
        io.out.write(text)
    racks = result.data["racks"]
    if args.format == "json":  # on stdout when the plan went to a file, else beside it on stderr
        (io.out if args.output else io.err).write(
            dump_json(
                {
                    "plan": name,
                    "source": export.origin,
                    "netbox_version": export.version,
                    "racks": len(racks),
                    "todo": [f.message for f in todo],
                    "disagreements": [f.to_dict() for f in edits],
                    "notes": result.notes,
                }
            )
        )
        return EXIT_OK
    systems = sum(s["count"] for r in racks for s in r.get("systems", []))
    io.err.write(
        f"imported {plural(len(racks), 'rack')} ({plural(systems, 'system')}) from NetBox "
        f"{export.version} into {name}; {plural(len(todo), 'TODO')} to fill in\n"
    )
    for (fix, why), lines in _by_object(edits).items():
        io.err.write(
            f"  to do in NetBox: {one_line(fix)}\n    why: {one_line(why)} (plan {lines})\n"
        )
    for note in result.notes:
        io.err.write(f"  note: {one_line(note)}\n")
    return EXIT_OK


def _by_object(edits: list[Any]) -> dict[tuple[str, str], str]:
    """Each NetBox edit (fix and reason) once, with the plan lines that ask for it."""
    out: dict[tuple[str, str], list[str]] = {}
    for f in edits:
        out.setdefault((f.fix, f.message), []).append(str(f.line))
    return {k: _lines(v) for k, v in out.items()}


def _lines(lines: list[str], shown: int = 6) -> str:
    more = f" and {len(lines) - shown} more" if len(lines) > shown else ""
    return ("line " if len(lines) == 1 else "lines ") + ", ".join(lines[:shown]) + more


def _check_reference(reference: str, kb: Any) -> None:
    arch_id, _, version = reference.partition("@")
    arch = kb.architecture(arch_id)
    if arch is None or not version:
        hint = kb.did_you_mean("architecture", arch_id)
        raise UsageError(
            f"--reference {reference!r} is not ARCH-ID@YYYY.MM of a KB architecture{hint}"
        )
