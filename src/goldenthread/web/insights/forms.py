"""The filter form every dashboard shares (GET, so a filtered page can be bookmarked)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from goldenthread.core import calendar
from goldenthread.core import vocabulary as v
from goldenthread.web.accounts.models import Organisation
from goldenthread.web.insights.filters import (
    FIRST_YEAR_GROUP,
    LAST_YEAR_GROUP,
    PHASES,
    InsightFilter,
)
from goldenthread.web.plans.models import Plan

ANY = ("", "Any")
PERIOD_YEARS = 6


def _settings(area: Organisation | None) -> list[tuple[str, str]]:
    if area is None:
        return [ANY]
    rows = (
        Organisation.objects.filter(pupils__local_authority=area)
        .distinct()
        .values_list("pk", "name")
    )
    return [ANY, *((str(pk), name) for pk, name in rows.order_by("name"))]


def _services(area: Organisation | None) -> list[tuple[str, str]]:
    if area is None:
        return [ANY]
    rows = (
        Organisation.objects.filter(
            pk__in=Plan.objects.filter(child__local_authority=area).values(
                "coordinator__organisation"
            )
        )
        .values_list("pk", "name")
        .order_by("name")
    )
    return [ANY, *((str(pk), name) for pk, name in rows)]


class InsightFilterForm(forms.Form):
    period = forms.TypedChoiceField(
        label="School year", required=False, coerce=int, empty_value=None
    )
    phase = forms.ChoiceField(
        label="Phase",
        required=False,
        choices=[ANY, *((key, label) for key, (label, _, _) in PHASES.items())],
    )
    year_group = forms.TypedChoiceField(
        label="Year group",
        required=False,
        coerce=int,
        empty_value=None,
        help_text="Choose a phase or a year group.",
        choices=[
            ANY,
            *(
                (str(g), calendar.year_group_label(g))
                for g in range(FIRST_YEAR_GROUP, LAST_YEAR_GROUP + 1)
            ),
        ],
    )
    setting = forms.TypedChoiceField(label="Setting", required=False, coerce=int, empty_value=None)
    primary_need = forms.ChoiceField(
        label="Primary need",
        required=False,
        choices=[ANY, *((code, f"{code}: {label}") for code, (label, _) in v.NEED_CODES.items())],
    )
    theme = forms.TypedChoiceField(
        label="Theme",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[ANY, *((str(n), name) for n, (name, _, _) in v.THEMES.items())],
    )
    domain = forms.ChoiceField(
        label="Education, health or care",
        required=False,
        choices=[ANY, *((d.value, label) for d, label in v.DOMAIN_LABELS.items())],
    )
    service = forms.TypedChoiceField(
        label="Coordinating service", required=False, coerce=int, empty_value=None
    )

    def __init__(
        self, *args: Any, area: Organisation | None, today: dt.date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        start = calendar.academic_year_start(today)
        self.fields["period"].choices = [  # type: ignore[attr-defined]
            ANY,
            *(
                (str(y), f"September {y} to August {y + 1}")
                for y in range(start, start - PERIOD_YEARS, -1)
            ),
        ]
        self.fields["setting"].choices = _settings(area)  # type: ignore[attr-defined]
        self.fields["service"].choices = _services(area)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("phase") and data.get("year_group") is not None:
            self.add_error("year_group", "Choose a phase or a year group, not both")
        return data

    def chosen(self, *, area_id: int | None, today: dt.date) -> InsightFilter:
        """What was chosen; an invalid form chooses nothing rather than guessing."""
        data = self.cleaned_data if self.is_valid() else {}
        return InsightFilter(
            area_id=area_id,
            today=today,
            period=data.get("period"),
            phase=data.get("phase") or "",
            year_group=data.get("year_group"),
            setting_id=data.get("setting"),
            primary_need=data.get("primary_need") or "",
            theme=data.get("theme"),
            domain=data.get("domain") or "",
            service_id=data.get("service"),
        )
