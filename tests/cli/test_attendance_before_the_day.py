"""Who came is recorded on the summit's day or after it, never before (nor for a cancelled
summit): recorded ahead, it declared a meeting not yet held and replaced the acceptances
in the press notice of one still to come."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from summit.model import dates
from summit.papers.document import PaperKind
from summit.papers.writing import write_papers
from summit.store import load_dataset
from tests.conftest import SAMPLE_FOLLOW_UP, snapshot
from tests.model.test_attendance_ahead import attended_by_hand
from tests.papers.reading import docx_text

REFUSED = (
    f"summit: {SAMPLE_FOLLOW_UP} has not started (it is on 20 January 2027): record who "
    "came on the day or after it; nothing was changed"
)


def test_attendance_before_the_day_is_refused(data_dir: Path, cli) -> None:
    before = snapshot(data_dir)
    result = cli("attend", SAMPLE_FOLLOW_UP, "Helen Marsh", "yes", "--data", data_dir)
    assert result.code == 1
    assert REFUSED in result.err
    assert snapshot(data_dir) == before
    assert cli("attend", SAMPLE_FOLLOW_UP, "Helen Marsh", "no", "--data", data_dir).code == 1


def test_attendance_recorded_too_early_by_hand_may_be_forgotten(data_dir: Path, cli) -> None:
    attended_by_hand(data_dir, "iwf", "iwf-chief-executive")
    result = cli("attend", SAMPLE_FOLLOW_UP, "Helen Marsh", "unknown", "--data", data_dir)
    assert result.code == 0, result.err
    assert "attended" not in (data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").read_text()


def test_on_the_day_attendance_is_recorded(
    data_dir: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dates, "today", lambda: date(2027, 1, 20))
    result = cli("attend", SAMPLE_FOLLOW_UP, "Helen Marsh", "yes", "--data", data_dir)
    assert result.code == 0, result.err


def test_nobody_came_to_a_cancelled_summit(data_dir: Path, cli) -> None:
    assert cli("cancel", SAMPLE_FOLLOW_UP, "--data", data_dir).code == 0
    before = snapshot(data_dir)
    result = cli("attend", SAMPLE_FOLLOW_UP, "Helen Marsh", "yes", "--data", data_dir)
    assert result.code == 1
    assert f"{SAMPLE_FOLLOW_UP} is cancelled: nobody's attendance is recorded for it" in result.err
    assert snapshot(data_dir) == before


def test_the_press_notice_of_a_coming_summit_names_who_accepted(data_dir: Path) -> None:
    """Even with one attendance typed in ahead by hand, as the tester found it."""
    attended_by_hand(data_dir, "iwf", "iwf-chief-executive")
    out = data_dir / "out"
    before_the_day = datetime(2026, 12, 5, 12, tzinfo=UTC)
    dataset = load_dataset(data_dir)
    write_papers(dataset, SAMPLE_FOLLOW_UP, out, kinds=[PaperKind.PRESS], now=before_the_day)
    text = docx_text(out / f"{SAMPLE_FOLLOW_UP}-press-notice.docx")
    assert "will chair the summit on 20 January 2027 with 7 organisations." in text
    attending = text[text.index("Who is attending") : text.index("Progress on earlier")]
    for accepted in ("Google", "Microsoft", "BT", "Internet Watch Foundation", "Child Exploit"):
        assert accepted in attending
    for not_accepted in ("Twitter", "Yahoo", "Virgin Media", "Facebook"):
        assert not_accepted not in attending
