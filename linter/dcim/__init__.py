"""Plans from a DCIM: read NetBox (:mod:`.netbox`), map its device types to KB systems
(:mod:`.mapping`) and write a plan that names where every value came from (:mod:`.importer`)."""
