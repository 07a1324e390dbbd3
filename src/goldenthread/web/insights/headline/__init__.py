"""The leaders' headline page: North Somerset's questions answered from the records, yearly."""

from goldenthread.web.insights.headline.answers import Headline, Measure, Question, headline_build
from goldenthread.web.insights.headline.counts import school_year_of, year_counts

__all__ = ["Headline", "Measure", "Question", "headline_build", "school_year_of", "year_counts"]
