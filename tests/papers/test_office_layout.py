"""Issue 20: papers for a private office: A4 Word that prints right, paragraphs and lists."""

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT
from tests.papers.reading import Page

PACK = f"{SAMPLE_SUMMIT}-briefing-pack-internal"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def _big_summit(data_dir: Path, people: int = 500) -> None:
    """The sample summit with long wrapped text and `people` invited delegates."""
    register = data_dir / "invitees.toml"
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    organisations, invitations = [], []
    for org in range(people // 10):
        organisations.append(f'[organisations.big-{org}]\nname = "Big Org {org}"\nsector = "other"')
        invitations.append(f"[invitations.big-{org}.rsvp]")
        for person in range(10):
            pid = f"big-{org}-{person}"
            organisations.append(
                f'[organisations.big-{org}.delegates.{pid}]\nname = "Person {org} {person}"\n'
                f'job_title = "Director of Things"\nemail = "{pid}@big.example.org"'
            )
            invitations.append(f'{pid} = "accepted"')
    register.write_text(register.read_text() + "\n" + "\n".join(organisations) + "\n")
    long = "\n".join(["A long background sentence that wraps in the file"] * 150)
    text = summit.read_text().replace('background = """\n', f'background = """\n{long}\n\n', 1)
    summit.write_text(text + "\n" + "\n".join(invitations) + "\n")


@pytest.fixture
def pack(data_dir: Path, cli) -> Path:
    result = cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir)
    assert result.code == 0, result.out + result.err
    return data_dir / "exports"


def test_every_word_paper_is_a4_with_margins(data_dir: Path, cli) -> None:
    assert cli("papers", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    documents = sorted((data_dir / "exports").glob("*.docx"))
    assert len(documents) == 4
    for path in documents:
        xml = _part(path, "word/document.xml")
        assert re.search(r'<w:pgSz w:w="11906" w:h="16838"', xml), path.name
        margins = re.search(r"<w:pgMar ([^>]*)/>", xml)
        assert margins is not None
        for side in ("top", "bottom", "left", "right"):
            assert f'w:{side}="1134"' in margins.group(1), (path.name, side)


def test_tables_repeat_their_header_and_rows_do_not_split(pack: Path) -> None:
    xml = _part(pack / f"{PACK}.docx", "word/document.xml")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert tables
    for table in tables:
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", table, re.S)
        assert "<w:tblHeader/>" in rows[0]
        assert all("<w:cantSplit/>" in row for row in rows)
        assert not any("<w:tblHeader/>" in row for row in rows[1:])


def test_the_footer_numbers_pages_beside_the_marking(pack: Path) -> None:
    path = pack / f"{PACK}.docx"
    names = zipfile.ZipFile(path).namelist()
    footers = [_part(path, n) for n in names if re.fullmatch(r"word/footer\d*\.xml", n)]
    footer = next(f for f in footers if "OFFICIAL-SENSITIVE" in f)
    assert '<w:instrText xml:space="preserve"> PAGE </w:instrText>' in footer
    assert '<w:instrText xml:space="preserve"> NUMPAGES </w:instrText>' in footer
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", footer))
    assert text.replace("\t", "") == "OFFICIAL-SENSITIVEPage 1 of 1"


def test_word_is_en_gb_with_a_title_and_real_headings(pack: Path) -> None:
    path = pack / f"{PACK}.docx"
    styles = _part(path, "word/styles.xml")
    assert re.search(r'<w:rPrDefault>.*<w:lang w:val="en-GB"', styles, re.S)
    assert "en-US" not in styles
    core = _part(path, "docProps/core.xml")
    assert "<dc:title>Briefing: " in core and "<dc:language>en-GB</dc:language>" in core
    document = _part(path, "word/document.xml")
    assert '<w:pStyle w:val="Heading1"/>' in document
    assert '<w:pStyle w:val="Heading2"/>' in document


def test_wrapped_text_is_one_paragraph_and_dashes_make_a_list(pack: Path) -> None:
    import docx  # noqa: PLC0415

    document = docx.Document(str(pack / f"{PACK}.docx"))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    wrapped = next(text for _, text in paragraphs if "Yahoo relies" in text)
    assert "Yahoo relies on Microsoft's index" in wrapped
    assert "\n" not in wrapped
    listed = [text for style, text in paragraphs if style == "List Bullet"]
    assert "The Government expects every search engine to show deterrence warnings." in listed
    assert "We want a date today, not a promise to look at it." in listed
    markdown = (pack / f"{PACK}.md").read_text()
    assert "Yahoo relies on Microsoft's index" in markdown
    assert "\n- We want a date today, not a promise to look at it.\n" in markdown
    assert "\\- " not in markdown
    html = (pack / f"{PACK}.html").read_text()
    assert "<li>We want a date today, not a promise to look at it.</li>" in html
    assert "Yahoo relies on Microsoft" in html and "relies\non" not in html


def test_a_blank_line_starts_a_new_paragraph(data_dir: Path, cli) -> None:
    summit = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    summit.write_text(
        summit.read_text().replace("Yahoo relies\non", "Yahoo relies on\n\nLater: on", 1)
    )
    assert cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir).code == 0
    html = (data_dir / "exports" / f"{PACK}.html").read_text()
    assert re.search(r"Yahoo relies on</p>\s*<p>Later: on Microsoft", html)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_lays_out_a_big_pack_on_a4(data_dir: Path, cli, tmp_path: Path) -> None:
    _big_summit(data_dir)
    assert cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir).code == 0
    docx_path = data_dir / "exports" / f"{PACK}.docx"
    assert _part(docx_path, "word/document.xml").count("<w:cantSplit/>") >= 500
    out = tmp_path / "pdf"
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    command = ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
    subprocess.run([*command, str(docx_path)], check=True, capture_output=True, timeout=240)
    pdf = (out / f"{PACK}.pdf").read_bytes()
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf))
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes)
    assert (
        pdf.count(b"/Type /Page\n")
        + pdf.count(b"/Type/Page/")
        + len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        > 5
    )


