"""CLI commands over the history: `history list|show|export|import`, `review BUNDLE`, `stats`."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from interview.store import Store

from interview import locations
from interview.cli import load_bank_for, main, pack_paths, with_packs
from interview.rounds.kinds import ROUND_KINDS


def open_store() -> Store:
    from interview.store import Store, StoreError

    try:
        return Store(locations.database_path())
    except StoreError as error:
        hint = (
            " To keep it aside and start fresh: interview history reset --move-damaged"
            if error.kind == "damaged"
            else ""
        )
        raise click.ClickException(f"{error}.{hint}") from None


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(seconds))


@main.group()
def history() -> None:
    """List, show, export and import your practice history.

    \b
    Example:
      interview history list
      interview history export --anki missed.apkg
    """


@history.command("list")
@click.option("--kind", type=click.Choice([str(info.id) for info in ROUND_KINDS]), help="Only this round kind.")
@click.option("--limit", default=20, show_default=True, help="How many sessions, newest first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_packs
def history_list(kind: str | None, limit: int, as_json: bool, packs: tuple[Path, ...]) -> None:
    """Sessions, newest first, with their answers and mean score.

    \b
    Example:
      interview history list --kind phone --limit 5
    """
    store = open_store()
    rows = store.sessions_page(0, limit, kind=kind)
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "id": s.id,
                        "kind": s.kind,
                        "mode": s.mode,
                        "status": s.status,
                        "started_at": s.started_at,
                        "answers": n,
                        "mean_score": mean,
                    }
                    for s, n, mean in rows
                ],
                indent=2,
            )
        )
        return
    if not rows:
        click.echo("No sessions yet: start one with `interview`.")
    for session, answers, mean in rows:
        score = "-" if mean is None else f"{mean:.2f}"
        click.echo(
            f"{session.id:>5}  {_when(session.started_at)}  {session.kind:<9} {session.mode:<8} "
            f"{answers:>3} answers  {score:>5}  {session.status}"
        )


@history.command("show")
@click.argument("session_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--debrief", "as_debrief", is_flag=True, help="Write the session's debrief as Markdown.")
@with_packs
@click.pass_context
def history_show(ctx: click.Context, session_id: int, as_json: bool, as_debrief: bool, packs: tuple[Path, ...]) -> None:
    """Every answer of one session, with its score and the concepts hit or missed; or its written debrief.

    \b
    Example:
      interview history show 12
      interview history show 12 --json
      interview history show 12 --debrief > debrief.md
    """
    store = open_store()
    session = store.session(session_id)
    if session is None:
        raise click.ClickException(f"no session {session_id}; see `interview history list`")
    if as_debrief:  # issue 17: the interview packet for a played round
        from interview.interviewer.debrief_text import debrief_markdown
        from interview.rounds.debriefs import debrief_from_store

        debrief = debrief_from_store(store, load_bank_for(ctx, packs), session_id)
        if debrief is not None:
            click.echo(debrief_markdown(debrief, _when(session.started_at)), nl=False)
        return
    attempts = store.attempts(session_id)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "id": session.id,
                    "kind": session.kind,
                    "status": session.status,
                    "attempts": [
                        {"question_id": a.question_id, "answer": a.answer, "score": a.score, **a.breakdown}
                        for a in attempts
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"{session.kind} round, {_when(session.started_at)}, {session.mode}, {session.status}")
    for attempt in attempts:
        click.echo(
            f"\n{attempt.position + 1}. {attempt.question_id}  {attempt.score:.2f} {attempt.verdict}  "
            f"{attempt.seconds / 60:.1f} min" + ("  (skipped)" if attempt.skipped else "")
        )
        for concept in attempt.breakdown.get("concepts", []):
            evidence = f'  "{concept["matched_text"]}"' if concept.get("matched_text") else ""
            click.echo(f"   {concept['verdict']:<8}{concept['concept']}{evidence}")


@history.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "csv"]),
    default="json",
    show_default=True,
    help="json: complete, re-importable; md: a report for a coach; csv: one row per answer.",
)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write to a file instead of standard output.")
@click.option(
    "--anki",
    "anki_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Instead: the concepts you missed most as Anki cards (.apkg, or .txt/.tsv for Anki's text import).",
)
@click.option("--limit", default=50, show_default=True, help="With --anki: how many cards.")
@with_packs
@click.pass_context
def history_export(
    ctx: click.Context, fmt: str, output: Path | None, anki_file: Path | None, limit: int, packs: tuple[Path, ...]
) -> None:
    """Export the whole history, or (--anki) the concepts you missed most as Anki cards.

    \b
    Example:
      interview history export -o me.json
      interview history export --format md -o for-my-coach.md
      interview history export --anki missed.apkg
    """
    if anki_file is not None:
        from interview.cli_anki import export_anki

        export_anki(load_bank_for(ctx, packs), open_store(), anki_file, limit)
        return
    from interview.store.exchange import attempts_csv, export_bundle, markdown_report

    store = open_store()
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            for chunk in attempts_csv(store):
                out.write(chunk)
            return
        from interview.rounds.practice import PracticeService

        practice = PracticeService(store, load_bank_for(ctx, packs))

        def question_text(question_id: str) -> dict | None:
            question = practice.known_question(question_id)
            return {"prompt": question.prompt, "model_answer": question.model_answer} if question else None

        bundle = export_bundle(store, question_text)
        out.write(json.dumps(bundle, ensure_ascii=False, indent=1) if fmt == "json" else markdown_report(bundle))
        out.write("\n")
    finally:
        if output:
            out.close()
            click.echo(f"wrote {output}", err=True)


def _read_bundle(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise click.ClickException(f"{path}: not a readable JSON bundle ({error})") from None


@history.command("import")
@click.argument("bundle", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@with_packs
def history_import(bundle: Path, packs: tuple[Path, ...]) -> None:
    """Add a JSON bundle's sessions to your history (sessions already there are skipped).

    \b
    Example:
      interview history import laptop-history.json
    """
    from interview.store.exchange import BundleError, import_bundle

    try:
        added, skipped = import_bundle(open_store(), _read_bundle(bundle))
    except BundleError as error:
        raise click.ClickException(f"{bundle}: {error}") from None
    click.echo(f"imported {added} session{'s' if added != 1 else ''}; {skipped} already present")


@main.command("review")
@click.argument("bundle", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@with_packs
@click.pass_context
def review(ctx: click.Context, bundle: Path, packs: tuple[Path, ...]) -> None:
    """Open a student's exported history read-only (for coaches).

    \b
    Example:
      interview review student.json
    """
    from interview.store import Store
    from interview.store.exchange import BundleError, import_bundle

    store = Store(":memory:")
    data = _read_bundle(bundle)
    try:
        import_bundle(store, data)
    except BundleError as error:
        raise click.ClickException(f"{bundle}: {error}") from None
    from interview.tui.app import make_app

    make_app(
        packs=pack_paths(ctx, packs),
        store=store,
        read_only=True,
        title=f"review: {bundle.name}",
        review_questions=data.get("questions", {}),
    ).run()


@main.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_packs
def stats(as_json: bool, packs: tuple[Path, ...]) -> None:
    """Mastery per area, the concepts you miss most, reviews due, leeches, streaks and a calendar heatmap.

    \b
    Example:
      interview stats
      interview stats --json | jq .streaks
    """
    from datetime import date

    from interview.progress import mastery_by, weak_concepts
    from interview.progress.streaks import heatmap_text, streaks
    from interview.store.summaries import answer_totals

    store = open_store()
    now = time.time()
    habit = streaks(store, date.fromtimestamp(now))
    areas = mastery_by(store, now)
    concepts = weak_concepts(store)
    due = store.due_questions(now, 1000)
    leeches = store.leeches()
    answers = answer_totals(store)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "answers": answers[0],
                    "mean_score": answers[1],
                    "streaks": {
                        "days_practised": habit.days_practised,
                        "current": habit.current,
                        "longest": habit.longest,
                        "today_done": habit.today_done,
                        "answers_per_day": {day.isoformat(): n for day, n in sorted(habit.per_day.items())},
                    },
                    "areas": [
                        {"area": m.name, "mastery": m.mastery, "confidence": m.confidence, "attempts": m.attempts}
                        for m in areas
                    ],
                    "weak_concepts": [
                        {
                            "topic": c.topic,
                            "concept": c.concept,
                            "missed_recent": c.missed_recent,
                            "recent": c.recent,
                            "why": c.explain(),
                        }
                        for c in concepts
                    ],
                    "due": [q for q, _ in due],
                    "leeches": [{"question_id": q, "lapses": n} for q, n, _ in leeches],
                },
                indent=2,
            )
        )
        return
    if not answers[0]:
        click.echo("No answers yet: start a round with `interview`.")
        return
    click.echo(f"{answers[0]} answers, mean score {answers[1]:.2f}\n\nmastery by area (weakest first):")
    for m in areas:
        bar = "█" * round(m.mastery * 20)
        click.echo(f"  {m.name:<26}{m.mastery:5.2f} {bar:<20} {m.attempts} answers, confidence {m.confidence:.0%}")
    if concepts:
        click.echo("\nwhat you miss most:")
        for c in concepts:
            click.echo(f"  {c.explain()}")
    click.echo(f"\n{habit.describe()}\n{heatmap_text(habit.per_day, date.fromtimestamp(now))}")
    click.echo(f"\n{len(due)} question{'s' if len(due) != 1 else ''} due for review")
    for question_id, lapses, _ in leeches:
        click.echo(f"  leech: {question_id} failed {lapses} times; reread its model answer before drilling it again")


@history.command("reset")
@click.option("--move-damaged", is_flag=True, help="Required: confirms moving the damaged database aside.")
@with_packs
def history_reset(move_damaged: bool, packs: tuple[Path, ...]) -> None:
    """Move a damaged history database aside (kept, renamed) and start a new one.

    \b
    Example:
      interview history reset --move-damaged
    """
    from interview.store import Store, StoreError, move_aside

    path = locations.database_path()
    try:
        Store(path).close()
        click.echo(f"{path} is readable; nothing to do.")
        return
    except StoreError as error:
        if error.kind != "damaged":
            raise click.ClickException(str(error)) from None
        if not move_damaged:
            raise click.ClickException(
                f"{error}. To keep it aside and start fresh, run: interview history reset --move-damaged"
            ) from None
    kept = move_aside(path)
    Store(path).close()
    click.echo(f"moved the damaged database to {kept}; a new history starts at {path}")
