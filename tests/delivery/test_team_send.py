"""`summit send` as a team action: two colleagues, two clones of one bare remote, one relay.

Real git (tests.git_fixtures: a bare remote, Alice's and Bob's clones) and a
real SMTP relay on 127.0.0.1 that counts what each organisation receives.
"""

import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from summit.workflows.teamsend import TeamSend
from tests.conftest import SAMPLE_SUMMIT, dated_ahead
from tests.delivery.conftest import SmtpServer
from tests.delivery.test_send import ORGANISATIONS, register_emails, summit_toml
from tests.git_fixtures import Team, git

# Sending itself, told before the sample's first summit was held (its day has passed
# by the story's TODAY, and a summit that took place is never sent).
pytestmark = pytest.mark.usefixtures("before_the_sample_summit")


def send(cli, root: Path, server: SmtpServer, *more: str):
    return cli("send", SAMPLE_SUMMIT, "--data", root, "--smtp", server.url, "--yes", *more)


def per_organisation(root: Path, server: SmtpServer) -> Counter[str]:
    """How many messages each organisation's people received."""
    emails = register_emails(root)
    counts: Counter[str] = Counter()
    for item in server.recorder.received:
        to = {a.addr_spec.lower() for a in item.message["To"].addresses}
        (org_id,) = [o for o, people in emails.items() if to <= people]
        counts[org_id] += 1
    return counts


def sent_records(root: Path) -> dict[str, dict[str, object]]:
    return tomllib.loads(summit_toml(root).read_text()).get("sent", {})


def test_two_colleagues_sending_from_their_clones_send_each_organisation_once(
    team: Team, cli, smtp_server: SmtpServer
) -> None:
    alice = send(cli, team.alice, smtp_server)
    assert alice.code == 0, alice.err
    # Bob has not pulled: his copy says nobody was sent anything.
    bob = send(cli, team.bob, smtp_server)
    assert bob.code == 0, bob.err
    counts = per_organisation(team.alice, smtp_server)
    assert len(counts) == ORGANISATIONS
    assert set(counts.values()) == {1}
    assert "a colleague's send came in" in bob.err
    assert "nothing to send" in bob.out
    # Both clones and the remote agree on what was sent, and git is clean.
    git(team.alice, "pull", "--quiet", "--no-rebase")
    assert len(sent_records(team.alice)) == len(sent_records(team.bob)) == ORGANISATIONS
    for clone in (team.alice, team.bob):
        assert git(clone, "status", "--porcelain") == ""
    assert git(team.alice, "rev-parse", "HEAD") == git(team.bob, "rev-parse", "HEAD")
    log = git(team.alice, "log", "--format=%s")
    assert f"Sent {SAMPLE_SUMMIT}" in log


