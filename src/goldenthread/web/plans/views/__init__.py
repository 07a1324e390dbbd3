"""Pages for children and plans. Thin: they call selectors to read and services to write."""
