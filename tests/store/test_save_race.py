"""An outside write landing at the last instant of a save is never lost.

The write is real (an editor's, git's): it lands on disk after summit staged
its new version and before the rename or exchange puts it in place.
"""

from pathlib import Path

import pytest

from summit.model import Action, Summit
from summit.store import ConflictError, TomlDocument, atomic, exchange
from tests.conftest import SAMPLE_SUMMIT


def _outside_write_while_saving(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """The outside write happens right after summit's new version is staged."""
    staged_copy = atomic.staged_copy

    def staged_then_written(target: Path, data: bytes) -> Path:
        temp = staged_copy(target, data)
        if target == path:
            path.write_text(text, encoding="utf-8")
        return temp

    monkeypatch.setattr(atomic, "staged_copy", staged_then_written)
    monkeypatch.setattr(exchange, "staged_copy", staged_then_written, raising=False)


def _race(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> tuple[Path, str, ConflictError]:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    doc = TomlDocument.load(path, Summit)
    summit = doc.record.model_copy(deep=True)
    summit.actions.append(Action(text="Ours, saved by summit", owner="google"))
    outside = path.read_text(encoding="utf-8") + "# A colleague's comment, saved by an editor\n"
    _outside_write_while_saving(monkeypatch, path, outside)
    with pytest.raises(ConflictError) as caught:
        doc.save(summit)
    return path, outside, caught.value


def test_the_outside_write_stays_and_ours_is_kept(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    path, outside, error = _race(monkeypatch, data_dir)
    assert path.read_text(encoding="utf-8") == outside
    assert error.kept is not None
    assert "Ours, saved by summit" in error.kept.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_without_an_exchange_the_late_check_still_catches_it(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setattr(exchange, "exchange", lambda a, b: False, raising=False)
    path, outside, error = _race(monkeypatch, data_dir)
    assert path.read_text(encoding="utf-8") == outside
    assert error.kept is not None


def test_the_exchange_is_used_on_linux(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    if not hasattr(exchange, "exchange") or exchange._renameat2() is None:
        pytest.skip("no renameat2 here")
    a, b = data_dir / "a", data_dir / "b"
    a.write_text("a")
    b.write_text("b")
    assert exchange.exchange(a, b)
    assert (a.read_text(), b.read_text()) == ("b", "a")
