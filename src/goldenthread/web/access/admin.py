"""Teams are managed in the Django admin; shares and the audit trail are not (ADR 0018).

Shares, emergency access, privacy and the audit trail name children, so they are read and
changed only through the pages, which apply the access policy and write the trail.
"""

from django.contrib import admin

from goldenthread.web.access.admin_audit import AuditedAdminMixin
from goldenthread.web.access.models import Team


@admin.register(Team)
class TeamAdmin(AuditedAdminMixin, admin.ModelAdmin[Team]):
    list_display = ("name", "organisation")
    filter_horizontal = ("members",)
