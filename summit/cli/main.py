"""Argument parsing and dispatch for the `summit` command.

How to add a verb (this keeps `summit --version` and `--help` quick):

- Declare its arguments with argparse only, here or in a `*_verbs` module, and name its
  handler as a "module:function" string: `parser.set_defaults(run="summit.cli.papers:build")`.
  The handler's module is imported only when that verb runs, so it may import
  pydantic, icalendar, tomlkit or anything else at its top.
- A handler takes the parsed arguments and two consoles (stdout, stderr) and returns
  the exit code (`Command`); `main` turns storage errors into messages and exit codes.
- Never import a command module, `summit.model`, `summit.store`, rich or textual
  at the top of this file: tests/cli/test_cli_startup.py fails if `--version` or
  `--help` loads any of them. `summit` and `summit app` start the app through
  summit.cli.launch, which stays as light (see summit.tui.app).
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from summit import __version__
from summit.cli.arguments import Verbs, a_date, data_option
from summit.cli.details_verb import details_verb
from summit.cli.help_groups import group_verbs
from summit.cli.invitee_verbs import invitee_verbs
from summit.cli.item_verbs import agenda_verbs, outcome_verbs
from summit.cli.new_verb import new_verb
from summit.cli.quick import app_arguments, split_paths
from summit.cli.register_verbs import register_verbs
from summit.cli.remind_verb import remind_verb
from summit.cli.signin import signin_verbs
from summit.cli.team_verbs import git_verbs, history_verbs

if TYPE_CHECKING:
    from rich.console import Console

Command: TypeAlias = Callable[[argparse.Namespace, "Console", "Console"], int]


def handler(target: str) -> Command:
    """The function a "module:function" string names, imported now that its verb runs."""
    module, _, function = target.partition(":")
    run: Command = getattr(import_module(module), function)
    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit",
        description="Plan a ministerial stakeholder summit and send its invitations.",
    )
    parser.add_argument("--version", action="version", version=f"summit {__version__}")
    data_option(parser, top=True)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="linear output for screen readers: one labelled value per line, no tables, no "
        "colour (also SUMMIT_PLAIN=1, or TERM=dumb)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", help="one of those below")

    validate = verbs.add_parser("validate", help="check every data file; exit 1 on any error")
    data_option(validate)
    validate.set_defaults(run="summit.cli.commands:validate")

    show = verbs.add_parser("show", help="a summit's agenda, invitees, outputs and warnings")
    show.add_argument("summit_id", metavar="SUMMIT_ID")
    data_option(show)
    show.set_defaults(run="summit.cli.commands:show")

    fmt = verbs.add_parser("fmt", help="normalise the layout of the data files, keeping comments")
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would")
    data_option(fmt)
    fmt.set_defaults(run="summit.cli.commands:fmt")

    schema = verbs.add_parser("schema", help="JSON Schema of the data files, for editors")
    schema.add_argument("--out", type=Path, metavar="DIR", help="write the schema files into DIR")
    _force_option(schema)
    schema.set_defaults(run="summit.cli.commands:schema")

    init = verbs.add_parser("init", help="start a data folder of your own, in git")
    init.add_argument("dir", nargs="?", type=Path, default=Path(), metavar="DIR")
    init.add_argument("--sample", action="store_true", help="start from the sample summit")
    init.set_defaults(run="summit.cli.datarepo:init")

    _sending_verbs(verbs)
    git_verbs(verbs)
    history_verbs(verbs)
    signin_verbs(verbs)
    new_verb(verbs)
    details_verb(verbs)
    register_verbs(verbs)
    invitee_verbs(verbs)
    agenda_verbs(verbs)
    outcome_verbs(verbs)
    _papers_verbs(verbs)
    _delivery_verbs(verbs)

    app = verbs.add_parser("app", help="open the app (what `summit` alone does at a terminal)")
    app.add_argument(
        "--accessible",
        action="store_true",
        help="for screen readers and magnifiers: the cursor follows the focus, what happens is "
        "said in the status line, no animation (also SUMMIT_ACCESSIBLE=1)",
    )
    data_option(app)
    app.set_defaults(run="summit.cli.launch:run_app")
    overview = verbs.add_parser(
        "overview", help="list the summits (what `summit` alone prints when not at a terminal)"
    )
    data_option(overview)
    overview.set_defaults(run="summit.cli.commands:overview")
    _serve_verb(verbs)
    group_verbs(parser, verbs)
    parser.set_defaults(run="summit.cli.launch:default")
    return parser


def _port(text: str) -> int:
    port = int(text) if text.isdigit() else -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def _serve_verb(verbs: Verbs) -> None:
    serve = verbs.add_parser(
        "serve", help="run the app in a web browser, for you alone (textual-serve)"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only); "
        "any other needs --allow-remote",
    )
    serve.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that other machines can reach: anyone who can reach the port "
        "and learns the token can use the app with your files, over unencrypted HTTP",
    )
    data_option(serve)
    serve.set_defaults(run="summit.cli.commands:serve")


def _force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output file (never a data file or a device)",
    )


def _summit_verb(
    verbs: Verbs,
    name: str,
    run: str,
    help_text: str,
    *,
    out: bool = True,
) -> argparse.ArgumentParser:
    parser = verbs.add_parser(name, help=help_text)
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    if out:
        parser.add_argument(
            "--out",
            type=Path,
            default=None,
            metavar="DIR",
            help="folder to write into (default: exports/ in the data folder, which git ignores)",
        )
        _force_option(parser)
    data_option(parser)
    parser.set_defaults(run=run)
    return parser


def _sending_verbs(verbs: Verbs) -> None:
    export = verbs.add_parser("export", help="write invites, the agenda calendar or e-mails")
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    ics = _summit_verb(
        kinds,
        "ics",
        "summit.cli.sending:export_ics",
        "the meeting request (or cancellation) as .ics",
    )
    ics.add_argument(
        "--per-organisation",
        action="store_true",
        help="one file per organisation, listing only its own delegates",
    )
    _summit_verb(
        kinds,
        "agenda",
        "summit.cli.sending:export_agenda",
        "one calendar event per agenda item, for the organisers (METHOD:PUBLISH)",
    )
    _summit_verb(
        kinds,
        "eml",
        "summit.cli.sending:export_eml",
        "one ready-to-send iMIP e-mail per invited organisation",
    )
    _summit_verb(
        verbs,
        "cancel",
        "summit.cli.sending:cancel",
        "cancel a summit; then export to send the cancellation",
        out=False,
    )
    rsvp = verbs.add_parser("rsvp", help="record replies to the invitation")
    rsvp_verbs = rsvp.add_subparsers(dest="rsvp_verb", metavar="ACTION", required=True)
    reply_import = rsvp_verbs.add_parser(
        "import",
        help="read METHOD:REPLY .ics files, and replies in .eml files, Maildir and mbox folders",
    )
    reply_import.add_argument("files", nargs="+", type=Path, metavar="FILE.ics|FILE.eml|MAILBOX")
    data_option(reply_import)
    reply_import.set_defaults(run="summit.cli.sending:rsvp_import")
    fetch = rsvp_verbs.add_parser(
        "fetch", help="record new replies from a mailbox over IMAP (marks them; never deletes)"
    )
    _url_option(
        fetch,
        "--imap",
        "imaps://user@host/FOLDER or imap://user@host (STARTTLS when offered); "
        "default SUMMIT_IMAP_URL, then imap_url in your settings file",
    )
    fetch.add_argument(
        "--graph", action="store_true", help="read the signed-in inbox through Microsoft Graph"
    )
    data_option(fetch)
    fetch.set_defaults(run="summit.cli.delivery:rsvp_fetch")


def _url_option(parser: argparse.ArgumentParser, flag: str, help: str) -> None:
    """A server's URL; unset, the verb looks in the environment, then the settings file."""
    parser.add_argument(flag, metavar="URL", default=None, help=help)


