"""Helpers for the DataTables every screen lists things in."""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from summit.model.plain import visible

Row = tuple[str, Sequence[str | Text]]
"""A row's key and its cells."""


def cell(value: str | Text) -> Text:
    """A cell that shows a str as written, though a DataTable reads a str as markup.

    Cells styled on purpose are passed as Text (`Text.from_markup` for markup). A
    str becomes the Text the table would make of it for a row one line high, without
    parsing markup: six times quicker, and a table measures every cell it is given
    (1,000 summits: 6,000 cells before the list is whole, as many again once loaded).
    """
    if isinstance(value, str):
        return Text(visible(value), no_wrap=True, end="")
    return value


def refill(table: DataTable[str | Text], rows: Iterable[Row]) -> None:
    """Replace every row, keeping the cursor where it was (or on the last row).

    When the same rows come back in the same order (an edit within them), only
    the cells that changed are updated: the table then redraws those alone.
    """
    rows = list(rows)
    columns = [column.key for column in table.ordered_columns]
    same_rows = [row.key.value for row in table.ordered_rows] == [key for key, _ in rows]
    if same_rows and all(len(cells) == len(columns) for _, cells in rows):
        for key, cells in rows:
            for column, value in zip(columns, map(cell, cells), strict=True):
                if table.get_cell(key, column) != value:
                    table.update_cell(key, column, value, update_width=True)
        return
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

    def hold_width(self, key: str, texts: Iterable[str]) -> None:
        """Make column `key` as wide as the longest of `texts` (its label at least): the
        width its cells will need, known before they are measured.

        A column that measures its own cells learns the width of new rows only once
        the table is idle, after the first frame: the free column was then fitted
        again and every line drawn again (on 1,000 summits, while the data loaded).
        """
        column = self.columns[ColumnKey(key)]
        width = max([cell_len(column.label.plain), *map(cell_len, texts)])
        if column.auto_width or column.width != width:
            column.auto_width = False
            column.width = width
            if self.size.width:  # else fitted once the table is laid out
                self.fit()


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


PAGE = 100
"""Rows a paged table adds at a time: a few screens' worth."""


class PagedTable(DataTable[str | Text]):
    """A DataTable that adds its rows a page at a time, as the cursor or the view nears the end.

    Textual measures every cell of every row it is given (`_update_dimensions`),
    so 10,000 rows take seconds to add; only the rows a user can reach soon are
    added, and their cells are made only then. Keys, cursor and selection work as
    in any DataTable; a row not yet added is added on the way to it.
    """

    def __init__(self, *, page: int = PAGE, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.page = page
        self._keys: Sequence[str] = ()
        self._cells: Callable[[int], Sequence[str | Text]] = lambda _: ()
        self.loaded = 0

    @property
    def total(self) -> int:
        """How many rows the table holds, added or not."""
        return len(self._keys)

    def fill(self, keys: Sequence[str], cells: Callable[[int], Sequence[str | Text]]) -> None:
        """Replace every row (`cells(i)` makes row i's), keeping the cursor on its row number."""
        row = self.cursor_row
        self._keys, self.loaded = (), 0  # clearing moves the cursor: nothing to add then
        self.clear()
        self._keys, self._cells = keys, cells
        if not keys:
            return
        target = max(0, min(row, len(keys) - 1))
        self.load_to(target)
        self.move_cursor(row=target)

    def load_to(self, row: int) -> None:
        """Add rows until row number `row` and a page beyond it are in the table."""
        end = min(len(self._keys), max(row + 1, self.loaded) + self.page)
        start, self.loaded = self.loaded, max(self.loaded, end)
        # Set first: adding a row can move the cursor, which asks for more rows.
        for index in range(start, end):
            self.add_row(*map(cell, self._cells(index)), key=self._keys[index])

    def _near_end(self, row: int) -> None:
        if row >= self.loaded - self.page // 2 and self.loaded < len(self._keys):
            self.load_to(row)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        self._near_end(new.row)
        super().watch_cursor_coordinate(old, new)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # Scrolling with the wheel or the scroll bar reaches the end without the cursor.
        self._near_end(int(new_value) + self.scrollable_content_region.height)
        super().watch_scroll_y(old_value, new_value)
