"""The sections of an architecture page, each built from the KB data as rows of text.

Every value here is plain text (escaped by the template) or ``Markup`` already escaped for
Markdown (provenance with links); nothing from the KB is trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

from markupsafe import Markup

from linter.kb.figures import figure_value, is_figure
from linter.kb.store import Entry
from linter.site.escape import plain
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


def records(node: Any) -> list[dict[str, Any]]:
    """The mappings in a YAML list (anything else is skipped)."""
    return [x for x in node if isinstance(x, dict)] if isinstance(node, list) else []


def count(node: Any) -> str:
    return value_text(node) if node is not None else ""


def rack_kw(entry: Entry) -> float | None:
    """The highest max kW among an architecture's rack profiles."""
    kws = [figure_value(p.get("max_kw")) for p in records(entry.data.get("rack_profiles"))]
    numbers = [k for k in kws if k is not None]
    return max(numbers) if numbers else None


def figure_rows(node: Any, sources: Any, skip: tuple[str, ...] = ("note",)) -> list[FigureRow]:
    """One row per figure or text value of a mapping; nested mappings are flattened."""
    rows: list[FigureRow] = []
    if not isinstance(node, dict):
        return rows
    for key, value in node.items():
        if key in skip:
            continue
        if isinstance(value, dict) and not is_figure(value):
            for sub in figure_rows(value, sources, ()):
                label = f"{humanize(str(key))}: {sub['label']}"
                rows.append(FigureRow(label=label, value=sub["value"], source=sub["source"]))
            continue
        text = value_text(value, unit_of(str(key)))
        rows.append(
            FigureRow(
                label=humanize(str(key)), value=text, source=provenance(value, sources=sources)
            )
        )
    return rows


def bom_rows(su: dict[str, Any], sources: Any, link: Callable[[str], str]) -> list[BomRow]:
    """Systems then switches of one scalable unit; ``link`` gives a system's catalog link."""
    rows = [
        BomRow(
            item=plain(s.get("model")),
            link=link(plain(s.get("model"))),
            kind="system",
            count=count(s.get("count")),
            source=provenance(s.get("count"), sources=sources),
        )
        for s in records(su.get("systems"))
    ]
    rows += [
        BomRow(
            item=f"{plain(s.get('name', ''))} ({plain(s.get('role'))})".strip(),
            link="",
            kind="switch",
            count=count(s.get("count")),
            source=provenance(s.get("count"), sources=sources),
        )
        for s in records(su.get("switches"))
    ]
    return rows


def rack_rows(profiles: Any, sources: Any) -> list[RackRow]:
    rows = []
    for p in records(profiles):
        contents = ", ".join(
            f"{count(c.get('count'))} x {plain(c.get('model'))}" for c in records(p.get("contents"))
        )
        tolerance = f" ± {plain(p['tolerance_pct'])}%" if p.get("tolerance_pct") else ""
        rows.append(
            RackRow(
                id=plain(p.get("id")),
                description=plain(p.get("description")),
                contents=contents,
                kw=value_text(p.get("max_kw"), "kW") + tolerance,
                kw_source=provenance(p.get("max_kw"), sources=sources),
                cooling=plain(p.get("cooling")),
                weight=value_text(p.get("weight_kg"), "kg"),
                height=value_text(p.get("height_u"), "U"),
            )
        )
    return rows


def network_rows(networks: Any, link: Callable[[str], str]) -> list[NetworkRow]:
    """``link`` gives a fabric's catalog link, or "" when the catalog does not have it."""
    return [
        NetworkRow(
            role=plain(n.get("role")),
            fabric=plain(n.get("fabric")),
            link=link(plain(n.get("fabric"))),
            topology=plain(n.get("topology")),
            oversubscription=value_text(n.get("oversubscription")),
            speed=value_text(n.get("link_speed_gbps"), "Gb/s"),
            required="yes" if n.get("required") else "no",
            note=plain(n.get("note")),
        )
        for n in records(networks)
    ]


def practice_rows(practices: Any, sources: Any) -> list[PracticeRow]:
    def check_text(check: Any) -> str:
        if not isinstance(check, dict):
            return ""
        return " ".join(plain(check.get(k)) for k in ("path", "op", "value") if k in check)

    return [
        PracticeRow(
            id=plain(b.get("id")),
            title=plain(b.get("title")),
            severity=plain(b.get("severity")),
            rationale=plain(b.get("rationale")),
            check=check_text(b.get("check")),
            source=source_link(sources, b["source"]) if b.get("source") else Markup(""),
        )
        for b in records(practices)
    ]


def change_rows(changes: Any) -> list[ChangeRow]:
    """The version history, newest first."""
    rows = [
        ChangeRow(
            version=plain(c.get("version")),
            date=plain(c.get("date")),
            summary=plain(c.get("summary")),
            why=plain(c.get("why")),
        )
        for c in records(changes)
    ]
    return sorted(rows, key=lambda c: (c["version"], c["date"]), reverse=True)


def text_rows(items: Any, keys: tuple[str, ...]) -> list[dict[str, str]]:
    return [{k: plain(item.get(k)) for k in keys} for item in records(items)]


def diagram(
    su: dict[str, Any], racks: list[RackRow], bom: list[BomRow], networks: list[NetworkRow]
) -> Diagram:
    switches = [b for b in bom if b["kind"] == "switch"]
    return Diagram(
        su_name=plain(su.get("name", "unit")),
        su_label=", ".join(
            f"{value_text(su[k])} {humanize(k)}" for k in ("racks", "gpus") if k in su
        ),
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