def _papers_verbs(verbs: Verbs) -> None:
    """`papers` and `transparency` (summit.cli.papers)."""
    parser = verbs.add_parser(
        "papers",
        help="the briefing pack, the note of the meeting and the press notice (.docx, .md, .html)",
    )
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder to write into (default: exports/ in the data folder, which git ignores)",
    )
    _force_option(parser)
    parser.add_argument(
        "--only",
        choices=("brief", "note", "press", "foi"),
        help="write one paper (with its variants); foi: the bundle for an FOI request",
    )
    parser.set_defaults(run="summit.cli.papers:papers")
    data_option(parser)

    ret = verbs.add_parser(
        "transparency",
        help="the transparency return of ministers' meetings with external organisations (CSV)",
    )
    ret.add_argument("--from", dest="start", type=a_date, required=True, metavar="DATE")
    ret.add_argument("--to", dest="end", type=a_date, required=True, metavar="DATE")
    ret.add_argument(
        "--minister",
        metavar="NAME",
        help="only the meetings this minister (minister = true in the register) convened: "
        "an id, a name, or words that begin one",
    )
    ret.add_argument(
        "--date-format",
        choices=("dmy", "iso"),
        default="dmy",
        help="dates as DD/MM/YYYY (dmy, as GOV.UK publishes them; the default) or YYYY-MM-DD",
    )
    ret.add_argument(
        "--headings",
        metavar="A,B,C,D",
        help="the four column headings (default: transparency_headings in the settings "
        "file, else Minister,Date,Name of organisation,Purpose of meeting)",
    )
    ret.add_argument(
        "--out", type=Path, default=None, metavar="FILE", help="write the CSV here, not to stdout"
    )
    _force_option(ret)
    ret.set_defaults(run="summit.cli.papers:transparency")
    data_option(ret)


