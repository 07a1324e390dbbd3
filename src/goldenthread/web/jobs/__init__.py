"""Scheduled jobs that run themselves: django-q2 with its database broker (ADR 0023)."""
