"""The sections of an architecture page, each built from the KB data as rows of text.

Every value here is plain text (escaped by the template) or ``Markup`` already escaped for
Markdown (provenance with links); nothing from the KB is trusted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypedDict

from markupsafe import Markup

from linter.kb.figures import Figure
from linter.kb.model import (
    Architecture,
    BestPractice,
    Change,
    Network,
    RackProfile,
    ScalableUnit,
    Source,
)
from linter.kb.model.record import record_fields
from linter.site.escape import number, plain
from linter.site.figures import humanize, provenance, source_link, unit_of, value_text


class FigureRow(TypedDict):
    label: str
    value: str
    source: Markup


class BomRow(TypedDict):
    item: str
    link: str
    kind: str
    count: str
    source: Markup


class RackRow(TypedDict):
    id: str
    description: str
    contents: str
    kw: str
    kw_source: Markup
    cooling: str
    weight: str
    height: str


class NetworkRow(TypedDict):
    role: str
    fabric: str
    link: str
    topology: str
    oversubscription: str
    speed: str
    required: str
    note: str


class PracticeRow(TypedDict):
    id: str
    title: str
    severity: str
    rationale: str
    check: str
    source: Markup


class ChangeRow(TypedDict):
    version: str
    date: str
    summary: str
    why: str


class Diagram(TypedDict):
    """Labels of the Mermaid flowchart: the unit, its rack profiles and switches, the fabrics."""

    su_name: str
    su_label: str
    racks: list[dict[str, str]]
    switches: list[dict[str, str]]
    networks: list[dict[str, str]]


def rack_kw(arch: Architecture) -> float | None:
    """The highest max kW among an architecture's rack profiles."""
    kws = [p.max_kw.value for p in arch.rack_profiles if p.max_kw.value is not None]
    return max(kws) if kws else None


def figure_rows(
    part: object, sources: Sequence[Source], skip: tuple[str, ...] = ()
) -> list[FigureRow]:
    """One row per figure or text a typed part holds (a facility, storage), in schema order;
    ``at``, ``note`` and the fields in ``skip`` are not shown."""
    rows: list[FigureRow] = []
    for name in record_fields(type(part)):
        value = getattr(part, name)
        if name in ("at", "note", *skip) or not isinstance(value, Figure | str):
            continue
        if isinstance(value, Figure):
            if not value.present:
                continue
            text, source = value_text(value, unit_of(name)), provenance(value, sources=sources)
        elif value:
            text, source = value, Markup("")
        else:
            continue
        rows.append(FigureRow(label=humanize(name), value=text, source=source))
    return rows


def bom_rows(
    su: ScalableUnit | None, sources: Sequence[Source], link: Callable[[str], str]
) -> list[BomRow]:
    """Systems then switches of one scalable unit; ``link`` gives a system's catalog link."""
    if su is None:
        return []
    rows = [
        BomRow(
            item=s.model,
            link=link(s.model),
            kind="system",
            count=value_text(s.count),
            source=provenance(s.count, sources=sources),
        )
        for s in su.systems
    ]
    rows += [
        BomRow(
            item=f"{s.name} ({s.role})".strip(),
            link="",
            kind="switch",
            count=value_text(s.count),
            source=provenance(s.count, sources=sources),
        )
        for s in su.switches
    ]
    return rows


def rack_rows(profiles: Sequence[RackProfile], sources: Sequence[Source]) -> list[RackRow]:
    rows = []
    for p in profiles:
        contents = ", ".join(f"{value_text(c.count)} x {c.model}" for c in p.contents)
        tolerance = f" ± {number(p.tolerance_pct)}%" if p.tolerance_pct else ""
        rows.append(
            RackRow(
                id=p.id,
                description=p.description,
                contents=contents,
                kw=value_text(p.max_kw, "kW") + tolerance,
                kw_source=provenance(p.max_kw, sources=sources),
                cooling=p.cooling,
                weight=value_text(p.weight_kg, "kg"),
                height=value_text(p.height_u, "U"),
            )
        )
    return rows


def network_rows(networks: Sequence[Network], link: Callable[[str], str]) -> list[NetworkRow]:
    """``link`` gives a fabric's catalog link, or "" when the catalog does not have it."""
    return [
        NetworkRow(
            role=n.role,
            fabric=n.fabric,
            link=link(n.fabric),
            topology=n.topology,
            oversubscription=value_text(n.oversubscription),
            speed=value_text(n.link_speed_gbps, "Gb/s"),
            required="yes" if n.required else "no",
            note=n.note,
        )
        for n in networks
    ]


def practice_rows(
    practices: Sequence[BestPractice], sources: Sequence[Source]
) -> list[PracticeRow]:
    def check_text(b: BestPractice) -> str:
        c = b.check
        if c is None:
            return ""
        return " ".join([c.path, c.op, *([plain(c.value)] if c.value is not None else [])])

    return [
        PracticeRow(
            id=b.id,
            title=b.title,
            severity=b.severity,
            rationale=b.rationale,
            check=check_text(b),
            source=source_link(sources, b.source) if b.source else Markup(""),
        )
        for b in practices
    ]


def change_rows(changes: Sequence[Change]) -> list[ChangeRow]:
    """The version history, newest first."""
    rows = [
        ChangeRow(version=c.version, date=c.date, summary=c.summary, why=c.why) for c in changes
    ]
    return sorted(rows, key=lambda c: (c["version"], c["date"]), reverse=True)


def text_rows(items: Sequence[object], keys: tuple[str, ...]) -> list[dict[str, str]]:
    return [{k: getattr(item, k) for k in keys} for item in items]


def diagram(
    su: ScalableUnit | None, racks: list[RackRow], bom: list[BomRow], networks: list[NetworkRow]
) -> Diagram:
    switches = [b for b in bom if b["kind"] == "switch"]
    counts = (("racks", su.racks), ("gpus", su.gpus)) if su else ()
    return Diagram(
        su_name=su.name if su and su.name else "unit",
        su_label=", ".join(f"{value_text(f)} {humanize(k)}" for k, f in counts if f.present),
        racks=[
            {"id": r["id"], "label": f"{r['contents']} / {r['kw']} / {r['cooling']}"} for r in racks
        ],
        switches=[
            {"id": f"sw{i}", "label": f"{b['count']} x {b['item']}"} for i, b in enumerate(switches)
        ],
        networks=[
            {
                "id": f"net{i}",
                "label": " / ".join(
                    x for x in (n["role"], n["fabric"], n["topology"], n["speed"]) if x
                ),
            }
            for i, n in enumerate(networks)
        ],
    )
