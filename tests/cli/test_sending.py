"""`summit export`, `summit cancel` and `summit rsvp import` from the command line."""

from pathlib import Path

import icalendar
import pytest

from tests.conftest import SAMPLE_SUMMIT, before_it_was_held, snapshot
from tests.ical.test_replies import reply_file, sample_uid


def test_export_ics_writes_the_invite_and_reports_the_sequence(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "out"
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", out)
    assert result.code == 0
    assert "METHOD:REQUEST" in result.err and "SEQUENCE:0" in result.err
    calendar = icalendar.Calendar.from_ical((out / f"{SAMPLE_SUMMIT}.ics").read_bytes())
    assert str(calendar["method"]) == "REQUEST"


def test_export_per_organisation_agenda_and_eml(data_dir: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "out"
    assert (
        cli(
            "export", "ics", SAMPLE_SUMMIT, "--per-organisation", "--data", data_dir, "--out", out
        ).code
        == 0
    )
    assert cli("export", "agenda", SAMPLE_SUMMIT, "--data", data_dir, "--out", out).code == 0
    assert cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir, "--out", out).code == 0
    names = {path.name for path in out.iterdir()}
    assert f"{SAMPLE_SUMMIT}-google.ics" in names
    assert f"{SAMPLE_SUMMIT}-agenda.ics" in names
    assert f"{SAMPLE_SUMMIT}-google.eml" in names


def test_cancel_then_export_sends_a_cancellation(
    data_dir: Path, tmp_path: Path, cli, before_the_sample_summit
) -> None:
    before_it_was_held(data_dir)
    assert cli("cancel", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", tmp_path)
    assert "METHOD:CANCEL" in result.err and "SEQUENCE:1" in result.err


def test_an_unknown_summit_is_a_clear_error(data_dir: Path, tmp_path: Path, cli) -> None:
    result = cli("export", "ics", "online-safety", "--data", data_dir, "--out", tmp_path)
    assert result.code == 1
    assert "did you mean 'online-safety-summit'" in result.err


def test_export_refuses_a_summit_with_errors(data_dir: Path, tmp_path: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace('lead = "iwf-chief-executive"', 'lead = "nobody"'))
    before = snapshot(data_dir)
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", tmp_path / "o")
    assert result.code == 1
    assert "lead 'nobody'" in result.out
    assert not (tmp_path / "o").exists()
    assert snapshot(data_dir) == before


@pytest.mark.usefixtures("sample_still_coming")  # a reply before its day
def test_rsvp_import_prints_what_changed(data_dir: Path, tmp_path: Path, cli) -> None:
    path = reply_file(
        tmp_path,
        "r.ics",
        uid=sample_uid(data_dir),
        email="jess.moreno@twitter.example.org",
        partstat="ACCEPTED",
    )
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 0
    assert f"{SAMPLE_SUMMIT}: twitter-policy (twitter) declined -> accepted" in result.out


def test_rsvp_import_of_a_non_reply_fails_and_writes_nothing(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "out"
    cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", out)
    before = snapshot(data_dir)
    result = cli("rsvp", "import", out / f"{SAMPLE_SUMMIT}.ics", "--data", data_dir)
    assert result.code == 1
    assert "not REPLY" in result.out
    assert snapshot(data_dir) == before


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", blocker / "out")
    assert result.code == 1
    assert "summit: cannot write" in result.err
    assert "Traceback" not in result.err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_export_that_fails_midway_writes_nothing(data_dir: Path, tmp_path: Path, cli) -> None:
    # A change attendees must see, so a successful export would raise SEQUENCE...
    _edit(data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml", "Conference Room 1", "Room 2")
    # ...and a folder where the seventh e-mail must go, so the export cannot finish.
    out = tmp_path / "out"
    (out / f"{SAMPLE_SUMMIT}-twitter.eml").mkdir(parents=True)
    before = snapshot(data_dir)
    result = cli("export", "eml", SAMPLE_SUMMIT, "--data", data_dir, "--out", out)
    assert result.code == 1
    assert "summit: cannot write" in result.err
    assert f"{SAMPLE_SUMMIT}-twitter.eml" in result.err
    assert "Traceback" not in result.out + result.err
    assert snapshot(data_dir) == before
    assert [p.name for p in out.rglob("*")] == [f"{SAMPLE_SUMMIT}-twitter.eml"]


def test_a_date_beyond_what_calendars_carry_is_refused_at_its_line(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    _edit(
        data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml",
        "end = 2026-01-20T13:00:00",
        "end = 9999-01-01T00:00:00",
    )
    before = snapshot(data_dir)
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", tmp_path / "out")
    assert result.code == 1
    assert (
        f"agendas/{SAMPLE_SUMMIT}.toml:9:1: end: 9999-01-01 is outside the dates summit can "
        "schedule and send (1970-01-01 to 2199-12-31)"
    ) in result.out
    assert "Traceback" not in result.out + result.err
    assert snapshot(data_dir) == before
    assert not (tmp_path / "out").exists()


def test_exporting_a_draft_or_to_nobody_warns(data_dir: Path, tmp_path: Path, cli) -> None:
    """Issue 8, item 5: sending a draft, or a summit with no invitees, is said aloud."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace('status = "held"', 'status = "draft"'))
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", tmp_path / "o")
    assert result.code == 0
    assert "warning: this summit is still a draft" in result.err
    assert "nobody is invited" not in result.err
    text = path.read_text()
    cut = text.index("[invitations.")
    path.write_text(text[:cut] + text[text.index("# ── Agenda") :])
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir, "--out", tmp_path / "p")
    assert "warning: nobody is invited yet" in result.err


@pytest.mark.usefixtures("sample_still_coming")  # a reply before its day
def test_an_import_that_clashes_with_a_change_made_meanwhile_writes_nothing(
    data_dir: Path, tmp_path: Path, cli, monkeypatch
) -> None:
    """Someone set Twitter's reply after the command read the files: asked, never overwritten."""
    from summit.cli import sending  # noqa: PLC0415
    from summit.store import load_dataset  # noqa: PLC0415

    read_earlier = load_dataset(data_dir)  # what the command read, before the other change
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(
        path.read_text().replace('twitter-policy = "declined"', 'twitter-policy = "tentative"')
    )
    theirs = path.read_bytes()
    monkeypatch.setattr(sending, "dataset_for", lambda args: read_earlier)
    reply = reply_file(
        tmp_path,
        "r.ics",
        uid=sample_uid(data_dir),
        email="jess.moreno@twitter.example.org",
        partstat="ACCEPTED",
    )
    result = cli("rsvp", "import", reply, "--data", data_dir)
    assert result.code == 1
    assert "twitter-policy" in result.err and "nothing was written" in result.err
    assert "Traceback" not in result.err
    assert path.read_bytes() == theirs


def test_exports_go_to_the_one_default_folder_beside_the_data(data_dir: Path, cli) -> None:
    """Issue 8, item 10: CLI and app share one default, exports/, which git setup ignores."""
    result = cli("export", "ics", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 0
    assert (data_dir / "exports" / f"{SAMPLE_SUMMIT}.ics").is_file()
