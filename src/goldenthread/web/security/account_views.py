"""Your account: the index page, changing your password, and your sessions."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goldenthread.web.plans.views.common import AuthedRequest, render
from goldenthread.web.security import sessions, signin_codes
from goldenthread.web.security.models import SignedInSession

CHANGE_DONE = "Your password has been changed. You have been signed out everywhere else."
SIGNED_OUT_OTHERS = "You have been signed out everywhere else."
SIGNED_OUT_ONE = "That session has been signed out."


@require_GET
def account(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "security/account.html",
        title="Your account",
        code_on=signin_codes.sign_in_code_for(user=request.user) is not None,
        code_required=signin_codes.sign_in_code_required(user=request.user),
    )


@require_http_methods(["GET", "POST"])
def password_change(request: AuthedRequest) -> HttpResponse:
    """Needs the current password and meets the password rules; ends every other session."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        before = sessions.session_key_hash(request)
        update_session_auth_hash(request, form.user)  # a new session key, this browser stays in
        after = sessions.session_key_hash(request)
        SignedInSession.objects.filter(key_hash=before).update(key_hash=after)
        sessions.sessions_end(user=request.user, keep_key_hash=after)
        messages.success(request, CHANGE_DONE)
        return redirect("account")
    return render(
        request,
        "security/password_change.html",
        title="Change your password",
        form=form,
        forms_=(form,),
    )


class EndSessionForm(forms.Form):
    session = forms.IntegerField(required=False)


def when(moment: dt.datetime) -> str:
    """5 December 2026 at 5:07pm, in UK time."""
    local = timezone.localtime(moment)
    hour = local.hour % 12 or 12
    return f"{local.day} {local:%B %Y} at {hour}:{local:%M}{'am' if local.hour < 12 else 'pm'}"


@require_GET
def account_sessions(request: AuthedRequest) -> HttpResponse:
    current = sessions.session_key_hash(request)
    rows = sessions.sessions_active(user=request.user)
    return render(
        request,
        "security/sessions.html",
        title="Where you are signed in",
        rows=[
            (row, row.key_hash == current, when(row.signed_in_at), when(row.last_seen_at))
            for row in rows
        ],
        others=sum(1 for row in rows if row.key_hash != current),
    )


@require_POST
def account_sessions_end(request: AuthedRequest) -> HttpResponse:
    """Sign out one session (``session`` given) or every session but this one."""
    current = sessions.session_key_hash(request)
    form = EndSessionForm(request.POST)
    chosen = form.cleaned_data.get("session") if form.is_valid() else None
    if chosen is None:
        sessions.sessions_end(user=request.user, keep_key_hash=current)
        messages.success(request, SIGNED_OUT_OTHERS)
        return redirect("account-sessions")
    row = SignedInSession.objects.filter(pk=chosen, user=request.user).first()
    if row is not None and row.key_hash == current:
        logout(request)
        return redirect("sign-in")
    if row is not None:
        sessions.sessions_end(user=request.user, only_key_hash=row.key_hash)
    messages.success(request, SIGNED_OUT_ONE)
    return redirect("account-sessions")
