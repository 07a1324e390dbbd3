"""Give the demo area's needs, outcomes and provision what the real linker suggests for them.

Run on each batch just before it is written. Suggestions come from ``link_records_many`` (the
fast path: labels and confidences, no reasons), computed once per distinct wording: provision
and need wordings repeat a lot across children. Outcomes also get their embedding (float16)
and the quality engine's SMART verdict, as a save through the pages would give them.

The demo's choices (themes, area, service) come from the topic each statement was written
for, so they are what a careful person would pick. Most agree with the linker; where they do
not, the demo shows people overriding the machine, which is what the stored suggestions are
there to measure. A few outcomes per hundred take the linker's best theme instead of the
topic's, as a person in a hurry would (``ACCEPTED_AS_SUGGESTED``).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from goldenthread.core.linking import link_records_many
from goldenthread.core.quality.words import words_verdict
from goldenthread.web.plans.demo.batch import Batch
from goldenthread.web.plans.models import Need, Outcome, Provision
from goldenthread.web.plans.services.links import embedding_bytes

ACCEPTED_AS_SUGGESTED = 0.05
LinkRecord = dict[str, list[dict[str, Any]]]


class DemoLinker:
    """Remembers each wording's suggestion, embedding and verdict across batches."""

    def __init__(self, rng: random.Random, *, today: dt.date) -> None:
        self.rng = rng
        self.today = today
        self.suggestions: dict[str, LinkRecord] = {}
        self.embeddings: dict[str, bytes] = {}
        self.smart: dict[str, bool] = {}
        self.second_look: dict[str, str] = {}

    def batch_fill(self, batch: Batch) -> None:
        needs: list[Need] = batch.rows.get("Need", [])  # type: ignore[assignment]
        outcomes: list[Outcome] = batch.rows.get("Outcome", [])  # type: ignore[assignment]
        provision: list[Provision] = batch.rows.get("Provision", [])  # type: ignore[assignment]
        texts = [n.text for n in needs] + [o.text for o in outcomes]
        texts += [p.description for p in provision]
        self._suggest([t for t in dict.fromkeys(texts) if t not in self.suggestions])
        for need in needs:
            need.link_suggestions = self.suggestions[need.text]
        for part in provision:
            part.link_suggestions = self.suggestions[part.description]
        new = [t for t in dict.fromkeys(o.text for o in outcomes) if t not in self.embeddings]
        self.embeddings.update(zip(new, embedding_bytes(new), strict=True) if new else ())
        for text in new:
            smart, _, second_look = words_verdict(text, self.today)
            self.smart[text], self.second_look[text] = smart, second_look
        for outcome in outcomes:
            outcome.link_suggestions = self.suggestions[outcome.text]
            outcome.embedding = self.embeddings[outcome.text]
            outcome.quality_smart = self.smart[outcome.text]
            outcome.quality_second_look = self.second_look[outcome.text]
        self._hurried_choices(batch)

    def _suggest(self, texts: list[str]) -> None:
        if texts:
            self.suggestions.update(zip(texts, link_records_many(texts), strict=True))

    def _hurried_choices(self, batch: Batch) -> None:
        """A few outcomes' themes become the linker's best theme, as a hurried person's would."""
        pairs = batch.links.get((Outcome, "themes"), [])
        by_outcome: dict[int, list[tuple[Any, Any]]] = {}
        for pair in pairs:
            by_outcome.setdefault(pair[0].pk, []).append(pair)
        kept: list[tuple[Any, Any]] = []
        for links in by_outcome.values():
            outcome = links[0][0]
            if self.rng.random() < ACCEPTED_AS_SUGGESTED:
                kept.append((outcome, outcome.link_suggestions["themes"][0]["theme"]))
            else:
                kept.extend(links)
        if pairs:
            batch.links[(Outcome, "themes")] = kept
