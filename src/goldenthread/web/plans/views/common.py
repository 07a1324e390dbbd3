"""Small helpers every page uses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render as django_render

from goldenthread.web.accounts.models import User
from goldenthread.web.formfields import date_uk, error_summary_params
from goldenthread.web.plans.models.base import TrackedModel


class AuthedRequest(HttpRequest):
    """A request from a signed-in person (SignInRequiredMiddleware guarantees it)."""

    user: User


def render(
    request: HttpRequest,
    template: str,
    *,
    title: str,
    status: int = 200,
    forms_: tuple[forms.BaseForm, ...] = (),
    **context: Any,
) -> HttpResponse:
    """Render a page with its title and, when any form has errors, the GOV.UK error summary."""
    bound = [f for f in forms_ if f.is_bound]
    page_errors = error_summary_params(*bound) if bound else None
    if page_errors and status == 200:
        status = 400
    return django_render(
        request, template, {"title": title, "page_errors": page_errors, **context}, status=status
    )


def _display(record: TrackedModel, name: str) -> str:
    field = record._meta.get_field(name)
    if field.many_to_many:
        return "; ".join(str(item) for item in getattr(record, name).all()) or "(none)"
    if getattr(field, "choices", None):
        return str(getattr(record, f"get_{name}_display")()) or "(blank)"
    value = getattr(record, name)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if value is None or value == "":
        return "(blank)"
    return date_uk(value) if hasattr(value, "isoformat") else str(value)


def conflict_show_saved(form: forms.BaseForm, record: TrackedModel) -> list[tuple[str, str]]:
    """After a refused save, what is saved now, field by field, for the person to compare.

    The form keeps the person's own words, and now carries the saved version, so saving again
    is a deliberate choice to replace what is saved with theirs.
    """
    saved = type(record)._default_manager.filter(pk=record.pk).first()
    if saved is None:  # a new record whose first save lost the race: nothing to compare
        return []
    data = form.data.copy()  # type: ignore[attr-defined]
    data["row_version"] = str(saved.row_version)
    form.data = data
    stored = {f.name for f in saved._meta.get_fields()}
    return [
        (str(field.label), _display(saved, name))
        for name, field in form.fields.items()
        if name != "row_version" and name in stored  # not a question such as "a different child?"
    ]
