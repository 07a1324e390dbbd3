"""Teams, shares, emergency ("break glass") access, the young person's choice, the audit trail.

Access to a child follows these and ``plans.ChildRelationship``; the rules that read them are in
``goldenthread.web.access.policy``. The audit trail is append-only: see ``AuditEvent``.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.db import connections, models, router, transaction
from django.utils import timezone

from goldenthread.web.access.chain import HASHED_FIELDS, audit_chain_head_lock, audit_row_hash

APPEND_ONLY = "The audit trail is append-only: entries cannot be changed or deleted."
CHAINED_ONE_BY_ONE = "Audit entries are chained one by one: add each with save()."


class Team(models.Model):
    """A named team within an organisation. Teammates see the children on each other's caseloads,
    so a colleague can cover when someone is away."""

    name = models.CharField(max_length=120)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="teams"
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="teams", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ChildShare(models.Model):
    """A child's record shared with a person or a whole organisation, for a reason, for a time.

    Never deleted: ending a share early sets ``revoked_at``.
    """

    child = models.ForeignKey("plans.Child", on_delete=models.PROTECT, related_name="shares")
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="shares_made"
    )
    shared_with_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shares_received",
    )
    shared_with_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shares_received",
    )
    reason = models.TextField()
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shares_revoked",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(shared_with_person__isnull=False)
                ^ models.Q(shared_with_organisation__isnull=False),
                name="share_with_person_or_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"Share {self.pk} of child {self.child_id}"


class BreakGlass(models.Model):
    """An administrator's time-limited access to one child, with the reason they gave."""

    child = models.ForeignKey("plans.Child", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    reason = models.TextField()
    opened_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "break-glass access"
        verbose_name_plural = "break-glass access"

    def __str__(self) -> str:
        return f"Break glass {self.pk} for child {self.child_id}"


class ParentsCanSee(models.TextChoices):
    ALL = "all", "Everything I can see"
    PLAN = "plan", "Only my plan"
    NOTHING = "nothing", "Nothing"


class ChildPrivacy(models.Model):
    """What a young person with their own account lets their parents see. Kept apart from
    ``plans.Child`` so that only the young person's own page ever writes it."""

    child = models.OneToOneField("plans.Child", on_delete=models.PROTECT, related_name="privacy")
    parents_can_see = models.CharField(
        max_length=8, choices=ParentsCanSee.choices, default=ParentsCanSee.ALL
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "child privacy"

    def __str__(self) -> str:
        return f"Child {self.child_id}: parents see {self.parents_can_see}"


class AuditAction(models.TextChoices):
    VIEW = "view", "Looked at"
    CREATE = "create", "Added"
    UPDATE = "update", "Changed"
    ARCHIVE = "archive", "Archived"
    SHARE = "share", "Shared"
    UNSHARE = "unshare", "Stopped sharing"
    BREAK_GLASS = "break_glass", "Opened in an emergency"
    QUALITY_READ = "quality_read", "Read outcomes without names to check quality"
    PRIVACY = "privacy", "Changed what parents can see"
    EXPORT = "export", "Exported"
    PRINT = "print", "Printed"
    # Any other request about a child (a form sent, an API change, OPTIONS): the change itself
    # is logged by the service that made it, so the family's list leaves these out.
    REQUEST = "request", "Sent a request"


class AuditResult(models.TextChoices):
    ALLOWED = "allowed", "Allowed"
    REFUSED = "refused", "Refused"


class RefusalCode(models.TextChoices):
    """Why a request about a child was refused, as the data protection officer reads it."""

    NO_RELATIONSHIP = "no_relationship", "No reason to see this child (told 'not found')"
    NOT_ALLOWED_TO_CHANGE = "not_allowed_to_change", "May see the child but not do this"
    METHOD_NOT_ALLOWED = "method_not_allowed", "The page does not take this kind of request"
    ROLE = "role", "Their role cannot open this page"
    NOT_FOUND = "not_found", "No such record or page"
    REFUSED_BY_PAGE = "refused_by_page", "Refused by the page itself"
    REFUSED_BEFORE_CHECK = "refused_before_check", "Refused before the access check (form token)"
    NOT_YOUR_SETTING = "not_your_setting", "Not your setting (the child is at another setting)"


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError(APPEND_ONLY)

    def delete(self) -> NoReturn:
        raise PermissionError(APPEND_ONLY)

    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError(CHAINED_ONE_BY_ONE)


class AuditEvent(models.Model):
    """One look at, change to, or refused request about a child's record. Append-only, here and
    in the database (triggers refuse UPDATE, DELETE and TRUNCATE), and chained: each entry holds
    a SHA-256 over its content and the previous entry's hash (``access.chain``). Ids only: no
    names or record text."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    role = models.CharField(max_length=32, blank=True, help_text="The person's role at the time.")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    child = models.ForeignKey(
        "plans.Child", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    url_name = models.CharField(max_length=80, blank=True)
    reason = models.TextField(blank=True, help_text="Only when the person was asked why.")
    method = models.CharField(max_length=16, blank=True, help_text="The HTTP method, for requests.")
    status = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The HTTP answer.")
    result = models.CharField(
        max_length=8, choices=AuditResult.choices, default=AuditResult.ALLOWED
    )
    refusal = models.CharField(max_length=32, choices=RefusalCode.choices, blank=True)
    previous_hash = models.CharField(max_length=64, editable=False)
    row_hash = models.CharField(max_length=64, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["child", "at"]),
            models.Index(fields=["person", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.action} child {self.child_id} by person {self.person_id} at {self.at}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError(APPEND_ONLY)
        using = kwargs.get("using") or router.db_for_write(AuditEvent, instance=self)
        with transaction.atomic(using=using):
            self.previous_hash = audit_chain_head_lock(connections[using])
            values = {name: getattr(self, name) for name in HASHED_FIELDS}
            self.row_hash = audit_row_hash(values, self.previous_hash)
            super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError(APPEND_ONLY)
