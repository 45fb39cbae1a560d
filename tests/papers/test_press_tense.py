"""Issue 19, item 5: the press notice tells a coming summit in the future tense, and a draft's
press notice comes with a warning."""

from datetime import UTC, datetime
from pathlib import Path

from summit.papers.document import PaperKind
from summit.papers.writing import write_papers
from summit.store import load_dataset
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.papers.reading import docx_text

BEFORE = datetime(2026, 12, 5, 12, tzinfo=UTC)  # the follow-up is on 2027-01-19
AFTER = datetime(2027, 2, 1, 12, tzinfo=UTC)


def _press(
    data_dir: Path, now: datetime, summit_id: str = SAMPLE_FOLLOW_UP
) -> tuple[str, list[str]]:
    out = data_dir / "out"
    written = write_papers(load_dataset(data_dir), summit_id, out, kinds=[PaperKind.PRESS], now=now)
    return docx_text(out / f"{summit_id}-press-notice.docx"), written.warnings


def test_before_the_day_the_minister_will_chair(data_dir: Path) -> None:
    text, _ = _press(data_dir, BEFORE)
    assert "will chair the summit on 20 January 2027" in text and "chaired" not in text
    assert "Who attended" not in text


def test_after_the_day_the_minister_chaired(data_dir: Path) -> None:
    text, warnings = _press(data_dir, AFTER)
    assert "chaired the summit on 20 January 2027" in text and "will chair" not in text
    assert not any("draft" in warning for warning in warnings)


def test_the_summit_held_is_told_in_the_past_tense(data_dir: Path) -> None:
    text, _ = _press(data_dir, BEFORE, SAMPLE_SUMMIT)
    assert "chaired the summit on 20 January 2026" in text and "will chair" not in text


def test_a_drafts_press_notice_is_written_with_a_warning(data_dir: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml"
    path.write_text(path.read_text().replace('status = "invited"', 'status = "draft"'))
    _, warnings = _press(data_dir, BEFORE)
    assert any("the summit is a draft" in warning for warning in warnings)
    result = cli("papers", SAMPLE_FOLLOW_UP, "--only", "press", "--data", data_dir)
    assert result.code == 0 and "warning: the summit is a draft" in result.err
