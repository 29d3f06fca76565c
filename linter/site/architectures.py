"""One page per reference architecture, and the index of them all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import TypedDict

from linter.kb.change_checks import LEVELS
from linter.kb.model import Architecture
from linter.site import compare, goodput_chart
from linter.site import sections as sec
from linter.site.catalog import entry_path
from linter.site.core import Page, Site, kb_file_path, rel, slug
from linter.site.elevations import elevation, one_line
from linter.site.escape import plain
from linter.site.figures import SourceRow, source_rows, value_text

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
    what_changed: WhatChanged
    elevation: str  # the drawing's file, relative to the page ("" when none)
    one_line: str
    goodput: goodput_chart.Table | None  # goodput by cluster size (a scalable unit's GPUs)
    goodput_chart: str


class WhatChanged(TypedDict):
    """The box on top of the page: the newest step of the architecture's history."""

    known: bool  # history could be read
    this_release: bool  # the newest step is this release's
    old: str
    new: str
    summary: str
    counts: str  # "2 breaking, 1 review, 3 info"
    rows: list[compare.Row]  # the first few changes, breaking first
    more: int  # changes not shown in the box
    link: str  # the compare page


BOX_ROWS = 5


def what_changed(site: Site, arch: Architecture) -> WhatChanged:
    here = page_path(arch.id)
    step = compare.latest(site, arch.id)
    rows = [*step.changes, *step.catalog] if step else []
    counts = Counter(r.level for r in rows)
    return WhatChanged(
        known=not compare.steps(site).error,
        this_release=step is not None and step.new == site.release,
        old=step.old if step else "",
        new=step.new if step else arch.version,
        summary=step.summary if step else "",
        counts=", ".join(f"{counts[lv]} {lv}" for lv in LEVELS if counts[lv]),
        rows=rows[:BOX_ROWS],
        more=max(0, len(rows) - BOX_ROWS),
        link=rel(here, compare.page_path(arch.id)),
    )


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


def context(site: Site, arch: Architecture) -> ArchitectureContext:
    src, su = arch.sources, arch.scalable_unit
    here = page_path(arch.id)

    def catalog_link(kind: str) -> Callable[[str], str]:
        def link(id_: str) -> str:
            if not site.kb.has(kind, id_):
                return ""
            return rel(here, entry_path(kind, id_))

        return link

    bom = sec.bom_rows(su, src, catalog_link("system"))
    goodput = goodput_chart.table(site.kb, arch)
    racks = sec.rack_rows(arch.rack_profiles, src)
    networks = sec.network_rows(arch.networks, catalog_link("network"))
    return ArchitectureContext(
        id=arch.id,
        title=arch.title or arch.id,
        vendor=arch.vendor,
        version=arch.version,
        status=arch.status,
        use=plain(arch.use),
        release=site.release,
        summary=arch.summary,
        when_to_use=arch.when_to_use,
        yaml_link=rel(here, kb_file_path(site, arch.path)),
        su_name=su.name if su else "",
        su_figures=sec.figure_rows(su, src, skip=("name",)) if su else [],
        su_note=su.note if su else "",
        bom=bom,
        diagram=sec.diagram(su, racks, bom, networks),
        racks=racks,
        facility=sec.figure_rows(arch.facility, src),
        facility_note=arch.facility.note,
        networks=networks,
        storage=sec.figure_rows(arch.storage, src),
        storage_note=arch.storage.note,
        practices=sec.practice_rows(arch.best_practices, src),
        hot_spots=sec.text_rows(arch.hot_spots, ("id", "resource", "description")),
        fragile_points=sec.text_rows(
            arch.fragile_points, ("id", "component", "description", "mitigation")
        ),
        changes=sec.change_rows(arch.changes),
        sources=source_rows(src),
        what_changed=what_changed(site, arch),
        elevation=f"{slug(arch.id)}-elevation.svg" if arch.rack_profiles else "",
        one_line=f"{slug(arch.id)}-power.svg" if arch.rack_profiles else "",
        goodput=goodput,
        goodput_chart=f"{slug(arch.id)}-goodput.svg" if goodput else "",
    )


def pages(site: Site) -> Iterator[Page]:
    rows: list[IndexRow] = []
    for arch in site.kb.architectures():
        ctx = context(site, arch)
        yield Page(page_path(arch.id), site.render("architecture.md.j2", ctx), title=arch.id)
        if arch.rack_profiles:
            yield Page(f"architectures/{slug(arch.id)}-elevation.svg", elevation(site, arch))
            yield Page(f"architectures/{slug(arch.id)}-power.svg", one_line(site, arch))
        if ctx["goodput"] is not None:
            yield Page(
                f"architectures/{ctx['goodput_chart']}",
                site.render("throughput-curve.svg.j2", goodput_chart.chart(arch, ctx["goodput"])),
            )
        kw = rack_kw(arch)
        rows.append(
            IndexRow(
                id=arch.id,
                title=ctx["title"],
                link=page_path(arch.id).removeprefix("architectures/"),
                version=ctx["version"],
                status=ctx["status"],
                use=ctx["use"],
                rack_kw=value_text(kw, "kW") if kw is not None else "",
                cooling=arch.facility.cooling,
                gpus=value_text(su.gpus) if (su := arch.scalable_unit) else "",
            )
        )
    index = IndexContext(rows=rows, release=site.release, chart="../catalog/rack-kw.svg")
    yield Page("architectures/index.md", site.render("architectures-index.md.j2", index))
