"""`summit cancel` never erases a meeting that took place from the transparency return: a
summit held, with attendance recorded, or whose day has passed is not cancelled; and a
summit cancelled before says what is left to do, not always "run summit send"."""

from pathlib import Path

from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT, before_it_was_held, snapshot
from tests.papers.reading import csv_rows

JANUARY = ("--from", "2026-01-01", "--to", "2026-01-31")


def _summit_file(root: Path, summit_id: str = SAMPLE_SUMMIT) -> Path:
    return root / "agendas" / f"{summit_id}.toml"


def _replace(root: Path, old: str, new: str, summit_id: str = SAMPLE_SUMMIT) -> None:
    path = _summit_file(root, summit_id)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_summit_held_is_not_cancelled_and_stays_in_the_return(data_dir: Path, cli) -> None:
    before = snapshot(data_dir)
    result = cli("cancel", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 1
    assert (
        f"summit: {SAMPLE_SUMMIT} is marked held (it took place on 20 January 2026); a meeting "
        "that took place is not cancelled: a cancelled one is left out of the transparency "
        "return; nothing was changed"
    ) in result.err
    assert "summit send" not in result.err
    assert snapshot(data_dir) == before
    declared = cli("transparency", *JANUARY, "--data", data_dir)
    assert [row[1] for row in csv_rows(declared.out.encode())[1:]] == ["20/01/2026"]


def test_a_summit_with_attendance_recorded_is_not_cancelled(data_dir: Path, cli) -> None:
    _replace(data_dir, 'status = "held"', 'status = "confirmed"')
    before = snapshot(data_dir)
    result = cli("cancel", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 1
    assert "took place on 20 January 2026: who came is recorded (7 organisations)" in result.err
    assert snapshot(data_dir) == before


def test_a_summit_whose_day_has_passed_is_not_cancelled(data_dir: Path, cli) -> None:
    before_it_was_held(data_dir)  # confirmed, nothing recorded: it may have taken place
    before = snapshot(data_dir)
    result = cli("cancel", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 1
    assert f"the day of {SAMPLE_SUMMIT} (20 January 2026) has passed" in result.err
    assert f"set its status to cancelled in agendas/{SAMPLE_SUMMIT}.toml" in result.err
    assert snapshot(data_dir) == before


def test_a_coming_summit_is_cancelled_and_once_only(data_dir: Path, cli) -> None:
    first = cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir)
    assert first.code == 0, first.err
    assert f"{SAMPLE_FOLLOW_UP} is cancelled; run `summit send {SAMPLE_FOLLOW_UP}`" in first.err
    assert 'status = "cancelled"' in _summit_file(data_dir, SAMPLE_FOLLOW_UP).read_text()
    before = snapshot(data_dir)
    again = cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir)
    assert again.code == 0
    assert f"{SAMPLE_FOLLOW_UP} was already cancelled; run `summit send" in again.err
    assert snapshot(data_dir) == before


def test_a_cancellation_already_sent_is_not_asked_for_again(data_dir: Path, cli) -> None:
    """As `summit send` leaves the file once every organisation has the cancellation."""
    path = _summit_file(data_dir, SAMPLE_FOLLOW_UP)
    text = path.read_text().replace('status = "invited"', 'status = "cancelled"', 1)
    text = text.replace('status = "CONFIRMED"', 'status = "CANCELLED"').replace(
        'method = "REQUEST"', 'method = "CANCEL"'
    )
    path.write_text(text)
    assert cli("validate", "--data", data_dir).code == 0
    before = snapshot(data_dir)
    result = cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir)
    assert result.code == 0
    assert result.err.strip() == (
        f"{SAMPLE_FOLLOW_UP} was already cancelled, and its cancellation was sent: "
        "nothing more to do"
    )
    assert snapshot(data_dir) == before


def test_a_cancelled_summit_that_records_who_came_is_an_error(data_dir: Path, cli) -> None:
    """Edited by hand (or merged): one of the two is untrue, and the return would drop it."""
    _replace(data_dir, 'status = "held"', 'status = "cancelled"')
    result = cli("validate", "--data", data_dir)
    assert result.code == 1
    assert (
        f"{SAMPLE_SUMMIT}.toml:12:1: status: the summit is cancelled, but 7 "
        "organisations came (attendance recorded): set the status to held if it took place"
    ) in result.out
    declared = cli("transparency", *JANUARY, "--data", data_dir)
    assert declared.code == 1 and "Nil return" not in declared.out
