"""Reading a NetBox: its REST API, or a saved export of the same responses.

Plain HTTP (``urllib``) rather than pynetbox: the import only pages through seven list
endpoints, and refarch's lean install (the pre-commit hook's environment) stays at PyYAML and
jsonschema. Each endpoint is asked for only the fields the import reads (NetBox's ``fields``
parameter), 1,000 objects a page.

An export is a directory of the same responses, one JSON file per endpoint
(``dcim/racks.json`` ...) holding ``{"count": N, "results": [...]}`` with every page's results,
and ``status.json`` (NetBox's ``/api/status/``); ``--save-export`` writes one.

The token is read from an environment variable by the command, sent only in the
``Authorization`` header, and never appears in a message, an export or a plan.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from linter.core.atomic import write_text
from linter.core.errors import InputError, Location, RefarchError
from linter.core.text import one_line

# The endpoints an import reads, and the fields it reads of each.
ENDPOINTS: dict[str, tuple[str, ...]] = {
    "dcim/racks": (
        "id",
        "display_url",
        "name",
        "site",
        "location",
        "group",
        "role",
        "status",
        "cooling_capability",
        "cooling_capacity",
    ),
    "dcim/device-types": (
        "id",
        "display_url",
        "manufacturer",
        "model",
        "slug",
        "part_number",
        "cooling_method",
    ),
    "dcim/power-port-templates": ("id", "device_type", "name", "maximum_draw"),
    "dcim/devices": (
        "id",
        "display_url",
        "name",
        "device_type",
        "rack",
        "status",
        "cooling_method",
    ),
    "dcim/power-feeds": (
        "id",
        "display_url",
        "name",
        "power_panel",
        "rack",
        "status",
        "type",
        "supply",
        "phase",
        "voltage",
        "amperage",
        "max_utilization",
    ),
    "dcim/cooling-sources": (
        "id",
        "display_url",
        "name",
        "site",
        "type",
        "fluid_type",
        "cooling_capacity",
    ),
    "dcim/cooling-feeds": (
        "id",
        "display_url",
        "name",
        "cooling_source",
        "rack",
        "status",
        "cooling_capacity",
    ),
}
# Endpoints filtered to the chosen site (the rest are read whole: types and templates).
SITE_FILTERED = (
    "dcim/racks",
    "dcim/devices",
    "dcim/power-feeds",
    "dcim/cooling-sources",
)
PAGE = 1000
MIN_VERSION = (4, 7)  # cooling sources, feeds and rack cooling capacity are new in 4.7


@dataclass
class Export:
    """What an import reads of one NetBox: the results of each endpoint, and its status."""

    origin: str  # the URL or directory it was read from
    status: dict[str, Any]
    objects: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def version(self) -> str:
        return str(self.status.get("netbox-version") or "unknown")

    def save(self, directory: str) -> None:
        """Write the export under ``directory`` (made if missing; files replaced atomically)."""
        os.makedirs(os.path.join(directory, "dcim"), exist_ok=True)
        write_text(os.path.join(directory, "status.json"), json.dumps(self.status, indent=1))
        for endpoint, results in self.objects.items():
            body = {"count": len(results), "results": results}
            write_text(os.path.join(directory, f"{endpoint}.json"), json.dumps(body, indent=1))


def version_tuple(version: str) -> tuple[int, ...]:
    out = []
    for part in version.split("-")[0].split("."):
        if not part.isdigit():
            break
        out.append(int(part))
    return tuple(out)


def check_version(export: Export) -> None:
    found = version_tuple(export.version)
    if not found or found[:2] < MIN_VERSION:
        raise InputError(
            f"NetBox {export.version} has no cooling objects (cooling sources, cooling feeds "
            f"and rack cooling capacity are new in NetBox 4.7); refarch import netbox reads "
            f"NetBox 4.7 or later",
            Location(export.origin),
        )


class NetBoxError(RefarchError):
    """NetBox could not be read: unreachable, refused, or not a NetBox API."""


@dataclass
class Client:
    """GET requests to one NetBox's REST API with a token (never shown)."""

    url: str
    token: str
    timeout_s: float = 30.0

    def _header(self) -> str:
        # v2 tokens (NetBox 4.5+) are "nbt_<key>.<secret>" and go as Bearer; v1 as Token.
        scheme = "Bearer" if self.token.startswith("nbt_") else "Token"
        return f"{scheme} {self.token}"

    def get(self, path_or_url: str, params: dict[str, str] | None = None) -> Any:
        base = self.url.rstrip("/")
        url = path_or_url if "://" in path_or_url else f"{base}/api/{path_or_url}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        if not url.startswith(base + "/"):  # a "next" link elsewhere would carry the token
            raise NetBoxError(f"{self.url}: NetBox sent a page link outside its own URL")
        request = urllib.request.Request(
            url, headers={"Authorization": self._header(), "Accept": "application/json"}
        )
        where = Location(self.url)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as r:
                body = r.read()
        except urllib.error.HTTPError as exc:
            detail = _detail(exc)
            if exc.code in (401, 403):
                raise NetBoxError(
                    f"NetBox refused the token (HTTP {exc.code}{detail}): check the token in "
                    "the environment variable and that it may read DCIM objects",
                    where,
                ) from None
            if exc.code == 404:
                raise NetBoxError(
                    f"no NetBox API at this URL (HTTP 404 for /api/{path_or_url}): is it the "
                    "NetBox base URL?",
                    where,
                ) from None
            raise NetBoxError(f"NetBox answered HTTP {exc.code}{detail}", where) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise NetBoxError(f"cannot reach NetBox: {reason}", where) from None
        try:
            return json.loads(body)
        except ValueError:
            raise NetBoxError(
                f"the answer to /api/{path_or_url} is not JSON: is this the NetBox base URL?",
                where,
            ) from None

    def results(self, endpoint: str, params: dict[str, str]) -> list[dict[str, Any]]:
        """Every object of a list endpoint, page after page."""
        out: list[dict[str, Any]] = []
        page: Any = self.get(endpoint, {**params, "limit": str(PAGE)})
        while True:
            if not isinstance(page, dict) or not isinstance(page.get("results"), list):
                raise NetBoxError(f"/api/{endpoint} is not a NetBox list", Location(self.url))
            out.extend(r for r in page["results"] if isinstance(r, dict))
            nxt = page.get("next")
            if not nxt:
                return out
            page = self.get(str(nxt))


