"""A key added to a table goes under its last key, not under the heading of what follows."""

from pathlib import Path

import tomli

from summit.model import Register
from summit.store import TomlDocument


def test_a_new_key_stays_above_the_next_heading(data_dir: Path) -> None:
    path = data_dir / "invitees.toml"
    doc = TomlDocument.load(path, Register)
    register = doc.record.model_copy(deep=True)
    delegate = register.organisations["home-office"].delegates["crime-policy-director"]
    delegate.phone = "+44 20 7946 1000"
    assert doc.save(register)
    text = path.read_text()
    assert (
        'email = "ruth.okafor@homeoffice.example.org"\nphone = "+44 20 7946 1000"\n\n'
        "# ── Internet companies ──"
    ) in text
    assert text.count("# ── Internet companies ──") == 1
    assert Register.model_validate(tomli.loads(text)) == register
