"""`summit show` draws the invitees with a LongTable: rich's look, in linear time."""

import io

from rich.console import Console
from rich.table import Table

from summit.cli.long_table import LongTable

ROWS = [
    ("Home Office (optional)", "Ruth Okafor", "accepted"),
    ("Google", "Daniel Reyes", "accepted"),
    ("", "Mei Lin Carter", "tentative"),
    ("Child Exploitation and Online Protection Centre (CEOP)", "Mark Davies", "accepted"),
]


def drawn(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, soft_wrap=True).print(renderable)
    return out.getvalue()


def long_table(rows: list[tuple[str, str, str]]) -> LongTable:
    table = LongTable("Invitees", ["Organisation", "Delegate", "Reply"])
    for org, name, reply in rows:
        table.add_row((org, ""), (name, ""), (reply, "green"))
    return table


def test_it_looks_like_richs_table_at_a_wide_and_a_narrow_terminal() -> None:
    rich_table = Table(title="Invitees", title_justify="left", expand=True)
    for header in ("Organisation", "Delegate", "Reply"):
        rich_table.add_column(header)
    for row in ROWS:
        rich_table.add_row(*row)
    for width in (60, 80, 120, 200):
        assert drawn(long_table(ROWS), width) == drawn(rich_table, width)


def test_cells_that_do_not_fit_wrap_within_the_width() -> None:
    name = "An organisation whose name is far too long for one narrow terminal line"
    lines = drawn(long_table([(name, "Someone", "accepted")]), 40).splitlines()
    assert all(len(line) <= 40 for line in lines)
    body = " ".join(line.split("│")[1].strip() for line in lines if line.startswith("│"))
    assert body == name


def test_control_characters_in_cells_are_shown_escaped() -> None:
    shown = drawn(long_table([("Evil\x1b[31m Ltd", "Bell\x07", "accepted")]), 80)
    assert "\x1b" not in shown and "\x07" not in shown
    assert "Evil\\x1b[31m Ltd" in shown
