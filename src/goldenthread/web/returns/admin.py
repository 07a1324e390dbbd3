"""Who makes the returns and the authority's DfE number are set in the Django admin.

The children's return details name children, so they are not in the admin (ADR 0018).
"""

from django.contrib import admin

from goldenthread.web.access.admin_audit import AuditedAdminMixin
from goldenthread.web.returns.models import AuthorityReturn, ReturnsLead


@admin.register(ReturnsLead)
class ReturnsLeadAdmin(AuditedAdminMixin, admin.ModelAdmin[ReturnsLead]):
    list_display = ("person", "local_authority", "named_on")


@admin.register(AuthorityReturn)
class AuthorityReturnAdmin(AuditedAdminMixin, admin.ModelAdmin[AuthorityReturn]):
    list_display = ("local_authority", "dfe_number")
