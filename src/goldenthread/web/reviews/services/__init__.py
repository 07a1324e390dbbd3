"""Writes for reviews: recording a review, what happened after it, and the stored schedule."""
