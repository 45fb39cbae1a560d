"""What changed between two versions of a summit or of the register, in plain English.

Pure: two records in, short sentences out, in a fixed order (the file's own
order of things, then what was removed), so that `summit diff`, `summit log`,
git's diff driver and the app all say the same thing. Personal data (a
delegate's `personal` table) is said to have changed, never shown.

One module per thing described: `summit` (its fields, actions and
commitments), `agenda`, `invitations` (replies, attendance, the invite and
what was sent) and `register`; `words` and `names` are what they share.
"""

from summit.model.changes.invitations import raises_sequence
from summit.model.changes.names import Names
from summit.model.changes.register import describe_register_changes
from summit.model.changes.summit import describe_summit_changes

__all__ = ["Names", "describe_register_changes", "describe_summit_changes", "raises_sequence"]
