"""Text helpers with no pydantic: what the app needs before its first frame.

`summit.model.text` builds the validated text types on these; the TUI's first
screen and the data-folder lookup import them from here, so that launching the
app does not wait for pydantic and email_validator (see summit.cli.main).
"""

import re

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 64


# Control and invisible formatting characters (Unicode Cc, Cf, Zl, Zp), except
# the zero-width joiner that emoji need, and the non-characters (U+FDD0..U+FDEF and
# the last two of every plane: U+FFFE and U+FFFF cannot be in XML, the .docx papers, at all).
# One regex search runs in C.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f" + NONCHARACTERS + "]"
)
CONTROLS_OR_BREAKS = re.compile(CONTROLS.pattern[:-1] + "\t\n]")


# What is refused in values is shown escaped wherever text from the data or a file
# name is displayed (keys, file names, problem messages): and lone surrogates too,
# which undecodable bytes in a file name become and no terminal encoding can take.
_SHOWN_ESCAPED = re.compile(CONTROLS.pattern[:-1] + "\ud800-\udfff]")
_SHOWN_ESCAPED_IN_A_LINE = re.compile(CONTROLS_OR_BREAKS.pattern[:-1] + "\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """The text with every control and invisible formatting character shown as an escape.

    For showing text that may come from anyone who can commit to the data: an escape
    sequence, a bell or a bidi override would otherwise act on the reader's terminal.
    Tabs stay; line breaks stay unless `one_line`.
    """
    return (_SHOWN_ESCAPED_IN_A_LINE if one_line else _SHOWN_ESCAPED).sub(_escaped, text)


def is_slug(value: str) -> bool:
    return len(value) <= SLUG_MAX and SLUG.fullmatch(value) is not None
