"""Files published unchanged: the JSON Schemas at ``schema/`` and the KB's YAML at ``kb/``.

Both trees keep their relative layout, so the modelines inside the KB files
(``$schema=../../schema/...``) resolve on the site exactly as in the repository.
"""

from __future__ import annotations

from collections.abc import Iterator

from linter.core.yamlio import read_bytes
from linter.site.core import Page, Site, kb_file_path


def pages(site: Site) -> Iterator[Page]:
    for path in sorted(site.options.schema_dir.glob("*.schema.json")):
        yield Page(f"schema/{path.name}", path.read_bytes())
    for _kind, path in sorted(site.kb.files(), key=lambda kp: kp[1].as_posix()):
        # Through the loader's reader: a KB file is a regular file within the size limit.
        yield Page(kb_file_path(site, str(path)), read_bytes(str(path)))
