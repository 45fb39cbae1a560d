"""Editing in a form: tabbing into a field keeps its text, escape asks before dropping edits."""

from pathlib import Path

from textual.widgets import Input, Static

from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.choice import ConfirmScreen
from summit.tui.screens.form import FormScreen
from summit.tui.screens.register import RegisterScreen
from tests.tui.conftest import settle


async def edit_daniel_reyes(pilot) -> None:  # type: ignore[no-untyped-def]
    """The register (f2), Google's first delegate's form (tab to the delegates, e)."""
    await pilot.press("f2")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RegisterScreen)
    await pilot.press("slash", *"google", "tab", "tab", "e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FormScreen)


async def test_tabbing_into_a_field_and_typing_adds_to_its_text(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_daniel_reyes(pilot)
        await pilot.press("tab", *" (acting)")  # from Name into Job title
        await settle(pilot)
        job = app.screen.query_one("#field-job_title", Input)
        assert job.value == "Director of Public Policy, UK (acting)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the register saved
        await settle(pilot)
    register = load_dataset(data_dir).register.record
    person = register.organisations["google"].delegates["google-policy"]
    assert person.job_title == "Director of Public Policy, UK (acting)"
    assert person.name == "Daniel Reyes"  # the first field, focused on opening, kept too


async def test_the_first_field_is_not_selected_when_the_form_opens(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await edit_daniel_reyes(pilot)
        name = app.screen.query_one("#field-name", Input)
        assert app.focused is name
        assert name.selection.is_empty
        assert name.cursor_position == len("Daniel Reyes")


async def type_then_escape(pilot) -> None:  # type: ignore[no-untyped-def]
    """Daniel Reyes's form, " (acting)" added to his job title, then escape: the question."""
    await edit_daniel_reyes(pilot)
    await pilot.press("tab", *" (acting)", "escape")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConfirmScreen)


def job_title(app: SummitApp) -> str:
    return (
        app.session.workspace.register.organisations["google"].delegates["google-policy"].job_title
    )


async def test_escape_after_typing_asks_and_keeps_editing_by_default(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await type_then_escape(pilot)
        assert "Job title" in str(app.screen.query_one("#dialog-message", Static).render())
        await pilot.press("enter")  # Keep editing has the focus
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        job = app.screen.query_one("#field-job_title", Input)
        assert job.value.endswith("(acting)")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.click("#answer-discard")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert job_title(app) == "Director of Public Policy, UK"
        assert app.session.workspace.dirty_files() == []


async def test_ctrl_s_in_the_question_saves_the_form(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await type_then_escape(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        assert job_title(app) == "Director of Public Policy, UK (acting)"


async def test_escape_closes_an_unchanged_form_at_once(app: SummitApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_daniel_reyes(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
        await pilot.press("e", "tab", "x", "backspace", "escape")  # typed, then taken back
        await settle(pilot)
        assert isinstance(app.screen, RegisterScreen)
