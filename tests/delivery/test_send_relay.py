"""`summit send` and its relay: how it is reached (from the command line, the environment or the
settings file), TLS, sign-in and the messages for a relay that cannot be used."""

from pathlib import Path

import pytest

from summit.store.preferences import preferences_path
from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.sample_sending import ORGANISATIONS, edit, send, sent_table

pytestmark = pytest.mark.usefixtures("before_the_sample_summit")  # sent before its day


def test_no_relay_reachable_is_a_message(data_dir: Path, cli, smtp_server) -> None:
    port = smtp_server.port
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", "smtp://127.0.0.1:1")
    assert result.code == 1
    assert "cannot use smtp://127.0.0.1:1" in result.err and "nothing was sent" in result.err
    assert "Traceback" not in result.err
    assert port and sent_table(data_dir) == {}


def test_starttls_and_login(data_dir: Path, cli, starttls_server, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_PASSWORD", "s3cret")
    result = send(cli, data_dir, starttls_server, "--yes")
    assert result.code == 0, result.err
    assert len(starttls_server.recorder.received) == ORGANISATIONS
    assert starttls_server.logins == [("summit-lead", "s3cret")]


def test_starttls_no_is_respected(data_dir: Path, cli, starttls_server, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_PASSWORD", "s3cret")
    url = starttls_server.url + "?starttls=no"
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", url)
    assert result.code == 1
    assert "nothing was sent" in result.err and "Traceback" not in result.err
    assert starttls_server.logins == []  # the password never crossed in the clear


def test_a_wrong_password_is_a_message(data_dir: Path, cli, starttls_server, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_PASSWORD", "wrong")
    result = send(cli, data_dir, starttls_server, "--yes")
    assert result.code == 1
    assert "the user name or password was refused" in result.err


def test_no_password_without_a_terminal(data_dir: Path, cli, starttls_server, monkeypatch) -> None:
    monkeypatch.delenv("SUMMIT_SMTP_PASSWORD", raising=False)
    result = send(cli, data_dir, starttls_server, "--yes")
    assert result.code == 1
    assert "set SUMMIT_SMTP_PASSWORD" in result.err


def test_the_relay_from_the_environment_or_the_settings_file(
    data_dir: Path, cli, smtp_server, monkeypatch, tmp_path
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", smtp_server.url)
    assert cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes").code == 0
    assert len(smtp_server.recorder.received) == ORGANISATIONS
    monkeypatch.delenv("SUMMIT_SMTP_URL")
    edit(data_dir, "minutes = 15", "minutes = 20")
    missing = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes")
    assert missing.code == 1 and "no SMTP server" in missing.err

    preferences_path().parent.mkdir(parents=True, exist_ok=True)
    preferences_path().write_text(f'smtp_url = "{smtp_server.url}"\n')
    assert cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes").code == 0
    assert len(smtp_server.recorder.received) == 2 * ORGANISATIONS


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://127.0.0.1", "must start with smtp:// or smtps://"),
        ("smtp://127.0.0.1:99999", "the port is not a number"),
        ("smtp://user:pw@127.0.0.1", "do not put the password in the address"),
    ],
)
def test_a_bad_relay_address_is_a_message(data_dir: Path, cli, url: str, says: str) -> None:
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", url)
    assert result.code == 1
    assert says in result.err
    assert sent_table(data_dir) == {}


def test_smtps_is_tls_from_the_first_byte(data_dir: Path, cli, smtps_server) -> None:
    result = send(cli, data_dir, smtps_server, "--yes")
    assert result.code == 0, result.err
    assert len(smtps_server.recorder.received) == ORGANISATIONS
    plain = smtps_server.url.replace("smtps://", "smtp://")
    refused = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", plain)
    assert "Traceback" not in refused.err
