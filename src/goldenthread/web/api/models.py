"""Tokens that let another system use the API as one named person.

Only a SHA-256 hash of each token is stored: the token itself is shown once, when it is made,
and cannot be read back (a leaked database does not leak working tokens). Tokens are revoked,
never deleted, so the audit trail can still say which token did what.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class ApiToken(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=120, help_text="What the token is for, e.g. a system.")
    # The first characters of the token, to tell tokens apart in lists (not enough to use one).
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…) for {self.owner}"

    def is_live(self, now: dt.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
