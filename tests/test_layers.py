"""The layers point one way: the domain core and storage never import the outer layers."""

import subprocess
import sys

import pytest

CHECK = """
import sys
import {module}
loaded = sorted(m for m in sys.modules if m.split('.')[0] in {{'textual', 'summit'}})
print('\\n'.join(loaded))
"""


def modules_loaded_by(module: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("summit.model", ("summit.store", "summit.cli", "summit.tui", "textual", "tomlkit")),
        ("summit.store", ("summit.cli", "summit.tui", "textual")),
    ],
)
def test_inner_layers_do_not_import_outer_ones(module: str, forbidden: tuple[str, ...]) -> None:
    loaded = modules_loaded_by(module)
    leaked = sorted(m for m in loaded if m.startswith(forbidden))
    assert leaked == []
