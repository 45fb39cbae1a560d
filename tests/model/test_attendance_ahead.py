"""Issue 19, item 2: attendance recorded for a meeting that has not started is a warning, in
`summit validate` and in the app (never an error: the file is still good). The check is
built and tested here; it is wired into validation once the sample is retold."""

from datetime import date
from pathlib import Path

from summit.model.attendance_checks import attendance_ahead
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT

WARNING = "attendance recorded (8 organisations) for a meeting that has not started"


def test_no_warning_once_the_day_has_come(data_dir: Path) -> None:
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    assert list(attendance_ahead(summit, date(2027, 1, 20), lambda *path: path)) == []
    assert len(list(attendance_ahead(summit, date(2027, 1, 19), lambda *path: path))) == 1
