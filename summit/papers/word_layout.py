"""The parts of a Word paper that make it print and read right in a UK office.

A4 with 2 cm margins (python-docx's template is US Letter), the language en-GB
(spell checking and screen readers read by it), and "Page X of Y" in the footer
beside the marking (table rows that repeat their header and never split across a
page are in word_xml). Written as WordprocessingML elements: python-docx has no API for fields,
row properties or the default language.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import _Footer
    from docx.text.paragraph import Paragraph as DocxParagraph

A4_TWIPS = (11906, 16838)
MARGIN_TWIPS = 1134  # 2 cm
EDGE_TWIPS = 567  # header and footer 1 cm from the page's edge
LANGUAGE = "en-GB"
_TWIP_EMU = 635


def page_setup(document: "Document") -> None:
    from docx.shared import Emu  # noqa: PLC0415 - loaded when writing

    for section in document.sections:
        section.page_width, section.page_height = (Emu(t * _TWIP_EMU) for t in A4_TWIPS)
        margin = Emu(MARGIN_TWIPS * _TWIP_EMU)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        section.header_distance = section.footer_distance = Emu(EDGE_TWIPS * _TWIP_EMU)


def language(document: "Document") -> None:
    """en-GB as every run's default language, in the styles' document defaults."""
    from docx.oxml.ns import qn  # noqa: PLC0415

    styles = document.styles.element
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)


def _field(paragraph: "DocxParagraph", instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word and LibreOffice fill it in when they lay out."""
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def footer(part: "_Footer", marking: str | None) -> None:
    """The marking centred in bold and "Page X of Y" at the right, on one line."""
    from docx.enum.text import WD_TAB_ALIGNMENT  # noqa: PLC0415
    from docx.shared import Emu  # noqa: PLC0415

    paragraph = part.paragraphs[0]
    width = A4_TWIPS[0] - 2 * MARGIN_TWIPS
    stops = paragraph.paragraph_format.tab_stops
    for letter_stop in (4680, 9360):  # the Footer style's stops, for US Letter
        stops.add_tab_stop(Emu(letter_stop * _TWIP_EMU), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Emu(width // 2 * _TWIP_EMU), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Emu(width * _TWIP_EMU), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run("\t")
    if marking:
        paragraph.add_run(marking).bold = True
    paragraph.add_run("\tPage ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")
