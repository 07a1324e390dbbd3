"""What the assessment pages share."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError

from goldenthread.core.assessments import Status
from goldenthread.web.plans.views.common import AuthedRequest

STATUS_TAGS: dict[str, str] = {
    Status.ON_TIME: "govuk-tag--green",
    Status.DONE_LATE: "govuk-tag--orange",
    Status.DUE_SOON: "govuk-tag--yellow",
    Status.LATE: "govuk-tag--red",
    Status.UPCOMING: "govuk-tag--grey",
    Status.PAUSED: "govuk-tag--purple",
}


def require_change(request: AuthedRequest) -> None:
    """Steps change the record: refused (403) to people who may only read the child."""
    access = getattr(request, "child_access", None)
    if access is None or not access.can_change_plan:
        raise PermissionDenied


def errors_onto(form: forms.Form, error: ValidationError, fields: dict[str, str]) -> None:
    """A service's refusal shown on the form, against the field it names (or the whole form)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            target = fields.get(name, name)
            form.add_error(target if target in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def can_change(request: AuthedRequest) -> bool:
    access: Any = getattr(request, "child_access", None)
    return bool(access is not None and access.can_change_plan)
