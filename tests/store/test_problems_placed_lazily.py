"""Loading places the checks' findings in their files (line, column) only when asked.

Scanning 1,000 summit files for the lines of their 7,919 warnings was a third
of loading them for the app, which shows the warnings only on demand.
"""

from pathlib import Path

import pytest

from summit.store import dataset as dataset_module
from summit.store import load_dataset
from summit.workflows.workspace import Workspace


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    real = dataset_module.scan

    def counted(text: str) -> object:
        texts.append(text)
        return real(text)

    monkeypatch.setattr(dataset_module, "scan", counted)
    return texts


def with_a_warning(data_dir: Path) -> Path:
    path = next((data_dir / "agendas").glob("*.toml"))
    path.write_text(path.read_text() + '\n[[agenda]]\ntitle = "Any other business"\nminutes = 5\n')
    return path


def test_warnings_are_placed_when_shown_not_when_loaded(data_dir: Path, scanned: list[str]) -> None:
    path = with_a_warning(data_dir)
    dataset = load_dataset(data_dir)
    workspace = Workspace(dataset)
    assert workspace.writable
    assert dataset.errors == []
    assert scanned == []
    warnings = [p for p in dataset.problems if p.path == path]
    assert [p.message for p in warnings] == ["agenda item 'Any other business' has no lead"]
    assert warnings[0].line == len(path.read_text().splitlines()) - 2  # its [[agenda]]
    assert len(scanned) == 1
    assert dataset.problems_in(path) == warnings


def test_one_file_s_problems_place_that_file_alone(data_dir: Path, scanned: list[str]) -> None:
    path = with_a_warning(data_dir)
    other = data_dir / "agendas" / "copy.toml"
    other.write_text(path.read_text())
    dataset = load_dataset(data_dir)
    assert [p.path for p in dataset.problems_in(other)] == [other]
    assert scanned == [other.read_text()]
