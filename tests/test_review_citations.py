"""The sources a review packet shows beside each change: what a maintainer opens to check a
figure added or changed in the monthly update."""

# ruff: noqa: E501 (long expected strings and table rows read best on one line)

from __future__ import annotations

from linter.review import citations as c
from linter.review.classify import classify_all
from linter.review.diff import diff
from linter.review.render import changes_table

SOURCES = {
    "nv": {"title": "NVIDIA doc", "url": "https://docs.example/a|b (x)", "retrieved": "2026-12-04"},
    "oem": {"title": "OEM sheet", "url": "javascript:alert(1)", "retrieved": "2026-11-02"},
}
OLD = {
    "sources": SOURCES,
    "max_power_kw": {"range": [120, 132], "default": 132, "sources": ["nv"]},
    "psu_rating_kw": {"value": 5, "source": "nv"},
}
NEW = {
    "sources": SOURCES,
    "max_power_kw": {"range": [120, 142], "default": 142, "sources": ["nv", "oem"]},
    "psu_rating_kw": {"value": 5.5, "source": "nv"},
    "psu_count": {"value": 48, "derived": "8 * 6"},
    "tray": {"count": {"value": 18, "source": "oem"}, "kw": {"value": 6.6, "source": "nv"}},
    "summary": "text",
}
NV = {"id": "nv", "url": "https://docs.example/a|b (x)", "retrieved": "2026-12-04"}
OEM = {"id": "oem", "url": "javascript:alert(1)", "retrieved": "2026-11-02"}


def test_a_change_is_cited_by_the_figure_it_touches_or_the_figures_it_adds() -> None:
    assert c.citations(NEW, ("psu_rating_kw",)) == (NV,)
    assert c.citations(NEW, ("max_power_kw", "range")) == (NV, OEM)  # inside a figure
    assert c.citations(NEW, ("psu_count",)) == ({"derived": "8 * 6"},)
    assert c.citations(NEW, ("tray",)) == (OEM, NV)  # a block: each source once, in order
    assert c.citations(NEW, None) == (NV, OEM, {"derived": "8 * 6"})  # the whole entry
    assert c.citations(NEW, ("summary",)) == ()
    assert c.citations(NEW, ("sources", "nv")) == ()
    assert c.citations(NEW, ("gone",)) == ()


def test_the_packet_table_links_each_source_with_its_retrieval_date() -> None:
    """Only http(s) URLs become links, escaped for a Markdown table cell; a formula shows as
    code; removals and text changes cite nothing."""
    rows = changes_table(classify_all(diff(OLD, NEW), "system", OLD, NEW))
    nv = "[nv](https://docs.example/a%7Cb%20%28x%29) (2026-12-04)"
    assert rows == [
        "| level | check | change | source |",
        "|---|---|---|---|",
        f"| **breaking** | `limit-tightened` | `max_power_kw`: 132 kW -> 142 kW (+8 %) | {nv}; `oem` (2026-11-02) |",
        f"| warning | `figure-changed` | `psu_rating_kw`: 5 kW -> 5.5 kW (+10 %) | {nv} |",
        f"| info | `source-changed` | `max_power_kw.range`: [120 kW, 132 kW] -> [120 kW, 142 kW] | {nv}; `oem` (2026-11-02) |",
        f"| info | `source-changed` | `max_power_kw.sources`: added 'oem' | {nv}; `oem` (2026-11-02) |",
        "| info | `content-added` | `psu_count`: added 48 | derived: `8 * 6` |",
        f"| info | `content-added` | `tray`: added | `oem` (2026-11-02); {nv} |",
        "| info | `text-changed` | `summary`: added 'text' |  |",
    ]


def test_a_long_list_of_sources_is_cut_with_a_count() -> None:
    many = tuple({"id": f"s{i}", "url": "", "retrieved": ""} for i in range(9))
    assert c.markdown(many, limit=2) == "`s0`; `s1`; and 7 more"
