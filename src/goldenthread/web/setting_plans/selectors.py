"""The setting's register of children with SEND and its dashboard figures.

Every figure is one aggregate query over the setting's rows (indexed by setting), so the page
costs the same for 20 plans or 2,000 (bench/bench_setting_plans.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from goldenthread.core.vocabulary import PlanKind
from goldenthread.web.accounts.models import User
from goldenthread.web.plans.models import Child, Outcome, Plan, PlanStatus
from goldenthread.web.reviews.models import OutcomeProgress
from goldenthread.web.setting_plans.models import SettingPlan, ShortTermOutcome, Tier
from goldenthread.web.setting_plans.services.sheets import setting_children
from goldenthread.web.setting_plans.timeliness import Timeliness, review_timeliness

# The school census SEN provision codes (DfE, Complete the school census): E for an EHC plan,
# K for SEN support.
CENSUS_EHC, CENSUS_SUPPORT = "E", "K"
SMALLEST_SHARE_BASE = 5


@dataclass(frozen=True)
class RegisterRow:
    child: Child
    code: str
    plan_id: int | None


def _live_plans() -> Q:
    return Q(archived_at__isnull=True, next_version__isnull=True)


def send_register(user: User) -> list[RegisterRow]:
    """Children at the person's setting whom they may see, with their census code (E or K)
    and primary need. A child with neither plan is on the register only once one is started."""
    ehc = Plan.objects.filter(
        _live_plans(), child=OuterRef("pk"), kind=PlanKind.EHC_PLAN, status=PlanStatus.FINAL
    )
    support = Plan.objects.filter(
        _live_plans(), child=OuterRef("pk"), kind=PlanKind.SEN_SUPPORT
    ).exclude(status=PlanStatus.CEASED)
    children = (
        setting_children(user)
        .annotate(has_ehc=Exists(ehc), has_support=Exists(support))
        .filter(Q(has_ehc=True) | Q(has_support=True))
        .order_by("last_name", "first_name", "pk")
    )
    rows = list(children)
    # The ids as a list, not the annotated query again as a subquery (0.12 s at 35,000 plans).
    plan_ids = dict(
        Plan.objects.filter(
            _live_plans(), child_id__in=[c.pk for c in rows], kind=PlanKind.SEN_SUPPORT
        )
        .exclude(status=PlanStatus.CEASED)
        .values_list("child_id", "pk")
    )
    return [
        RegisterRow(c, CENSUS_EHC if c.has_ehc else CENSUS_SUPPORT, plan_ids.get(c.pk))
        for c in rows
    ]


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def shown(self) -> bool:
        return self.whole >= SMALLEST_SHARE_BASE

    @property
    def percent(self) -> int:
        return round(100 * self.part / self.whole) if self.whole else 0

    def words(self) -> str:
        if not self.shown:
            return f"Too few to show (fewer than {SMALLEST_SHARE_BASE})"
        return f"{self.percent}% ({self.part} of {self.whole})"


@dataclass(frozen=True)
class SettingDashboard:
    plans_by_tier: dict[str, int]
    ehc_plans: int
    smart_outcomes: Share
    outcomes_with_help: Share
    sections_written: Share
    timeliness: list[Timeliness]
    progress_as_expected: Share
    short_terms_achieved: Share

    @property
    def reviews_late(self) -> int:
        return sum(t.late for t in self.timeliness)

    @property
    def reviews_due_soon(self) -> int:
        return sum(t.due_soon for t in self.timeliness)


def setting_dashboard(setting_id: int, *, today: dt.date | None = None) -> SettingDashboard:
    """Plan quality (quality engine verdicts and gaps), review timeliness and progress for one
    setting's plans: its own SEN support plans and the EHC plans of its pupils.

    The setting's plan ids are read first (a few hundred at most) and every figure counts over
    that list, so each query is an index lookup, not a plan of OR-ed subqueries (0.18 s at
    35,000 plans, ADR 0046)."""
    today = today or timezone.localdate()
    sheets = list(
        SettingPlan.objects.filter(
            setting_id=setting_id, plan__archived_at__isnull=True, plan__next_version__isnull=True
        ).values_list("plan_id", "tier", "sections", "plan__issued_on", "plan__start_date")
    )
    pupils = list(
        Child.objects.filter(current_setting_id=setting_id, archived_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    ehc_ids = list(
        Plan.objects.filter(
            _live_plans(), kind=PlanKind.EHC_PLAN, status=PlanStatus.FINAL, child_id__in=pupils
        ).values_list("pk", flat=True)
    )
    plan_ids = [s[0] for s in sheets] + ehc_ids
    quality = Outcome.objects.filter(plan_id__in=plan_ids, archived_at__isnull=True).aggregate(
        total=Count("pk"),
        smart=Count("pk", filter=Q(quality_smart=True)),
        helped=Count("pk", filter=Q(provision__isnull=False), distinct=True),
    )
    year_ago = today - dt.timedelta(days=365)
    ratings = OutcomeProgress.objects.filter(
        outcome__plan__child_id__in=pupils, review__meeting_on__gte=year_ago
    ).aggregate(total=Count("pk"), expected=Count("pk", filter=Q(gas_level__gte=0)))
    shorts = ShortTermOutcome.objects.filter(
        child_id__in=pupils, archived_at__isnull=True, due_date__lte=today
    ).aggregate(total=Count("pk"), done=Count("pk", filter=Q(achievement_status="achieved")))
    by_tier = Counter(s[1] for s in sheets)
    return SettingDashboard(
        plans_by_tier={t.label: by_tier.get(t.value, 0) for t in Tier if t != Tier.SPECIALIST},
        ehc_plans=len(ehc_ids),
        smart_outcomes=Share(quality["smart"], quality["total"]),
        outcomes_with_help=Share(quality["helped"], quality["total"]),
        sections_written=Share(sum(1 for s in sheets if s[2]), len(sheets)),
        timeliness=review_timeliness(setting_id, sheets, today),
        progress_as_expected=Share(ratings["expected"], ratings["total"]),
        short_terms_achieved=Share(shorts["done"], shorts["total"]),
    )
