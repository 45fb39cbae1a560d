"""Issue 10: nothing marked sensitive leaves the department, in any output; internal papers
show it, marked.

One agenda item (with its lines to take and summary), one action and one commitment
are marked OFFICIAL-SENSITIVE; then every external output is written and read back
with real parsers and searched for their text.
"""

from datetime import date
from pathlib import Path

import pytest

from summit.model import ActionStatus, Classification
from summit.store import load_dataset
from summit.workflows import invitations
from tests.conftest import SAMPLE_SUMMIT
from tests.papers.reading import banners, output_text

SENSITIVE = Classification.OFFICIAL_SENSITIVE
# What the marked records say: none of it may appear outside.
SECRETS = [
    "Copyright infringement and illegal sites",  # the item's title
    "stop supporting infringing sites",  # its objective
    "Do not name the sites under investigation",  # its lines to take
    "Operation Creative",  # its summary
    "PIPCU's approach to the advertisers",  # the action
    "not only act on reports",  # the commitment
]


def _unmarked_sample(data_dir: Path) -> None:
    """The sample with its own markings taken out, so that this test does the marking."""
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text().replace('classification = "OFFICIAL-SENSITIVE"\n', "")
    path.write_text(text)


def _mark(data_dir: Path) -> None:
    dataset = load_dataset(data_dir)
    summit = dataset.summits[SAMPLE_SUMMIT].record.model_copy(deep=True)
    item = next(i for i in summit.agenda if i.title.startswith("Copyright"))
    item.classification = SENSITIVE
    assert item.lines_to_take and item.summary
    action = next(a for a in summit.actions if "PIPCU" in a.text)
    action.classification = SENSITIVE
    action.status = ActionStatus.OPEN  # done in the sample; open, the chair's pack lists it
    commitment = next(c for c in summit.commitments if "not only act" in c.text)
    commitment.classification = SENSITIVE
    dataset.save_summit(SAMPLE_SUMMIT, summit)


@pytest.fixture
def marked(data_dir: Path) -> Path:
    _unmarked_sample(data_dir)
    unmarked = load_dataset(data_dir)
    assert unmarked.errors == []
    shown = output_text  # the unmarked sample shows them all: the search can find them
    out = data_dir / "before"
    invitations.export_agenda(unmarked, SAMPLE_SUMMIT, out)
    assert all(s in shown(out / f"{SAMPLE_SUMMIT}-agenda.ics") for s in SECRETS[:2])
    _mark(data_dir)
    return data_dir


def _external_outputs(data_dir: Path, cli) -> list[Path]:
    out = data_dir / "out"
    dataset = load_dataset(data_dir)
    invitations.export_invites(dataset, SAMPLE_SUMMIT, out / "ics")
    invitations.export_invites(
        load_dataset(data_dir), SAMPLE_SUMMIT, out / "per-org", per_organisation=True
    )
    invitations.export_agenda(load_dataset(data_dir), SAMPLE_SUMMIT, out / "agenda")
    invitations.export_emails(load_dataset(data_dir), SAMPLE_SUMMIT, out / "eml")
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--out", out / "papers").code == 0
    result = cli(
        "transparency",
        "--from",
        "2027-01-01",
        "--to",
        "2027-03-31",
        "--data",
        data_dir,
        "--out",
        out / "return.csv",
    )
    assert result.code == 0, result.err
    return sorted(p for p in out.rglob("*") if p.is_file())


def test_sensitive_text_is_in_no_external_output(marked: Path, cli) -> None:
    outputs = _external_outputs(marked, cli)
    external = [p for p in outputs if "internal" not in p.name]
    kinds = {p.suffix for p in external}
    assert kinds == {".ics", ".eml", ".docx", ".md", ".csv"}, kinds
    assert len(external) >= 20
    for path in external:
        text = output_text(path)
        assert text.strip(), path
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} is in {path.name}"


def test_sensitive_text_is_in_the_internal_papers_marked(marked: Path, cli) -> None:
    outputs = _external_outputs(marked, cli)
    internal = [p for p in outputs if "internal" in p.name]
    assert {p.suffix for p in internal} == {".docx", ".md", ".html"}
    pack = [p for p in internal if "briefing-pack" in p.name]
    note = [p for p in internal if "note-of-meeting" in p.name]
    for path in pack:
        text = output_text(path)
        for secret in SECRETS[:3] + SECRETS[4:]:
            assert secret in text, f"{secret!r} is missing from {path.name}"
        assert "OFFICIAL-SENSITIVE: " in text
    for path in note:
        text = output_text(path)
        for secret in [SECRETS[0], SECRETS[3], SECRETS[4], SECRETS[5]]:
            assert secret in text, f"{secret!r} is missing from {path.name}"
        marked_lines = [line for line in text.splitlines() if "OFFICIAL-SENSITIVE: " in line]
        assert any(SECRETS[5] in line for line in marked_lines), path.name
        assert any(SECRETS[0] in line for line in marked_lines), path.name
    for path in (p for p in internal if p.suffix == ".docx"):
        tops, bottoms = banners(path)
        assert tops == ["OFFICIAL-SENSITIVE"] and bottoms == ["OFFICIAL-SENSITIVE"], path.name


def test_the_summit_file_keeps_what_the_outputs_withhold(marked: Path, cli) -> None:
    _external_outputs(marked, cli)
    summit = load_dataset(marked).summits[SAMPLE_SUMMIT].record
    assert sum(1 for a in summit.actions if a.classification is SENSITIVE) == 1
    assert any(i.lines_to_take for i in summit.agenda if i.classification is SENSITIVE)
    assert date(2026, 1, 20) == summit.start.date()
