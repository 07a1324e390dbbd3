"""Keeps personal data out of the application log.

Every log line (and its traceback) passes through ``PersonalDataFilter`` before it is written:
query strings are cut from paths, every value the person sent with the request being answered
is replaced, and anything shaped like an e-mail address, NHS number, unique pupil number, passport
link token or API token is replaced too. Reason: logs are copied, shipped and kept far longer
than records, and read by people with no reason to see a child's details.

Logging never changes an answer: the filter reads the request's values only where they can be
read (a body that cannot be parsed, in a wrong encoding or too big gives no values, and is named
in the line), and if checking a line fails anyway the line is replaced by ``LOG_FILTER_FAILED``
rather than raising. Reason: the filter runs while Django logs a 4xx it has already answered; an
exception there replaced the view's own answer with a plain 500 (issue 24).
"""

from __future__ import annotations

import logging
import re
import traceback

from django.http import HttpRequest, QueryDict

from goldenthread.web.security.context import current_request

REMOVED = "[removed]"
LOG_FILTER_FAILED = "[this line could not be checked for personal data, so it is not shown]"
QUERY_STRING = re.compile(r"(?P<path>/[^\s?\"']*)\?[^\s\"']*")
SHAPES = (
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail addresses
    re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)"),  # NHS numbers
    re.compile(r"\b[A-Z]\d{11}[0-9A-Z]\b"),  # unique pupil numbers
    # Secrets that open records: a passport link's token in its path, and REST API tokens.
    re.compile(r"(?<=/passport/link/)[\w-]{16,}"),
    re.compile(r"\bgt_[\w-]{16,}"),
)
# Sent with nearly every form, and harmless.
NOT_PERSONAL = frozenset({"csrfmiddlewaretoken", "row_version", "next"})
SHORTEST_SCRUBBED_VALUE = 2


UNREADABLE_BODY = "[the request body could not be read: {error}]"


def _queries(request: HttpRequest) -> tuple[list[QueryDict], str]:
    """The query string's values and the form body's, when they can be read; else a note."""
    queries: list[QueryDict] = [request.GET]
    try:
        queries.append(request.POST)
    except Exception as error:  # any parser failure: the line is still written
        return queries, UNREADABLE_BODY.format(error=type(error).__name__)
    return queries, ""


def _values_and_note(request: HttpRequest | None) -> tuple[list[str], str]:
    if request is None:
        return [], ""
    values: set[str] = set()
    queries, note = _queries(request)
    for query in queries:
        for key, items in query.lists():
            if key in NOT_PERSONAL:
                continue
            values.update(v.strip() for v in items if len(v.strip()) >= SHORTEST_SCRUBBED_VALUE)
            # Each word of a longer value too, so "Sam" goes even when logged on its own.
            values.update(
                word for v in items for word in re.findall(r"[^\W\d_]{3,}", v) if v.strip() != word
            )
    return sorted(values, key=len, reverse=True), note


def scrub(text: str, *, request: HttpRequest | None = None) -> str:
    """The text with query strings, sent values and personal-looking shapes replaced (and a note
    when the request's body could not be read for its values)."""
    cleaned = QUERY_STRING.sub(lambda m: f"{m['path']}?{REMOVED}", text)
    values, note = _values_and_note(request)
    for value in values:
        cleaned = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", REMOVED, cleaned, flags=re.I)
    for shape in SHAPES:
        cleaned = shape.sub(REMOVED, cleaned)
    return f"{cleaned} {note}" if note else cleaned


class PersonalDataFilter(logging.Filter):
    """Rewrites each record's message and traceback through ``scrub``; never drops a line."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            self._rewrite(record)
        except Exception as error:  # a log line must never become a 500
            record.msg = f"{LOG_FILTER_FAILED} ({type(error).__name__})"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        # Handlers that read the request itself (such as Django's e-mail handler) get nothing.
        if hasattr(record, "request"):
            record.request = None
        return True

    @staticmethod
    def _rewrite(record: logging.LogRecord) -> None:
        request = getattr(record, "request", None)
        if not isinstance(request, HttpRequest):
            request = current_request.get()
        record.msg = scrub(record.getMessage(), request=request)
        record.args = ()
        if record.exc_info and record.exc_info[1] is not None:
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = scrub(text, request=request)
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text, request=request)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, request=request)
