"""A register read again after a small change parses only the sections around it (issue 23).

After a pull that renamed one organisation of 100,000 delegates, the app parsed
the whole file again (0.8 s of TOML). Whatever the change, a load must give
exactly what reading the whole file gives: the same records in the same order,
the same parsed data for a save, the same errors.
"""

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summit.model import Register
from summit.store import DataError, TomlDocument
from summit.store.record_cache import RecordCache
from tests.spying import spy

IDS = ["acme", "acme-2", "beta", "gamma", "delta", "omega"]


def section(org_id: str, name: str, delegates: list[str]) -> str:
    text = f'[organisations.{org_id}]\nname = "{name}"\nsector = "search"\n\n'
    for person in delegates:
        text += (
            f"[organisations.{org_id}.delegates.{org_id}-{person}]\n"
            f'name = "{person.title()}"\njob_title = "Head of Policy"\n'
            f'email = "{person}@{org_id}.example.org"\n\n'
        )
    return text


def register_text(orgs: list[tuple[str, str, list[str]]]) -> str:
    head = "#:schema ./schema/invitees.schema.json\n# The register.\n\n"
    return head + "".join(f"# ── {org[1]} ──\n\n" + section(*org) for org in orgs)


def kept_then_loaded(folder: Path, before: str, after: str) -> tuple[object, object]:
    """(what a load through the cache gives, what a fresh load gives), each a
    TomlDocument or the DataError's problems."""
    path = folder / "invitees.toml"
    cache = RecordCache(folder / "cache")
    path.write_text(before)
    TomlDocument.load(path, Register, cache)
    cache.write_pending()
    path.write_text(after)

    def load(with_cache: RecordCache | None) -> object:
        try:
            return TomlDocument.load(path, Register, with_cache)
        except DataError as error:
            return [str(problem) for problem in error.problems]

    return load(cache), load(None)


def assert_same(again: object, fresh: object) -> None:
    if not isinstance(fresh, TomlDocument):
        assert again == fresh  # the same problems, each at the same place
        return
    assert isinstance(again, TomlDocument)
    assert again.record == fresh.record
    orgs, fresh_orgs = again.record.organisations, fresh.record.organisations
    assert list(orgs) == list(fresh_orgs)
    assert [list(o.delegates) for o in orgs.values()] == [
        list(o.delegates) for o in fresh_orgs.values()
    ]
    saved, fresh_saved = again.saved_data(), fresh.saved_data()
    assert saved == fresh_saved
    assert list(saved.get("organisations", ())) == list(fresh_saved.get("organisations", ()))


