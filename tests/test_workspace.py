"""The editing session behind the TUI: what is unsaved, and saving it, without a terminal."""

from pathlib import Path

import pytest

from summit.model import Delegate
from summit.workflows.workspace import Workspace
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

    def disk_full(path: Path, data: bytes) -> Path:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("summit.store.exchange.staged_copy", disk_full)
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


def test_edits_made_as_one_are_taken_back_by_one_undo(data_dir: Path) -> None:
    """A lead handed over in several summits and the person removed: one ctrl+z, not one a file."""
    agendas = data_dir / "agendas"
    for name in ("second", "third"):
        (agendas / f"{name}.toml").write_text((agendas / f"{SAMPLE_SUMMIT}.toml").read_text())
    workspace = Workspace.open(data_dir)
    before = dict(workspace.summits), workspace.register
    earlier = workspace.summits["second"].model_copy(update={"title": "Earlier"})
    workspace.set_summit("second", earlier)  # an edit of its own, before
    with workspace.one_undo():
        for summit_id in (SAMPLE_SUMMIT, "second", "third"):
            summit = workspace.summits[summit_id].model_copy(update={"title": "Renamed"})
            workspace.set_summit(summit_id, summit)
        with workspace.one_undo():  # nested: part of the same step
            bt = workspace.register.organisations["bt"]
            renamed = bt.model_copy(update={"name": "BT Group"})
            assert workspace.set_organisation("bt", renamed) == []
    assert len(workspace.dirty_files()) == 4
    undone = workspace.undo()
    assert undone == f"agendas/{SAMPLE_SUMMIT}.toml, agendas/second.toml and 2 more files"
    assert workspace.register is before[1]
    assert workspace.summits["second"].title == "Earlier"  # the edit before the group stays
    assert workspace.summits[SAMPLE_SUMMIT] is before[0][SAMPLE_SUMMIT]
    assert workspace.summits["third"] is before[0]["third"]
    assert workspace.dirty_files() == ["agendas/second.toml"]
    assert workspace.undo() == "agendas/second.toml"
    assert workspace.undo() is None
