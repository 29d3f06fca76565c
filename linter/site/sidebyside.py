"""Side-by-side pages: two or more systems, or two or more architectures, one column each.

``compare/systems.md`` and ``compare/architectures.md`` hold every entry as a column and every
field as a row, rendered at build time. A link names the entries to show:
``compare/systems/?ids=dgx-h100,gb200-nvl72``; ``assets/compare.js`` hides the other columns
and keeps the checkboxes and the address in step, so a comparison is a URL people can share.
Without JavaScript the page shows every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypedDict

from linter.kb.model import Architecture, Located
from linter.site.architectures import page_path as arch_page
from linter.site.catalog import TABLES, cell, entry_path
from linter.site.core import Page, Site, rel
from linter.site.entries import lifecycle_text
from linter.site.figures import value_text

NA = "n/a"  # a field the entry's sources do not publish (the entry page says which)


class Column(TypedDict):
    id: str
    label: str
    link: str


class Row(TypedDict):
    field: str
    cells: list[str]


def _arch_fields() -> list[tuple[str, Callable[[Architecture], str]]]:
    def su(a: Architecture, key: str, unit: str = "") -> str:
        unit_of = a.scalable_unit
        return value_text(getattr(unit_of, key), unit) if unit_of is not None else ""

    def net(a: Architecture, role: str) -> str:
        n = a.network(role)
        return n.fabric if n is not None else ""

    return [
        ("vendor", lambda a: a.vendor),
        ("version", lambda a: a.version),
        ("status", lifecycle_text),
        ("use", lambda a: ", ".join(a.use)),
        ("max kW per rack", lambda a: value_text(a.facility.rack_kw_max, "kW")),
        ("cooling", lambda a: a.facility.cooling),
        ("ASHRAE class", lambda a: a.facility.ashrae_class),
        ("power redundancy", lambda a: a.facility.power_redundancy),
        ("rack profiles", lambda a: ", ".join(p.id for p in a.rack_profiles)),
        ("scalable unit", lambda a: a.scalable_unit.name if a.scalable_unit else ""),
        ("GPUs per unit", lambda a: su(a, "gpus")),
        ("racks per unit", lambda a: su(a, "racks")),
        ("power per unit", lambda a: su(a, "power_kw", "kW")),
        ("compute fabric", lambda a: net(a, "compute")),
        ("storage fabric", lambda a: net(a, "storage")),
        ("storage read", lambda a: value_text(a.storage.read_gb_s, "GB/s")),
        ("best practices", lambda a: str(len(a.best_practices))),
        ("fragile points", lambda a: str(len(a.fragile_points))),
    ]


def _page(
    site: Site,
    kind: str,
    entries: list[Located],
    fields: list[tuple[str, Callable[[Any], str]]],
    page_of: Callable[[Located], str],
) -> Page:
    """``compare/<kind>.md``: ``entries`` as columns, ``fields`` as rows."""
    here = f"compare/{kind}.md"
    title = f"{kind.capitalize()} side by side"
    columns = [Column(id=e.id, label=e.label, link=rel(here, page_of(e))) for e in entries]
    rows = [Row(field=name, cells=[get(e) or NA for e in entries]) for name, get in fields]
    context = {
        "title": title,
        "kind": kind,
        "release": site.release,
        "example": ",".join(e.id for e in entries[:2]),
        "columns": columns,
        "rows": rows,
    }
    return Page(here, site.render("side-by-side.md.j2", context), title=title)


def pages(site: Site) -> Iterator[Page]:
    systems_table = next(t for t in TABLES if t.kind == "system")

    def field(key: str) -> Callable[[Any], str]:
        return lambda e: cell(e, key)

    system_fields = [(c.header, field(c.key)) for c in systems_table.columns]
    systems: list[Located] = list(site.kb.typed("system"))
    yield _page(site, "systems", systems, system_fields, lambda e: entry_path("system", e.id))
    archs: list[Located] = list(site.kb.architectures())
    yield _page(site, "architectures", archs, _arch_fields(), lambda e: arch_page(e.id))
