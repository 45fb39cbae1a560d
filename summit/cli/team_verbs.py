"""The verbs of working as a team in git: `git setup`, the drivers, `resolve`, `diff`, `log`.

Declared with argparse only, as summit.cli.main says; the handlers are named
as "module:function" strings and imported only when their verb runs.
"""

from pathlib import Path

from summit.cli.arguments import Verbs, data_option


def git_verbs(verbs: Verbs) -> None:
    git = verbs.add_parser("git", help="work as a team on a git repository of the data")
    git_verbs = git.add_subparsers(dest="git_verb", metavar="ACTION", required=True)
    git_setup = git_verbs.add_parser(
        "setup", help="register summit's merge and diff drivers in this repository (idempotent)"
    )
    data_option(git_setup)
    git_setup.set_defaults(run="summit.cli.merging:git_setup")
    driver = verbs.add_parser(
        "merge-driver", help="what git runs to merge a data file (set up by `summit git setup`)"
    )
    for name, meaning in [
        ("base", "the common ancestor's version (%%O)"),
        ("ours", "our version, replaced by the result (%%A)"),
        ("theirs", "their version (%%B)"),
    ]:
        driver.add_argument(name, type=Path, metavar=name.upper(), help=meaning)
    driver.add_argument("path", metavar="PATH", help="the file's path in the repository (%%P)")
    driver.set_defaults(run="summit.cli.merging:merge_driver")
    resolve = verbs.add_parser("resolve", help="settle git-conflicted data files with one side")
    resolve.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="default: all")
    side = resolve.add_mutually_exclusive_group(required=True)
    for flag, value, whose in (("--mine", "ours", "your"), ("--theirs", "theirs", "their")):
        keep = f"keep {whose} value of every field both sides changed"
        side.add_argument(flag, dest="side", action="store_const", const=value, help=keep)
    data_option(resolve)
    resolve.set_defaults(run="summit.cli.resolving:resolve")


def history_verbs(verbs: Verbs) -> None:
    """`diff`, `log` and `diff-driver` (summit.cli.history)."""
    diff_parser = verbs.add_parser(
        "diff",
        help="what changed in the data, in plain English (working tree, or between revisions)",
        usage="summit diff [REV [REV]] [-- PATH...]",
    )
    diff_parser.add_argument("revisions", nargs="*", metavar="REV")
    diff_parser.set_defaults(run="summit.cli.history:diff", paths=[])
    data_option(diff_parser)

    log_parser = verbs.add_parser(
        "log", help="commits that changed the data (or one summit), in plain English"
    )
    log_parser.add_argument("summit_id", nargs="?", metavar="SUMMIT_ID")
    log_parser.add_argument(
        "-n", "--max-count", type=int, default=50, metavar="N", help="show N commits (default 50)"
    )
    log_parser.set_defaults(run="summit.cli.history:history")
    data_option(log_parser)

    driver = verbs.add_parser(
        "diff-driver", help="git's external diff driver (diff.summit.command); git calls it"
    )
    driver.add_argument("path", metavar="PATH")
    driver.add_argument(
        "rest", nargs="*", metavar="OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE"
    )
    driver.set_defaults(run="summit.cli.history:diff_driver")
