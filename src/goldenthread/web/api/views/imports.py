"""Importing a child's outcomes record, as JSON (the passport schema) or as a FHIR R4 Bundle,
through the same all-or-nothing import as the import page (``passport.transfer``).

Everything is checked before anything is written; an invalid file gets 400 with every problem
(path and message). The child is made in the importer's area, on their caseload.
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES
from goldenthread.web.api.parsers import LimitedFhirJSONParser, LimitedJSONParser
from goldenthread.web.api.problems import PROBLEM_TYPE, problem_body
from goldenthread.web.passport.transfer import (
    NOT_ALLOWED,
    ImportInvalid,
    ImportProblem,
    ImportResult,
    import_fhir_bundle,
    import_record_json,
)

INVALID = "Nothing was imported: the file has {count} problem(s), listed."
_STEP = re.compile(r"\[(\d+)\]|\.?([^.\[]+)")


class ImportedSerializer(serializers.Serializer):  # type: ignore[misc]
    child = serializers.IntegerField(help_text="The new child's id")
    plans = serializers.IntegerField()
    outcomes = serializers.IntegerField()
    provision = serializers.IntegerField()


class CanAddChildren(permissions.BasePermission):  # type: ignore[misc]
    """An import adds a child, so only the people who may add children may import."""

    message = NOT_ALLOWED

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and request.user.role in PROFESSIONAL_ROLES)


def json_pointer(path: str) -> str:
    """``plans[0].outcomes[3].due_date`` as a JSON Pointer, ``/plans/0/outcomes/3/due_date``,
    the form every other problem from the API uses (RFC 6901)."""
    steps = [index or name for index, name in _STEP.findall(path)]
    return "".join("/" + step.replace("~", "~0").replace("/", "~1") for step in steps if step)


def _problems(problems: list[ImportProblem]) -> list[dict[str, str]]:
    return [{"path": json_pointer(p.path) or "/", "message": p.message} for p in problems]


class _Import(APIView):  # type: ignore[misc]
    permission_classes = [permissions.IsAuthenticated, CanAddChildren]

    def importer(self, data: object, *, user: Any, confirm: bool) -> ImportResult:
        raise NotImplementedError

    def post(self, request: Request) -> Response:
        confirm = str(request.query_params.get(CONFIRM.name, "")).lower() in {"true", "1", "yes"}
        try:
            result = self.importer(request.data, user=request.user, confirm=confirm)
        except ImportInvalid as error:
            problems = _problems(error.problems)
            body = problem_body(400, INVALID.format(count=len(problems)), problems)
            return Response(body, status=status.HTTP_400_BAD_REQUEST, content_type=PROBLEM_TYPE)
        imported = {
            "child": result.child.pk,
            "plans": result.plans,
            "outcomes": result.outcomes,
            "provision": result.provision,
        }
        return Response(imported, status=status.HTTP_201_CREATED)


_RESPONSES = {201: ImportedSerializer}
CONFIRM = OpenApiParameter(
    "confirm_not_duplicate",
    bool,
    description=(
        "true when a child with the same name and date of birth is already held and you have "
        "checked this is a different child. Without it such a file is refused (400) with a "
        "problem at /child/first_name. The same NHS number or UPN is refused whatever is sent."
    ),
)
# The bodies are the published JSON Schemas, referenced rather than copied: the import checks
# every file against the same files (passport.schema_check), so the description and the server
# refuse the same things. The path is relative to docs/api/openapi.yaml, and to /api/schema/,
# whose neighbour /api/schemas/<name> serves the same files.
RECORD_BODY = {"$ref": "../schemas/passport-v1.schema.json"}
BUNDLE_BODY = {"$ref": "../schemas/fhir-bundle-import-v1.schema.json"}


@extend_schema(
    tags=["import"],
    summary="Import a child's record from the passport JSON (schema 1.x)",
    description=(
        "The body is the outcomes record in the passport JSON Schema "
        "(docs/schemas/passport-v1.schema.json, also at /api/schemas/passport-v1.schema.json). "
        "It is checked against that schema, then against the record's own rules (the same as "
        "the pages: due dates within the child's first 25 years, no date after 2100, no "
        "control characters, lengths, a valid NHS number). Any problem: 400 listing each one "
        "once, with its JSON Pointer, and nothing is imported."
    ),
    request={"application/json": RECORD_BODY},
    responses=_RESPONSES,
    parameters=[CONFIRM],
)
class RecordImport(_Import):
    def importer(self, data: object, *, user: Any, confirm: bool) -> ImportResult:
        return import_record_json(data, user=user, confirm_not_duplicate=confirm)


@extend_schema(
    tags=["import"],
    summary="Import a child's record from a FHIR R4 Bundle made by a passport export",
    description=(
        "The body is a FHIR R4 Bundle in the subset described by "
        "docs/schemas/fhir-bundle-import-v1.schema.json (also at "
        "/api/schemas/fhir-bundle-import-v1.schema.json): one Patient, and CarePlans, Conditions, "
        "Goals and Observations, each entry with a fullUrl. It is then read as FHIR R4 (every "
        "reference must point into the Bundle) and checked with the record's own rules, as the "
        "JSON import. Any problem: 400 listing each one once, at its JSON Pointer in the Bundle, "
        "and nothing is imported."
    ),
    request={"application/fhir+json": BUNDLE_BODY, "application/json": BUNDLE_BODY},
    responses=_RESPONSES,
    parameters=[CONFIRM],
)
class FhirImport(_Import):
    parser_classes = [LimitedFhirJSONParser, LimitedJSONParser]

    def importer(self, data: object, *, user: Any, confirm: bool) -> ImportResult:
        return import_fhir_bundle(data, user=user, confirm_not_duplicate=confirm)
