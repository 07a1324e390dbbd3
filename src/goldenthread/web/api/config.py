"""Settings for the REST API (DRF and drf-spectacular); ``web.settings`` imports both names.

Reasons are in docs/adr/0015-rest-api.md.
"""

from __future__ import annotations

__all__ = ["REST_FRAMEWORK", "SPECTACULAR_SETTINGS"]

API = "goldenthread.web.api"

REST_FRAMEWORK = {
    # A token for systems; the browser's session (held to CSRF for every change) for people.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        f"{API}.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": f"{API}.pagination.ApiPagination",
    "PAGE_SIZE": 25,
    # JSON only: no browsable pages (they would need inline script, which the CSP forbids).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Within limits: size, nesting, number size, no NUL (core.json_limits).
    "DEFAULT_PARSER_CLASSES": [f"{API}.parsers.LimitedJSONParser"],
    "EXCEPTION_HANDLER": f"{API}.problems.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Golden Thread API",
    "DESCRIPTION": (
        "Children, plans, outcomes, provision, reviews and the passport, with the same "
        "permissions as the pages. Authenticate with `Authorization: Bearer <token>` "
        "(see docs/api/README.md). Every list is paginated. Errors are problem details "
        "(RFC 9457)."
    ),
    "VERSION": "1.0.0",
    # 3.1: a schema object is JSON Schema 2020-12, the dialect of the import bodies' schemas.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/",
    # One name for each choice list that several fields share.
    "ENUM_NAME_OVERRIDES": {
        "NeedCodeEnum": "goldenthread.web.plans.models.choices.NeedCode",
        "PlanKindEnum": "goldenthread.web.plans.models.choices.PlanKindChoice",
        "ReviewKindEnum": "goldenthread.web.reviews.models.ReviewKind",
        "PlanDecisionEnum": "goldenthread.web.reviews.models.PlanDecision",
        "OutcomeDecisionEnum": "goldenthread.web.reviews.models.OutcomeDecision",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        f"{API}.schema.add_problem_responses",
    ],
}
