from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from goldenthread.web.accounts.models import Organisation, User


@admin.register(User)
class GoldenThreadUserAdmin(UserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "role", "organisation", "is_active")
    list_filter = ("role", "is_active", "organisation__kind")
    fieldsets = (
        *UserAdmin.fieldsets,  # type: ignore[misc]
        ("Role", {"fields": ("role", "organisation", "job_title", "phone", "is_synthetic")}),
    )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ("name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("name",)
