"""The plain-language rule: jargon, long sentences and reading age."""

from __future__ import annotations

from functools import lru_cache

from goldenthread.core.quality.lexicon import (
    ACRONYM_RE,
    JARGON_ACRONYMS,
    JARGON_PHRASE_RE,
    JARGON_PHRASES,
)
from goldenthread.core.quality.model import Finding, Span, Status
from goldenthread.core.quality.readability import readability
from goldenthread.core.quality.registry import finding, rule
from goldenthread.core.quality.statement import Statement

LONG_SENTENCE_WARN_WORDS = 25
LONG_SENTENCE_FAIL_WORDS = 35
READING_AGE_WARN = 13.0
READING_AGE_FAIL = 17.0
MIN_WORDS_FOR_READING_AGE = 8
JARGON_FAIL_COUNT = 3
JARGON_CACHE_SIZE = 4096  # more than an audit chunk's statements


@lru_cache(maxsize=JARGON_CACHE_SIZE)
def jargon_in(text: str, lower: str) -> tuple[tuple[Span, str, str], ...]:
    """Each jargon word or acronym found, with its span and a plain alternative.

    Cached: the rule, the judge's features, its rule reading and the verdict each ask for the
    same statement's jargon (and ``assess_many`` asks for a batch's in turn)."""
    found = [
        (Span(m.start(), m.end()), m.group(0), JARGON_ACRONYMS[m.group(0)])
        for m in ACRONYM_RE.finditer(text)
    ]
    found += [
        (Span(m.start(), m.end()), text[m.start() : m.end()], JARGON_PHRASES[m.group(0)])
        for m in JARGON_PHRASE_RE.finditer(lower)
    ]
    found.sort(key=lambda item: item[0].start)
    return tuple(found)


def _worst(statuses: list[Status]) -> Status:
    for status in (Status.FAIL, Status.WARN):
        if status in statuses:
            return status
    return Status.PASS


def _jargon_part(statement: Statement) -> tuple[Status, list[str], list[str], list[Span]]:
    found = jargon_in(statement.text, statement.lower)
    if not found:
        return Status.PASS, [], [], []
    status = Status.FAIL if len(found) >= JARGON_FAIL_COUNT else Status.WARN
    words = ", ".join(f"“{word}”" for _, word, _ in found[:4])
    swaps = "; ".join(f"“{word}” → “{plain}”" for _, word, plain in found[:4])
    return (
        status,
        [f"It uses words families may not know: {words}."],
        [f"Try plain words: {swaps}."],
        [span for span, _, _ in found],
    )


@rule(
    "plain_language",
    LONG_SENTENCE_WARN_WORDS=LONG_SENTENCE_WARN_WORDS,
    LONG_SENTENCE_FAIL_WORDS=LONG_SENTENCE_FAIL_WORDS,
    READING_AGE_WARN=READING_AGE_WARN,
    READING_AGE_FAIL=READING_AGE_FAIL,
    MIN_WORDS_FOR_READING_AGE=MIN_WORDS_FOR_READING_AGE,
    JARGON_FAIL_COUNT=JARGON_FAIL_COUNT,
)
def check_plain_language(statement: Statement) -> Finding:
    """Flags professional jargon and acronyms (with a plain word to use instead), long sentences
    and a high reading age. One or two jargon words warn; JARGON_FAIL_COUNT or more fail. A
    sentence over LONG_SENTENCE_WARN_WORDS words warns, over LONG_SENTENCE_FAIL_WORDS fails. A
    reading age (Flesch–Kincaid grade + 5) over READING_AGE_WARN warns, over READING_AGE_FAIL
    fails; it is only worked out from MIN_WORDS_FOR_READING_AGE words up. The worst part wins.

    Outcomes belong to the child and family. Both guides ask for clear words that everyone can
    understand, with no professional jargon.
    """
    status, messages, suggestions, spans = _jargon_part(statement)
    statuses = [status]
    measures = readability(statement.text)
    if measures.longest_sentence_words > LONG_SENTENCE_WARN_WORDS:
        long_fail = measures.longest_sentence_words > LONG_SENTENCE_FAIL_WORDS
        statuses.append(Status.FAIL if long_fail else Status.WARN)
        messages.append(f"A sentence has {measures.longest_sentence_words} words.")
        suggestions.append(f"Use sentences of {LONG_SENTENCE_WARN_WORDS} words or fewer.")
        spans.append(Span(*measures.longest_sentence))
    if measures.words >= MIN_WORDS_FOR_READING_AGE and measures.reading_age > READING_AGE_WARN:
        statuses.append(Status.FAIL if measures.reading_age > READING_AGE_FAIL else Status.WARN)
        messages.append(f"It needs a reading age of about {measures.reading_age:.0f}.")
        suggestions.append("Use shorter words and sentences.")
    worst = _worst(statuses)
    if worst is Status.PASS:
        return finding("plain_language", Status.PASS, "It uses plain words.")
    return finding(
        "plain_language",
        worst,
        " ".join(messages),
        spans=tuple(spans),
        suggestion=" ".join(suggestions),
    )
