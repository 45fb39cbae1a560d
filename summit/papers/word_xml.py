"""The body of a Word paper written as WordprocessingML text, parsed once into the document.

python-docx builds each element through its generic child-ordering machinery (a
search of the parent's successors per child, an XPath query to clear every new
run, the text parsed one character at a time), about 20 µs an element: most of
the time of a pack of 30,000 agenda items. Here each paragraph and table is text,
and lxml parses the whole body in one pass. The elements, their order, their
attributes and what they serialise to are exactly what `Paragraph.add_run`,
`Run.bold`, `CT_P.style`, `CT_Tbl.new_tbl` and `CT_Row.get_or_add_trPr` made
(tests/papers/test_word_same_bytes.py compares every part of the file).
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document

# What the parser would not read back as written: markup, and a carriage return
# (which it turns into a line feed).
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
_BREAKS = frozenset("\t\r\n")  # python-docx writes these as w:tab and w:br
_BOLD = "<w:rPr><w:b/></w:rPr>"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _T = f"{_W}tbl", f"{_W}t"
_ROW = "<w:trPr><w:cantSplit/></w:trPr>"
_HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
_TABLE_LOOK = (
    '<w:tblW w:type="auto" w:w="0"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
    'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
)


def _t(text: str) -> str:
    # python-docx's CT_R.add_t keeps the spaces of text with any at either end
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:t{space}>{text.translate(_ESCAPES)}</w:t>"


def _content(text: str) -> str:
    """A run's text as python-docx's _RunContentAppender writes it: a tab as `w:tab`,
    a carriage return or line feed as `w:br`, the rest in `w:t`."""
    if _BREAKS.isdisjoint(text):
        return _t(text) if text else ""
    parts: list[str] = []
    pending: list[str] = []
    for char in text:
        if char in _BREAKS:
            if pending:
                parts.append(_t("".join(pending)))
                pending.clear()
            parts.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            pending.append(char)
    if pending:
        parts.append(_t("".join(pending)))
    return "".join(parts)


def run(text: str, *, bold: bool = False) -> str:
    """A `w:r` holding `text`, in bold if asked."""
    return f"<w:r>{_BOLD if bold else ''}{_content(text)}</w:r>"


def paragraph(runs: str = "", style_id: str | None = None) -> str:
    """A `w:p` of `runs`, in a style."""
    if style_id is None:
        return f"<w:p>{runs}</w:p>"
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id.translate(_ESCAPES)}"/></w:pPr>{runs}</w:p>'


def _row(values: tuple[str, ...], cell_twips: int, *, header: bool) -> str:
    """A row kept on one page; a header row in bold, repeated at the top of each page.
    A cell holds its one line as it is, tabs too, in a `w:t` even when empty."""
    properties = _HEADER_ROW if header else _ROW
    width = f'<w:tcPr><w:tcW w:type="dxa" w:w="{cell_twips}"/></w:tcPr>'
    bold = _BOLD if header else ""
    cells = "".join(f"<w:tc>{width}<w:p><w:r>{bold}{_t(v)}</w:r></w:p></w:tc>" for v in values)
    return f"<w:tr>{properties}{cells}</w:tr>"


def table(
    header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], style_id: str, cell_twips: int
) -> str:
    """A `w:tbl` in a table style, its columns `cell_twips` wide, the header row first."""
    style = f'<w:tblStyle w:val="{style_id.translate(_ESCAPES)}"/>'
    grid = f'<w:gridCol w:w="{cell_twips}"/>' * len(header)
    lines = [_row(header, cell_twips, header=True)]
    lines += [_row(values, cell_twips, header=False) for values in rows]
    return f"<w:tbl><w:tblPr>{style}{_TABLE_LOOK}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>" + (
        "".join(lines) + "</w:tbl>"
    )


def insert(parts: list[str], document: "Document") -> None:
    """The elements written in `parts`, in order, at the end of the document's body.

    The document's XML is read back once with them in place of the body's end, its
    section properties: moving a parsed table of thousands of rows into the
    document instead costs lxml time in the square of its size.
    """
    from docx.opc.oxml import serialize_part_xml  # noqa: PLC0415 - loaded when writing
    from docx.oxml.parser import parse_xml  # noqa: PLC0415

    document.element.body.get_or_add_sectPr()
    xml = serialize_part_xml(document.element)
    end = xml.rindex(b"<w:sectPr")  # the body's last child (text holds no "<": it is escaped)
    element = parse_xml(xml[:end] + "".join(parts).encode() + xml[end:])
    # An empty cell's `w:t` reads back without text, which would be written `<w:t/>`:
    # python-docx wrote `<w:t></w:t>`.
    for table in element.body.iterchildren(_TBL):
        for t in table.iter(_T):
            if t.text is None:
                t.text = ""
    # What the document's part saves; `document.element` still names the old tree,
    # so nothing may be added through `document` after this.
    document.part._element = element
