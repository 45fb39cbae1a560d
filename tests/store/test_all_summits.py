"""Every summit's record from one cache entry when no summit file changed (issue 23 item 6).

Whatever that entry holds, a load gives what reading the files gives.
"""

import shutil
from pathlib import Path

import pytest

from summit.model import Summit
from summit.store import Dataset, load_dataset, record_cache
from summit.store.record_cache import RecordCache
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.spying import spy


@pytest.fixture
def entries_read(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """The calls that opened a cache entry from then on: (cache, entry, ...)."""
    return spy(monkeypatch, RecordCache, "_read")


def entries(calls: list[tuple[object, ...]]) -> list[object]:
    return [call[1] for call in calls]


def loaded(root: Path, cache: RecordCache | None) -> Dataset:
    dataset = load_dataset(root, cache)
    if cache is not None:
        cache.write_pending()
    return dataset


def same_as_read_afresh(dataset: Dataset) -> None:
    fresh = load_dataset(dataset.root)
    assert list(dataset.summits) == list(fresh.summits)
    for summit_id, document in fresh.summits.items():
        assert dataset.summits[summit_id].record == document.record
        assert dataset.summits[summit_id].text == document.text
        assert dataset.summits[summit_id].digest == document.digest
    assert [str(p) for p in dataset.problems] == [str(p) for p in fresh.problems]


def test_unchanged_summits_come_from_one_entry(
    data_dir: Path, cache: RecordCache, entries_read: list[tuple[object, ...]], parsed: list[Path]
) -> None:
    loaded(data_dir, cache)
    entries_read.clear()
    parsed.clear()
    again = loaded(data_dir, cache)
    assert entries(entries_read) == [
        cache._entry(data_dir / "invitees.toml"),
        cache._entry(data_dir, "#together:Summit"),
        cache._entry(data_dir, "#checks"),
    ]
    assert parsed == []
    same_as_read_afresh(again)


def test_a_changed_summit_is_read_afresh_and_the_others_come_from_their_own_entries(
    data_dir: Path, cache: RecordCache, entries_read: list[tuple[object, ...]], parsed: list[Path]
) -> None:
    loaded(data_dir, cache)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace('venue = "', 'venue = "Lancaster House, was ', 1))
    parsed.clear()
    again = loaded(data_dir, cache)
    assert parsed == [path]
    assert again.summits[SAMPLE_SUMMIT].record.venue.startswith("Lancaster House, was ")
    same_as_read_afresh(again)
    entries_read.clear()
    parsed.clear()
    third = loaded(data_dir, cache)  # kept together again, as changed
    assert parsed == [] and len(entries_read) == 3
    same_as_read_afresh(third)


@pytest.mark.parametrize("change", ["added", "removed", "renamed"])
def test_a_summit_file_added_or_removed_is_not_taken_from_the_entry(
    data_dir: Path, cache: RecordCache, change: str
) -> None:
    loaded(data_dir, cache)
    agendas = data_dir / "agendas"
    follow_up = agendas / f"{SAMPLE_FOLLOW_UP}.toml"
    if change == "added":
        shutil.copy(follow_up, agendas / "another-follow-up.toml")
    elif change == "removed":
        follow_up.unlink()
    else:
        follow_up.rename(agendas / "a-follow-up.toml")
    again = loaded(data_dir, cache)
    same_as_read_afresh(again)
    assert len(again.summits) == {"added": 3, "removed": 1, "renamed": 2}[change]


def test_with_a_summit_that_does_not_load_each_is_on_its_own(
    data_dir: Path, cache: RecordCache
) -> None:
    loaded(data_dir, cache)
    agendas = data_dir / "agendas"
    (agendas / "Not An Id.toml").write_text('title = "x"\n')
    broken = agendas / f"{SAMPLE_FOLLOW_UP}.toml"
    broken.write_text(broken.read_text().replace('title = "', "title = 12 # ", 1))
    again = loaded(data_dir, cache)
    assert SAMPLE_FOLLOW_UP in again.unreadable
    assert "not a summit id" in str(again.problems[0])
    same_as_read_afresh(again)
    # No entry for them all is kept while one does not load: the next load is the same.
    same_as_read_afresh(loaded(data_dir, cache))


def test_a_damaged_or_foreign_entry_is_only_a_miss(
    data_dir: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch, parsed: list[Path]
) -> None:
    loaded(data_dir, cache)
    entry = cache._entry(data_dir, "#together:Summit")
    entry.write_bytes(entry.read_bytes()[:300])
    same_as_read_afresh(loaded(data_dir, cache))
    monkeypatch.setattr(record_cache, "_fingerprint", "other model code")
    parsed.clear()
    again = loaded(data_dir, cache)
    assert len(parsed) == 3  # the register and both summits
    same_as_read_afresh(again)


def test_a_save_after_a_load_from_the_entry_changes_only_its_line(
    data_dir: Path, cache: RecordCache
) -> None:
    loaded(data_dir, cache)
    dataset = loaded(data_dir, cache)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    before = path.read_text()
    summit = dataset.summits[SAMPLE_SUMMIT].record.model_copy(deep=True)
    summit.venue = "Lancaster House"
    assert dataset.save_summit(SAMPLE_SUMMIT, summit)
    changed = [
        (a, b)
        for a, b in zip(before.splitlines(), path.read_text().splitlines(), strict=True)
        if a != b
    ]
    assert len(changed) == 1 and changed[0][1] == 'venue = "Lancaster House"'
    assert load_dataset(data_dir).summits[SAMPLE_SUMMIT].record == Summit.model_validate(
        summit.to_data()
    )


def test_the_summit_files_are_listed_once_per_load(
    data_dir: Path, cache: RecordCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing 1,000 summit files twice (to stamp them, then to read them) cost 4 ms."""
    from summit.store import dataset, watch  # noqa: PLC0415

    listed = spy(monkeypatch, dataset, "summit_files")
    monkeypatch.setattr(watch, "summit_files", dataset.summit_files)
    loaded_now = load_dataset(data_dir, cache)
    assert listed == [(data_dir,)]
    assert sorted(loaded_now.stamps) == sorted(
        [data_dir / "invitees.toml", *(data_dir / "agendas").glob("*.toml")]
    )
