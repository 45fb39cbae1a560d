"""`--out` never replaces the data, a device or, unasked, any existing file."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SUMMIT, CliResult, snapshot

RETURN = ("transparency", "--from", "2027-01-01", "--to", "2027-12-31")


def test_the_return_never_replaces_a_summit_file(
    cli: Callable[..., CliResult], data_dir: Path
) -> None:
    before = snapshot(data_dir)
    target = data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    for force in ((), ("--force",)):
        result = cli(*RETURN, "--out", target, *force, "--data", data_dir)
        assert result.code != 0
        assert "summit data" in result.err and "nothing was written" in result.err
    assert snapshot(data_dir) == before


def test_the_return_never_replaces_the_register_or_a_new_file_in_agendas(
    cli: Callable[..., CliResult], data_dir: Path
) -> None:
    before = snapshot(data_dir)
    for target in (data_dir / "invitees.toml", data_dir / "agendas" / "return.csv"):
        assert cli(*RETURN, "--out", target, "--force", "--data", data_dir).code != 0
    assert snapshot(data_dir) == before


def test_an_existing_file_needs_force(
    cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "return.csv"
    target.write_text("mine\n")
    result = cli(*RETURN, "--out", target, "--data", data_dir)
    assert result.code != 0
    assert "--force" in result.err and "Traceback" not in result.err
    assert target.read_text() == "mine\n"
    assert cli(*RETURN, "--out", target, "--force", "--data", data_dir).code == 0
    assert target.read_text() != "mine\n"


def test_a_fifo_or_a_link_is_not_replaced(
    cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "elsewhere.csv")
    for target in (fifo, link):
        result = cli(*RETURN, "--out", target, "--force", "--data", data_dir)
        assert result.code != 0 and "not an ordinary file" in result.err
    assert fifo.is_fifo() and link.is_symlink() and not (tmp_path / "elsewhere.csv").exists()


@pytest.mark.parametrize("verb", [("export", "ics"), ("export", "agenda"), ("papers",)])
def test_exports_into_the_agendas_folder_are_refused(
    cli: Callable[..., CliResult], data_dir: Path, verb: tuple[str, ...]
) -> None:
    before = sorted(data_dir.rglob("*"))
    result = cli(*verb, SAMPLE_SUMMIT, "--out", data_dir / "agendas", "--data", data_dir)
    assert result.code != 0 and "summit data" in result.err
    assert sorted(data_dir.rglob("*")) == before  # (the agenda export names its items first)


def test_exporting_again_into_exports_replaces_its_own_files(
    cli: Callable[..., CliResult], data_dir: Path, tmp_path: Path
) -> None:
    assert cli("export", "agenda", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    assert cli("export", "agenda", SAMPLE_SUMMIT, "--data", data_dir).code == 0
    elsewhere = tmp_path / "out"
    assert cli("export", "agenda", SAMPLE_SUMMIT, "--out", elsewhere, "--data", data_dir).code == 0
    again = cli("export", "agenda", SAMPLE_SUMMIT, "--out", elsewhere, "--data", data_dir)
    assert again.code != 0 and "--force" in again.err
