"""Read every kind of output back with real parsers, as the people who receive it would."""

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import icalendar

from summit.ical.mail import read_message


def docx_text(path: Path) -> str:
    """Every paragraph, table cell, header and footer of a Word document."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
        parts.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(parts)


def banners(path: Path) -> tuple[list[str], list[str]]:
    """The header and footer text of each section: what prints at the top and bottom of pages
    (the footer's "Page X of Y", tabbed to the right of the marking, left out)."""
    document = docx.Document(str(path))

    def marks(paragraphs: list) -> list[str]:
        found = (part.strip() for p in paragraphs for part in p.text.split("\t"))
        return [part for part in found if part and not part.startswith("Page ")]

    tops = marks([p for s in document.sections for p in s.header.paragraphs])
    bottoms = marks([p for s in document.sections for p in s.footer.paragraphs])
    return tops, bottoms


class Page(HTMLParser):
    """An HTML page as text, with what it would fetch and its banners."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.fetches: list[str] = []
        self.banners: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self._in: list[str] = []
        self._banner: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._in.append(tag)
        for name in ("src", "href"):
            if found.get(name):
                self.fetches.append(f"{tag} {name}={found[name]}")
        classes = (found.get("class") or "").split()
        if "banner" in classes:
            self._banner = "top" if "top" in classes else "bottom"

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()
        if tag == "div":
            self._banner = None

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.styles.append(data)
            return
        if self._banner and data.strip():
            self.banners.append((self._banner, data.strip()))
        self.text.append(data)


def ics_text(data: bytes) -> str:
    """Every property value of every component, unfolded and unescaped."""
    calendar = icalendar.Calendar.from_ical(data)
    parts = []
    for component in calendar.walk():
        for name, value in component.items():
            values = value if isinstance(value, list) else [value]
            parts.extend(f"{name}:{one}" for one in values)
    return "\n".join(parts)


def eml_text(data: bytes) -> str:
    """Headers, readable body and calendar parts of an e-mail, decoded."""
    message = read_message(data)
    parts = [f"{k}: {v}" for k, v in message.items()]
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        raw = content if isinstance(content, bytes) else content.encode()
        if part.get_content_type() in ("text/calendar", "application/ics"):
            parts.append(ics_text(raw))
        else:
            parts.append(raw.decode())
    return "\n".join(parts)


def csv_rows(data: bytes) -> list[list[str]]:
    """Rows as a spreadsheet reads them: the byte-order mark marks the encoding, not a cell."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def output_text(path: Path) -> str:
    """Any output file as the text its reader sees."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".html":
        return "".join(Page(data.decode()).text)
    if path.suffix == ".ics":
        return ics_text(data)
    if path.suffix == ".eml":
        return eml_text(data)
    if path.suffix == ".csv":
        return "\n".join(",".join(row) for row in csv_rows(data))
    # Markdown: read past the escapes that keep text from turning into markup.
    return re.sub(r"\\(.)", r"\1", data.decode().replace("\\\n", "\n"))
