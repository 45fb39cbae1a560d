"""The `summit` command: parse arguments, call a layer, print the result."""

from summit.cli.main import main

__all__ = ["main"]
