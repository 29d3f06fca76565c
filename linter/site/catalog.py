"""Catalog comparison tables: one page per kind, one row per entry, one column per field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypedDict

from markupsafe import Markup

from linter.kb.figures import Figure
from linter.kb.model import Located
from linter.site.core import Page, Site, rel, slug
from linter.site.escape import plain
from linter.site.figures import value_text


@dataclass(frozen=True)
class Column:
    """One column: a header and the entry key it shows (a figure, text or list). A column
    not ``in_table`` is left out of the catalog table (so it fits a laptop's column) and shown
    on the entry pages and the side-by-side pages."""

    header: str
    key: str
    in_table: bool = True


@dataclass(frozen=True)
class Table:
    kind: str
    slug: str
    title: str
    intro: str
    columns: tuple[Column, ...]


# Columns the catalog tables leave to the entry and side-by-side pages.
DETAIL = frozenset(
    {
        "form_factor", "memory_type", "fp4_dense_tflops", "scale_up_interconnect",
        "height_u", "weight_kg", "psu_redundancy", "inlet_temp_min_c", "nvlink_domain_gpus",
        "hidden_size", "attention_heads", "head_dim",
    }
)  # fmt: skip


def _cols(*pairs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(h, k, k not in DETAIL) for h, k in pairs)


# The order here is the order of the catalog pages.
TABLES: tuple[Table, ...] = (
    Table(
        "accelerator",
        "accelerators",
        "Accelerators",
        "GPUs and other accelerators. FLOPS are dense (sparse figures are halved and marked "
        "derived in the YAML); memory is nameplate; power is the accelerator's TDP, not the "
        "system's.",
        _cols(
            ("vendor", "vendor"),
            ("generation", "generation"),
            ("form", "form_factor"),
            ("memory (GB)", "memory_gb"),
            ("memory type", "memory_type"),
            ("bandwidth (TB/s)", "memory_bandwidth_tb_s"),
            ("BF16 dense (TFLOPS)", "bf16_dense_tflops"),
            ("FP8 dense (TFLOPS)", "fp8_dense_tflops"),
            ("FP4 dense (TFLOPS)", "fp4_dense_tflops"),
            ("TDP (W)", "tdp_w"),
            ("scale-up (GB/s)", "scale_up_bandwidth_gb_s"),
            ("scale-up link", "scale_up_interconnect"),
            ("cooling", "cooling"),
            ("status", "status"),
        ),
    ),
    Table(
        "system",
        "systems",
        "Systems",
        "Servers and rack-scale systems. Power is the system maximum (what a rack budget must "
        "carry), not the sum of GPU TDPs.",
        _cols(
            ("accelerator", "accelerator"),
            ("GPUs", "gpu_count"),
            ("form", "form"),
            ("max power (kW)", "max_power_kw"),
            ("cooling", "cooling"),
            ("height (U)", "height_u"),
            ("weight (kg)", "weight_kg"),
            ("PSUs", "psu_count"),
            ("PSU redundancy", "psu_redundancy"),
            ("inlet min (°C)", "inlet_temp_min_c"),
            ("inlet max (°C)", "inlet_temp_max_c"),
            ("NVLink domain (GPUs)", "nvlink_domain_gpus"),
            ("status", "status"),
        ),
    ),
    Table(
        "cooling",
        "cooling",
        "Cooling",
        "How heat leaves the rack, and how many kW per rack each option removes as published.",
        _cols(
            ("mode", "mode"),
            ("variant", "variant"),
            ("max kW per rack", "rack_kw_max"),
            ("typical kW per rack", "rack_kw_typical"),
            ("facility water", "requires_facility_water"),
            ("supply water max (°C)", "supply_water_temp_max_c"),
            ("status", "status"),
        ),
    ),
    Table(
        "network",
        "networks",
        "Networks",
        "Compute, storage and management fabrics.",
        _cols(
            ("technology", "technology"),
            ("generation", "generation"),
            ("link (Gb/s)", "link_speed_gbps"),
            ("switch radix", "switch_radix"),
            ("topologies", "topologies"),
            ("RDMA", "rdma"),
            ("status", "status"),
        ),
    ),
    Table(
        "model",
        "models",
        "Models",
        "Language models the sizing engine knows, from their published configurations.",
        _cols(
            ("family", "family"),
            ("architecture", "architecture"),
            ("attention", "attention"),
            ("params (B)", "params_b"),
            ("active (B)", "active_params_b"),
            ("layers", "layers"),
            ("hidden", "hidden_size"),
            ("heads", "attention_heads"),
            ("KV heads", "kv_heads"),
            ("head dim", "head_dim"),
            ("context", "context_length"),
            ("native precision", "native_precision"),
        ),
    ),
    Table(
        "efficiency",
        "efficiency",
        "Efficiency factors",
        "How much of an accelerator's nameplate memory, memory bandwidth and dense peak a serving "
        "stack turns into useful work: the sizing engine's factors, one set per accelerator "
        "generation and stack, fitted to published measurements listed in its YAML and checked "
        "against others it was not fitted to (see Sizing > Accuracy). A blank step or "
        "all-reduce cell is a term the set leaves out.",
        _cols(
            ("generation", "generation"),
            ("stack", "stack"),
            ("memory usable (%)", "memory_usable_pct"),
            ("decode bandwidth (%)", "decode_bandwidth_pct"),
            ("FLOPs (%)", "flops_pct"),
            ("step overhead (ms)", "step_overhead_ms"),
            ("layer overhead (us)", "layer_overhead_us"),
            ("overhead per sequence per step (us)", "sequence_overhead_us"),
            ("overhead per request before its first token (ms)", "request_overhead_ms"),
            ("MoE expert GEMMs (% of dense peak)", "moe_flops_pct"),
            ("all-reduce latency (µs)", "allreduce_latency_us"),
            ("all-reduce bandwidth (%)", "allreduce_bandwidth_pct"),
            ("roofline exponent", "roofline_exponent"),
        ),
    ),
)


NA = "n/a"  # a figure the entry's sources do not publish (its page lists the sources read)


class Row(TypedDict):
    id: str
    anchor: Markup
    name: str
    yaml: str
    cells: list[str]


class CatalogContext(TypedDict):
    """Everything ``catalog.md.j2`` shows."""

    title: str
    intro: str
    release: str
    headers: list[str]
    rows: list[Row]


def page_path(kind: str) -> str:
    slug = next((t.slug for t in TABLES if t.kind == kind), kind)
    return f"catalog/{slug}.md"


def entry_path(kind: str, id_: str) -> str:
    """The entry page of a catalog entry (``catalog/systems/dgx-h100.md``)."""
    table_slug = next((t.slug for t in TABLES if t.kind == kind), kind)
    return f"catalog/{table_slug}/{slug(id_)}.md"


def anchor(id_: str) -> Markup:
    """An HTML id for a catalog entry (the KB id, reduced to ``[a-z0-9-]``)."""
    return Markup(re.sub(r"[^a-z0-9-]", "-", id_.lower()))


def cell(entry: Located, key: str) -> str:
    """The column ``key`` of a typed catalog entry (a field named as the schema's key)."""
    value = getattr(entry, key, None)
    if isinstance(value, Figure):
        return value_text(value)  # the unit is in the header
    if isinstance(value, bool):
        return "yes" if value else "no"
    return plain(value)


def context(site: Site, table: Table) -> CatalogContext:
    here = page_path(table.kind)
    columns = [c for c in table.columns if c.in_table]
    rows = [
        Row(
            id=e.id,
            anchor=anchor(e.id),
            name=getattr(e, "name", "") or e.id,
            yaml=rel(here, entry_path(table.kind, e.id)),
            cells=[cell(e, c.key) for c in columns],
        )
        for e in site.kb.typed(table.kind)
    ]
    used = [i for i, c in enumerate(columns) if any(r["cells"][i] for r in rows)]
    for r in rows:
        r["cells"] = [r["cells"][i] or NA for i in used]
    return CatalogContext(
        title=table.title,
        intro=table.intro,
        release=site.release,
        headers=[columns[i].header for i in used],
        rows=rows,
    )


def pages(site: Site) -> Iterator[Page]:
    for table in TABLES:
        yield Page(
            page_path(table.kind),
            site.render("catalog.md.j2", context(site, table)),
            title=table.title,
        )
