"""Measure the text intelligence against the labelled sets in ``evals/data/``."""
