"""The home ("what needs you") and the page to choose how we e-mail you."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from goldenthread.web.accounts.models import Role
from goldenthread.web.notifications.kinds import EmailChoice
from goldenthread.web.notifications.models import Notification
from goldenthread.web.notifications.needs import needs_me
from goldenthread.web.notifications.services import (
    email_choice_of,
    email_choice_set,
    notifications_mark_read,
)
from goldenthread.web.plans.views.common import AuthedRequest, render

NEW_SHOWN = 20
EMAIL_CHOICE_SAVED = "Your email choice is saved"
NOTHING_NEW = "New for you: all marked as seen"


def home(request: AuthedRequest) -> HttpResponse:
    """What needs this person now, with counts at the top and a link to act on each line."""
    if request.user.role == Role.STRATEGIC_LEADER:
        # Leaders never see children: their home is the area figures.
        return redirect("insights")
    if request.user.role in {Role.PARENT, Role.CHILD}:
        return redirect("family-home")  # families read their plan in plain words (issue 18)
    if request.user.role == Role.QUALITY_LEAD:
        return redirect("workbench")  # the quality lead's landing page (issue 18)
    if request.user.role == Role.DPO:
        return redirect("dpo-find")
    sections = needs_me(request.user)
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    return render(
        request,
        "notifications/home.html",
        title="What needs you",
        sections=sections,
        waiting=[s for s in sections if s.count],
        new=list(unread[:NEW_SHOWN]),
        new_count=unread.count(),
        nav_active="home",
    )


@require_POST
def home_seen(request: AuthedRequest) -> HttpResponse:
    notifications_mark_read(person=request.user)
    messages.success(request, NOTHING_NEW)
    return redirect("home")


class EmailChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        label="When should we email you?",
        help_text="Emails only say what kind of thing is waiting, never a name. "
        "You always see everything when you sign in.",
        choices=EmailChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select when we should email you"},
    )


def email_settings(request: AuthedRequest) -> HttpResponse:
    form = EmailChoiceForm(request.POST or None, initial={"choice": email_choice_of(request.user)})
    if request.method == "POST" and form.is_valid():
        email_choice_set(person=request.user, choice=form.cleaned_data["choice"])
        messages.success(request, EMAIL_CHOICE_SAVED)
        return redirect("home")
    return render(
        request,
        "notifications/email_settings.html",
        title="Emails from Golden Thread",
        form=form,
        forms_=(form,),
        has_address=bool(request.user.email),
        back=("home",),
    )
