"""Issue 21 item 17: commit messages and `summit log` name a sensitive record by its place."""

from collections.abc import Callable
from pathlib import Path

from summit.workflows.history import DataRepository, commit_message
from tests.conftest import CliResult
from tests.gitrepo.conftest import commit_all, edit

Cli = Callable[..., CliResult]
SUMMIT = Path("agendas/online-safety-summit.toml")
LINES = "Do not name the sites under investigation by PIPCU."
TITLE = "Copyright infringement and illegal sites"
SUMMIT_TITLE = "Summit on child-abuse imagery, filtering and copyright online"


def change_the_sensitive_item(root: Path) -> None:
    edit(root / SUMMIT, LINES, "Name no site: PIPCU is still investigating.")
    edit(root / SUMMIT, f'title = "{TITLE}"', 'title = "Copyright and illegal sites"')


def test_the_commit_message_names_a_sensitive_item_by_its_place(repo: Path) -> None:
    change_the_sensitive_item(repo)
    message = commit_message(DataRepository(repo).uncommitted_changes())
    assert "agenda item 6, sensitive: changed" in message
    for secret in ("PIPCU", "Copyright", "Name no site"):
        assert secret not in message


def test_summit_log_names_a_sensitive_item_by_its_place(repo: Path, cli: Cli) -> None:
    change_the_sensitive_item(repo)
    commit_all(repo, "Sensitive item", "Bob Smith", "2027-01-05T10:30:00+00:00")
    result = cli("log", "-n", "1", "--data", repo)
    assert result.code == 0, result.err
    assert "agenda item 6, sensitive: changed" in result.out
    assert "PIPCU" not in result.out and "Copyright and" not in result.out


def test_a_sensitive_summit_is_named_by_its_id(repo: Path, cli: Cli) -> None:
    edit(
        repo / SUMMIT,
        'classification = "OFFICIAL"\n',
        'classification = "OFFICIAL-SENSITIVE"\npublic_purpose = "Online safety"\n',
    )
    commit_all(repo, "Mark sensitive", "Bob Smith", "2027-01-05T10:30:00+00:00")
    edit(repo / SUMMIT, f'title = "{SUMMIT_TITLE}"', 'title = "Summit on Project Nightjar"')
    edit(repo / SUMMIT, "Agree what the internet industry", "Agree in secret what industry")
    message = commit_message(DataRepository(repo).uncommitted_changes())
    assert "title changed" in message and "purpose changed" in message
    for secret in ("Nightjar", "in secret", "child-abuse"):
        assert secret not in message
    commit_all(repo, "Rename", "Bob Smith", "2027-01-06T10:30:00+00:00")
    logged = cli("log", "-n", "1", "--data", repo).out
    assert "Nightjar" not in logged and "in secret" not in logged
