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


class SignedInSession(models.Model):
    """One browser a person is signed in on, for the "Your sessions" page.

    Keyed by a hash of the session key, never the key itself: this table must not be a list of
    keys that would let someone who reads it take over a session. A row with ``ended_at`` set
    has been signed out (by the person, from another session, or by a password change), and
    the middleware signs that session out on its next request.
    """

    key_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    signed_in_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    browser = models.CharField(
        max_length=80, blank=True, help_text="For example Firefox on Windows."
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        indexes = [models.Index(fields=["user", "ended_at"])]

    def __str__(self) -> str:
        return f"Session of {self.user} since {self.signed_in_at:%Y-%m-%d %H:%M}"


class RateLimitCount(models.Model):
    """How many requests one caller made in one time window, shared by every server process.

    ``key_hash`` is a hash of what is counted (for example "sign-in by address" and the
    address), so the table holds no address, username or e-mail address.
    """

    key_hash = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    window_end = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key_hash", "window_start"], name="rate_limit_once")
        ]

    def __str__(self) -> str:
        return f"{self.count} requests from {self.window_start:%H:%M:%S}"
