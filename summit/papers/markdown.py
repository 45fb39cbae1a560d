"""A paper as Markdown (CommonMark with GitHub's tables): the marking above and below it."""

import re

from summit.papers.document import Block, Bullets, Heading, Paper, Paragraph
from summit.papers.prose import prose

# Characters that would turn text from the data into markup (a link, an HTML tag,
# emphasis, a table cell break) are escaped, so the text reads as it was written.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {escape(' '.join(item.split()))}" for item in items)


def _text(block: Paragraph) -> str:
    """Paragraphs and lists; the label before the first (on its own line before a list)."""
    pieces = prose(block.text)
    parts = [_bullets(p.items) if p.is_list else escape(p.text) for p in pieces]
    if block.label:
        label = f"**{escape(block.label)}:**"
        if pieces and not pieces[0].is_list:
            parts[0] = f"{label} {parts[0]}"
        else:
            parts.insert(0, label)
    return "\n\n".join(parts)


def _cell(text: str) -> str:
    """One line inside a heading or a table cell, where a line start means nothing."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {_cell(block.text)}"
    if isinstance(block, Paragraph):
        return _text(block)
    if isinstance(block, Bullets):
        return _bullets(block.items)
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
