"""What is read of the command line before (or instead of) the full parser.

`summit` and `summit app` are read without building the parser of every verb.

These two command lines start the app, whose first frame a person waits for;
building the whole parser (forty verbs and their options) took 30 ms of it.
Only their plain forms are read here: `--data DIR` (before or after `app`) and
`app --accessible`. Anything else, an abbreviation, `--help`, a value that
looks like an option or any other verb, goes to the full parser, which gives
the same arguments for these forms (tests/cli/test_quick_start.py) and every
error message.
"""

import argparse
from collections.abc import Sequence
from pathlib import Path

APP = "summit.cli.launch:run_app"
DEFAULT = "summit.cli.launch:default"


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed arguments of `summit [--data DIR]` or `summit [--data DIR] app [...]`,
    as the full parser gives them; None for any other command line."""
    words = list(argv)
    data: Path | None = None
    verb: str | None = None
    accessible = False
    while words:
        word = words.pop(0)
        if word == "app" and verb is None:
            verb = "app"
        elif word == "--accessible" and verb == "app":
            accessible = True
        elif word == "--data" and words and _plain_value(words[0]):
            data = Path(words.pop(0))
        elif word.startswith("--data=") and _plain_value(word.removeprefix("--data=")):
            data = Path(word.removeprefix("--data="))
        else:
            return None
    if verb is None:
        return argparse.Namespace(data=data, plain=False, verb=None, run=DEFAULT)
    return argparse.Namespace(data=data, plain=False, verb=verb, run=APP, accessible=accessible)


def _plain_value(value: str) -> bool:
    """A value argparse takes as it is: not empty, not looking like an option."""
    return bool(value) and not value.startswith("-")


def split_paths(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """`summit diff A B -- PATH...`: argparse drops `--`, so the paths are split off first."""
    args = list(argv)
    if "--" in args and "diff" in args[: args.index("--")]:
        at = args.index("--")
        return args[:at], args[at + 1 :]
    return args, []
