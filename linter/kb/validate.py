"""`refarch validate`: schema and cross-reference checks for KB files and plans.

A file's kind comes from, in order: its ``yaml-language-server`` modeline
(``$schema=.../plan.schema.json``), its place in the knowledge base, its ``kind:`` key,
then its top-level keys (``plan`` and ``reference`` make a plan; ``release`` a release).
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from linter.core import units, yamlio
from linter.core.errors import InputError
from linter.core.findings import Finding, at
from linter.core.formula import FormulaError, evaluate
from linter.core.paths import expand_paths
from linter.core.text import close_matches, fmt, unsafe_character
from linter.core.yamlio import Document, PathT
from linter.kb.checks import VALIDATION
from linter.kb.figures import figure_value, is_figure
from linter.kb.model.architecture import parse as parse_architecture
from linter.kb.model.base import text
from linter.kb.model.release import Release
from linter.kb.store import CATALOG_KINDS, KnowledgeBase, kind_for_path
from linter.kb.versions import current_version, known_versions
from linter.schemas import loader as schemas

_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=\S*?([a-z]+)\.schema\.json")
_PIN = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)@([0-9]{4}\.(?:0[1-9]|1[0-2]))$")
DERIVED_TOLERANCE = 0.005
# A per-rack figure written in a unit a thousand times the key's (MW for kW) is a warning.
SCALE_WARNING = 1000.0

# Validation checks, documented in `refarch rules` next to the lint rules.
# code -> (name, summary), from the declarations in linter.kb.checks
CHECKS = {c.code: (c.name, c.summary) for c in VALIDATION}
# Every VAL finding carries a fix: its own where the check knows better, else its page's.
FIXES = {c.code: c.how_to_fix for c in VALIDATION}
SEVERITIES = {c.code: c.severity for c in VALIDATION}


def _f(doc: Document, path: PathT, code: str, message: str, on_key: bool = False) -> Finding:
    """A finding of validation check ``code``, at its declared severity, with its page's fix."""
    return at(
        doc,
        path,
        code,
        CHECKS[code][0],
        message,
        on_key=on_key,
        severity=SEVERITIES[code],
        fix=FIXES[code],
    )


# A document with any of these top-level keys (and no modeline or kind saying otherwise) is a
# plan: linted as one, so a plan missing `plan:` or `reference:` gets schema errors, not a skip.
PLAN_KEYS = ("plan", "reference", "racks")


def detect_kind(doc: Document, kb_root: Path | None) -> str | None:
    """The kind of ``doc``: its ``$schema`` modeline, its place in the KB at ``kb_root``, its
    ``kind:`` key, then its top-level keys (a release manifest, a plan); None if unknown."""
    head = doc.text[:2048]
    m = _MODELINE.search(head)
    if m and m.group(1) in schemas.KINDS:
        return m.group(1)
    if kb_root is not None:
        k = kind_for_path(kb_root, Path(doc.path))
        if k:
            return k
    data = doc.data if isinstance(doc.data, dict) else {}
    if isinstance(data.get("kind"), str) and data["kind"] in schemas.KINDS:
        return str(data["kind"])
    if "release" in data and "architectures" in data:
        return "release"
    if any(k in data for k in PLAN_KEYS):
        return "plan"
    return None


