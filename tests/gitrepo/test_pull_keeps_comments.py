"""Real `git pull` between two clones keeps each colleague's hand-written comments."""

from summit.workflows.teamwork import settle_git_conflict
from tests.conftest import SAMPLE_SUMMIT
from tests.gitrepo.conftest import Team, git, summit
from tests.gitrepo.test_merge_driver import SUMMIT_FILE, edit, pull, record

COFFEE = '[[agenda]]\ntitle = "Coffee"'
COFFEE_NOTE = "# coffee served in the Board Room next door"
CLOSING = 'lead = "secretary-of-state"\nminutes = 20'
SOS = "# SoS asked for 25"
CONFLICT = "agenda 'Agreed actions and next steps'.minutes"


def alice_comments_and_retimes_the_close(team: Team) -> None:
    edit(team.alice, COFFEE, f"{COFFEE_NOTE}\n{COFFEE}")
    edit(team.alice, CLOSING, f'lead = "secretary-of-state"\nminutes = 25  {SOS}')


def test_a_conflicted_pull_keeps_the_other_sides_comments_and_so_does_settling_it(
    team: Team,
) -> None:
    alice_comments_and_retimes_the_close(team)
    edit(team.bob, CLOSING, 'lead = "secretary-of-state"\nminutes = 10')
    code, output = pull(team)
    assert code != 0, output
    conflicted = (team.bob / SUMMIT_FILE).read_text()
    assert conflicted.count(COFFEE_NOTE) == 1
    assert f"minutes = 10  {SOS}\n=======\nminutes = 25  {SOS}\n" in conflicted

    # Bob keeps his 10 minutes, commits the merge and pushes; Alice pulls.
    result = settle_git_conflict(team.bob, SUMMIT_FILE, {CONFLICT: "ours"})
    assert result.clean, result.report(SUMMIT_FILE)
    git(team.bob, "commit", "-q", "--no-edit")
    git(team.bob, "push", "-q", "origin", "HEAD:main")
    git(team.alice, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    for clone in (team.bob, team.alice):
        text = (clone / SUMMIT_FILE).read_text()
        assert f"{COFFEE_NOTE}\n{COFFEE}" in text
        assert f"minutes = 10  {SOS}\n" in text
        assert record(clone).agenda[-1].minutes == 10
    assert summit(team.alice, "validate").returncode == 0


def test_a_clean_pull_keeps_a_comment_of_the_side_that_changed_data_too(team: Team) -> None:
    welcome = '[[agenda]]\ntitle = "Welcome'
    edit(team.alice, welcome, f"# chair opens on time\n{welcome}")
    edit(team.alice, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')
    venue = 'Conference Room 1"\nstatus = "held"'
    edit(team.bob, venue, venue.replace("Room 1", "Room 5"))
    edit(team.bob, CLOSING, 'lead = "secretary-of-state"\nminutes = 25')
    code, output = pull(team)
    assert code == 0, output
    text = (team.bob / SUMMIT_FILE).read_text()
    assert text.count("# chair opens on time") == 1
    assert f"# chair opens on time\n{welcome}" in text
    summit_record = record(team.bob)
    assert summit_record.invitations["facebook"].rsvp["facebook-policy"] == "accepted"
    assert summit_record.venue.endswith("Room 5")
    assert git(team.bob, "status", "--porcelain").stdout == ""


def test_a_comment_above_the_venue_stays_above_the_summits_own_venue(team: Team) -> None:
    venue = 'venue = "100 Parliament Street, London SW1A 2BQ: Conference Room 1"\nstatus = "hel'
    edit(team.alice, venue, f"# booked by Jo in Estates\n{venue}")
    edit(team.alice, 'facebook-policy = "needs-action"', 'facebook-policy = "accepted"')
    edit(team.bob, CLOSING, 'lead = "secretary-of-state"\nminutes = 25')
    code, output = pull(team)
    assert code == 0, output
    text = (team.bob / f"agendas/{SAMPLE_SUMMIT}.toml").read_text()
    assert text.count("# booked by Jo in Estates") == 1
    assert text.index("# booked by Jo in Estates") < text.index("[invite.issued]")
