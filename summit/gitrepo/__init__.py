"""The git command line: setup, drivers, log, show, commit and sync (no TOML parsing)."""
