"""Rack elevations and a power one-line diagram for each architecture, as SVG at build time.

Elevation: one rack per rack profile, its systems stacked bottom-up at their catalog height in
rack units (``height_u``), labelled with model and kW; a system whose height is not published
is drawn as a hatched block that says so, never at a guessed height. A rack-scale system
(NVL72) fills its rack. The frame is as tall as what the profile holds: the rack's own height,
switches and PDUs are not in the KB, and the drawing says so.

One-line: feeds -> PDUs -> rack (profile max kW) -> systems (PSUs and redundancy), with the
architecture's feed count, PDUs per rack and power redundancy; "n/a" where not published.
"""

from __future__ import annotations

from typing import Any, TypedDict

from linter.kb.model import Architecture, RackProfile
from linter.site.core import Site
from linter.site.escape import number

U_PX = 9  # one rack unit
RACK_W = 190
RACK_GAP = 60
TOP = 34
UNKNOWN_U = 4  # the drawn height of a system whose height is not published (hatched)
RACK_SCALE_U = 24  # the drawn height of a rack-scale system whose height is not published


class Block(TypedDict):
    y: float
    h: float
    label: str
    kw: str
    known: bool


class Rack(TypedDict):
    x: float
    id: str
    blocks: list[Block]
    height: float
    total: str


def _rack(site: Site, profile: RackProfile, x: float) -> Rack:
    blocks: list[Block] = []
    units = 0.0
    for item in profile.contents:
        system = site.kb.system(item.model)
        count = int(item.count.value or 1)
        height = system.height_u.value if system is not None else None
        kw = system.max_power_kw.value if system is not None else None
        rack_scale = system is not None and system.form == "rack-scale"
        for _ in range(count):
            if height:
                h_u, known = float(height), True
            else:  # drawn hatched at a nominal height, and labelled as not published
                h_u, known = float(RACK_SCALE_U if rack_scale else UNKNOWN_U), False
            blocks.append(
                Block(
                    y=0.0,
                    h=h_u * U_PX,
                    label=item.model + (" (rack-scale)" if rack_scale else ""),
                    kw=f"{number(kw)} kW" if kw is not None else "kW n/a",
                    known=known,
                )
            )
            units += h_u
    height_px = max(units * U_PX, 4 * U_PX)
    y = TOP + height_px
    for b in blocks:  # bottom-up
        y -= b["h"]
        b["y"] = y
    total = profile.max_kw.value
    return Rack(
        x=x,
        id=profile.id,
        blocks=blocks,
        height=height_px,
        total=f"{number(total)} kW max" if total is not None else "max kW n/a",
    )


def elevation(site: Site, arch: Architecture) -> str:
    """The rack elevations of ``arch`` as an SVG file (empty when it has no profiles)."""
    racks = [_rack(site, p, 20 + i * (RACK_W + RACK_GAP)) for i, p in enumerate(arch.rack_profiles)]
    if not racks:
        return ""
    tallest = max(r["height"] for r in racks)
    for r in racks:  # align the racks' floors
        shift = tallest - r["height"]
        for b in r["blocks"]:
            b["y"] += shift
        r["height"] = tallest
    ctx: dict[str, Any] = {
        "title": f"Rack elevations of {arch.id}",
        "width": max(20 + len(racks) * (RACK_W + RACK_GAP), 300),
        "height": TOP + tallest + 56,
        "top": TOP,
        "rack_w": RACK_W,
        "racks": racks,
        "floor": TOP + tallest,
    }
    return site.render("elevation.svg.j2", ctx)


def one_line(site: Site, arch: Architecture) -> str:
    """The power one-line diagram of ``arch``'s first rack profile, as an SVG file."""
    if not arch.rack_profiles:
        return ""
    profile = arch.rack_profiles[0]
    fac = arch.facility
    feeds = fac.feeds_per_rack.value
    pdus = fac.pdus_per_rack.value
    systems = []
    for item in profile.contents:
        s = site.kb.system(item.model)
        psus = s.psu_count.value if s is not None else None
        systems.append(
            {
                "label": f"{int(item.count.value or 1)} x {item.model}",
                "psus": (
                    f"{number(psus)} PSUs"
                    + (f" ({s.psu_redundancy})" if s and s.psu_redundancy else "")
                    if psus is not None
                    else "PSUs n/a"
                ),
            }
        )
    ctx = {
        "title": f"Power one-line of {arch.id}, rack profile {profile.id}",
        "feeds": f"{number(feeds)} feeds per rack" if feeds is not None else "feeds n/a",
        "redundancy": fac.power_redundancy or "redundancy n/a",
        "pdus": f"{number(pdus)} PDUs per rack" if pdus is not None else "PDUs n/a",
        "rack": f"rack {profile.id}",
        "kw": f"{number(profile.max_kw.value)} kW max" if profile.max_kw.value is not None else "",
        "systems": systems,
        "height": 30 + 46 * max(1, len(systems)),
    }
    return site.render("one-line.svg.j2", ctx)
