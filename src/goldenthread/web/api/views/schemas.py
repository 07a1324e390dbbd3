"""The JSON Schemas the OpenAPI description points to, served beside it.

The description's import bodies are ``$ref: ../schemas/<name>`` (relative, so the committed
docs/api/openapi.yaml finds docs/schemas/<name>); fetched from /api/schema/, the same reference
means /api/schemas/<name>, which this view answers with the very file the import checks against.
Only the published schemas are served, for the same people as the description.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.views import APIView

from goldenthread.web.passport.schema_check import BUNDLE_SCHEMA, RECORD_SCHEMA, SCHEMAS

PUBLISHED = frozenset({RECORD_SCHEMA, BUNDLE_SCHEMA})
SCHEMA_TYPE = "application/schema+json"


@extend_schema(exclude=True)
class PublishedSchema(APIView):  # type: ignore[misc]
    permission_classes = [permissions.IsAuthenticated]

    def get(self, request: Request, name: str) -> HttpResponse:
        if name not in PUBLISHED:
            raise Http404
        return HttpResponse((SCHEMAS / name).read_bytes(), content_type=SCHEMA_TYPE)
