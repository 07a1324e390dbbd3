"""Starting a setting's plan, writing its sections, and who may do which.

A setting's plan is a ``plans.Plan`` (kind SEN support) with the golden thread's parts written
through the plans services, so the quality engine, history and fixed-plan rules are the same as
for an EHC plan. The setting's own sections, tier and layout are a ``SettingPlan`` beside it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from goldenthread.core.record_rules import text_problem
from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.access.audit import audit_event_record
from goldenthread.web.access.models import AuditAction
from goldenthread.web.access.policy import children_readable
from goldenthread.web.accounts.models import OrganisationKind, Role, User
from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.plans.services.plans import plan_create
from goldenthread.web.setting_plans.layout import (
    DEFAULT_LAYOUT,
    LAYOUTS,
    WRITER_ROLES,
    WRITERS,
    Section,
    layout_get,
)
from goldenthread.web.setting_plans.models import SettingPlan, Tier

SETTING_STAFF = frozenset({Role.SENCO, Role.EDUCATION})
NOT_YOUR_SETTING = "Only staff at the child's own setting can write or review its plans"
ONLY_SENCO_STARTS = "Only the setting's SENCO starts a setting plan"
NOT_YOUR_PART = "The {writer} writes this part of the plan"
SECTION_LIMIT = 4000
NO_SETTING = "This child has no current setting, so no setting can write a plan for them"


def is_setting_staff(user: User) -> bool:
    return bool(
        user.role in SETTING_STAFF
        and user.organisation is not None
        and user.organisation.kind == OrganisationKind.SETTING
    )


def may_act_for_setting(user: User, child: Child) -> bool:
    """Setting staff act only for children at their own setting; the local authority's people
    keep the access the policy gives them (``access.policy``)."""
    if user.role in SETTING_STAFF:
        return bool(
            child.current_setting_id is not None
            and user.organisation_id == child.current_setting_id
        )
    return True


def setting_children(user: User) -> QuerySet[Child]:
    """The children the person may see (a relationship, team or share) at their own setting."""
    if not is_setting_staff(user):
        return Child.objects.none()
    return children_readable(user).filter(current_setting_id=user.organisation_id)


def tier_of(plan: Plan) -> str:
    """A plan's tier: as recorded, or Specialist for an EHC plan and Targeted otherwise."""
    sheet = SettingPlan.objects.filter(plan=plan).values_list("tier", flat=True).first()
    if sheet:
        return str(sheet)
    return Tier.SPECIALIST if plan.kind == PlanKind.EHC_PLAN else Tier.TARGETED


def setting_plan_start(
    *, child: Child, by: User, tier: str = Tier.TARGETED, layout: str = DEFAULT_LAYOUT
) -> SettingPlan:
    """A new draft SEN support plan for ``child``, coordinated by ``by`` (the setting's SENCO),
    with its sheet. The parts of the thread are then added through the plans pages."""
    if child.current_setting_id is None:
        raise ValidationError({"child": NO_SETTING})
    if by.role != Role.SENCO:
        raise PermissionDenied(ONLY_SENCO_STARTS)
    if not may_act_for_setting(by, child):
        raise PermissionDenied(NOT_YOUR_SETTING)
    if tier not in Tier.values:
        raise ValidationError({"tier": f"Choose one of: {', '.join(Tier.labels)}"})
    if layout not in LAYOUTS:
        raise ValidationError({"layout": f"Choose one of: {', '.join(LAYOUTS)}"})
    with transaction.atomic():
        plan = plan_create(
            child=child,
            user=by,
            kind=PlanKind.SEN_SUPPORT,
            start_date=timezone.localdate(),
            coordinator=by,
        )
        sheet = SettingPlan.objects.create(
            plan=plan, setting_id=child.current_setting_id, tier=tier, layout=layout
        )
        _log(by, plan, "setting-plan-start", "Started a setting plan")
    return sheet


def section_save(*, sheet: SettingPlan, by: User, key: str, text: str, on_behalf: str = "") -> None:
    """Save one section's words, by someone allowed to write it. An issued plan's sections are
    fixed with it (ADR 0025): change them by amending the plan."""
    layout = layout_get(sheet.layout)
    section = layout.section(key)
    if sheet.plan.is_fixed:
        raise PlanFixedError(sheet.plan)
    if not may_write_section(by, sheet, section):
        raise PermissionDenied(NOT_YOUR_PART.format(writer=WRITERS[section.writer]))
    problem = text_problem(text, limit=SECTION_LIMIT)
    if problem:
        raise ValidationError({key: problem})
    with transaction.atomic():
        locked = SettingPlan.objects.select_for_update().get(pk=sheet.pk)
        locked.sections = {**locked.sections, key: text.strip()}
        locked.written_by = {
            **locked.written_by,
            key: {
                "role": by.get_role_display(),
                "name": by.get_full_name() or by.username,
                "on": timezone.localdate().isoformat(),
                "with": on_behalf,
            },
        }
        locked.row_version += 1
        locked._history_user = by  # type: ignore[attr-defined]  # read by simple-history
        locked.save()
        _log(by, sheet.plan, "setting-plan-section", "")
    sheet.refresh_from_db()


def may_write_section(user: User, sheet: SettingPlan, section: Section) -> bool:
    """The class teacher writes the classroom part, the SENCO theirs; the family's words are
    written with them. The local authority's people do not write a setting's sections."""
    return bool(
        user.role in WRITER_ROLES[section.writer] and may_act_for_setting(user, sheet.plan.child)
    )


def sections_missing(sheet: SettingPlan) -> list[str]:
    """Required sections not yet written, by heading."""
    layout = layout_get(sheet.layout)
    return [
        s.heading
        for s in layout.sections
        if s.required and not str(sheet.sections.get(s.key, "")).strip()
    ]


def _log(by: User, plan: Plan, url_name: str, reason: str) -> None:
    audit_event_record(
        person=by,
        action=AuditAction.UPDATE,
        child_id=plan.child_id,
        object_type="plan",
        object_id=plan.pk,
        url_name=url_name,
        reason=reason,
    )
