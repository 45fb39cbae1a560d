"""Claims: a team action announced through the remote before it is done.

A send must go out once per team, but each colleague works in a clone. So a
sender first pushes a claim, a commit whose message names the summit and the
organisations about to be sent to; the remote takes one push at a time, so of
two colleagues claiming at once one push is refused (not a fast-forward) and
that colleague merges the other's claim before planning again. The claim is
closed by the sender's next commit naming the summit as done, which carries
what was sent. Claims are read back from the commit messages (git trailers),
so they cost no field in the data files and never conflict in a merge.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from summit.gitrepo.command import GitError, run_git
from summit.gitrepo.sync import DATA_PATHS

CLAIM = "Summit-Claim"
"""Trailer of a claim: the summit id."""
ORGANISATIONS = "Summit-Organisations"
"""Trailer of a claim: the ids of the organisations claimed, space-separated."""
DONE = "Summit-Sent"
"""Trailer of the commit that closes its author's claim: the summit id."""
_LOOK_BACK = 500
"""Commits searched for claims still open (a claim is closed within minutes, normally)."""


@dataclass(frozen=True, slots=True)
class Claim:
    summit_id: str
    organisations: frozenset[str]
    name: str
    email: str
    at: datetime
    commit: str


def _git(root: Path, *args: str) -> str:
    return run_git(args, root).stdout.decode("utf-8", "replace")


def trailers(**values: str) -> str:
    """Trailer lines for a commit message (`Summit-Claim: x`), in the order given."""
    names = {"claim": CLAIM, "organisations": ORGANISATIONS, "done": DONE}
    return "\n".join(f"{names[key]}: {value}" for key, value in values.items())


def commit_step(root: Path, message: str) -> str:
    """Commit the data files as they are with `message` (an empty commit when unchanged).

    Only the data files: anything else the user staged stays staged.
    """
    _git(root, "add", "--all", "--", *DATA_PATHS)
    staged = _git(root, "diff", "--cached", "--name-only", "--", *DATA_PATHS).strip()
    if staged:
        _git(root, "commit", "--quiet", "--message", message, "--", *DATA_PATHS)
    else:
        _git(root, "commit", "--quiet", "--allow-empty", "--only", "--message", message)
    return head(root)


def head(root: Path) -> str:
    return _git(root, "rev-parse", "HEAD").strip()


def withdraw(root: Path, commit: str) -> None:
    """Take back an empty claim commit that was never pushed (HEAD must still be it)."""
    if head(root) != commit:
        raise GitError("the claim is no longer the last commit: it was not taken back")
    _git(root, "reset", "--quiet", "--soft", "HEAD~1")


def my_email(root: Path) -> str:
    """Who commits here (the environment's identity first, as git itself takes it)."""
    done = run_git(["var", "GIT_AUTHOR_IDENT"], root, check=False)
    ident = done.stdout.decode("utf-8", "replace")
    return ident.partition("<")[2].partition(">")[0].strip().lower()


def open_claims(root: Path, summit_id: str) -> list[Claim]:
    """Each colleague's newest claim on the summit that no later commit of theirs closed."""
    out = _git(
        root,
        "log",
        f"-n{_LOOK_BACK}",
        "--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%B%x1e",
        f"--grep=^{CLAIM}: {summit_id}$",
        f"--grep=^{DONE}: {summit_id}$",
    )
    claims: list[Claim] = []
    closed: set[str] = set()  # people whose newer commit closed their older claims
    for record in out.split("\x1e"):
        if not record.strip():
            continue
        commit, name, email, date, body = record.strip("\n").split("\x1f", 4)
        values = _trailer_values(body)
        email = email.lower()
        if email in closed:
            continue
        closed.add(email)
        if values.get(CLAIM) == summit_id:
            organisations = frozenset(values.get(ORGANISATIONS, "").split())
            when = datetime.fromisoformat(date)
            claims.append(Claim(summit_id, organisations, name, email, when, commit))
    return claims


def _trailer_values(body: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in body.splitlines():
        key, sep, value = line.partition(": ")
        if sep and key in (CLAIM, ORGANISATIONS, DONE):
            values[key] = value.strip()
    return values
