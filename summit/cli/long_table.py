"""A table drawn like rich's Table, in time linear in its rows: for the long ones.

rich's Table measures and renders every cell through its layout engine, about
0.2 ms a row: `summit show` of a summit inviting 10,000 delegates spent 2 s of
its 2.4 s drawing the invitees. This draws the same box (HEAVY_HEAD) with the
same padding, sizing columns from the cells' lengths, and wraps only the cells
that do not fit.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from math import ceil

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from summit.model.plain import visible

Cell = tuple[str, str]
"""A cell's text and its style ("" for none)."""

_BOX = box.HEAVY_HEAD
_PADDING = 2  # one space either side of each cell, as rich's default
_MIN_WIDTH = 4


@dataclass
class LongTable:
    title: str
    headers: Sequence[str]
    rows: list[Sequence[Cell]] = field(default_factory=list)
    right: frozenset[int] = frozenset()
    """Columns whose cells are justified right (numbers), as rich's `justify="right"`."""
    no_wrap: frozenset[int] = frozenset()
    """Columns never narrowed below their longest cell (times), as rich's `no_wrap=True`."""
    caption: str = ""

    def add_row(self, *cells: Cell) -> None:
        self.rows.append([(visible(text, one_line=True), style) for text, style in cells])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(options.max_width)
        yield Text(visible(self.title, one_line=True), style="table.title", justify="left")
        yield Segment(_BOX.get_top(widths) + "\n")
        header = console.get_style("table.header")
        head = [(h, "") for h in self.headers]
        yield from _Lines(console, widths, header, head=True, right=self.right).of(head)
        yield Segment(_BOX.get_row(widths, "head") + "\n")
        body = _Lines(console, widths, Style(), right=self.right)
        for row in self.rows:
            yield from body.of(row)
        yield Segment(_BOX.get_bottom(widths) + "\n")
        if self.caption:
            caption = visible(self.caption, one_line=True)
            yield Text(caption, style="table.caption", justify="left")

    def _widths(self, max_width: int) -> list[int]:
        """Each column's width with padding: its longest cell, then shrunk or grown to fit."""
        natural = [cell_len(h) for h in self.headers]
        for row in self.rows:
            for index, (text, _) in enumerate(row):
                natural[index] = max(natural[index], _cells(text))
        widths = [w + _PADDING for w in natural]
        room = max_width - (len(widths) + 1)  # the vertical lines
        narrowed = [i for i in range(len(widths)) if i not in self.no_wrap] or list(
            range(len(widths))
        )
        while sum(widths) > room and max(widths[i] for i in narrowed) > _MIN_WIDTH + _PADDING:
            widest = max(narrowed, key=lambda i: (widths[i], -i))  # the widest first, as rich does
            widths[widest] -= 1
        spare = room - sum(widths)
        if spare > 0:  # grow in proportion to each column's width (rich's expand=True)
            widths = [w + extra for w, extra in zip(widths, _shares(spare, widths), strict=True)]
        return widths


class _Lines:
    """Draws rows as few segments as it can: unstyled runs are joined into one."""

    def __init__(
        self,
        console: Console,
        widths: list[int],
        base: Style,
        *,
        head: bool = False,
        right: frozenset[int] = frozenset(),
    ):
        self.console = console
        self.widths = widths
        self.base = base
        self.right = right
        self.styles: dict[str, Style] = {}
        self.left, self.middle, self.right_edge = (
            (_BOX.head_left, _BOX.head_vertical, _BOX.head_right)
            if head
            else (_BOX.mid_left, _BOX.mid_vertical, _BOX.mid_right)
        )

    def style(self, name: str) -> Style | None:
        if not name:
            return self.base or None
        if name not in self.styles:
            self.styles[name] = self.base + self.console.get_style(name)
        return self.styles[name]

    def of(self, cells: Sequence[Cell]) -> Iterator[Segment]:
        columns = [
            _wrapped(self.console, text, width - _PADDING)
            for (text, _), width in zip(cells, self.widths, strict=True)
        ]
        styles = [self.style(name) for _, name in cells]
        last = len(columns) - 1
        for line in range(max(len(lines) for lines in columns)):
            plain = self.left
            for index, lines in enumerate(columns):
                text = lines[line] if line < len(lines) else ""
                pad = " " * (self.widths[index] - _PADDING - _cells(text) + 1)
                before, after = (pad, " ") if index in self.right else (" ", pad)
                border = self.right_edge + "\n" if index == last else self.middle
                if styles[index] is None:
                    plain += f"{before}{text}{after}{border}"
                    continue
                yield Segment(plain + before)
                yield Segment(text, styles[index])
                plain = after + border
            yield Segment(plain)


def _shares(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to `weights`, rounding up in turn as rich does."""
    shares, left, weight_left = [], total, sum(weights)
    for weight in weights:
        share = ceil(weight * left / weight_left) if weight_left > 0 else left
        shares.append(share)
        left, weight_left = left - share, weight_left - weight
    return shares


def _cells(text: str) -> int:
    """Cells the text takes on a terminal; printable ASCII (the usual) is one per character."""
    return len(text) if text.isascii() else _cells_of_unicode(text)


@lru_cache(maxsize=4096)
def _cells_of_unicode(text: str) -> int:
    # rich counts such text character by character; a long table repeats it (an
    # agenda's times such as 09:30 to 09:40, the same organisation on many rows).
    return cell_len(text)


def _wrapped(console: Console, text: str, width: int) -> list[str]:
    if _cells(text) <= width:
        return [text]
    return [line.plain.rstrip() for line in Text(text).wrap(console, width)]
