"""The caseload: the children or plans a person works from, sorted, filtered, in pages.

Filters, scope, sort and page are kept in the address so a list can be bookmarked and shared.
The name search is not: a child's name is personal data and must never be in a URL (it would
sit in browser history, proxy logs and the referrer), so it is sent by POST and kept in the
session until cleared.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from goldenthread.web.accounts.models import Organisation, OrganisationKind, Role
from goldenthread.web.plans.caseload import (
    SCOPE_WORDS,
    SORT_WORDS,
    CaseloadQuery,
    caseload_rows,
    children_listed,
    plans_coordinated,
    scopes_for,
)
from goldenthread.web.plans.models.choices import NeedCode
from goldenthread.web.plans.views.common import AuthedRequest, render

PER_PAGE = 25
NAME_KEY = "caseload_name"
YEAR_GROUP_CHOICES = [("", "Any"), ("-1", "Nursery"), ("0", "Reception")] + [
    (str(n), f"Year {n}") for n in range(1, 14)
]
REVIEW_CHOICES = [
    ("", "Any"),
    ("overdue", "Review late"),
    ("due_soon", "Review due in the next 8 weeks"),
]
KEPT = ("scope", "sort", "setting", "need", "year_group", "review")


class CaseloadFilterForm(forms.Form):
    setting = forms.ModelChoiceField(
        label="School or setting",
        required=False,
        empty_label="Any",
        queryset=Organisation.objects.filter(kind=OrganisationKind.SETTING),
    )
    need = forms.ChoiceField(label="Need", required=False, choices=[("", "Any"), *NeedCode.choices])
    year_group = forms.ChoiceField(label="Year group", required=False, choices=YEAR_GROUP_CHOICES)
    review = forms.ChoiceField(label="Review", required=False, choices=REVIEW_CHOICES)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORT_WORDS.items()))


class NameSearchForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=100)


def _kept(params: QueryDict, **changes: str) -> str:
    """The address's query: only the kept filters (never a name), with some values changed."""
    kept = QueryDict(mutable=True)
    for key in KEPT:
        value = params.get(key)
        if isinstance(value, str) and value:
            kept[key] = value
    for key, change in changes.items():
        if change:
            kept[key] = change
        else:
            kept.pop(key, None)
    return kept.urlencode()


def page_items(page: Page[Any], params: QueryDict) -> dict[str, object]:
    """GOV.UK pagination with page numbers: first, last, and the pages either side of this one."""
    last, here = page.paginator.num_pages, page.number
    items: list[dict[str, object]] = []
    shown = sorted({1, last, here - 1, here, here + 1} & set(range(1, last + 1)))
    for index, number in enumerate(shown):
        if index and number - shown[index - 1] > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": "?" + _kept(params, page=str(number)),
                "current": number == here,
            }
        )
    pages: dict[str, object] = {"items": items}
    if page.has_previous():
        pages["previous"] = {"href": "?" + _kept(params, page=str(here - 1))}
    if page.has_next():
        pages["next"] = {"href": "?" + _kept(params, page=str(here + 1))}
    return pages


@require_http_methods(["GET", "POST"])
def caseload(request: AuthedRequest) -> HttpResponse:
    if request.user.role == Role.STRATEGIC_LEADER:
        # Leaders never see children: their home is the area figures.
        return redirect("insights")
    if request.user.role in {Role.PARENT, Role.CHILD}:
        return redirect("family-home")  # the family view, not a professional's list (issue 18)
    if request.method == "POST":
        search = NameSearchForm(request.POST)
        name = search.cleaned_data["name"].strip() if search.is_valid() else ""
        if "clear" in request.POST or not name:
            request.session.pop(NAME_KEY, None)
        else:
            request.session[NAME_KEY] = name
        kept = _kept(request.GET)
        return redirect(reverse("caseload") + (f"?{kept}" if kept else ""))
    scopes = scopes_for(request.user)
    scope = request.GET.get("scope", scopes[0])
    if scope not in scopes:
        scope = scopes[0]
    form = CaseloadFilterForm(request.GET or None)
    name = str(request.session.get(NAME_KEY, ""))
    query = CaseloadQuery(
        scope=scope, name=name, sort="review" if scope == "coordinate" else "name"
    )
    if form.is_valid():
        data = form.cleaned_data
        query.setting_id = data["setting"].pk if data["setting"] else None
        query.need = data["need"]
        query.year_group = int(data["year_group"]) if data["year_group"] else None
        query.review = data["review"]
        query.sort = data["sort"] or query.sort
    listed = (
        plans_coordinated(request.user, query)
        if scope == "coordinate"
        else children_listed(request.user, query)
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    return render(
        request,
        "plans/caseload.html",
        title=SCOPE_WORDS[scope],
        form=form,
        forms_=(form,),
        search=NameSearchForm(initial={"name": name}),
        name=name,
        page=page,
        rows=caseload_rows(list(page.object_list), today=today),
        pages=page_items(page, request.GET),
        scope=scope,
        tabs=[(s, SCOPE_WORDS[s], "?" + _kept(request.GET, scope=s, page="")) for s in scopes],
        here="?" + _kept(request.GET),
        counting="plan" if scope == "coordinate" else "child",
        today=today,
        nav_active="caseload",
    )
