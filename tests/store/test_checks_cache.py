"""What checking a data folder found is kept with the records (issue 23 item 6).

Checking 1,000 summits against their register took a fifth of a later start. Kept
in the user's cache with the digest of every file and the day (the checks look at
what is coming), it is used again only when all of them match.
"""

from datetime import date
from pathlib import Path

import pytest

from summit.model import dates
from summit.store import dataset as dataset_module
from summit.store import load_dataset
from summit.store.record_cache import RecordCache
from tests.conftest import SAMPLE_SUMMIT


@pytest.fixture
def checks_run(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many summits each check of a whole folder looked at, in order."""
    runs: list[int] = []
    real = dataset_module.check_dataset_by_part

    def counting(register, summits, *args):  # type: ignore[no-untyped-def]
        runs.append(len(summits))
        return real(register, summits, *args)

    monkeypatch.setattr(dataset_module, "check_dataset_by_part", counting)
    return runs


@pytest.fixture
def data_dir(data_dir: Path) -> Path:
    """The sample with a warning: the held summit's room changed since its invites went."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 4", 1))
    return data_dir


def findings(root: Path, cache: RecordCache | None) -> list[str]:
    dataset = load_dataset(root, cache)
    if cache is not None:
        cache.write_pending()
    return [str(problem) for problem in dataset.problems]


def test_a_later_load_of_the_same_files_on_the_same_day_checks_nothing(
    data_dir: Path, cache: RecordCache, checks_run: list[int]
) -> None:
    first = findings(data_dir, cache)
    assert any("changes not yet sent" in line for line in first)
    again = findings(data_dir, cache)
    assert checks_run == [2]
    assert again == first == findings(data_dir, None)


def test_a_changed_summit_is_checked_again_and_its_new_warning_shown(
    data_dir: Path, cache: RecordCache, checks_run: list[int]
) -> None:
    before = findings(data_dir, cache)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text()
    lead = text.split('lead = "', 1)[1].split('"', 1)[0]
    path.write_text(text.replace(f'lead = "{lead}"', 'lead = "nobody-at-all"', 1))
    after = findings(data_dir, cache)
    assert checks_run == [2, 2]
    assert after != before
    assert any("nobody-at-all" in line for line in after)
    assert after == findings(data_dir, None)


def test_a_changed_register_is_checked_again(
    data_dir: Path, cache: RecordCache, checks_run: list[int]
) -> None:
    findings(data_dir, cache)
    path = data_dir / "invitees.toml"
    path.write_text(path.read_text() + "\n# a comment changes the bytes, not the records\n")
    assert findings(data_dir, cache) == findings(data_dir, None)
    # Only the register itself: no organisation changed, so no summit is checked again
    # (tests/store/test_checks_after_pull.py); the other check is the fresh load's.
    assert checks_run == [2, 2]


def test_another_day_is_checked_again(
    data_dir: Path, cache: RecordCache, checks_run: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    findings(data_dir, cache)
    monkeypatch.setattr(dates, "today", lambda: date(2027, 1, 14))
    assert findings(data_dir, cache) == findings(data_dir, None)
    assert checks_run == [2, 2, 2]


def test_a_damaged_checks_entry_is_a_miss(
    data_dir: Path, cache: RecordCache, checks_run: list[int]
) -> None:
    first = findings(data_dir, cache)
    entry = cache._entry(data_dir, "#checks")
    entry.write_bytes(entry.read_bytes()[:-40])
    assert findings(data_dir, cache) == first
    assert checks_run == [2, 2]
