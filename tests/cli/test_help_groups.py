"""`summit --help` groups the verbs; docs/cli.md is the parser's own text (issue 22)."""

import re
import subprocess
import sys

from summit.cli.help_groups import GROUPS
from summit.cli.main import build_parser
from summit.cli.reference import reference
from tests.conftest import REPO


def test_every_verb_is_in_a_group_and_listed_under_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "summit", "--help"], capture_output=True, text=True, check=True
    )
    assert "Other:" not in done.stdout  # every verb placed in a group
    parser = build_parser()
    verbs = next(a for a in parser._actions if a.dest == "verb").choices
    assert verbs is not None
    placed = {name for _, names in GROUPS for name in names}
    assert set(verbs) <= placed
    change = done.stdout.index("Change a summit:")
    assert change < done.stdout.index("  agenda ") < done.stdout.index("Change the register:")


def _headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def _flags(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", text))


def test_the_cli_reference_is_what_the_parser_says() -> None:
    """Every verb and option the parser has, in docs/cli.md (argparse's exact wording
    differs between Python versions, so the verbs and flags are compared)."""
    written = (REPO / "docs" / "cli.md").read_text()
    generated = reference()
    stale = "docs/cli.md is stale: uv run python -m summit.cli.reference > docs/cli.md"
    assert _headings(written) == _headings(generated), stale
    assert _flags(written) == _flags(generated), stale
    assert "### `summit agenda add`" in written and "--skip-bad" in written
