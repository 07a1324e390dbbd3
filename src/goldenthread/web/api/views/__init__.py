"""API endpoints, thin: selectors to read, services to write, the access policy to decide."""
