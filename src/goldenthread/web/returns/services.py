"""Make a return for a returns lead: build, check, write, and log the export (ADR 0030)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from goldenthread.core.returns.annex_a import AnnexRow, annex_a_findings
from goldenthread.core.returns.findings import Finding
from goldenthread.core.returns.sen2 import Sen2Return, sen2_xml
from goldenthread.core.returns.sen2_rules import sen2_findings
from goldenthread.core.returns.sen2_summary import Sen2Headlines, sen2_headlines
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction, AuditResult, RefusalCode
from goldenthread.web.accounts.models import Organisation, User
from goldenthread.web.returns.annex import annex_a_csv, annex_a_lists, annex_a_xlsx
from goldenthread.web.returns.gather import sen2_build
from goldenthread.web.returns.models import ReturnsLead

NOT_LEAD = (
    "{user} is not a returns lead: an administrator names the people who make the "
    "authority's statutory returns (Returns leads in the admin site). Nothing was written."
)


def returns_authority(person: User) -> Organisation | None:
    """The authority this person makes returns for, or None if they are not a returns lead."""
    if not person.is_active:
        return None
    lead = ReturnsLead.objects.filter(person=person).select_related("local_authority").first()
    return lead.local_authority if lead else None


@dataclass
class Sen2Made:
    sen2: Sen2Return
    findings: list[Finding]
    headlines: Sen2Headlines
    xml: bytes = b""

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks_export]


def sen2_make(local_authority: Organisation, year: int) -> Sen2Made:
    """The return, its checks and headline figures; XML only when no check blocks it."""
    sen2 = sen2_build(local_authority, year)
    made = Sen2Made(sen2, sen2_findings(sen2), sen2_headlines(sen2))
    if not made.blocking:
        made.xml = sen2_xml(sen2)
    return made


@dataclass
class AnnexMade:
    lists: dict[str, list[AnnexRow]]
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    @property
    def all_findings(self) -> list[Finding]:
        return [f for found in self.findings.values() for f in found]

    @property
    def blocking(self) -> list[Finding]:
        # The validator's "Query" rules are shown; its errors stop the export.
        return [f for f in self.all_findings if "Query" not in f.rule.message]

    def xlsx(self) -> bytes:
        return annex_a_xlsx(self.lists)

    def csv(self, list_name: str) -> str:
        return annex_a_csv(self.lists[list_name], list_name)


def annex_make(local_authority: Organisation, today: dt.date | None = None) -> AnnexMade:
    day = today or timezone.localdate()
    lists = annex_a_lists(local_authority, day)
    made = AnnexMade(lists)
    for name, rows in lists.items():
        made.findings[name] = annex_a_findings(name, rows, day)
    return made


def return_export_record(*, person: User, kind: str, reason: str, url_name: str, rows: int) -> None:
    """One entry in the audit trail for the export: who, which return, why, how many people."""
    audit_event_record(
        person=person,
        action=AuditAction.EXPORT,
        child_id=None,
        object_type=kind,
        object_id=rows,
        url_name=url_name,
        reason=reason.strip(),
    )


def return_refusal_record(*, person: User, kind: str, reason: str, url_name: str) -> None:
    """A refused return in the audit trail, as a refused export (ADR 0030)."""
    audit_event_record(
        person=person,
        action=AuditAction.EXPORT,
        child_id=None,
        object_type=kind,
        url_name=url_name,
        reason=reason.strip(),
        result=AuditResult.REFUSED,
        refusal=RefusalCode.ROLE,
    )
