"""The fixture site the import tests read, loaded into a real NetBox through its REST API.

``load(url, token)`` creates one site, ``hall-c``, as a team would keep it in NetBox 4.7:

* rack group ``pod-1``: racks ``C01``-``C03``, each fed by an A and a B power feed (415 V,
  three-phase, 80 % maximum utilisation) from panels ``PP-A``/``PP-B`` and cooled by a
  cooling feed from ``CRAH-1``; racks are air-only;
  * ``C01``: four DGX H100 on 63 A feeds (the rack the feeds cannot carry);
  * ``C02``: two DGX H100 on 63 A feeds;
  * ``C03``: four HGX H200 servers on 100 A feeds;
* rack group ``pod-2``: rack ``C10``, liquid-only, a GB200 NVL72 as NetBox models it: 18
  compute trays with no power ports (they draw from the busbar) and 8 power shelves, fed by
  four 415 V 125 A feeds and a water cooling feed from chiller ``CH-1``;
* two QM9700 switches in ``C03`` (a type the mapping skips).

The figures are what this NetBox says, not facts about the hardware: the DGX H100 type
carries 2 x 1,100 W of maximum draw (understated, as community device types often are), so
the import's cross-check has a disagreement to find. ``tests/netbox/make_export.py`` saves the
same site as an export for the offline tests.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

# (model, slug, u_height, cooling method, power ports x maximum draw W)
DEVICE_TYPES = (
    ("DGX H100", "dgx-h100", 8, "air", 2, 1100),
    ("HGX H200 8-GPU server", "hgx-h200-8gpu-server", 6, "air", 6, 1700),
    ("GB200 NVL72 compute tray", "gb200-nvl72-compute-tray", 1, "liquid", 0, 0),
    ("GB200 NVL72 power shelf", "gb200-nvl72-power-shelf", 1, None, 0, 0),
    ("QM9700", "qm9700", 1, "air", 2, 747),
)
# (rack, group, capability, NetBox cooling capacity kW, feed amps, feeds, devices)
RACKS = (
    ("C01", "pod-1", "air-only", 45, 63, 2, [("dgx-h100", 4, 8)]),
    ("C02", "pod-1", "air-only", 45, 63, 2, [("dgx-h100", 2, 8)]),
    ("C03", "pod-1", "air-only", 45, 100, 2, [("hgx-h200-8gpu-server", 4, 6), ("qm9700", 2, 1)]),
    (
        "C10",
        "pod-2",
        "liquid-only",
        140,
        125,
        4,
        [("gb200-nvl72-compute-tray", 18, 1), ("gb200-nvl72-power-shelf", 8, 1)],
    ),
)


class Api:
    def __init__(self, url: str, token: str) -> None:
        self.url, self.token = url.rstrip("/"), token

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            f"{self.url}/api/{path}/",
            data=json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                return dict(json.load(r))
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"POST {path}: {exc.code} {exc.read().decode()[:500]}") from None


def load(url: str, token: str) -> None:
    api = Api(url, token)
    site = api.post("dcim/sites", {"name": "Hall C", "slug": "hall-c", "status": "active"})
    nvidia = api.post("dcim/manufacturers", {"name": "NVIDIA", "slug": "nvidia"})
    role = api.post("dcim/device-roles", {"name": "Compute", "slug": "compute", "color": "2196f3"})
    types: dict[str, dict[str, Any]] = {}
    for model, slug, height, cooling, ports, draw in DEVICE_TYPES:
        body: dict[str, Any] = {
            "manufacturer": nvidia["id"],
            "model": model,
            "slug": slug,
            "u_height": height,
        }
        if cooling:
            body["cooling_method"] = cooling
        types[slug] = api.post("dcim/device-types", body)
        for n in range(ports):
            api.post(
                "dcim/power-port-templates",
                {
                    "device_type": types[slug]["id"],
                    "name": f"PSU{n + 1}",
                    "type": "iec-60320-c20",
                    "maximum_draw": draw,
                },
            )
    groups = {
        slug: api.post("dcim/rack-groups", {"name": slug.upper(), "slug": slug})
        for slug in ("pod-1", "pod-2")
    }
    panels = {
        side: api.post("dcim/power-panels", {"site": site["id"], "name": f"PP-{side}"})
        for side in "ABCD"
    }
    crah = api.post(
        "dcim/cooling-sources",
        {"site": site["id"], "name": "CRAH-1", "type": "crah", "cooling_capacity": 300},
    )
    chiller = api.post(
        "dcim/cooling-sources",
        {
            "site": site["id"],
            "name": "CH-1",
            "type": "chiller",
            "fluid_type": "water",
            "cooling_capacity": 1000,
        },
    )
    for name, group, capability, cooling_kw, amps, feeds, devices in RACKS:
        rack = api.post(
            "dcim/racks",
            {
                "name": name,
                "site": site["id"],
                "group": groups[group]["id"],
                "status": "active",
                "u_height": 48,
                "cooling_capability": capability,
                "cooling_capacity": cooling_kw,
            },
        )
        for n in range(feeds):
            side = "ABCD"[n]
            api.post(
                "dcim/power-feeds",
                {
                    "power_panel": panels[side]["id"],
                    "rack": rack["id"],
                    "name": f"{name}-{side}",
                    "status": "active",
                    "type": "primary" if n < feeds // 2 else "redundant",
                    "supply": "ac",
                    "phase": "three-phase",
                    "voltage": 415,
                    "amperage": amps,
                    "max_utilization": 80,
                },
            )
        source = chiller if capability == "liquid-only" else crah
        api.post(
            "dcim/cooling-feeds",
            {
                "cooling_source": source["id"],
                "rack": rack["id"],
                "name": f"{name}-cooling",
                "cooling_capacity": cooling_kw,
            },
        )
        position = 1
        for slug, count, height in devices:
            for n in range(count):
                api.post(
                    "dcim/devices",
                    {
                        "name": f"{name}-{slug}-{n + 1}",
                        "device_type": types[slug]["id"],
                        "role": role["id"],
                        "site": site["id"],
                        "rack": rack["id"],
                        "position": position,
                        "face": "front",
                        "status": "active",
                    },
                )
                position += height
