"""Statutory returns derived from the records: SEN2 (DfE) and Annex A (area SEND inspection).

Pure logic only: the web app gathers the records into these dataclasses, and this package
derives, validates and writes the files. Facts and sources: docs/returns.md.
"""
