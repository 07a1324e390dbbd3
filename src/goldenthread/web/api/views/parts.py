"""Outcomes and provision: list, add, read and change, through ``part_save`` as the forms do.

A change names the ``row_version`` it was based on; if someone saved first it is refused with
409 and nothing is saved (``ConcurrentEditError``, turned into problem details).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from goldenthread.web.api.serializers_parts import OutcomeSerializer, ProvisionSerializer
from goldenthread.web.api.views.records import plan_for
from goldenthread.web.plans.fixed import PlanFixedError
from goldenthread.web.plans.models import Outcome, Plan, Provision
from goldenthread.web.plans.models.base import TrackedModel
from goldenthread.web.plans.services.contributions import contribution_fields
from goldenthread.web.plans.services.links import part_save

LINKS: dict[type[Any], tuple[str, ...]] = {
    Outcome: ("themes", "needs", "aspirations"),
    Provision: ("outcomes", "needs"),
}
PREFETCH: dict[type[Any], tuple[str, ...]] = {
    Outcome: ("themes", "needs", "aspirations", "steps", "provision"),
    Provision: ("outcomes", "needs"),
}


def _live(plan: Plan, model: type[Any]) -> QuerySet[Any]:
    parts: QuerySet[Any] = model._default_manager.filter(plan=plan)
    return parts.select_related("plan__child").prefetch_related(*PREFETCH[model])


def _save(request: Request, record: Any, data: dict[str, Any]) -> TrackedModel:
    """Split what was sent into fields and links, and save through the forms' service.

    As on the pages, what someone other than the plan's coordinator writes is proposed and waits
    for the coordinator (docs/adr/0011-contributions.md).
    """
    expected = data.pop("row_version", None)
    links = {name: data.pop(name) for name in LINKS[type(record)] if name in data}
    fields = data | contribution_fields(record, plan=record.plan, user=request.user)
    saved: TrackedModel = part_save(
        record,
        user=request.user,
        fields=fields,
        links=links,
        expected_version=expected if record.pk is not None else None,
    )
    return saved


class PartList(generics.ListCreateAPIView):  # type: ignore[misc]
    model: type[Any]

    def plan(self) -> Plan:
        return plan_for(self.request, int(self.kwargs["plan_id"]))

    def get_queryset(self) -> QuerySet[Any]:
        return (
            _live(self.plan(), self.model)
            .filter(archived_at__isnull=True)
            .order_by("position", "id")
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        plan = self.plan()
        if plan.is_fixed:
            raise PlanFixedError(plan)
        serializer = self.get_serializer(data=request.data, context={"plan": plan})
        serializer.is_valid(raise_exception=True)
        record = _save(request, self.model(plan=plan), dict(serializer.validated_data))
        fresh = _live(plan, self.model).get(pk=record.pk)
        return Response(self.get_serializer(fresh).data, status=status.HTTP_201_CREATED)

    def get_serializer(self, *args: Any, **kwargs: Any) -> Any:
        context = {**self.get_serializer_context(), **kwargs.pop("context", {})}
        return self.get_serializer_class()(*args, context=context, **kwargs)


class PartDetail(generics.RetrieveUpdateAPIView):  # type: ignore[misc]
    model: type[Any]
    http_method_names = ["get", "patch", "head", "options"]

    def get_object(self) -> Any:
        plan = plan_for(self.request, int(self.kwargs["plan_id"]))
        return get_object_or_404(_live(plan, self.model), pk=int(self.kwargs["pk"]))

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        record = self.get_object()
        plan = record.plan
        if plan.is_fixed:
            raise PlanFixedError(plan)
        serializer = self.get_serializer_class()(
            record, data=request.data, partial=True, context={"plan": plan, "request": request}
        )
        serializer.is_valid(raise_exception=True)
        _save(request, record, dict(serializer.validated_data))
        fresh = _live(plan, self.model).get(pk=record.pk)
        return Response(self.get_serializer(fresh).data)


@extend_schema_view(
    get=extend_schema(summary="The plan's live outcomes, with the quality engine's verdict"),
    post=extend_schema(summary="Add an outcome (checked and linked as on the form)"),
)
@extend_schema(tags=["outcomes"])
class OutcomeList(PartList):
    model = Outcome
    serializer_class = OutcomeSerializer


@extend_schema_view(
    get=extend_schema(summary="One outcome, with its links, steps and quality verdict"),
    patch=extend_schema(summary="Change an outcome: send row_version; 409 if it is stale"),
)
@extend_schema(tags=["outcomes"])
class OutcomeDetail(PartDetail):
    model = Outcome
    serializer_class = OutcomeSerializer


@extend_schema_view(
    get=extend_schema(summary="The plan's live provision (the help given)"),
    post=extend_schema(summary="Add provision, linked to outcomes and needs in the plan"),
)
@extend_schema(tags=["provision"])
class ProvisionList(PartList):
    model = Provision
    serializer_class = ProvisionSerializer


@extend_schema_view(
    get=extend_schema(summary="One piece of provision with its links"),
    patch=extend_schema(summary="Change provision: send row_version; 409 if it is stale"),
)
@extend_schema(tags=["provision"])
class ProvisionDetail(PartDetail):
    model = Provision
    serializer_class = ProvisionSerializer
