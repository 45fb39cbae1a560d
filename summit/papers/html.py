"""A paper as one self-contained HTML page (styles inline, nothing fetched) with a print stylesheet.

jinja2 is imported when a paper is written, not when summit starts. Every value
is escaped by the template engine, so text from the data never becomes markup.
"""

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from summit.papers.document import Block, Bullets, Heading, Paper, Paragraph
from summit.papers.prose import Prose, prose

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True, slots=True)
class _Shown:
    kind: str
    value: Block
    pieces: tuple[Prose, ...] = ()


def _kind(block: Block) -> str:
    if isinstance(block, Heading):
        return "heading"
    if isinstance(block, Paragraph):
        return "paragraph"
    if isinstance(block, Bullets):
        return "bullets"
    return "table"


@cache
def _template() -> "jinja2.Template":
    import jinja2  # noqa: PLC0415 - loaded only when a paper is written

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("summit.papers", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("paper.html.j2")


def render_html(paper: Paper) -> bytes:
    template = _template()
    blocks = [
        _Shown(_kind(b), b, tuple(prose(b.text)) if isinstance(b, Paragraph) else ())
        for b in paper.blocks
    ]
    return template.render(paper=paper, blocks=blocks).encode("utf-8")
