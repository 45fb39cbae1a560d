"""Replacing files already in a folder the user chose: only when they run it twice.

On the command line that is `--force`. In the export and papers dialogs the
first run into a folder holding files of the same names writes nothing and
says so; running again into the same folder replaces them. Summit's own
exports folder needs no second run, as on the command line.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from summit.store.output_guard import OutputRefused, replacing_allowed


class ReplaceConsent:
    """Remembers the folder the user was told about, so that the next run may replace there."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    @contextmanager
    def writing_into(self, folder: Path) -> Iterator[None]:
        with replacing_allowed(self._folder == folder):
            yield

    def asked(self, folder: Path, error: OSError) -> str | None:
        """What to say when `error` is a file the user may replace; None for any other error."""
        if not isinstance(error, OutputRefused) or not error.replaceable:
            return None
        self._folder = folder
        return (
            f"{Path(str(error.filename)).name} is already in {folder}. Nothing was written. "
            "Run again (ctrl+s) to replace the files there."
        )
