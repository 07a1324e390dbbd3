"""Children, plans and reviews: read only, each list in pages."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from goldenthread.web.api.serializers import (
    ChildListSerializer,
    ChildSerializer,
    PlanDetailSerializer,
    PlanSerializer,
    ReviewDetailSerializer,
    ReviewSerializer,
)
from goldenthread.web.api.views.common import access_for
from goldenthread.web.plans.models import Child, Plan
from goldenthread.web.plans.selectors import (
    CaseloadFilters,
    caseload_list,
    child_get_for,
    plan_get_for,
    plans_for_child,
)
from goldenthread.web.reviews.models import Review
from goldenthread.web.reviews.selectors import review_get, reviews_for_plan

NAME_FILTER = OpenApiParameter(
    "name", str, description="Only children whose names contain every word given"
)


@extend_schema(tags=["children"], parameters=[NAME_FILTER])
class ChildList(generics.ListAPIView):  # type: ignore[misc]
    """The children you may see (your caseload page, as data). Leaders see none: area figures
    never name a child. A list is not logged as a look at each child; opening one is."""

    serializer_class = ChildListSerializer

    def get_queryset(self) -> QuerySet[Child]:
        # PostgreSQL text cannot hold NUL; the caseload form's field refuses it the same way.
        name = str(self.request.query_params.get("name", "")).replace("\x00", "")[:100].strip()
        return caseload_list(self.request.user, CaseloadFilters(name=name)).order_by(
            "last_name", "first_name", "pk"
        )


@extend_schema(tags=["children"])
class ChildDetail(generics.RetrieveAPIView):  # type: ignore[misc]
    """One child, as on the child's page. Logged as a look."""

    serializer_class = ChildSerializer

    def get_object(self) -> Child:
        child_id = int(self.kwargs["child_id"])
        access_for(self.request, child_id)
        return child_get_for(self.request.user, child_id)


@extend_schema(tags=["plans"])
class PlanList(generics.ListAPIView):  # type: ignore[misc]
    """The child's plans that are not archived, newest version first within each kind."""

    serializer_class = PlanSerializer

    def get_queryset(self) -> QuerySet[Plan]:
        child_id = int(self.kwargs["child_id"])
        access_for(self.request, child_id)
        child = child_get_for(self.request.user, child_id)
        return plans_for_child(child).order_by("kind", "-version", "pk")


def plan_for(request: Any, plan_id: int) -> Plan:
    """The plan, if the person may see its child (404 otherwise; 403 to change it if they may
    only read)."""
    plan = plan_get_for(request.user, plan_id)
    access_for(request, plan.child_id)
    return plan


@extend_schema(tags=["plans"])
class PlanDetail(generics.RetrieveAPIView):  # type: ignore[misc]
    """One plan with its live hopes (aspirations) and needs."""

    serializer_class = PlanDetailSerializer

    def get_object(self) -> Plan:
        return plan_for(self.request, int(self.kwargs["plan_id"]))


@extend_schema(tags=["reviews"])
class ReviewList(generics.ListAPIView):  # type: ignore[misc]
    """The plan's reviews, newest first, each with its GAS T-score."""

    serializer_class = ReviewSerializer

    def get_queryset(self) -> QuerySet[Review]:
        return reviews_for_plan(plan_for(self.request, int(self.kwargs["plan_id"])))


@extend_schema(tags=["reviews"])
class ReviewDetail(generics.RetrieveAPIView):  # type: ignore[misc]
    """One review: what was said, and each outcome's GAS level, progress and decision."""

    serializer_class = ReviewDetailSerializer

    def get_object(self) -> Review:
        plan = plan_for(self.request, int(self.kwargs["plan_id"]))
        return review_get(plan, int(self.kwargs["review_id"]))
