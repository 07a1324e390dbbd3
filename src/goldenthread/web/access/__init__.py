"""Who may see which child, and a trail of every look and change (issue 5, ADR 0007)."""
