"""Issue 20: the briefing pack in the standard meeting-brief order, from the summit's fields."""

import json
from pathlib import Path

from tests.conftest import REPO, SAMPLE_SUMMIT
from tests.papers.reading import docx_text

PACK = f"{SAMPLE_SUMMIT}-briefing-pack-internal"


def _add(data_dir: Path) -> None:
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = summit.read_text().replace(
        "\n# ── Who is invited",
        '\nreason = "The Secretary of State asked for it after the IWF annual report."\n'
        'handling = """\nA press notice after the day.\n\n- Do not brief on PIPCU."""\n'
        "\n# ── Who is invited",
        1,
    )
    pipcu = 'lines_to_take = "Do not name the sites under investigation by PIPCU."\n'
    text = text.replace(pipcu, pipcu + 'background = "PIPCU is investigating three sites."\n')
    summit.write_text(text)
    register = data_dir / "invitees.toml"
    register.write_text(
        register.read_text().replace(
            'name = "Helen Marsh"\n', 'name = "Helen Marsh"\nnote = "Met the minister in May."\n'
        )
    )


def _headings(path: Path) -> list[str]:
    import docx  # noqa: PLC0415

    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name == "Heading 2"]


def test_the_pack_follows_the_meeting_brief_order(data_dir: Path, cli) -> None:
    _add(data_dir)
    result = cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    path = data_dir / "exports" / f"{PACK}.docx"
    assert _headings(path) == [
        "Why the meeting",
        "Objectives",
        "Logistics and agenda",
        "Who's who",
        "Points to make",
        "Background",
        "Handling",
    ]
    text = docx_text(path)
    assert "The Secretary of State asked for it after the IWF annual report." in text
    assert "Met the minister in May." in text  # who's who note
    assert "Do not brief on PIPCU." in text
    markdown = (data_dir / "exports" / f"{PACK}.md").read_text()
    assert "### What may be said" in markdown and "### Not to be disclosed" in markdown
    kept = markdown.split("### Not to be disclosed", 1)[1]
    assert "PIPCU is investigating three sites." in kept  # the sensitive item's
    assert "Yahoo relies" not in kept  # an ordinary item's background may be said
    said = markdown.split("### What may be said", 1)[1].split("### Not to be disclosed")[0]
    assert "Yahoo relies" in said


def test_empty_sections_are_left_out(data_dir: Path, cli) -> None:
    result = cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir)
    assert result.code == 0
    headings = _headings(data_dir / "exports" / f"{PACK}.docx")
    assert "Why the meeting" not in headings  # the sample gives no reason
    assert headings[:2] == ["Objectives", "Logistics and agenda"]


def test_the_schema_knows_the_new_fields() -> None:
    summit = json.loads((REPO / "schema" / "summit.schema.json").read_text())
    assert {"reason", "handling", "foi"} <= set(summit["properties"])
    register = json.loads((REPO / "schema" / "invitees.schema.json").read_text())
    assert "note" in register["$defs"]["Delegate"]["properties"]
