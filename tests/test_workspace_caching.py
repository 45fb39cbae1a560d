"""What the workspace spares doing on big data, and that it still answers the same."""

from pathlib import Path
from typing import Any

import pytest

from summit.model import Register
from summit.workflows.workspace import Workspace
from tests.conftest import SAMPLE_FOLLOW_UP, SAMPLE_SUMMIT
from tests.spying import spy


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> list[Register]:
    """Every whole-register conversion to data (Register.to_data), as it happens."""
    seen: list[Register] = []
    original = Register.to_data

    def counted(self: Register) -> dict[str, Any]:
        seen.append(self)
        return original(self)

    monkeypatch.setattr(Register, "to_data", counted)
    return seen


def edit_register(workspace: Workspace, job_title: str) -> None:
    register = workspace.register.model_copy(deep=True)
    register.organisations["bt"].delegates["bt-security"].job_title = job_title
    workspace.set_register(register)


def test_launch_shares_the_loaded_records_instead_of_copying_them(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    dataset = workspace.dataset
    assert dataset.register is not None
    assert workspace.register is dataset.register.record
    assert workspace.summits[SAMPLE_SUMMIT] is dataset.summits[SAMPLE_SUMMIT].record
    # An edit replaces the working copy; what was loaded stays as it was.
    edit_register(workspace, "Head of Everything")
    assert dataset.register.record.organisations["bt"].delegates["bt-security"].job_title != (
        "Head of Everything"
    )
    assert workspace.dirty_files() == ["invitees.toml"]


def test_an_unsaved_register_is_converted_at_most_once_however_often_asked(
    data_dir: Path, conversions: list[Register]
) -> None:
    workspace = Workspace.open(data_dir)
    before = workspace.register.organisations["bt"].delegates["bt-security"].job_title
    workspace.dirty_files()
    edit_register(workspace, "Head of Everything")
    conversions.clear()  # what the edit itself converted and validated
    for _ in range(3):
        assert workspace.dirty_files() == ["invitees.toml"]
    assert conversions == []  # a value differs: that is enough to know
    edit_register(workspace, before)  # equal values: only the data can tell
    conversions.clear()
    for _ in range(3):
        assert workspace.dirty_files() == []
    assert [c for c in conversions if c is workspace.register] == [workspace.register]
    assert len(conversions) <= 2  # and the file's data, worked out once for the session


def test_a_saved_register_is_not_compared_again_on_later_edits(
    data_dir: Path, conversions: list[Register]
) -> None:
    workspace = Workspace.open(data_dir)
    edit_register(workspace, "Head of Everything")
    assert workspace.save().saved == ["invitees.toml"]
    summit = workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    summit.venue = "Lancaster House"
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    conversions.clear()
    assert workspace.dirty_files() == [f"agendas/{SAMPLE_SUMMIT}.toml"]
    assert conversions == []
    # It is still noticed when the register is edited again.
    edit_register(workspace, "Head of Nothing")
    assert "invitees.toml" in workspace.dirty_files()


def test_editing_back_to_the_saved_value_is_not_unsaved(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    before = workspace.register.organisations["bt"].delegates["bt-security"].job_title
    edit_register(workspace, "Head of Everything")
    assert workspace.dirty_files() == ["invitees.toml"]
    edit_register(workspace, before)
    assert workspace.dirty_files() == []
    assert workspace.undo() == "invitees.toml"  # back to the edited title: unsaved again
    assert workspace.dirty_files() == ["invitees.toml"]


def test_findings_are_worked_out_again_only_after_a_change(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    first = workspace.findings()
    assert workspace.findings() is first
    summit = workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    summit.agenda[0].lead = "nobody-here"
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    again = workspace.findings()
    assert again is not first
    assert any("'nobody-here'" in f.message for f in again)
    workspace.undo()
    assert not any("'nobody-here'" in f.message for f in workspace.findings())


def test_one_summits_findings_are_what_all_findings_say_about_it(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    summit = workspace.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    summit.agenda[0].lead = "nobody-here"
    summit.agenda[0].minutes = 200
    workspace.set_summit(SAMPLE_SUMMIT, summit)
    about = [f for f in workspace.findings() if f.where.summit == SAMPLE_SUMMIT]
    assert len(about) >= 2
    assert workspace.summit_findings(SAMPLE_SUMMIT) == about


def test_an_edit_to_one_summit_rechecks_that_summit_alone(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Back on the summits list after +5 min, 999 unchanged summits are not checked again;
    what the findings say is still what checking everything afresh says."""
    from summit.model import check_dataset  # noqa: PLC0415
    from summit.workflows import working_copies as module  # noqa: PLC0415

    agendas = data_dir / "agendas"
    (agendas / "second.toml").write_text((agendas / f"{SAMPLE_SUMMIT}.toml").read_text())
    checked: list[str] = []
    original = module.check_summit

    def counted(summit_id: str, *args: Any) -> Any:
        checked.append(summit_id)
        return original(summit_id, *args)

    monkeypatch.setattr(module, "check_summit", counted)
    workspace = Workspace.open(data_dir)
    loaded = workspace.findings()
    assert checked == []  # loading checked them: the workspace keeps what it found
    assert loaded == check_dataset(workspace.register, workspace.summits)
    summit = workspace.summits["second"].model_copy(deep=True)
    summit.agenda[0].lead = "nobody-here"
    workspace.set_summit("second", summit)
    findings = workspace.findings()
    assert checked == ["second"]
    fresh = check_dataset(workspace.register, workspace.summits, workspace.dataset.broken_ids)
    assert findings == fresh
    checked.clear()
    edit_register(workspace, "Head of Security")
    after = workspace.findings()
    # A new register, every record replaced, but no id came, went or was renamed: only
    # the summit with an error (its "did you mean" is chosen among all ids) is checked.
    assert checked == ["second"]
    assert after == check_dataset(workspace.register, workspace.summits)


def test_changing_one_organisation_validates_it_alone_and_shares_the_rest(
    data_dir: Path, conversions: list[Register]
) -> None:
    """Editing one delegate of 100,000 revalidated the whole register (seconds)."""
    workspace = Workspace.open(data_dir)
    before = workspace.register
    bt = before.organisations["bt"]
    person = bt.delegates["bt-security"].model_copy(update={"job_title": "Head of Security"})
    edited = bt.model_copy(update={"delegates": {**bt.delegates, "bt-security": person}})
    assert workspace.set_organisation("bt", edited) == []
    after = workspace.register
    assert conversions == []  # no whole-register round trip
    assert after.organisations["bt"].delegates["bt-security"].job_title == "Head of Security"
    assert list(after.organisations) == list(before.organisations)  # the file's order kept
    for org_id, organisation in after.organisations.items():
        if org_id != "bt":
            assert organisation is before.organisations[org_id]
    assert bt.delegates["bt-security"].job_title != "Head of Security"  # the old copy kept
    assert workspace.dirty_files() == ["invitees.toml"]
    assert workspace.undo() == "invitees.toml"
    assert workspace.register is before


def test_an_invalid_organisation_is_refused_and_nothing_changes(data_dir: Path) -> None:
    from pydantic import ValidationError  # noqa: PLC0415

    workspace = Workspace.open(data_dir)
    before = workspace.register
    bt = before.organisations["bt"]
    bad = bt.model_copy(update={"name": ""})  # model_copy does not validate
    with pytest.raises(ValidationError):
        workspace.set_organisation("bt", bad)
    with pytest.raises(ValidationError):
        workspace.set_organisation("Not An Id", bt)
    assert workspace.register is before
    assert workspace.dirty_files() == []


def test_a_change_that_adds_an_error_is_refused_with_the_error(data_dir: Path) -> None:
    workspace = Workspace.open(data_dir)
    before = workspace.register
    google = next(iter(before.organisations["google"].delegates))
    bt = before.organisations["bt"]
    twice = bt.model_copy(
        update={
            "delegates": {**bt.delegates, google: before.organisations["google"].delegates[google]}
        }
    )
    errors = workspace.set_organisation("bt", twice)
    assert [e.message for e in errors] == [
        f"delegate id {google!r} is already used in organisation 'google'"
    ]
    invited = next(d for i in workspace.summits[SAMPLE_SUMMIT].invitations.values() for d in i.rsvp)
    owner = before.delegate_index()[invited]
    kept = before.organisations[owner]
    fewer = kept.model_copy(
        update={"delegates": {k: v for k, v in kept.delegates.items() if k != invited}}
    )
    errors = workspace.set_organisation(owner, fewer)
    # Both summits of the sample invite them.
    assert errors and {e.where.summit for e in errors} == {SAMPLE_SUMMIT, SAMPLE_FOLLOW_UP}
    assert any(repr(invited) in e.message for e in errors)
    assert workspace.set_organisation(owner, None)  # a whole organisation that is invited
    assert workspace.register is before
    assert workspace.dirty_files() == []


def test_a_start_whose_checks_were_kept_builds_no_delegate_index(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexing 100,000 delegates took 25 ms of every start, for summits all checked."""
    from summit.store.record_cache import RecordCache  # noqa: PLC0415

    cache = RecordCache(tmp_path / "cache")
    first = Workspace.open(data_dir, cache)
    findings = first.findings()
    first.remember_records()
    indexed = spy(monkeypatch, Register, "delegate_index")
    again = Workspace.open(data_dir, cache)
    assert again.findings() == findings
    assert indexed == []
    # An edited summit is checked again, with the index.
    summit = again.summits[SAMPLE_SUMMIT].model_copy(deep=True)
    summit.venue = "Lancaster House"
    again.set_summit(SAMPLE_SUMMIT, summit)
    assert [f for f in again.findings() if "the venue changed" not in f.message] == findings
    assert indexed == [(again.register,)]
