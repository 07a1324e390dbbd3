"""What a part's form shows beside its fields: link suggestions with reasons, a quality preview,
and outcomes others wrote for a similar need.

The "Suggest" button (``name="action" value="suggest"``) posts the form without saving: the
page comes back with the suggestions, and fills in the links the person has not chosen yet, for
them to confirm or change before they press Save.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.forms.utils import ErrorDict
from django.http import QueryDict

from goldenthread.web.accounts.models import PROFESSIONAL_ROLES, User
from goldenthread.web.plans.models import Need, Outcome, Plan
from goldenthread.web.plans.quality import quality_preview
from goldenthread.web.plans.similar import similar_outcomes_for
from goldenthread.web.plans.suggestions import (
    LINKED_FIELDS,
    SUGGEST_ACTION,
    SUGGEST_BUTTON,
    TEXT_FIELD,
    data_preselect,
    suggestions_for,
)
from goldenthread.web.workspace.feedback import outcome_feedback

F = TypeVar("F", bound=forms.BaseForm)


def wants_suggestions(data: QueryDict | None, kind: str) -> bool:
    return bool(data) and kind in LINKED_FIELDS and data.get("action") == SUGGEST_ACTION  # type: ignore[union-attr]


def shows_percent(user: User) -> bool:
    """Professionals see a percentage beside the words; families see the words only."""
    return user.role in PROFESSIONAL_ROLES or user.is_staff


def suggest_form(
    form_class: type[F], data: QueryDict, *, kind: str, user: User, **kwargs: Any
) -> tuple[F, dict[str, Any]]:
    """The form re-shown with suggestions filled in where nothing was chosen; nothing is saved.

    The form shows no errors: asking for suggestions is not a try at saving.
    """
    text = str(data.get(TEXT_FIELD[kind], ""))
    view = suggestions_for(text, kind=kind, with_percent=shows_percent(user))
    form = form_class(data_preselect(data, view, kind=kind) if view else data, **kwargs)
    form._errors = ErrorDict()  # type: ignore[attr-defined]  # bound, so it shows what was typed, but not validated
    return form, {"suggestions": view}


def linking_context(
    form: forms.BaseForm,
    *,
    kind: str,
    plan: Plan,
    record: Any,
    user: User,
    suggested: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The extra things a part's form page shows, worked out from what is in the form now."""
    if kind not in LINKED_FIELDS:
        return {}
    text = _current_text(form, kind, record)
    context: dict[str, Any] = {
        "suggest_button": SUGGEST_BUTTON[kind],
        "text_field": TEXT_FIELD[kind],
        "suggestions": None,
        "quality": None,
        "similar": [],
        "feedback": None,
    }
    if suggested is not None:
        context.update(suggested)
    elif not form.is_bound or form.errors:
        # Editing (or fixing an error): show the suggestions for the words as they are now.
        context["suggestions"] = suggestions_for(text, kind=kind, with_percent=shows_percent(user))
    if kind == "outcomes":
        if suggested is not None or (form.is_bound and form.errors):
            context["quality"] = quality_preview(text, plan=plan)
            context["feedback"] = outcome_feedback(
                text, plan=plan, with_percent=shows_percent(user)
            )
        needs = _linked_needs(form, plan, record)
        context["similar"] = similar_outcomes_for(child=plan.child, needs=needs)
    hints = context["suggestions"].item_hints() if context["suggestions"] else {}
    context["item_hints"] = hints
    return context


def _current_text(form: forms.BaseForm, kind: str, record: Any) -> str:
    name = TEXT_FIELD[kind]
    if form.is_bound:
        return str(form.data.get(name, ""))
    return str(getattr(record, name, "") or "")


def _linked_needs(form: forms.BaseForm, plan: Plan, record: Any) -> list[Need]:
    """The needs ticked in the form (when posted), else the saved outcome's needs."""
    live = plan.needs.filter(archived_at__isnull=True)
    if form.is_bound:
        chosen = [value for value in form.data.getlist("needs") if str(value).isdigit()]  # type: ignore[attr-defined]
        return list(live.filter(pk__in=chosen))
    if isinstance(record, Outcome) and record.pk is not None:
        return list(live.filter(outcomes=record))
    return []
