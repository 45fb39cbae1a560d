"""The agenda tab: computed times, adding, editing, reordering and retiming items."""

from pathlib import Path

from textual.widgets import DataTable, Static

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import choose, settle


def agenda_rows(app: SummitApp) -> list[list[str]]:
    table = app.screen.query_one("#agenda", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def total(app: SummitApp) -> Static:
    return app.screen.query_one("#agenda-total", Static)


async def open_summit(pilot) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot)  # the sample's first summit
    await pilot.press("enter")
    await settle(pilot)


async def test_items_show_computed_times(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        rows = agenda_rows(app)
        assert rows[0][:3] == ["09:30-09:45", " 15", "Welcome and purpose of the day"]
        assert rows[-1][0] == "12:30-12:50"
        assert "ending 12:50; planned end 13:00" in str(total(app).render())


async def test_adding_an_item_by_typing_updates_times_and_saves(
    app: SummitApp, data_dir: Path
) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    comments = [line for line in path.read_text().splitlines() if line.startswith("#")]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        await pilot.press("down", "a")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*"Open floor")
        await pilot.press("tab", "tab", "tab", "tab")  # kind, topic, lead, minutes
        await pilot.press("ctrl+a", "ctrl+k", *"5")
        await pilot.press("ctrl+s")
        await settle(pilot)
        rows = agenda_rows(app)
        assert rows[2][:3] == ["10:15-10:20", "  5", "Open floor"]
        assert rows[3][0] == "10:20-11:05"
        assert "●" not in app.sub_title  # the form's ctrl+s saved the file too
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert summit.agenda[2].title == "Open floor"
    text = path.read_text()
    assert [line for line in text.splitlines() if line.startswith("#")] == comments


async def test_reordering_and_retiming_with_keys(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        await pilot.press("shift+down")
        await settle(pilot)
        rows = agenda_rows(app)
        assert rows[0][2] == "The scale of child-abuse imagery online"
        assert rows[1][2] == "Welcome and purpose of the day"
        assert rows[1][0] == "10:00-10:15"
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert agenda_rows(app)[1][1] == " 25"
        assert "ending 13:00" in str(total(app).render())
        await pilot.press("plus")
        await settle(pilot)
        assert total(app).has_class("overrun")
        assert "OVERRUNS BY 5 MINUTES" in str(total(app).render())
        assert "overruns by 5 min" in str(app.screen.query_one("#summit-summary", Static).render())


async def test_an_invalid_value_keeps_the_form_open_with_the_message(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-minutes").value = "0"  # type: ignore[attr-defined]
        form.query_one("#field-lead").value = "nobody"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        minutes_error = str(form.query_one("#error-minutes", Static).render())
        lead_error = str(form.query_one("#error-lead", Static).render())
        assert "greater than 0" in minutes_error
        assert "no delegate or organisation 'nobody'" in lead_error
        assert form.query_one("#field-lead").value == "nobody"  # type: ignore[attr-defined]


async def test_a_new_item_on_the_first_row_goes_after_it(app: SummitApp) -> None:
    """Row 0 is a row: `a` there adds the item second, not first (issue 8, item 1)."""
    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Housekeeping")
        await pilot.press("ctrl+s")
        await settle(pilot)
        agenda = app.session.workspace.summits[SAMPLE_SUMMIT].agenda
        assert [item.title for item in agenda[:2]] == [
            "Welcome and purpose of the day",
            "Housekeeping",
        ]
        # Items the app creates carry an id, so merges can follow them; old ones get none.
        assert agenda[1].id is not None and agenda[0].id is None


async def test_the_summit_screen_header_shows_unsaved_changes(app: SummitApp) -> None:
    """The dot is seen where the edit is made, not only on the summits list (issue 8, 2)."""
    from textual.widgets import Header  # noqa: PLC0415

    async with app.run_test(size=(120, 40)) as pilot:
        await open_summit(pilot)
        header = app.screen.query_one(Header)
        assert "●" not in str(header.format_title())
        await pilot.press("plus")
        await settle(pilot)
        shown = str(header.format_title())
        assert SAMPLE_SUMMIT in shown and "● unsaved" in shown
