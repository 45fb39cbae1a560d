"""`summit --version` and `--help` answer without loading what only the verbs need.

Each run is a real process running `python -m summit ...`; when it exits, the
runner prints which modules were loaded (sys.modules), whatever the machine's speed.
"""

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

# What the verbs need and the bare command must not wait for (each is tens of ms).
HEAVY = ("pydantic", "icalendar", "tomlkit", "email_validator", "textual", "rich", "summit.model")

RUNNER = """
import json, runpy, sys
sys.argv = ["summit", *sys.argv[1:]]
try:
    runpy.run_module("summit", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
print("MODULES:" + json.dumps([code, sorted(sys.modules)]))
"""


def imported_modules(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=60,
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES:"))
    code, modules = json.loads(line.removeprefix("MODULES:"))
    assert code in (0, None), result.stderr[-2000:]
    return set(modules)


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("export", "--help")])
def test_version_and_help_load_no_heavy_module(args: tuple[str, ...]) -> None:
    modules = imported_modules(*args)
    assert "summit.cli.main" in modules  # the log is what we think it is
    heavy_packages = sorted(
        m for m in modules if m in HEAVY or m.startswith(tuple(f"{h}." for h in HEAVY))
    )
    assert heavy_packages == [], f"summit {' '.join(args)} imported {heavy_packages[:10]}"


def test_a_verb_loads_its_module_when_it_runs() -> None:
    modules = imported_modules("validate", "--data", str(REPO))
    assert "summit.cli.commands" in modules
    assert "pydantic" in modules
    assert "summit.cli.sending" not in modules  # other verbs' modules stay unloaded
