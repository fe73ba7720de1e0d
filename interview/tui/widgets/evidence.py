"""The answer with its evidence highlighted: what matched each concept, and any misconception."""

from __future__ import annotations

from rich.text import Text

from interview.scoring import HIT, MISSED, Score
from interview.tui.widgets.prose import printable

VERDICT_MARK = {HIT: ("✔", "green"), "partial": ("◐", "yellow"), MISSED: ("✘", "red")}


def highlighted_answer(answer: str, score: Score) -> Text:
    """Plain Text built from data: pack and user text is never parsed as markup."""
    text = Text(printable(answer) if answer else "(no answer)")
    for concept in score.concepts:
        if concept.span and concept.verdict != MISSED:
            style = "bold green underline" if concept.verdict == HIT else "yellow underline"
            text.stylize(style, *concept.span)
    for mistake in score.misconceptions:
        text.stylize("bold red reverse", *mistake.span)
    return text


def concept_lines(score: Score) -> Text:
    lines = Text()
    for concept in score.concepts:
        mark, colour = VERDICT_MARK[concept.verdict]
        lines.append(f"{mark} ", style=colour)
        lines.append(printable(concept.concept), style="bold" if concept.required else "")
        if concept.required:
            lines.append(" (required)", style="dim")
        if concept.verdict != MISSED:
            lines.append(f'  ← "{printable(concept.matched_text)}"', style=colour)
            if concept.soft:
                # matched in other words: say which rubric phrase the candidate's words stand for
                lines.append(f"  ≈ in other words for “{printable(concept.phrase)}”", style="dim")
            elif concept.phrase.casefold() != concept.matched_text.casefold():
                lines.append(f"  via “{printable(concept.phrase)}”", style="dim")
            if concept.echo:
                lines.append("  (words of the question)", style="dim")
        lines.append("\n")
    for mistake in score.misconceptions:
        lines.append("✘ misconception: ", style="bold red")
        lines.append(printable(mistake.claim))
        lines.append(f'  ← "{printable(mistake.matched_text)}"\n', style="red")
        if mistake.correction:
            lines.append(f"   {printable(mistake.correction)}\n", style="italic")
    for reason in score.reasons:
        lines.append(f"• {reason}\n", style="dim")
    lines.rstrip()
    return lines