def normalise(doc: Document, kb: KnowledgeBase | None = None) -> tuple[Document, list[Finding]]:
    """A plan with its ``"40 kW"`` strings converted to numbers (a new document; ``doc`` is
    left as loaded), a VAL002 finding for each value that could not be converted and a VAL011
    warning for each per-rack figure whose unit multiplies it by a thousand or more."""
    scaled: list[tuple[PathT, str, float]] = []
    data, problems = units.normalize(doc.data, scaled)
    new = doc if data is doc.data else replace(doc, data=data)
    out = [_kva_fix(doc, path, _f(doc, path, "VAL002", msg), kb) for path, msg in problems]
    for path, written, value in scaled:
        target = units.unit_for_key(str(path[-1]))
        if path[0] != "racks" or target is None:
            continue
        factor = units.scale(written, target)
        if factor >= SCALE_WARNING:
            number = written.split()[0] if written.split() else written
            finding = _f(
                doc,
                path,
                "VAL011",
                f"{path[-1]}: {written.strip()} is {fmt(value)} {target.symbol} per rack",
            )
            out.append(
                replace(
                    finding,
                    arithmetic=f"{written.strip()} = {number} x {fmt(factor)} {target.symbol}"
                    f" = {fmt(value)} {target.symbol}",
                    fix=f"if {number} {target.symbol} was meant, write {path[-1]}: {number}",
                )
            )
    return new, out


def _kva_fix(doc: Document, path: PathT, f: Finding, kb: KnowledgeBase | None) -> Finding:
    """A VAL002 for kVA under a kW key, with the kW figure at the plan's power factor (else
    the electrical standard's default) in its fix."""
    written: Any = doc.data
    for step in path:
        if isinstance(written, dict):
            written = written.get(step)
        elif isinstance(written, list) and isinstance(step, int) and step < len(written):
            written = written[step]
        else:
            written = None
    apparent = units.lookup("kVA")
    target = units.unit_for_key(str(path[-1])) if path else None
    if not isinstance(written, str) or apparent is None or target is None or kb is None:
        return f
    if target.dimension != "power":
        return f
    try:
        kva = units.parse_quantity(written, apparent)
    except ValueError:
        return f
    plan_pf = ((doc.data.get("facility") or {}).get("power") or {}).get("power_factor")
    if isinstance(plan_pf, int | float) and not isinstance(plan_pf, bool) and plan_pf > 0:
        pf, where = float(plan_pf), "the plan's facility.power.power_factor"
    else:
        elec = kb.standard("electrical")
        figure = elec.figure("power_factor_default") if elec is not None else None
        if figure is None or figure.value is None:
            return f
        pf, where = figure.value, "the electrical standard's default"
    kw = kva * pf * apparent.factor / target.factor  # kVA x PF is real power
    return replace(
        f,
        fix=f"write {path[-1]}: {fmt(kw)} ({fmt(kva)} kVA x power factor {fmt(pf)}, {where})",
    )


def validate_doc(doc: Document, kind: str, kb: KnowledgeBase | None) -> list[Finding]:
    """Every problem with one loaded document of a known kind."""
    return check(doc, kind, kb)[1]


# A plan value written as this word is left for the user to fill in (``refarch import netbox``
# writes one for what the DCIM cannot say): VAL012 names it, and the plan is checked as if the
# key were absent, so every other check still runs.
TODO = "TODO"
PLACEHOLDER = "VAL012"


def blocking(findings: list[Finding]) -> bool:
    """Whether any finding stops the checks that read a valid document (an error that is not
    a placeholder left to fill in)."""
    return any(f.severity == "error" and f.rule != PLACEHOLDER for f in findings)


def _placeholders(doc: Document, kb: KnowledgeBase | None) -> tuple[Document, list[Finding]]:
    """The plan without its ``TODO`` values (a new document), and a VAL012 for each."""
    paths = [
        path
        for path, value in yamlio.walk(doc.data)
        if path and isinstance(path[-1], str) and isinstance(value, str) and value.strip() == TODO
    ]
    if not paths:
        return doc, []
    data = copy.deepcopy(doc.data)
    out = []
    for path in paths:
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        del parent[path[-1]]
        about = _schema_at(schemas.schema("plan"), path)
        what = str(about.get("description", "")).split(". ")[0].rstrip(".")
        dotted = yamlio.json_path(path).removeprefix("$.")
        if path == ("reference",) and kb is not None:
            fix = f"pin one of {_pins(kb)}"
        elif about.get("enum"):
            fix = f"write one of: {', '.join(str(v) for v in about['enum'])}"
        else:
            fix = f"write {path[-1]}: the site's figure"
        finding = _f(doc, path, PLACEHOLDER, f"{dotted} is left TODO: {what}")
        out.append(replace(finding, fix=fix))
    return replace(doc, data=data), out


