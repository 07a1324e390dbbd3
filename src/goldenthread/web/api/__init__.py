"""The REST API: the same selectors, services and access policy as the pages (ADR 0015)."""
