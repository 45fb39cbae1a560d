"""A write landing at the last instant of a merging save or of `summit fmt` is never lost.

The write is real (an editor's, git's): it lands on disk after summit read the
file and staged its new version, before the swap puts that version in place.
"""

from pathlib import Path

import pytest

from summit.model import Action, Summit
from summit.store import ConflictError, TomlDocument, atomic, exchange
from summit.store.formatting import format_files
from tests.conftest import SAMPLE_SUMMIT


def _written_once_while_staging(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """The outside write lands right after summit's first new version of `path` is staged."""
    staged_copy = atomic.staged_copy
    pending = [text]

    def staged_then_written(target: Path, data: bytes) -> Path:
        temp = staged_copy(target, data)
        if target == path and pending:
            path.write_text(pending.pop(), encoding="utf-8")
        return temp

    monkeypatch.setattr(atomic, "staged_copy", staged_then_written)
    monkeypatch.setattr(exchange, "staged_copy", staged_then_written)


@pytest.mark.parametrize("has_exchange", [True, False])
def test_a_merging_save_merges_again_with_a_late_write(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, has_exchange: bool
) -> None:
    if not has_exchange:
        monkeypatch.setattr(exchange, "exchange", lambda a, b: False)
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    doc = TomlDocument.load(path, Summit)
    summit = doc.record.model_copy(deep=True)
    summit.actions.append(Action(text="Ours, saved by summit", owner="google"))
    theirs = TomlDocument.load(path, Summit)
    outside = theirs.record.model_copy(deep=True)
    outside.title = "Retitled by a colleague"
    late = theirs.text_with(outside)
    _written_once_while_staging(monkeypatch, path, late)

    assert doc.save_merging(summit)

    saved = TomlDocument.load(path, Summit).record
    assert saved.title == "Retitled by a colleague"
    assert "Ours, saved by summit" in [action.text for action in saved.actions]
    assert doc.merged_in
    assert doc.record == saved
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_file_written_again_and_again_is_kept_as_a_conflict(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    doc = TomlDocument.load(path, Summit)
    summit = doc.record.model_copy(deep=True)
    summit.actions.append(Action(text="Ours, saved by summit", owner="google"))
    staged_copy = atomic.staged_copy
    writes = iter(range(100))

    def always_written(target: Path, data: bytes) -> Path:
        temp = staged_copy(target, data)
        path.write_text(path.read_text(encoding="utf-8") + f"# edit {next(writes)}\n")
        return temp

    monkeypatch.setattr(exchange, "staged_copy", always_written)
    with pytest.raises(ConflictError) as caught:
        doc.save_merging(summit)
    assert caught.value.kept is not None
    assert "Ours, saved by summit" in caught.value.kept.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").endswith("# edit 2\n")


@pytest.mark.parametrize("has_exchange", [True, False])
def test_fmt_leaves_a_late_write_in_place(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, has_exchange: bool
) -> None:
    if not has_exchange:
        monkeypatch.setattr(exchange, "exchange", lambda a, b: False)
    path = data_dir / "invitees.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(" = ", "   =   ", 3))
    late = path.read_text(encoding="utf-8") + "# A colleague's comment, saved by an editor\n"
    _written_once_while_staging(monkeypatch, path, late)

    with pytest.raises(ConflictError):
        format_files(data_dir, write=True)

    assert path.read_text(encoding="utf-8") == late
