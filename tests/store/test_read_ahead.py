"""The register read beside the first screen is used only while the file still holds it."""

import os
import time
from pathlib import Path

import pytest

from summit.model import Register
from summit.store import DataError, TomlDocument, document, load_dataset
from summit.store import read_ahead as read_ahead_module
from summit.store.read_ahead import read_ahead
from tests.spying import spy

HOUR_NS = 3600 * 10**9


@pytest.fixture(autouse=True)
def any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sample's register is read ahead as a big one is (see the last test)."""
    monkeypatch.setattr(read_ahead_module, "WORTH_A_THREAD", 0)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path]]:
    """The files the load itself read from then on, each as (path,)."""
    return spy(monkeypatch, document, "read_data_file")


def settled(path: Path) -> None:
    """Written an hour ago, as a register usually was."""
    then = time.time_ns() - HOUR_NS
    os.utime(path, ns=(then, then))


def test_a_settled_register_read_ahead_is_not_read_again(
    data_dir: Path, reads: list[tuple[Path]]
) -> None:
    register = data_dir / "invitees.toml"
    settled(register)
    read_ahead(register)
    loaded = load_dataset(data_dir)
    assert (register,) not in reads
    fresh = TomlDocument.load(register, Register)
    assert loaded.register is not None
    assert loaded.register.text == fresh.text
    assert loaded.register.digest == fresh.digest
    assert loaded.register.record == fresh.record


def test_a_register_changed_since_it_was_read_ahead_is_read_again(
    data_dir: Path, reads: list[tuple[Path]]
) -> None:
    register = data_dir / "invitees.toml"
    settled(register)
    read_ahead(register)
    time.sleep(0.05)  # the read ahead is done (it is waited for, but let it finish first)
    register.write_text(register.read_text().replace('name = "Google"', 'name = "Alphabet"'))
    settled(register)  # even with its time put back: the change time moved
    loaded = load_dataset(data_dir)
    assert reads[0] == (register,)
    assert loaded.register is not None
    assert loaded.register.record.organisations["google"].name == "Alphabet"


def test_a_register_written_a_moment_ago_is_read_again(
    data_dir: Path, reads: list[tuple[Path]]
) -> None:
    """A write within the same tick of the file system's clock would not move its time."""
    register = data_dir / "invitees.toml"
    register.write_text(register.read_text())
    read_ahead(register)
    load_dataset(data_dir)
    assert (register,) in reads


def test_a_register_that_cannot_be_read_ahead_is_reported_by_the_load(data_dir: Path) -> None:
    register = data_dir / "invitees.toml"
    register.unlink()
    register.mkdir()
    read_ahead(register)
    with pytest.raises(DataError, match="is a folder"):
        TomlDocument.load(register, Register)


def test_the_app_s_launch_reads_the_register_ahead(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[tuple[Path]]
) -> None:
    """`summit` starts the read before Textual loads; the app's load then takes it."""
    import argparse  # noqa: PLC0415

    from summit.cli import launch  # noqa: PLC0415
    from summit.tui import app  # noqa: PLC0415

    register = data_dir / "invitees.toml"
    settled(register)
    loaded: list[object] = []

    class Loads:  # the app's own load, without a terminal
        def run(self) -> None:
            loaded.append(load_dataset(data_dir))

    monkeypatch.setattr(app, "make_app", lambda root, **_: Loads())
    assert launch.run_app(argparse.Namespace(data=data_dir), None, None) == 0  # type: ignore[arg-type]
    assert len(loaded) == 1
    assert (register,) not in reads


def test_a_small_register_is_left_to_the_load(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[tuple[Path]]
) -> None:
    """A thread beside the first screen slowed it more than reading 30 KB at the load."""
    monkeypatch.setattr(read_ahead_module, "WORTH_A_THREAD", 1 << 20)
    register = data_dir / "invitees.toml"
    settled(register)
    read_ahead(register)
    assert read_ahead_module._started == {}
    load_dataset(data_dir)
    assert reads[0] == (register,)
