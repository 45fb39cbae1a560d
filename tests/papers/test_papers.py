"""Issue 10: the summit's papers, written from the data and read back as their readers would."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from summit.papers.writing import write_papers
from summit.store import load_dataset
from tests.conftest import SAMPLE_SUMMIT, snapshot
from tests.papers.reading import Page, banners, csv_rows, docx_text, output_text

GOLDEN = Path(__file__).parent / "golden"
PACK = f"{SAMPLE_SUMMIT}-briefing-pack-internal"
NOTE = f"{SAMPLE_SUMMIT}-note-of-meeting"
PRESS = f"{SAMPLE_SUMMIT}-press-notice"
SAMPLE_TITLE = "Summit on child-abuse imagery, filtering and copyright online"


@pytest.fixture
def papers(data_dir: Path, cli) -> Path:
    result = cli("papers", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 0, result.out + result.err
    return data_dir / "exports"


def test_every_paper_is_written_to_the_exports_folder_named_for_what_it_is(
    papers: Path, data_dir: Path, cli
) -> None:
    assert sorted(p.name for p in papers.iterdir()) == sorted(
        [
            f"{PACK}.docx",
            f"{PACK}.md",
            f"{PACK}.html",
            f"{NOTE}.docx",
            f"{NOTE}.md",
            f"{NOTE}-internal.docx",
            f"{NOTE}-internal.md",
            f"{PRESS}.docx",
            f"{PRESS}.md",
        ]
    )
    press = data_dir / "press"
    only = cli("papers", SAMPLE_SUMMIT, "--only", "press", "--data", data_dir, "--out", press)
    assert only.code == 0
    assert [line.rsplit("/", 1)[-1] for line in only.out.splitlines()] == [
        f"{PRESS}.docx",
        f"{PRESS}.md",
    ]
    assert sorted(p.name for p in press.iterdir()) == [f"{PRESS}.docx", f"{PRESS}.md"]


def test_a_paper_edited_in_the_exports_folder_is_not_replaced_without_force(
    papers: Path, data_dir: Path, cli
) -> None:
    """The .docx is for the private office to edit: a second `summit papers` replaced
    an edited one without a word (found trying the command line as a new user)."""
    again = cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--only", "note")
    assert again.code == 0, again.err  # unedited papers are brought up to date
    edited = papers / f"{NOTE}.md"
    edited.write_text(edited.read_text() + "\nAgreed by the private office.\n")
    before = snapshot(papers)
    refused = cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--only", "note")
    assert refused.code != 0
    assert f"{NOTE}.md" in refused.err and "add --force" in refused.err
    assert snapshot(papers) == before  # nothing written, the edit kept
    forced = cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--only", "note", "--force")
    assert forced.code == 0, forced.err
    assert "Agreed by the private office." not in edited.read_text()


def test_the_briefing_pack_has_what_the_chair_needs(papers: Path) -> None:
    text = docx_text(papers / f"{PACK}.docx")
    assert "Share figures on reports received" not in text  # done: not the chair's concern
    for expected in [
        "Agree what the internet industry will do",  # purpose
        "Tuesday 20 January 2026",
        "09:30–13:00 GMT (Europe/London)",
        "100 Parliament Street",
        "09:45–10:15",  # computed times
        "Helen Marsh (Internet Watch Foundation)",  # leads
        "A shared picture of where the imagery is found",  # objectives
        "We want a date today, not a promise to look at it.",  # lines to take
        "Yahoo relies",  # background
        "Head of Trust and Safety, EMEA",  # job titles
        "tentative",  # replies
        "Show deterrence warnings",  # commitments
        "priya.hollis@dcms.example.org",  # contact details, internal only
    ]:
        assert expected in text, expected
    # The sample marks one item sensitive: the whole pack carries the higher marking.
    assert banners(papers / f"{PACK}.docx") == (["OFFICIAL-SENSITIVE"], ["OFFICIAL-SENSITIVE"])


def test_the_briefing_pack_html_is_self_contained_and_prints_its_marking(papers: Path) -> None:
    page = Page((papers / f"{PACK}.html").read_text())
    assert page.fetches == []  # nothing from any other file or host
    assert page.banners == [("top", "OFFICIAL-SENSITIVE"), ("bottom", "OFFICIAL-SENSITIVE")]
    style = "".join(page.styles)
    assert "@media print" in style and "@page" in style
    assert re.search(r"\.banner \{ position: fixed", style)
    text = "".join(page.text)
    assert "We want a date today" in text and "Mei Lin Carter" in text


def test_the_note_for_attendees_and_its_internal_twin(papers: Path) -> None:
    external = docx_text(papers / f"{NOTE}.docx")
    internal = docx_text(papers / f"{NOTE}-internal.docx")
    for text in (external, internal):
        assert "Daniel Reyes, Director of Public Policy, UK" in text  # attendance
        assert "Jess Moreno (Twitter)" in text  # apologies
        assert "hosts asked for a single hash list" in text  # summary
        assert "the IWF to share one hash list" in text  # decisions
        assert "27 January 2026" in text  # an action's due date
        assert "30 June 2026" in text  # a commitment's date
    assert "Operation Creative" not in external and "Operation Creative" in internal
    assert "priya.hollis@" not in external and "priya.hollis@" in internal
    # Who did not come is not listed as attending.
    assert "Oliver Grant" not in external
    assert banners(papers / f"{NOTE}.docx") == (["OFFICIAL"], ["OFFICIAL"])
    assert banners(papers / f"{NOTE}-internal.docx")[0] == ["OFFICIAL-SENSITIVE"]


def test_the_press_notice_names_no_one_but_the_minister(papers: Path, data_dir: Path) -> None:
    text = docx_text(papers / f"{PRESS}.docx")
    assert "Secretary of State for Culture, Media and Sport" in text
    assert "Internet Watch Foundation" in text and "Microsoft" in text
    assert "Show deterrence warnings on searches" in text
    assert "Twitter" not in text  # did not attend
    register = load_dataset(data_dir).register
    assert register is not None
    for organisation in register.record.organisations.values():
        for delegate_id, person in organisation.delegates.items():
            if delegate_id != "secretary-of-state":
                assert person.name not in text, person.name
            assert person.email not in text
    assert banners(papers / f"{PRESS}.docx") == ([], [])


def test_personal_data_appears_in_no_paper_and_contacts_only_in_internal_ones(
    papers: Path, data_dir: Path
) -> None:
    register = load_dataset(data_dir).register
    assert register is not None
    people = [p for o in register.record.organisations.values() for p in o.delegates.values()]
    personal = [
        text
        for p in people
        if p.personal is not None
        for text in (p.personal.dietary_needs, p.personal.access_needs)
        if text
    ]
    assert personal, "the sample holds personal data to look for"
    contacts = [p.email for p in people] + [p.phone for p in people if p.phone]
    for path in papers.iterdir():
        text = output_text(path)
        assert not any(needs in text for needs in personal), path.name
        if "internal" not in path.name:
            assert not any(contact in text for contact in contacts), path.name


def test_golden_markdown(data_dir: Path) -> None:
    """The Markdown papers as filed, written after the day (the press notice's tense follows
    the date): review a change to what the papers say here."""
    papers = data_dir / "golden-out"
    after = datetime(2027, 2, 1, 12, tzinfo=UTC)
    write_papers(load_dataset(data_dir), SAMPLE_SUMMIT, papers, now=after)
    for name in (f"{PACK}.md", f"{NOTE}.md", f"{NOTE}-internal.md", f"{PRESS}.md"):
        assert (papers / name).read_text() == (GOLDEN / name).read_text(), name


def test_text_from_the_data_never_becomes_markup(data_dir: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    hostile = "<script>alert(1)</script> [click](http://evil.example) | **bold**"
    text = path.read_text().replace('title = "Coffee"', f'title = "{hostile.replace(chr(34), "")}"')
    path.write_text(text)
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir, "--only", "brief").code == 0
    html = (data_dir / "exports" / f"{PACK}.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert hostile in "".join(Page(html).text)
    markdown = (data_dir / "exports" / f"{PACK}.md").read_text()
    assert r"\<script\>" in markdown and r"\[click\]" in markdown and r"\*\*bold\*\*" in markdown


def test_bad_data_writes_no_paper(data_dir: Path, cli) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    path.write_text(path.read_text().replace("google-policy = true", 'google-policy = "yes"'))
    before = snapshot(data_dir)
    result = cli("papers", SAMPLE_SUMMIT, "--data", data_dir)
    assert result.code == 1
    assert f"{SAMPLE_SUMMIT}.toml:" in result.out and "attended.google-policy" in result.out
    assert "no paper was written" in result.err
    assert "Traceback" not in result.out + result.err
    assert snapshot(data_dir) == before
    unknown = cli("papers", "no-such-summit", "--data", data_dir)
    assert unknown.code == 1 and "no summit 'no-such-summit'" in unknown.err


# ── The transparency return ─────────────────────────────────────────────────

MEETING = """\
title = "{title}"
convener = "{convener}"
organiser = "summit-lead"
start = {day}T10:00:00
end = {day}T11:00:00
venue = "100 Parliament Street"
status = "{status}"
purpose = "{purpose}"

