"""The API's JSON parsers: every body is read within the limits of ``core.json_limits`` (size,
nesting, number size, no NUL), so an oversized or hostile body gets a 400 naming the limit
instead of a server error.

Not a subclass of DRF's ``JSONParser`` on purpose: DRF hands that one ``request.body``, which
Django refuses past ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB) with a bare 400; this one reads the
stream itself, at most ``MAX_BYTES`` and one byte more, so the answer names the limit."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from goldenthread.core.json_limits import MAX_BYTES, JsonLimitError, json_loads_limited


class LimitedJSONParser(BaseParser):  # type: ignore[misc]
    media_type = "application/json"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return json_loads_limited(stream.read(MAX_BYTES + 1) if stream else b"")
        except JsonLimitError as error:
            raise ParseError(str(error)) from error


class LimitedFhirJSONParser(LimitedJSONParser):
    media_type = "application/fhir+json"
