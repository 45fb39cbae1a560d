"""Data and file names reach the terminal as text: no escape sequences, no markup (issue 7 item 7).

Anyone who can commit to a data repository controls its file names and keys; a
file named `ESC]0;...BEL` must not retitle the terminal of whoever runs
`summit validate`, and a title with `[/]` in it must not be read as markup.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_SUMMIT, snapshot

OSC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
CSI_CLEAR = "\x1b[2J"  # clears the screen
C1_CSI = "\x9b31m"  # the one-byte CSI of 8-bit terminals
RLO = "\u202e"  # right-to-left override: shows what follows reversed
RAW = ["\x1b", "\x07", "\x9b", RLO]


def _evil_data(root: Path) -> str:
    """Hostile file names and quoted keys in a copy of the sample; the evil summit's id."""
    summit = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    evil_id = f"evil{OSC_TITLE}{RLO}"
    text = summit.read_text(encoding="utf-8").replace(
        "[invitations.home-office]\n",
        '"\\u001b]0;key\\u0007" = 1\n\n[invitations.home-office]\n',
    )
    (root / "agendas" / f"{evil_id}.toml").write_text(text, encoding="utf-8")
    register = root / "invitees.toml"
    register.write_text(
        register.read_text(encoding="utf-8").replace(
            "[organisations.dcms]\n",
            '[organisations.dcms]\n"x\\u009b31m\\u001b[2J\\u202e" = 2\n',
        ),
        encoding="utf-8",
    )
    # A summit whose own file loads but whose unknown key holds escape sequences.
    summit.write_text(
        summit.read_text(encoding="utf-8").replace(
            "[[agenda]]\n", '[[agenda]]\n"\\u001b[2J\\u0007" = 1\n', 1
        ),
        encoding="utf-8",
    )
    return evil_id


COMMANDS = [
    (["validate"], 1),
    (["show", SAMPLE_SUMMIT], 1),
    (["show", "EVIL"], 1),
    (["overview"], 1),
    (["fmt", "--check"], 0),
    (["export", "ics", SAMPLE_SUMMIT, "--out", "OUT"], 1),
]


@pytest.mark.parametrize(("command", "code"), COMMANDS, ids=str)
def test_control_characters_in_names_and_keys_are_shown_escaped(
    data_dir: Path, tmp_path: Path, cli, command: list[str], code: int
) -> None:
    evil_id = _evil_data(data_dir)
    args = [evil_id if arg == "EVIL" else arg for arg in command]
    args = [str(tmp_path / "out") if arg == "OUT" else arg for arg in args]
    result = cli(*args, "--data", data_dir)
    shown = result.out + result.err
    assert result.code == code
    for raw in RAW:
        assert raw not in shown, (raw, shown)
    if command[0] in ("validate", "overview"):
        assert "evil\\x1b]0;pwned\\x07\\u202e.toml" in result.out
        assert "organisations.dcms.x\\x9b31m\\x1b[2J\\u202e: unknown key" in result.out
        assert "agenda[0].\\x1b[2J\\x07: unknown key" in result.out


def test_colour_output_holds_no_escape_but_colours(data_dir: Path) -> None:
    """At a colour terminal the only escape sequences are summit's own colours (SGR)."""
    _evil_data(data_dir)
    env = {**os.environ, "FORCE_COLOR": "1", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    coloured = ""
    for command in (["validate"], ["show", SAMPLE_SUMMIT], ["overview"]):
        done = subprocess.run(
            [sys.executable, "-m", "summit", *command, "--data", str(data_dir)],
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
        shown = (done.stdout + done.stderr).decode("utf-8")
        assert "Traceback" not in shown
        coloured += shown
        colours_removed = re.sub(r"\x1b\[[0-9;]*m", "", shown)
        for raw in RAW:
            assert raw not in colours_removed, (command, raw)
    assert "\x1b[" in coloured, "colours are on"


MARKUP_TITLE = "Summit [bold]x[/bold] [/] :fire: [link=https://evil.example]y"


@pytest.mark.parametrize("command", [["show", SAMPLE_SUMMIT], ["overview"]])
def test_markup_and_emoji_codes_in_data_are_shown_as_written(
    data_dir: Path, cli, command: list[str]
) -> None:
    path = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r'(?m)^title = ".*"$', f'title = "{MARKUP_TITLE}"', text, count=1),
        encoding="utf-8",
    )
    before = snapshot(data_dir)
    result = cli(*command, "--data", data_dir)
    assert result.code == 0, result.err
    assert MARKUP_TITLE in result.out
    assert snapshot(data_dir) == before


def test_a_directory_name_with_markup_is_printed_as_written(
    data_dir: Path, tmp_path: Path, cli
) -> None:
    root = data_dir.rename(tmp_path / "data[bold red]:fire:")
    result = cli("validate", "--data", root)
    assert result.code == 0, result.err
    assert "data[bold red]:fire:" in result.err


def test_the_sample_shows_as_before_with_escaping_in_place(cli) -> None:
    """No visible change for ordinary data: the title is still there, in bold at a terminal."""
    result = cli("show", SAMPLE_SUMMIT, "--data", REPO)
    assert result.code == 0
    assert "Summit on child-abuse imagery, filtering and copyright online" in result.out
    assert "\\x" not in result.out


def test_paths_in_reports_and_errors_are_shown_escaped(data_dir: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / f"out{OSC_TITLE}"
    exported = cli("export", "ics", SAMPLE_SUMMIT, "--out", out, "--data", data_dir)
    assert exported.code == 0, exported.err
    assert "wrote " in exported.out
    reply = tmp_path / f"reply{CSI_CLEAR}{RLO}.ics"
    reply.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    imported = cli("rsvp", "import", reply, "--data", data_dir)
    assert imported.code == 1
    missing = cli("validate", "--data", tmp_path / f"nowhere{OSC_TITLE}")
    assert missing.code == 2
    for result in (exported, imported, missing):
        shown = result.out + result.err
        for raw in RAW:
            assert raw not in shown, (raw, shown)
    assert "out\\x1b]0;pwned\\x07" in exported.out
    assert "reply\\x1b[2J\\u202e.ics" in imported.out + imported.err
    assert "nowhere\\x1b]0;pwned\\x07" in missing.err
