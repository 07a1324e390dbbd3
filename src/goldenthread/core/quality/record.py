"""The JSON shape of an assessment, shared by ``goldenthread check --json`` and ``audit``."""

from __future__ import annotations

from typing import Any

from goldenthread.core.quality.model import Assessment


def assessment_to_record(assessment: Assessment, id: str | int | None) -> dict[str, Any]:
    """One audit record: id, text, kind, kind_confidence, smart, score, criteria, due_date,
    suggestion (and notes)."""
    return {
        "id": id,
        "text": assessment.text,
        "kind": assessment.kind.value,
        "kind_confidence": assessment.kind_confidence,
        "smart": assessment.smart,
        "score": assessment.score,
        "criteria": {
            name: {
                "status": found.status.value,
                "message": found.message,
                "spans": [[span.start, span.end] for span in found.spans],
                "suggestion": found.suggestion,
                "reason": found.reason,
            }
            for name, found in assessment.criteria.items()
        },
        "due_date": None if assessment.due_date is None else assessment.due_date.isoformat(),
        "suggestion": assessment.suggestion,
        "notes": list(assessment.notes),
        "rubric": dict(assessment.rubric),
        "second_look": list(assessment.second_look),
        "unsure": list(assessment.unsure),
        "engine_version": assessment.engine_version,
    }
