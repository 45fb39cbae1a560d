"""Issue 19, item 2: attendance recorded for a meeting that has not started is a warning, in
`summit validate` and in the app (never an error: the file is still good)."""

from datetime import date
from pathlib import Path

from summit.model.attendance_checks import attendance_ahead
from summit.store import load_dataset
from summit.tui.app import make_app
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import settle

WARNING = "attendance recorded (8 organisations) for a meeting that has not started"


def test_validate_warns_of_attendance_before_the_day(data_dir: Path, cli) -> None:
    result = cli("validate", "--data", data_dir)  # today 2026-12-05; the sample is 2027-01-20
    assert result.code == 0, result.out + result.err
    assert f"warning: invitations.google.attended: {WARNING}" in result.out + result.err


def test_no_warning_once_the_day_has_come(data_dir: Path) -> None:
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert list(attendance_ahead(summit, date(2027, 1, 20), lambda *path: path)) == []
    assert len(list(attendance_ahead(summit, date(2027, 1, 19), lambda *path: path))) == 1


def test_a_summit_with_no_attendance_has_no_warning(data_dir: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    kept = [block for block in text.split("\n\n") if ".attended]" not in block]
    path.write_text("\n\n".join(kept))
    result = cli("validate", "--data", data_dir)
    assert result.code == 0 and "has not started" not in result.out + result.err


async def test_the_app_shows_the_warning_in_the_summits_details(data_dir: Path) -> None:
    app = make_app(data_dir, today=date(2026, 11, 29))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        shown = app.session.workspace.summit_findings(SAMPLE_SUMMIT)
        assert any(WARNING in finding.message for finding in shown)
        assert str(shown[0].severity) == "warning"
