"""Walking a FHIR Bundle: parse it with ``fhir.resources.R4B`` (every error, with its path),
then resolve references and check codes, collecting every problem instead of stopping at the
first. Used by ``fhir_read`` to turn the Bundle back into the JSON record."""

from __future__ import annotations

from typing import Any

import pydantic
from fhir.resources.R4B.bundle import Bundle

from goldenthread.web.passport.fhir import CAREPLAN_STATUS, ext, system
from goldenthread.web.passport.schema_check import BUNDLE_SCHEMA, schema_problems

Problem = tuple[str, str]

NOT_A_BUNDLE = "The file must be a FHIR Bundle: a JSON object with resourceType Bundle"
NO_PATIENT = "The Bundle must hold exactly one Patient"
NO_FULL_URL = "Each entry needs a fullUrl, so other resources can point to it"
SAME_FULL_URL = "Two entries have the same fullUrl"
POINTS_NOWHERE = "This points to nothing in the Bundle"
WRONG_TYPE = "This must point to a {kind}"
UNKNOWN_CODE = "Unknown code {code!r}: use one of {allowed}"
MISSING_CODE = "Give a code from {system}"
NO_NAME = "Give the child's official name: family name and a given name"
NOT_IN_A_PLAN = "This {kind} is not part of any CarePlan, so it has no place in the passport"
STATUS_UNKNOWN = "Unknown CarePlan status {status!r}: use draft, active or completed"

PLAN_STATUS = {fhir: ours for ours, fhir in CAREPLAN_STATUS.items()}


def fhir_path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def bundle_problems(data: object) -> list[Problem]:
    """What keeps the Bundle from being read at all: first the published subset
    (docs/schemas/fhir-bundle-import-v1.schema.json, which the OpenAPI description points to),
    then FHIR R4 itself."""
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        return [("", NOT_A_BUNDLE)]
    problems = schema_problems(BUNDLE_SCHEMA, data, {"contains": NO_PATIENT})
    if problems:
        return problems
    try:
        Bundle.model_validate(data)
    except pydantic.ValidationError as error:
        return [(fhir_path(tuple(e["loc"])), e["msg"]) for e in error.errors()]
    return []


class BundleReader:
    """Walks the Bundle once, collecting problems instead of stopping at the first."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        self.problems: list[Problem] = []
        self.entries = entries
        self.by_url: dict[str, int] = {}
        self.used: set[int] = set()
        self.next_id = len(entries)  # ids for parts that are not resources (help)
        for index, entry in enumerate(entries):
            url = entry.get("fullUrl")
            if not url:
                self.problems.append((f"entry[{index}].fullUrl", NO_FULL_URL))
            elif url in self.by_url:
                self.problems.append((f"entry[{index}].fullUrl", SAME_FULL_URL))
            else:
                self.by_url[url] = index

    def at(self, index: int) -> str:
        return f"entry[{index}].resource"

    def kind(self, index: int) -> str:
        return str(self.entries[index]["resource"]["resourceType"])

    def resource(self, index: int) -> dict[str, Any]:
        resource: dict[str, Any] = self.entries[index]["resource"]
        return resource

    def resolve(self, path: str, reference: dict[str, Any] | None, kind: str) -> int | None:
        """The entry a reference points to, or None (and a problem) when it is not there."""
        target = self.by_url.get(str((reference or {}).get("reference", "")))
        if target is None:
            self.problems.append((f"{path}.reference", POINTS_NOWHERE))
            return None
        if self.kind(target) != kind:
            self.problems.append((f"{path}.reference", WRONG_TYPE.format(kind=kind)))
            return None
        return target

    def code(
        self,
        path: str,
        concept: dict[str, Any] | None,
        url: str,
        allowed: list[str],
        *,
        need: bool = True,
    ) -> str:
        """The code from ``url`` in a CodeableConcept (or a Coding), checked against ``allowed``."""
        codings = (concept or {}).get("coding", [concept] if concept else [])
        for index, coding in enumerate(codings):
            if coding and coding.get("system") == url:
                code = str(coding.get("code", ""))
                if code not in allowed:
                    shown = ", ".join(allowed)
                    message = UNKNOWN_CODE.format(code=code, allowed=shown)
                    where = f"{path}.coding[{index}].code" if "coding" in (concept or {}) else path
                    self.problems.append((where, message))
                return code
        if need:
            self.problems.append((path, MISSING_CODE.format(system=url)))
        return ""

    def category(self, index: int, name: str, allowed: list[str], *, need: bool = True) -> str:
        resource = self.resource(index)
        for position, concept in enumerate(resource.get("category", [])):
            for coding in concept.get("coding", []):
                if coding.get("system") == system(name):
                    return self.code(
                        f"{self.at(index)}.category[{position}]", concept, system(name), allowed
                    )
        if need:
            self.problems.append(
                (f"{self.at(index)}.category", MISSING_CODE.format(system=system(name)))
            )
        return ""


def extension(resource: dict[str, Any], name: str, kind: str, default: Any = "") -> Any:
    for item in resource.get("extension", []):
        if item.get("url") == ext(name):
            return item.get(kind, default)
    return default


def extensions(resource: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [item for item in resource.get("extension", []) if item.get("url") == ext(name)]
