"""Learned, calibrated judgements of a statement against the outcome rubric.

The rules explain (spans, reasons, suggestions); the judge decides each rubric field from
heads trained on the labelled corpus (scripts/build_quality_model.py), behind the ``Judge``
protocol so a model can be swapped without touching callers.
"""

from goldenthread.core.quality.judge.protocol import (
    BOOLEAN_FIELDS,
    RUBRIC_FIELDS,
    Judge,
    Judgement,
)

__all__ = ["BOOLEAN_FIELDS", "RUBRIC_FIELDS", "Judge", "Judgement"]
