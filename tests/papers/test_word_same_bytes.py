"""Issue 21 item 18: the Word papers are written as lxml elements directly, for speed, and
say exactly what python-docx's own calls said: every part of the .docx byte for byte.

The reference below is the writer as it was before (python-docx's `add_run`, `bold`,
the paragraph style and the row properties through its API), so a difference in any
element, attribute, namespace or order fails here.
"""

import io
import zipfile
from datetime import UTC, date, datetime

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.text.paragraph import Paragraph as DocxParagraph

from summit.papers.document import Bullets, Heading, Paper, PaperKind, Paragraph, Table
from summit.papers.prose import prose
from summit.papers.word import render_docx
from summit.papers.word_layout import footer, language, page_setup
from summit.papers.writing import papers_for
from summit.store import load_dataset
from tests.conftest import REPO

STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _paragraph(document: Document, style: str | None = None) -> DocxParagraph:
    return document.add_paragraph(style=style)


def _text(document: Document, block: Paragraph) -> None:
    label = f"{block.label}: " if block.label else None
    for piece in prose(block.text):
        if piece.is_list:
            if label:
                _paragraph(document).add_run(label.rstrip()).bold = True
            for item in piece.items:
                _paragraph(document, "List Bullet").add_run(item)
        else:
            paragraph = _paragraph(document)
            if label:
                paragraph.add_run(label).bold = True
            paragraph.add_run(piece.text)
        label = None


def _table(document: Document, block: Table) -> None:
    tbl = CT_Tbl.new_tbl(1 + len(block.rows), len(block.header), document._block_width)
    document.element.body.get_or_add_sectPr().addprevious(tbl)
    tbl.tblStyle_val = document.styles["Table Grid"].style_id
    for number, (tr, values) in enumerate(
        zip(tbl.tr_lst, (block.header, *block.rows), strict=True)
    ):
        properties = tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if number == 0:
            properties.append(OxmlElement("w:tblHeader"))
        for tc, value in zip(tr.tc_lst, values, strict=True):
            run = tc.p_lst[0].add_r()
            run.add_t(value)
            if number == 0:
                run.get_or_add_rPr().get_or_add_b()


def reference_docx(paper: Paper) -> bytes:
    """The paper through python-docx's own API, as summit wrote it before."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = paper.title
    properties.author = properties.last_modified_by = "summit"
    properties.created = properties.modified = STAMP
    properties.language = "en-GB"
    page_setup(document)
    language(document)
    if paper.marking:
        properties.category = paper.marking
        banner = document.sections[0].header.paragraphs[0]
        banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
        banner.add_run(paper.marking).bold = True
    footer(document.sections[0].footer, paper.marking)
    _paragraph(document, "Heading 1").add_run(paper.title)
    for block in paper.blocks:
        if isinstance(block, Heading):
            _paragraph(document, f"Heading {block.level}").add_run(block.text)
        elif isinstance(block, Paragraph):
            _text(document, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                _paragraph(document, "List Bullet").add_run(item)
        else:
            _table(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    """Every part of a .docx (the zip's own dates differ from one second to the next)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _sample_papers() -> list[Paper]:
    dataset = load_dataset(REPO)
    made: list[Paper] = []
    for summit_id in sorted(dataset.summits):
        _, register = dataset.valid_summit(summit_id)
        records = dataset.summit_records()
        made += papers_for(summit_id, records, register, list(PaperKind), date(2026, 1, 1))
    return made


ODD = Paper(
    PaperKind.BRIEF,
    "odd",
    "A title\twith a tab",
    internal=True,
    marking="OFFICIAL-SENSITIVE",
    blocks=(
        Heading("  spaced heading "),
        Heading("", 3),
        Heading("line\nbreak and\r\nreturn", 4),
        Paragraph("Plain text."),
        Paragraph(" leading and trailing ", "Label"),
        Paragraph("- first\n- second\n\nafter the list", "Listed"),
        Paragraph("tab\there", "Tabbed\tlabel"),
        Paragraph("\u00a0no-break space\u2003em space\u00a0", "Café"),
        Bullets(("one", " two ", "", " ", "\t", "three\tfour", "five\nsix", "a\r\nb", "&<>\"'")),
        Table(
            ("A", " B ", ""),
            (("x", "", "tab\tin cell"), (" y", "z ", "ü<&>\"'"), (" ", "a\rb", "c\nd")),
        ),
        Table(("Only",), ()),
    ),
)


@pytest.mark.parametrize("paper", [ODD, *_sample_papers()], ids=lambda paper: paper.name)
def test_a_word_paper_is_byte_for_byte_what_python_docx_wrote(paper: Paper) -> None:
    assert _parts(render_docx(paper, STAMP)) == _parts(reference_docx(paper))


def test_the_edge_cases_are_there_to_compare() -> None:
    """The odd paper does hold what python-docx writes apart: tabs, breaks, kept spaces,
    an empty cell."""
    document = zipfile.ZipFile(io.BytesIO(render_docx(ODD, STAMP))).read("word/document.xml")
    for expected in (b"<w:tab/>", b"<w:br/>", b'xml:space="preserve"', b"<w:t></w:t>", b"<w:b/>"):
        assert expected in document
