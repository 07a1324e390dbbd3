"""Small helpers every page uses."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render as django_render

from goldenthread.web.accounts.models import User
from goldenthread.web.formfields import error_summary_params


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
