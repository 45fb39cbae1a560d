"""A summit whose day has passed is never sent: no invitation, update or cancellation.

The sample's first summit was held on 20 January 2026; the story's TODAY is
5 December 2026. Sent through a real SMTP relay on 127.0.0.1, alone and as a
team (real git: a bare remote and two clones).
"""

import tomllib
from datetime import date
from pathlib import Path

import pytest

from summit.model import dates
from tests.conftest import BEFORE_SAMPLE_SUMMIT, SAMPLE_SUMMIT, TODAY, before_it_was_held, snapshot
from tests.delivery.conftest import SmtpServer
from tests.git_fixtures import Team, git

ORGANISATIONS = 12
TOOK_PLACE = (
    f"{SAMPLE_SUMMIT} took place on 20 January 2026: invitations, updates and "
    "cancellations are not sent after the day (nothing was sent)"
)


def send(cli, root: Path, server: SmtpServer, *more: str):
    return cli("send", SAMPLE_SUMMIT, "--data", root, "--smtp", server.url, *more)


def sent_records(root: Path) -> dict[str, object]:
    path = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    return tomllib.loads(path.read_text()).get("sent", {})


def on(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    monkeypatch.setattr(dates, "today", lambda: day)


def test_invitations_to_a_summit_that_took_place_are_not_sent(
    data_dir: Path, cli, smtp_server: SmtpServer
) -> None:
    before = snapshot(data_dir)
    for more in ((), ("--yes",)):  # the dry run says so too
        result = send(cli, data_dir, smtp_server, *more)
        assert result.code == 1
        assert result.err.strip() == f"summit: {TOOK_PLACE}"
        assert "Traceback" not in result.err
    assert smtp_server.recorder.received == []
    assert smtp_server.recorder.attempts == 0
    assert snapshot(data_dir) == before  # not even the invite state is written


def test_an_update_after_the_day_is_not_sent(
    data_dir: Path, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    on(monkeypatch, BEFORE_SAMPLE_SUMMIT)
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    records = sent_records(data_dir)
    assert len(records) == ORGANISATIONS
    # After the day, someone corrects the venue: the diaries are not told.
    on(monkeypatch, TODAY)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 2"))
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert TOOK_PLACE in result.err
    assert len(smtp_server.recorder.received) == ORGANISATIONS
    assert sent_records(data_dir) == records


def test_a_cancellation_after_the_day_is_not_sent(
    data_dir: Path, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    on(monkeypatch, BEFORE_SAMPLE_SUMMIT)
    assert send(cli, data_dir, smtp_server, "--yes").code == 0
    on(monkeypatch, TODAY)
    assert cli("cancel", SAMPLE_SUMMIT, "--data", data_dir).code == 1  # it was held
    # Marked cancelled in its file all the same (it did not take place, say): nothing goes.
    before_it_was_held(data_dir)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace('status = "confirmed"', 'status = "cancelled"', 1))
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 1
    assert (
        f"{SAMPLE_SUMMIT} was cancelled, and its day (20 January 2026) has passed: "
        "invitations, updates and cancellations are not sent after the day"
    ) in result.err
    assert len(smtp_server.recorder.received) == ORGANISATIONS


def test_on_the_day_itself_a_late_change_still_goes(
    data_dir: Path, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    on(monkeypatch, date(2026, 1, 20))
    result = send(cli, data_dir, smtp_server, "--yes")
    assert result.code == 0, result.err
    assert len(smtp_server.recorder.received) == ORGANISATIONS


def test_a_team_send_of_a_summit_that_took_place_claims_nothing(
    team: Team, cli, smtp_server: SmtpServer
) -> None:
    remote_before = git(team.bob, "ls-remote", str(team.remote))
    result = send(cli, team.bob, smtp_server, "--yes")
    assert result.code == 1
    assert TOOK_PLACE in result.err
    assert smtp_server.recorder.received == []
    # No claim was committed or pushed: colleagues see nothing going out.
    assert git(team.bob, "ls-remote", str(team.remote)) == remote_before
    assert "Sending " not in git(team.bob, "log", "--format=%s")
    assert git(team.bob, "status", "--porcelain") == ""
