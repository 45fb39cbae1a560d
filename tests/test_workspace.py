"""The editing session behind the TUI: what is unsaved, and saving it, without a terminal."""

from pathlib import Path

import pytest

from summit.model import Delegate
from summit.workspace import Workspace
from tests.conftest import SAMPLE_SUMMIT


def test_nothing_is_unsaved_until_something_changes(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    assert workspace.dirty_files() == []
    summit = workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    assert workspace.dirty_files() == []  # set, but equal to the file
    summit.agenda[0].minutes = 25
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    assert workspace.dirty_files() == [f"agendas/{SAMPLE_SUMMIT}.toml"]


def test_saving_writes_each_changed_file_once(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    register = workspace.register.model_copy(deep=True)
    register.organisations["bt"].delegates["bt-policy"] = Delegate(
        name="Ana Silva", job_title="Policy Lead", email="ana.silva@bt.example.org"
    )
    workspace.set_register(register)
    report = workspace.save()
    assert report.ok and report.saved == ["invitees.toml"]
    assert workspace.dirty_files() == []
    assert "bt-policy" in Workspace.open(data_dir).register.organisations["bt"].delegates


def test_a_write_failure_is_reported_not_raised(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace.open(data_dir)
    summit = workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    summit.venue = "Lancaster House"
    workspace.set_summit(SAMPLE_SUMMIT, summit)

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("summit.store.document.write_atomic", disk_full)
    report = workspace.save()
    assert not report.ok
    assert "No space left on device" in report.refused[0].problems[0].message
    assert workspace.dirty_files() == [f"agendas/{SAMPLE_SUMMIT}.toml"]


def test_undo_takes_back_unsaved_edits_and_stops_at_a_save(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    first = workspace.summits[SAMPLE_SUMMIT]
    summit = first.model_copy(deep=True)
    summit.agenda[0].minutes = 25
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    workspace.add_summit("second-summit", summit)
    assert workspace.undo() == "agendas/second-summit.toml"
    assert "second-summit" not in workspace.summits  # undoing a new summit removes it
    assert workspace.undo() == f"agendas/{SAMPLE_SUMMIT}.toml"
    assert workspace.summits[SAMPLE_SUMMIT] is first
    assert workspace.dirty_files() == []
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    assert workspace.save().ok
    assert workspace.undo() is None  # what is saved is not undone by ctrl+z
