"""The Jinja2 environment for pages: our templates plus the official GOV.UK Frontend macros."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from goldenthread.web import formfields
from goldenthread.web.access.navigation import access_nav
from goldenthread.web.security.templates import WithoutInlineScriptLoader


def environment(**options: Any) -> Environment:
    own_loader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [
            own_loader,
            PrefixLoader(
                {
                    "govuk_frontend_jinja": WithoutInlineScriptLoader(
                        PackageLoader("govuk_frontend_jinja", "templates")
                    )
                }
            ),
        ]
    )
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    env = Environment(**options)  # noqa: S701 - Django's backend turns autoescape on  # nosec B701
    env.globals.update(
        {
            "url": lambda name, *args, **kwargs: reverse(
                name, args=args or None, kwargs=kwargs or None
            ),
            "static": static,
            "get_messages": messages.get_messages,
            "field": formfields.field_params,
            "error_summary": formfields.error_summary_params,
            "access_nav": access_nav,
            "short_term_lines": _short_term_lines,
        }
    )
    env.filters["date_uk"] = formfields.date_uk
    env.filters["datetime_uk"] = formfields.datetime_uk
    return env


def _short_term_lines(**kwargs: Any) -> Any:
    """Short-term outcomes beside a plan (imported late: templates load before the apps)."""
    from goldenthread.web.setting_plans.display import short_term_lines

    return short_term_lines(**kwargs)
