"""A merge's written text: a table borrowed from theirs read back alone, never wrongly; validity."""

from pathlib import Path

import tomli

from summit.model import Register, Summit
from summit.store.merge import merge_texts
from tests.conftest import REPO, SAMPLE_SUMMIT

WHERE = Path("invitees.toml")


def register(*organisations: str) -> str:
    return "".join(
        f'[organisations.{org}]\nname = "{org.title()}"\nsector = "charity"\n\n'
        f'[organisations.{org}.delegates.{org}-head]\nname = "Head of {org}"\n'
        f'job_title = "Director"\nemail = "head@{org}.example"\n\n'
        for org in organisations
    )


BASE = register("alpha", "beta", "gamma")


def merge(ours: str, theirs: str) -> str:
    result = merge_texts(BASE, ours, theirs, model=Register, path=WHERE)
    assert result.text is not None, result.report("invitees.toml")
    return result.text


def test_theirs_table_with_a_comment_inside_is_borrowed_and_reads_as_merged() -> None:
    ours = BASE.replace('name = "Head of alpha"', 'name = "Ada Head"')
    theirs = BASE.replace(
        'name = "Head of gamma"\njob_title = "Director"',
        'name = "Head of gamma"\n# promoted in May\njob_title = "Chief Executive"',
    )
    text = merge(ours, theirs)
    assert '# promoted in May\njob_title = "Chief Executive"' in text
    data = tomli.loads(text)["organisations"]
    assert data["alpha"]["delegates"]["alpha-head"]["name"] == "Ada Head"
    assert data["gamma"]["delegates"]["gamma-head"]["job_title"] == "Chief Executive"
    assert tomli.loads(text) == tomli.loads(ours) | {"organisations": data}


def test_theirs_comment_above_a_changed_table_is_kept_and_the_data_is_whole() -> None:
    ours = BASE.replace('name = "Head of alpha"', 'name = "Ada Head"')
    header = "[organisations.beta.delegates.beta-head]\n"
    theirs = BASE.replace(header, "# beta's head, from May\n" + header).replace(
        'name = "Head of beta"', 'name = "Bea Head"'
    )
    text = merge(ours, theirs)
    expected = tomli.loads(ours)
    expected["organisations"]["beta"]["delegates"]["beta-head"]["name"] = "Bea Head"
    assert tomli.loads(text) == expected
    assert "# beta's head, from May" in text


def test_a_merge_that_is_not_valid_says_so_and_writes_nothing() -> None:
    base = (REPO / "agendas" / f"{SAMPLE_SUMMIT}.toml").read_text(encoding="utf-8")
    ours = base.replace("\nend = 2026-01-20T13:00:00", "\nend = 2026-01-20T10:00:00", 1)
    theirs = base.replace("\nstart = 2026-01-20T09:30:00", "\nstart = 2026-01-20T11:00:00", 1)
    result = merge_texts(base, ours, theirs, model=Summit, path=Path("agendas/x.toml"))
    assert result.text is None
    assert result.errors == [
        "the merged version is not valid: end: Value error, "
        "the planned end 2026-01-20 10:00 is not after the start"
    ]
