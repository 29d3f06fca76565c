"""The site generator: escaping, templates, page providers and their extension points.

Pure Python, no mkdocs run; the builds are in test_site_build.py, the browser in
test_site_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jinja2
import markdown
import pytest
from conftest import RunCli
from mkdocs.config import load_config
from site_build import ROOT, XSS_KB

from linter.lint.rules import RULES
from linter.site import FRAGMENTS, SiteError, expand_fragments, generate, jsonmd, rules
from linter.site.core import Site, SiteOptions
from linter.site.density import chart
from linter.site.escape import md_inline, md_link, mermaid_label, safe_url
from linter.site.render import Renderer


def make_site(kb: Path = ROOT / "architectures", site_src: Path = ROOT / "site_src") -> Site:
    return Site(SiteOptions(kb, ROOT / "schema", site_src, "https://refarch.dev/"))


@pytest.fixture(scope="module")
def real() -> Site:
    return make_site()


@pytest.fixture(scope="module")
def real_pages(real: Site) -> dict[str, str | bytes]:
    return {p.path: p.content for p in generate(real)}


@pytest.fixture(scope="module")
def xss_pages() -> dict[str, str | bytes]:
    return {p.path: p.content for p in generate(make_site(XSS_KB))}


@pytest.fixture(scope="module")
def to_html() -> Any:
    cfg = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=cfg.markdown_extensions, extension_configs=cfg.mdx_configs)

    def convert(text: str) -> str:
        md.reset()
        return md.convert(text)

    return convert


# --- escaping -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "markdown_text", "html"),
    [
        ("a | b", r"a \| b", "<p>a | b</p>"),
        ("<script>alert(1)</script>", r"&lt;script&gt;alert\(1\)&lt;/script&gt;",
         "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("<img src=x onerror=alert(1)>", r"&lt;img src=x onerror=alert\(1\)&gt;",
         "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("[x](javascript:alert(1))", r"&#91;x\]\(javascript:alert\(1\)\)",
         "<p>&#91;x](javascript:alert(1))</p>"),
        ("{{ 7*7 }}", r"&#123;\{ 7\*7 \}\}", "<p>&#123;{ 7*7 }}</p>"),
        ("{% raw %}", r"&#123;% raw %\}", "<p>&#123;% raw %}</p>"),
        ('hi{: onclick="x"}', r"hi\{: onclick=&quot;x&quot;\}", "<p>hi{: onclick=&quot;x&quot;}</p>"),  # noqa: E501
        ('=== "tab"', "&#61;== &quot;tab&quot;", "<p>&#61;== &quot;tab&quot;</p>"),
        ("!!! note", r"&#33;\!\! note", "<p>&#33;!! note</p>"),
        ("# head", "&#35; head", "<p>&#35; head</p>"),
        ("1. item", r"1\. item", "<p>1. item</p>"),
        ("  two\n lines  ", "two lines", "<p>two lines</p>"),
    ],
)  # fmt: skip
def test_md_inline_is_inert_text(text: str, markdown_text: str, html: str, to_html: Any) -> None:
    assert str(md_inline(text)) == markdown_text
    assert to_html(str(md_inline(text))) == html


def test_pipe_stays_inside_its_table_cell(to_html: Any) -> None:
    table = f"| h | k |\n|---|---|\n| {md_inline('a | b')} | {md_inline('[c](x)')} |"
    assert "<td>a | b</td>\n<td>&#91;c](x)</td>" in to_html(table)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,x", None),
        ("//x.invalid/a", None),
        ("https://x.invalid/a b", None),
        ("https://x.invalid/a(b)", "https://x.invalid/a%28b%29"),
    ],
)
def test_safe_url_allows_only_http(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_link_text_and_target_are_escaped() -> None:
    assert str(md_link("[t]", 'https://x.invalid/a)(b"c<d>?q=[1]')) == (
        r"[&#91;t\]](https://x.invalid/a%29%28b%22c%3Cd%3E?q=%5B1%5D)"
    )
    assert str(md_link("<b>", "javascript:alert(1)")) == "&lt;b&gt;"


def test_mermaid_label_keeps_only_safe_characters() -> None:
    assert str(mermaid_label('a"b<c> %%{x}\n(1)')) == "a#34;b#60;c#62; #37;#37;#123;x#125; (1)"


# --- templates -----------------------------------------------------------------------------
def test_templates_escape_by_default_and_never_evaluate_values(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("{{ x }}|{{ x|code }}|{{ x|mermaid }}|{{ n|num }}\n")
    (tmp_path / "t.svg.j2").write_text("<text>{{ x }}</text>\n")
    r = Renderer(tmp_path)
    x = "{{ 7*7 }}<b>"
    assert r.render("t.md.j2", {"x": x, "n": 2.5}) == (
        r"&#123;\{ 7\*7 \}\}&lt;b&gt;|<code>&#123;\{ 7\*7 \}\}&lt;b&gt;</code>|"
        "#123;#123; 7#42;7 #125;#125;#60;b#62;|2.5\n"
    )
    assert r.render("t.svg.j2", {"x": x}) == "<text>{{ 7*7 }}&lt;b&gt;</text>\n"


def test_undefined_names_fail_the_render(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("{{ missing }}\n")
    with pytest.raises(jinja2.UndefinedError, match="'missing' is undefined"):
        Renderer(tmp_path).render("t.md.j2", {})


# --- the generated pages --------------------------------------------------------------------
def test_pages_are_sorted_unique_and_deterministic(real: Site) -> None:
    first = generate(real)
    paths = [p.path for p in first]
    assert paths == sorted(set(paths))
    assert [(p.path, p.content) for p in generate(make_site())] == [
        (p.path, p.content) for p in first
    ]


def test_every_kb_entry_rule_and_schema_has_its_page(real: Site, real_pages: dict) -> None:
    for arch in real.kb.ids("architecture"):
        assert f"architectures/{arch}.md" in real_pages
        assert (
            real_pages[f"kb/reference/{arch}.yaml"]
            == (ROOT / "architectures" / "reference" / f"{arch}.yaml").read_bytes()
        )
    for rule in RULES:
        assert f"rules/{rule.NAME}.md" in real_pages
    for schema in sorted((ROOT / "schema").glob("*.schema.json")):
        assert real_pages[f"schema/{schema.name}"] == schema.read_bytes()
        assert f"schema/{schema.name.removesuffix('.schema.json')}.md" in real_pages


def test_rule_page_is_the_explain_text(real_pages: dict, run_cli: RunCli) -> None:
    from linter.lint.registry import codes

    shown = [c for c in codes() if c.family != "change"]
    assert {c.code for c in shown} >= {r.CODE for r in RULES} | {"VAL001", "REL004"}
    for c in shown:
        page = real_pages[f"rules/{c.name}.md"]
        assert page.startswith(f"# {c.code} {md_inline(c.name)}\n")
        code, out, err = run_cli("explain", c.code)
        assert (code, err) == (0, "")
        assert rules.demote(out.strip()) in page


def test_demote_shifts_headings_outside_code_fences() -> None:
    text = "# A\n```yaml\n# a comment\n```\n## B"
    assert rules.demote(text) == "## A\n```yaml\n# a comment\n```\n### B"


def test_rules_index_without_a_registry(real: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> Any:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(rules.importlib, "import_module", missing)
    pages = list(rules.pages(real))
    assert [p.path for p in pages] == ["rules/index.md"]
    assert "This build of refarch has no rule registry" in str(pages[0].content)


def test_schema_page_lists_nested_properties(real_pages: dict) -> None:
    plan = json.loads((ROOT / "schema" / "plan.schema.json").read_text())
    model = plan["properties"]["racks"]["items"]["properties"]["systems"]["items"]
    description = md_inline(model["properties"]["model"]["description"])
    row = rf"| <code>racks\[\]\.systems\[\]\.model</code> | [id](common.md#id) | yes | {description} |  |"  # noqa: E501
    assert row in real_pages["schema/plan.md"].splitlines()


# --- the XSS knowledge base: exact escaped Markdown ------------------------------------------
def test_xss_architecture_markdown(xss_pages: dict) -> None:
    page = xss_pages["architectures/xss-arch.md"]
    lines = page.splitlines()
    assert lines[0] == (
        r"# XSS &lt;script&gt;window\.\_\_xss=&#39;title&#39;;alert\(&#39;title&#39;\)"
        r"&lt;/script&gt; arch"
    )
    assert r"| power redundancy | 2N \| N\+1 |  |" in lines
    assert (
        r"| <code>p1&lt;script&gt;</code> | 2 x xss\-system | 20 kW | air \| liquid | 100 kg |  |"
        in lines
    )  # noqa: E501
    assert r"*Why:* Because \{\{ 7\*7 \}\} \| and \{% raw %\}" in lines
    assert "49" not in page
    assert "](javascript" not in page


def test_xss_mermaid_labels_cannot_break_out(xss_pages: dict) -> None:
    page = xss_pages["architectures/xss-arch.md"]
    fence = page.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert fence.splitlines()[1] == (
        '  subgraph su["SU#34;#93;#59; click su call alert(6)#59; x#91;#34;#37;#37;#123;init: '
        '#123;#39;securityLevel#39;: #39;loose#39;#125;#125;#37;#37;: 1 racks, 16 GPUs"]'
    )
    # Every label is one double-quoted string: no payload adds a quote, bracket, statement
    # separator or directive; all of those are Mermaid entity codes (#34;).
    bare = re.sub(r"#[0-9]+;", "", fence)
    assert [line.count('"') for line in bare.splitlines()] == [0, 2, 0, 2, 2, 0, 2, 0]
    assert not set(bare) & set("<>;%{}|'")
    assert bare.count("[") == bare.count("]") == 4  # su, rack profile, switch, network


def test_xss_chart_svg_holds_payloads_as_text() -> None:
    site = make_site(XSS_KB)
    ctx = chart(site)
    assert [(b["label"], b["value"]) for b in ctx["bars"]] == [("xss-arch", "20 kW")]
    svg = ET.fromstring(site.render("rack-kw.svg.j2", ctx))
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "low | <script>window.__xss='tier';alert('tier')</script> 3 to 5 kW" in texts
    assert not [
        e for e in svg.iter() if "script" in e.tag or any(a.startswith("on") for a in e.attrib)
    ]


# --- fragments and extension points ----------------------------------------------------------
def test_unknown_fragment_is_an_error(real: Site) -> None:
    with pytest.raises(SiteError, match=r"^index.md: unknown fragment 'nope' \(known: "):
        expand_fragments(real, "<!-- refarch:nope -->", "index.md")
    assert sorted(FRAGMENTS) == [
        "density-tiers", "example-lint", "example-plan", "kb-counts", "rack-kw-chart",
        "review-checks",
    ]  # fmt: skip


def test_chart_fragment_links_relative_to_the_page(real: Site) -> None:
    assert expand_fragments(real, "<!-- refarch:rack-kw-chart -->", "catalog/index.md").endswith(
        "](rack-kw.svg)"
    )
    assert expand_fragments(real, "<!-- refarch:rack-kw-chart -->", "index.md").endswith(
        "](catalog/rack-kw.svg)"
    )


def test_build_date_honours_source_date_epoch(real: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert make_site().build_date == "1970-01-01"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert make_site().build_date == ""  # no SOURCE_DATE_EPOCH: no date is claimed


def test_sizing_examples_render_the_size_command_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.site import sizing

    payload = "<script>alert(1)</script>"
    monkeypatch.setattr(sizing, "sizing_json", lambda kb, example:
                        {"system": payload, "gpus": 8, "racks": 1, "assumptions": {"pue": 1.5}})  # fmt: skip  # noqa: E501
    shutil.copytree(ROOT / "site_src" / "templates", tmp_path / "templates")
    (tmp_path / "sizing-examples.yaml").write_text(
        "examples:\n  - {title: T|1, model: m, system: s, users: 10}\n"
    )
    page = next(iter(sizing.pages(make_site(site_src=tmp_path)))).content
    lines = str(page).splitlines()
    assert "## T\\|1" in lines
    assert (
        "<code>refarch size \\-\\-model m \\-\\-system s \\-\\-users 10 \\-\\-json</code>" in lines
    )
    assert "| system | GPUs | racks |" in lines
    assert r"| &lt;script&gt;alert\(1\)&lt;/script&gt; | 8 | 1 |" in lines
    assert r"    | assumptions\.pue | 1\.5 |" in lines


def test_review_packet_needs_a_git_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter.site import releases

    monkeypatch.setattr(releases, "review_data", lambda site, repo, release:
                        {"summary": "x | y", "changes": [{"id": "a"}, {"id": "[b](javascript:1)"}]})  # fmt: skip  # noqa: E501
    shutil.copytree(XSS_KB, tmp_path / "architectures")
    site = make_site(kb=tmp_path / "architectures")
    assert releases.packet(site, "2026.11")[1] == "the knowledge base is not in a git repository"
    (tmp_path / ".git").mkdir()
    packet, error = releases.packet(site, "2026.11")
    assert error == ""
    assert str(packet).splitlines() == [
        "| field | value |", "|---|---|", r"| summary | x \| y |", "",
        "### changes", "", "| field | 1 | 2 |", "|---|---|---|",
        r"| id | a | &#91;b\]\(javascript:1\) |",
    ]  # fmt: skip


def test_jsonmd_flattens_objects_and_tabulates_lists() -> None:
    assert jsonmd.render({"a": 1, "b": {"c": [1, 2]}, "d": [{"e": "<x>"}]}) == (
        "| field | value |\n|---|---|\n| a | 1 |\n| b\\.c | 1, 2 |\n\n"
        "## d\n\n| field | 1 |\n|---|---|\n| e | &lt;x&gt; |\n"
    )


def test_example_lint_fragment_runs_the_linter(real: Site) -> None:
    text = expand_fragments(real, "<!-- refarch:example-lint -->", "getting-started.md")
    lines = text.splitlines()
    assert lines[0] == "```console"
    assert lines[1] == "$ refarch lint first-plan.yaml"
    assert lines[-3:] == ["$ echo $?", "1", "```"]
    assert any(line.startswith("first-plan.yaml:14:16: PWR001 [rack-power-over-budget]")
               for line in lines)  # fmt: skip


def test_kb_counts_fragment() -> None:
    text = expand_fragments(make_site(XSS_KB), "<!-- refarch:kb-counts -->", "index.md")
    assert text == (
        r"Knowledge-base release **2026\.11** holds [1 reference architectures](architectures/index.md), "  # noqa: E501
        "[1 accelerators](catalog/accelerators.md), [1 systems](catalog/systems.md), "
        "[0 cooling options](catalog/cooling.md), [0 network fabrics](catalog/networks.md), "
        "[0 models](catalog/models.md), [0 sets of sizing efficiency factors](catalog/efficiency.md) "  # noqa: E501
        "and 1 standards."
    )
