"""Writing and running a setting's plans: see each module."""
