"""Running the service: the production server's settings, health, metrics, request ids,
backups and the read replica (docs/deploy.md, ADR 0029 and ADR 0032)."""
