"""Which data files changed on disk since they were loaded: others' writes, not summit's own."""

import os
import shutil
from pathlib import Path

from summit.store.dataset import load_dataset
from summit.store.watch import changed_files
from tests.conftest import SAMPLE_SUMMIT


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def touch_later(path: Path) -> None:
    """A write a moment later, as the clock of a busy disk may not show it apart."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))


def test_nothing_changed_says_nothing(data_dir: Path) -> None:
    assert changed_files(load_dataset(data_dir)) == []


def test_another_programs_write_is_reported_once(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    path = summit_file(data_dir)
    path.write_text(path.read_text().replace("minutes = 15", "minutes = 25", 1))
    touch_later(path)
    assert changed_files(dataset) == [path]
    assert changed_files(dataset) == []


def test_summits_own_save_and_delete_are_not_changes(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    doc = dataset.summits[SAMPLE_SUMMIT]
    summit = doc.record.model_copy(deep=True)
    summit.agenda[0].minutes = 25
    assert dataset.save_summit(SAMPLE_SUMMIT, summit)
    touch_later(doc.path)
    assert changed_files(dataset) == []
    dataset.delete_summit(SAMPLE_SUMMIT)
    assert changed_files(dataset) == []


def test_added_removed_and_same_size_rewritten_files_are_changes(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    added = data_dir / "agendas" / "copy-summit.toml"
    shutil.copy(summit_file(data_dir), added)
    register = data_dir / "invitees.toml"
    register.write_text(register.read_text().replace("Google", "Goggle", 1))  # same size
    touch_later(register)
    assert changed_files(dataset) == sorted([register, added])
    summit_file(data_dir).unlink()
    assert changed_files(dataset) == [summit_file(data_dir)]
