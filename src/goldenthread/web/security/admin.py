"""Admin: an administrator deletes a lost sign-in code (recovery); retention runs are read-only."""

from django.contrib import admin
from django.http import HttpRequest

from goldenthread.web.security.models import RetentionRun, SignInCode


@admin.register(SignInCode)
class SignInCodeAdmin(admin.ModelAdmin[SignInCode]):
    list_display = ("user", "is_on", "created_at", "confirmed_at")
    search_fields = ("user__username",)
    # The secret is never shown, and nobody sets up a code for someone else.
    fields = ("user", "created_at", "confirmed_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RetentionRun)
class RetentionRunAdmin(admin.ModelAdmin[RetentionRun]):
    list_display = ("ran_at", "ran_by", "mode")
    readonly_fields = ("ran_at", "ran_by", "mode", "rules", "counts")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