def test_a_colleague_who_claims_first_is_seen_and_nothing_goes_twice(
    team: Team, cli, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    """Bob fetched before Alice sent; Alice's whole send lands between Bob's fetch and
    Bob's push of his claim (a pre-push hook runs it): Bob's claim is refused by the
    remote, he merges Alice's send, plans again and sends nothing."""
    # Alice's send runs in a child, which reads the computer's clock, not TODAY: the
    # summit is moved ahead (and pushed) so that it is still to come for both.
    dated_ahead(team.alice)
    git(team.alice, "commit", "-qam", "Move the summit a year or two ahead")
    git(team.alice, "push", "-q")
    hook = team.bob / ".git" / "hooks" / "pre-push"
    done = tmp_path / "alice-sent"
    hook.write_text(
        "#!/bin/sh\n"
        f'[ -e "{done}" ] && exit 0\n'
        f'touch "{done}"\n'
        f'cd "{team.alice}" && "{sys.executable}" -m summit send {SAMPLE_SUMMIT} --yes '
        f'--smtp "{smtp_server.url}" >/dev/null 2>&1\n'
    )
    hook.chmod(0o755)
    bob = send(cli, team.bob, smtp_server)
    assert bob.code == 0, bob.err
    assert done.exists()
    assert set(per_organisation(team.alice, smtp_server).values()) == {1}
    assert len(smtp_server.recorder.received) == ORGANISATIONS
    assert "a colleague's send came in" in bob.err
    assert len(sent_records(team.bob)) == ORGANISATIONS
    # Bob's withdrawn claim is not in the team's history: only Alice's.
    assert git(team.bob, "log", "--format=%s", "origin/main").count("Sending ") == 1


def test_organisations_a_colleague_is_sending_now_are_left_to_them(
    team: Team, cli, smtp_server: SmtpServer, monkeypatch
) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Alice Colleague")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "alice@dcms.example.org")
    alice = TeamSend(team.alice, SAMPLE_SUMMIT)
    alice.catch_up()
    assert alice.claim(["- Google: new invitation"], ["google", "yahoo"])
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Bob Colleague")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "bob@dcms.example.org")
    bob = send(cli, team.bob, smtp_server)
    assert bob.code == 0, bob.err
    assert "left to a colleague: Alice Colleague <alice@dcms.example.org> is sending" in bob.err
    counts = per_organisation(team.bob, smtp_server)
    assert "google" not in counts and "yahoo" not in counts
    assert len(counts) == ORGANISATIONS - 2
    # Alice's own claim does not hold her back: she sends the two.
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Alice Colleague")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "alice@dcms.example.org")
    alice_sends = send(cli, team.alice, smtp_server)
    assert alice_sends.code == 0, alice_sends.err
    assert set(per_organisation(team.bob, smtp_server).values()) == {1}
    assert len(per_organisation(team.bob, smtp_server)) == ORGANISATIONS


def test_an_unreachable_remote_stops_the_send_unless_offline(
    team: Team, cli, smtp_server: SmtpServer
) -> None:
    git(team.alice, "remote", "set-url", "origin", str(team.remote.parent / "gone.git"))
    refused = send(cli, team.alice, smtp_server)
    assert refused.code == 1
    assert "cannot be reached" in refused.err and "--offline" in refused.err
    assert smtp_server.recorder.received == []
    assert sent_records(team.alice) == {}
    offline = send(cli, team.alice, smtp_server, "--offline")
    assert offline.code == 0, offline.err
    assert len(smtp_server.recorder.received) == ORGANISATIONS
    assert "offline" in offline.err
    # Committed here, to be pushed at the next sync.
    assert git(team.alice, "status", "--porcelain") == ""
    assert git(team.alice, "log", "-1", "--format=%s").startswith(f"Sent {SAMPLE_SUMMIT}")


def test_uncommitted_changes_stop_a_team_send(team: Team, cli, smtp_server: SmtpServer) -> None:
    path = summit_toml(team.alice)
    path.write_text(path.read_text().replace("Conference Room 1", "Conference Room 4"))
    refused = send(cli, team.alice, smtp_server)
    assert refused.code == 1
    assert f"commit your changes to agendas/{SAMPLE_SUMMIT}.toml first" in refused.err
    assert "nothing was sent" in refused.err
    assert smtp_server.recorder.received == []
    assert "Conference Room 4" in path.read_text()  # the edit is kept, uncommitted


def test_two_offline_sends_merge_without_a_question(
    team: Team, cli, smtp_server: SmtpServer
) -> None:
    """Sent twice on purpose (--offline on both sides): git merges the records by rule."""
    remote = str(team.remote)
    for clone in (team.alice, team.bob):
        git(clone, "remote", "set-url", "origin", str(team.remote.parent / "gone.git"))
        assert send(cli, clone, smtp_server, "--offline").code == 0
        git(clone, "remote", "set-url", "origin", remote)
    git(team.alice, "push", "--quiet")
    pulled = subprocess.run(
        ["git", "pull", "--no-rebase", "--no-edit"],
        cwd=team.bob,
        capture_output=True,
        text=True,
        check=False,
    )
    assert pulled.returncode == 0, pulled.stdout + pulled.stderr
    assert git(team.bob, "status", "--porcelain") == ""
    assert len(sent_records(team.bob)) == ORGANISATIONS


def test_a_cancellation_for_the_uninvited_goes_once_from_two_clones(
    team: Team, cli, smtp_server: SmtpServer
) -> None:
    assert send(cli, team.alice, smtp_server).code == 0
    uninvited = cli("uninvite", SAMPLE_SUMMIT, "Facebook", "--yes", "--data", team.alice)
    assert uninvited.code == 0, uninvited.err
    git(team.alice, "commit", "--quiet", "-am", "Facebook uninvited")
    git(team.alice, "push", "--quiet")
    git(team.bob, "pull", "--quiet", "--no-rebase")
    assert send(cli, team.alice, smtp_server).code == 0
    bob = send(cli, team.bob, smtp_server)  # Bob has not seen Alice's second send
    assert bob.code == 0, bob.err
    cancels = [
        item
        for item in smtp_server.recorder.received
        if str(item.message["Subject"]).startswith("Invitation withdrawn: ")
    ]
    assert [item.recipients for item in cancels] == [["oliver.grant@facebook.example.org"]]
    assert sent_records(team.bob)["facebook"]["method"] == "CANCEL"


def test_a_dry_run_says_what_a_colleague_is_sending_now(team: Team, cli, monkeypatch) -> None:
    """A colleague's claim merged into this clone was not mentioned by the dry run,
    which listed those organisations as to be sent; only --yes left them to the
    colleague (found working as two officials)."""
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Alice Colleague")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "alice@dcms.example.org")
    alice = TeamSend(team.alice, SAMPLE_SUMMIT)
    alice.catch_up()
    assert alice.claim(["- Google: new invitation"], ["google", "yahoo"])
    git(team.bob, "pull", "-q")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Bob Colleague")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "bob@dcms.example.org")
    dry = cli("send", SAMPLE_SUMMIT, "--data", team.bob)
    assert dry.code == 0, dry.err
    said = " ".join(dry.err.split())
    assert "Alice Colleague <alice@dcms.example.org> is sending" in said
    assert "Google, Yahoo: --yes leaves them to them" in said


def test_a_claim_counts_messages_and_organisations_apart(team: Team) -> None:
    """A withdrawal and an update to one organisation are two messages: the claim said
    "4 messages" when five went (found working as two officials)."""
    alice = TeamSend(team.alice, SAMPLE_SUMMIT)
    alice.catch_up()
    lines = ["- Google: withdrawal", "- Google: update", "- Yahoo: update"]
    assert alice.claim(lines, ["google", "yahoo"])
    subject = git(team.alice, "log", "-1", "--format=%s")
    assert subject.strip() == f"Sending {SAMPLE_SUMMIT}: 3 messages to 2 organisations"
