"""Settings for notifications and scheduled jobs, from the environment (docs/settings.md)."""

from __future__ import annotations

import os

# "smtp" (Django's e-mail, EMAIL_HOST...) or "notify" (GOV.UK Notify).
NOTIFICATIONS_EMAIL_SENDER = os.environ.get("NOTIFICATIONS_EMAIL_SENDER", "smtp")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TEMPLATES = {
    "now": os.environ.get("NOTIFY_TEMPLATE_NOW", ""),
    "digest": os.environ.get("NOTIFY_TEMPLATE_DIGEST", ""),
}
# The address people sign in at; e-mails link here and nowhere else.
SERVICE_URL = os.environ.get("SERVICE_URL", "http://127.0.0.1:8000").rstrip("/")
# Tries of one e-mail before it is given up (each one waits longer: 5, 10, 20... minutes).
NOTIFICATIONS_EMAIL_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATIONS_EMAIL_MAX_ATTEMPTS", "5"))

# django-q2 with its database ("ORM") broker: no extra service to run (ADR 0023).
Q_CLUSTER = {
    "name": "goldenthread",
    "orm": "default",
    "workers": int(os.environ.get("JOB_WORKERS", "1")),
    "timeout": int(os.environ.get("JOB_TIMEOUT", "3600")),
    "retry": int(os.environ.get("JOB_TIMEOUT", "3600")) + 60,
    "max_attempts": 1,  # jobs retry themselves, recorded (goldenthread.web.jobs.runner)
    "catch_up": False,
    "save_limit": 500,
    "poll": 5,
    "label": "Scheduled jobs (django-q2)",
}
