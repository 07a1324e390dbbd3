"""Read-only links to a passport: make one (shown once), stop one, and open one without signing
in. Making and stopping are pages about a child (``can_share``, checked by the middleware); the
public page decides alone, from the token."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from goldenthread.web.access.policy import ChildAccess, Reason
from goldenthread.web.access.services import AccessRuleError
from goldenthread.web.passport.forms import LinkForm
from goldenthread.web.passport.links import (
    LinkClosedError,
    LinkDetails,
    passport_link_create,
    passport_link_open,
    passport_link_revoke,
)
from goldenthread.web.passport.models import PassportLink
from goldenthread.web.passport.selectors import passport_get, progress_words
from goldenthread.web.plans.models import Child
from goldenthread.web.plans.selectors import child_get_for
from goldenthread.web.plans.views.common import AuthedRequest, render

PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def _private(response: HttpResponse) -> HttpResponse:
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


@require_http_methods(["GET", "POST"])
def passport_link_add(request: AuthedRequest, child_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    form = LinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link, token = passport_link_create(
                child=child, by=request.user, details=LinkDetails(**form.cleaned_data)
            )
        except AccessRuleError as error:
            form.add_error("given_on", str(error))
        else:
            address = request.build_absolute_uri(reverse("passport-link-view", args=[token]))
            return _private(
                render(
                    request,
                    "passport/link_made.html",
                    title="Copy the link now",
                    child=child,
                    link=link,
                    address=address,
                    expires_on=timezone.localtime(link.expires_at).date(),
                    back=("passport", child.pk),
                )
            )
    return render(
        request,
        "passport/link.html",
        title=f"Make a link to {child.known_as}'s passport",
        child=child,
        form=form,
        forms_=(form,),
        back=("passport", child.pk),
    )


@require_POST
def passport_link_stop(request: AuthedRequest, child_id: int, link_id: int) -> HttpResponse:
    child = child_get_for(request.user, child_id)
    link = get_object_or_404(PassportLink, pk=link_id, child=child)
    try:
        passport_link_revoke(link=link, by=request.user)
    except AccessRuleError as error:
        messages.info(request, str(error))
    else:
        messages.success(request, "Link stopped. It will not open the passport any more.")
    return redirect("passport", child_id=child.pk)


@require_http_methods(["GET", "HEAD"])
def passport_link_view(request: HttpRequest, token: str) -> HttpResponse:
    """The passport through a link, for anyone who has it, while it lasts; never the plan.

    A HEAD request (link checkers, chat apps previewing a link) is answered without opening the
    link, so it neither uses up a view nor shows up as a look in the family's log.
    """
    if request.method == "HEAD":
        return _private(HttpResponse())
    person = request.user if request.user.is_authenticated else None
    try:
        link = passport_link_open(token=token, person=person)
    except LinkClosedError as error:
        response = TemplateResponse(
            request,
            "passport/link_closed.html",
            {"title": "This link does not open the passport", "reason": str(error)},
            status=410 if error.known else 404,
        )
        return _private(response.render())
    child = Child.objects.select_related("current_setting").get(pk=link.child_id)
    # What a person the passport is shared with may see (ADR 0014).
    access = ChildAccess(child.pk, frozenset({Reason.SHARED}))
    response = TemplateResponse(
        request,
        "passport/link_passport.html",
        {
            "title": f"{child.known_as}'s passport",
            "passport": passport_get(child, access),
            "child": child,
            "link": link,
            "expires_on": timezone.localtime(link.expires_at).date(),
            "views_left": link.max_views - link.views,
            "made_on": timezone.localdate(),
            "progress_words": progress_words,
        },
    )
    return _private(response.render())
