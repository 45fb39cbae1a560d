"""The lock path beside a data file is not trusted: a link or a folder there is refused."""

from pathlib import Path

import pytest

from summit.model import Action, Summit
from summit.store import TomlDocument
from tests.conftest import SAMPLE_SUMMIT


def _save(data_dir: Path) -> None:
    doc = TomlDocument.load(data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml", Summit)
    summit = doc.record.model_copy(deep=True)
    summit.actions.append(Action(text="Check the lock", owner="google"))
    doc.save(summit)


def _lock(data_dir: Path) -> Path:
    return data_dir / "agendas" / f".{SAMPLE_SUMMIT}.toml.lock"


def test_a_dangling_link_at_the_lock_path_creates_nothing(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "planted"
    _lock(data_dir).symlink_to(elsewhere)
    before = (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_bytes()
    with pytest.raises(OSError, match="not an ordinary file") as caught:
        _save(data_dir)
    assert caught.value.filename == str(_lock(data_dir))
    assert not elsewhere.exists()
    assert (data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_bytes() == before


def test_a_folder_at_the_lock_path_is_named_not_a_traceback(data_dir: Path) -> None:
    _lock(data_dir).mkdir()
    with pytest.raises(OSError, match="remove it and save again"):
        _save(data_dir)
    _lock(data_dir).rmdir()
    _save(data_dir)
