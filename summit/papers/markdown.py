"""A paper as Markdown (CommonMark with GitHub's tables): the marking above and below it."""

import re

from summit.papers.document import Block, Bullets, Heading, Paper, Paragraph

# Characters that would turn text from the data into markup (a link, an HTML tag,
# emphasis, a table cell break) are escaped, so the text reads as it was written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))


def _lines(text: str) -> str:
    # A backslash at the end of a line is CommonMark's hard line break.
    return "\\\n".join(escape(line) for line in text.splitlines())


def _cell(text: str) -> str:
    """One line inside a heading or a table cell, where a line start means nothing."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {_cell(block.text)}"
    if isinstance(block, Paragraph):
        label = f"**{escape(block.label)}:** " if block.label else ""
        return label + _lines(block.text)
    if isinstance(block, Bullets):
        return "\n".join(f"- {escape(' '.join(item.split()))}" for item in block.items)
    header = "| " + " | ".join(_cell(h) for h in block.header) + " |"
    rule = "|" + "|".join("---" for _ in block.header) + "|"
    rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return "\n".join([header, rule, *rows])


def render_markdown(paper: Paper) -> bytes:
    parts = []
    if paper.marking:
        parts.append(f"**{paper.marking}**")
    parts.append(f"# {_cell(paper.title)}")
    parts.extend(_block(block) for block in paper.blocks)
    if paper.marking:
        parts.append(f"**{paper.marking}**")
    return ("\n\n".join(parts) + "\n").encode("utf-8")
