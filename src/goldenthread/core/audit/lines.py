"""An audit record written straight to its JSONL line, byte for byte ``json.dumps``'s.

``json.dumps(record, ensure_ascii=False)`` of the record dict (``assessment_to_record`` plus
the theme links and the input's section, domain and other columns) was a good part of the
audit's time per statement: each record is about 4 KB, mostly the nine criteria's findings,
and most findings are the same few shared objects (``registry.finding``). Here each part is
written with the same encoder and the same separators (``", "`` and ``": "``), and a shared
finding is written once per process. tests/core/test_audit_lines.py checks the lines are
identical to ``json.dumps``'s.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from json.encoder import (  # type: ignore[attr-defined]  # c_make_encoder: None without _json
    c_make_encoder,
    encode_basestring,  # ensure_ascii=False: the C version when built
)
from typing import Any

from goldenthread.core.quality.model import Assessment, Finding, Status

_ENCODER = json.JSONEncoder(ensure_ascii=False)
#: The C encoder ``json.dumps`` itself uses, made once instead of once per call (when built).
#: No circular-reference markers: records are trees, and shared markers could outlive an error.
_C_ENCODE: Any = (
    None
    if c_make_encoder is None
    else c_make_encoder(
        None, _ENCODER.default, encode_basestring, None, ": ", ", ", False, False, True
    )
)


def _encode(value: object) -> str:
    if _C_ENCODE is None:
        return _ENCODER.encode(value)
    return "".join(_C_ENCODE(value, 0))


#: Shared findings written once: id -> (the finding, kept alive so its id is not reused; text).
_FINDINGS: dict[int, tuple[Finding, str]] = {}
MAX_FINDINGS = 2048


def _value(value: object) -> str:
    """One JSON value as ``json.dumps`` writes it (scalars directly, the rest by the encoder)."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else "true" if value else "false"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    return _encode(value)


def _strings(values: Iterable[str]) -> str:
    return "[" + ", ".join(encode_basestring(value) for value in values) + "]"


def _object(values: Mapping[str, object]) -> str:
    return "{" + ", ".join(f"{encode_basestring(k)}: {_value(v)}" for k, v in values.items()) + "}"


def _finding_text(found: Finding) -> str:
    spans = ", ".join(f"[{span.start!r}, {span.end!r}]" for span in found.spans)
    return (
        f'{{"status": {encode_basestring(found.status.value)}, '
        f'"message": {encode_basestring(found.message)}, "spans": [{spans}], '
        f'"suggestion": {encode_basestring(found.suggestion)}, '
        f'"reason": {encode_basestring(found.reason)}}}'
    )


def _finding(found: Finding) -> str:
    if found.spans:  # findings with spans are built per statement: nothing to share
        return _finding_text(found)
    cached = _FINDINGS.get(id(found))
    if cached is not None and cached[0] is found:
        return cached[1]
    text = _finding_text(found)
    if len(_FINDINGS) >= MAX_FINDINGS:
        _FINDINGS.clear()
    _FINDINGS[id(found)] = (found, text)
    return text


def record_line(
    assessment: Assessment,
    record_id: str | int | None,
    links: Mapping[str, Any],
    tail: Mapping[str, Any],
) -> tuple[str, tuple[str, ...]]:
    """``json.dumps(record, ensure_ascii=False)`` for the audit record, and the failing
    criteria; ``record`` is ``assessment_to_record(assessment, record_id)``, then ``links``,
    then ``tail`` (section, plan_domain, extra), as ``dict.update`` would merge them."""
    criteria = ", ".join(
        f"{encode_basestring(name)}: {_finding(found)}"
        for name, found in assessment.criteria.items()
    )
    failing = tuple(
        name for name, found in assessment.criteria.items() if found.status is Status.FAIL
    )
    due = assessment.due_date
    head = (
        f'{{"id": {_value(record_id)}, "text": {encode_basestring(assessment.text)}, '
        f'"kind": {encode_basestring(assessment.kind.value)}, '
        f'"kind_confidence": {_value(assessment.kind_confidence)}, '
        f'"smart": {_value(assessment.smart)}, "score": {_value(assessment.score)}, '
        f'"criteria": {{{criteria}}}, '
        f'"due_date": {"null" if due is None else encode_basestring(due.isoformat())}, '
        f'"suggestion": {encode_basestring(assessment.suggestion)}, '
        f'"notes": {_strings(assessment.notes)}, "rubric": {_object(assessment.rubric)}, '
        f'"second_look": {_strings(assessment.second_look)}, '
        f'"unsure": {_strings(assessment.unsure)}, '
        f'"engine_version": {encode_basestring(assessment.engine_version)}'
    )
    parts = [head]
    for extra in (links, tail):
        if extra:
            parts.append(_encode(dict(extra))[1:-1])
    return ", ".join(parts) + "}", failing
