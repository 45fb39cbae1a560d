"""Help: what summit does and the keys of every screen."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# summit

Plan a ministerial summit: the invitee register, each summit's agenda,
invitations and replies, and what it agreed. Everything is kept in TOML files
that git can diff and merge; summit changes only the lines you changed.

## Everywhere

| key | does |
|---|---|
| `ctrl+s` | save every changed file |
| `ctrl+z` | undo the last change not yet saved (again for the one before) |
| `ctrl+r` | reload the files from disk |
| `ctrl+p` | command palette: every action, themes (including high contrast) |
| `f1` | this help |
| `f2` | the invitee register (from a summit: invite people to it) |
| `f3` | history in plain English (of the open summit, or of all the data) |
| `f4` | commit the saved data files (git), with a message written for you |
| `f5` | sync with colleagues: fetch, merge, push (git) |
| `f6` | the high-contrast theme, on and off |
| `ctrl+q` | quit (asks first if anything is unsaved) |
| `escape` | back |

A dot in the title bar means unsaved changes. In a git repository the title
bar also shows the branch, `↑` commits to push, `↓` commits to pull and `✎`
uncommitted data files.

## When someone else changed the same file

Saving merges their changes with yours. Where you both changed one field, a
screen lists each: `m` keep mine · `t` keep theirs · `e` type a value ·
`M`/`T` all mine/theirs · `ctrl+s` save · `escape` decide later.

## Summits

`enter` open · `n` new summit · `c` copy as a follow-up (same agenda and
invitees; replies, attendance, summaries and decisions start empty) ·
`i` invitee register · `x` delete (asks first; the file goes when you save)

## A summit

`1`-`4` switch tabs · `ctrl+e` export invites, agenda, e-mails · `ctrl+t`
send them by e-mail (shows the outbox first) and fetch replies · `ctrl+o`
write the papers (briefing pack, note of the meeting, press notice) ·
`ctrl+x` cancel the summit

- **Agenda**: `a` add · `e`/`enter` edit · `x` remove · `shift+up`/`shift+down`
  move · `+`/`-` five minutes longer or shorter. Times and any overrun update
  as you go.
- **Invitees**: `r`/`enter` set a reply · `i` invite a delegate or an
  organisation, by name · `x` uninvite · `o` optional/required · `a`
  attended: yes, no, not recorded · `m` import reply files (`.ics`, `.eml`;
  in the file browser `enter` imports a file, `a` a whole folder) · `R`
  remind those who have not replied (`summit remind` on the command line)
- **Outputs**: `a` add action · `c` add commitment · `e` edit · `space`
  done/open · `x` remove. Overdue items are marked.
- **Details**: `e` edit title, times, venue, status, classification

## Invitee register

`/` filter · `o` add organisation · `d` add delegate · `e` edit · `x` remove ·
`space` invite/uninvite (when opened from a summit) · `tab` switches sides ·
`ctrl+home`/`ctrl+end` first/last row (of a long register too).
Removing someone a summit still refers to is refused; removing an agenda
lead offers to pick a new lead first.

Forms: `tab` next field · `ctrl+s` save (`enter` too, except in a field of
several lines, where it starts a new line) · `escape` cancel. Errors
show beside each field. People and organisations: type part of a name,
organisation, job title or id, then `up`/`down` and `enter` to pick.
"""


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)
