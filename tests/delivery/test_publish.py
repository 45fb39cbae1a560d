"""`summit publish`: the meeting and agenda in a real CalDAV server (Radicale) on 127.0.0.1."""

import os
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
import vobject
from caldav.davclient import DAVClient

from tests.conftest import SAMPLE_SUMMIT, before_it_was_held
from tests.delivery.conftest import free_port

AGENDA_ITEMS = 7  # in the sample summit
DAY = (datetime(2026, 1, 20, tzinfo=UTC), datetime(2026, 1, 21, tzinfo=UTC))


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[str]:
    """Radicale on 127.0.0.1 with one user and an empty calendar; yields the calendar's URL."""
    yield from running_radicale(tmp_path, free_port())


def running_radicale(tmp_path: Path, port: int) -> Iterator[str]:
    users = tmp_path / "users"
    users.write_text("summit:s3cret\n")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "radicale",
            "--server-hosts", f"127.0.0.1:{port}",
            "--storage-filesystem-folder", str(tmp_path / "calendars"),
            "--auth-type", "htpasswd",
            "--auth-htpasswd-filename", str(users),
            "--auth-htpasswd-encryption", "plain",
            "--logging-level", "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        client = DAVClient(
            url=f"http://127.0.0.1:{port}/summit/",
            username="summit",
            password="s3cret",
            enable_rfc6764=False,
            require_tls=False,
        )
        for _ in range(100):
            try:
                client.propfind(f"http://127.0.0.1:{port}/summit/", depth=0)  # makes the principal
                break
            except Exception:
                time.sleep(0.1)
        client.mkcalendar(f"http://127.0.0.1:{port}/summit/team/")
        yield f"http://summit@127.0.0.1:{port}/summit/team/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def calendar(url: str):  # type: ignore[no-untyped-def]
    bare = url.replace("summit@", "")
    client = DAVClient(
        url=bare, username="summit", password="s3cret", enable_rfc6764=False, require_tls=False
    )
    return client.calendar(url=bare)


def on_the_day(url: str) -> dict[str, icalendar.Event]:
    """What the server holds on the summit's day, by UID, checked by vobject too."""
    found = {}
    for item in calendar(url).search(start=DAY[0], end=DAY[1], event=True):
        data = item.data
        vobject.readOne(data)
        component = item.icalendar_component
        found[str(component["UID"])] = component
    return found


def publish(cli, root: Path, url: str):  # type: ignore[no-untyped-def]
    return cli("publish", SAMPLE_SUMMIT, "--data", root, "--caldav", url)


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMIT_CALDAV_PASSWORD", "s3cret")


