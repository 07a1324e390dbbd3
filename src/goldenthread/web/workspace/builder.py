"""The guided outcome builder: start from a hope or a need, answer the three questions, fill in
the parts of a SMART outcome, check it, and save it linked to where it came from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from goldenthread.core.linking import link_records_many
from goldenthread.core.quality import QUESTIONS, StatementContext, assess, outcome_from_parts
from goldenthread.core.quality.builder import PARTS
from goldenthread.core.record_rules import TextKind, text_problem
from goldenthread.web.formfields import GovukDateField
from goldenthread.web.plans.models import Aspiration, Need, Outcome, Plan, ThemeTag
from goldenthread.web.plans.models.choices import DomainChoice

PLACEHOLDER_START = "["
# The answers that build the words; when every one is empty, an opened outcome keeps its words.
BUILDING_ANSWERS = ("do_for_you", "make_possible", "when", "action", "measure", "context")
THEME_SURE = 0.5  # a suggested theme is used when linking is at least this sure


class BuilderForm(forms.Form):
    """The starting point, the three questions, the four parts and the service."""

    def __init__(
        self, *args: Any, plan: Plan, editing: Outcome | None = None, **kwargs: Any
    ) -> None:
        if editing is not None:
            kwargs["initial"] = {**outcome_initial(editing), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.editing = editing
        choices = [
            (f"aspiration:{a.pk}", f"Hope: {a.text}")
            for a in plan.aspirations.filter(archived_at__isnull=True)
        ] + [
            (f"need:{n.pk}", f"Need: {n.text}") for n in plan.needs.filter(archived_at__isnull=True)
        ]
        self.fields["start"] = forms.ChoiceField(
            label="Start from a hope or a need",
            choices=choices,
            widget=forms.RadioSelect,
            help_text="The new outcome will be linked to the one you choose.",
            error_messages={"required": "Choose a hope or a need to start from"},
        )
        for question in QUESTIONS:
            self.fields[question.key] = forms.CharField(
                label=question.question,
                help_text=question.prompt,
                required=False,
                max_length=500,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for part in PARTS:
            self.fields[part.key] = forms.CharField(
                label=part.question, help_text=part.prompt, required=False, max_length=300
            )
        if editing is not None:
            self.fields["text"] = forms.CharField(
                label="The outcome as it is written now",
                help_text=(
                    "Change the words here, or answer the questions below to write it again. "
                    "If you answer any of them, your answers replace these words."
                ),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields["row_version"] = forms.IntegerField(
                required=False, widget=forms.HiddenInput
            )
        self.fields["in_own_words"] = forms.BooleanField(
            label="These are the child's or family's own words",
            required=False,
        )
        self.fields["due_date"] = GovukDateField(
            label="Due by",
            help_text="Leave it empty to use the date your answer to “By when?” means.",
            required=False,
        )
        self.fields["themes"] = forms.ModelMultipleChoiceField(
            label="Themes",
            help_text="Leave them empty to use the themes the words suggest.",
            queryset=ThemeTag.objects.order_by("number"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )
        self.fields["domain"] = forms.ChoiceField(
            label="Which service is this outcome for?",
            choices=DomainChoice.choices,
            widget=forms.RadioSelect,
            required=False,
        )

    def clean_text(self) -> str:
        text = " ".join(str(self.cleaned_data.get("text") or "").split())
        problem = text_problem(text, limit=TextKind.PART.value)
        if problem:
            raise forms.ValidationError(problem)
        return text

    def outcome_text(self) -> str:
        """The outcome as it stands; the first two answers fill empty "do what" and "where".
        An opened outcome keeps its own words until one of the answers is given."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        if self.editing is not None and not any(data.get(key) for key in BUILDING_ANSWERS):
            return str(data.get("text") or "")
        action = data.get("action") or data.get("do_for_you") or ""
        context = data.get("context") or data.get("make_possible") or ""
        return outcome_from_parts(
            when=data.get("when", ""),
            action=action,
            measure=data.get("measure", ""),
            context=context,
        )

    def start_part(self) -> Aspiration | Need | None:
        value = str(self.cleaned_data.get("start") or "")
        kind, _, pk = value.partition(":")
        model = Aspiration if kind == "aspiration" else Need
        return model.objects.filter(plan=self.plan, pk=pk, archived_at__isnull=True).first()

    def ready_to_save(self) -> Aspiration | Need | None:
        """The part to link to, when every part is filled and a service chosen; else None, with
        errors on the form."""
        text = self.outcome_text()
        if not text:
            self.add_error("text", "Enter the outcome, or answer the questions to write it")
        elif PLACEHOLDER_START in text:
            self.add_error(None, "Fill in every part of the outcome before you save it")
        start = self.start_part()
        if start is None:
            self.add_error("start", "Choose a hope or a need to start from")
        domain = self.cleaned_data.get("domain") or (
            start.domain if isinstance(start, Need) else ""
        )
        if not domain:
            self.add_error("domain", "Choose the service this outcome is for")
        else:
            self.cleaned_data["domain"] = domain
        return None if self.errors else start

    def due_and_themes(self, text: str, *, today: dt.date) -> tuple[dt.date | None, list[ThemeTag]]:
        """What the person chose, else what the words say: the date "By when?" means and the
        themes linking suggests (issue 18: an outcome the builder makes has both)."""
        due = self.cleaned_data.get("due_date")
        themes = list(self.cleaned_data.get("themes") or [])
        if due is None:
            due = assess(text, StatementContext(today=today)).due_date
        if not themes:
            links = link_records_many([text])[0].get("themes") or []
            wanted = [int(link["theme"]) for link in links if link["confidence"] >= THEME_SURE]
            best = wanted or [int(links[0]["theme"])] if links else []
            themes = list(ThemeTag.objects.filter(number__in=best))
        return due, themes


def outcome_initial(outcome: Outcome) -> dict[str, Any]:
    """The builder's answers for an outcome opened to change: its words, where it starts, its
    service, date, themes and whose words they are, and the version it was opened at."""
    need = outcome.needs.filter(archived_at__isnull=True).order_by("pk").first()
    hope = outcome.aspirations.filter(archived_at__isnull=True).order_by("pk").first()
    start = f"need:{need.pk}" if need else (f"aspiration:{hope.pk}" if hope else "")
    return {
        "text": outcome.text,
        "start": start,
        "domain": outcome.domain,
        "due_date": outcome.due_date,
        "themes": list(outcome.themes.all()),
        "in_own_words": outcome.in_own_words,
        "row_version": outcome.row_version,
    }
