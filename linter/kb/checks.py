"""The codes of the knowledge base's own checks: validation (VAL) and release consistency (REL).

``refarch validate`` (and ``refarch lint`` before its rules) reports VAL codes; ``refarch
review`` reports REL codes between two states of the KB. They are declared here, as data, so
the one registry (:mod:`linter.lint.registry`) and every reporter can name them.
"""

from __future__ import annotations

from linter.core.codes import Code, page


def _val(
    code: str,
    name: str,
    title: str,
    what: str,
    why: str,
    example: str,
    fix: str,
    severity: str = "error",
) -> Code:
    return Code(code, name, "validation", severity, False, page(title, what, why, example, fix))


def _rel(code: str, name: str, title: str, what: str, why: str, example: str, fix: str) -> Code:
    return Code(code, name, "release", "error", False, page(title, what, why, example, fix))


VALIDATION: tuple[Code, ...] = (
    _val("VAL001", "schema-violation", "The file does not match its JSON Schema.",
         "The file is checked against the JSON Schema of its kind (plan, architecture, catalog "
         "entry, standard, release, config): required keys, types, enumerations, bounds and "
         "unknown keys.",
         "Every other check, and every rule, reads the shapes the schema promises.",
         "```\nplans/hall-b.yaml:3:1: VAL001 [schema-violation] $: 'reference' is a required "
         "property\n```",
         "Edit the value named by the path to match the schema; `schema/<kind>.schema.json` and "
         "the site's schema pages describe every field."),
    _val("VAL002", "bad-quantity", "A quantity has an unknown unit or the wrong dimension.",
         "A string under a unit-suffixed key (`budget_kw: 40 kW`) must be a number with a unit "
         "of the key's dimension; it is converted to the key's unit.",
         "`40 kVA` is not a power in kW without a power factor, and `30 kilowatts` is not a "
         "unit refarch knows: guessing would size a rack wrongly.",
         "```yaml\nbudget_kw: 40 kVA   # VAL002: kVA needs a power factor\n```",
         "Write the value in the key's unit (`budget_kw: 32`) or with a unit of the same "
         "dimension (`40000 W`)."),
    _val("VAL003", "unknown-id", "A referenced catalog id or architecture does not exist.",
         "Ids named by a file (a plan's systems and `reference`, a system's accelerator, an "
         "architecture's systems and networks) must exist in the knowledge base.",
         "A typo in an id would otherwise make every check that needs the entry silently skip.",
         "```\nunknown system 'dgx-h101' (did you mean dgx-h100?)\n```",
         "Use an id the KB has (`refarch show ID` prints one; the message lists close matches)."),
    _val("VAL004", "id-mismatch", "An entry's id differs from its file name.",
         "A catalog entry, standard or architecture is looked up by its file name, so its `id` "
         "must equal the file's stem.",
         "Two names for one entry make lookups and history disagree.",
         "```\nid 'dgx-h100x' differs from the file name 'dgx-h100'\n```",
         "Rename the file or correct the `id`."),
    _val("VAL005", "unknown-source", "A figure cites a source id the file does not define.",
         "Every `source:` or `sources:` id a figure cites must be defined in the file's "
         "`sources` map.",
         "A figure is only as good as its source: each one must say where it comes from.",
         "```\nsource 'nv-dgx-ug' is not defined in sources\n```",
         "Add the source (title, URL, retrieval date) to `sources`, or cite one that exists."),
    _val("VAL006", "derived-mismatch", "A derived figure differs from its formula.",
         "A figure marked `derived` is recomputed from its formula and the figures it names.",
         "A derived number that no longer matches its inputs is a stale number.",
         "```yaml\nkw_per_gpu: {value: 1.3, derived: max_power_kw / gpu_count}  # 10.2 / 8 = "
         "1.275\n```",
         "Write the value the formula gives, or correct the formula."),
    _val("VAL007", "release-mismatch", "An architecture's version differs from release.yaml.",
         "An architecture's newest `changes` entry names its `version`, and `release.yaml` "
         "lists every architecture at the version its file has.",
         "The release is what plans pin; a file and a release that disagree make a pin "
         "ambiguous.",
         "```\nversion '2026.12' differs from release.yaml ('2026.11')\n```",
         "Bump `release.yaml` with the architecture, or record the version's `changes` entry."),
    _val("VAL008", "non-finite-number", "A number is NaN or infinite.",
         "No value in a checked file may be `.nan` or `.inf`.",
         "Every comparison against NaN is false, so a NaN limit would pass every check.",
         "```yaml\nbudget_kw: .nan\n```",
         "Write a finite number."),
    _val("VAL009", "unknown-kind", "refarch cannot tell what kind of file this is.",
         "The kind of a file comes from its `$schema` modeline, its place in the KB, a `kind:` "
         "key, or its top-level keys (a plan has `plan`, `reference` or `racks`). Inside the "
         "knowledge base every YAML file must have a kind; outside it, a YAML file with none of "
         "these (a CI configuration, a Kubernetes manifest) is skipped, as lint skips it.",
         "A file of unknown kind cannot be checked at all.",
         "```yaml\nservices: {web: {image: nginx}}\n```",
         "Add the modeline `# yaml-language-server: $schema=<...>/plan.schema.json`, or do not "
         "pass the file to refarch."),
    _val("VAL010", "control-character",
         "Knowledge-base text holds a control character or a bidirectional override.",
         "No string or key of a knowledge-base file may hold a C0 or C1 control character "
         "(ESC, CR, BEL, DEL and the like; tab and newline are allowed), a Unicode line or "
         "paragraph separator, or a bidirectional embedding, override or isolate.",
         "KB text reaches terminals, CI logs and the site: an ESC sequence could rewrite what "
         "a maintainer sees, and U+202E shows text reversed. A YAML escape such as `\\e` "
         "passes the schema, so the check is made on the loaded text.",
         "```yaml\nname: \"DGX\\e[2J H100\"\n```",
         "Delete the character, or write what it stood for in words."),
    _val("VAL011", "unit-magnitude", "A per-rack figure's unit makes it a thousand times larger.",
         "A quantity under a rack (`budget_kw`, and every other unit-suffixed key of a rack "
         "group) written in a unit at least a thousand times the key's own (`30 MW` for a key "
         "in kW) is converted, and reported with the figure it became. A warning: the value "
         "is used as converted.",
         "`budget_kw: 30 MW` is 30,000 kW per rack, a hundred times the largest rack the "
         "catalog holds; one letter turned a typo into a budget every power check passes.",
         "```yaml\nracks:\n  - id: r01\n    budget_kw: 30 MW   # VAL011: 30,000 kW per rack\n```",
         "Write the figure in the key's unit (`budget_kw: 30`).",
         severity="warning"),
    _val("VAL012", "left-to-fill", "A plan value is left TODO for its author to fill in.",
         "A plan value written `TODO` (as `refarch import netbox` writes what a DCIM cannot "
         "say: the reference architecture, the ASHRAE class, water temperatures) is reported "
         "with what the key asks for, and the plan is checked as if the key were absent: "
         "every other check and lint rule still runs.",
         "An imported plan is a draft. The facts only its author knows are the ones a "
         "guessed default would get wrong, so they are left visibly open rather than filled.",
         "```yaml\nreference: TODO  # VAL012: pin one of dgx-superpod-h100@2026.12, ...\n"
         "facility:\n  ashrae_class: TODO  # VAL012: write one of A1, A2, A3, A4, H1\n```",
         "Replace `TODO` with the value the message asks for."),
)  # fmt: skip

