"""Which addresses may set the forwarded headers, from the ``TRUSTED_PROXY`` setting."""

from __future__ import annotations

import os


def forwarded_allow_ips() -> str:
    """gunicorn's ``forwarded_allow_ips``: the proxy's addresses when ``TRUSTED_PROXY=1``
    (``TRUSTED_PROXY_IPS``, default ``*``: the proxy is then the only way in, e.g. in a
    container network), else none at all. Reason: with no trusted proxy a client must never be
    able to claim https or another address (docs/settings.md)."""
    if not proxy_trusted():
        return ""
    return os.environ.get("TRUSTED_PROXY_IPS", "*")


def proxy_trusted() -> bool:
    return os.environ.get("TRUSTED_PROXY", "0") == "1"


def secure_scheme_headers() -> dict[str, str]:
    """Only ``X-Forwarded-Proto``, and only from a trusted proxy (the same header Django's
    ``SECURE_PROXY_SSL_HEADER`` reads). Reason: gunicorn's defaults also believe two other
    headers, which a proxy that only overwrites ``X-Forwarded-Proto`` would pass through."""
    return {"X-FORWARDED-PROTO": "https"} if proxy_trusted() else {}
