"""git's diff driver on a big register: only what changed is read as records, and said."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

Cli = Callable[..., CliResult]
HEX, MODE = "0" * 40, "100644"


def register(organisations: int, bad_email_in: int | None = None) -> str:
    parts = []
    for o in range(organisations):
        parts.append(f'[organisations.org-{o}]\nname = "Organisation {o}"\nsector = "charity"\n\n')
        for d in range(3):
            email = "not an address" if o == bad_email_in and d == 0 else f"d{d}@org-{o}.example"
            parts.append(
                f'[organisations.org-{o}.delegates.d-{o}-{d}]\nname = "Delegate {o} {d}"\n'
                f'job_title = "Head of Policy"\nemail = "{email}"\n\n'
            )
    return "".join(parts)


def retitled(text: str, org: int, title: str) -> str:
    header = f"[organisations.org-{org}.delegates.d-{org}-1]\n"
    at = text.index('job_title = "Head of Policy"', text.index(header))
    return text[:at] + f'job_title = "{title}"' + text[at + len('job_title = "Head of Policy"') :]


def drive(cli: Cli, folder: Path, old: str, new: str) -> list[str]:
    """What `git diff` shows for invitees.toml through summit's driver (run where git runs it)."""
    (folder / "old.toml").write_text(old, encoding="utf-8")
    (folder / "invitees.toml").write_text(new, encoding="utf-8")
    result = cli(
        "diff-driver", "invitees.toml", folder / "old.toml", HEX, MODE,
        folder / "invitees.toml", HEX, MODE,
    )  # fmt: skip
    assert result.code == 0, result.err
    return result.out.splitlines()


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_big_register_names_each_changed_record_and_nothing_else(here: Path, cli: Cli) -> None:
    old = register(3000)
    new = retitled(retitled(old, 7, "Director"), 2990, "Adviser")
    new = new.replace('name = "Organisation 1500"', 'name = "Organisation 1500 Ltd"')
    assert drive(cli, here, old, new) == [
        "invitees.toml",
        "  Delegate 7 1 (Organisation 7): job title now Director (was 'Head of Policy')",
        "  organisation 'Organisation 1500' renamed 'Organisation 1500 Ltd'",
        "  Delegate 2990 1 (Organisation 2990): job title now Adviser (was 'Head of Policy')",
    ]


def test_a_bad_record_no_side_changed_does_not_hide_the_change(here: Path, cli: Cli) -> None:
    old = register(50, bad_email_in=20)
    new = retitled(old, 3, "Director")
    assert drive(cli, here, old, new) == [
        "invitees.toml",
        "  Delegate 3 1 (Organisation 3): job title now Director (was 'Head of Policy')",
    ]


def test_a_changed_record_that_is_not_valid_is_said_with_its_line(here: Path, cli: Cli) -> None:
    old = register(50)
    new = old.replace('email = "d0@org-30.example"', 'email = "not an address"')
    line = new.splitlines().index('email = "not an address"') + 1
    shown = drive(cli, here, old, new)
    assert shown[1].startswith(
        f"  the new version does not load: {line}:1: organisations.org-30.delegates.d-30-0.email"
    ), shown
