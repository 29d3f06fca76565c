"""The sources behind a change: what a reviewer opens to check a figure added or changed.

A change inside a figure (its value, range or default) is cited by that figure; a change
that adds a block or a whole entry is cited by every figure in it, each source once, in
order. A citation is the source's id with its URL and retrieval date from the document's
``sources`` map, or a derived figure's formula.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.core.yamlio import PathT
from linter.kb.figures import is_figure

Citation = dict[str, str]


def citations(data: Any, at: PathT | None) -> tuple[Citation, ...]:
    """The citations of what lies at path ``at`` of the document ``data`` (None: the whole
    document): the figure at or above it, else every figure below it."""
    node, above = data, None
    for key in at or ():
        if is_figure(node):
            above = node
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return ()
    if is_figure(node):
        figures = [node]
    elif above is not None:
        figures = [above]
    else:
        figures = list(_below(node, top=at is None))
    sources = data.get("sources") if isinstance(data, dict) else None
    out: list[Citation] = []
    for fig in figures:
        for c in _cite(fig, sources if isinstance(sources, dict) else {}):
            if c not in out:
                out.append(c)
    return tuple(out)


def _below(node: Any, top: bool) -> Iterator[dict[str, Any]]:
    if is_figure(node):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            if not (top and k in ("sources", "changes")):
                yield from _below(v, False)
    elif isinstance(node, list):
        for v in node:
            yield from _below(v, False)


def _cite(fig: dict[str, Any], sources: dict[str, Any]) -> list[Citation]:
    if "derived" in fig:
        return [{"derived": str(fig["derived"])}]
    ids = [fig["source"]] if "source" in fig else list(fig.get("sources") or [])
    out = []
    for i in ids:
        src = sources.get(i) if isinstance(i, str) else None
        src = src if isinstance(src, dict) else {}
        url, when = src.get("url") or "", src.get("retrieved") or ""
        out.append({"id": str(i), "url": str(url), "retrieved": str(when)})
    return out


def markdown(cites: tuple[Citation, ...], limit: int = 6) -> str:
    """``[nv-bcm-powershelf](https://...) (2026-12-04); derived: 8 * 6``, the first ``limit``
    then how many more."""
    shown = []
    for c in cites[:limit]:
        if "derived" in c:
            shown.append(f"derived: `{_plain(c['derived'])}`")
            continue
        linked = c["url"].startswith(("http://", "https://"))
        name = f"[{_plain(c['id'])}]({_url(c['url'])})" if linked else f"`{_plain(c['id'])}`"
        shown.append(name + (f" ({_plain(c['retrieved'])})" if c["retrieved"] else ""))
    more = len(cites) - limit
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _plain(text: str) -> str:
    """Text for a Markdown table cell: one line, no cell or code delimiters."""
    return " ".join(text.split()).replace("|", "/").replace("`", "'")


def _url(url: str) -> str:
    """A URL inside a Markdown link in a table cell."""
    return url.replace("|", "%7C").replace("(", "%28").replace(")", "%29").replace(" ", "%20")
