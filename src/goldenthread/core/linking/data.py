"""Labelled statements (evals/data/themes/*.jsonl) and the targets built from them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from goldenthread.core.linking.labels import AREAS, DOMAINS, LABELS_BY_SET, THEME_BY_NUMBER

# A statement's first theme is its main one; later themes count a little less.
SECONDARY_THEME_TARGET = 0.7


@dataclass(frozen=True, slots=True)
class LabelledStatement:
    id: str
    text: str
    themes: tuple[int, ...]
    area: str
    domain: str
    phase: str = ""
    kind: str = ""
    source: str = "team"


def load_labelled(path: Path) -> list[LabelledStatement]:
    """Read a JSONL file of labelled statements, naming the line of any bad record."""
    statements: list[LabelledStatement] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        themes = tuple(int(theme) for theme in record["themes"])
        if not themes or any(theme not in THEME_BY_NUMBER for theme in themes):
            raise ValueError(f"{path.name} line {number}: themes must be 1-4, got {themes}")
        if record["area"] not in AREAS or record["domain"] not in DOMAINS:
            raise ValueError(f"{path.name} line {number}: unknown area or domain")
        statements.append(
            LabelledStatement(
                id=str(record["id"]),
                text=str(record["text"]),
                themes=themes,
                area=str(record["area"]),
                domain=str(record["domain"]),
                phase=str(record.get("phase", "")),
                kind=str(record.get("kind", "")),
                source=str(record.get("source", "team")),
            )
        )
    return statements


def targets_for(label_set: str, statements: Sequence[LabelledStatement]) -> npt.NDArray[np.float32]:
    """One row per statement, one column per label of ``label_set``."""
    labels = LABELS_BY_SET[label_set]
    rows = np.zeros((len(statements), len(labels)), dtype=np.float32)
    for row, statement in enumerate(statements):
        if label_set == "themes":
            for rank, theme in enumerate(statement.themes):
                target = 1.0 if rank == 0 else SECONDARY_THEME_TARGET
                rows[row, labels.index(str(theme))] = target
        else:
            value = statement.area if label_set == "areas" else statement.domain
            rows[row, labels.index(value)] = 1.0
    return rows


def gold_labels(label_set: str, statement: LabelledStatement) -> tuple[str, ...]:
    """Gold labels best first (themes may have several)."""
    if label_set == "themes":
        return tuple(str(theme) for theme in statement.themes)
    return (statement.area if label_set == "areas" else statement.domain,)
