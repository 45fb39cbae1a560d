"""A line diff that stays fast on files whose lines repeat by the thousand (a patience diff)."""

from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher

Opcode = tuple[str, int, int, int, int]


def line_diff(a: list[str], b: list[str]) -> list[Opcode]:
    """difflib-style opcodes, anchored on lines found once in each (a patience diff).

    difflib alone is quadratic on a register whose lines repeat by the thousand;
    table headers are unique, so anchoring on them leaves only small gaps to diff.
    """
    count_a, count_b = Counter(a), Counter(b)
    in_b = {line: j for j, line in enumerate(b) if count_b[line] == 1}
    pairs = [(i, in_b[line]) for i, line in enumerate(a) if count_a[line] == 1 and line in in_b]
    opcodes: list[Opcode] = []
    i0 = j0 = 0
    for i, j in [*_increasing(pairs), (len(a), len(b))]:
        matcher = SequenceMatcher(None, a[i0:i], b[j0:j], autojunk=False)
        opcodes += [
            (t, a1 + i0, a2 + i0, b1 + j0, b2 + j0) for t, a1, a2, b1, b2 in matcher.get_opcodes()
        ]
        if i < len(a):
            opcodes.append(("equal", i, i + 1, j, j + 1))
        i0, j0 = i + 1, j + 1
    return _joined(opcodes)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs whose second items increase (pairs come sorted by the first)."""
    tails: list[int] = []  # tails[k]: second item ending the best run of length k + 1
    ends: list[int] = []  # ends[k]: index in pairs of that pair
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
        before[index] = ends[k - 1] if k else -1
    run, index = [], ends[-1] if ends else -1
    while index != -1:
        run.append(pairs[index])
        index = before[index]
    return run[::-1]


def _joined(opcodes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of one kind as one; empty ones dropped."""
    joined: list[Opcode] = []
    for tag, a1, a2, b1, b2 in opcodes:
        if a1 == a2 and b1 == b2:
            continue
        if joined and joined[-1][0] == tag and tag == "equal":
            joined[-1] = (tag, joined[-1][1], a2, joined[-1][3], b2)
        elif joined and tag != "equal" and joined[-1][0] != "equal":
            joined[-1] = ("replace", joined[-1][1], a2, joined[-1][3], b2)
        else:
            joined.append((tag, a1, a2, b1, b2))
    return joined
