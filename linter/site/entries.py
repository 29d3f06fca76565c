"""A page per catalog entry: every figure with its unit, source and retrieval date, where the
entry is used, its history in git, and its YAML as text.

``catalog/<kind slug>/<id>.md``, linked from the catalog tables, the architecture pages and
other entries. "Where used" is every other KB file that names the entry's id (a rack profile,
a scalable unit, a system's accelerator, a network's fabric); "history" is every commit that
changed the file (one ``git log`` of the catalog per build).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

from markupsafe import Markup

from linter.core.errors import RefarchError
from linter.kb.model import Located
from linter.kb.provenance import resolve
from linter.site.catalog import TABLES, entry_path, page_path
from linter.site.core import Page, Site, kb_file_path, rel, slug
from linter.site.escape import md_code, md_link, number, plain, xml
from linter.site.figures import source_rows, with_unit

KIND_SLUG = {t.kind: t.slug for t in TABLES}


class FigureRow(TypedDict):
    key: str
    value: str
    origin: Markup
    retrieved: str
    note: str


class Use(TypedDict):
    label: str
    link: str  # the page it is shown on, relative to this one ("" if none)
    where: str


class Change(TypedDict):
    date: str
    subject: str
    commit: str


def page_of(kind: str, id_: str) -> str:
    """The page an entry of any kind is shown on: its entry page, or an architecture's."""
    if kind == "architecture":
        return f"architectures/{slug(id_)}.md"
    if kind in KIND_SLUG:
        return entry_path(kind, id_)
    return ""


def _value(row: dict[str, Any]) -> str:
    value = row.get("value")
    text = number(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""
    if not text and value is not None:
        text = plain(value)
    rng = row.get("range")
    if isinstance(rng, list) and len(rng) == 2:
        text = f"{number(rng[0])}-{number(rng[1])} (uses {text})" if text else ""
    return with_unit(text, str(row.get("unit", ""))) if text else "n/a (not published)"


def _origin(row: dict[str, Any]) -> Markup:
    if "derived" in row:
        return Markup(f"derived: {md_code(row['derived'])}")
    links = [md_link(s.get("title") or s["id"], s.get("url") or None) for s in row["sources"]]
    return Markup("; ".join(links)) if links else Markup("not sourced")


def figure_rows(entry: Located) -> list[FigureRow]:
    out = []
    for row in resolve(entry.doc):
        dates = sorted({str(s.get("retrieved", "")) for s in row["sources"] if s.get("retrieved")})
        out.append(
            FigureRow(
                key=row["path"].removeprefix("$."),
                value=_value(row),
                origin=_origin(row),
                retrieved=", ".join(dates) or ("n/a (derived)" if "derived" in row else ""),
                note=" ".join(str(row.get("note", "")).split()),
            )
        )
    return out


def _index(site: Site) -> dict[str, list[tuple[str, str, str]]]:
    """id -> [(kind, id, where)] of every typed KB entry that names it, built once: an
    architecture's rack profiles, scalable unit and networks, a system's accelerator."""

    def build() -> dict[str, list[tuple[str, str, str]]]:
        found: dict[str, list[tuple[str, str, str]]] = {}

        def add(id_: str, kind: str, user: str, where: str) -> None:
            if id_:
                found.setdefault(id_, []).append((kind, user, where))

        for arch in site.kb.architectures():
            for p in arch.rack_profiles:
                for item in p.contents:
                    add(item.model, "architecture", arch.id, f"rack_profiles[{p.id}]")
            if arch.scalable_unit is not None:
                for item in arch.scalable_unit.systems:
                    add(item.model, "architecture", arch.id, "scalable_unit.systems")
            for net in arch.networks:
                add(net.fabric, "architecture", arch.id, f"networks[{net.role}].fabric")
        for system in site.kb.systems():
            add(system.accelerator, "system", system.id, "accelerator")
        return found

    return site.memo("entries.index", build)


def uses(site: Site, here: str, id_: str) -> list[Use]:
    out: list[Use] = []
    seen: set[tuple[str, str, str]] = set()
    for kind, other, where in _index(site).get(id_, []):
        if (kind, other, where) in seen:
            continue
        seen.add((kind, other, where))
        target = page_of(kind, other)
        link = rel(here, target) if target else ""
        out.append(Use(label=f"{kind} {other}", link=link, where=where))
    return out


def _history(site: Site) -> dict[str, list[Change]]:
    """KB-relative path -> the commits that changed it, newest first ({} outside git)."""

    def build() -> dict[str, list[Change]]:
        root = site.options.kb_root.resolve()
        repo_dir = root.parent
        if not (repo_dir / ".git").exists():
            return {}
        from linter.review.git import open_repository

        try:
            with open_repository(repo_dir) as repo:
                if not repo.has_commits:
                    return {}
                log = repo.log([root.name])
        except RefarchError:
            return {}
        out: dict[str, list[Change]] = {}
        for entry in reversed(log):
            c = entry.commit
            for change in entry.changes:
                path = change.path.removeprefix(f"{root.name}/")
                out.setdefault(path, []).append(
                    Change(date=c.date[:10], subject=c.subject, commit=c.short)
                )
        return out

    return site.memo("entries.history", build)


def context(site: Site, entry: Located) -> dict[str, Any]:
    here = entry_path(entry.kind, entry.id)
    typed = entry
    status = lifecycle_text(typed)
    kb_rel = Path(entry.path).resolve().relative_to(site.options.kb_root.resolve()).as_posix()
    return {
        "title": typed.label,
        "page_title": Markup(f"{slug(entry.id)} ({entry.kind})"),
        "id": entry.id,
        "kind": entry.kind,
        "table": rel(here, page_path(entry.kind)),
        "status": status,
        "notes": " ".join(str(getattr(typed, "notes", "") or "").split()),
        "figures": figure_rows(typed),
        "uses": uses(site, here, entry.id),
        "history": _history(site).get(kb_rel, []),
        "sources": source_rows(typed.sources),
        "yaml_link": rel(here, kb_file_path(site, entry.path)),
        "yaml": Markup(xml(entry.doc.text)),
        "release": site.release,
    }


def lifecycle_text(typed: Any) -> str:
    status = str(getattr(typed, "status", "") or "")
    since = getattr(typed, "status_since", None)
    date = str(getattr(since, "date", "") or "")
    return f"{status} since {date}" if status and date else status


def pages(site: Site) -> Iterator[Page]:
    for table in TABLES:
        for entry in site.kb.typed(table.kind):
            yield Page(
                entry_path(table.kind, entry.id),
                site.render("entry.md.j2", context(site, entry)),
            )
