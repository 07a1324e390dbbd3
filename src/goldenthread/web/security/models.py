"""A person's sign-in code (two-factor) and the record of every retention run."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SignInCode(models.Model):
    """A time-based code (TOTP) a person has set up on their phone.

    ``confirmed_at`` is empty until the person has typed one correct code, so a half-finished
    set-up never locks anyone out. ``last_used_step`` is the 30-second step of the last code
    accepted: a code is never accepted twice.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_code"
    )
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        state = "on" if self.confirmed_at else "being set up"
        return f"Sign-in code for {self.user} ({state})"

    @property
    def is_on(self) -> bool:
        return self.confirmed_at is not None


class RetentionMode(models.TextChoices):
    ERASE = "erase", "Erase"
    ANONYMISE = "anonymise", "Anonymise"


class RetentionRun(models.Model):
    """One ``goldenthread retention --apply``: when, by whom, how, and how many of each type."""

    ran_at = models.DateTimeField(auto_now_add=True)
    ran_by = models.CharField(max_length=150, help_text="Username, or the computer account.")
    mode = models.CharField(max_length=12, choices=RetentionMode.choices)
    rules = models.JSONField(default=dict, help_text="The retention periods in force.")
    counts = models.JSONField(default=dict, help_text="How many records of each type, no names.")

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"Retention run {self.ran_at:%Y-%m-%d %H:%M} ({self.mode})"