def _schema_at(schema: dict[str, Any], path: PathT) -> dict[str, Any]:
    """The subschema a plan path is checked against (properties and items only)."""
    node = schema
    for part in path:
        nxt = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
        if not isinstance(nxt, dict):
            return {}
        node = nxt
    return node


def check(doc: Document, kind: str, kb: KnowledgeBase | None) -> tuple[Document, list[Finding]]:
    """The document as the checks read it (a plan normalised, its TODO values left out) and
    every problem with it."""
    out: list[Finding] = []
    if kind == "plan":
        doc, todo = _placeholders(doc, kb)
        doc, out = normalise(doc, kb)
        out = todo + out
    text_checked = kind not in ("plan", "config")  # plan values are escaped where shown
    for path, value in yamlio.walk(doc.data):
        if isinstance(value, float) and not math.isfinite(value):
            out.append(_f(doc, path, "VAL008", f"{value} is not a finite number"))
        elif text_checked and path and (found := _control(value, path[-1])) is not None:
            out.append(_f(doc, path, "VAL010", found, on_key=found.startswith("key")))
    bad_paths = {f.path for f in out if f.severity == "error"}
    for err in schemas.errors(kind, doc.data):
        if yamlio.json_path(tuple(err.absolute_path)) in bad_paths:
            continue
        missing = (*err.absolute_path, _missing(err))
        if err.validator == "required" and yamlio.json_path(missing) in bad_paths:
            continue  # a required key left TODO: VAL012 says so
        out.append(_schema_finding(doc, err, kind, kb))
    if blocking(out) or not isinstance(doc.data, dict):
        return doc, out
    if kind in CATALOG_KINDS or kind in ("architecture", "standard"):
        out.extend(_check_id_and_sources(doc))
    if kb is not None:
        out.extend(_cross_refs(doc, kind, kb))
    return doc, out


def _control(value: Any, key: str | int) -> str | None:
    """What is wrong with a key or string holding a character :func:`unsafe_character`
    finds, or None."""
    for what, shown in (("key", key), ("string", value)):
        if isinstance(shown, str) and (ch := unsafe_character(shown)) is not None:
            name = unicodedata.name(ch, "a control character")
            return f"{what} {shown!r} holds U+{ord(ch):04X} ({name})"
    return None


def _unexpected_key(err: Any) -> str | None:
    extra = set(err.instance) - set(err.schema.get("properties", {}))
    return sorted(extra)[0] if extra else None


def _schema_finding(doc: Document, err: Any, kind: str, kb: KnowledgeBase | None) -> Finding:
    """VAL001 for one schema error, in words, with a fix: a plan's reference without a
    version names the versions to pin, a missing reference the architectures to pin, an
    unexpected key the key it is closest to."""
    path: PathT = tuple(err.absolute_path)
    on_key = err.validator == "additionalProperties"
    if on_key and (extra := _unexpected_key(err)) is not None:
        path = (*path, extra)
    message, fix = _schema_message(err), _schema_fix(err, kind)
    if kind == "plan" and kb is not None:
        if path == ("reference",) and err.validator in ("pattern", "type"):
            message, fix = _reference_words(err.instance, kb)
        elif err.validator == "required" and _missing(err) == "reference":
            message = "the plan pins no reference architecture (reference: ARCH-ID@YYYY.MM)"
            fix = f"add reference: ARCH-ID@YYYY.MM, one of {_pins(kb)}"
    return replace(_f(doc, path, "VAL001", message, on_key=on_key), fix=fix)


def _pins(kb: KnowledgeBase) -> str:
    return ", ".join(f"{a.id}@{current_version(kb, a)}" for a in kb.architectures())


