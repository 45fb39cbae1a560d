"""Issue 10 in the app: the new fields in forms and tabs, and the papers dialog."""

from pathlib import Path

from textual.widgets import Button, Checkbox, DataTable, Input, Select, Static, TextArea

from summit.model import Classification
from summit.store import load_dataset
from summit.tui.app import SummitApp
from summit.tui.screens.form import FormScreen
from summit.tui.screens.papers import PapersScreen
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.papers.reading import banners, docx_text
from tests.tui.conftest import choose, settle
from tests.tui.test_long_text import on_screen


def summit(app: SummitApp):  # type: ignore[no-untyped-def]
    return app.session.workspace.summits[SAMPLE_SUMMIT]


async def open_tab(pilot, tab: str, summit_id: str = SAMPLE_SUMMIT) -> None:  # type: ignore[no-untyped-def]
    await choose(pilot, summit_id)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press(tab)
    await settle(pilot)


async def test_the_papers_key_writes_every_paper_and_lists_them(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("plus")  # an unsaved change: writing saves it first
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, PapersScreen)
        folder = app.screen.query_one("#papers-folder", Input)
        assert folder.value == str(data_dir / "exports")  # the CLI's default too
        await pilot.click("#papers-run")
        await settle(pilot)
        result = str(app.screen.query_one("#papers-result", Static).render())
        assert "Wrote 9 files:" in result
        assert f"{SAMPLE_SUMMIT}-briefing-pack-internal.html" in result
        assert app.screen.query_one("#papers-run", Button).disabled is False
    out = data_dir / "exports"
    assert len(list(out.iterdir())) == 9
    pack = out / f"{SAMPLE_SUMMIT}-briefing-pack-internal.docx"
    assert "09:30–09:50" in docx_text(pack)  # the welcome, 5 minutes longer: saved first
    assert banners(pack)[0] == ["OFFICIAL-SENSITIVE"]
    assert load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.agenda[0].minutes == 20


async def test_only_the_ticked_papers_are_written(app: SummitApp, tmp_path: Path) -> None:
    out = tmp_path / "press"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("ctrl+o")
        await settle(pilot)
        app.screen.query_one("#papers-folder", Input).value = str(out)
        await pilot.click("#paper-brief")
        await pilot.click("#paper-note")
        assert app.screen.query_one("#paper-brief", Checkbox).value is False
        await pilot.click("#papers-run")
        await settle(pilot)
        assert "Wrote 2 files:" in str(app.screen.query_one("#papers-result", Static).render())
    assert sorted(p.name for p in out.iterdir()) == [
        f"{SAMPLE_SUMMIT}-press-notice.docx",
        f"{SAMPLE_SUMMIT}-press-notice.md",
    ]


async def test_a_folder_that_cannot_be_written_says_so_and_writes_nothing(
    app: SummitApp, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("ctrl+o")
        await settle(pilot)
        app.screen.query_one("#papers-folder", Input).value = str(blocker / "papers")
        await pilot.click("#papers-run")
        await settle(pilot)
        assert "Nothing written" in str(app.screen.query_one("#papers-result", Static).render())
        assert app.screen.query_one("#papers-run", Button).disabled is False
    assert blocker.read_text() == "not a folder"


async def test_an_agenda_item_takes_lines_to_take_a_summary_and_a_marking(
    app: SummitApp, data_dir: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "1")
        await pilot.press("down", "e")  # the second item
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-lines_to_take", TextArea).text = "Thank the IWF first."
        form.query_one("#field-summary", TextArea).text = "The IWF set out its figures."
        form.query_one("#field-decisions", TextArea).text = "Figures every quarter."
        form.query_one("#field-classification", Select).value = "OFFICIAL-SENSITIVE"
        await pilot.press("ctrl+s")
        await settle(pilot)
        item = summit(app).agenda[1]
        assert item.lines_to_take == "Thank the IWF first."
        assert item.classification is Classification.OFFICIAL_SENSITIVE
        row = app.screen.query_one("#agenda", DataTable).get_row_at(1)
        assert str(row[2]).startswith("(sensitive) The scale")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record.agenda[1]
    assert saved.summary == "The IWF set out its figures."
    assert saved.decisions == "Figures every quarter."


async def test_an_action_can_be_marked_sensitive(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "3")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#field-classification", Select).value = "OFFICIAL-SENSITIVE"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert summit(app).actions[0].classification is Classification.OFFICIAL_SENSITIVE
        row = app.screen.query_one("#outputs", DataTable).get_row_at(0)
        assert str(row[4]).startswith("(sensitive) Circulate")


async def test_attendance_goes_round_came_did_not_come_not_recorded(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down", "down", "down", "down")  # Facebook's delegate
        table = app.screen.query_one("#invitees", DataTable)

        def came() -> str:
            return str(table.get_row_at(table.cursor_row)[4])

        assert came() == "" and "facebook" not in [
            o for o, i in summit(app).invitations.items() if i.attended
        ]
        await pilot.press("a")
        await settle(pilot)
        assert came() == "yes"
        assert summit(app).invitations["facebook"].attended == {"facebook-policy": True}
        await pilot.press("a")
        await settle(pilot)
        assert came() == "no"
        await pilot.press("a")
        await settle(pilot)
        assert came() == "" and summit(app).invitations["facebook"].attended == {}


async def test_attendance_is_in_the_pane_when_the_came_column_is_cut(app: SummitApp) -> None:
    """At 80 columns the Came column is off screen: the row's pane says it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down", "down", "down", "down", "a")  # Facebook's delegate
        await settle(pilot)
        assert "attended" in on_screen(app.screen.query_one("#invitees-detail"))
        await pilot.press("a")
        await settle(pilot)
        assert "didnotattend" in on_screen(app.screen.query_one("#invitees-detail"))


async def test_follows_must_name_another_summit(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "4")
        await pilot.press("e")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        follows = form.query_one("#field-follows", Input)
        follows.value = SAMPLE_SUMMIT
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(form.query_one("#error-follows", Static).render())
        assert "cannot follow itself" in error
        follows.value = "an-earlier-summit"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "no summit 'an-earlier-summit'" in str(
            form.query_one("#error-follows", Static).render()
        )
        assert app.screen is form
        assert summit(app).follows is None


async def test_the_outputs_tab_says_where_the_series_stands(data_dir: Path) -> None:
    from summit.tui.app import make_app  # noqa: PLC0415
    from tests.tui.conftest import TODAY  # noqa: PLC0415

    # The sample's follow-up follows the summit held, whose actions are done and whose
    # commitments are one met (Google's) and one open (the IWF's).
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "3", SAMPLE_FOLLOW_UP)
        summary = str(app.screen.query_one("#outputs-summary", Static).render())
        assert summary.startswith("0 actions, 0 commitments")
        assert (
            "Earlier in the series (1 summit): 0 open actions; commitments: 1 met, 1 open"
        ) in summary
