"""`uv tool install` puts a `summit` on PATH that works in any folder (issue 17, item 13): the
wheel carries the sample, and init writes the schema files the data files point at."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_SUMMIT

UV = shutil.which("uv")


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, env=env)


@pytest.mark.skipif(UV is None, reason="needs uv, as the README's set-up does")
def test_the_installed_command_starts_a_data_repository_anywhere(tmp_path: Path) -> None:
    tools, bin_dir, home = tmp_path / "tools", tmp_path / "bin", tmp_path / "home"
    home.mkdir()
    install_env = {**os.environ, "UV_TOOL_DIR": str(tools), "UV_TOOL_BIN_DIR": str(bin_dir)}
    installed = run(
        [
            str(UV),
            "tool",
            "install",
            "--reinstall-package",
            "summit",
            "--from",
            str(REPO),
            "summit",
        ],
        tmp_path,
        install_env,
    )
    assert installed.returncode == 0, installed.stderr
    assert (bin_dir / "summit").is_file()
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Priya Hollis",
        "GIT_AUTHOR_EMAIL": "priya.hollis@dcms.example.org",
        "GIT_COMMITTER_NAME": "Priya Hollis",
        "GIT_COMMITTER_EMAIL": "priya.hollis@dcms.example.org",
        "COLUMNS": "200",
    }
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    helped = run(["summit", "--help"], elsewhere, env)  # found on PATH, in no checkout
    assert helped.returncode == 0, helped.stderr
    assert "start a data folder of your own" in helped.stdout
    started = run(["summit", "init", "--sample", "team-data"], elsewhere, env)
    assert started.returncode == 0, started.stderr
    root = elsewhere / "team-data"
    copied = root / "agendas" / f"{SAMPLE_SUMMIT}.toml"
    assert copied.read_bytes() == (REPO / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_bytes()
    assert (root / "schema" / "summit.schema.json").is_file()
    # git runs the installed interpreter as its merge and diff driver.
    config = (root / ".git" / "config").read_text()
    assert str(tools) in config
    checked = run(["summit", "validate"], root / "agendas", env)
    assert checked.returncode == 0, checked.stderr
    assert str(root) in checked.stderr
