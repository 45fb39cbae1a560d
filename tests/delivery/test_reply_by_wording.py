"""The invitation and the reminder ask for replies by the summit's reply-by date (issue 19)."""

import re
from pathlib import Path

from tests.conftest import SAMPLE_FOLLOW_UP
from tests.delivery.conftest import SmtpServer


def _set_reply_by(root: Path, day: str, summit_id: str = SAMPLE_FOLLOW_UP) -> None:
    path = root / "agendas" / f"{summit_id}.toml"
    text = path.read_text()
    path.write_text(re.sub(r"(?m)^(end = .*)$", rf"\1\nreply_by = {day}", text, count=1))


def _bodies(server: SmtpServer, start: int = 0) -> list[str]:
    return [
        item.message.get_body(("plain",)).get_content() for item in server.recorder.received[start:]
    ]


def test_a_reminder_opens_by_asking_for_a_reply_by_the_date(
    data_dir: Path, cli, smtp_server
) -> None:
    _set_reply_by(data_dir, "2027-01-08")
    assert cli("validate", "--data", data_dir).code == 0
    result = cli("remind", SAMPLE_FOLLOW_UP, "--data", data_dir, "--smtp", smtp_server.url, "--yes")
    assert result.code == 0, result.err
    bodies = _bodies(smtp_server)
    assert bodies
    for body in bodies:
        first = body.splitlines()[0]
        assert first.startswith("A reminder: we have not had your reply to this invitation.")
        assert "Please reply by Friday 8 January 2027 using your calendar's" in first


def test_an_invitation_asks_for_a_reply_by_the_date(data_dir: Path, cli, smtp_server) -> None:
    result = cli("new", "next", "--from", SAMPLE_FOLLOW_UP, "--data", data_dir, "--title",
                 "Next", "--start", "2027-03-10 09:30", "--end", "2027-03-10 13:00")  # fmt: skip
    assert result.code == 0, result.err
    _set_reply_by(data_dir, '2027-01-08\nstatus = "invited"', "next")
    sent = cli("send", "next", "--data", data_dir, "--smtp", smtp_server.url, "--yes")
    assert sent.code == 0, sent.err
    bodies = _bodies(smtp_server)
    assert bodies
    for body in bodies:
        assert body.startswith(
            "You are invited to the meeting below. Please reply by Friday 8 January 2027 using"
        )


def test_without_a_date_or_once_it_has_passed_none_is_named(
    data_dir: Path, cli, smtp_server
) -> None:
    _set_reply_by(data_dir, "2026-12-01")  # before the day the tests are pinned to
    result = cli("remind", SAMPLE_FOLLOW_UP, "--data", data_dir, "--smtp", smtp_server.url, "--yes")
    assert result.code == 0, result.err
    bodies = _bodies(smtp_server)
    assert bodies
    assert all("Please reply using your calendar's" in body for body in bodies)
