"""Saving one field of a big register: exactly that change is written, and it is read back."""

import difflib
from pathlib import Path

import pytest

from summit.model import Register
from summit.store import DataError, TomlDocument
from summit.store.patch import Patched, patch_and_layout, reads_back_locally


def big_register(path: Path, organisations: int = 300) -> Path:
    parts = []
    for o in range(organisations):
        parts.append(f'\n[organisations.org-{o}]\nname = "Organisation {o}"\nsector = "isp"\n')
        for d in range(3):
            parts.append(
                f"\n[organisations.org-{o}.delegates.d-{o}-{d}]\n"
                f'name = "Delegate {o} {d}"\njob_title = "Head of Policy"\n'
                f'email = "d{d}@org-{o}.example.org"\n'
            )
    path.write_text("# A register\n" + "".join(parts))
    return path


def with_title(doc: TomlDocument[Register], title: str) -> Register:
    register = doc.record.model_copy(deep=True)
    register.organisations["org-150"].delegates["d-150-1"].job_title = title
    return register


def test_saving_one_field_writes_exactly_that_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomli  # noqa: PLC0415

    path = big_register(tmp_path / "invitees.toml")
    before = path.read_text().splitlines()
    doc = TomlDocument.load(path, Register)
    parsed: list[int] = []  # the length of every text parsed
    parse = tomli.loads

    def loads(text: str) -> dict[str, object]:
        parsed.append(len(text))
        return parse(text)

    monkeypatch.setattr(tomli, "loads", loads)
    assert doc.save(with_title(doc, 'Director, "Trust & Safety"'))
    # Read back from the table it changed, not by parsing the whole file again.
    assert parsed and max(parsed) < len(doc.text) / 100
    after = path.read_text().splitlines()
    changed = [line for line in difflib.ndiff(before, after) if line[:1] in "+-"]
    assert changed == [
        '- job_title = "Head of Policy"',
        '+ job_title = "Director, \\"Trust & Safety\\""',
    ]
    again = TomlDocument.load(path, Register)
    assert again.record == doc.record
    # A second save starts from what the first wrote.
    assert doc.save(with_title(doc, "Chief Executive"))
    assert TomlDocument.load(path, Register).record == doc.record
    assert doc.saved_data() == doc.record.to_data()


@pytest.mark.parametrize("how", ["save", "save_merging"])
def test_a_write_that_would_not_read_back_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = big_register(tmp_path / "invitees.toml")
    original = path.read_bytes()
    doc = TomlDocument.load(path, Register)

    def loses_the_change(text: str, *_: object) -> str:
        return text.replace("Head of Policy", "Head of Polic", 1)

    def loses_it_in_place(text: str, *_: object) -> Patched:
        return Patched(loses_the_change(text), None, None, [])

    # Both ways of editing the text lose data: neither result may be written.
    monkeypatch.setattr("summit.store.patch.patch_and_layout", loses_it_in_place)
    monkeypatch.setattr("summit.store.patch.rewrite", loses_the_change)
    with pytest.raises(DataError, match="without losing data"):
        getattr(doc, how)(with_title(doc, "Chief Executive"))
    assert path.read_bytes() == original


