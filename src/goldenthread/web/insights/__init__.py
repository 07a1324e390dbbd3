"""Area insights for strategic leaders: dashboards and exports with disclosure control."""
