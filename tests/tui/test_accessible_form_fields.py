"""Accessible mode: each form field is named in words as the focus reaches it (issue 22 item 2).

Tried with Orca 43 in a VTE terminal: Tab between fields said only "tab", as the
cursor's line holds the value but not the label above it; with a line of the form
that names the field and its value, Orca reads it at each Tab ("Topic: Opening").
"""

from pathlib import Path

import pytest
from textual.widgets import Static

from summit.tui.app import make_app
from tests.tui.conftest import TODAY, settle
from tests.tui.test_invitees_and_outputs import open_tab
from tests.tui.test_long_text import on_screen


def said(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#form-focus", Static).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_tab_names_each_field_and_what_it_holds(data_dir: Path, size) -> None:
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e")
        await settle(pilot)
        assert said(app) == "Field: Title: Welcome and purpose of the day"
        assert "Field:Title:Welcome" in on_screen(app.screen.query_one("#form-focus"))
        await pilot.press("tab")
        await settle(pilot)
        assert said(app) == "Field: Kind: not set"
        await pilot.press("tab", "tab")
        await settle(pilot)
        assert said(app).startswith(
            "Field: Lead (a delegate or an organisation): Secretary of State - "
        )  # the person's name, not the id the file keeps


async def test_without_the_mode_the_form_has_no_such_line(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY, accessible=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("e", "tab")
        await settle(pilot)
        assert not app.screen.query_one("#form-focus").display


async def test_the_line_naming_the_field_stays_in_view_as_a_long_form_scrolls(
    data_dir: Path,
) -> None:
    """At 80x24 the line scrolled off with the first fields of the summit's details, and
    the screen reader read the venue or the status without its label (found working
    keyboard-only in accessible mode)."""
    app = make_app(data_dir, today=TODAY, accessible=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "4")
        await pilot.press("e")
        await settle(pilot)
        for _ in range(8):
            await pilot.press("tab")
        await settle(pilot)
        line = app.screen.query_one("#form-focus")
        assert said(app).startswith("Field: ") and "Title" not in said(app)
        assert app.screen.query_one("#form").scroll_y > 0  # the form has scrolled
        assert "Field:" in on_screen(line)  # and the line is still on screen
