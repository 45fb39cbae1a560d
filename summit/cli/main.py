"""Argument parsing and dispatch for the `summit` command."""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console

from summit import __version__
from summit.cli import commands, delivery, history, merging, sending
from summit.cli.output import consoles
from summit.store import ConflictError, DataDirError
from summit.store.problems import MergeConflicts

Command = Callable[[argparse.Namespace, Console, Console], int]


def _data_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --data given before the command name.
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="data directory holding invitees.toml and agendas/ "
        "(default: the current directory if it has invitees.toml, else the bundled sample)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summit",
        description="Plan a ministerial stakeholder summit and send its invitations.",
    )
    parser.add_argument("--version", action="version", version=f"summit {__version__}")
    _data_option(parser, top=True)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND")

    validate = verbs.add_parser("validate", help="check every data file; exit 1 on any error")
    _data_option(validate)
    validate.set_defaults(run=commands.validate)

    show = verbs.add_parser("show", help="a summit's agenda, invitees, outputs and warnings")
    show.add_argument("summit_id", metavar="SUMMIT_ID")
    _data_option(show)
    show.set_defaults(run=commands.show)

    fmt = verbs.add_parser("fmt", help="normalise the layout of the data files, keeping comments")
    fmt.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file would")
    _data_option(fmt)
    fmt.set_defaults(run=commands.fmt)

    schema = verbs.add_parser("schema", help="JSON Schema of the data files, for editors")
    schema.add_argument("--out", type=Path, metavar="DIR", help="write the schema files into DIR")
    schema.set_defaults(run=commands.schema)

    _sending_verbs(verbs)
    _git_verbs(verbs)
    history.add_verbs(verbs, _data_option)
    delivery.add_verbs(verbs, _data_option)

    app = verbs.add_parser("app", help="open the app (what `summit` alone does at a terminal)")
    _data_option(app)
    app.set_defaults(run=commands.run_app)
    overview = verbs.add_parser(
        "overview", help="list the summits (what `summit` alone prints when not at a terminal)"
    )
    _data_option(overview)
    overview.set_defaults(run=commands.overview)
    _serve_verb(verbs)
    parser.set_defaults(run=commands.default)
    return parser


def _port(text: str) -> int:
    port = int(text) if text.isdigit() else -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def _serve_verb(verbs: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
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
    _data_option(serve)
    serve.set_defaults(run=commands.serve)


def _summit_verb(
    verbs: "argparse._SubParsersAction[argparse.ArgumentParser]",
    name: str,
    run: Command,
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
    _data_option(parser)
    parser.set_defaults(run=run)
    return parser


def _sending_verbs(verbs: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    export = verbs.add_parser("export", help="write invites, the agenda calendar or e-mails")
    kinds = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    ics = _summit_verb(
        kinds, "ics", sending.export_ics, "the meeting request (or cancellation) as .ics"
    )
    ics.add_argument(
        "--per-organisation",
        action="store_true",
        help="one file per organisation, listing only its own delegates",
    )
    _summit_verb(
        kinds,
        "agenda",
        sending.export_agenda,
        "one calendar event per agenda item, for the organisers (METHOD:PUBLISH)",
    )
    _summit_verb(
        kinds, "eml", sending.export_eml, "one ready-to-send iMIP e-mail per invited organisation"
    )
    _summit_verb(
        verbs,
        "cancel",
        sending.cancel,
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
    _data_option(reply_import)
    reply_import.set_defaults(run=sending.rsvp_import)
    delivery.add_rsvp_verbs(rsvp_verbs, _data_option)


def _git_verbs(verbs: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    git = verbs.add_parser("git", help="work as a team on a git repository of the data")
    git_verbs = git.add_subparsers(dest="git_verb", metavar="ACTION", required=True)
    git_setup = git_verbs.add_parser(
        "setup", help="register summit's merge and diff drivers in this repository (idempotent)"
    )
    _data_option(git_setup)
    git_setup.set_defaults(run=merging.git_setup)
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
    driver.set_defaults(run=merging.merge_driver)


def main(argv: Sequence[str] | None = None) -> int:
    argv, paths = history.split_paths(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if paths:
        args.paths = paths
    out, err = consoles()
    run: Command = args.run
    try:
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
