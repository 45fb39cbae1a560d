"""A key added to a table goes under its last key, not under the heading of what follows."""

import copy
from pathlib import Path

import tomli

from summit.model import PersonalData, Register
from summit.store import TomlDocument
from summit.store.patch import rewrite


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


def test_a_heading_after_a_removed_table_outlives_an_emptied_table(data_dir: Path) -> None:
    # Found by test_saving_properties: emptying `personal` (which the model tells from
    # no `personal`) in the same save sent it to the whole-file edit, and tomlkit keeps
    # the heading after a table inside it, so removing that table lost the heading.
    path = data_dir / "invitees.toml"
    headings = [line for line in path.read_text().splitlines() if line.startswith("# ──")]
    doc = TomlDocument.load(path, Register)
    register = doc.record.model_copy(deep=True)
    facebook = register.organisations["facebook"].delegates["facebook-policy"]
    assert facebook.personal is not None and facebook.personal.access_needs
    facebook.personal = PersonalData()
    del register.organisations["home-office"].delegates["crime-policy-director"]
    assert doc.save(register)
    text = path.read_text()
    assert [line for line in text.splitlines() if line.startswith("# ──")] == headings
    assert "[organisations.facebook.delegates.facebook-policy.personal]\n" in text
    assert Register.model_validate(tomli.loads(text)) == register


def test_the_whole_file_edit_keeps_the_heading_after_a_removed_table(data_dir: Path) -> None:
    # The whole-file edit (tomlkit) is the last resort of every save; tomlkit holds the
    # comments after a table inside it, so a table removed there took the next heading.
    text = (data_dir / "invitees.toml").read_text()
    old = tomli.loads(text)
    new = copy.deepcopy(old)
    del new["organisations"]["home-office"]["delegates"]["crime-policy-director"]
    new["organisations"]["dcms"]["name"] = "Department for Culture"
    rewritten = rewrite(text, old, new)
    assert Register.model_validate(tomli.loads(rewritten)) == Register.model_validate(new)
    assert [line for line in rewritten.splitlines() if line.startswith("#")] == [
        line for line in text.splitlines() if line.startswith("#")
    ]
