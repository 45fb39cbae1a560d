"""Helpers for the DataTables every screen lists things in."""

from collections.abc import Iterable, Sequence
from typing import Any

from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from summit.model.plain import visible
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


class FillTable(DataTable[str | Text]):
    """A DataTable whose `fill` column takes the width the other columns leave.

    Textual's columns have fixed widths, so a long title or action is cut at the
    same place at 80 columns and at 200. Here the one column of free text grows
    with the terminal (and keeps at least `least` cells, scrolling when narrower).
    """

    def __init__(self, *, fill: str, least: int = 20, **options: Any) -> None:
        super().__init__(**options)
        self.fill = fill
        self.least = least

    def on_mount(self) -> None:
        # Columns are usually added in on_mount: fit once they are all there.
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        # DataTable's own resize handler has already dropped its render caches.
        self.fit()

    def fit(self) -> None:
        column = self.columns.get(ColumnKey(self.fill))
        if column is None:
            return
        others = sum(
            c.get_render_width(self) for key, c in self.columns.items() if key != column.key
        )
        free = self.scrollable_content_region.width - others - 2 * self.cell_padding
        width = max(self.least, free)
        if width == column.width:
            return
        column.width = width
        self.virtual_size = Size(others + column.get_render_width(self), self.virtual_size.height)
        # Rendered cells are cached without their width: drop them (a public way to).
        self.notify_style_update()


class RowDetail(Static):
    """The highlighted row in full, wrapped, under a table whose cells cut long text.

    It takes the lines its text needs; the table above it keeps a few rows
    (`min-height` in the screen's CSS) and gives up the rest.
    """

    DEFAULT_CSS = """
    RowDetail {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    """

    def show(self, text: str | Text) -> None:
        """Data text is shown as written: a str is never read as markup."""
        self.update(Text(visible(text)) if isinstance(text, str) else text)
