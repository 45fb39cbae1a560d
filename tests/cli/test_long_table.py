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


def test_a_right_justified_column_and_a_caption_look_like_richs() -> None:
    rows = [("09:30–09:45", "Welcome", "15"), ("09:45–11:45", "The long session", "120")]
    rich_table = Table(title="Agenda", title_justify="left", expand=True, caption="135 minutes")
    rich_table.caption_justify = "left"
    rich_table.add_column("Time", no_wrap=True)
    rich_table.add_column("Item")
    rich_table.add_column("Min", justify="right")
    long = LongTable("Agenda", ["Time", "Item", "Min"], right=frozenset({2}), caption="135 minutes")
    for row in rows:
        rich_table.add_row(*row)
        long.add_row(*((cell, "") for cell in row))
    for width in (50, 80, 200):
        assert drawn(long, width) == drawn(rich_table, width)


def test_a_no_wrap_column_keeps_its_width_when_others_shrink() -> None:
    long = LongTable("Agenda", ["Time", "Item"], no_wrap=frozenset({0}))
    long.add_row(("09:30–09:45", ""), ("A title long enough to need wrapping at thirty", ""))
    lines = drawn(long, 30).splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert "│ 09:30–09:45 │" in lines[4]


def test_wide_and_accented_cells_line_up_as_in_richs_table() -> None:
    rows = [("東京都庁", "José Núñez", "accepted"), ("09:30–09:40", "東京都庁", "declined")] * 3
    rich_table = Table(title="Invitees", title_justify="left", expand=True)
    for header in ("Organisation", "Delegate", "Reply"):
        rich_table.add_column(header)
    for row in rows:
        rich_table.add_row(*row)
    for width in (60, 120):
        assert drawn(long_table(rows), width) == drawn(rich_table, width)
