"""What the screen says in accessible mode: separators as commas, no decorative runs.

Orca with espeak-ng reads the terminal's text as drawn. It says every `·` between
facts "middle dot", and a run of box-drawing or block characters (the tab bar's
underline, a dialog's top edge) as its length ("seventy-one"). Rather than ask
each of the many places that join facts with `·` to know the mode, the app's text
is changed as it is drawn, in one place: a line filter, the hook Textual keeps for
this. Each character is swapped for one of the same width, so nothing moves:
`a · b` is drawn `a,  b` (read "a, b") and a run of two or more box-drawing or
block characters becomes blank. A lone one (a border's side, a focus bar) is
silent and stays, so a magnifier still sees frames.
"""

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

SEPARATOR = "·"
_SPACED_SEPARATOR = re.compile(r" · ")
_DECORATIVE_RUN = re.compile(r"[\u2500-\u259f]{2,}")


def spoken(text: str) -> str:
    """`text` as accessible mode draws it: the same length, read naturally."""
    text = _SPACED_SEPARATOR.sub(",  ", text)
    text = text.replace(SEPARATOR, ",")
    return _DECORATIVE_RUN.sub(lambda run: " " * len(run.group()), text)


class Spoken(LineFilter):
    """Applies `spoken` to each drawn line, keeping each segment's style and width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        drawn = "".join(segment.text for segment in segments if not segment.control)
        said = spoken(drawn)
        return segments if said == drawn else _resplit(segments, said)


def _resplit(segments: list[Segment], said: str) -> list[Segment]:
    """The segments again, each holding its own stretch of `said`."""
    result = []
    start = 0
    for segment in segments:
        if segment.control:
            result.append(segment)
            continue
        end = start + len(segment.text)
        result.append(Segment(said[start:end], segment.style))
        start = end
    return result