def test_a_big_pack_is_made_with_every_attendee(data_dir: Path, cli) -> None:
    _big_summit(data_dir)
    assert cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir).code == 0
    page = Page((data_dir / "exports" / f"{PACK}.html").read_text())
    text = "".join(page.text)
    assert "Person 49 9" in text
    assert text.count("A long background sentence") == 150
    assert "wraps in the file A long background" in text  # one paragraph, as in the file


def test_the_html_pack_passes_axe_in_chromium(data_dir: Path, cli, tmp_path: Path) -> None:
    from tests.papers.axe import missing, violations  # noqa: PLC0415

    why = missing()
    if why:
        pytest.skip(why)
    _big_summit(data_dir, people=50)
    assert cli("papers", SAMPLE_SUMMIT, "--only", "brief", "--data", data_dir).code == 0
    html = (data_dir / "exports" / f"{PACK}.html").read_text()
    assert violations(html, tmp_path) == []


def test_html_tables_name_their_header_cells_and_print_inside_the_page(pack: Path) -> None:
    html = (pack / f"{PACK}.html").read_text()
    page = Page(html)
    assert '<th scope="col">Time</th>' in html
    assert re.search(r'<tr><th scope="row">\d\d:\d\d–\d\d:\d\d</th>', html)
    print_style = "".join(page.styles).split("@media print", 1)[1]
    assert "calc(100% - 2px)" in print_style
    assert "box-sizing: border-box" in "".join(page.styles)


def test_the_sensitive_marking_goes_before_the_title_everywhere(pack: Path) -> None:
    markdown = (pack / f"{PACK}.md").read_text()
    assert "| 11:55–12:30 | OFFICIAL-SENSITIVE: Copyright" in markdown
    headings = [line for line in markdown.splitlines() if "SENSITIVE:" in line and "#" in line]
    assert headings
    assert all(re.match(r"### \d\d:\d\d–\d\d:\d\d OFFICIAL-SENSITIVE: ", h) for h in headings)
