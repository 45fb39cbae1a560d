"""What every verb's arguments share: the `--data` option and the sub-parsers' type.

Argparse only: imported by `summit --help`, which must stay quick.
"""

import argparse
from datetime import date
from pathlib import Path
from typing import TypeAlias

Verbs: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --data given before the command name.
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="data directory holding invitees.toml and agendas/ (default: the nearest folder "
        "from here upward that has invitees.toml, else your copy of the bundled sample)",
    )


def a_date(text: str) -> date:
    """A date argument; a wrong one is told in words, not as Python's parser says it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD, such as 2027-01-01"
        ) from None


def a_date_or_none(text: str) -> date | None:
    """A date argument where "" removes the field it sets."""
    return None if not text.strip() else a_date(text)
