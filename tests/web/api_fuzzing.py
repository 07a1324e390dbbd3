"""What both fuzz tests share: real records to pin path ids to, and the OpenAPI description with
its external ``$ref``s (the import bodies' JSON Schemas in docs/schemas/) taken in.

The committed description points to the schema files (``$ref: ../schemas/<name>``), which a
fuzzer reading docs/api/openapi.yaml from disk resolves itself. Loaded from the app (in-process,
through WSGI) there is no file to resolve against, so ``bundled`` puts each referenced schema in
``components/schemas`` and points the bodies there, so the bodies are generated from the real
schemas rather than left out.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from django.utils import timezone

from goldenthread.web.reviews.models import OutcomeProgress, PlanDecision, Review, ReviewKind
from tests.web import factories

PROJECT = Path(__file__).resolve().parents[2]
SCHEMAS = PROJECT / "docs" / "schemas"
EXTERNAL = "../schemas/"


def real_ids(area: factories.Area) -> dict[str, dict[str, int]]:
    """Path parameters that name real records the coordinator may see, by path (a review with a
    score is added so the review endpoints answer with data)."""
    thread = area.thread
    review = Review.objects.create(
        plan=thread.plan,
        kind=ReviewKind.ANNUAL,
        meeting_on=timezone.localdate(),
        decision=PlanDecision.KEEP,
    )
    OutcomeProgress.objects.create(
        review=review,
        outcome=thread.outcome,
        gas_level=0,
        achievement_status="improving",
        decision="continue",
    )
    ids = {"child_id": area.child.pk, "plan_id": thread.plan.pk, "review_id": review.pk}
    return {
        "outcomes": {**ids, "id": thread.outcome.pk},
        "provision": {**ids, "id": thread.help.pk},
        "": ids,
    }


def _component_name(file_name: str) -> str:
    return file_name.removesuffix(".json").replace(".", "_")


def _rebase(node: Any, name: str) -> Any:
    """The schema's own references (``#/$defs/x``) made to point inside its new place."""
    if isinstance(node, dict):
        out = {key: _rebase(value, name) for key, value in node.items() if key != "$id"}
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            out["$ref"] = f"#/components/schemas/{name}/{ref[2:]}"
        return out
    if isinstance(node, list):
        return [_rebase(value, name) for value in node]
    return node


def bundled(description: dict[str, Any]) -> dict[str, Any]:
    """The description with every external schema taken into ``components/schemas``; fails if
    a reference names a file that is not in docs/schemas/."""
    result = copy.deepcopy(description)
    components = result.setdefault("components", {}).setdefault("schemas", {})
    taken: list[str] = []

    def take_in(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(EXTERNAL):
                file_name = ref.removeprefix(EXTERNAL)
                name = _component_name(file_name)
                if name not in components:
                    schema = json.loads((SCHEMAS / file_name).read_text(encoding="utf-8"))
                    schema.pop("$schema", None)  # the dialect of OpenAPI 3.1 already
                    components[name] = _rebase(schema, name)
                node["$ref"] = f"#/components/schemas/{name}"
                taken.append(file_name)
            for value in node.values():
                take_in(value)
        elif isinstance(node, list):
            for value in node:
                take_in(value)

    take_in(result["paths"])
    assert taken, "the description no longer points to the published schemas"
    return result