def test_the_layout_kept_from_save_to_save_is_what_a_fresh_scan_finds(data_dir: Path) -> None:
    from summit.model import PersonalData, Summit  # noqa: PLC0415
    from summit.store.layout import scan  # noqa: PLC0415
    from tests.conftest import SAMPLE_SUMMIT  # noqa: PLC0415

    summits = TomlDocument.load(data_dir / "agendas" / f"{SAMPLE_SUMMIT}.toml", Summit)
    register = TomlDocument.load(data_dir / "invitees.toml", Register)

    def edit_summit(change: str) -> Summit:
        summit = summits.record.model_copy(deep=True)
        if change == "title":  # a top-level key, above every table
            summit.title = "A retitled summit"
        elif change == "minutes":  # inside an [[agenda]] table
            summit.agenda[2].minutes += 5
        elif change == "topic":  # a key added: the tables below move down a line
            summit.agenda[1].topic = "A new topic"
        else:  # and taken away again: they move back up
            summit.agenda[1].topic = None
        return summit

    for change in ("title", "minutes", "topic", "no topic", "minutes"):
        assert summits.save(edit_summit(change))
        kept, fresh = summits._layout, scan(summits.text)
        assert kept is not None, change
        assert (kept.lines, kept.sections, kept.assigned) == (
            fresh.lines,
            fresh.sections,
            fresh.assigned,
        ), change
    people = register.record.model_copy(deep=True)
    person = next(iter(next(iter(people.organisations.values())).delegates.values()))
    person.personal = PersonalData(dietary_needs="Vegan")  # a new table: scanned afresh
    assert register.save(people)
    assert register._layout is None
    person.job_title = "Chief of Staff"
    assert register.save(people)
    kept = register._layout
    assert kept is not None
    assert (kept.lines, kept.sections) == (scan(register.text).lines, scan(register.text).sections)
    assert TomlDocument.load(data_dir / "invitees.toml", Register).record == people


REGISTER_TEXT = """\
# Organisations
[organisations.acme]
name = "Acme"
sector = "isp"

[organisations.acme.delegates.ann]
name = "Ann"
job_title = "Head of Policy"
email = "ann@acme.example.org"
"""


def test_an_edit_inside_a_table_is_read_back_from_that_table() -> None:
    import tomli  # noqa: PLC0415

    old = tomli.loads(REGISTER_TEXT)
    new = tomli.loads(REGISTER_TEXT.replace("Head of Policy", "Director"))
    patched = patch_and_layout(REGISTER_TEXT, old, new)
    assert patched.tables is not None
    assert reads_back_locally(patched, old, new)
    # What that table's lines say is not what was meant: not shown.
    wrong = Patched(
        patched.text,
        None,
        [(patched.tables[0][0], patched.tables[0][1], 'name = "Ann"\n')],
        patched.edits,
    )
    assert not reads_back_locally(wrong, old, new)
    # A key given a value in a table's lines that another section defines as a table.
    path = ("organisations", "acme")
    clash = 'name = "Acme"\nsector = "isp"\ndelegates = 1\n'
    bad = Patched("", None, [(path, 'name = "Acme"\nsector = "isp"\n', clash)], [])
    assert not reads_back_locally(bad, old, old)
    # A change the edited tables do not hold.
    elsewhere = tomli.loads(REGISTER_TEXT.replace('"Acme"', '"Acme Ltd"'))
    assert not reads_back_locally(patched, old, elsewhere)
    # Lines that do not parse.
    broken = Patched("", None, [(patched.tables[0][0], "", 'job_title = "Director\n')], [])
    assert not reads_back_locally(broken, old, new)


def test_a_register_save_is_refused_whenever_it_breaks_a_summit(data_dir: Path) -> None:
    from summit.store import load_dataset  # noqa: PLC0415
    from tests.conftest import SAMPLE_SUMMIT  # noqa: PLC0415

    dataset = load_dataset(data_dir)
    assert dataset.register is not None
    summit = dataset.summits[SAMPLE_SUMMIT].record
    org_id, invitation = next(iter(summit.invitations.items()))
    delegate_id = next(iter(invitation.rsvp))
    for title in ("Chief of Staff", "Head of Office"):  # the second save reuses the checks
        register = dataset.register.record.model_copy(deep=True)
        register.organisations[org_id].delegates[delegate_id].job_title = title
        assert dataset.save_register(register)
    register = dataset.register.record.model_copy(deep=True)
    del register.organisations[org_id].delegates[delegate_id]
    with pytest.raises(DataError, match=delegate_id):
        dataset.save_register(register)
    # A summit saved meanwhile is checked afresh too.
    moved = summit.model_copy(deep=True)
    moved.venue = "Lancaster House"
    assert dataset.save_summit(SAMPLE_SUMMIT, moved)
    with pytest.raises(DataError, match=delegate_id):
        dataset.save_register(register)
