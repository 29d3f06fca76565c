"""Real `mkdocs build --strict` runs of the docs site: the repository's KB and the XSS KB."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from site_build import ROOT, XSS_KB, build, elements, html_pages, real_site, squash, xss_site

from linter.core import yamlio
from linter.kb.store import KnowledgeBase
from linter.lint.reporters.sarif import SITE_URL, help_uri
from linter.lint.rules import RULES

pytestmark = pytest.mark.slow


def text_of(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page content, without Material's header, navigation and footer."""
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def heading(el_text: str) -> str:
    return squash(el_text).removesuffix("¶").rstrip()


def test_real_site_builds_strict() -> None:
    b = real_site()
    assert b.returncode == 0, b.stderr
    assert "WARNING" not in b.stderr
    kb = KnowledgeBase.open(ROOT / "architectures")
    for arch in kb.ids("architecture"):
        assert (b.site / "architectures" / arch / "index.html").is_file()


def test_build_is_byte_for_byte_reproducible() -> None:
    first, second = real_site(), build("real-again")
    assert second.returncode == 0, second.stderr
    files = sorted(p.relative_to(first.site) for p in first.site.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(second.site) for p in second.site.rglob("*") if p.is_file()
    )
    assert [
        f for f in files if (first.site / f).read_bytes() != (second.site / f).read_bytes()
    ] == []


def test_source_date_epoch_is_the_only_date() -> None:
    site = real_site().site
    page = squash(text_of(site, "releases/index.html"))
    assert re.search(
        r"This site shows knowledge-base release <strong>[0-9.]+</strong>, dated "
        r"[0-9-]+; it was built on 2025-11-26\.",
        page,
    ), page
    assert "<lastmod>2025-11-26</lastmod>" in text_of(site, "sitemap.xml")


def test_sarif_help_uris_point_at_rule_pages() -> None:
    site = real_site().site
    for rule in RULES:
        page = site / help_uri(rule.NAME).removeprefix(SITE_URL) / "index.html"
        h1 = next(e for e in elements(page.read_text(encoding="utf-8")) if e.tag == "h1")
        assert heading(h1.text) == f"{rule.CODE} {rule.NAME}"


def test_schemas_and_kb_files_are_published_unchanged() -> None:
    site = real_site().site
    for schema in sorted((ROOT / "schema").glob("*.schema.json")):
        assert (site / "schema" / schema.name).read_bytes() == schema.read_bytes()
    for path in sorted((ROOT / "architectures").rglob("*.yaml")):
        published = site / "kb" / path.relative_to(ROOT / "architectures")
        assert published.read_bytes() == path.read_bytes()


def test_home_page_shows_the_density_tiers_and_the_chart() -> None:
    site = real_site().site
    els = elements(text_of(site, "index.html"))
    tiers = yamlio.load(str(ROOT / "architectures" / "standards" / "density-tiers.yaml"))
    first_cells = [squash(e.text) for e in els if e.tag == "td" and e.text.strip()]
    for tier in tiers.data["tiers"]:
        assert tier["id"] in first_cells
    assert [e.attrs["src"] for e in els if e.tag == "img"] == ["catalog/rack-kw.svg"]


