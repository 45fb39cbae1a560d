"""Helpers for the DataTables every screen lists things in."""

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.widgets import DataTable

from summit.tui.text import escape

Row = tuple[str, Sequence[str | Text]]
"""A row's key and its cells."""


def cell(value: str | Text) -> str | Text:
    """A cell that shows a str as written, though a DataTable reads a str as markup.

    Cells styled on purpose are passed as Text (`Text.from_markup` for markup).
    """
    return escape(value) if isinstance(value, str) else value


def refill(table: DataTable[str | Text], rows: Iterable[Row]) -> None:
    """Replace every row, keeping the cursor where it was (or on the last row)."""
    row = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*map(cell, cells), key=key)
    if table.row_count:
        table.move_cursor(row=max(0, min(row, table.row_count - 1)))


def selected_key(table: DataTable[str | Text]) -> str | None:
    """The key of the row under the cursor, or None in an empty table."""
    if not table.row_count:
        return None
    return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
