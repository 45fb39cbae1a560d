"""Data text in Textual markup: shown as written, never acted on.

Names, keys, file names and messages come from anyone who can commit to the
data, so in a markup string they are escaped twice: markup (`[b]` in a title)
and characters a terminal acts on (escape sequences, bidi overrides).
"""

from rich.markup import escape as escape_markup

from summit.model.plain import visible


def escape(text: str) -> str:
    """Text from the data, safe to put in a markup string."""
    return escape_markup(visible(text))
