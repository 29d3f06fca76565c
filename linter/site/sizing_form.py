"""The sizing form page (``sizing/form.md``) and the grid it answers from (``sizing/grid.json``).

The grid is ``site_src/sizing-grid.json`` (:mod:`linter.site.sizing_grid`, tested for drift)
when the site is built from the KB it was computed from; any other KB gets its grid computed
at build time. ``assets/sizing-form.js`` fills the choices from the grid and shows the answer
and the ``refarch size`` command that prints it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from linter.core.errors import RefarchError
from linter.site.core import Page, Site

# linter.site.sizing_grid is imported when the page is built, not with the package:
# `python -m linter.site.sizing_grid` would otherwise find it imported before it runs.


def grid(site: Site) -> dict[str, Any]:
    """The grid of this site's KB; a KB whose entries do not match their schemas has none
    (an empty grid, and the page says why)."""
    from linter.site import sizing_grid

    committed = sizing_grid.DEFAULT_FILE
    same_kb = site.options.kb_root.resolve() == committed.parents[1] / "architectures"
    if same_kb and committed.is_file():
        data: dict[str, Any] = json.loads(committed.read_text(encoding="utf-8"))
        if data.get("release") == site.release:
            return data
    try:
        return sizing_grid.compute(site.checked_kb)
    except RefarchError as exc:
        return {**sizing_grid.empty(), "error": str(exc)}


def pages(site: Site) -> Iterator[Page]:
    from linter.site.sizing_grid import dumps

    data = grid(site)
    yield Page("sizing/grid.json", dumps(data).encode("utf-8"))
    ctx = {
        "release": site.release,
        "models": len(data["models"]),
        "systems": len(data["systems"]),
        "answers": len(data["results"]),
        "workloads": data["workloads"],
        "targets": data["targets"],
        "users": data["users"],
        "error": data.get("error", ""),
    }
    yield Page("sizing/form.md", site.render("sizing-form.md.j2", ctx), title="Sizing form")
