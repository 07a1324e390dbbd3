"""Turn Django form fields into the parameters of the official GOV.UK Frontend macros.

A page template never writes form HTML by hand: it calls ``form_field(form["name"])`` (see
``templates/_forms.html``), which picks the GOV.UK component for the widget and passes
labels, hints, values and errors, so an error is always tied to its field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms

DATE_INVALID = "Enter a real date, for example 27 3 2027"
DATE_INCOMPLETE = "Enter a full date: day, month and year"


class GovukDateWidget(forms.MultiWidget):
    """Three boxes (day, month, year), as the GOV.UK date input pattern asks."""

    template_name = "django/forms/widgets/multiwidget.html"
    govuk_component = "date-input"

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        parts = [str(data.get(f"{name}-{part}", "")).strip() for part in ("day", "month", "year")]
        if not any(parts):
            return None
        if not all(parts):
            return "incomplete"
        day, month, year = parts
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"


class GovukDateField(forms.DateField):
    widget = GovukDateWidget
    default_error_messages = {"invalid": DATE_INVALID}

    def to_python(self, value: Any) -> dt.date | None:
        if value == "incomplete":
            raise forms.ValidationError(DATE_INCOMPLETE, code="incomplete")
        if isinstance(value, str) and value:
            try:
                return dt.date.fromisoformat(value)
            except ValueError as error:
                raise forms.ValidationError(DATE_INVALID, code="invalid") from error
        return super().to_python(value)


# Checked in order: subclasses before their parents (RadioSelect is a Select).
_WIDGET_COMPONENTS: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, "checkboxes"),
    (forms.RadioSelect, "radios"),
    (forms.Select, "select"),
    (forms.Textarea, "textarea"),
    (forms.PasswordInput, "password-input"),
    (forms.CheckboxInput, "single-checkbox"),
)


def _component(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    explicit = getattr(widget, "govuk_component", None)
    if explicit:
        return str(explicit)
    return next((name for kind, name in _WIDGET_COMPONENTS if isinstance(widget, kind)), "input")


def _error(bound: forms.BoundField) -> dict[str, str] | None:
    return {"text": " ".join(str(e) for e in bound.errors)} if bound.errors else None


def _choice_items(bound: forms.BoundField) -> list[dict[str, Any]]:
    value = bound.value()
    selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
    items: list[dict[str, Any]] = []
    for choice_value, choice_label in bound.field.choices:  # type: ignore[attr-defined]
        key = str(getattr(choice_value, "value", choice_value))
        items.append(
            {
                "value": key,
                "text": str(choice_label),
                "checked": key in selected,
                "selected": key in selected,
            }
        )
    return items


def first_input_id(bound: forms.BoundField) -> str:
    """The id an error summary link should point to: the first box the person can type in
    (the page itself for a hidden field, such as the row version)."""
    if bound.is_hidden:
        return "main-content"
    if _component(bound) == "date-input":
        return f"{bound.html_name}-day"
    return bound.html_name


def field_params(
    bound: forms.BoundField, *, item_hints: dict[str, str] | None = None, **overrides: Any
) -> tuple[str, dict[str, Any]]:
    """The GOV.UK component name and its macro parameters for one bound field.

    ``item_hints`` adds a hint under some radios or checkboxes, by value (for example
    "Suggested: very likely" under a suggested theme).
    """
    component = _component(bound)
    label = {"text": str(bound.label), "classes": "govuk-label--s"}
    hint = {"text": str(bound.help_text)} if bound.help_text else None
    params: dict[str, Any] = {
        "id": bound.html_name,
        "name": bound.html_name,
        "errorMessage": _error(bound),
        "hint": hint,
    }
    if component in {"checkboxes", "radios", "date-input"}:
        params["fieldset"] = {
            "legend": {"text": str(bound.label), "classes": "govuk-fieldset__legend--s"}
        }
        params["idPrefix"] = bound.html_name
    if component in {"checkboxes", "radios"}:
        # A radio for Django's blank "---------" choice would be a real option, ticked by default.
        params["items"] = [item for item in _choice_items(bound) if item["value"] != ""]
        for item in params["items"]:
            if item_hints and item["value"] in item_hints:
                item["hint"] = {"text": item_hints[item["value"]]}
    elif component == "select":
        params["label"] = label
        params["items"] = _choice_items(bound)
        params["value"] = bound.value()
    elif component == "date-input":
        params["namePrefix"] = bound.html_name  # boxes named due_date-day etc., as the widget reads
        if bound.form.is_bound:  # show what was typed, even when it is not a real date
            day, month, year = (
                bound.form.data.get(f"{bound.html_name}-{part}", "")
                for part in ("day", "month", "year")
            )
        else:
            day, month, year = bound.field.widget.decompress(bound.value())
        error_class = " govuk-input--error" if bound.errors else ""
        params["items"] = [
            {
                "name": "day",
                "label": "Day",
                "value": day,
                "classes": "govuk-input--width-2" + error_class,
            },
            {
                "name": "month",
                "label": "Month",
                "value": month,
                "classes": "govuk-input--width-2" + error_class,
            },
            {
                "name": "year",
                "label": "Year",
                "value": year,
                "classes": "govuk-input--width-4" + error_class,
            },
        ]
    elif component == "single-checkbox":
        params["items"] = [
            {"value": "on", "text": str(bound.label), "checked": bool(bound.value())}
        ]
        params["idPrefix"] = bound.html_name
    else:
        params["label"] = label
        value = bound.value()
        params["value"] = "" if value is None else value
        if component == "textarea":
            params["rows"] = bound.field.widget.attrs.get("rows", 3)
    params.update(overrides)
    return component, params


def error_summary_params(*forms_: forms.BaseForm) -> dict[str, Any] | None:
    """Parameters for ``govukErrorSummary``: every error, each linking to its field."""
    errors: list[dict[str, str]] = []
    for form in forms_:
        errors.extend({"text": str(e), "href": "#main-content"} for e in form.non_field_errors())
        for name in form.errors:
            if name == "__all__":
                continue
            bound = form[name]
            errors.extend(
                {"text": str(e), "href": f"#{first_input_id(bound)}"} for e in bound.errors
            )
    if not errors:
        return None
    return {"titleText": "There is a problem", "errorList": errors}


def error_summary_of(texts: Iterable[str], *, href: str = "#main-content") -> dict[str, Any] | None:
    """Parameters for ``govukErrorSummary`` for problems that belong to no single field."""
    errors = [{"text": text, "href": href} for text in texts]
    return {"titleText": "There is a problem", "errorList": errors} if errors else None


def date_uk(value: dt.date | None) -> str:
    """27 March 2027 — the GOV.UK style for dates."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def datetime_uk(value: dt.datetime | None) -> str:
    """27 March 2027 at 14:05 (UK time): the one style for a moment, everywhere (issue 18)."""
    if value is None:
        return ""
    from django.utils.timezone import is_aware, localtime

    local = localtime(value) if is_aware(value) else value
    return f"{date_uk(local)} at {local:%H:%M}"
