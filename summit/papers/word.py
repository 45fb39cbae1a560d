"""A paper as a Word document (.docx, through python-docx): what a private office edits and files.

python-docx is imported when a paper is written, not when summit starts. It sets
up the document (page, styles, header and footer) and saves it; the body, a
paragraph or table per block, is written as WordprocessingML text by word_xml
and parsed once: python-docx's by-name style lookup, cell access and element
building cost too much for a pack of 30,000 agenda items. Styles are looked up
once per document and set by id.
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
    from docx.section import _Footer, _Header


class _Writer:
    """The body as WordprocessingML text (word_xml), inserted once it is all written."""

    def __init__(self, document: "Document") -> None:
        self.document = document
        self.parts: list[str] = []

    @cache  # noqa: B019 - one writer per document, dropped with it
    def style_id(self, name: str) -> str:
        return str(self.document.styles[name].style_id)

    def paragraph(self, runs: str, style: str | None = None) -> None:
        style_id = None if style is None else self.style_id(style)
        self.parts.append(word_xml.paragraph(runs, style_id))

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.paragraph(word_xml.run(block.text), f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            self.text(block)
        elif isinstance(block, Bullets):
            self.bullets(block.items)
        else:
            self.table(block)

    def bullets(self, items: tuple[str, ...]) -> None:
        for item in items:
            self.paragraph(word_xml.run(item), "List Bullet")

    def text(self, block: Paragraph) -> None:
        """The label in bold before the first paragraph (on its own line before a list)."""
        label = f"{block.label}: " if block.label else None
        for piece in prose(block.text):
            if piece.is_list:
                if label:
                    self.paragraph(word_xml.run(label.rstrip(), bold=True))
                self.bullets(piece.items)
            else:
                bold = word_xml.run(label, bold=True) if label else ""
                self.paragraph(bold + word_xml.run(piece.text))
            label = None

    def table(self, block: Table) -> None:
        """Columns of equal width across the page, as python-docx's add_table makes them."""
        from docx.shared import Emu  # noqa: PLC0415 - loaded when writing

        twips = Emu(self.document._block_width // len(block.header)).twips
        style = self.style_id("Table Grid")
        self.parts.append(word_xml.table(block.header, block.rows, style, twips))

    def finish(self) -> None:
        word_xml.insert(self.parts, self.document)


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
    writer.paragraph(word_xml.run(paper.title), "Heading 1")
    for block in paper.blocks:
        writer.block(block)
    writer.finish()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