def _reference_words(value: Any, kb: KnowledgeBase) -> tuple[str, str]:
    """Message and fix for a plan's ``reference`` that is not ARCH-ID@YYYY.MM."""
    if not isinstance(value, str):
        return (
            f"reference is {value!r}: write ARCH-ID@YYYY.MM",
            f"pin one of {_pins(kb)}",
        )
    arch_id, _, version = value.partition("@")
    arch = kb.architecture(arch_id)
    if arch is None:
        hint = kb.did_you_mean("architecture", arch_id)
        return (
            f"reference {value!r} is not ARCH-ID@YYYY.MM and names no known architecture{hint}",
            f"pin one of {_pins(kb)}",
        )
    versions = ", ".join(known_versions(kb, arch))
    what = "has no version" if not version else f"has a version {version!r} not written YYYY.MM"
    return (
        f"reference {value!r} {what}: a plan pins ARCH-ID@YYYY.MM",
        f"pin reference: {arch.id}@{current_version(kb, arch)} (versions: {versions})",
    )


def _missing(err: Any) -> str:
    """The property a ``required`` error names."""
    m = re.match(r"'(.+)' is a required property", str(err.message))
    return m.group(1) if m else ""


def _schema_fix(err: Any, kind: str) -> str:
    """What to do about a schema error, in words; the schema file as the last resort."""
    if err.validator == "additionalProperties":
        extra = _unexpected_key(err)
        allowed = sorted(err.schema.get("properties", {}))
        near = close_matches(extra or "", allowed, 0.6)
        if near:
            return f"rename {extra!r} to {near[0]!r}"
        return f"remove {extra!r}" + (f" or use one of: {', '.join(allowed)}" if allowed else "")
    if err.validator == "required":
        missing = _missing(err)
        about = err.schema.get("properties", {}).get(missing, {}).get("description", "")
        return f"add {missing}:" + (f" ({about.rstrip('.')})" if about else "")
    if err.validator == "enum":
        return f"use one of: {', '.join(str(v) for v in err.validator_value)}"
    if err.validator in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        words = {
            "minimum": "at least",
            "exclusiveMinimum": "above",
            "maximum": "at most",
            "exclusiveMaximum": "below",
        }[err.validator]
        return f"use a value {words} {err.validator_value:g}"
    if err.validator == "minItems":
        n = err.validator_value
        return f"give at least {n} {'item' if n == 1 else 'items'}"
    if err.validator == "type":
        wanted = err.validator_value
        return f"write {' or '.join(wanted) if isinstance(wanted, list) else wanted}"
    if err.validator == "pattern":
        return f"write a value of that form (schema/{kind}.schema.json)"
    if exclusive := _exclusive_keys(err):
        return f"keep one of: {', '.join(exclusive)}"
    about = str(err.schema.get("description", "")).rstrip(".")
    return f"see schema/{kind}.schema.json" + (f" ({about})" if about else "")


def _schema_message(err: Any) -> str:
    if err.validator == "additionalProperties":
        extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
        allowed = ", ".join(sorted(err.schema.get("properties", {})))
        return f"unexpected key {extra[0]!r}" + (f" (allowed: {allowed})" if allowed else "")
    if err.validator == "anyOf" and isinstance(err.instance, dict) and "range" in str(err.schema):
        return (
            "a figure needs {value, source}, {range, default, sources} or {value, derived}; "
            f"got keys {sorted(err.instance)}"
        )
    if (
        err.validator == "type"
        and isinstance(err.instance, float | int)
        and "object" in str(err.validator_value)
    ):
        return f"{err.instance!r} is a bare number: write it as a figure {{value, source}}"
    if err.validator == "pattern" and err.schema.get("description"):
        about = str(err.schema["description"]).rstrip(".")
        return f"{err.instance!r} is not of the expected form ({about[:1].lower()}{about[1:]})"
    if exclusive := _exclusive_keys(err):
        return f"{' and '.join(exclusive)} cannot be given together"
    return str(err.message)


