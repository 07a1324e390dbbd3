"""Writes: every change to a child's record goes through a function here (``entity_verb``)."""
