"""The workflows: what a person does with the data, joining the layers below.

Each module here joins storage (summit.store), the invite builders
(summit.ical) and git (summit.gitrepo) into one thing a person does: an
editing session (working_copies) and its saves (workspace), sending and
recording replies (invitations, replies_import, teamsend), settling a conflict (teamwork),
reading the history (history) and starting a data repository (datarepo).
The CLI and the TUI call these and only present the result; nothing here
knows Textual.
"""
