"""What an architecture takes from the catalog, and how that changed between two revisions.

An architecture names catalog entries: the systems its rack profiles and scalable unit hold,
the fabrics of its networks, and every ``id.key`` its derived figures read
(``max_kw: {value: 40.8, derived: "4 * dgx-h100.max_power_kw"}``). A plan pinned to
``ARCH@VERSION`` is checked with those entries' figures, so a change to one of them is a change
to the architecture: REL005 asks for a new version, and ``refarch diff`` shows it.

:func:`catalog_changes` gives those changes between two revisions: the figure, status and
other non-text changes of each referenced entry (path ``dgx-h100.max_power_kw``), and each
derived figure of the architecture re-evaluated against either catalog
(``rack_profiles[compute].max_kw = 4 * dgx-h100.max_power_kw``). Sources, notes and text are
provenance and are left out.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from linter.core.formula import FormulaError, evaluate, names
from linter.core.yamlio import Document, PathT, walk
from linter.kb.change_checks import BY_ID
from linter.kb.figures import figure_value, is_figure, number
from linter.kb.store import KIND_DIRS
from linter.review.citations import citations
from linter.review.classify import Classified, cited, classify
from linter.review.diff import Change, diff, fmt
from linter.review.history import KBHistory
from linter.review.revision import Revision

# Changes of a referenced entry that do not alter what a plan is checked against.
_PROVENANCE = frozenset({"text-changed", "source-changed", "version-changed"})
_CATALOG_KINDS = {d.split("/", 1)[1]: k for d, k in KIND_DIRS.items() if d.startswith("catalog/")}


def referenced(data: Any) -> list[str]:
    """The catalog ids an architecture document names, sorted."""
    if not isinstance(data, dict):
        return []
    ids: set[str] = set()
    su = data.get("scalable_unit")
    for holder in [su] + list(data.get("rack_profiles") or []):
        if isinstance(holder, dict):
            for key in ("systems", "contents"):
                for item in holder.get(key) or []:
                    if isinstance(item, dict) and isinstance(item.get("model"), str):
                        ids.add(item["model"])
    for net in data.get("networks") or []:
        if isinstance(net, dict) and isinstance(net.get("fabric"), str):
            ids.add(net["fabric"])
    for _, fig in derived_figures(data):
        ids.update(n.split(".", 1)[0] for n in _names(fig["derived"]) if "." in n)
    return sorted(ids)


def derived_figures(data: Any) -> list[tuple[PathT, dict[str, Any]]]:
    """Every figure of ``data`` with a ``derived`` formula, in document order."""
    return [(p, v) for p, v in walk(data) if is_figure(v) and isinstance(v.get("derived"), str)]


def _names(formula: str) -> list[str]:
    try:
        return names(formula)
    except FormulaError:
        return []  # an unparsable formula is VAL006's to report


class CatalogAt:
    """The catalog at one revision, each entry read once when first asked for."""

    def __init__(self, hist: KBHistory, rev: Revision) -> None:
        self.hist, self.rev = hist, rev
        self.files: dict[str, tuple[str, str, str]] = {}  # id -> (path, blob, kind)
        for path, blob in hist.files(rev, "catalog", recursive=True).items():
            p = PurePosixPath(path)
            kind = _CATALOG_KINDS.get(p.parent.name)
            if kind:
                self.files[p.stem] = (path, blob, kind)
        self._docs: dict[str, Document] = {}

    def blob(self, id_: str) -> str | None:
        found = self.files.get(id_)
        return found[1] if found else None

    def kind(self, id_: str) -> str:
        return self.files[id_][2]

    def doc(self, id_: str) -> Document | None:
        if id_ not in self.files:
            return None
        if id_ not in self._docs:
            path, blob, _ = self.files[id_]
            self._docs[id_] = self.hist.doc(self.rev, path, blob)
        return self._docs[id_]

    def resolve(self, ref: str) -> float | None:
        """``dgx-h100.max_power_kw`` -> the figure's value at this revision, or None."""
        id_, _, key = ref.partition(".")
        doc = self.doc(id_)
        return figure_value(doc.get(tuple(key.split(".")))) if doc and key else None


