"""The passport as data: the versioned JSON record and the FHIR R4 Bundle, made by the same
functions as the pages' downloads, and logged as exports."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from goldenthread.web.api.views.common import access_for, export_record
from goldenthread.web.passport.export import passport_json
from goldenthread.web.passport.fhir import passport_fhir_bundle
from goldenthread.web.passport.selectors import passport_get
from goldenthread.web.plans.selectors import child_get_for

RECORD_DESCRIPTION = (
    "The child's outcomes record in the versioned JSON schema "
    "(docs/schemas/passport-v1.schema.json)."
)
FHIR_DESCRIPTION = "A FHIR R4 Bundle: a CarePlan per plan, a Goal per outcome (docs/adr/0012)."


FORMATS = ("fhir", "json")
UNKNOWN_FORMAT = "Give fhir or json, or leave format out"


class FhirJsonRenderer(JSONRenderer):  # type: ignore[misc]
    media_type = "application/fhir+json"
    format = "fhir"


def _passport(request: Any, child_id: int) -> Any:
    access = access_for(request, child_id)
    return passport_get(child_get_for(request.user, child_id), access)


@extend_schema(
    tags=["passport"],
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=RECORD_DESCRIPTION)},
)
class PassportRecord(APIView):  # type: ignore[misc]
    """The passport record as JSON (what the passport page shows, as data)."""

    def get(self, request: Request, child_id: int) -> Response:
        data = passport_json(_passport(request, child_id))
        export_record(request, child_id=child_id, url_name="api-passport")
        return Response(data)


@extend_schema(
    tags=["passport"],
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=FHIR_DESCRIPTION)},
)
class PassportFhir(APIView):  # type: ignore[misc]
    """The passport as a FHIR R4 Bundle (type collection)."""

    renderer_classes = [FhirJsonRenderer, JSONRenderer]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """``format`` is one of the described values or absent: an empty or unknown one is a
        400 naming the parameter (it used to be ignored, or a bare 404)."""
        sent = request.query_params.getlist("format")
        if sent and (len(sent) > 1 or sent[0] not in FORMATS):
            raise ValidationError({"format": [UNKNOWN_FORMAT]})
        super().initial(request, *args, **kwargs)

    def get(self, request: Request, child_id: int) -> Response:
        bundle = passport_fhir_bundle(_passport(request, child_id))
        export_record(request, child_id=child_id, url_name="api-passport-fhir")
        return Response(bundle)
