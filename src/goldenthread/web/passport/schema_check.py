"""Checking a file against one of the published JSON Schemas (docs/schemas/), naming every
problem once at its place in the file, in plain words.

The same schema files are what the OpenAPI description's import bodies point to (``$ref``), so
what the description refuses, the import refuses (issue 24): the JSON record
(``passport-v1.schema.json``) and the FHIR Bundle subset the import reads
(``fhir-bundle-import-v1.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

# In the repository (and an editable install) they are in docs/schemas; an installed package
# (the container image) carries a copy as goldenthread/schemas (pyproject's force-include).
_PACKAGED = Path(__file__).resolve().parents[2] / "schemas"
SCHEMAS = (
    _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[4] / "docs" / "schemas"
)
RECORD_SCHEMA = "passport-v1.schema.json"
BUNDLE_SCHEMA = "fhir-bundle-import-v1.schema.json"

MISSING = "This is missing"
NOT_A_DATE = "Write a real date as YYYY-MM-DD, for example 2027-07-16"
UNKNOWN_CODE = "Unknown code {value!r}: use one of {allowed}"

NOT_OF_TYPE = "This must be {kind}"
KINDS = {
    "object": "a JSON object",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}

Problem = tuple[str, str]


@cache
def schema_load(name: str) -> dict[str, Any]:
    """One of the published schemas, by file name."""
    schema: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return schema


def dotted_path(parts: Iterable[object]) -> str:
    """``plans[0].outcomes[3].due_date``: the form the page and the command line show."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(error: jsonschema.ValidationError, path: list[Any]) -> str:
    """The problem in plain words, for any keyword but ``required``."""
    expected: Any = error.validator_value
    if error.validator == "enum":
        allowed = ", ".join("null" if a is None else str(a) for a in expected)
        return UNKNOWN_CODE.format(value=error.instance, allowed=allowed)
    if error.validator == "type":
        kinds = [expected] if isinstance(expected, str) else list(expected)
        return NOT_OF_TYPE.format(kind=" or ".join(KINDS.get(k, k) for k in kinds))
    if (error.validator == "format" and expected == "date") or (
        error.validator == "oneOf" and path and str(path[-1]).endswith(("date", "_on", "due"))
    ):
        return NOT_A_DATE
    return str(error.message)


def _problem(error: jsonschema.ValidationError, messages: Mapping[str, str]) -> list[Problem]:
    path = list(error.absolute_path)
    if str(error.validator) in messages:
        return [(dotted_path(path), messages[str(error.validator)])]
    if error.validator == "required":
        # One error per missing field, each with the whole list: name every one (issue 24).
        instance: Any = error.instance
        required: Any = error.validator_value
        missing = [p for p in required if p not in instance]
        return [(dotted_path([*path, name]), MISSING) for name in missing]
    return [(dotted_path(path), _message(error, path))]


def schema_problems(
    name: str, data: object, messages: Mapping[str, str] | None = None
) -> list[Problem]:
    """Every problem the schema ``name`` finds in ``data``, each named once, in the order of the
    file's paths. ``messages`` gives plain words for a JSON Schema keyword (``contains``)."""
    validator = jsonschema.Draft202012Validator(
        schema_load(name), format_checker=jsonschema.FormatChecker()
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return list(dict.fromkeys(p for e in errors for p in _problem(e, messages or {})))
