"""The mapping file: which KB system each NetBox device type is.

    # netbox-map.yaml
    device_types:
      dgx-h100: dgx-h100                    # one NetBox device is one KB system
      hgx-h200-8gpu-server: hgx-h200-8gpu
      gb200-nvl72-compute-tray: {system: gb200-nvl72, devices_per_system: 18}
      gb200-nvl72-power-shelf: skip         # part of another system, or not a system
      qm9700: skip

Keys are NetBox device-type slugs. A value is a KB system id, ``skip``, or
``{system: ID, devices_per_system: N}`` for a system NetBox models as N devices (an NVL72's
compute trays). Every device type in the imported racks must be listed: an unlisted one stops
the import with the closest KB systems, and ``--suggest-mapping`` prints a starting file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from linter.core import yamlio
from linter.core.errors import InputError
from linter.kb.store import KnowledgeBase

SKIP = "skip"


@dataclass(frozen=True)
class Target:
    """What one device type maps to: ``system`` (None for skip) in ``per`` devices."""

    system: str | None
    per: int = 1
    line: int = 0  # the mapping file's line, for messages


@dataclass(frozen=True)
class Mapping:
    path: str
    device_types: dict[str, Target]


def load(path: str, kb: KnowledgeBase) -> Mapping:
    """The mapping file at ``path``; InputError (file, line, column) for anything wrong."""
    doc = yamlio.load(path)
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("device_types"), dict):
        raise InputError(
            "a mapping file holds a device_types mapping (slug: KB system id)", doc.location(())
        )
    unknown = sorted(set(data) - {"device_types"})
    if unknown:
        raise InputError(
            f"unknown key {unknown[0]!r} (a mapping file holds device_types)",
            doc.location((unknown[0],)),
        )
    out: dict[str, Target] = {}
    systems = kb.ids("system")
    for slug, value in data["device_types"].items():
        where = ("device_types", slug)
        line = doc.location(where).line
        if isinstance(value, dict):
            extra = sorted(set(value) - {"system", "devices_per_system"})
            if extra or "system" not in value:
                raise InputError(
                    f"{slug}: write a KB system id, skip, or {{system: ID, devices_per_system: N}}"
                    + (f" (unknown key {extra[0]!r})" if extra else ""),
                    doc.location(where),
                )
            system, per = value["system"], value.get("devices_per_system", 1)
            if not isinstance(per, int) or isinstance(per, bool) or per < 1:
                raise InputError(
                    f"{slug}: devices_per_system is a whole number of at least 1",
                    doc.location((*where, "devices_per_system")),
                )
        else:
            system, per = value, 1
        if system == SKIP:
            out[str(slug)] = Target(None, 1, line)
            continue
        if not isinstance(system, str) or system not in systems:
            raise InputError(
                f"{slug}: {system!r} is not a KB system{kb.did_you_mean('system', str(system))}"
                " (or write skip)",
                doc.location(where),
            )
        out[str(slug)] = Target(system, per, line)
    return Mapping(path, out)


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def suggestions(device_type: dict[str, Any], kb: KnowledgeBase, n: int = 3) -> list[str]:
    """The KB systems closest to a NetBox device type (by slug, model and part number)."""
    names = {
        _words(str(device_type.get(k) or ""))
        for k in ("slug", "model", "part_number")
        if device_type.get(k)
    }
    scores: dict[str, float] = {}
    for sid in kb.ids("system"):
        entry = kb.system(sid)
        keys = {sid, _words(entry.name)} if entry is not None else {sid}
        best = max(
            (difflib.SequenceMatcher(None, a, b).ratio() for a in names for b in keys),
            default=0.0,
        )
        if best >= 0.5:
            scores[sid] = best
    return sorted(scores, key=lambda s: (-scores[s], s))[:n]


def starting_file(types: list[dict[str, Any]], kb: KnowledgeBase) -> str:
    """A mapping file for ``types`` with each one's closest KB system (or skip), to review."""
    lines = [
        "# refarch import netbox: NetBox device types (slug) -> KB systems. Review every line:",
        "# each value is the closest KB system by name, or skip where none is close.",
        "# {system: ID, devices_per_system: N} maps N devices to one system (NVL72 trays).",
        "device_types:",
    ]
    for t in sorted(types, key=lambda t: str(t.get("slug"))):
        near = suggestions(t, kb)
        value = near[0] if near else SKIP
        also = f"; also close: {', '.join(near[1:])}" if len(near) > 1 else ""
        label = f"{_manufacturer(t)} {t.get('model', '')}".strip()
        lines.append(f"  {t.get('slug')}: {value}  # {label}{also}")
    return "\n".join(lines) + "\n"


def _manufacturer(device_type: dict[str, Any]) -> str:
    m = device_type.get("manufacturer")
    return str(m.get("name", "")) if isinstance(m, dict) else ""
