"""Pages for reviews: lists, the plan's schedule, recording a review, the report, progress."""
