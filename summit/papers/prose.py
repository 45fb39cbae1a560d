"""Text from the data files as a reader expects it: paragraphs and bullet lists.

A TOML string wraps where its author's editor wrapped it, so a line break means
nothing: lines run on into one paragraph, and a blank line starts the next. A
line starting `- ` starts a list item (the way people write lists in plain text);
lines after it, up to the next item or a blank line, run on into the item.
"""

from dataclasses import dataclass

_BULLET = "- "


@dataclass(frozen=True, slots=True)
class Prose:
    """One paragraph, or one bullet list (`items`), of text from the data."""

    text: str = ""
    items: tuple[str, ...] = ()

    @property
    def is_list(self) -> bool:
        return bool(self.items)


def _joined(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _block(lines: list[str]) -> list[Prose]:
    """One run of non-blank lines: a paragraph, then list items where lines start `- `."""
    found: list[Prose] = []
    text: list[str] = []
    items: list[list[str]] = []
    for line in lines:
        if line.startswith(_BULLET):
            items.append([line[len(_BULLET) :]])
        elif items:
            items[-1].append(line)
        else:
            text.append(line)
    if text:
        found.append(Prose(text=_joined(text)))
    if items:
        found.append(Prose(items=tuple(_joined(item) for item in items)))
    return found


def prose(text: str) -> list[Prose]:
    """The paragraphs and lists of `text`, in order."""
    found: list[Prose] = []
    run: list[str] = []
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if line:
            run.append(line)
        elif run:
            found += _block(run)
            run = []
    return found
