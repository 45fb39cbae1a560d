"""A send as a team action: through the team's remote, so that nothing goes out twice.

Each colleague sends from their own clone. Before a message goes out, the
clone catches up with the remote (fetch and merge), so that what colleagues
already sent is known; then it pushes a claim naming the organisations about
to be sent to (see summit.gitrepo.claims), so that a colleague sending at the
same moment sees it: of two claims pushed at once the remote takes one, and
the other sender merges it and plans again. Once sent, what was sent is
committed and pushed, which closes the claim.

Without a remote (or outside git) a send is the clone's own business, as
before. A remote that cannot be reached stops the send unless the sender says
`offline`: then it is sent, committed here, and pushed at the next sync.

Uncommitted changes to the data stop a team send (they are not folded into
the claim): a civil servant expects each commit to say what it is, and
colleagues must be able to see exactly what the invitees were sent; so the
person commits their edits with their own message first.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from summit.gitrepo.claims import Claim, commit_step, head, my_email, open_claims, withdraw
from summit.gitrepo.claims import trailers as claim_trailers
from summit.gitrepo.command import GitError
from summit.gitrepo.sync import RemoteUnreachable, push, repo_status, sync
from summit.model.wording import counted


class TeamError(Exception):
    """Why the send did not start (nothing was sent); the message says what to do."""


class TeamUnreachable(TeamError):
    """The team's remote cannot be reached: sending needs an explicit `offline`."""


@dataclass
class TeamSend:
    """The git side of one send of one summit, step by step (summit.delivery.team joins
    it with the outbox)."""

    root: Path
    summit_id: str
    offline: bool = False
    """Send even when the remote cannot be reached (said by the sender)."""
    team: bool = False
    """Whether there is a remote to go through (set by `catch_up`)."""
    unreachable: str | None = None
    """Why the remote could not be reached, when sending offline."""
    came_in: list[str] = field(default_factory=list)
    """Colleagues' commits merged in before planning: `subject (author)`."""
    claim_commit: str | None = None

    def catch_up(self) -> list[str]:
        """Merge what colleagues pushed; returns their commits' subjects (none: nothing new).

        TeamError (nothing sent) on uncommitted or conflicted data, a merge that
        conflicts, or an unreachable remote without `offline`.
        """
        status = repo_status(self.root)
        if status is None or status.upstream is None:
            return []  # no team remote: as a send always was
        self.team = True
        try:
            result = sync(self.root)
        except RemoteUnreachable as error:
            if not self.offline:
                raise TeamUnreachable(
                    f"the team's remote {status.upstream} cannot be reached ({error}), so a "
                    "colleague's send cannot be seen: nothing was sent. Try again when it "
                    "can be reached, or send anyway with --offline (then sync soon)"
                ) from error
            self.unreachable = str(error)
            return []
        except GitError as error:
            raise TeamError(f"before sending as a team: {error}; nothing was sent") from error
        if result.conflicted:
            raise TeamError(
                f"colleagues' changes conflict with yours in {', '.join(result.conflicted)}: "
                "resolve them and commit, then send again; nothing was sent"
            )
        self.came_in += result.received
        return result.received

    @property
    def through_remote(self) -> bool:
        return self.team and self.unreachable is None

    def colleagues_claims(self) -> list[Claim]:
        """Claims colleagues pushed and have not closed: they are sending those now."""
        if not self.through_remote:
            return []
        mine = my_email(self.root)
        return [claim for claim in open_claims(self.root, self.summit_id) if claim.email != mine]

    def claim(self, described: list[str], organisations: list[str]) -> bool:
        """Push a claim on these organisations; False when a colleague pushed first.

        `described` says in words what is about to go (one line per message).
        After False the claim is taken back: catch up, plan and claim again.
        """
        if not self.through_remote:
            return True
        # A withdrawal and an update to one organisation are two messages, one claim each.
        messages = counted(len(described), "message", "messages")
        subject = (
            f"Sending {self.summit_id}: {messages} to {counted(len(organisations), 'organisation')}"
        )
        body = "\n".join(
            [
                "Claimed before sending, so that colleagues do not send these too:",
                *described,
                "",
                claim_trailers(claim=self.summit_id, organisations=" ".join(organisations)),
            ]
        )
        self.claim_commit = commit_step(self.root, f"{subject}\n\n{body}\n")
        try:
            pushed = push(self.root)
        except RemoteUnreachable as error:
            withdraw(self.root, self.claim_commit)
            self.claim_commit = None
            raise TeamUnreachable(
                f"the claim could not be pushed ({error}): nothing was sent. Try again, "
                "or send anyway with --offline (then sync soon)"
            ) from error
        if not pushed:
            withdraw(self.root, self.claim_commit)
            self.claim_commit = None
        return pushed

    def done(self, subject: str, described: list[str]) -> list[str]:
        """Commit what was sent (closing the claim) and push it; returns notes for the sender."""
        if not self.team:
            return []
        body = "\n".join([*described, "", claim_trailers(done=self.summit_id)])
        commit_step(self.root, f"{subject}\n\n{body}\n")
        if not self.through_remote:
            return [
                "sent without the team's remote (offline): committed here; sync as soon as "
                "the remote can be reached, so that colleagues see what was sent"
            ]
        return self._pushed()

    def _pushed(self) -> list[str]:
        try:
            if not push(self.root):
                # A colleague pushed meanwhile: merge it (what summit wrote merges by rule).
                result = sync(self.root)
                if result.conflicted:
                    return [
                        "sent and committed here, but colleagues' changes conflict in "
                        f"{', '.join(result.conflicted)}: resolve them and sync"
                    ]
        except GitError as error:
            return [f"sent and committed here, but not pushed ({error}): sync soon"]
        return [f"committed and pushed: colleagues see what was sent ({head(self.root)[:8]})"]


def claim_line(claim: Claim) -> str:
    """`Priya Hollis claimed 3 organisations at 2027-01-04 09:00 and has not finished`."""
    at = claim.at.astimezone().strftime("%Y-%m-%d %H:%M") if isinstance(claim.at, datetime) else ""
    return (
        f"{claim.name} <{claim.email}> is sending to "
        f"{counted(len(claim.organisations), 'organisation', 'organisations')} "
        f"(claimed {at}, not yet recorded as sent)"
    )
