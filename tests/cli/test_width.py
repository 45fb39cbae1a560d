"""Issue 8, item 7: the CLI fits the width it is given (COLUMNS), 80 when piped.

Real subprocesses with stdout a pipe: no line longer than the width, no word
cut in two, the summit titles on a line or two.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.long_text import ACTION, ORGANISATION, SAMPLE_SUMMIT, lengthen

TITLE = "Summit on child-abuse imagery, filtering and copyright online"
VENUE = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"


def summit(data: Path, *args: str, columns: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["NO_COLOR"] = "1"
    if columns is not None:
        env["COLUMNS"] = columns
    done = subprocess.run(
        [sys.executable, "-m", "summit", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def words(lines: list[str]) -> set[str]:
    """Every word printed, without the table's and the box's lines."""
    return {word.strip("│┃") for line in lines for word in line.split()}


@pytest.fixture
def long_data(data_dir: Path) -> Path:
    lengthen(data_dir)
    return data_dir


@pytest.mark.parametrize("columns", ["80", "200", None], ids=["80", "200", "piped"])
@pytest.mark.parametrize("command", [["show", SAMPLE_SUMMIT], ["overview"]], ids=str)
def test_output_fits_the_width_and_cuts_no_word(
    long_data: Path, command: list[str], columns: str | None
) -> None:
    lines = summit(long_data, *command, columns=columns)
    width = int(columns or 80)
    assert max(map(len, lines)) <= width
    assert not any("…" in line for line in lines)
    texts = [TITLE] if command[0] == "overview" else [TITLE, VENUE, ORGANISATION, ACTION]
    printed = words(lines)
    for text in texts:
        missing = [word for word in text.split() if word not in printed]
        assert not missing, (text, missing)


@pytest.mark.parametrize("columns", ["80", "200"])
def test_overview_titles_read_on_a_line_or_two(long_data: Path, columns: str) -> None:
    lines = summit(long_data, "overview", columns=columns)
    first = next(i for i, line in enumerate(lines) if SAMPLE_SUMMIT in line)
    cells = []  # the summit's first cell, line by line: its id, then its title
    for line in lines[first:]:
        if not line.startswith("│"):
            break
        cells.append(line.split("│")[1].strip())
    assert cells[0] == SAMPLE_SUMMIT
    assert " ".join(cells[1:]) == TITLE
    assert len(cells[1:]) <= 2


def test_piped_from_a_wide_terminal_is_80_columns(long_data: Path) -> None:
    """`summit show X > file` at a 200-column terminal writes the same file as anywhere."""
    import fcntl  # noqa: PLC0415 - POSIX only, as is the terminal this test makes
    import pty  # noqa: PLC0415
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "summit", "show", SAMPLE_SUMMIT, "--data", str(long_data)],
            stdin=follower,
            capture_output=True,
            text=True,
            env={**env, "NO_COLOR": "1"},
            timeout=60,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr
    assert max(map(len, done.stdout.splitlines())) == 80
