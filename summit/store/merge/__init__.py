"""Three-way merge of one data file, record by record (no git here: texts in, text out).

Git merges lines; a summit file is records. Two people who change different
records (or different fields of one record) should never see a conflict, and
two who change the same field differently should see exactly that field. So
the three versions are read, merged as data, and the merged data is written
into OURS' text through the same in-place writer every save uses: ours'
comments and layout stay, and a merge that would not read back exactly is
never returned.

- Tables merge key by key (organisations, delegates, invitations by id,
  replies per delegate, scalar fields one by one): `records`.
- `[[agenda]]`, `[[actions]]` and `[[commitments]]` are ordered lists: items
  are paired across versions with `match_items`, merged field by field, and
  their ORDER is merged three-way: when only one side reordered, its order
  wins and the other side's insertions are placed after the item they
  followed there; when both reordered differently, ours' order is kept and a
  note says so (no item and no edit is lost, so it is not a conflict):
  `item_lists`.
- What summit writes itself (`[invite]`, `[sent.*]`, recorded replies) merges
  by rule, never as a question (summit.store.machine_fields); two UIDs conflict.
- The merged data is written into ours' text, checked by reading it back:
  `texts`.
- A true conflict (one field changed differently on both sides, or a record
  deleted on one side and edited on the other) is reported per field
  (`results`), and `conflict_text` writes both versions into one file between
  git-style markers, so that nothing is lost (`conflicted`, `line_diff`).
"""

from summit.store.merge.conflicted import conflict_text
from summit.store.merge.data_files import model_for
from summit.store.merge.records import merge_data
from summit.store.merge.results import ABSENT, FieldConflict, MergeResult, shown_value
from summit.store.merge.texts import merge_texts
from summit.store.problems import Side

__all__ = [
    "ABSENT",
    "FieldConflict",
    "MergeResult",
    "Side",
    "conflict_text",
    "merge_data",
    "merge_texts",
    "model_for",
    "shown_value",
]
