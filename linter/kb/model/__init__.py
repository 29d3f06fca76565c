"""The typed knowledge base: one frozen value per KB file, built once when the file is loaded.

Rules, sizing, review and the site read these types; only the jobs that are about a file's
shape (schema validation, the provenance walk, the structural diff) read the document tree.
"""

from linter.kb.figures import MISSING
from linter.kb.model.architecture import (
    Architecture,
    BestPractice,
    Facility,
    FragilePoint,
    HotSpot,
    Item,
    Network,
    RackProfile,
    ScalableUnit,
    Storage,
)
from linter.kb.model.base import Located, Source
from linter.kb.model.catalog import (
    Accelerator,
    CalibrationPoint,
    Cooling,
    Efficiency,
    Fabric,
    Model,
    Slo,
    System,
)
from linter.kb.model.release import Change, Release
from linter.kb.model.standard import Row, Standard

__all__ = [
    "MISSING",
    "Accelerator",
    "Architecture",
    "BestPractice",
    "CalibrationPoint",
    "Change",
    "Cooling",
    "Efficiency",
    "Fabric",
    "Facility",
    "FragilePoint",
    "HotSpot",
    "Item",
    "Located",
    "Model",
    "Network",
    "RackProfile",
    "Release",
    "Row",
    "ScalableUnit",
    "Slo",
    "Source",
    "Standard",
    "Storage",
    "System",
]