orgs_strategy = st.lists(
    st.tuples(
        st.sampled_from(IDS),
        st.sampled_from(["Acme", "Beta Ltd", "Gamma & Co"]),
        st.lists(st.sampled_from(["ann", "bob", "cy"]), unique=True, max_size=2),
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda org: org[0],
)


def edits(orgs: list[tuple[str, str, list[str]]], draw: st.DrawFn) -> str:
    """The register's text after one change a person or a pull could make."""
    text = register_text(orgs)
    org_id, name, delegates = draw(st.sampled_from(orgs))
    own = section(org_id, name, delegates)
    first = delegates[0] if delegates else "nobody"
    moved = section(org_id, name, delegates[:1]).split("\n\n", 1)[1]
    other = section(*orgs[0]) if orgs[0][0] != org_id else section(*orgs[-1])
    added = section(draw(st.sampled_from(IDS)), "Added", ["dee"])  # may be there: an error
    changes = {
        "rename": lambda: text.replace(f'name = "{name}"', f'name = "{name} (renamed)"', 1),
        "email": lambda: text.replace(f"{first}@", f"{first}.x@", 1),
        "remove": lambda: text.replace(own, "", 1),
        "add": lambda: text.replace(own, own + added, 1),
        "move a delegate to the end": lambda: text.replace(moved, "", 1) + moved,
        "comment": lambda: text.replace(own, own.replace("\n\n", "\n# checked\n\n", 1), 1),
        "swap": lambda: text.replace(own, "\0", 1).replace(other, own, 1).replace("\0", other, 1),
        "long string": lambda: text.replace(
            own, own + 'notes = """\n[organisations.fake]\n"""\n', 1
        ),
        "invalid": lambda: text.replace(f'name = "{name}"', 'name = ""', 1),
        "conflict": lambda: text.replace(
            own, f"<<<<<<< ours\n{own}=======\n{own.replace(name, 'Theirs')}>>>>>>> theirs\n", 1
        ),
    }
    return changes[draw(st.sampled_from(sorted(changes)))]()


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_load_after_any_change_gives_what_reading_the_whole_file_gives(
    data: st.DataObject,
) -> None:
    orgs = data.draw(orgs_strategy)
    after = edits(orgs, data.draw)
    with tempfile.TemporaryDirectory() as folder:
        assert_same(*kept_then_loaded(Path(folder), register_text(orgs), after))


@pytest.fixture
def big(tmp_path: Path) -> tuple[Path, RecordCache]:
    orgs = [(f"org-{n}", f"Organisation {n}", ["ann", "bob"]) for n in range(200)]
    path, cache = tmp_path / "invitees.toml", RecordCache(tmp_path / "cache")
    path.write_text(register_text(orgs))
    TomlDocument.load(path, Register, cache)
    cache.write_pending()
    return path, cache


def test_a_renamed_organisation_parses_only_its_sections(
    big: tuple[Path, RecordCache], parsed: list[Path]
) -> None:
    path, cache = big
    path.write_text(path.read_text().replace('"Organisation 7"', '"Organisation Seven"'))
    again = TomlDocument.load(path, Register, cache)
    assert parsed == [], "the whole file was parsed again"
    assert again.record.organisations["org-7"].name == "Organisation Seven"
    assert_same(again, TomlDocument.load(path, Register))


def test_a_save_after_such_a_load_keeps_the_file_as_it_was_written(
    big: tuple[Path, RecordCache],
) -> None:
    path, cache = big
    path.write_text(path.read_text().replace('"Organisation 7"', '"Organisation Seven"'))
    doc = TomlDocument.load(path, Register, cache)
    before = path.read_text()
    org = doc.record.organisations["org-9"]
    renamed = doc.record.model_copy(
        update={
            "organisations": {
                **doc.record.organisations,
                "org-9": org.model_copy(update={"name": "Nine"}),
            }
        }
    )
    doc.save(renamed)
    assert path.read_text() == before.replace('"Organisation 9"', '"Nine"')
    assert TomlDocument.load(path, Register).record == renamed


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (
            lambda text: (
                text
                + '[organisations.org-7.delegates.late]\nname = "Late"\njob_title = "Adviser"\n'
                'email = "late@org-7.example.org"\n'
            ),
            "a section of the changed organisation elsewhere in the file",
        ),
        (
            lambda text: text.replace('sector = "search"', 'sector = """search"""', 1),
            "a multi-line string, which could hold a line like a header",
        ),
        (
            lambda text: text.replace(
                "[organisations.org-0]", "[organisations]\n[organisations.org-0]"
            ),
            "a section of the whole table",
        ),
        (
            lambda text: text.replace("[organisations.org-3]", '[organisations."org-3"]'),
            "a quoted key",
        ),
        (
            lambda text: text.replace(
                "# The register.",
                '# The register.\norganisations.zeta = { name = "Zeta", sector = "search" }',
            ),
            "a dotted key before the first section",
        ),
    ],
)
def test_what_sections_alone_cannot_tell_is_read_whole(
    big: tuple[Path, RecordCache], parsed: list[Path], change: object, why: str
) -> None:
    path, cache = big
    assert callable(change)
    path.write_text(change(path.read_text()))
    TomlDocument.load(path, Register, cache)
    cache.write_pending()
    parsed.clear()
    path.write_text(path.read_text().replace('"Organisation 7"', '"Organisation Seven"'))
    again = TomlDocument.load(path, Register, cache)
    assert parsed == [path], why
    assert again.record.organisations["org-7"].name == "Organisation Seven"
    assert_same(again, TomlDocument.load(path, Register))


def test_changes_far_apart_read_the_whole_file_once(
    big: tuple[Path, RecordCache], parsed: list[Path]
) -> None:
    """The sections between them would be parsed twice (as they were, and are)."""
    path, cache = big
    text = path.read_text().replace('"Organisation 1"', '"First"')
    path.write_text(text.replace('"Organisation 198"', '"Last"'))
    again = TomlDocument.load(path, Register, cache)
    assert parsed == [path]
    assert_same(again, TomlDocument.load(path, Register))


def test_a_rename_looks_for_what_could_unsection_the_file_in_the_changed_lines_alone(
    big: tuple[Path, RecordCache], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for multi-line strings, whole-table headers and conflict markers in all
    14 MB of a register took 70 ms after a pull that renamed one organisation."""
    from summit.store import read_again, splice  # noqa: PLC0415

    path, cache = big
    scans = spy(monkeypatch, splice, "_has_long_strings")
    markers = spy(monkeypatch, read_again, "check_conflict_markers")
    path.write_text(path.read_text().replace('"Organisation 7"', '"Organisation Seven"'))
    again = TomlDocument.load(path, Register, cache)
    assert scans == [] and markers == []
    assert_same(again, TomlDocument.load(path, Register))


def test_a_conflict_start_kept_from_before_is_still_seen_with_an_end_added_later(
    tmp_path: Path,
) -> None:
    """A start marker alone, in a multi-line string, loads; once an end marker is
    added far from it, the file holds a conflict, as reading it whole says."""
    orgs = [(f"org-{n}", f"Organisation {n}", ["ann"]) for n in range(20)]
    text = register_text(orgs).replace(
        'sector = "search"', 'sector = "search"\nnotes = """\n<<<<<<< kept\n"""', 1
    )
    ended = text.replace(
        '"Organisation 15"\nsector = "search"',
        '"Organisation 15"\nsector = "search"\nnotes = """\n>>>>>>> later\n"""',
    )
    again, fresh = kept_then_loaded(tmp_path, text, ended)
    assert isinstance(fresh, list) and "unresolved merge conflict" in fresh[0]
    assert_same(again, fresh)
