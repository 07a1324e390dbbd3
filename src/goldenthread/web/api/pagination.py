"""Every list comes in pages: 25 a page unless asked, never more than 100.

Strict, as the description says: ``page`` and ``page_size`` are whole numbers (``page_size``
1 to 100); anything else (``page_size=null``, ``page=abc``) is refused with a 400 naming the
parameter, rather than ignored and echoed into the ``next`` link (issue 24).
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100
NOT_A_PAGE = "Give a whole number of 1 or more"
NOT_A_PAGE_SIZE = f"Give a whole number from 1 to {MAX_PAGE_SIZE}"


def _whole(request: Any, name: str, *, most: int | None, message: str) -> None:
    values = request.query_params.getlist(name)
    if not values:
        return
    if len(values) > 1 or not values[0].isdigit() or not values[0].isascii():
        raise ValidationError({name: [message]})
    number = int(values[0])
    if number < 1 or (most is not None and number > most):
        raise ValidationError({name: [message]})


class ApiPagination(PageNumberPagination):  # type: ignore[misc]
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset: Any, request: Any, view: Any = None) -> Any:
        _whole(request, self.page_query_param, most=None, message=NOT_A_PAGE)
        _whole(request, self.page_size_query_param, most=MAX_PAGE_SIZE, message=NOT_A_PAGE_SIZE)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters: list[dict[str, Any]] = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = MAX_PAGE_SIZE
        return parameters
