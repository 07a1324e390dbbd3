"""Pure-Python heart of Golden Thread: no Django here (see ruff.toml beside this file)."""