def _delivery_verbs(verbs: Verbs) -> None:
    """`send` and `publish` (summit.cli.delivery); `rsvp fetch` is with `rsvp import`."""
    parser = verbs.add_parser(
        "send",
        help="send the invitations (or updates, or the cancellation) by e-mail: "
        "a dry run unless --yes",
    )
    parser.add_argument("summit_id", metavar="SUMMIT_ID")
    parser.add_argument(
        "--yes", action="store_true", help="send; without it, only show what would be sent"
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="send even when the team's git remote cannot be reached (then sync soon); "
        "without it such a send is refused, as a colleague's send could not be seen",
    )
    _url_option(
        parser,
        "--smtp",
        "the relay: smtp://user@host:587 (STARTTLS when offered; ?starttls=no to refuse), "
        "smtps://user@host:465; default SUMMIT_SMTP_URL, then smtp_url in your settings file",
    )
    parser.add_argument(
        "--graph",
        action="store_true",
        help="send through Microsoft Graph (signed in), for tenants where SMTP AUTH is off",
    )
    data_option(parser)
    parser.set_defaults(run="summit.cli.delivery:send")
    remind_verb(verbs, _url_option)

    publishing = verbs.add_parser(
        "publish",
        help="put the meeting and its agenda (one object per item) into the team's CalDAV calendar",
    )
    publishing.add_argument("summit_id", metavar="SUMMIT_ID")
    _url_option(
        publishing,
        "--caldav",
        "the calendar: https://user@host/path/to/calendar/; "
        "default SUMMIT_CALDAV_URL, then caldav_url in your settings file",
    )
    data_option(publishing)
    publishing.set_defaults(run="summit.cli.delivery:publish")


def main(argv: Sequence[str] | None = None) -> int:
    argv, paths = split_paths(sys.argv[1:] if argv is None else argv)
    # `summit` and `summit app` start without the whole parser: the app's first frame waits.
    args = app_arguments(argv)
    if args is None:
        args = build_parser().parse_args(argv)  # --version and --help exit here
    if paths:
        args.paths = paths
    # What the verbs need is loaded only now that one runs.
    from summit.cli.output import consoles, is_plain  # noqa: PLC0415
    from summit.store.output_guard import replacing_allowed  # noqa: PLC0415
    from summit.store.problems import ConflictError, DataDirError, MergeConflicts  # noqa: PLC0415

    out, err = consoles(plain=is_plain(args))
    run = handler(args.run)
    try:
        with replacing_allowed(getattr(args, "force", False)):
            return run(args, out, err)
    except DataDirError as error:
        err.print(f"summit: {error}", markup=False)
        return 2
    except MergeConflicts as clash:
        for conflict in clash.conflicts:
            err.print(f"summit: {clash.path.name}: {conflict.describe()}")
        err.print(
            f"summit: {clash.path} was changed meanwhile in the same places; nothing was "
            "written. Settle it in the app (it asks field by field) or run the command again."
        )
        return 1
    except ConflictError as error:
        err.print(f"summit: {error}; nothing was changed, run the command again", markup=False)
        return 1
    except OSError as error:
        # A full disk, a folder that is a file, no permission: say which, with no traceback.
        where = f" {error.filename}" if error.filename else ""
        err.print(f"summit: cannot write{where}: {error.strerror or error}", markup=False)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