def test_search_index_has_the_gb200_page() -> None:
    index = json.loads(text_of(real_site().site, "search/search_index.json"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    arch = yamlio.load(str(ROOT / "architectures" / "reference" / "dgx-superpod-gb200.yaml"))
    assert titles["architectures/dgx-superpod-gb200/"] == arch.data["title"]
    assert "NVL72" in arch.data["title"]


def test_architecture_page_has_a_mermaid_diagram() -> None:
    page = text_of(real_site().site, "architectures/dgx-superpod-gb200/index.html")
    assert '<pre class="mermaid"><code>flowchart TB\n  subgraph su[' in page


# --- the XSS knowledge base -----------------------------------------------------------------
def test_xss_site_builds_strict() -> None:
    b = xss_site()
    assert b.returncode == 0, b.stderr
    assert "WARNING" not in b.stderr


def test_xss_payloads_reach_no_markup() -> None:
    site = xss_site().site
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        for el in elements(text):
            where = f"{page.relative_to(site)}: <{el.tag} {el.attrs}>"
            assert not [a for a in el.attrs if a.startswith("on")], where
            for attr in ("href", "src", "action", "formaction", "xlink:href", "data"):
                assert not el.attrs.get(attr, "").strip().lower().startswith("javascript:"), where
            if el.tag == "script":
                assert "__xss" not in el.text and "alert(" not in el.text, where
        if "<article" not in text:
            continue
        for el in elements(article(text)):
            where = f"{page.relative_to(site)}: <{el.tag} {el.attrs}>"
            assert el.tag not in ("script", "iframe", "object", "embed", "svg", "b"), where
            if el.tag == "img":  # only the build-time drawings, each an SVG the site made
                assert re.search(r"(rack-kw|-elevation|-power)\.svg$", el.attrs["src"]), where


def test_xss_text_renders_literally() -> None:
    site = xss_site().site
    arch = yamlio.load(str(XSS_KB / "reference" / "xss-arch.yaml")).data
    els = elements(article(text_of(site, "architectures/xss-arch/index.html")))
    texts = [squash(e.text) for e in els if e.tag in ("p", "td", "li")]
    assert heading(next(e for e in els if e.tag == "h1").text) == arch["title"]
    assert squash(arch["summary"]) in texts
    assert "2N | N+1" in texts  # one table cell, not two
    assert "air | liquid" in texts
    assert f"Why: {arch['changes'][0]['why']}" in texts
    assert not [t for t in texts if "49" in t]


def test_xss_catalog_cell_keeps_its_pipe() -> None:
    els = elements(text_of(xss_site().site, "catalog/systems/index.html"))
    cells = [squash(e.text) for e in els if e.tag == "td"]
    system = yamlio.load(str(XSS_KB / "catalog" / "systems" / "xss-system.yaml")).data
    assert f"{system['name']}xss-system" in cells  # name, line break, id
    side = elements(text_of(xss_site().site, "compare/systems/index.html"))
    assert system["psu_redundancy"] in [squash(e.text) for e in side if e.tag == "td"]


def test_broken_kb_file_fails_the_build_with_its_position(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(XSS_KB, kb)
    (kb / "catalog" / "systems" / "xss-system.yaml").write_text("id: x\nname: [unclosed\n")
    b = build("broken", kb=kb)
    assert b.returncode == 1
    assert f"refarch site: {kb}/catalog/systems/xss-system.yaml:2:7: YAML syntax error" in b.stderr
    assert "Traceback" not in b.stderr


def test_contributing_page_lists_every_review_check() -> None:
    from linter.kb.change_checks import CHECKS

    els = elements(text_of(real_site().site, "contributing/index.html"))
    codes = {squash(e.text) for e in els if e.tag == "code"}
    assert {c.id for c in CHECKS} <= codes


def words(html: str) -> str:
    """The text of ``html``: tags dropped, entities decoded, whitespace squashed."""
    return squash(unescape(re.sub(r"<[^>]+>", " ", html)))


def test_one_page_per_release_newest_first() -> None:
    site = real_site().site
    index = words(article(text_of(site, "releases/index.html")))
    assert index.index("2026.12") < index.index("2026.11")
    first = words(article(text_of(site, "releases/2026.11/index.html")))
    first_release = "it is the first release in the knowledge base's history."
    assert f"No review packet for this release: {first_release}" in first
    december = words(article(text_of(site, "releases/2026.12/index.html")))
    assert "Compared with the release before it, as refarch review reports it" in december
    assert "dgx-superpod-gb200" in december


def test_compare_page_and_what_changed_box() -> None:
    site = real_site().site
    compare = words(article(text_of(site, "architectures/dgx-superpod-gb200-changes/index.html")))
    assert "2026.11 → 2026.12 (2026-12-03)" in compare
    assert "info content-added scalable_unit.power_kw added 1200 kW" in compare
    # each change cites what to check it against: the figure's source, linked, with its date
    html = text_of(site, "architectures/dgx-superpod-gb200-changes/index.html")
    arch = yamlio.load(str(ROOT / "architectures" / "reference" / "dgx-superpod-gb200.yaml"))
    src = arch.data["sources"]["nv-superpod-gb200-arch"]
    assert (
        "<td>added 1200 kW</td>\n"
        f'<td><a href="{src["url"]}">nv-superpod-gb200-arch ({src["retrieved"]})</a></td>'
    ) in html
    assert "Through the catalog" in compare
    page = words(article(text_of(site, "architectures/dgx-superpod-gb200/index.html")))
    assert "What changed in 2026.12 (since 2026.11)" in page
    assert "every change, version to version" in page
    unchanged = words(article(text_of(site, "architectures/dgx-superpod-h100/index.html")))
    assert "Unchanged in release 2026.12" in unchanged


def test_catalog_entry_page() -> None:
    """A page per catalog entry: figures with unit, source and date, where it is used, its
    history, its YAML as text; the catalog table links to it, not to a YAML download."""
    site = real_site().site
    page = text_of(site, "catalog/systems/dgx-h100/index.html")
    dgx = yamlio.load(str(ROOT / "architectures" / "catalog" / "systems" / "dgx-h100.yaml"))
    kw = dgx.data["max_power_kw"]["value"]
    assert f"<td><code>max_power_kw</code></td>\n<td>{kw:g} kW</td>" in page
    assert (
        '<a href="../../../architectures/dgx-superpod-h100/">architecture dgx-superpod-h100</a>'
        in page
    )
    assert '<h2 id="history">History' in page and "<td>2026-" in page
    assert '<pre class="refarch-yaml"><code>' in page and "max_power_kw:" in page
    table = text_of(site, "catalog/systems/index.html")
    assert '<a href="dgx-h100/">NVIDIA DGX H100</a>' in table


def test_rack_elevation_and_one_line_are_drawn_from_the_kb() -> None:
    """Each architecture page draws its rack profiles: DGX H100 at its catalog height (8 U,
    four to a compute rack), NVL72 hatched where its height is not published."""
    site = real_site().site
    page = text_of(site, "architectures/dgx-superpod-h100/index.html")
    assert 'src="../dgx-superpod-h100-elevation.svg"' in page  # an image: no script runs in it
    svg = text_of(site, "architectures/dgx-superpod-h100-elevation.svg")
    dgx = yamlio.load(str(ROOT / "architectures" / "catalog" / "systems" / "dgx-h100.yaml"))
    height_px = dgx.data["height_u"]["value"] * 9 - 2
    assert svg.count(f'height="{height_px:g}" rx="2" fill="#4e79a7"') == 4 + 2  # both profiles
    assert svg.count(">dgx-h100</text>") == 6
    assert "6 PSUs (4+2)" in text_of(site, "architectures/dgx-superpod-h100-power.svg")
    nvl = text_of(site, "architectures/dgx-superpod-gb200-elevation.svg")
    assert 'fill="url(#refarch-hatch)"' in nvl and "height n/a" in nvl
