"""The plain-language rule: jargon, long sentences and reading age."""

from __future__ import annotations

import re
from functools import lru_cache

from goldenthread.core.quality.lexicon import (
    ACRONYM_RE,
    EVERYDAY_ENOUGH,
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
# A short run of capitals ("LSA", "C/YP"), and one spelled out in brackets after its words
# ("Speech and Language Therapy (SALT)"): careful readers judge an unexplained short form as
# not plain, whether or not it is on the jargon list.
_CAPITALS_GATE = re.compile(r"[A-Z][A-Z/]")
CAPITALS_RE = re.compile(r"(?<![\w/])(?:[A-Z]{2,6}s?|[A-Z]{1,3}/[A-Z]{1,4})(?![\w/])")
SPELLED_OUT_RE = re.compile(r"\(([A-Z]{2,6})s?\)")
#: Short forms every family knows.
EVERYDAY_CAPITALS = frozenset(
    {"I", "OK", "TV", "UK", "AM", "PM", "PE", "CV", "GP", "GCSE", "NHS", "ID", "IT", "PC"}
)
JARGON_CACHE_SIZE = 4096  # more than an audit chunk's statements


@lru_cache(maxsize=JARGON_CACHE_SIZE)
def jargon_in(text: str, lower: str) -> tuple[tuple[Span, str, str], ...]:
    """Each jargon word or acronym found, with its span and a plain alternative.

    Cached: the rule, the judge's features, its rule reading and the verdict each ask for the
    same statement's jargon (and ``assess_many`` asks for a batch's in turn)."""
    spelled = _spelled_out(text)
    found = [
        (Span(m.start(), m.end()), m.group(0), JARGON_ACRONYMS[m.group(0)])
        for m in ACRONYM_RE.finditer(text)
        if m.group(0) not in spelled
    ]
    found += [
        (Span(m.start(), m.end()), text[m.start() : m.end()], JARGON_PHRASES[m.group(0)])
        for m in JARGON_PHRASE_RE.finditer(lower)
    ]
    found.sort(key=lambda item: item[0].start)
    return tuple(found)


def jargon_hard(text: str, lower: str) -> tuple[tuple[Span, str, str], ...]:
    """``jargon_in`` without the words careful readers mostly judge plain ("peers",
    "transition"): these are what make a statement not plain."""
    return tuple(item for item in jargon_in(text, lower) if item[1].lower() not in EVERYDAY_ENOUGH)


def _spelled_out(text: str) -> frozenset[str]:
    """Short forms the statement spells out in brackets after their words."""
    if "(" not in text:
        return frozenset()
    return frozenset(m.group(1) for m in SPELLED_OUT_RE.finditer(text))


@lru_cache(maxsize=JARGON_CACHE_SIZE)
def acronyms_unexplained(text: str) -> tuple[tuple[Span, str], ...]:
    """Short forms in capitals that are not on the jargon list (``jargon_in`` gives those, with
    a plain word), not everyday ones ("TV", "GP") and not spelled out in brackets; none in
    text written all in capitals."""
    if _CAPITALS_GATE.search(text) is None or text.isupper():
        return ()
    spelled = _spelled_out(text)
    found = []
    for m in CAPITALS_RE.finditer(text):
        word = m.group(0)
        stem = word[:-1] if word.endswith("s") else word
        if stem in EVERYDAY_CAPITALS or stem in spelled or {stem, word} & JARGON_ACRONYMS.keys():
            continue
        if word.strip("X") == "":  # a template's blank ("By XX/XX/XXXX"), not a short form
            continue
        found.append((Span(m.start(), m.end()), word))
    return tuple(found)


def _worst(statuses: list[Status]) -> Status:
    for status in (Status.FAIL, Status.WARN):
        if status in statuses:
            return status
    return Status.PASS


def _jargon_part(statement: Statement) -> tuple[Status, list[str], list[str], list[Span]]:
    found = jargon_in(statement.text, statement.lower)
    short = acronyms_unexplained(statement.text)
    if not found and not short:
        return Status.PASS, [], [], []
    hard = jargon_hard(statement.text, statement.lower)
    if not hard and not short:  # only words most families know: a plainer one is offered
        swaps = "; ".join(f"“{word}” → “{plain}”" for _, word, plain in found[:4])
        spans = [span for span, _, _ in found]
        return Status.PASS, [f"An everyday word may be clearer: {swaps}."], [], spans
    count = len(hard) + len(short)
    status = Status.FAIL if count >= JARGON_FAIL_COUNT else Status.WARN
    messages, suggestions = [], []
    if hard:
        words = ", ".join(f"“{word}”" for _, word, _ in hard[:4])
        swaps = "; ".join(f"“{word}” → “{plain}”" for _, word, plain in found[:4])
        messages.append(f"It uses words families may not know: {words}.")
        suggestions.append(f"Try plain words: {swaps}.")
    if short:
        words = ", ".join(f"“{word}”" for _, word in short[:4])
        messages.append(f"It uses short forms families may not know: {words}.")
        suggestions.append("Write each one out in full, or say what it means.")
    spans = sorted(
        [span for span, _, _ in found] + [span for span, _ in short], key=lambda span: span.start
    )
    return status, messages, suggestions, spans


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
    """Flags professional jargon and acronyms (with a plain word to use instead), other short
    forms in capitals that are not spelled out in brackets or known to every family ("C/YP",
    "ASDAN"; not "TV", "GP"), long sentences and a high reading age. One or two jargon words or
    short forms warn; JARGON_FAIL_COUNT or more fail. Words on the jargon list that careful
    readers mostly judge plain ("peers", "transition", "social skills") are offered a plainer
    word but pass. A
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
        tip = " ".join(["It uses plain words.", *messages])
        return finding("plain_language", Status.PASS, tip, spans=tuple(spans))
    return finding(
        "plain_language",
        worst,
        " ".join(messages),
        spans=tuple(spans),
        suggestion=" ".join(suggestions),
    )
