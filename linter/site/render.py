"""The Jinja2 environment of the site: strict, escaping by default, templates from one directory.

Two rules keep KB text inert:

* KB strings only ever reach Jinja2 as *values* in a context, never as template source, so
  ``{{ 7*7 }}`` or ``{% raw %}`` in the KB is just text.
* Every ``{{ ... }}`` in a Markdown template (``*.md.j2``) passes through :func:`_finalize_md`:
  a value already escaped for its context (``Markup``, produced by the filters in
  ``linter.site.escape``) is written as is; any other value is escaped with ``md_inline``. HTML
  and SVG templates (``*.html.j2``, ``*.svg.j2``) use Jinja2's HTML autoescaping.

Undefined names raise (``StrictUndefined``), so a template cannot silently render a hole.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from linter.site import escape

_FILTERS = {
    "md": escape.md_inline,
    "code": escape.md_code,
    "link": escape.md_link,
    "href": escape.md_href,
    "mermaid": escape.mermaid_label,
    "mermaid_id": escape.mermaid_id,
    "xml": escape.xml,
    "num": lambda v: Markup(escape.number(v)),
}


def _finalize_md(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    return str(escape.md_inline(value))


class Renderer:
    """Renders the site's templates by name."""

    def __init__(self, template_dir: Path) -> None:
        loader = jinja2.FileSystemLoader(str(template_dir))
        common: dict[str, Any] = {
            "loader": loader,
            "undefined": jinja2.StrictUndefined,
            "keep_trailing_newline": True,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "auto_reload": True,
        }
        self._md = jinja2.Environment(autoescape=False, finalize=_finalize_md, **common)
        self._xml = jinja2.Environment(autoescape=True, **common)
        for env in (self._md, self._xml):
            env.filters.update(_FILTERS)

    def render(self, name: str, context: Mapping[str, object]) -> str:
        """Render ``name`` (``*.md.j2`` as Markdown, ``*.svg.j2``/``*.html.j2`` as XML)."""
        env = self._md if name.endswith(".md.j2") else self._xml
        if not (name.endswith((".md.j2", ".svg.j2", ".html.j2"))):
            raise ValueError(f"unknown template kind: {name}")
        text = env.get_template(name).render(**context)
        # One trailing newline, and no trailing spaces (Markdown would read two as <br>).
        lines = [line.rstrip() for line in text.splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"
