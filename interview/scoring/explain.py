"""A score as a plain-text table for people: `interview grade --explain`."""

from __future__ import annotations

from interview.scoring.score import HIT, MISSED, Score

MARKS: dict[str, str] = {HIT: "✔", MISSED: "✘"}
CONCEPT_WIDTH = 34


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def explain(label: str, score: Score) -> str:
    """Every concept with its verdict, credit and the evidence for it; then misconceptions and caps."""
    lines = [f"{label}: {score.value:.2f} ({score.verdict})"]
    lines.append(f"  {'concept':<{CONCEPT_WIDTH}} {'verdict':<8} {'credit':>6}  evidence")
    for concept in score.concepts:
        name = concept.concept + (" (required)" if concept.required else "")
        mark = MARKS.get(concept.verdict, "◐")
        if concept.verdict == MISSED:
            evidence = "-"
        else:
            evidence = f'"{_cut(concept.matched_text, 50)}"'
            if concept.soft:
                evidence += f' ≈ in other words for "{_cut(concept.phrase, 40)}"'
            elif concept.phrase.casefold() != concept.matched_text.casefold():
                evidence += f' via "{_cut(concept.phrase, 40)}"'
            if concept.echo:
                evidence += " (words of the question)"
        lines.append(
            f"  {mark} {_cut(name, CONCEPT_WIDTH - 2):<{CONCEPT_WIDTH - 2}} {concept.verdict:<8} "
            f"{concept.credit:>6.2f}  {evidence}"
        )
    for mistake in score.misconceptions:
        lines.append(
            f'  ✘ misconception: {mistake.claim} (-{mistake.penalty:.2f}) ← "{_cut(mistake.matched_text, 50)}"'
        )
    lines += [f"  • {reason}" for reason in score.reasons]
    return "\n".join(lines)
