"""Paragraphs, runs and table cells of a Word paper, written as lxml elements directly.

python-docx builds each element through its generic child-ordering machinery (a
search of the parent's successors per child, an XPath query to clear every new
run, the text parsed one character at a time), about 20 µs an element: most of
the time of a pack of 30,000 agenda items. These write the same elements, in the
same order with the same attributes, as `Paragraph.add_run`, `Run.bold`,
`CT_P.style` and `CT_Row.get_or_add_trPr` would, in a few µs each; text holding
a tab or a line break still goes through python-docx, which turns them into
`w:tab` and `w:br`.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement as _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _VAL = f"{_W}p", f"{_W}pPr", f"{_W}pStyle", f"{_W}val"
_R, _RPR, _B, _T = f"{_W}r", f"{_W}rPr", f"{_W}b", f"{_W}t"
_TRPR, _CANT_SPLIT, _TBL_HEADER = f"{_W}trPr", f"{_W}cantSplit", f"{_W}tblHeader"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = frozenset("\t\r\n")  # python-docx writes these as w:tab and w:br


def paragraph(before: "_Element", style_id: str | None = None) -> "_Element":
    """A new `w:p` just before `before` (the body's section properties), in a style."""
    p: _Element = before.makeelement(_P)
    before.addprevious(p)
    if style_id is not None:
        p.append(_pstyle(p, style_id))
    return p


def _pstyle(p: "_Element", style_id: str) -> "_Element":
    ppr: _Element = p.makeelement(_PPR)
    ppr.append(p.makeelement(_PSTYLE, {_VAL: style_id}))
    return ppr


def _run(p: "_Element", *, bold: bool) -> "_Element":
    r: _Element = p.makeelement(_R)
    p.append(r)
    if bold:
        rpr = r.makeelement(_RPR)
        rpr.append(r.makeelement(_B))
        r.append(rpr)
    return r


def _t(r: "_Element", text: str) -> None:
    t = r.makeelement(_T)
    t.text = text
    if len(text.strip()) < len(text):  # as python-docx's CT_R.add_t
        t.set(_XML_SPACE, "preserve")
    r.append(t)


def cell_run(p: "_Element", text: str, *, bold: bool = False) -> None:
    """A table cell's one line as it is, tabs too (a `w:t`, even when empty)."""
    _t(_run(p, bold=bold), text)


def run(p: "_Element", text: str, *, bold: bool = False) -> None:
    """A `w:r` at the end of `p` holding `text`, in bold if asked."""
    r = _run(p, bold=bold)
    if not text:
        return
    if _BREAKS.isdisjoint(text):
        _t(r, text)
    else:
        from docx.oxml.text.run import _RunContentAppender  # noqa: PLC0415 - rare

        _RunContentAppender.append_to_run_from_text(r, text)


def row_properties(tr: "_Element", *, header: bool) -> None:
    """Keep the row on one page; a header row repeats at the top of each page.
    `tr` is a new row: its properties go first, before its cells."""
    properties = tr.makeelement(_TRPR)
    properties.append(tr.makeelement(_CANT_SPLIT))
    if header:
        properties.append(tr.makeelement(_TBL_HEADER))
    tr.insert(0, properties)
