"""The first screen: the summits list, opening, creating and copying summits."""

from pathlib import Path
from typing import Any

import pytest
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from summit.model import Rsvp
from summit.store import load_dataset
from summit.tui.app import SummitApp, make_app
from summit.tui.screens.form import FormScreen
from summit.tui.screens.summit import SummitScreen
from summit.tui.screens.summits import SummitsScreen
from summit.tui.widgets.tables import FillTable
from summit.workflows.invitations import issue_invite
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.papers.reading import csv_rows
from tests.tui.conftest import TODAY, choose, settle
from tests.tui.test_long_text import on_screen


def texts(cells: list[Any]) -> list[str]:
    return [str(cell) for cell in cells]


async def test_the_first_screen_lists_the_sample_summit(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SummitsScreen)
        table = app.screen.query_one("#summits", DataTable)
        assert table.row_count == 2
        follow_up = texts(table.get_row_at(0))  # what is coming first: the follow-up
        assert follow_up[0] == "2027-01-20 09:30" and follow_up[3] == "7/13 accepted"
        assert follow_up[-1] == SAMPLE_FOLLOW_UP
        row = texts(table.get_row_at(1))  # then the summit held
        assert row[0] == "2026-01-20 09:30"
        assert row[3] == "8/13 accepted"
        assert row[-1] == SAMPLE_SUMMIT


async def test_enter_opens_the_summit(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SummitScreen)
        assert app.screen.summit_id == SAMPLE_SUMMIT


async def test_a_new_summit_is_created_and_saved(app: SummitApp, data_dir: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        values = {
            "id": "follow-up-summit",
            "title": "Follow-up summit",
            "convener": "secretary-of-state",
            "organiser": "summit-lead",
            "start": "2027-04-14 10:00",
            "venue": "Lancaster House",
        }
        for name, value in values.items():
            form.query_one(f"#field-{name}").value = value  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SummitsScreen)
        assert "unsaved" not in app.sub_title  # the form's ctrl+s saved the new file
    dataset = load_dataset(data_dir)
    assert dataset.errors == []
    assert dataset.summits["follow-up-summit"].record.venue == "Lancaster House"


