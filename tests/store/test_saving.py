"""Saving through the storage layer on real files: no churn, comments kept, nothing lost."""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from summit.model import AgendaItem, Delegate, PersonalData, Register, Rsvp, Summit
from summit.store import ConflictError, DataError, TomlDocument, load_dataset
from tests.conftest import SAMPLE_SUMMIT


def git_diff(root: Path) -> str:
    return subprocess.run(
        ["git", "diff", "--no-color", "-U0"], cwd=root, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(data_dir: Path) -> Path:
    """The sample data committed in a real git repository, to see exactly what a save changes."""
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@x.example.org", "commit", "-qm", "s"],
    ):
        subprocess.run(["git", *args], cwd=data_dir, check=True)
    return data_dir


def changed_lines(diff: str) -> list[str]:
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def load_register(root: Path) -> TomlDocument[Register]:
    return TomlDocument.load(root / "invitees.toml", Register)


def load_summit(root: Path) -> TomlDocument[Summit]:
    return TomlDocument.load(root / "agendas" / f"{SAMPLE_SUMMIT}.toml", Summit)


def test_saving_without_changes_writes_nothing(repo: Path) -> None:
    path = repo / "invitees.toml"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    doc = load_register(repo)
    assert doc.save(doc.record.model_copy(deep=True)) is False
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_changing_one_field_changes_one_line(repo: Path) -> None:
    doc = load_register(repo)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].delegates["google-policy"].job_title = "VP, Public Policy"
    assert doc.save(register) is True
    assert changed_lines(git_diff(repo)) == [
        '-job_title = "Director of Public Policy, UK"',
        '+job_title = "VP, Public Policy"',
    ]


def test_every_comment_survives_edits_additions_and_removals(repo: Path) -> None:
    path = repo / "invitees.toml"
    comments = [line for line in path.read_text().splitlines() if line.startswith("#")]
    doc = load_register(repo)
    register = doc.record.model_copy(deep=True)
    register.organisations["yahoo"].delegates["yahoo-safety"] = Delegate(
        name="Sam Okoro", job_title="Safety Lead", email="sam.okoro@yahoo.example.org"
    )
    register.organisations["bt"].delegates["bt-security"].personal = PersonalData(
        dietary_needs="Halal"
    )
    del register.organisations["virgin-media"]
    doc.save(register)
    after = path.read_text()
    assert [line for line in after.splitlines() if line.startswith("#")] == comments
    assert "[organisations.yahoo.delegates.yahoo-safety]" in after
    assert after.index("yahoo-safety") < after.index("[organisations.microsoft]")
    assert '[organisations.bt.delegates.bt-security.personal]\ndietary_needs = "Halal"' in after
    assert "virgin" not in after
    reloaded = load_dataset(repo)
    assert [p for p in reloaded.errors if p.path == path] == []


def test_a_saved_file_reads_back_as_the_record(repo: Path) -> None:
    doc = load_summit(repo)
    summit = doc.record.model_copy(deep=True)
    summit.agenda[0], summit.agenda[1] = summit.agenda[1], summit.agenda[0]
    summit.agenda.append(AgendaItem(title='Lunch; "informal"', kind="break", minutes=30))
    summit.invitations["google"].rsvp["google-trust-safety"] = Rsvp.ACCEPTED
    summit.purpose = 'Line one,\nline two with "quotes" and a \\ backslash'
    doc.save(summit)
    again = load_summit(repo).record
    assert again == summit


def test_reordering_the_agenda_moves_items_with_their_comments(repo: Path) -> None:
    path = repo / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace(
        '[[agenda]]\ntitle = "Coffee"', '# Keep this short\n[[agenda]]\ntitle = "Coffee"'
    )
    path.write_text(text)
    doc = load_summit(repo)
    summit = doc.record.model_copy(deep=True)
    coffee = summit.agenda.pop(3)
    summit.agenda.insert(1, coffee)
    doc.save(summit)
    after = path.read_text()
    assert '# Keep this short\n[[agenda]]\ntitle = "Coffee"' in after
    assert after.index("Coffee") < after.index("The scale of child-abuse imagery")
    assert [item.title for item in load_summit(repo).record.agenda] == [
        item.title for item in summit.agenda
    ]


def test_a_file_changed_on_disk_is_not_overwritten(repo: Path) -> None:
    path = repo / "invitees.toml"
    doc = load_register(repo)
    someone_else = path.read_text().replace('name = "Yahoo"', 'name = "Yahoo!"')
    path.write_text(someone_else)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"
    with pytest.raises(ConflictError) as caught:
        doc.save(register)
    assert path.read_text() == someone_else
    kept = caught.value.kept
    assert kept is not None and not kept.is_relative_to(repo)
    assert not list(repo.rglob("*.mine-*"))
    assert 'name = "Alphabet"' in kept.read_text()


def test_a_crash_mid_save_leaves_the_old_file_intact(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = repo / "invitees.toml"
    before = path.read_bytes()
    doc = load_register(repo)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"

    def power_cut(fd: int) -> None:
        raise OSError("simulated power cut")

    monkeypatch.setattr(os, "fsync", power_cut)
    with pytest.raises(OSError, match="power cut"):
        doc.save(register)
    assert path.read_bytes() == before
    assert sorted(p.name for p in repo.iterdir() if p.name.endswith(".tmp")) == []


def test_saving_keeps_the_file_permissions(repo: Path) -> None:
    path = repo / "invitees.toml"
    path.chmod(0o640)
    doc = load_register(repo)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"
    doc.save(register)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_crlf_files_stay_crlf(data_dir: Path) -> None:
    path = data_dir / "invitees.toml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    doc = load_register(data_dir)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].name = "Alphabet"
    doc.save(register)
    data = path.read_bytes()
    assert b'name = "Alphabet"\r\n' in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_invalid_content_is_never_written(repo: Path) -> None:
    path = repo / "invitees.toml"
    before = path.read_bytes()
    doc = load_register(repo)
    register = doc.record.model_copy(deep=True)
    register.organisations["google"].delegates["google-policy"].__dict__["email"] = "nope"
    with pytest.raises(Exception, match="email"):
        doc.save(register)
    assert path.read_bytes() == before


def test_the_dataset_refuses_a_save_that_breaks_a_reference(repo: Path) -> None:
    dataset = load_dataset(repo)
    assert dataset.register is not None
    register = dataset.register.record.model_copy(deep=True)
    del register.organisations["google"]
    before = (repo / "invitees.toml").read_bytes()
    with pytest.raises(DataError) as caught:
        dataset.save_register(register)
    assert any(
        "organisation 'google' is not in the register" in p.message for p in caught.value.problems
    )
    assert (repo / "invitees.toml").read_bytes() == before


def test_a_new_summit_file_is_created_and_loads_back(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    follow_up = dataset.summits[SAMPLE_SUMMIT].record.model_copy(
        update={"title": "Follow-up summit", "actions": [], "commitments": []}
    )
    assert dataset.save_summit("follow-up", follow_up) is True
    again = load_dataset(data_dir)
    assert again.errors == []
    assert again.summits["follow-up"].record.title == "Follow-up summit"
