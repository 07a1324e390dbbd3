"""People, organisations and roles: who may sign in, and who they work for."""