RELEASE: tuple[Code, ...] = (
    _rel("REL001", "content-changed-without-version-bump",
         "An architecture's content changed but its version did not.",
         "Between two states of the KB, an architecture whose content (anything but `version` "
         "and `changes`) changed must have a new `version`.",
         "Plans pin `ARCH@VERSION`: a change under an old version silently changes the verdict "
         "of every plan pinned to it.",
         "```\narchitectures/reference/pod-a.yaml:12:5: REL001 [content-changed-without-version-"
         "bump] pod-a changed but is still at 2026.11\n```",
         "Set `version` to the new month and add a `changes` entry saying what changed and why."),
    _rel("REL002", "version-not-increasing",
         "An architecture's version is lower than in the previous release.",
         "An architecture's version never goes backwards between two states of the KB.",
         "A lower version would make a newer pin name older content.",
         "```\nversion 2026.10 is lower than 2026.11 before\n```",
         "Use a version later than the previous one."),
    _rel("REL003", "missing-rationale",
         "A new version has no `changes` entry with `summary` and `why`.",
         "Each new version of an architecture has a `changes` entry for it, giving `summary` "
         "and `why`.",
         "The monthly review explains each change to the people whose plans it affects.",
         "```yaml\nversion: '2026.12'\nchanges:\n  - {version: '2026.11', summary: ..., why: ...}"
         "  # none for 2026.12\n```",
         "Add a `changes` entry for the new version with `summary` and `why`."),
    _rel("REL004", "release-out-of-step", "`release.yaml` disagrees with the architecture files.",
         "`release.yaml` lists every architecture at the version its file has, lists none "
         "without a file, names none newer than the release, and releases never go backwards.",
         "The release manifest is what the review, the site and pins read as the KB's state.",
         "```\narchitecture 'pod-c' is at 2026.12 but release.yaml lists 2026.11\n```",
         "Update `release.yaml` to the architectures' versions and the new release month."),
    _rel("REL005", "catalog-change-without-version-bump",
         "A catalog entry an architecture names changed, and the architecture kept its version.",
         "An architecture names catalog entries: the systems its rack profiles and scalable unit "
         "hold, the fabrics of its networks, and every `id.key` its derived figures read. A "
         "change to one of their figures (not to sources, text or lifecycle status) is a change to "
         "the architecture.",
         "A plan pinned to `ARCH@VERSION` is checked with those entries' figures. If they move "
         "under the same version, the pin no longer freezes what the plan was checked against, "
         "and `refarch lint` gives a pinned plan a different verdict without any version to "
         "warn about it (ARC002).",
         "```\ncatalog figures this architecture uses changed since 2026.11 "
         "(dgx-h100.max_power_kw 10.2 -> 11.5; rack_profiles[compute].max_kw = 4 * "
         "dgx-h100.max_power_kw 40.8 -> 46) but the version is still 2026.11\n```",
         "Bump the architecture's `version`, update its derived figures (`refarch validate` "
         "reports them as VAL006), and add a `changes` entry saying what moved and why; "
         "`refarch diff ARCH@OLD ARCH@worktree` lists the changes under \"through the "
         "catalog\"."),
)  # fmt: skip
