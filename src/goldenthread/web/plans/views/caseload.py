"""The caseload: children a person works with, searchable and filterable."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role
from goldenthread.web.plans.models.choices import NeedCode
from goldenthread.web.plans.selectors import CaseloadFilters, caseload_list
from goldenthread.web.plans.views.common import AuthedRequest, render

YEAR_GROUP_CHOICES = [("", "Any"), ("-1", "Nursery"), ("0", "Reception")] + [
    (str(n), f"Year {n}") for n in range(1, 14)
]
REVIEW_CHOICES = [
    ("", "Any"),
    ("overdue", "Review overdue"),
    ("due_soon", "Review due in the next 8 weeks"),
]


class CaseloadFilterForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=100)
    setting = forms.ModelChoiceField(
        label="School or setting",
        required=False,
        empty_label="Any",
        queryset=Organisation.objects.filter(kind=OrganisationKind.SETTING),
    )
    need = forms.ChoiceField(label="Need", required=False, choices=[("", "Any"), *NeedCode.choices])
    year_group = forms.ChoiceField(label="Year group", required=False, choices=YEAR_GROUP_CHOICES)
    review = forms.ChoiceField(label="Review", required=False, choices=REVIEW_CHOICES)


def caseload(request: AuthedRequest) -> HttpResponse:
    if request.user.role == Role.STRATEGIC_LEADER:
        # Leaders never see children: their home is the area figures.
        return redirect("insights")
    form = CaseloadFilterForm(request.GET or None)
    filters = CaseloadFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = CaseloadFilters(
            name=data["name"].strip(),
            setting_id=data["setting"].pk if data["setting"] else None,
            need=data["need"],
            year_group=int(data["year_group"]) if data["year_group"] else None,
            review=data["review"],
        )
    page = Paginator(caseload_list(request.user, filters), 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/caseload.html",
        title="Children",
        form=form,
        forms_=(form,),
        page=page,
        query=query.urlencode(),
        nav_active="caseload",
    )
