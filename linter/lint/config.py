"""Linter configuration: ``.refarch.yaml`` or ``[tool.refarch]`` in ``pyproject.toml``.

```yaml
margin_pct: 10              # within this much of a hard limit is a warning
temperature_margin_k: 2     # within this many kelvin of a temperature limit is a warning
fail_on: error              # lowest severity that fails the run (error | warning | info)
severity: {PWR001: warning, no-spare-nodes: info, FRG003: off}
disable: [density-tier-below-need]
per_file_ignores: {"plans/lab-*.yaml": [FRG001, single-pdu]}
```

Rules are named by code or name; unknown names are a configuration error (exit 2). Without
``--config``, the nearest ``.refarch.yaml`` or ``pyproject.toml`` with ``[tool.refarch]`` in the
working directory or its parents is used. ``per_file_ignores`` globs match paths relative to
the configuration file's directory (``*`` also crosses ``/``).
"""

from __future__ import annotations

import contextlib
import fnmatch
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.core import yamlio
from linter.core.errors import ConfigError, InputError, Location
from linter.core.findings import SEVERITY_RANK
from linter.core.text import did_you_mean
from linter.core.yamlio import Document
from linter.schemas import loader as schemas

DEFAULT_MARGIN_PCT = 10.0
# Temperature limits get a margin in kelvin: a percentage of a Celsius value has no physical
# meaning. 2 K is refarch's planning default, not a published figure (ASHRAE gives none).
DEFAULT_TEMPERATURE_MARGIN_K = 2.0
CONFIG_FILE = ".refarch.yaml"


@dataclass(frozen=True)
class Config:
    severity: dict[str, str] = field(default_factory=dict)  # code -> error|warning|info|off
    disable: frozenset[str] = frozenset()  # codes
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    margin_pct: float = DEFAULT_MARGIN_PCT
    temperature_margin_k: float = DEFAULT_TEMPERATURE_MARGIN_K
    fail_on: str = "error"
    root: Path | None = None  # directory of the config file
    source: str = ""  # the config file, for messages
    select: frozenset[str] | None = None  # --select: only these codes run (None: every code)
    fold_causes: bool = True  # one finding per cause (linter.lint.causes); --no-fold: each rule

    def enabled(self, code: str) -> bool:
        if self.select is not None and code not in self.select and ignorable(code):
            return False  # a rule that cannot be silenced runs whatever is selected
        return code not in self.disable and self.severity.get(code) != "off"

    def stamp(self, code: str, severity: str) -> str:
        """The severity a finding of ``code`` is reported with."""
        return self.severity.get(code, severity)

    def ignored(self, path: str, code: str) -> bool:
        """Whether ``per_file_ignores`` turns ``code`` off for the file at ``path``."""
        if not self.per_file_ignores:
            return False
        names = {Path(path).as_posix()}
        base = self.root or Path.cwd()
        with contextlib.suppress(ValueError):
            names.add(Path(os.path.abspath(path)).relative_to(base.resolve()).as_posix())
        return any(
            code in codes and any(fnmatch.fnmatchcase(n, glob) for n in names)
            for glob, codes in self.per_file_ignores
        )

    def fails(self, severity: str) -> bool:
        return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK[self.fail_on]


def ignorable(code: str, unknown: bool = True) -> bool:
    """Whether a code may be silenced; ``unknown`` is the answer for a code the registry does
    not have (a selection lets it be ignored; a suppression comment cannot silence it)."""
    from linter.lint import registry

    found = registry.lookup(code)
    return unknown if found is None else found.ignorable


def expand(tokens: list[str], flag: str) -> frozenset[str]:
    """Rule codes from command-line tokens: a code or name (``PWR001``,
    ``rack-power-over-budget``) or a code prefix (``PWR``, ``CLG00``), as ruff reads them.
    ConfigError names the flag for an unknown token."""
    from linter.lint import registry

    lint_codes = sorted({registry.resolve(t) or "" for t in registry.lint_tokens()} - {""})
    out: set[str] = set()
    for raw in tokens:
        for token in (t.strip() for t in raw.split(",")):
            if not token:
                continue
            code = registry.resolve(token)
            matched = [code] if code else [c for c in lint_codes if c.startswith(token.upper())]
            if not matched:
                hint = did_you_mean(token, registry.lint_tokens(), cutoff=0.6)
                raise ConfigError(f"{flag}: unknown rule or prefix {token!r}{hint}")
            out.update(matched)
    return frozenset(out)


def _resolve(token: Any, where: str, loc: Location) -> str:
    from linter.lint import registry

    code = registry.resolve(token) if isinstance(token, str) else None
    if code is not None:
        return code
    hint = did_you_mean(str(token), registry.lint_tokens(), cutoff=0.6)
    raise ConfigError(f"{where}: unknown rule {token!r}{hint}", loc)