def _exclusive_keys(err: Any) -> list[str]:
    """The keys of a ``not: {required: [...]}`` rule (keys a mapping may not hold together)
    that an error reports, or none."""
    if err.validator != "not" or not isinstance(err.validator_value, dict):
        return []
    keys = err.validator_value.get("required")
    return (
        [str(k) for k in keys] if isinstance(keys, list) and len(err.validator_value) == 1 else []
    )


def _figures(data: Any, path: PathT = ()) -> Iterator[tuple[PathT, dict[str, Any]]]:
    for p, v in yamlio.walk(data, path):
        if is_figure(v):
            yield p, v


def _check_id_and_sources(doc: Document) -> Iterator[Finding]:
    data = doc.data
    stem = Path(doc.path).stem
    if isinstance(data.get("id"), str) and data["id"] != stem:
        yield _f(doc, ("id",), "VAL004", f"id {data['id']!r} differs from the file name {stem!r}")
    known = set(data.get("sources") or {})
    for path, v in yamlio.walk(data):
        if not isinstance(v, dict) or (path and path[0] == "sources"):
            continue
        cited = [v["source"]] if isinstance(v.get("source"), str) else []
        cited += (
            [s for s in v.get("sources", []) if isinstance(s, str)]
            if isinstance(v.get("sources"), list)
            else []
        )
        for src in cited:
            if src not in known:
                yield _f(doc, path, "VAL005", f"source {src!r} is not defined in sources")


def _cross_refs(doc: Document, kind: str, kb: KnowledgeBase) -> Iterator[Finding]:
    data = doc.data
    # Resolving both paths costs more than the rest of a plan's checks: only where it is used.
    in_kb = kind in ("architecture", "release") and (
        kind_for_path(kb.root, Path(doc.path)) is not None
    )

    def need(path: PathT, want: str, id_: Any) -> Iterator[Finding]:
        if isinstance(id_, str) and not kb.has(want, id_):
            hint = kb.did_you_mean(want, id_)
            yield _f(doc, path, "VAL003", f"unknown {want} {id_!r}{hint}")

    if kind == "system":
        yield from need(("accelerator",), "accelerator", data.get("accelerator"))
    elif kind == "architecture":
        yield from _arch_refs(doc, kb, need, in_kb)
    elif kind == "release" and in_kb:
        yield from _release_refs(doc, kb)
    elif kind == "plan":
        yield from _plan_refs(doc, kb, need)
    if kind in ("architecture", *CATALOG_KINDS):
        yield from _derived(doc, kb)


def _arch_refs(doc: Document, kb: KnowledgeBase, need: Any, in_kb: bool) -> Iterator[Finding]:
    arch = parse_architecture(text(doc.data, "id"), doc)
    su = arch.scalable_unit
    for item in (*(su.systems if su else ()), *(c for p in arch.rack_profiles for c in p.contents)):
        yield from need((*item.at, "model"), "system", item.model)
    for n in arch.networks:
        yield from need((*n.at, "fabric"), "network", n.fabric or None)
    newest = arch.changes[0] if arch.changes else None
    if newest is not None and newest.version != arch.version:
        yield _f(
            doc,
            (*newest.at, "version"),
            "VAL007",
            f"the newest changes entry is {newest.version!r} but version is "
            f"{arch.version!r}: record why this version changed",
        )
    if in_kb and kb.release_doc is not None:
        pinned = kb.release.pinned(arch.id)
        if pinned is None:
            yield _f(doc, ("id",), "VAL007", f"{arch.id!r} is not listed in release.yaml")
        elif pinned != arch.version:
            yield _f(
                doc,
                ("version",),
                "VAL007",
                f"version {arch.version!r} differs from release.yaml ({pinned!r})",
            )