def read_api(client: Client, site: str | None = None) -> Export:
    """The endpoints an import reads, from a live NetBox (only ``site``'s objects if given)."""
    status = client.get("status/")
    if not isinstance(status, dict) or "netbox-version" not in status:
        raise NetBoxError("/api/status/ does not name a NetBox version", Location(client.url))
    export = Export(origin=client.url, status=status)
    check_version(export)
    for endpoint, fields in ENDPOINTS.items():
        params = {"fields": ",".join(fields)}
        if site and endpoint in SITE_FILTERED:
            params["site"] = site
        export.objects[endpoint] = client.results(endpoint, params)
    return export


def read_dir(directory: str) -> Export:
    """An export saved by ``--save-export``; InputError naming the file that is missing or
    not an export."""
    if not os.path.isdir(directory):
        raise InputError(
            "not a directory (an export is a directory of JSON files)", Location(directory)
        )
    status = _json(os.path.join(directory, "status.json"))
    if not isinstance(status, dict) or "netbox-version" not in status:
        raise InputError(
            "not NetBox's /api/status/ answer (no netbox-version)",
            Location(os.path.join(directory, "status.json")),
        )
    export = Export(origin=directory, status=status)
    check_version(export)
    for endpoint in ENDPOINTS:
        path = os.path.join(directory, f"{endpoint}.json")
        body = _json(path)
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
            raise InputError('not a NetBox list ({"count": N, "results": [...]})', Location(path))
        export.objects[endpoint] = results
    return export


def _json(path: str) -> Any:
    try:
        with open(path, "rb") as f:
            return json.load(f)
    except FileNotFoundError:
        raise InputError(
            "missing from the export (refarch import netbox --save-export writes every file)",
            Location(path),
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", Location(path)) from None
    except ValueError as exc:
        line = getattr(exc, "lineno", 0)
        col = getattr(exc, "colno", 0)
        raise InputError(
            f"not valid JSON: {getattr(exc, 'msg', exc)}", Location(path, line, col)
        ) from None


def _detail(exc: urllib.error.HTTPError) -> str:
    """NetBox's reason: ``{"detail": "..."}``, or a filter's complaint ``{"site": ["..."]}``."""
    try:
        body = json.loads(exc.read(2000) or b"{}")
    except (ValueError, OSError):
        return ""
    if not isinstance(body, dict):
        return ""
    if isinstance(body.get("detail"), str):
        return f": {one_line(body['detail'])}"
    said = [
        f"{key}: {' '.join(str(m) for m in value)}"
        for key, value in body.items()
        if isinstance(value, list)
    ]
    return f": {one_line('; '.join(said))}" if said else ""