# What users of ruff and yamllint reach for, and the key refarch calls it.
_KEY_ALIASES = {"ignore": "disable", "select": "disable", "exclude": "per_file_ignores"}


def _config_error(e: Any, loc: Any) -> ConfigError:
    """A schema error of the configuration in words: an unknown key at its own line with the
    key it is closest to, a value outside an enumeration with the value it is closest to."""
    path = tuple(e.absolute_path)
    if e.validator == "additionalProperties" and isinstance(e.instance, dict):
        allowed = sorted(e.schema.get("properties", {}))
        extra = sorted(k for k in e.instance if k not in allowed)[0]
        near = did_you_mean(str(extra), allowed, cutoff=0.6)
        if not near and extra in _KEY_ALIASES:
            near = f" (did you mean {_KEY_ALIASES[extra]}?)"
        return ConfigError(
            f"{yamlio.json_path((*path, extra))}: unknown key {extra!r}{near}"
            f" (allowed: {', '.join(allowed)})",
            loc(*path, extra, key=True),
        )
    if e.validator == "enum":
        choices = [str(v) for v in e.validator_value]
        near = did_you_mean(str(e.instance), choices, cutoff=0.6)
        return ConfigError(
            f"{yamlio.json_path(path)}: {e.instance!r} is not one of {', '.join(choices)}{near}",
            loc(*path),
        )
    return ConfigError(f"{yamlio.json_path(path)}: {e.message}", loc(*path))


def from_mapping(
    data: Any, source: str = "<config>", root: Path | None = None, doc: Document | None = None
) -> Config:
    """A Config from already-parsed data (validated against schema/config.schema.json).

    ``doc`` is the loaded YAML file, when there is one, so errors name their line."""

    def loc(*path: str | int, key: bool = False) -> Location:
        if doc is None:
            return Location(source)
        s = doc.key_span(path) if key else doc.span(path)
        return Location(source, s.line, s.column)

    if data is None:
        data = {}
    errs = schemas.errors("config", data)
    if errs:
        raise _config_error(errs[0], loc)
    margin = data.get("margin_pct", DEFAULT_MARGIN_PCT)
    if isinstance(margin, float) and math.isnan(margin):  # NaN passes every schema bound
        raise ConfigError("$.margin_pct: nan is not a number", loc("margin_pct"))
    kelvin = data.get("temperature_margin_k", DEFAULT_TEMPERATURE_MARGIN_K)
    if isinstance(kelvin, float) and math.isnan(kelvin):
        raise ConfigError(
            "$.temperature_margin_k: nan is not a number", loc("temperature_margin_k")
        )
    severity = {
        _resolve(k, "severity", loc("severity", k, key=True)): v
        for k, v in (data.get("severity") or {}).items()
    }
    disable = frozenset(
        _resolve(t, "disable", loc("disable", i)) for i, t in enumerate(data.get("disable") or [])
    )
    pfi = tuple(
        (
            glob,
            frozenset(
                _resolve(t, f"per_file_ignores[{glob!r}]", loc("per_file_ignores", glob, i))
                for i, t in enumerate(codes)
            ),
        )
        for glob, codes in (data.get("per_file_ignores") or {}).items()
    )
    return Config(
        severity=severity,
        disable=disable,
        per_file_ignores=pfi,
        margin_pct=float(margin),
        temperature_margin_k=float(kelvin),
        fail_on=str(data.get("fail_on", "error")),
        root=root,
        source=source,
    )


def _read_pyproject(path: Path, only_if_mentioned: bool = False) -> tuple[bool, Any]:
    text = yamlio.read_text(str(path))
    if only_if_mentioned and "refarch" not in text:
        return False, None  # no [tool.refarch] in it: skip the TOML parser (start-up time)
    import tomllib

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", Location(str(path))) from None
    tool = doc.get("tool")
    if not isinstance(tool, dict) or "refarch" not in tool:
        return False, None
    return True, tool["refarch"]


def load(path: str) -> Config:
    """Read a config file: ``*.toml`` (its ``[tool.refarch]`` table) or YAML."""
    p = Path(path)
    try:
        if p.suffix == ".toml":
            found, data = _read_pyproject(p)
            if not found:
                raise ConfigError("no [tool.refarch] table", Location(path))
            doc = None
        else:
            doc = yamlio.load(path)
            data = doc.data
    except InputError as exc:
        raise ConfigError(exc.message, exc.location) from None
    return from_mapping(data, path, p.resolve().parent, doc)


def discover(start: Path | None = None) -> Config:
    """The nearest configuration from ``start`` (the working directory) upwards, or defaults."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        candidate = d / CONFIG_FILE
        if candidate.is_file():
            return load(str(candidate))
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                found, data = _read_pyproject(pyproject, only_if_mentioned=True)
            except (ConfigError, InputError):
                continue  # an unrelated, broken pyproject is not ours to report
            if found:
                return from_mapping(data, str(pyproject), d)
    return Config()
