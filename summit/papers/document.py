"""A paper as plain blocks (headings, paragraphs, lists, tables) that every renderer reads.

The content builders decide what goes in (and what is withheld); the renderers
(Markdown, Word, HTML) only lay it out, so no format can leak what another leaves out.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class PaperKind(StrEnum):
    BRIEF = "brief"
    NOTE = "note"
    PRESS = "press"
    FOI = "foi"


DEFAULT_KINDS = (PaperKind.BRIEF, PaperKind.NOTE, PaperKind.PRESS)
"""What `summit papers` writes unless asked: the FOI bundle is made only on request."""


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Text that may run over several lines, with an optional bold label before it."""

    text: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | Bullets | Table


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper: `name` is its file name without the extension."""

    kind: PaperKind
    name: str
    title: str
    internal: bool
    marking: str | None
    """The protective marking shown in a banner at the top and bottom of every page."""
    blocks: tuple[Block, ...] = field(default_factory=tuple)
