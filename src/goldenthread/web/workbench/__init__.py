"""The quality lead's workbench: check a file of outcome statements in the browser, filter the
results, download them, and go from a dashboard figure to the outcomes behind it."""
