"""Rows of a spreadsheet people were sent: CSV, or the first sheet of .xlsx, .xls or .ods.

The first row holds the column names, matched loosely ("Job title", "JOB_TITLE"
and "job title" are one column); each later row keeps its line (its row number
in the sheet) so that a problem is named where a person will look for it.
Files over the same cap as a mail message are refused before they are read.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from summit.model.register_import import Row, column_for

MAX_BYTES = 32 * 1024 * 1024
SHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


class SpreadsheetError(Exception):
    """The file cannot be read as a table of rows; the message names it."""


@dataclass(frozen=True)
class Table:
    columns: list[str]
    """What the first row names, as the rows' keys (empty headings left out)."""
    rows: list[Row]


def _column(name: object) -> str:
    return column_for("_".join(str(name).replace("-", " ").split()).casefold())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    return str(value).strip()


def _rows(path: Path, table: list[list[object]], first_line: int = 1) -> Table:
    if not table:
        raise SpreadsheetError(f"{path}: the file is empty; the first row must name the columns")
    header = [_column(name) for name in table[0]]
    rows = []
    for number, cells in enumerate(table[1:], start=first_line + 1):
        values = {name: _cell(cell) for name, cell in zip(header, cells, strict=False) if name}
        if any(values.values()):
            rows.append(Row(number, _whole_name(values)))
    columns = [name for name in header if name]
    if "name" not in columns and _NAME_PARTS & set(columns):
        columns.append("name")
    return Table(columns, rows)


_NAME_PARTS = frozenset({"first_name", "last_name"})


def _whole_name(values: dict[str, str]) -> dict[str, str]:
    """A contacts export (Outlook's) gives First Name and Last Name: the name is both."""
    if "name" in values or not _NAME_PARTS & set(values):
        return values
    parts = (values.get("first_name", ""), values.get("last_name", ""))
    return {**values, "name": " ".join(part for part in parts if part)}


def _delimiter(text: str) -> str:
    """What separates the cells: a comma, or a semicolon as Excel writes "CSV" where the
    comma is the decimal mark (most of Europe), or a tab; read from the heading row."""
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=first.count)


def _read_csv(path: Path, data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    table: list[list[object]] = []
    lines: list[int] = []
    for cells in reader:
        table.append(list(cells))
        lines.append(reader.line_num)
    read = _rows(path, table)
    # A quoted cell may hold line breaks: name the line where the row ends, as csv counts.
    return Table(read.columns, [Row(lines[row.line - 1], row.values) for row in read.rows])


def _read_sheet(path: Path) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook  # noqa: PLC0415 - rarely used

    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        table: list[list[object]] = [list(row) for row in sheet.to_python(skip_empty_area=False)]
    except (CalamineError, ValueError, OSError) as error:
        raise SpreadsheetError(f"{path}: cannot read it as a spreadsheet: {error}") from None
    return _rows(path, table)


def read_rows(path: Path) -> Table:
    """The file's columns and rows, by line; SpreadsheetError when it cannot be read."""
    try:
        if path.is_dir():
            raise SpreadsheetError(f"{path}: a folder, not a spreadsheet; name the file")
        if not path.is_file():
            raise SpreadsheetError(f"{path}: no such file")
        if path.stat().st_size > MAX_BYTES:
            raise SpreadsheetError(f"{path}: over {MAX_BYTES // 1024 // 1024} MiB; not read")
        if path.suffix.lower() in SHEETS:
            return _read_sheet(path)
        return _read_csv(path, path.read_bytes())
    except OSError as error:
        raise SpreadsheetError(f"{path}: cannot read it: {error.strerror}") from None
