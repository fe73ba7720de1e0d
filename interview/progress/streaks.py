"""Practice streaks and a calendar heatmap, from the days on which the user answered something.

A streak is a run of consecutive days with at least one answer. Today does not break the current
streak until it is over: practising yesterday but not yet today still counts as a live streak.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from interview.store import Store
from interview.store.practice import answers_per_day

# Cell glyphs from no answers to many: readable without colour (NO_COLOR, TERM=dumb, a printout).
LEVEL_GLYPHS = ("·", "░", "▒", "▓", "█")
WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")


@dataclass(frozen=True, slots=True)
class Streaks:
    days_practised: int
    current: int
    longest: int
    today_done: bool
    per_day: dict[date, int]

    def describe(self) -> str:
        if not self.days_practised:
            return "No practice yet."
        plural = "s" if self.current != 1 else ""
        current = f"current streak {self.current} day{plural}" + (
            "" if self.today_done or not self.current else " (practise today to keep it)"
        )
        days = f"{self.days_practised} day{'s' if self.days_practised != 1 else ''} practised"
        return f"{days}; {current}; longest {self.longest}"


def streaks(store: Store, today: date) -> Streaks:
    per_day = {date.fromisoformat(day): count for day, count in answers_per_day(store.db)}
    return streaks_from(per_day, today)


def streaks_from(per_day: dict[date, int], today: date) -> Streaks:
    days = sorted(d for d, n in per_day.items() if n > 0 and d <= today)
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    cursor = today if per_day.get(today, 0) > 0 else today - timedelta(days=1)
    while per_day.get(cursor, 0) > 0:
        current += 1
        cursor -= timedelta(days=1)
    return Streaks(len(days), current, longest, per_day.get(today, 0) > 0, per_day)


def level(count: int, busiest: int) -> int:
    """0 for no answers, else 1-4 by quarter of the busiest day."""
    if count <= 0:
        return 0
    return min(4, 1 + (4 * (count - 1)) // max(busiest, 1))


def heatmap(per_day: dict[date, int], today: date, weeks: int = 26) -> list[list[tuple[str, int, date | None]]]:
    """Rows Monday..Sunday, one column per week ending with this week: (glyph, level, day) per cell.

    Days after today are blank cells (day None), so the grid is always complete."""
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    shown = [per_day.get(start + timedelta(days=i), 0) for i in range(weeks * 7)]
    busiest = max(shown, default=0)
    rows: list[list[tuple[str, int, date | None]]] = []
    for weekday in range(7):
        row: list[tuple[str, int, date | None]] = []
        for week in range(weeks):
            day = start + timedelta(weeks=week, days=weekday)
            if day > today:
                row.append((" ", 0, None))
                continue
            lvl = level(per_day.get(day, 0), busiest)
            row.append((LEVEL_GLYPHS[lvl], lvl, day))
        rows.append(row)
    return rows


def month_labels(today: date, weeks: int = 26) -> str:
    """A line of month names above the heatmap's columns, each where its month's first week starts."""
    start = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    line = [" "] * weeks
    last_month = None
    for week in range(weeks):
        monday = start + timedelta(weeks=week)
        if monday.month != last_month:
            name = monday.strftime("%b")
            if all(c == " " for c in line[week : week + len(name) + 1]):
                line[week : week + len(name)] = list(name)
            last_month = monday.month
    return "".join(line)[:weeks]


def heatmap_text(per_day: dict[date, int], today: date, weeks: int = 26) -> str:
    """The heatmap as plain lines, for `interview stats` and any terminal."""
    lines = ["    " + month_labels(today, weeks)]
    for name, row in zip(WEEKDAYS, heatmap(per_day, today, weeks), strict=True):
        lines.append(f"{name:<4}" + "".join(glyph for glyph, _, _ in row))
    lines.append("    less " + " ".join(LEVEL_GLYPHS) + " more")
    return "\n".join(lines)
