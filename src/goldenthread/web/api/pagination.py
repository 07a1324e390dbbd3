"""Every list comes in pages: 25 a page unless asked, never more than 100."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):  # type: ignore[misc]
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