[invitations.{org}.rsvp]
{delegate} = "accepted"

[invitations.{org}.attended]
{delegate} = {attended}
"""


def _meeting(root: Path, summit_id: str, **values: str) -> None:
    fields = {
        "title": "A meeting",
        "convener": "secretary-of-state",
        "day": "2027-02-10",
        "status": "held",
        "purpose": "To discuss online safety",
        "org": "google",
        "delegate": "google-policy",
        "attended": "true",
    }
    fields.update(values)
    (root / "agendas" / f"{summit_id}.toml").write_text(MEETING.format(**fields))


def test_the_transparency_return_lists_meetings_held_with_external_organisations(
    data_dir: Path, cli
) -> None:
    _meeting(data_dir, "with-google", day="2026-02-10", purpose="To discuss =search, filtering")
    _meeting(
        data_dir,
        "with-the-home-office",
        day="2026-02-10",
        org="home-office",
        delegate="crime-policy-director",
    )
    _meeting(data_dir, "cancelled", day="2026-02-10", status="cancelled", attended="false")
    _meeting(data_dir, "nobody-came", day="2026-02-10", attended="false", status="confirmed")
    _meeting(data_dir, "in-april", day="2026-04-02")
    _meeting(data_dir, "chaired-by-an-official", day="2026-02-10", convener="private-secretary")
    result = cli("transparency", "--from", "2026-01-01", "--to", "2026-03-31", "--data", data_dir)
    assert result.code == 0, result.err
    rows = csv_rows(result.out.encode())
    assert rows[0] == ["Minister", "Date", "Name of organisation", "Purpose of meeting"]
    assert [row[1] for row in rows[1:]] == ["20/01/2026", "10/02/2026"]
    sample = rows[1]
    assert sample[0] == "Secretary of State"
    assert sample[2].startswith("Google, Yahoo, Microsoft") and "Home Office" not in sample[2]
    assert "Internet Watch Foundation" in sample[2]
    assert "To discuss =search, filtering" in [row[3] for row in rows]  # no formula here
    # An official's meeting is not a minister's: left out, and said so with the others.
    assert {row[0] for row in rows[1:]} == {"Secretary of State"}
    assert (
        "note: left out chaired-by-an-official (10 Feb 2026): convened by Tom Ashworth, who is "
        "not a minister, and no minister came (`minister = true` in the register): not a "
        "minister's meeting"
    ) in result.err
    assert "left out with-the-home-office (10 Feb 2026): no external organisation came" in (
        result.err
    )
    assert "left out nobody-came (10 Feb 2026): not marked held and nobody's attendance" in (
        result.err
    )
    assert "cancelled" not in result.err and "in-april" not in result.err
    official = cli(
        "transparency",
        "--from",
        "2026-01-01",
        "--to",
        "2026-03-31",
        "--minister",
        "private-secretary",
        "--data",
        data_dir,
    )
    assert official.code == 2 and official.out == ""
    assert "Tom Ashworth (private-secretary) is not a minister" in official.err


def test_a_cell_a_spreadsheet_would_run_is_defused(data_dir: Path, cli) -> None:
    _meeting(data_dir, "formula", day="2026-02-10", purpose="=HYPERLINK(1)")
    result = cli("transparency", "--from", "2026-02-01", "--to", "2026-02-28", "--data", data_dir)
    assert csv_rows(result.out.encode())[1][3] == "'=HYPERLINK(1)"


def test_transparency_refuses_a_date_that_is_not_one(data_dir: Path, cli, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("transparency", "--from", "2027-13-01", "--to", "2027-12-31", "--data", data_dir)
    assert exited.value.code == 2
    assert "'2027-13-01' is not a date: write it as YYYY-MM-DD" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2027-12-01", "--to", "2027-01-31"], "is before"),
        (["--from", "2027-01-01", "--to", "2027-12-31", "--minister", "nobody"], "answers to"),
    ],
)
def test_transparency_bad_arguments(data_dir: Path, cli, args: list[str], message: str) -> None:
    result = cli("transparency", *args, "--data", data_dir)
    assert result.code == 2 and message in result.err and result.out == ""


def test_transparency_refuses_while_a_file_has_errors(data_dir: Path, cli) -> None:
    _meeting(data_dir, "broken", attended='"yes"')
    out = data_dir / "return.csv"
    result = cli(
        "transparency",
        "--from",
        "2027-01-01",
        "--to",
        "2027-12-31",
        "--data",
        data_dir,
        "--out",
        out,
    )
    assert result.code == 1 and "broken.toml:" in result.out
    assert not out.exists()


def test_a_follow_up_shows_where_the_series_commitments_and_actions_stand(
    data_dir: Path, cli
) -> None:
    sample = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    # Google's commitment was met; two of the first summit's actions are still open here.
    text = sample.read_text()
    for due in ("2026-02-10", "2026-02-03"):
        text = text.replace(f'due = {due}\nstatus = "done"\n', f"due = {due}\n")
    sample.write_text(text)
    _meeting(data_dir, "follow-up", day="2027-05-12")
    path = data_dir / "agendas" / "follow-up.toml"
    path.write_text(path.read_text().replace("status =", f'follows = "{SAMPLE_SUMMIT}"\nstatus ='))
    result = cli("papers", "follow-up", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    out = data_dir / "exports"
    pack = docx_text(out / "follow-up-briefing-pack-internal.docx")
    assert "Earlier commitments and where they stand" in pack
    assert "Show deterrence warnings on searches that seek child-abuse imagery." in pack
    assert "met" in pack.split("Show deterrence warnings")[1].split("\n")[:6]
    # Open actions of the earlier summit, the sensitive one marked.
    assert "Share figures on reports received" in pack
    assert "OFFICIAL-SENSITIVE: Brief the Home Office" in pack
    note = docx_text(out / "follow-up-note-of-meeting.docx")
    assert "Show deterrence warnings" in note and "Brief the Home Office" not in note
    press = docx_text(out / "follow-up-press-notice.docx")
    assert "Progress on earlier commitments" in press
    assert "Google: Show deterrence warnings" in press and "(met;" in press


def test_word_papers_use_the_documents_own_styles(papers: Path) -> None:
    """Headings, bullets and gridded tables with a bold header row, as an office would edit them."""
    import docx  # noqa: PLC0415

    document = docx.Document(str(papers / f"{NOTE}.docx"))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert {"Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= set(styles)
    for table in document.tables:
        assert table.style is not None and table.style.name == "Table Grid"
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
        assert not any(run.bold for cell in table.rows[1].cells for run in cell.paragraphs[0].runs)
    assert document.core_properties.title == f"Note of the meeting: {SAMPLE_TITLE}"


def test_warnings_a_broken_series_and_a_sensitive_summit(data_dir: Path, cli) -> None:
    _meeting(data_dir, "follow-up", day="2027-05-12")
    path = data_dir / "agendas" / "follow-up.toml"
    text = path.read_text().replace(
        "status =",
        'classification = "OFFICIAL-SENSITIVE"\npublic_purpose = "Online safety"\n'
        'follows = "middle"\nstatus =',
    )
    path.write_text(text)
    _meeting(data_dir, "middle", day="2027-03-10", attended='"yes"')  # does not load
    result = cli("papers", "follow-up", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    assert "warning: the series stops at middle: its file does not load" in result.err
    assert "have the press notice cleared before it is published" in result.err
    quiet = cli("papers", "follow-up", "--only", "brief", "--data", data_dir)
    assert "press notice" not in quiet.err
