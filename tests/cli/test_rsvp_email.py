"""`summit rsvp import` reads replies saved as e-mails (.eml), as mail clients save them."""

from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.cli.test_sending import sample_uid
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.ical.test_replies import reply_file

pytestmark = pytest.mark.usefixtures("sample_still_coming")  # replies before its day


def saved_email(path: Path, calendar: bytes | None) -> Path:
    message = EmailMessage()
    message["From"] = "jess.moreno@twitter.example.org"
    message["Subject"] = "Accepted: Online safety summit"
    message.set_content("Jess Moreno has accepted this invitation.")
    if calendar is not None:
        message.add_attachment(calendar, maintype="text", subtype="calendar")
    path.write_bytes(message.as_bytes())
    return path


def test_a_reply_saved_as_an_email_is_recorded(data_dir: Path, tmp_path: Path, cli) -> None:
    ics = reply_file(
        tmp_path,
        "r.ics",
        uid=sample_uid(data_dir),
        email="jess.moreno@twitter.example.org",
        partstat="ACCEPTED",
    )
    path = saved_email(tmp_path / "reply.eml", ics.read_bytes())
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 0, result.out
    assert f"{SAMPLE_SUMMIT}: twitter-policy (twitter) declined -> accepted" in result.out


def test_an_email_without_a_calendar_is_refused_by_name(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    before = snapshot(data_dir)
    path = saved_email(tmp_path / "thanks.eml", None)
    result = cli("rsvp", "import", path, "--data", data_dir)
    assert result.code == 1
    assert "thanks.eml" in result.out
    assert "an e-mail without a calendar part (text/calendar): not a reply" in result.out
    assert "Traceback" not in result.out + result.err
    assert snapshot(data_dir) == before
