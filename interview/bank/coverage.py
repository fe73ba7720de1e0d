"""Questions per area x round x difficulty, so a coach sees the thin cells of a bank."""

from __future__ import annotations

from collections.abc import Iterable

from interview.bank.model import ROUND_KINDS, Question

DIFFICULTIES = (1, 2, 3)
EMPTY_CELL = "-"  # a zero stands out better as a dash than as a digit among digits

Coverage = dict[str, dict[str, dict[str, int]]]  # area -> round -> difficulty ("1".."3") -> count


def coverage(questions: Iterable[Question]) -> Coverage:
    """Every area present, every round and difficulty listed (zeros included), sorted by area.

    A question asked in several rounds counts once in each of them.
    """
    table: Coverage = {}
    for question in questions:
        rounds = table.setdefault(question.area, _empty_rounds())
        for kind in question.rounds:
            rounds[kind][str(question.difficulty)] += 1
    return dict(sorted(table.items()))


def _empty_rounds() -> dict[str, dict[str, int]]:
    return {kind: {str(level): 0 for level in DIFFICULTIES} for kind in ROUND_KINDS}


def coverage_lines(table: Coverage) -> list[str]:
    """A plain-text table: one row per area, one column per round and difficulty."""
    width = max([len("area"), *map(len, table)]) + 2
    groups = [f"{kind:^11}" for kind in ROUND_KINDS]
    header = " " * width + " ".join(groups)
    levels = " " * width + " ".join("".join(f"{level:>3}" for level in DIFFICULTIES) + "  " for _ in ROUND_KINDS)
    lines = [header.rstrip(), ("area".ljust(width) + levels[width:]).rstrip()]
    for area, rounds in table.items():
        cells = " ".join(
            "".join(f"{_cell(rounds[kind][str(level)]):>3}" for level in DIFFICULTIES) + "  " for kind in ROUND_KINDS
        )
        lines.append((area.ljust(width) + cells).rstrip())
    return lines


def _cell(count: int) -> str:
    return str(count) if count else EMPTY_CELL
