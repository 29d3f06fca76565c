"""One page per reference architecture, and the index of them all."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypedDict

from linter.kb.store import Entry
from linter.site import sections as sec
from linter.site.catalog import anchor
from linter.site.catalog import page_path as catalog_path
from linter.site.core import Page, Site, kb_file_path, rel, slug
from linter.site.escape import plain
from linter.site.figures import SourceRow, get, source_rows, value_text

rack_kw = sec.rack_kw


class ArchitectureContext(TypedDict):
    """Everything ``architecture.md.j2`` shows."""

    id: str
    title: str
    vendor: str
    version: str
    status: str
    use: str
    release: str
    summary: str
    when_to_use: str
    yaml_link: str
    su_name: str
    su_figures: list[sec.FigureRow]
    su_note: str
    bom: list[sec.BomRow]
    diagram: sec.Diagram
    racks: list[sec.RackRow]
    facility: list[sec.FigureRow]
    facility_note: str
    networks: list[sec.NetworkRow]
    storage: list[sec.FigureRow]
    storage_note: str
    practices: list[sec.PracticeRow]
    hot_spots: list[dict[str, str]]
    fragile_points: list[dict[str, str]]
    changes: list[sec.ChangeRow]
    sources: list[SourceRow]


class IndexRow(TypedDict):
    id: str
    title: str
    link: str
    version: str
    status: str
    use: str
    rack_kw: str
    cooling: str
    gpus: str


class IndexContext(TypedDict):
    """Everything ``architectures-index.md.j2`` shows."""

    rows: list[IndexRow]
    release: str
    chart: str


def page_path(arch_id: str) -> str:
    return f"architectures/{slug(arch_id)}.md"


def context(site: Site, entry: Entry) -> ArchitectureContext:
    d, src = entry.data, entry.data.get("sources")
    here = page_path(entry.id)
    su: dict[str, Any] = d["scalable_unit"] if isinstance(d.get("scalable_unit"), dict) else {}

    def catalog_link(kind: str) -> Any:
        def link(id_: str) -> str:
            if not site.kb.has(kind, id_):
                return ""
            return f"{rel(here, catalog_path(kind))}#{anchor(id_)}"

        return link

    bom = sec.bom_rows(su, src, catalog_link("system"))
    racks = sec.rack_rows(d.get("rack_profiles"), src)
    networks = sec.network_rows(d.get("networks"), catalog_link("network"))
    su_figures = {k: v for k, v in su.items() if k in ("racks", "gpus", "max_units")}
    return ArchitectureContext(
        id=entry.id,
        title=entry.text("title", entry.id),
        vendor=entry.text("vendor"),
        version=plain(d.get("version")),
        status=plain(d.get("status")),
        use=plain(d.get("use")),
        release=site.release,
        summary=plain(d.get("summary")),
        when_to_use=plain(d.get("when_to_use")),
        yaml_link=rel(here, kb_file_path(site, entry.path)),
        su_name=plain(su.get("name", "")),
        su_figures=sec.figure_rows(su_figures, src),
        su_note=plain(su.get("note")),
        bom=bom,
        diagram=sec.diagram(su, racks, bom, networks),
        racks=racks,
        facility=sec.figure_rows(d.get("facility"), src),
        facility_note=plain(get(d, "facility", "note")),
        networks=networks,
        storage=sec.figure_rows(d.get("storage"), src),
        storage_note=plain(get(d, "storage", "note")),
        practices=sec.practice_rows(d.get("best_practices"), src),
        hot_spots=sec.text_rows(d.get("hot_spots"), ("id", "resource", "description")),
        fragile_points=sec.text_rows(
            d.get("fragile_points"), ("id", "component", "description", "mitigation")
        ),
        changes=sec.change_rows(d.get("changes")),
        sources=source_rows(src),
    )


def pages(site: Site) -> Iterator[Page]:
    rows: list[IndexRow] = []
    for entry in site.kb.entries("architecture"):
        ctx = context(site, entry)
        yield Page(page_path(entry.id), site.render("architecture.md.j2", ctx), title=entry.id)
        kw = rack_kw(entry)
        rows.append(
            IndexRow(
                id=entry.id,
                title=ctx["title"],
                link=page_path(entry.id).removeprefix("architectures/"),
                version=ctx["version"],
                status=ctx["status"],
                use=ctx["use"],
                rack_kw=value_text(kw, "kW") if kw is not None else "",
                cooling=plain(get(entry.data, "facility", "cooling")),
                gpus=value_text(get(entry.data, "scalable_unit", "gpus")),
            )
        )
    index = IndexContext(rows=rows, release=site.release, chart="../catalog/rack-kw.svg")
    yield Page("architectures/index.md", site.render("architectures-index.md.j2", index))
