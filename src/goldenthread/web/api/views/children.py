"""Adding a child through the API: the same rules as "Add a child" (``plans.forms.ChildForm``).

Each child once (``plans.duplicates.same_child_problems``, the function the page and imports
call): an NHS number or UPN already held in the authority is refused on its field; a child with
the same name (ignoring case and accents) and date of birth is refused at ``/first_name``, the
problem naming the rule (``same-name-and-date-of-birth``), until the request says
``"confirm_not_duplicate": true``. Dates and lengths follow ``core.record_rules`` through the
model's own checks. The child is added in the person's local authority, on their caseload.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES
from goldenthread.web.api.problems import PROBLEM_TYPE, problem_body
from goldenthread.web.api.serializers import ChildSerializer
from goldenthread.web.api.views.records import ChildList
from goldenthread.web.plans.duplicates import (
    CONFIRM_IN_API,
    LIKELY_MATCH_RULE,
    same_child_problems,
)
from goldenthread.web.plans.forms import SAME_NEEDS
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.services.children import (
    NoLocalAuthorityError,
    child_create,
    local_authority_for,
)

NOT_ALLOWED = "Only professionals can add a child"
REFUSED = "{count} problem(s) with what you sent: see the list."


class ChildCreateSerializer(serializers.ModelSerializer):  # type: ignore[misc]
    confirm_not_duplicate = serializers.BooleanField(
        required=False,
        default=False,
        write_only=True,
        help_text=(
            "true when a child with the same name and date of birth is already held and you "
            "have checked this is a different child (the page's \u201cThis is a different "
            "child\u201d). It never lets a second child have the same NHS number or UPN."
        ),
    )

    class Meta:
        model = Child
        fields = [
            "first_name",
            "last_name",
            "preferred_name",
            "date_of_birth",
            "upn",
            "nhs_number",
            "primary_need",
            "secondary_need",
            "communication",
            "confirm_not_duplicate",
        ]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("secondary_need") and attrs.get("secondary_need") == attrs.get("primary_need"):
            raise serializers.ValidationError({"secondary_need": [SAME_NEEDS]})
        return attrs


class MayAddChildren(permissions.BasePermission):  # type: ignore[misc]
    """Anyone signed in may list the children they see; only professionals add one (as the
    "Add a child" page)."""

    message = NOT_ALLOWED

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and getattr(request.user, "role", None) in PROFESSIONAL_ROLES)


def _refused(problems: list[dict[str, str]]) -> Response:
    body = problem_body(400, REFUSED.format(count=len(problems)), problems)
    return Response(body, status=status.HTTP_400_BAD_REQUEST, content_type=PROBLEM_TYPE)


class ChildListCreate(ChildList):
    """The children you may see (your caseload page, as data). Leaders see none: area figures
    never name a child. A list is not logged as a look at each child; opening one is."""

    permission_classes = [permissions.IsAuthenticated, MayAddChildren]

    @extend_schema(
        tags=["children"],
        summary="Add a child (each child once: see confirm_not_duplicate)",
        description=(
            "Adds a child in your local authority, on your caseload, with the rules of the "
            '"Add a child" page. The same NHS number or UPN as a child already held is refused '
            "on its field. The same name (ignoring case and accents) and date of birth is "
            f'refused at /first_name with "rule": "{LIKELY_MATCH_RULE}" until you send '
            '"confirm_not_duplicate": true. Only professionals may add a child.'
        ),
        request=ChildCreateSerializer,
        responses={201: ChildSerializer},
    )
    def post(self, request: Request) -> Response:
        try:
            local_authority = local_authority_for(request.user)
        except NoLocalAuthorityError as error:
            raise serializers.ValidationError({"": [str(error)]}) from error
        sent = ChildCreateSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        fields = dict(sent.validated_data)
        confirmed = bool(fields.pop("confirm_not_duplicate", False))
        found = same_child_problems(
            fields,
            local_authority_id=local_authority.pk,
            user=request.user,
            confirmed=confirmed,
            confirm=CONFIRM_IN_API,
        )
        if found:
            return _refused(
                [
                    {"path": f"/{field}", "message": message}
                    | ({"rule": LIKELY_MATCH_RULE} if field == "first_name" else {})
                    for field, message in found.items()
                ]
            )
        child = child_create(user=request.user, fields=fields)
        return Response(ChildSerializer(child).data, status=status.HTTP_201_CREATED)
