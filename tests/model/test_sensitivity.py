"""Issue 10: the one filter that keeps sensitive records inside the department."""

from pathlib import Path

from summit.model import Classification
from summit.model.schedule import schedule
from summit.model.sensitivity import WITHHELD_TITLE, is_sensitive, shareable
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT


def test_sensitive_records_are_withheld_and_times_still_add_up(data_dir: Path) -> None:
    summit = load_dataset(data_dir).summits[SAMPLE_SUMMIT].record
    sensitive = [item for item in summit.agenda if is_sensitive(item)]
    assert sensitive, "the sample marks one agenda item sensitive"
    shared = shareable(summit)
    titles = [item.title for item in shared.agenda]
    assert sensitive[0].title not in titles and WITHHELD_TITLE in titles
    assert [(s.start, s.end) for s in schedule(shared)] == [
        (s.start, s.end) for s in schedule(summit)
    ]
    assert all(item.lines_to_take is None and item.background is None for item in shared.agenda)
    assert not any(is_sensitive(a) for a in shared.actions)
    assert len(shared.actions) == len(summit.actions) - 1
    # The summit itself keeps everything: only the copy that goes out is filtered.
    assert any(a.classification is Classification.OFFICIAL_SENSITIVE for a in summit.actions)
    assert summit.agenda[2].lines_to_take