async def test_copy_as_follow_up_keeps_agenda_and_resets_replies(app: SummitApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-id").value = "second-summit"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        copy = app.session.workspace.summits["second-summit"]
        original = app.session.workspace.summits[SAMPLE_SUMMIT]
        assert [i.title for i in copy.agenda] == [i.title for i in original.agenda]
        assert [i.lines_to_take for i in copy.agenda] == [i.lines_to_take for i in original.agenda]
        assert copy.invite is None and copy.actions == []
        assert {str(r) for i in copy.invitations.values() for r in i.rsvp.values()} == {
            "needs-action"
        }
        await pilot.press("ctrl+s")
        await settle(pilot)


async def test_a_follow_up_starts_with_no_attendance_summary_or_decisions(
    app: SummitApp, data_dir: Path, cli
) -> None:
    """Issue 19, item 1: last year's record is not the follow-up's, on screen or on disk."""
    original = app.session.workspace.summits[SAMPLE_SUMMIT]
    assert any(i.attended for i in original.invitations.values())
    assert any(item.summary or item.decisions for item in original.agenda)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-id").value = "second-summit"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        copy = app.session.workspace.summits["second-summit"]
        assert all(not invitation.attended for invitation in copy.invitations.values())
        assert all(not item.summary and not item.decisions for item in copy.agenda)
        assert copy.commitments == [] and copy.sent == {} and copy.follows == SAMPLE_SUMMIT
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = (data_dir / "agendas" / "second-summit.toml").read_text()
    assert "attended" not in text.replace("# attended", "")
    assert "summary =" not in text and "decisions =" not in text
    assert load_dataset(data_dir).errors == []
    # The earlier record stays where it was.
    assert load_dataset(data_dir).summits[SAMPLE_SUMMIT].record == original
    result = cli("transparency", "--from", "2026-01-01", "--to", "2028-12-31", "--data", data_dir)
    # The summit held is declared; its copy, a draft, is not.
    assert [row[1] for row in csv_rows(result.out.encode())[1:]] == ["20/01/2026"]


async def test_a_summit_file_made_meanwhile_is_a_message_not_a_crash(
    app: SummitApp, data_dir: Path
) -> None:
    """A colleague created agendas/second-summit.toml after the app loaded the folder."""
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        theirs = data_dir / "agendas" / "second-summit.toml"
        theirs.write_bytes((data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_bytes())
        before = theirs.read_bytes()
        app.screen.query_one("#field-id").value = "second-summit"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        # The file watcher may load theirs meanwhile; our copy must never be the one held.
        assert not any("second-summit" in name for name in app.session.workspace.dirty_files())
        assert any("already exists" in str(n.message) for n in app._notifications)
    assert theirs.read_bytes() == before


async def test_a_follow_up_keeps_no_reply_records_of_the_first_summit(data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 4", 1))
    issue_invite(load_dataset(data_dir), SAMPLE_SUMMIT)  # earlier answers become records
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        app.screen.query_one("#field-id").value = "second-summit"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        copy = app.session.workspace.summits["second-summit"]
        assert all(not invitation.replied for invitation in copy.invitations.values())


async def test_deleting_a_summit_asks_then_removes_its_file_on_save(
    app: SummitApp, data_dir: Path
) -> None:
    """Issue 8, item 13: a summit can be deleted from the app, with a question and an undo.
    The follow-up, the first row (it is coming): nothing follows it."""
    path = data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot, SAMPLE_FOLLOW_UP)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")  # the focused answer keeps it
        await settle(pilot)
        assert SAMPLE_FOLLOW_UP in app.session.workspace.summits
        await pilot.press("x")
        await settle(pilot)
        await pilot.click("#answer-delete")
        await settle(pilot)
        assert SAMPLE_FOLLOW_UP not in app.session.workspace.summits
        assert path.exists()  # not until saved
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert SAMPLE_FOLLOW_UP in app.session.workspace.summits
        assert app.session.workspace.dirty_files() == []
        await choose(pilot, SAMPLE_FOLLOW_UP)  # wherever the undo left the cursor
        await pilot.press("x")
        await settle(pilot)
        await pilot.click("#answer-delete")
        await settle(pilot)
        assert "deleted" in app.sub_title
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.session.workspace.dirty_files() == []
    assert not path.exists()


async def test_a_summit_changed_on_disk_is_not_deleted(app: SummitApp, data_dir: Path) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("x")
        await settle(pilot)
        await pilot.click("#answer-delete")
        await settle(pilot)
        theirs = path.read_text().replace("Conference Room 1", "Conference Room 2")
        path.write_text(theirs)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert any("was not deleted" in str(n.message) for n in app._notifications)
    assert path.read_text() == theirs


async def test_a_follow_up_keeps_the_file_s_comments_proposes_a_date_and_links_back(
    app: SummitApp, data_dir: Path
) -> None:
    """Issue 8, item 11: structure and comments carry over; a year on, the same weekday
    (issue 19: four weeks on was a date gone by); `follows` is set."""
    async with app.run_test(size=(120, 40)) as pilot:
        await choose(pilot)  # the sample's first summit
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-id").value == f"{SAMPLE_SUMMIT}-follow-up"  # type: ignore[attr-defined]
        assert form.query_one("#field-start").value == "2027-01-19 09:30"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}-follow-up.toml").read_text()
    original = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()
    comments = [line for line in original.splitlines() if line.startswith("#")]
    assert [line for line in text.splitlines() if line.startswith("#")] == comments
    follow_up = load_dataset(data_dir).summits[f"{SAMPLE_SUMMIT}-follow-up"].record
    assert follow_up.follows == SAMPLE_SUMMIT
    assert follow_up.start.isoformat() == "2027-01-19T09:30:00"
    assert follow_up.invite is None and follow_up.actions == []


async def test_back_on_the_list_only_the_edited_summit_s_row_is_made_again(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of unchanged summits are kept; the edited one shows its new warnings and replies."""
    agendas = data_dir / "agendas"
    (agendas / "second.toml").write_text((agendas / f"{SAMPLE_SUMMIT}.toml").read_text())
    made: list[str] = []
    original = SummitsScreen._cells

    def counted(summit_id: str, *args: Any) -> tuple[str, ...]:
        made.append(summit_id)
        return original(summit_id, *args)

    monkeypatch.setattr(SummitsScreen, "_cells", staticmethod(counted))
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert sorted(made) == [SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, "second"]
        table = app.screen.query_one("#summits", DataTable)
        before = texts(table.get_row("second"))
        made.clear()
        workspace = app.session.workspace
        summit = workspace.summits["second"].model_copy(deep=True)
        summit.agenda[0].lead = "nobody-here"
        first = next(iter(summit.invitations.values()))
        first.rsvp = dict.fromkeys(first.rsvp, Rsvp.DECLINED)
        workspace.set_summit("second", summit)
        app.session.changed()
        assert isinstance(app.screen, SummitsScreen)
        app.screen.refresh_rows()
        await settle(pilot)
        assert made == ["second"]
        after = texts(table.get_row("second"))
        assert int(after[4]) == int(before[4] or 0) + 1  # one more warning: the unknown lead
        assert after[3] != before[3]  # fewer accepted
        assert str(table.get_row(SAMPLE_SUMMIT)[3]) == before[3]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_the_reply_count_reads_whole(data_dir: Path, size: tuple[int, int]) -> None:
    """'13/13 accepted' showed as '13/13 accepte' even at 120 columns; the pane under
    the table now says it too."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    for answer in ("needs-action", "tentative", "declined"):
        text = text.replace(f'= "{answer}"', '= "accepted"')
    path.write_text(text)
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await choose(pilot)  # the sample's first summit, under its coming follow-up
        await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        assert str(table.get_row(SAMPLE_SUMMIT)[3]) == "13/13 accepted"
        assert "13/13accepted" in on_screen(app.screen.query_one("#summits-detail"))
        if size == (120, 40):
            assert "13/13accepted" in on_screen(app.screen.query_one("#summits"))


async def test_a_new_records_id_field_shows_an_id_of_its_own_kind(app: SummitApp) -> None:
    """The new delegate's and new summit's id fields both said 'e.g. google', an organisation."""
    from textual.widgets import Input  # noqa: PLC0415

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#field-id", Input).placeholder == "e.g. online-safety-summit"
        await pilot.press("escape", "f2")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#field-id", Input).placeholder == "e.g. google-policy"
        await pilot.press("escape", "o")
        await settle(pilot)
        assert app.screen.query_one("#field-id", Input).placeholder == "e.g. google"


async def test_the_list_s_columns_are_fitted_once_as_the_app_starts(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Id column learnt its width only once the table was idle, after the first
    frame: the title column was fitted again and every line drawn again, on the
    screen's thread while 1,000 summits loaded beside it."""
    titles: list[int | None] = []
    fit = FillTable.fit

    def noting(table: FillTable) -> None:
        fit(table)
        if table.id == "summits":
            titles.append(table.columns[ColumnKey("title")].width)

    monkeypatch.setattr(FillTable, "fit", noting)
    app = make_app(data_dir, TODAY, background=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        ids = [str(table.get_cell_at(Coordinate(row, 5))) for row in range(table.row_count)]
        assert table.columns[ColumnKey("id")].width == max(map(len, ids))
    assert titles and len(set(titles)) == 1
