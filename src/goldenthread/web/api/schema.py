"""The OpenAPI description: every operation also says which problems (RFC 9457) it can answer,
so clients and the fuzz test know every status and shape that can come back."""

from __future__ import annotations

from typing import Any

from goldenthread.web.api.problems import PROBLEM_TYPE, TITLES

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Problem details (RFC 9457).",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "problems": {
            "type": "array",
            "description": "For invalid input: each problem, where it is and what is wrong.",
            "items": {
                "type": "object",
                "properties": {
                    "path": {"type": "string", "description": "A JSON Pointer, e.g. /text"},
                    "message": {"type": "string"},
                    "rule": {
                        "type": "string",
                        "description": "For a problem you may confirm past: its rule, e.g. "
                        "same-name-and-date-of-birth (send confirm_not_duplicate)",
                    },
                },
                "required": ["path", "message"],
            },
        },
    },
    "required": ["type", "title", "status"],
}
CHANGES = frozenset({"post", "put", "patch", "delete"})


def _problems_for(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    codes = [401, 404]
    if any(p.get("name") in {"page", "format"} for p in operation.get("parameters", [])):
        codes.append(400)  # a page, page_size or format outside what is described
    adds_child = path == "/api/children/" and method == "post"  # professionals only
    if (
        "{child_id}" in path
        or "{plan_id}" in path
        or path.startswith("/api/imports/")
        or adds_child
    ):
        codes.append(403)
    if method in CHANGES:
        codes += [code for code in (400, 415) if code not in codes]
    if method in {"put", "patch"}:
        codes.append(409)
    return sorted(codes)


def add_problem_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    # A change must say which version it was based on (PlanPartSerializer refuses it without).
    for name, schema in schemas.items():
        if name.startswith("Patched") and "row_version" in schema.get("properties", {}):
            schema["required"] = sorted({*schema.get("required", []), "row_version"})
    reference = {"$ref": "#/components/schemas/Problem"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if "/imports/" in path and "requestBody" in operation:
                # An import without a file is refused: the body is required, not optional.
                operation["requestBody"]["required"] = True
            responses = operation.setdefault("responses", {})
            for code in _problems_for(path, method, operation):
                responses.setdefault(
                    str(code),
                    {"description": TITLES[code], "content": {PROBLEM_TYPE: {"schema": reference}}},
                )
    return result


def openapi_yaml() -> str:
    """The OpenAPI description as YAML, exactly as committed in docs/api/openapi.yaml."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiYamlRenderer

    generator = SchemaGenerator()  # type: ignore[no-untyped-call]
    schema = generator.get_schema(request=None, public=True)  # type: ignore[no-untyped-call]
    rendered: bytes = OpenApiYamlRenderer().render(schema, renderer_context={})  # type: ignore[no-untyped-call]
    return rendered.decode()
