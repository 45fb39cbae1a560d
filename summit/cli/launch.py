"""`summit` at a terminal and `summit app`: the app, started as quickly as it can be.

Kept apart from summit.cli.commands, whose imports (the data model, tomlkit,
rich tables) would load before the app's first frame: here only the data
folder is found before the app takes over, and the app loads the data in a
worker once the summits list is on screen.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from summit.store.gc_pause import pause_gc_for_start, resume_gc_after_start
from summit.store.locations import find_data_dir

if TYPE_CHECKING:
    from rich.console import Console


def run_app(args: argparse.Namespace, out: "Console", err: "Console") -> int:
    """The Textual app on the data directory."""
    root = find_data_dir(args.data, Path.cwd())
    pause_gc_for_start()  # until the first frame: the app turns it back on then
    try:
        from summit.tui.app import make_app  # noqa: PLC0415 - textual loads only for the app

        accessible = True if getattr(args, "accessible", False) else None  # else env, preference
        make_app(root, background=True, accessible=accessible).run()
    finally:
        resume_gc_after_start()  # if the app stopped before its first frame
    return 0


def default(args: argparse.Namespace, out: "Console", err: "Console") -> int:
    """No command: the app at a terminal, the overview when piped."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return run_app(args, out, err)
    from summit.cli.commands import overview  # noqa: PLC0415

    return overview(args, out, err)
