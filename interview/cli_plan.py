"""`interview plan`: practise toward an interview date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from interview.cli import load_bank_for, main, with_packs
from interview.cli_history import open_store

WEEK = 7


@main.command("plan")
@click.option("--date", "when", metavar="YYYY-MM-DD", help="The interview date (sets or moves the plan).")
@click.option("--minutes-per-day", type=click.IntRange(5, 600), help="How long you practise a day (default 45).")
@click.option("--clear", is_flag=True, help="Drop the plan: back to plain spaced repetition.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_packs
@click.pass_context
def plan_command(
    ctx: click.Context,
    when: str | None,
    minutes_per_day: int | None,
    clear: bool,
    as_json: bool,
    packs: tuple[Path, ...],
) -> None:
    """Plan to an interview date: a countdown, each day's questions, and FSRS tuned to the date.

    Reviews due before the date and your weakest questions are spread over the days left, as many a
    day as your minutes buy at your usual pace. As the date nears, FSRS aims for a higher retention
    and no review is scheduled past it. With enough history, FSRS's parameters are fitted to your own
    reviews (shown before/after). The drill in the app follows the same queue.

    \b
    Example:
      interview plan --date 2027-01-15 --minutes-per-day 45
      interview plan
      interview plan --clear
    """
    from interview.progress import weakest_questions
    from interview.progress.plan import (
        Plan,
        clear_plan,
        daily_queue,
        desired_retention,
        fit_parameters,
        load_plan,
        questions_per_day,
        save_plan,
    )

    if clear:
        click.echo("plan cleared" if clear_plan() else "there was no plan")
        return
    today = date.today()
    plan = load_plan()
    if when is not None:
        try:
            day = date.fromisoformat(when)
        except ValueError:
            raise click.BadParameter(f"{when!r} is not a date like 2027-01-15", param_hint="--date") from None
        if day <= today:
            raise click.BadParameter(f"{when} is not in the future", param_hint="--date")
        plan = Plan(day.isoformat(), minutes_per_day or (plan.minutes_per_day if plan else 45))
    elif minutes_per_day is not None:
        if plan is None:
            raise click.UsageError("no plan yet: give the interview date with --date YYYY-MM-DD")
        plan.minutes_per_day = minutes_per_day
    if plan is None:
        raise click.UsageError("no plan yet: interview plan --date YYYY-MM-DD [--minutes-per-day N]")
    store = open_store()
    fit_note = ""
    if when is not None or minutes_per_day is not None or plan.fit is None:
        fitted, fit_note = fit_parameters(store)
        plan.fit = fitted or plan.fit
        save_plan(plan)
    bank = load_bank_for(ctx, packs)
    known = {q.full_id for q in bank.questions}
    days = daily_queue(store, plan, today, known, weakest_questions(store, 200))
    left = plan.days_left(today)
    per_day = questions_per_day(store, plan.minutes_per_day)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "date": plan.date,
                    "days_left": left,
                    "minutes_per_day": plan.minutes_per_day,
                    "questions_per_day": per_day,
                    "desired_retention": desired_retention(left),
                    "fit": None if plan.fit is None else plan.fit.__dict__,
                    "fit_note": fit_note,
                    "days": [{"day": d.day.isoformat(), "due": d.due, "weak": d.weak} for d in days],
                },
                indent=2,
            )
        )
        return
    if left <= 0:
        click.echo(f"Your interview was on {plan.date}. Set the next one with --date, or --clear.")
        return
    click.echo(f"Interview on {plan.day:%a %d %b %Y}: {left} day{'s' if left != 1 else ''} left.")
    click.echo(
        f"{plan.minutes_per_day} min a day is about {per_day} questions at your pace; "
        f"FSRS aims for {desired_retention(left):.0%} retention now and schedules nothing past the date."
    )
    due_total = sum(len(d.due) for d in days)
    click.echo(f"{due_total} reviews fall due before the date; weak areas fill the rest of each day.\n")
    for item in days[:WEEK]:
        label = "today" if item.day == today else f"{item.day:%a %d %b}"
        click.echo(f"  {label:<11}{len(item.due):>3} due  {len(item.weak):>3} weak")
    if len(days) > WEEK:
        click.echo(f"  ... {len(days) - WEEK} more days")
    click.echo("")
    click.echo(plan.fit.describe() if plan.fit else fit_note or "FSRS uses its default parameters.")
    if days and days[0].questions:
        click.echo(f"\nStart today's {len(days[0].questions)} with `interview` and press d (drill).")
