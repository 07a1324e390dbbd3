"""The GOV.UK page template, minus its one inline script, so the CSP needs no 'unsafe-inline'.

The template writes ``<script>document.body.className += ' js-enabled' ...</script>`` straight
after ``<body>``, outside any block we could override. This loader serves the template with that
line taken out; ``static/gt/init.js`` adds the same two classes instead. If a new version of
govuk-frontend-jinja changes the line, loading fails loudly rather than letting the inline script
back in (and the CSP test would fail too).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import BaseLoader, Environment

PAGE_TEMPLATE = "template.html"
INLINE_SCRIPT = re.compile(r"[ \t]*<script\b(?![^>]*\bsrc=)[^>]*>.*?</script>[ \t]*\n?", re.S)
SCRIPT_MISSING = (
    "The GOV.UK page template no longer has the inline script this app removes; "
    "check goldenthread.web.security.templates against the new govuk-frontend-jinja."
)


class WithoutInlineScriptLoader(BaseLoader):
    """Wraps the govuk-frontend-jinja loader and strips the inline script from its page template."""

    def __init__(self, wrapped: BaseLoader) -> None:
        self.wrapped = wrapped

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.wrapped.get_source(environment, template)
        if template == PAGE_TEMPLATE:
            source, count = INLINE_SCRIPT.subn("", source)
            if count != 1:
                raise RuntimeError(SCRIPT_MISSING)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.wrapped.list_templates()
