"""Server addresses that cannot be used: a message naming where the address came from."""

from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT
from tests.delivery.conftest import free_port

BROKEN = "smtp://priya@[::1"


@pytest.mark.parametrize(
    ("args", "option", "url"),
    [
        (("send", SAMPLE_SUMMIT, "--yes"), "--smtp", BROKEN),
        (("rsvp", "fetch"), "--imap", "imap://priya@[::1"),
        (("publish", SAMPLE_SUMMIT), "--caldav", "http://priya@[::1/cal/"),
    ],
)
def test_a_malformed_address_is_a_message_naming_the_option(
    data_dir: Path, cli, args: tuple[str, ...], option: str, url: str
) -> None:
    result = cli(*args, "--data", data_dir, option, url)
    assert result.code != 0
    assert "Traceback" not in result.err
    assert f"{option}: {url!r} is not a valid address" in result.err


def test_a_malformed_address_from_the_environment_is_named(
    data_dir: Path, cli, monkeypatch
) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_URL", BROKEN)
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes")
    assert result.code == 1
    assert f"SUMMIT_SMTP_URL: {BROKEN!r} is not a valid address" in result.err


@pytest.mark.usefixtures("before_the_sample_summit")  # its day is yet to come
def test_control_characters_in_a_user_name_are_escaped(data_dir: Path, cli, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_SMTP_PASSWORD", "pw")
    url = f"smtp://pri%0d%0aya@127.0.0.1:{free_port()}"
    result = cli("send", SAMPLE_SUMMIT, "--data", data_dir, "--yes", "--smtp", url)
    assert result.code == 1
    assert "pri\\r\\nya@127.0.0.1" in result.err
    assert "\r" not in result.err
    assert "pri\nya" not in result.err
