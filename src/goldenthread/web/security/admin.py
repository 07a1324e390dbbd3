"""Admin: an administrator deletes a lost sign-in code (recovery); retention runs are read-only."""

from django.contrib import admin
from django.http import HttpRequest

from goldenthread.web.access.admin_audit import AuditedAdminMixin
from goldenthread.web.security.models import RetentionRun, SignInCode


@admin.register(SignInCode)
class SignInCodeAdmin(AuditedAdminMixin, admin.ModelAdmin[SignInCode]):
    list_display = ("user", "is_on", "created_at", "confirmed_at")
    search_fields = ("user__username",)
    # The secret is never shown, and nobody sets up a code for someone else.
    fields = ("user", "created_at", "confirmed_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(RetentionRun)
class RetentionRunAdmin(AuditedAdminMixin, admin.ModelAdmin[RetentionRun]):
    list_display = ("ran_at", "ran_by", "mode")
    readonly_fields = ("ran_at", "ran_by", "mode", "rules", "counts")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


def _axes_admin_audited() -> None:
    """django-axes registers its sign-in records (an administrator unlocks a person by
    deleting their failed attempts): keep its pages, with the changes audited."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        if admin.site.is_registered(model):
            original = type(admin.site.get_model_admin(model))
            admin.site.unregister(model)
            audited = type(
                f"Audited{original.__name__}",
                (AuditedAdminMixin, original),
                {"__module__": __name__},
            )
            admin.site.register(model, audited)


_axes_admin_audited()
