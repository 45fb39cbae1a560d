"""A paper as a Word document (.docx, through python-docx): what a private office edits and files.

python-docx is imported when a paper is written, not when summit starts.
"""

import io
from datetime import datetime
from typing import TYPE_CHECKING

from summit.papers.document import Block, Bullets, Heading, Paper, Paragraph, Table

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer, _Header


def _banner(part: "_Header | _Footer", marking: str) -> None:
    """The marking centred in bold: in a header or footer it repeats on every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 - loaded when writing

    paragraph = part.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(marking).bold = True


def _lines(paragraph: object, text: str) -> None:
    from docx.text.paragraph import Paragraph as DocxParagraph  # noqa: PLC0415

    assert isinstance(paragraph, DocxParagraph)
    run = paragraph.add_run()
    for index, line in enumerate(text.splitlines()):
        if index:
            run.add_break()
        run.add_text(line)


def _table(document: "Document", block: Table) -> None:
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = "Table Grid"
    for row, values in zip(table.rows, (block.header, *block.rows), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _block(document: "Document", block: Block) -> None:
    if isinstance(block, Heading):
        document.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        paragraph = document.add_paragraph()
        if block.label:
            paragraph.add_run(f"{block.label}: ").bold = True
        _lines(paragraph, block.text)
    elif isinstance(block, Bullets):
        for item in block.items:
            document.add_paragraph(item, style="List Bullet")
    else:
        _table(document, block)


def render_docx(paper: Paper, stamp: datetime) -> bytes:
    """The paper as .docx bytes; `stamp` is recorded as when it was made."""
    import docx  # noqa: PLC0415 - python-docx loads only when a paper is written

    document = docx.Document()
    properties = document.core_properties
    properties.title = paper.title
    properties.author = "summit"
    properties.last_modified_by = "summit"
    properties.created = properties.modified = stamp
    if paper.marking:
        properties.category = paper.marking
        section = document.sections[0]
        _banner(section.header, paper.marking)
        _banner(section.footer, paper.marking)
    document.add_heading(paper.title, level=1)
    for block in paper.blocks:
        _block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
