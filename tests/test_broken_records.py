"""One bad record does not hide the rest (issue 8, item 3): the register's valid records
stay known, each error is reported once where it is, and a broken summit stays listed."""

from pathlib import Path

from textual.widgets import DataTable

from summit.store import load_dataset
from summit.tui.app import make_app
from summit.tui.screens.problems import ProblemsScreen
from summit.workflows.workspace import Workspace
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, settle


def misspell_one_email(root: Path) -> None:
    register = root / "invitees.toml"
    text = register.read_text()
    start = text.index("[organisations.google.delegates.google-policy]")
    at = text.index("email =", start)
    register.write_text(text[:at] + "emial =" + text[at + len("email =") :])


def test_a_typo_in_one_delegate_is_reported_once_where_it_is(data_dir: Path, cli) -> None:
    misspell_one_email(data_dir)
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if line.strip()]
    assert any("invitees.toml" in line and "emial" in line for line in lines)
    assert not [line for line in lines if "not in the register" in line]
    workspace = Workspace(load_dataset(data_dir))
    assert not workspace.writable
    assert "secretary-of-state" in workspace.register.delegate_index()
    assert "google-policy" not in workspace.register.delegate_index()
    assert [f for f in workspace.findings() if "not in the register" in f.message] == []


def test_a_summit_reference_error_is_still_found_beside_a_broken_register(
    data_dir: Path, cli
) -> None:
    misspell_one_email(data_dir)
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    summit.write_text(summit.read_text().replace('lead = "iwf-chief-executive"', 'lead = "nobody"'))
    result = cli("validate", "--data", data_dir)
    assert "lead 'nobody' is neither" in result.out


async def test_a_broken_summit_stays_in_the_list_and_opens_its_problems(data_dir: Path) -> None:
    broken = data_dir / "agendas" / "second-summit.toml"
    broken.write_text('title = "Second summit"\nstart = "not a date"\n')
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        while isinstance(app.screen, ProblemsScreen):  # the read-only notice at launch
            await pilot.press("escape")
            await settle(pilot)
        table = app.screen.query_one("#summits", DataTable)
        ids = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
        assert ids == ["second-summit", SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT]  # coming, then held
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("c")  # copying an unreadable summit does nothing, and no crash
        await settle(pilot)
        assert app.is_running
