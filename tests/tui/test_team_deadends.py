"""No dead ends in the app's teamwork: a merge in progress is committed from the app, a pull
made in a shell meanwhile is settled field by field without a restart, on real clones of a
bare remote."""

import subprocess
from pathlib import Path

from summit.tui.app import make_app
from summit.tui.screens.commit import CommitScreen
from summit.tui.screens.resolve import ResolveScreen
from tests.conftest import SAMPLE_SUMMIT
from tests.git_fixtures import Team, git
from tests.tui.conftest import TODAY, settle


def summit_file(root: Path) -> Path:
    return root / "agendas" / f"{SAMPLE_SUMMIT}.toml"


def both_retime_the_welcome(team: Team) -> None:
    """Bob pushes the welcome at 25 minutes; Alice has committed it at 20 (not pulled yet)."""
    for clone, minutes in ((team.bob, "25"), (team.alice, "20")):
        path = summit_file(clone)
        path.write_text(path.read_text().replace("minutes = 15", f"minutes = {minutes}", 1))
        git(clone, "commit", "-qam", f"Welcome {minutes} minutes")
    git(team.bob, "push", "-q")


def pull_with_conflict(root: Path) -> None:
    """`git pull --no-rebase` in a shell: it stops with the summit file conflicted."""
    pull = subprocess.run(
        ["git", "pull", "--no-rebase"], cwd=root, capture_output=True, text=True, check=False
    )
    assert pull.returncode != 0 and "<<<<<<<" in summit_file(root).read_text(), pull.stderr


def told(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_keeping_mine_everywhere_still_commits_the_merge(team: Team) -> None:
    """Settled all mine, the file is as last committed; f4 finishes the merge all the same."""
    both_retime_the_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, ResolveScreen)
        await pilot.press("M", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        assert "merging" in app.sub_title
        await pilot.press("f4")
        await settle(pilot)
        assert "Nothing to commit" not in told(app)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.message
        assert message.startswith("Merge ")
        assert "Welcome 25 minutes (Priya Hollis)" in message  # what the merge brought in
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "merging" not in app.sub_title
        await pilot.press("f5")
        await settle(pilot)
        assert "Synced" in told(app)
    parents = git(team.alice, "log", "-1", "--format=%P").split()
    assert len(parents) == 2
    assert git(team.alice, "status", "--porcelain").strip() == ""
    assert git(team.remote, "rev-parse", "main") == git(team.alice, "rev-parse", "HEAD")


async def test_the_merge_commit_says_what_it_brought_in(team: Team) -> None:
    both_retime_the_welcome(team)
    pull_with_conflict(team.alice)
    app = make_app(team.alice, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await settle(pilot)
        await pilot.press("T", "ctrl+s")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, CommitScreen)
        message = app.screen.message
        await pilot.press("ctrl+s")
        await settle(pilot)
    print(message)
    subject, _, body = message.partition("\n\n")
    assert subject.startswith("Merge branch 'main'")
    assert "- Welcome 25 minutes (Priya Hollis)" in body
    assert "'Welcome and purpose of the day'" in body and "25" in body
    logged = git(team.alice, "log", "-1", "--format=%B")
    assert logged.strip() == message.strip()
