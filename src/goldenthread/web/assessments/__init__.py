"""EHC needs assessments: the request, the decisions, the advice and the 20-week clock."""
