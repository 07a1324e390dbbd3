"""The outcome quality engine: is a statement an outcome, is it SMART, and why."""
