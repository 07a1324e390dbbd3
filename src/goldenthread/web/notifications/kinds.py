"""What kind of thing waits for someone. The words here are all an e-mail ever says about it:
no child's name, no health detail, only the kind of thing and a link to sign in (ADR 0024)."""

from __future__ import annotations

from django.db import models


class NoticeKind(models.TextChoices):
    CONTRIBUTION_WAITING = "contribution_waiting", "A contribution is waiting for your decision"
    PART_RETURNED = "part_returned", "Something you wrote was sent back with a comment"
    REVIEW_DUE = "review_due", "A review you coordinate is due soon"
    REVIEW_LATE = "review_late", "A review you coordinate is late"
    DECISION_DUE = "decision_due", "A decision after a review is due"
    PLAN_READY = "plan_ready", "A plan is ready to issue"
    ADVICE_ASKED = "advice_asked", "You are asked for advice before a review"
    ACCESS_ENDING = "access_ending", "A passport link or a share you made ends soon"
    VIEWS_ASKED = "views_asked", "You are asked what you think before a review"
    JOB_FAILED = "job_failed", "A scheduled job failed"


class EmailChoice(models.TextChoices):
    NOW = "now", "Send me an email each time"
    DIGEST = "digest", "Send me one email a day with everything new"
    NONE = "none", "Do not email me: I will look when I sign in"


class EmailStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed, will try again"
    BOUNCED = "bounced", "Could not be delivered"
    GAVE_UP = "gave_up", "Failed too many times"


EMAIL_SUBJECT = "Golden Thread: something is waiting for you"
DIGEST_SUBJECT = "Golden Thread: what is waiting for you today"
