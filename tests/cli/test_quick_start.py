"""`summit` and `summit app` are read without building every verb's parser (the app's
first frame waited 30 ms for it), into the very arguments the full parser gives."""

import gc
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

import pytest

from summit.cli import main as main_module_main
from summit.cli.main import build_parser
from summit.cli.quick import app_arguments
from tests.conftest import CliResult

QUICK = [
    [],
    ["app"],
    ["--data", "some/folder"],
    ["--data=some/folder"],
    ["app", "--data", "x"],
    ["--data", "x", "app"],
    ["--data", "x", "app", "--data", "y"],  # the last wins, as in argparse
    ["app", "--accessible"],
    ["app", "--accessible", "--data=x", "--accessible"],
]

FULL_PARSER = [
    ["--help"],
    ["--version"],
    ["--plain"],
    ["app", "--acc"],  # argparse's abbreviation: left to it
    ["--accessible", "app"],  # an error: left to argparse to say so
    ["app", "app"],
    ["--data"],
    ["--data", "--plain"],
    ["--data", ""],
    ["--data="],
    ["overview"],
    ["validate", "--data", "x"],
    ["app", "--", "x"],
]


@pytest.mark.parametrize("argv", QUICK)
def test_the_app_s_command_lines_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    assert app_arguments(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", FULL_PARSER)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert app_arguments(argv) is None


def test_summit_alone_runs_without_the_full_parser(
    cli: Callable[..., CliResult], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not at a terminal, `summit` prints the overview, as before, with no parser built."""

    def refused() -> None:
        raise AssertionError("the full parser was built")

    # By the module: the package's `main` attribute is the function of that name.
    monkeypatch.setattr(import_module("summit.cli.main"), "build_parser", refused)
    result = cli("--data", data_dir)
    assert result.code == 0, result.err
    assert "Summit on child-abuse imagery" in result.out
    assert callable(main_module_main)  # `from summit.cli import main` is still the function


@pytest.mark.parametrize("verb", [[], ["app"]])
def test_a_missing_data_folder_is_still_reported(
    cli: Callable[..., CliResult], tmp_path: Path, verb: list[str]
) -> None:
    result = cli(*verb, "--data", tmp_path / "nowhere")
    assert result.code == 2
    assert "summit:" in result.err
    assert gc.isenabled()  # the app's start pauses the collector only once it starts
