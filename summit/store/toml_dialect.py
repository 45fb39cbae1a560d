"""TOML as every reader of the data reads it: version 1.0, what Python's own tomllib takes.

tomli 2.3 and later read TOML 1.1 (a time without seconds, `09:30`; `\\e` and
`\\xHH` escapes; inline tables over several lines), which Python 3.11's
tomllib, and so other tools and colleagues' older installs, refuse. A file
using it is refused here with the line and the reason, so that what
`summit validate` accepts every reader of the repository can read.
"""

import re
import tomllib
from typing import Any

import tomli

TOMLDecodeError = tomli.TOMLDecodeError

# Text that may use TOML 1.1 (a cheap, generous test: a false alarm costs a second parse):
# a time `dd:dd` with no seconds, `\e` or `\x`, an inline table running on past its line.
# Each branch starts with a literal character, which the regex engine finds fast (a
# branch starting with `\d` tried at every offset cost a 50 MB register seconds).
_MAYBE_1_1 = re.compile(r":\d\d(?!:)(?<=(?<![:\d])\d\d:\d\d)|\\[ex]|\{[^}\n]*\n")

_WHY = (
    "uses TOML 1.1, which not every reader takes (Python's tomllib refuses it): "
    "write times with seconds (09:30:00), \\u001b rather than \\e or \\x escapes, "
    "and each inline table on one line"
)


def strict_loads(text: str) -> dict[str, Any]:
    """`tomli.loads`, refusing (TOMLDecodeError, with the place) what TOML 1.0 cannot read."""
    data = tomli.loads(text)
    if _MAYBE_1_1.search(text) is None:
        return data
    # Where the older reader stops is where the 1.1 feature is.
    # (Python 3.14's tomllib reads TOML 1.1 too; this project runs on 3.11.)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _AT.search(str(error))
        line, column = (int(found[1]), int(found[2])) if found and found[1] else (1, 1)
        reason = _AT.sub("", str(error)).strip()
        position = sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column - 1
        raise TOMLDecodeError(f"{_WHY} ({reason})", text, position) from None
    return data


_AT = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")
