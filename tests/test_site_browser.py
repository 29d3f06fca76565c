"""The built docs site in a real browser: Debian's Chromium, headless, via Playwright.

The site is built with `mkdocs build --strict` and served on 127.0.0.1 (a free port); no
page may log a console error, fail a request or open a dialog. Screenshots go to
$REFARCH_TEST_ARTIFACTS, else to pytest's temporary directory (the `artifacts` fixture).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from site_build import ROOT, XSS_KB, real_site, serve, xss_site

from linter.core import yamlio
from linter.site.architectures import context
from linter.site.core import Site, SiteOptions

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
# Material renders each Mermaid diagram into a closed shadow root; opening it lets the test
# read the SVG (the page's own scripts behave the same either way).
OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: "open"}); };
"""
# Every element of the page and of its shadow roots, as [tag, [attribute names], href/src].
SCAN = """
() => {
  const out = [];
  const walk = (root) => root.querySelectorAll("*").forEach((el) => {
    out.push([el.tagName.toLowerCase(), el.getAttributeNames(),
              el.getAttribute("href") || el.getAttribute("src") || el.getAttribute("xlink:href") || ""]);
    if (el.shadowRoot) walk(el.shadowRoot);
  });
  walk(document);
  return out;
}
"""


@dataclass
class Visit:
    page: Any
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert CHROMIUM.exists(), (
        "install Debian's chromium: apt-get install -y chromium (make test does)"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def real_url() -> Iterator[str]:
    b = real_site()
    assert b.returncode == 0, b.stderr
    with serve(b.site) as url:
        yield url


@pytest.fixture(scope="module")
def xss_url() -> Iterator[str]:
    b = xss_site()
    assert b.returncode == 0, b.stderr
    with serve(b.site) as url:
        yield url


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_page(url: str) -> Visit:
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(ctx)
        page = ctx.new_page()
        page.add_init_script(OPEN_SHADOWS)
        v = Visit(page)
        page.on(
            "console",
            lambda m: v.errors.append(f"console: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: v.errors.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: v.errors.append(f"request failed: {r.url}"))
        page.on("dialog", lambda d: (v.dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until="networkidle")
        return v

    yield open_page
    for ctx in contexts:
        ctx.close()


def shot(v: Visit, name: str, artifacts: Path) -> None:
    path = artifacts / f"site-{name}.png"
    v.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def kb_title(arch: str) -> str:
    return str(
        yamlio.load(str(ROOT / "architectures" / "reference" / f"{arch}.yaml")).data["title"]
    )


@pytest.mark.parametrize(
    ("name", "path", "title"),
    [
        ("home", "", "refarch: AI-factory reference architectures as code"),
        ("architecture", "architectures/dgx-superpod-gb200/", kb_title("dgx-superpod-gb200")),
        ("rules", "rules/", "Rules"),
    ],
)
def test_page_loads_without_errors(
    visit: Any, real_url: str, name: str, path: str, title: str, artifacts: Path
) -> None:
    v = visit(real_url + path)
    v.page.wait_for_timeout(500)  # let late scripts (search worker, Mermaid) report errors
    assert v.page.locator("article h1").first.inner_text().rstrip("¶").strip() == title
    assert v.errors == []
    assert v.dialogs == []
    shot(v, name, artifacts)


def test_search_finds_the_gb200_nvl72_page(visit: Any, real_url: str, artifacts: Path) -> None:
    v = visit(real_url)
    box = v.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("NVL72", delay=50)  # Material searches on key events, not on fill()
    results = v.page.locator("a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    # Results link pages and their sections; highlighting adds ?h=nvl72.
    pages = [urlsplit(h)._replace(query="", fragment="").geturl() for h in hrefs]
    assert real_url + "architectures/dgx-superpod-gb200/" in pages, hrefs
    assert v.errors == []
    shot(v, "search-nvl72", artifacts)


def test_mermaid_diagram_renders_as_svg(visit: Any, real_url: str, artifacts: Path) -> None:
    v = visit(real_url + "architectures/dgx-superpod-gb200/")
    v.page.wait_for_function(
        "() => document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg g.node')",
        timeout=15_000,
    )
    labels = v.page.evaluate(
        "() => [...document.querySelector('div.mermaid').shadowRoot.querySelectorAll("
        "'g.node, g.cluster-label')].map((n) => n.textContent.trim())"
    )
    site = Site(SiteOptions(ROOT / "architectures", ROOT / "schema", ROOT / "site_src"))
    diagram = context(site, site.kb.architecture("dgx-superpod-gb200"))["diagram"]  # type: ignore[arg-type]
    expected = [f"rack profile {r['id']}: {r['label']}" for r in diagram["racks"]]
    expected += [n["label"] for n in diagram["networks"]]
    assert sorted(label for label in labels if label in expected) == sorted(expected)
    assert f"{diagram['su_name']}: {diagram['su_label']}" in labels
    assert v.errors == []
    v.page.locator("div.mermaid").scroll_into_view_if_needed()
    shot(v, "architecture-diagram", artifacts)


XSS_PAGES = ["", "architectures/", "architectures/xss-arch/", "catalog/systems/",
             "catalog/accelerators/", "catalog/rack-density/", "releases/", "releases/2026.11/",
             "architectures/xss-arch-changes/", "catalog/systems/xss-system/",
             "compare/systems/", "compare/architectures/", "sizing/form/",
             "sizing/examples/"]  # fmt: skip


def test_xss_fixtures_open_no_dialog_and_run_no_script(
    visit: Any, xss_url: str, artifacts: Path
) -> None:
    for path in XSS_PAGES:
        v = visit(xss_url + path)
        v.page.wait_for_timeout(300)
        assert v.dialogs == [], path
        assert v.page.evaluate("() => window.__xss === undefined"), path
        for tag, attrs, target in v.page.evaluate(SCAN):
            assert not [a for a in attrs if a.lower().startswith("on")], (path, tag, attrs)
            assert not target.strip().lower().startswith("javascript:"), (path, tag, target)
        assert v.errors == [], path
    v = visit(xss_url + "architectures/xss-arch/")
    v.page.wait_for_function(
        "() => document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg g.node')"
    )
    diagram_text = v.page.evaluate(
        "() => document.querySelector('div.mermaid').shadowRoot.textContent"
    )
    arch = yamlio.load(str(XSS_KB / "reference" / "xss-arch.yaml")).data
    assert f"compute / {arch['networks'][0]['fabric']}" in diagram_text  # fab"ric<script>, as text
    assert v.page.locator("article h1").first.inner_text().rstrip("¶").strip() == arch["title"]
    assert v.dialogs == [] and v.errors == []
    shot(v, "xss-architecture", artifacts)


# Every table and image (or the box that scrolls it) inside the content column, and no page-wide
# horizontal scroll: [what, left, right, column left, column right] for each that is not.
OVERFLOW = """
() => {
  const article = document.querySelector('article');
  const col = article.closest('.md-content').getBoundingClientRect();
  const bad = [];
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    bad.push(['page', 0, document.documentElement.scrollWidth, 0, window.innerWidth]);
  article.querySelectorAll('table, img').forEach((t) => {
    let box = t.parentElement;
    while (box && box !== article && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
      box = box.parentElement;
    const r = (box && box !== article ? box : t).getBoundingClientRect();
    if (r.width && (r.right > col.right + 1 || r.left < col.left - 1))
      bad.push([t.tagName + ' ' + (t.textContent || t.getAttribute('src') || '').slice(0, 40), r.left, r.right, col.left, col.right]);
  });
  return bad;
}
"""
NEW_PAGES = [
    ("entry", "catalog/systems/gb200-nvl72/", "NVIDIA GB200 NVL72 (DGX GB200 rack)"),
    ("compare", "compare/systems/?ids=dgx-h100,gb200-nvl72", "Systems side by side"),
    ("sizing-form", "sizing/form/", "Sizing form"),
    ("elevation", "architectures/dgx-superpod-h100/", None),
]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


def open_at(browser: Any, url: str, viewport: str, scheme: str) -> Visit:
    width, height = VIEWPORTS[viewport]
    ctx = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = ctx.new_page()
    v = Visit(page)
    page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: v.errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: v.errors.append(f"request failed: {r.url}"))
    page.goto(url, wait_until="networkidle")
    return v


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("name", "path", "title"), NEW_PAGES, ids=[p[0] for p in NEW_PAGES])
def test_new_page_kinds_fit_their_column(
    browser: Any,
    real_url: str,
    artifacts: Path,
    name: str,
    path: str,
    title: str | None,
    viewport: str,
    scheme: str,
) -> None:
    v = open_at(browser, real_url + path, viewport, scheme)
    try:
        v.page.wait_for_timeout(300)
        if title is not None:
            assert v.page.locator("article h1").first.inner_text().rstrip("¶").strip() == title
        dark = v.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert dark == ("slate" if scheme == "dark" else "default")
        assert v.page.evaluate(OVERFLOW) == []
        assert v.errors == []
        shot(v, f"{name}-{viewport}-{scheme}", artifacts)
    finally:
        v.page.context.close()


def test_compare_link_shows_the_named_columns(browser: Any, real_url: str) -> None:
    v = open_at(browser, real_url + "compare/systems/?ids=dgx-h100,gb200-nvl72", "desktop", "light")
    try:
        v.page.wait_for_function(  # compare.js has run
            "() => document.querySelectorAll('[data-refarch-compare] input:checked').length === 2",
            timeout=10_000,
        )
        shown = v.page.evaluate(
            "() => [...document.querySelectorAll('.refarch-scroll table thead th')]"
            ".filter((th) => th.offsetParent !== null).map((th) => th.textContent.trim())"
        )
        assert shown == ["", "NVIDIA DGX H100", "NVIDIA GB200 NVL72 (DGX GB200 rack)"]
        v.page.locator("input[value='dgx-h200']").check()
        v.page.wait_for_function("() => location.search.includes('dgx-h200')", timeout=10_000)
        assert v.page.evaluate("() => location.search") == "?ids=dgx-h100%2Cdgx-h200%2Cgb200-nvl72"
    finally:
        v.page.context.close()


def test_elevation_drawings_load(browser: Any, real_url: str) -> None:
    """The elevation, the power one-line and the goodput chart of a training architecture."""
    v = open_at(browser, real_url + "architectures/dgx-superpod-gb200/", "desktop", "light")
    try:
        widths = v.page.evaluate(
            "() => [...document.querySelectorAll('img.refarch-drawing')].map((i) => i.naturalWidth)"
        )
        assert len(widths) == 3 and all(w > 200 for w in widths), widths
    finally:
        v.page.context.close()


def test_sizing_form_answers_as_refarch_size(
    browser: Any, real_url: str, artifacts: Path, run_cli: Any
) -> None:
    """The form's answer is the engine's: the same numbers `refarch size --json` prints. The
    time from navigation start to the first answer is written to the artifacts."""
    import json

    v = open_at(browser, real_url + "sizing/form/", "desktop", "light")
    try:
        first = v.page.locator("[data-refarch-sizing-answer][data-first-answer-ms]")
        first.wait_for(timeout=10_000)
        (artifacts / "sizing-form-first-answer.txt").write_text(
            f"first answer {first.get_attribute('data-first-answer-at')} ms after navigation"
            f" start ({first.get_attribute('data-first-answer-ms')} ms after the form started)\n",
            encoding="utf-8",
        )
        for field, value in (
            ("model", "llama-3.1-8b"), ("system", "hgx-h200-8gpu"), ("workload", "rag"),
            ("target", "fast"), ("users", "100"),
        ):  # fmt: skip
            v.page.select_option(f"select[name={field}]", value)
        cells = v.page.evaluate(
            "() => Object.fromEntries([...document.querySelectorAll('td[data-field]')]"
            ".map((td) => [td.dataset.field, td.textContent]))"
        )
        command = v.page.locator("[data-refarch-sizing-answer] pre code").inner_text()
        assert command == (
            "refarch size --model llama-3.1-8b --precision fp8 --system hgx-h200-8gpu --users 100"
            " --input-tokens 5000 --output-tokens 500 --ttft-ms 500 --tokens-per-s 50"
        )
        code, out, err = run_cli(
            "--kb", str(ROOT / "architectures"), *command.split()[1:], "--json"
        )
        assert code == 0, err
        printed = json.loads(out)
        for field in ("gpus", "systems", "racks", "tensor_parallel", "replicas", "cooling"):
            assert cells[field] == str(printed[field]), field
        assert float(cells["it_kw"]) == round(printed["it_kw"], 1)
        assert v.errors == []
    finally:
        v.page.context.close()
