"""People, organisations and permission groups in the Django admin, every change audited."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from goldenthread.web.access.admin_audit import AuditedAdminMixin
from goldenthread.web.accounts.models import Organisation, User


@admin.register(User)
class GoldenThreadUserAdmin(AuditedAdminMixin, UserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "role", "organisation", "is_active")
    list_filter = ("role", "is_active", "organisation__kind")
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        ("Role", {"fields": ("role", "organisation", "job_title", "phone", "is_synthetic")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdminMixin, admin.ModelAdmin[Organisation]):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)


admin.site.unregister(Group)


@admin.register(Group)
class AuditedGroupAdmin(AuditedAdminMixin, GroupAdmin):
    """Django's own group admin, with its changes written to the audit trail."""
