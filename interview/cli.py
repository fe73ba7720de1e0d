"""The `interview` command line.

Import-light on purpose: Textual is imported only when the TUI starts, so `interview pack validate`
and friends start in a fraction of the time.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from interview import __version__, locations

if TYPE_CHECKING:
    from interview.bank import Bank

PACK_HELP = "Add a pack file or a folder of packs (repeatable)."


def pack_paths(ctx: click.Context, extra: tuple[Path, ...] = ()) -> list[Path]:
    group_paths = ctx.find_root().params.get("packs") or ()
    return [*group_paths, *extra]


def with_packs(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every command takes --pack, and also sees any --pack given before the command name."""
    return click.option("--pack", "packs", multiple=True, type=click.Path(path_type=Path, exists=True), help=PACK_HELP)(
        command
    )


def load_bank_for(ctx: click.Context, packs: tuple[Path, ...]) -> Bank:
    from interview.bank import load_bank

    return load_bank(pack_paths(ctx, packs))


def report_skipped(bank: Any) -> None:
    for skipped in bank.skipped:
        first = skipped.errors[0]
        more = (
            f" (+{len(skipped.errors) - 1} more; run `interview pack validate {first.path}`)"
            if len(skipped.errors) > 1
            else ""
        )
        click.echo(f"skipped {first.path}: {first}{more}", err=True)


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="interview")
@with_packs
@click.pass_context
def main(ctx: click.Context, packs: tuple[Path, ...]) -> None:
    """Practise Machine Learning Engineer interviews. With no command, start the app.

    \b
    Example:
      interview
      interview --pack my-pack.yaml
      interview pack list
    """
    if ctx.invoked_subcommand is None:
        from interview.tui.app import run_app  # the only place the CLI reaches Textual

        run_app(list(packs))


# -- packs ----------------------------------------------------------------------------------
@main.group()
def pack() -> None:
    """List, check, test and create question packs.

    \b
    Example:
      interview pack new "Feature stores"
      interview pack validate my-pack.yaml
    """


@pack.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@with_packs
@click.pass_context
def pack_list(ctx: click.Context, as_json: bool, packs: tuple[Path, ...]) -> None:
    """Packs found: built-in, the user pack folder, and --pack paths.

    \b
    Example:
      interview pack list
      interview pack list --json --pack ./coach-packs
    """
    bank = load_bank_for(ctx, packs)
    rows: list[dict[str, Any]] = [
        {
            "id": p.id,
            "title": p.title,
            "version": p.version,
            "questions": len(p.questions),
            "builtin": p.builtin,
            "path": str(p.path),
        }
        for p in bank.packs
    ]
    skipped = [{"path": str(s.path), "errors": [str(e) for e in s.errors]} for s in bank.skipped]
    if as_json:
        click.echo(
            json.dumps({"packs": rows, "skipped": skipped, "user_pack_dir": str(locations.user_packs_dir())}, indent=2)
        )
        return
    width = max((len(r["id"]) for r in rows), default=4)
    for row in rows:
        origin = "built-in" if row["builtin"] else row["path"]
        click.echo(f"{row['id']:<{width}}  {row['questions']:>4} questions  {row['title']}  [{origin}]")
    click.echo(
        f"{len(rows)} packs, {sum(r['questions'] for r in rows)} questions; "
        f"your packs go in {locations.user_packs_dir()}"
    )
    report_skipped(bank)


@pack.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@with_packs
@click.pass_context
def pack_validate(ctx: click.Context, paths: tuple[Path, ...], packs: tuple[Path, ...]) -> None:
    """Check pack files or folders; print every error as FILE:LINE:COL: message. Exit 1 on any error.

    \b
    Example:
      interview pack validate my-pack.yaml
      interview pack validate ./packs/
    """
    from interview.bank import load_files, pack_files_in

    files = [f for path in (*paths, *pack_paths(ctx, packs)) for f in pack_files_in(path)]
    if not files:
        raise click.UsageError("no .yaml or .yml pack files found in the given paths")
    bank = load_files((f, False) for f in dict.fromkeys(files))
    for error in bank.errors:
        click.echo(str(error))
    questions = sum(len(p.questions) for p in bank.packs)
    summary = f"{len(bank.packs)} valid ({questions} questions), {len(bank.skipped)} invalid, {len(bank.errors)} errors"
    click.echo(summary, err=True)
    ctx.exit(1 if bank.skipped else 0)


@pack.command("new")
@click.argument("name")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Where to write (default: NAME.yaml here).")
@with_packs
def pack_new(name: str, output: Path | None, packs: tuple[Path, ...]) -> None:
    """Write a commented pack scaffold that validates as it is.

    \b
    Example:
      interview pack new "Feature stores"
      interview pack new ranking -o packs/ranking.yaml
    """
    from interview.bank.scaffold import pack_id_from_name, scaffold

    target = output or Path(f"{pack_id_from_name(name)}.yaml")
    if target.exists():
        raise click.ClickException(f"{target} already exists; choose another name or --output")
    try:
        target.write_text(scaffold(name, target.name), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    click.echo(f"wrote {target}; edit it, then run: interview pack validate {target}")


@pack.command("schema")
@with_packs
def pack_schema(packs: tuple[Path, ...]) -> None:
    """Print the JSON Schema of the pack format (for editor completion).

    \b
    Example:
      interview pack schema > pack.schema.json
    """
    click.echo(locations.schema_path().read_text(encoding="utf-8"), nl=False)


# -- the bank -------------------------------------------------------------------------------
@main.group()
def bank() -> None:
    """Look at the question bank as a whole.

    \b
    Example:
      interview bank stats
    """


@bank.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@with_packs
@click.pass_context
def bank_stats(ctx: click.Context, as_json: bool, packs: tuple[Path, ...]) -> None:
    """Questions by topic area, round and difficulty, and the area x round x difficulty coverage table.

    \b
    Example:
      interview bank stats
      interview bank stats --json --pack my-pack.yaml
    """
    from interview.bank.coverage import coverage, coverage_lines

    loaded = load_bank_for(ctx, packs)
    questions = loaded.questions
    stats: dict[str, Any] = {
        "questions": len(questions),
        "packs": len(loaded.packs),
        "by_area": dict(sorted(Counter(q.area for q in questions).items())),
        "by_round": dict(sorted(Counter(r for q in questions for r in q.rounds).items())),
        "by_difficulty": {str(k): v for k, v in sorted(Counter(q.difficulty for q in questions).items())},
        "with_rubric": sum(1 for q in questions if q.rubric),
        "with_examples": sum(1 for q in questions if q.examples),
        "coverage": coverage(questions),  # area -> round -> difficulty -> count: the thin cells
    }
    if as_json:
        click.echo(json.dumps(stats, indent=2))
        return
    click.echo(
        f"{stats['questions']} questions in {stats['packs']} packs "
        f"({stats['with_rubric']} with rubrics, {stats['with_examples']} with examples)"
    )
    for title, key in (("area", "by_area"), ("round", "by_round"), ("difficulty", "by_difficulty")):
        click.echo(f"\nby {title}:")
        for name, count in stats[key].items():
            click.echo(f"  {name:<28}{count:>5}")
    click.echo("\nby area, round and difficulty:")
    for line in coverage_lines(stats["coverage"]):
        click.echo(f"  {line}")
    report_skipped(loaded)


from interview import cli_history, cli_import, cli_locate, cli_plan, cli_scoring, cli_serve  # noqa: E402,F401  (register their commands)
