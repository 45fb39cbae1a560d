"""`summit --help` lists the verbs in groups, by what a person came to do.

Argparse lists sub-commands in one block in the order they were declared; the
list is rebuilt here from each verb's own help text, so a verb's help is
written once. A verb missing from GROUPS is listed under "Other" (and
tests/cli/test_help_groups.py fails, to have it placed).
"""

import argparse
import textwrap

from summit.cli.arguments import Verbs

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Look at the data", ("app", "overview", "show", "validate", "serve")),
    ("Start", ("init",)),
    (
        "Change a summit",
        (
            "new",
            "edit",
            "invite",
            "uninvite",
            "reply",
            "attend",
            "agenda",
            "action",
            "commitment",
            "cancel",
        ),
    ),
    ("Change the register", ("register",)),
    (
        "Send, publish and record replies",
        ("send", "remind", "export", "publish", "rsvp", "login", "logout"),
    ),
    ("Papers and returns", ("papers", "transparency")),
    ("Work as a team in git", ("git", "diff", "log", "resolve")),
    ("Files and editors", ("fmt", "schema")),
    ("What git runs (set up by `summit git setup`)", ("merge-driver", "diff-driver")),
)


def _helps(verbs: Verbs) -> dict[str, str]:
    return {action.dest: action.help or "" for action in verbs._choices_actions}


def group_verbs(parser: argparse.ArgumentParser, verbs: Verbs) -> None:
    """Replace argparse's one list of verbs by the groups, in the parser's epilog."""
    helps = _helps(verbs)
    placed = {name for _, names in GROUPS for name in names}
    groups = [*GROUPS, ("Other", tuple(n for n in helps if n not in placed))]
    width = max(len(name) for name in helps) + 2
    lines = []
    for title, names in groups:
        present = [name for name in names if name in helps]
        if not present:
            continue
        lines.append(f"{title}:")
        for name in present:
            wrapped = textwrap.wrap(helps[name], 78 - width - 2) or [""]
            lines.append(f"  {name:<{width}}{wrapped[0]}")
            lines.extend(f"  {'':<{width}}{more}" for more in wrapped[1:])
        lines.append("")
    lines.append("`summit COMMAND --help` says more about each.")
    parser.epilog = "\n".join(lines)
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    verbs._choices_actions.clear()  # listed above instead
