"""Area insights: disclosure control, demand projection and GAS summaries for dashboards.

Pure Python, so the web pages, exports and command line all apply the same rules.
"""

from goldenthread.core.insights.disclosure import (
    ProtectedSeries,
    ProtectedTable,
    series_protect,
    table_protect,
)
from goldenthread.core.insights.gas_summary import GasSummary, GroupSummary, gas_summarise
from goldenthread.core.insights.policy import (
    CellStatus,
    DisclosurePolicy,
    PublishedCount,
    PublishedShare,
    Rounding,
    headline_protect,
    rate_protect,
    round_to_base,
    rounded_values,
    share_of_published,
    share_protect,
)
from goldenthread.core.insights.projection import (
    ProjectedYear,
    Projection,
    demand_project,
    demand_project_by_need,
)
from goldenthread.core.insights.table import Table

__all__ = [
    "CellStatus",
    "DisclosurePolicy",
    "GasSummary",
    "GroupSummary",
    "ProjectedYear",
    "Projection",
    "ProtectedSeries",
    "ProtectedTable",
    "PublishedCount",
    "PublishedShare",
    "Rounding",
    "Table",
    "demand_project",
    "demand_project_by_need",
    "gas_summarise",
    "headline_protect",
    "rate_protect",
    "round_to_base",
    "rounded_values",
    "series_protect",
    "share_of_published",
    "share_protect",
    "table_protect",
]
