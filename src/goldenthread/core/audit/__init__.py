"""Audit a batch of statements: read a file, check every statement, write a report.

``audit_items_read`` (readers) checks the whole input first; ``audit_run`` (runner) assesses every
statement, in parallel for big inputs; ``audit_write`` (writers) writes JSONL, CSV or HTML
atomically; ``audit_summarise`` (summary) counts what was found.
"""
