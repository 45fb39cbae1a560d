"""Issue 20: `summit papers ID --only foi`, everything held about a meeting for the FOI officer."""

from pathlib import Path

from tests.conftest import SAMPLE_SUMMIT
from tests.papers.reading import docx_text

BUNDLE = f"{SAMPLE_SUMMIT}-foi-bundle-internal"


def _propose(data_dir: Path, google: str = "s43") -> None:
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = summit.read_text()
    text = text.replace("due = 2026-04-30\n", f'due = 2026-04-30\nfoi = "{google}"\n', 1)
    pipcu = 'lines_to_take = "Do not name the sites under investigation by PIPCU."\n'
    summit.write_text(text.replace(pipcu, pipcu + 'foi = "s35"\n', 1))


def test_the_bundle_holds_every_record_with_its_proposed_exemption(data_dir: Path, cli) -> None:
    _propose(data_dir)
    result = cli("papers", SAMPLE_SUMMIT, "--only", "foi", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    out = data_dir / "exports"
    assert sorted(p.name for p in out.iterdir()) == [f"{BUNDLE}.docx", f"{BUNDLE}.md"]
    text = (out / f"{BUNDLE}.md").read_text()
    schedule = text.split("## Schedule", 1)[1].split("\n## ", 1)[0]
    assert "| s43 | withhold under s43 commercial interests (consult the company): Google |" in (
        schedule
    )
    assert "| Agenda item: Copyright infringement and illegal sites | s35 |" in schedule
    assert "| Invitations sent and replies | s40 |" in schedule
    for section in ("## Agenda", "## Actions", "## Commitments", "## Invitations sent and replies"):
        assert section in text, section
    for paper in ("## Briefing pack", "## Note of the meeting", "## Press notice"):
        assert paper in text, paper
    assert "Nothing here is released by this file" in text
    word = docx_text(out / f"{BUNDLE}.docx")
    # Personal data is marked, not removed: the officer redacts it in the copy released.
    assert "[s40 redact: priya.hollis@dcms.example.org]" in word
    assert "[s40 redact: +44 20 7946 0001]" in word
    assert "[s40 redact: ruth.okafor@homeoffice.example.org]" in word
    assert "ruth.okafor@homeoffice.example.org" not in word.replace(
        "[s40 redact: ruth.okafor@homeoffice.example.org]", ""
    )

    # Made only when asked for: `summit papers` alone writes the usual papers.
    every = data_dir / "every"
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--out", every).code == 0
    assert not list(every.glob("*foi*"))


def test_an_unknown_exemption_is_refused_with_file_and_line(data_dir: Path, cli) -> None:
    _propose(data_dir, google="s99")
    result = cli("papers", SAMPLE_SUMMIT, "--only", "foi", "--data", data_dir)
    assert result.code != 0
    assert f"{SAMPLE_SUMMIT}.toml:" in result.out and "foi" in result.out
    assert "s35" in result.out  # says what it may be
    assert not (data_dir / "exports").exists()
