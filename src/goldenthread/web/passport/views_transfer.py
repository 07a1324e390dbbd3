"""The page to import a child's passport file (JSON record or FHIR Bundle) into this area."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from goldenthread.core.json_limits import MAX_BYTES, TOO_BIG, JsonLimitError, json_loads_limited
from goldenthread.web.formfields import error_summary_of
from goldenthread.web.passport.transfer import (
    ImportInvalid,
    ImportProblem,
    ImportResult,
    import_fhir_bundle,
    import_record_json,
)
from goldenthread.web.plans.views.common import AuthedRequest, render

CHOOSE_FILE = "Choose a passport file to import"
PROBLEMS = "The file has {count} problem{s}, listed above. Nothing was imported."


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The passport file",
        help_text="A .json file: a Golden Thread passport, or a FHIR R4 Bundle made by it.",
        error_messages={"required": CHOOSE_FILE},
    )
    different_child = forms.BooleanField(
        label="This is a different child",
        required=False,
        help_text=(
            "Only tick this if we say a child with the same name and date of birth is already "
            "held, and you have checked it is not the same child."
        ),
    )


def passport_file_import(
    data: object, *, user: Any, confirm_not_duplicate: bool = False
) -> ImportResult:
    """A FHIR Bundle or a JSON record, told apart by ``resourceType``."""
    confirm = confirm_not_duplicate
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        return import_fhir_bundle(data, user=user, confirm_not_duplicate=confirm)
    return import_record_json(data, user=user, confirm_not_duplicate=confirm)


def upload_read(upload: Any) -> tuple[object, list[ImportProblem]]:
    """An uploaded JSON file within the size and depth limits, or the problem with it."""
    if upload.size > MAX_BYTES:
        return None, [ImportProblem("", TOO_BIG)]
    try:
        return json_loads_limited(upload.read(MAX_BYTES + 1)), []
    except JsonLimitError as error:
        return None, [ImportProblem("", str(error))]


@require_http_methods(["GET", "POST"])
def passport_import(request: AuthedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None, auto_id="%s")
    problems: list[ImportProblem] = []
    if request.method == "POST" and form.is_valid():
        data, problems = upload_read(form.cleaned_data["file"])
        if not problems:
            try:
                result = passport_file_import(
                    data,
                    user=request.user,
                    confirm_not_duplicate=form.cleaned_data["different_child"],
                )
            except ImportInvalid as error:
                problems = error.problems
            except PermissionDenied:
                raise
            else:
                messages.success(
                    request,
                    f"Imported {result.child.full_name}: {result.plans} plan(s), "
                    f"{result.outcomes} outcome(s) and {result.provision} kind(s) of help.",
                )
                return redirect("passport", child_id=result.child.pk)
    page_errors = error_summary_of(
        (f"{p.path}: {p.message}" if p.path else p.message for p in problems), href="#file"
    )
    return render(
        request,
        "passport/import.html",
        title="Import a passport",
        status=400 if problems else 200,
        forms_=(form,),
        file_error=PROBLEMS.format(count=len(problems), s="" if len(problems) == 1 else "s")
        if problems
        else None,
        problems=problems,
        form=form,
        **({"page_errors": page_errors} if page_errors else {}),
    )
