"""Issue 19, item 6: what the app (and the CLI, which saves as it does) writes into a summit
file: no empty tables left where attendance was cleared, and a newly invited organisation's
table beside the other invitations, not under the `# ── Agenda ──` heading."""

import tomllib
from pathlib import Path

from summit.store.patch import patch
from summit.tui.app import make_app
from tests.conftest import SAMPLE_SUMMIT
from tests.tui.conftest import TODAY, settle
from tests.tui.test_papers_app import open_tab, summit

BANNER = "# ── Agenda ─"


def _text(root: Path) -> str:
    return (root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text()


def test_a_new_invitation_goes_after_the_last_one_not_under_the_agenda_heading(
    data_dir: Path, cli
) -> None:
    assert cli("uninvite", SAMPLE_SUMMIT, "pipcu", "--yes", "--data", data_dir).code == 0
    assert "[invitations.pipcu" not in _text(data_dir)
    assert cli("invite", SAMPLE_SUMMIT, "pipcu", "--data", data_dir).code == 0
    text = _text(data_dir)
    assert text.index("[invitations.pipcu.rsvp]") < text.index(BANNER)
    heading_onwards = text[text.index(BANNER) :]
    assert heading_onwards.split("\n\n")[1].startswith("[[agenda]]")


def test_clearing_attendance_removes_the_table_it_emptied(data_dir: Path, cli) -> None:
    assert cli("attend", SAMPLE_SUMMIT, "yahoo-policy", "unknown", "--data", data_dir).code == 0
    text = _text(data_dir)
    assert "[invitations.yahoo.attended]" not in text
    assert "[invitations.yahoo.rsvp]" in text and "[invitations.google.attended]" in text
    assert tomllib.loads(text)["invitations"]["yahoo"] == {"rsvp": {"yahoo-policy": "accepted"}}


def test_a_table_that_was_already_empty_stays() -> None:
    text = "[a]\nx = 1\n\n[b]\n\n[c]\ny = 2\n"
    changed = patch(
        text, {"a": {"x": 1}, "b": {}, "c": {"y": 2}}, {"a": {}, "b": {}, "c": {"y": 2}}
    )
    assert changed == "[b]\n\n[c]\ny = 2\n"


async def test_attendance_cleared_in_the_app_leaves_no_empty_table(data_dir: Path) -> None:
    app = make_app(data_dir, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_tab(pilot, "2")
        await pilot.press("down", "down", "down")  # Yahoo's delegate, who came
        await pilot.press("a", "a")  # came -> did not come -> not recorded
        await settle(pilot)
        assert summit(app).invitations["yahoo"].attended == {}
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = _text(data_dir)
    assert "[invitations.yahoo.attended]" not in text and "[invitations.yahoo.rsvp]" in text
