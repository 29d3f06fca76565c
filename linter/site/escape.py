"""Escaping for every context a knowledge-base string can land in on the site.

KB text is data, never markup: a summary containing ``<script>``, ``[x](javascript:...)``,
``{{ 7*7 }}`` or a ``|`` must show up on the page as exactly those characters. Each function
here returns :class:`markupsafe.Markup`, the marker the templates' ``finalize`` hook trusts;
anything else reaching a Markdown template is escaped with :func:`md_inline` by default.

Markdown (Python-Markdown with the extensions in ``mkdocs.yml``):

* ``& < > " '`` become HTML entities, so no raw HTML, autolink or comment can form;
* every character Python-Markdown (and its tables extension) lets a backslash escape is
  backslash-escaped, so no emphasis, link, image, code span, attribute list or cell break forms;
* whitespace runs (newlines included) collapse to one space, so no block construct (heading,
  list, fence, admonition, tab, table, setext underline) can start inside the text, and the
  first character becomes a numeric entity if it is punctuation, for the same reason.

Mermaid labels keep letters, digits and a few harmless signs; everything else becomes a
Mermaid entity code (``#60;``), which Mermaid turns into an HTML entity in the SVG.
"""

from __future__ import annotations

import math
import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
# Python-Markdown's ESCAPED_CHARS plus "|" (tables); ">" is an entity instead.
_BACKSLASHED = frozenset("\\`*_{}[]()#+-.!|")
_SPACE = re.compile(r"\s+")
_MERMAID_SAFE = re.compile(r"[A-Za-z0-9 ,.:/()+-]")


def _md(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    out: list[str] = []
    for i, ch in enumerate(text):
        if i == 0 and not ch.isalnum() and ch not in _ENTITIES:
            out.append(f"&#{ord(ch)};")
        elif ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def md_inline(value: object) -> Markup:
    """Any value as inert inline Markdown text (also safe inside a table cell)."""
    if isinstance(value, Markup):
        return value
    return Markup(_md(plain(value)))


def md_code(value: object) -> Markup:
    """A value shown in a monospace font, with the same guarantees as :func:`md_inline`."""
    return Markup(f"<code>{_md(plain(value))}</code>")


def safe_url(url: object) -> str | None:
    """An http(s) URL fit for a Markdown link target, or None for anything else."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        return None
    # Parentheses, quotes, angle brackets and backslashes would end or confuse the link.
    return quote(url, safe=":/?#[]@!$&*+,;=%~-._")


def md_link(text: object, url: object) -> Markup:
    """``[text](url)`` when the URL is http(s), otherwise the plain escaped text."""
    target = safe_url(url)
    label = _md(plain(text))
    if target is None:
        return Markup(label)
    target = target.replace("[", "%5B").replace("]", "%5D")
    return Markup(f"[{label}]({target})")


def md_href(path: object) -> Markup:
    """A relative link target between site pages; anything but ``[A-Za-z0-9._/#-]`` is encoded."""
    return Markup(quote(plain(path), safe="/#._-"))


def mermaid_label(value: object) -> Markup:
    """Text for a double-quoted Mermaid label: only safe characters survive as themselves."""
    text = _SPACE.sub(" ", plain(value)).strip()
    return Markup("".join(ch if _MERMAID_SAFE.fullmatch(ch) else f"#{ord(ch)};" for ch in text))


def mermaid_id(value: object) -> Markup:
    """A Mermaid node id derived from any string (letters, digits and underscores only)."""
    text = re.sub(r"[^A-Za-z0-9]", "_", plain(value))
    return Markup("n_" + text)


def xml(value: object) -> Markup:
    """Text or attribute content in HTML/SVG."""
    return escape(plain(value))


def number(value: float | int) -> str:
    """A number as the KB writes it: integers without a decimal point, floats shortest."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(round(value, 6))


def plain(value: object) -> str:
    """The text of any YAML scalar, list or mapping, deterministically."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return number(value)
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{plain(k)}: {plain(v)}" for k, v in value.items())
    return str(value)