def catalog_changes(
    hist: KBHistory,
    a: Revision,
    b: Revision,
    old: Any,
    new: Any,
    catalogs: tuple[CatalogAt, CatalogAt] | None = None,
) -> list[Classified]:
    """The changes between revisions ``a`` and ``b`` that reach the architecture through the
    catalog (``old`` and ``new`` are its parsed documents there), breaking first.
    ``catalogs`` passes the two catalogs in when several architectures share them."""
    ids = sorted(set(referenced(old)) | set(referenced(new)))
    if not ids:
        return []
    ca, cb = catalogs or (CatalogAt(hist, a), CatalogAt(hist, b))
    if all(ca.blob(i) == cb.blob(i) and ca.blob(i) for i in ids):
        return []  # every referenced entry is the same blob at both revisions
    out: list[Classified] = []
    for id_ in ids:
        if ca.blob(id_) and ca.blob(id_) == cb.blob(id_):
            continue
        da, db = ca.doc(id_), cb.doc(id_)
        if da is None or db is None:
            continue  # an entry added or removed: the architecture's VAL003 reports a dangling id
        kind = cb.kind(id_)
        for ch in diff(da.data, db.data):
            check = classify(ch, kind, da.data, db.data)
            if check not in _PROVENANCE:
                out.append(Classified(replace(ch, path=(id_, *ch.path)), check, cited(ch, db.data)))
    out += _rederived(new, ca, cb)
    return sorted(out, key=lambda c: _LEVELS.index(BY_ID[c.check].level))


_LEVELS = ("breaking", "warning", "info")


def _rederived(data: Any, ca: CatalogAt, cb: CatalogAt) -> list[Classified]:
    """The architecture's derived figures that come out differently from the two catalogs."""
    out: list[Classified] = []
    for path, fig in derived_figures(data):
        formula = fig["derived"]
        if not any("." in n for n in _names(formula)):
            continue
        siblings = _parent(data, path)

        def local(name: str, siblings: Any = siblings) -> float | None:
            return figure_value(siblings.get(name)) if isinstance(siblings, dict) else None

        try:
            va = evaluate(formula, lambda n: ca.resolve(n) if "." in n else local(n))
            vb = evaluate(formula, lambda n: cb.resolve(n) if "." in n else local(n))
        except FormulaError:
            continue  # a reference one catalog lacks: VAL003/VAL006 report it
        if math.isclose(va, vb, rel_tol=1e-9, abs_tol=1e-12):
            continue
        human = _human(data, path)
        ch = Change(human, "changed", va, vb, path, path, _unit_of(human[-1]))
        check = classify(ch, "architecture", data, data)
        where = replace(ch, path=(*human[:-1], f"{human[-1]} = {formula}"))
        out.append(Classified(where, check, citations(data, path)))
    return out


def _parent(data: Any, path: PathT) -> Any:
    node = data
    for p in path[:-1]:
        node = node[p]
    return node


def _human(data: Any, path: PathT) -> tuple[str, ...]:
    """``("rack_profiles", 0, "max_kw")`` -> ``("rack_profiles", "[compute]", "max_kw")``."""
    out: list[str] = []
    node = data
    for p in path:
        if isinstance(p, int):
            item = node[p]
            ident = (
                next((item[k] for k in ("id", "role", "model", "version", "name") if k in item), p)
                if isinstance(item, dict)
                else p
            )
            out.append(f"[{ident}]")
        else:
            out.append(str(p))
        node = node[p]
    return tuple(out)


def _unit_of(key: str) -> str:
    from linter.core.units import unit_for_key

    u = unit_for_key(key)
    return u.symbol if u else ""


def is_lifecycle(c: Classified) -> bool:
    """A referenced entry's lifecycle moved (``status``, ``status_since``): news for the
    review and LIF001, not a change of the figures a pin freezes."""
    return len(c.change.path) > 1 and c.change.path[1] in ("status", "status_since")


def summary(changes: list[Classified], limit: int = 3) -> str:
    """``dgx-h100.max_power_kw 10.2 -> 11.5`` for the first few changes, for one-line messages."""
    parts = []
    for c in changes[:limit]:
        ch = c.change
        if ch.is_numeric:
            parts.append(f"{ch.where} {fmt(number(ch.old) or 0.0)} -> {fmt(number(ch.new) or 0.0)}")
        else:
            parts.append(ch.describe())
    more = len(changes) - limit
    return "; ".join(parts) + (f" and {more} more" if more > 0 else "")
