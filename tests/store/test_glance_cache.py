"""The first screen's glance at the summit files is kept between starts, by file stamps.

A kept glance is used only for a file whose time and size are unchanged; a
changed, added or removed file is glanced afresh, and a damaged kept file is
only a miss.
"""

import os
import shutil
from pathlib import Path

import pytest

from summit.store.glance import glance_summits, user_glance_file
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT


def test_a_later_glance_reads_only_the_files_that_changed(
    data_dir: Path, glanced: list[str]
) -> None:
    kept = user_glance_file(data_dir)
    assert kept is not None
    first = glance_summits(data_dir, kept)
    assert sorted(glanced) == sorted([SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP])
    glanced.clear()
    assert glance_summits(data_dir, kept) == first  # all from the kept glances
    assert glanced == []

    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Summit on", "Meeting on", 1))
    (data_dir / "agendas" / "extra.toml").write_text('title = "Extra"\n')
    (data_dir / "agendas" / f"{SAMPLE_FOLLOW_UP}.toml").unlink()
    again = glance_summits(data_dir, kept)
    assert sorted(glanced) == ["extra", SAMPLE_SUMMIT]
    by_id = {glance.summit_id: glance for glance in again}
    assert set(by_id) == {SAMPLE_SUMMIT, "extra"}
    assert str(by_id[SAMPLE_SUMMIT].title).startswith("Meeting on")
    assert by_id == {glance.summit_id: glance for glance in glance_summits(data_dir)}


def test_a_file_changed_to_the_same_size_and_time_is_still_seen(
    data_dir: Path, glanced: list[str]
) -> None:
    """Restoring the time (as `touch -r` or a copy would) still moves the change time."""
    kept = user_glance_file(data_dir)
    assert kept is not None
    glance_summits(data_dir, kept)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    before = path.stat()
    path.write_text(path.read_text().replace("Summit on", "Summat on", 1))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    glanced.clear()
    by_id = {glance.summit_id: glance for glance in glance_summits(data_dir, kept)}
    assert glanced == [SAMPLE_SUMMIT]
    assert str(by_id[SAMPLE_SUMMIT].title).startswith("Summat on")


@pytest.mark.parametrize(
    "damage", [b"", b"{not json", b'{"format": 1, "files": []}', b"[1]", b"[" * 100_000, b"\xff"]
)
def test_damaged_kept_glances_are_a_miss_not_an_error(
    data_dir: Path, glanced: list[str], damage: bytes
) -> None:
    kept = user_glance_file(data_dir)
    assert kept is not None
    fresh = glance_summits(data_dir, kept)
    kept.write_bytes(damage)
    glanced.clear()
    assert glance_summits(data_dir, kept) == fresh
    assert len(glanced) == 2


def test_odd_entries_are_glanced_again(data_dir: Path, glanced: list[str]) -> None:
    kept = user_glance_file(data_dir)
    assert kept is not None
    fresh = glance_summits(data_dir, kept)
    text = kept.read_text()
    kept.write_text(text.replace('"20', '"not a date 20'))  # every kept start
    glanced.clear()
    assert glance_summits(data_dir, kept) == fresh
    assert len(glanced) == 2


def test_no_glance_is_kept_when_the_cache_is_off(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMIT_NO_CACHE", "1")
    assert user_glance_file(data_dir) is None


def test_glances_kept_for_another_folder_are_not_used(
    data_dir: Path, tmp_path: Path, glanced: list[str]
) -> None:
    """Kept files are named by a checksum of the folder: one shared by two folders only
    misses."""
    kept = user_glance_file(data_dir)
    assert kept is not None
    glance_summits(data_dir, kept)
    other = tmp_path / "other"
    shutil.copytree(data_dir, other, copy_function=shutil.copy2)  # same times and sizes
    path = other / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("Summit on", "Sumwit on", 1))  # same size
    os.utime(
        path, ns=(path.stat().st_atime_ns, (data_dir / "agendas" / path.name).stat().st_mtime_ns)
    )
    glanced.clear()
    by_id = {glance.summit_id: glance for glance in glance_summits(other, kept)}
    assert sorted(glanced) == sorted([SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP])
    assert str(by_id[SAMPLE_SUMMIT].title).startswith("Sumwit on")
