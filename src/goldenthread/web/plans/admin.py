"""The Django admin, for staff: every part of the record, with its history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from goldenthread.web.plans.models import (
    AllAboutMe,
    Aspiration,
    Child,
    ChildRelationship,
    Need,
    Outcome,
    Plan,
    Provision,
    Step,
)


@admin.register(Child)
class ChildAdmin(SimpleHistoryAdmin):
    list_display = ("last_name", "first_name", "date_of_birth", "primary_need", "current_setting")
    list_filter = ("primary_need", "is_synthetic")
    search_fields = ("first_name", "last_name", "preferred_name", "upn")


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("child", "kind", "status", "version", "issued_on", "next_review_due")
    list_filter = ("kind", "status")
    raw_id_fields = ("child", "coordinator")


class PlanPartAdmin(SimpleHistoryAdmin):
    list_display: tuple[str, ...] = ("__str__", "plan", "archived_at")
    raw_id_fields: tuple[str, ...] = ("plan",)


admin.site.register(Aspiration, PlanPartAdmin)
admin.site.register(Need, PlanPartAdmin)


@admin.register(Outcome)
class OutcomeAdmin(PlanPartAdmin):
    list_filter = ("domain", "lifecycle_status", "themes")
    filter_horizontal = ("themes",)
    raw_id_fields = ("plan", "needs", "aspirations")


@admin.register(Provision)
class ProvisionAdmin(PlanPartAdmin):
    list_filter = ("domain",)
    raw_id_fields = ("plan", "outcomes", "needs")


admin.site.register(Step, SimpleHistoryAdmin)
admin.site.register(AllAboutMe, SimpleHistoryAdmin)
admin.site.register(ChildRelationship, SimpleHistoryAdmin)