def _release_refs(doc: Document, kb: KnowledgeBase) -> Iterator[Finding]:
    listed = Release.parse(doc.data).architectures
    for arch_id in listed:
        if not kb.has("architecture", arch_id):
            yield _f(
                doc,
                ("architectures", arch_id),
                "VAL003",
                f"unknown architecture {arch_id!r}",
                on_key=True,
            )
    for arch_id in kb.ids("architecture"):
        if arch_id not in listed:
            yield _f(doc, ("architectures",), "VAL007", f"architecture {arch_id!r} is not listed")


def _plan_refs(doc: Document, kb: KnowledgeBase, need: Any) -> Iterator[Finding]:
    data = doc.data
    m = _PIN.match(str(data.get("reference", "")))
    if m:
        yield from need(("reference",), "architecture", m.group(1))
    for i, rack in enumerate(data.get("racks", [])):
        for j, s in enumerate(rack.get("systems", [])):
            yield from need(("racks", i, "systems", j, "model"), "system", s.get("model"))
    wl = data.get("workload") or {}
    if "model" in wl:
        yield from need(("workload", "model"), "model", wl["model"])
    for role, spec in (data.get("network") or {}).items():
        if isinstance(spec, dict) and "fabric" in spec:
            yield from need(("network", role, "fabric"), "network", spec["fabric"])


def _derived(doc: Document, kb: KnowledgeBase) -> Iterator[Finding]:
    for path, fig in _figures(doc.data):
        formula = fig.get("derived")
        if not isinstance(formula, str):
            continue
        siblings = doc.get(path[:-1])

        def resolve(name: str, siblings: Any = siblings) -> float | None:
            if "." in name:
                return kb.resolve_figure(name)
            return figure_value(siblings.get(name)) if isinstance(siblings, dict) else None

        try:
            expected = evaluate(formula, resolve)
        except FormulaError as exc:
            yield _f(doc, (*path, "derived"), "VAL006", str(exc))
            continue
        value = figure_value(fig)
        if value is None or not math.isclose(
            value, expected, rel_tol=DERIVED_TOLERANCE, abs_tol=1e-9
        ):
            yield _f(
                doc,
                (*path, "value"),
                "VAL006",
                f"value {value} differs from {formula} = {expected:.6g}",
            )


def validate_paths(
    paths: list[str],
    kb: KnowledgeBase,
    skipped: list[str] | None = None,
    checked: list[str] | None = None,
) -> tuple[list[Finding], list[InputError]]:
    """Validate files (directories are walked for *.yaml / *.yml).

    A YAML file outside the KB that says nothing of being a refarch file (no ``$schema``
    modeline, ``kind:`` or plan keys: a CI config, a Kubernetes manifest) is not checked and
    is appended to ``skipped``, as lint skips what is not a plan; inside the KB every file must
    be one, so there it is VAL009. The files checked are appended to ``checked``."""
    findings: list[Finding] = []
    errors: list[InputError] = []
    root = kb.root.resolve()
    for path in expand_paths(paths, errors):
        try:
            doc = yamlio.load(path)
        except InputError as exc:
            errors.append(exc)
            continue
        kind = detect_kind(doc, kb.root)
        if kind is None and not Path(path).resolve().is_relative_to(root):
            if skipped is not None:
                skipped.append(path)
            continue
        if checked is not None:
            checked.append(path)
        if kind is None:
            findings.append(
                _f(
                    doc,
                    (),
                    "VAL009",
                    "unknown file kind: add a yaml-language-server $schema modeline or a kind: key",
                )
            )
            continue
        findings.extend(validate_doc(doc, kind, kb))
    return sorted(findings, key=Finding.sort_key), errors


def validate_kb(
    kb: KnowledgeBase, checked: list[str] | None = None
) -> tuple[list[Finding], list[InputError]]:
    return validate_paths([str(p) for _, p in kb.files()], kb, checked=checked)
