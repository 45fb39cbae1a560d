"""The command-line reference (docs/cli.md), generated from the parser itself.

`uv run python -m summit.cli.reference > docs/cli.md` rewrites it; a test fails
when the file and the parser disagree, so the reference never goes stale.
"""

import argparse
import os

from summit.cli.help_groups import GROUPS
from summit.cli.main import build_parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _sections(name: str, parser: argparse.ArgumentParser) -> list[str]:
    lines = [f"### `summit {name}`", "", "```text", parser.format_help().rstrip(), "```", ""]
    for sub_name, sub in _subparsers(parser).items():
        lines.extend(_sections(f"{name} {sub_name}", sub))
    return lines


def reference() -> str:
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # the same text on every machine
    try:
        parser = build_parser()
        return _reference(parser)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns


def _reference(parser: argparse.ArgumentParser) -> str:
    verbs = _subparsers(parser)
    lines = [
        "# The command line",
        "",
        "Every verb, as `summit COMMAND --help` prints it. Generated from the parser by",
        "`uv run python -m summit.cli.reference > docs/cli.md`; do not edit by hand.",
        "",
    ]
    placed = [name for _, names in GROUPS for name in names if name in verbs]
    for title, names in GROUPS:
        present = [name for name in names if name in verbs]
        if not present:
            continue
        lines.extend([f"## {title}", ""])
        for name in present:
            lines.extend(_sections(name, verbs[name]))
    for name in verbs:
        if name not in placed:
            lines.extend(_sections(name, verbs[name]))
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(reference(), end="")
