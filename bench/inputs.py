"""Benchmark inputs, generated into a scratch directory: plans and a pre-rendered docs tree."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "plans"
CLEAN_PLAN = EXAMPLES / "superpod-h100-training.yaml"
_PLAN_ID = re.compile(r"^plan: (\S+)$", re.M)


def write_plans(dst: Path, n: int) -> list[str]:
    """``n`` plans cycling through the example plans (one clean, the others each showing a
    class of problem), each with its own plan id; paths relative to ``dst.parent``."""
    dst.mkdir(parents=True, exist_ok=True)
    templates = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
    width = len(str(n - 1))
    out = []
    for i in range(n):
        text = _PLAN_ID.sub(lambda m, i=i: f"plan: {m.group(1)}-{i}", templates[i % len(templates)])
        path = dst / f"{i:0{width}d}.yaml"
        path.write_text(text, encoding="utf-8")
        out.append(f"{dst.name}/{path.name}")
    return out


def _hooks() -> Any:
    spec = importlib.util.spec_from_file_location("refarch_bench_hooks", ROOT / "site_src/hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_plain_site(dst: Path) -> Path:
    """Render every page the site hook would generate into a plain docs directory, with the
    hand-written pages' fragments expanded, and write an mkdocs.yml for it without the hook
    (same theme, extensions and navigation). Returns that config file."""
    from mkdocs.config import load_config

    from linter.site import expand_fragments

    hooks = _hooks()
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config = hooks.on_config(config)
    site, pages = hooks._state["site"], hooks._state["pages"]
    docs = dst / "docs"
    shutil.copytree(ROOT / "site_src" / "docs", docs)
    for md in sorted(docs.rglob("*.md")):
        uri = md.relative_to(docs).as_posix()
        md.write_text(expand_fragments(site, md.read_text(encoding="utf-8"), uri), encoding="utf-8")
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(page.content, bytes):
            target.write_bytes(page.content)
        else:
            target.write_text(page.content, encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, count=1, flags=re.M)
    text = re.sub(r"^hooks:\n(?:[ ]+.*\n)+", "", text, flags=re.M)
    text = re.sub(r"^nav:\n(?:[ ]+.*\n?)+", "", text, flags=re.M).rstrip("\n") + "\n"
    nav = yaml.safe_dump({"nav": config["nav"]}, sort_keys=False, allow_unicode=True)
    out = dst / "mkdocs.yml"
    out.write_text(text + nav, encoding="utf-8")
    return out


NETBOX_EXPORT = ROOT / "tests" / "netbox" / "export"
NETBOX_MAPPING = ROOT / "tests" / "netbox" / "netbox-map.yaml"


def netbox_export(dst: Path, racks: int) -> Path:
    """The fixture site's export (tests/netbox/export, 4 racks) repeated to ``racks`` racks:
    copy n of rack C01 is C01-n, with its devices, power feeds and cooling feeds, under new
    ids. Device types, their power port templates, panels and cooling sources are shared."""
    import json
    import shutil

    shutil.copytree(NETBOX_EXPORT, dst)

    def load(name: str) -> list[dict[str, Any]]:
        return list(json.loads((NETBOX_EXPORT / "dcim" / f"{name}.json").read_text())["results"])

    base = {name: load(name) for name in ("racks", "devices", "power-feeds", "cooling-feeds")}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in base}
    copies = -(-racks // len(base["racks"]))
    for n in range(copies):
        offset = n * 100_000
        for rack in base["racks"]:
            if len(out["racks"]) == racks:
                break
            out["racks"].append({**rack, "id": rack["id"] + offset, "name": f"{rack['name']}-{n}"})
        kept = {r["id"] for r in out["racks"]}
        for name in ("devices", "power-feeds", "cooling-feeds"):
            for obj in base[name]:
                rack_id = obj["rack"]["id"] + offset
                if rack_id in kept:
                    out[name].append(
                        {**obj, "id": obj["id"] + offset, "rack": {**obj["rack"], "id": rack_id}}
                    )
    for name, results in out.items():
        body = {"count": len(results), "results": results}
        (dst / "dcim" / f"{name}.json").write_text(json.dumps(body))
    return dst
