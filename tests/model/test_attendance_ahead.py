"""Issue 19, item 2: attendance recorded for a meeting that has not started is a warning, in
`summit validate` and in the app (never an error: the file is still good). `summit attend`
and the app refuse to record it (tests/cli/test_attendance_before_the_day.py): these
tests write it into the file by hand. The bundled sample is coherent: its first summit
was held with attendance, its follow-up is coming without."""

from datetime import date
from pathlib import Path

from textual.widgets import Static

from summit.model.attendance_checks import attendance_ahead
from summit.store import load_dataset
from summit.tui.app import make_app
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, settle

WARNING = "for a meeting that has not started (it is on 20 Jan 2027): record who came after"


def test_no_warning_once_the_day_has_come(data_dir: Path) -> None:
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert list(attendance_ahead(summit, date(2026, 1, 20), lambda *path: path)) == []
    ahead = list(attendance_ahead(summit, date(2026, 1, 19), lambda *path: path))
    assert [message for _, _, message in ahead] == [
        "attendance recorded (8 organisations) for a meeting that has not started "
        "(it is on 20 Jan 2026): record who came after the day"
    ]


def test_the_sample_records_attendance_only_for_the_summit_held(data_dir: Path, cli) -> None:
    result = cli("validate", "--data", data_dir)
    assert result.code == 0
    assert "0 errors, 0 warnings" in result.err


def attended_by_hand(root: Path, org_id: str, delegate_id: str) -> None:
    """`[invitations.ORG.attended]` typed into the follow-up's file, as an editor might."""
    path = root / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    rsvp = f"[invitations.{org_id}.rsvp]\n{delegate_id} = "
    text = path.read_text()
    assert rsvp in text
    table = f"[invitations.{org_id}.attended]\n{delegate_id} = true\n\n"
    path.write_text(text.replace(rsvp, table + rsvp, 1))


def test_validate_warns_of_attendance_recorded_for_the_follow_up(data_dir: Path, cli) -> None:
    attended_by_hand(data_dir, "iwf", "iwf-chief-executive")
    result = cli("validate", "--data", data_dir)
    assert result.code == 0  # a warning: the file is still good
    path = data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    line = next(
        n
        for n, text in enumerate(path.read_text().splitlines(), 1)
        if text == "[invitations.iwf.attended]"
    )
    assert (
        f"{SAMPLE_FOLLOW_UP}.toml:{line}:1: warning: invitations.iwf.attended: "
        "attendance recorded (1 organisation) " + WARNING
    ) in result.out
    assert "0 errors, 1 warning" in result.err


async def test_the_app_warns_of_attendance_recorded_for_the_follow_up(data_dir: Path, cli) -> None:
    attended_by_hand(data_dir, "google", "google-policy")
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the follow-up: coming, so listed first
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        findings = str(app.screen.query_one("#findings", Static).render())
        assert "attendance recorded (1 organisation)" in findings
        assert "has not started" in findings
        assert app.screen.title == SAMPLE_FOLLOW_UP
