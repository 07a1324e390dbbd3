"""The audit trail in the Django admin is for reading only; teams and shares are managed here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from goldenthread.web.access.models import AuditEvent, ChildShare, Team


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("at", "person", "role", "child_id", "action", "object_type", "object_id")
    list_filter = ("action", "role")
    search_fields = ("person__username",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ("name", "organisation")
    filter_horizontal = ("members",)


@admin.register(ChildShare)
class ChildShareAdmin(admin.ModelAdmin[ChildShare]):
    """Read only: shares are made and ended through the service, which logs them."""

    list_display = ("child_id", "shared_by", "starts_on", "ends_on", "revoked_at")
    raw_id_fields = ("child", "shared_by", "shared_with_person", "revoked_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