def edit(root: Path, old: str, new: str) -> None:
    path = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def meeting_uid(root: Path) -> str:
    data = tomllib.loads((root / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text())
    return str(data["invite"]["uid"])


def test_publish_puts_the_meeting_and_each_agenda_item(data_dir: Path, cli, radicale) -> None:
    result = publish(cli, data_dir, radicale)
    assert result.code == 0, result.out + result.err
    assert f"{1 + AGENDA_ITEMS} objects written" in result.out
    found = on_the_day(radicale)
    uid = meeting_uid(data_dir)
    assert uid in found and len(found) == 1 + AGENDA_ITEMS
    meeting = found[uid]
    assert meeting["SUMMARY"] == "Summit on child-abuse imagery, filtering and copyright online"
    assert meeting["DTSTART"].dt == datetime(
        2026, 1, 20, 9, 30, tzinfo=meeting["DTSTART"].dt.tzinfo
    )
    assert all(a.params["SCHEDULE-AGENT"] == "CLIENT" for a in meeting["ATTENDEE"])
    # Nothing on another day.
    assert not calendar(radicale).search(
        start=datetime(2026, 1, 21, tzinfo=UTC), end=datetime(2026, 1, 22, tzinfo=UTC), event=True
    )


def test_publishing_again_updates_by_uid_and_removes_deleted_items(
    data_dir: Path, cli, radicale
) -> None:
    assert publish(cli, data_dir, radicale).code == 0
    edit(data_dir, "Conference Room 1", "Conference Room 4")
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    last = text.rindex("[[agenda]]")
    end = text.index("\n\n", last)
    path.write_text(text[:last] + text[end + 2 :])  # the last agenda item is gone
    result = publish(cli, data_dir, radicale)
    assert result.code == 0, result.out + result.err
    last_id = tomllib.loads(text)["agenda"][-1]["id"]
    assert f"removed agenda-{last_id}-{meeting_uid(data_dir)}" in result.out
    found = on_the_day(radicale)
    assert len(found) == AGENDA_ITEMS  # the meeting and the items left, each once
    assert "Conference Room 4" in str(found[meeting_uid(data_dir)]["LOCATION"])
    assert len(calendar(radicale).events()) == AGENDA_ITEMS


def test_a_cancelled_summit_is_marked_cancelled(
    data_dir: Path, cli, radicale, before_the_sample_summit
) -> None:
    before_it_was_held(data_dir)  # a summit held is never cancelled
    assert publish(cli, data_dir, radicale).code == 0
    assert cli("cancel", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    result = publish(cli, data_dir, radicale)
    assert result.code == 0
    assert "marked cancelled" in result.out
    found = on_the_day(radicale)
    assert len(found) == 1 + AGENDA_ITEMS
    assert {str(event["STATUS"]) for event in found.values()} == {"CANCELLED"}


def test_a_wrong_password_is_a_message(data_dir: Path, cli, radicale, monkeypatch) -> None:
    monkeypatch.setenv("SUMMIT_CALDAV_PASSWORD", "wrong")
    result = publish(cli, data_dir, radicale)
    assert result.code == 1
    assert "could not" in result.err and "Traceback" not in result.err


def port_holding_409() -> int:
    """A free port whose number contains 409, as a status code might be looked for in a message."""
    for port in range(10409, 65536, 1000):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no port with 409 in it is free")


def test_a_wrong_password_is_named_on_a_port_holding_409(
    data_dir: Path, cli, tmp_path: Path, monkeypatch
) -> None:
    # CI chose port 41409 once: the URL in the refusal read as a 409 Conflict.
    monkeypatch.setenv("SUMMIT_CALDAV_PASSWORD", "wrong")
    for url in running_radicale(tmp_path, port_holding_409()):
        result = publish(cli, data_dir, url)
        assert result.code == 1
        assert "could not list the calendar: Unauthorized" in result.err, result.err


def test_no_server_is_a_message(data_dir: Path, cli) -> None:
    result = publish(cli, data_dir, f"http://127.0.0.1:{free_port()}/summit/team/")
    assert result.code == 1
    assert "could not" in result.err and "Traceback" not in result.err
    assert os.environ.get("SUMMIT_CALDAV_PASSWORD") == "s3cret"


def titles_by_uid(url: str) -> dict[str, str]:
    return {uid: str(event["SUMMARY"]) for uid, event in on_the_day(url).items()}


def test_an_agenda_items_object_stays_with_it_when_an_earlier_item_goes(
    data_dir: Path, cli, radicale
) -> None:
    """Removing Coffee must remove Coffee's object, not turn it into the next item."""
    assert publish(cli, data_dir, radicale).code == 0
    before = titles_by_uid(radicale)
    coffee = next(uid for uid, title in before.items() if title == "Coffee")
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    start = text.rindex("[[agenda]]", 0, text.index('title = "Coffee"'))
    path.write_text(text[:start] + text[text.index("\n\n", start) + 2 :])
    result = publish(cli, data_dir, radicale)
    assert result.code == 0, result.out + result.err
    after = titles_by_uid(radicale)
    assert coffee not in after
    assert f"removed {coffee}" in result.out
    del before[coffee]
    assert after == before  # every other object kept its UID and its item


def test_published_items_get_ids_saved_once(data_dir: Path, cli, radicale) -> None:
    assert publish(cli, data_dir, radicale).code == 0
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    ids = [item.get("id") for item in tomllib.loads(path.read_text())["agenda"]]
    assert all(ids) and len(set(ids)) == len(ids)
    text = path.read_text()
    assert "# ── Agenda ─" in text  # comments kept
    assert publish(cli, data_dir, radicale).code == 0
    assert path.read_text() == text  # a second publish does not churn the file


def test_a_missing_calendar_is_named(data_dir: Path, cli, radicale) -> None:
    result = publish(cli, data_dir, radicale.replace("/team/", "/no-such-calendar/"))
    assert result.code == 1
    assert "no calendar at" in result.err, result.err
    assert "no reason" not in result.err and "Traceback" not in result.err


def test_objects_published_by_position_are_replaced_by_objects_by_id(
    data_dir: Path, cli, radicale
) -> None:
    """Calendars written before items had ids hold `agenda-<position>-<UID>` objects."""
    assert publish(cli, data_dir, radicale).code == 0
    uid = meeting_uid(data_dir)
    old = calendar(radicale).add_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//old summit//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:agenda-2-{uid}\r\nDTSTAMP:20261201T000000Z\r\n"
        "DTSTART:20260120T100000Z\r\nDTEND:20260120T103000Z\r\nSUMMARY:Old\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert old is not None
    result = publish(cli, data_dir, radicale)
    assert result.code == 0, result.out + result.err
    assert f"removed agenda-2-{uid}" in result.out
    assert "Old" not in titles_by_uid(radicale).values()
