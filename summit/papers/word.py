"""A paper as a Word document (.docx, through python-docx): what a private office edits and files.

python-docx is imported when a paper is written, not when summit starts. Styles
are looked up once per document and set by id, and table cells are filled
through the XML elements directly: python-docx's by-name style lookup and cell
access cost a search of the document each time, too slow for a pack of 500 people.
"""

import io
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from summit.papers import word_xml
from summit.papers.document import Block, Bullets, Heading, Paper, Paragraph, Table
from summit.papers.prose import prose
from summit.papers.word_layout import footer, language, page_setup

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement as _Element
    from docx.section import _Footer, _Header


class _Writer:
    def __init__(self, document: "Document") -> None:
        self.document = document
        # python-docx adds each paragraph and table before the section properties that
        # end the body, finding them by a search from the body's first child: quadratic
        # (43 s of the 93 s of the papers of a summit of 30,000 agenda items). The
        # writer holds that end and adds before it, as python-docx would.
        self.end = document.element.body.get_or_add_sectPr()
        self.width = document._block_width

    @cache  # noqa: B019 - one writer per document, dropped with it
    def style_id(self, name: str) -> str:
        return str(self.document.styles[name].style_id)

    def paragraph(self, style: str | None = None) -> "_Element":
        return word_xml.paragraph(self.end, None if style is None else self.style_id(style))

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            word_xml.run(self.paragraph(f"Heading {block.level}"), block.text)
        elif isinstance(block, Paragraph):
            self.text(block)
        elif isinstance(block, Bullets):
            self.bullets(block.items)
        else:
            self.table(block)

    def bullets(self, items: tuple[str, ...]) -> None:
        for item in items:
            word_xml.run(self.paragraph("List Bullet"), item)

    def text(self, block: Paragraph) -> None:
        """The label in bold before the first paragraph (on its own line before a list)."""
        label = f"{block.label}: " if block.label else None
        for piece in prose(block.text):
            if piece.is_list:
                if label:
                    word_xml.run(self.paragraph(), label.rstrip(), bold=True)
                self.bullets(piece.items)
            else:
                paragraph = self.paragraph()
                if label:
                    word_xml.run(paragraph, label, bold=True)
                word_xml.run(paragraph, piece.text)
            label = None

    def table(self, block: Table) -> None:
        from docx.oxml.table import CT_Tbl  # noqa: PLC0415 - loaded when writing

        tbl = CT_Tbl.new_tbl(1 + len(block.rows), len(block.header), self.width)
        self.end.addprevious(tbl)
        tbl.tblStyle_val = self.style_id("Table Grid")
        rows = (block.header, *block.rows)
        for number, (tr, values) in enumerate(zip(tbl.tr_lst, rows, strict=True)):
            header = number == 0
            word_xml.row_properties(tr, header=header)
            for tc, value in zip(tr.tc_lst, values, strict=True):
                # a new cell holds its properties, then one empty paragraph
                word_xml.cell_run(tc[-1], value, bold=header)  # the header row in bold


def _banner(part: "_Header | _Footer", marking: str) -> None:
    """The marking centred in bold: in a header or footer it repeats on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 - loaded when writing

    paragraph = part.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(marking).bold = True


def render_docx(paper: Paper, stamp: datetime) -> bytes:
    """The paper as .docx bytes; `stamp` is recorded as when it was made."""
    import docx  # noqa: PLC0415 - python-docx loads only when a paper is written

    document = docx.Document()
    properties = document.core_properties
    properties.title = paper.title
    properties.author = "summit"
    properties.last_modified_by = "summit"
    properties.created = properties.modified = stamp
    properties.language = "en-GB"
    page_setup(document)
    language(document)
    if paper.marking:
        properties.category = paper.marking
        _banner(document.sections[0].header, paper.marking)
    footer(document.sections[0].footer, paper.marking)
    writer = _Writer(document)
    word_xml.run(writer.paragraph("Heading 1"), paper.title)
    for block in paper.blocks:
        writer.block(block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
