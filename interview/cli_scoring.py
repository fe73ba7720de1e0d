"""CLI commands that score: `grade`, `rubric draft` and `pack test`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from interview.bank import Pack

from interview.cli import load_bank_for, main, pack, pack_paths, with_packs


def _resolve_pack(ctx: click.Context, name: str, packs: tuple[Path, ...]) -> Pack:
    """PACK is a loaded pack's id or a path to a pack file."""
    from interview.bank import load_pack_file

    path = Path(name)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        result = load_pack_file(path)
        if result.pack is None:
            for error in result.errors:
                click.echo(str(error), err=True)
            raise click.ClickException(f"{name} is not a valid pack")
        return result.pack
    bank = load_bank_for(ctx, packs)
    found = bank.pack(name)
    if found is None:
        known = ", ".join(p.id for p in bank.packs) or "none"
        raise click.ClickException(f"no pack '{name}' (loaded: {known}); pass a pack id or a .yaml path")
    return found


@main.command("grade")
@click.argument("pack_name", metavar="PACK")
@click.option(
    "--answers",
    "answers_file",
    required=True,
    type=click.File("r", encoding="utf-8"),
    help='JSONL file ("-" for stdin); each line {"id", "question", "answer"}, optionally "hints".',
)
@click.option(
    "--explain", is_flag=True, help="Print each score as a table of concepts and their evidence instead of JSONL."
)
@with_packs
@click.pass_context
def grade_command(ctx: click.Context, pack_name: str, answers_file, packs: tuple[Path, ...], explain: bool) -> None:
    """Grade answers in bulk; print one JSON line per input line. Exit 1 if any line failed.

    \b
    Example:
      interview grade ml-fundamentals --answers answers.jsonl
      interview grade ml-fundamentals --answers answers.jsonl --explain
      echo '{"question": "overfitting", "answer": "..."}' | interview grade my-pack.yaml --answers -
    """
    from interview.scoring import grade, rubric_hash
    from interview.scoring.explain import explain as explain_score

    source = _resolve_pack(ctx, pack_name, packs)
    failed = 0
    out = sys.stdout
    for number, line in enumerate(answers_file, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("each line must be a JSON object")
            question_id, answer = item.get("question"), item.get("answer")
            if not isinstance(question_id, str) or not isinstance(answer, str):
                raise ValueError('needs "question" (a question id) and "answer" (text)')
            question = source.question(question_id)
            if question is None:
                raise ValueError(f"no question '{question_id}' in pack '{source.id}'")
            hints = item.get("hints", 0)
            hints = hints if isinstance(hints, int) and not isinstance(hints, bool) and hints >= 0 else 0
            score = grade(question, answer, hints)
        except (ValueError, json.JSONDecodeError) as error:
            failed += 1
            click.echo(f"{answers_file.name}:{number}: skipped: {error}", err=True)
            continue
        if explain:
            label = f"{item.get('id') or f'line {number}'} ({question_id})"
            out.write(explain_score(label, score) + "\n\n")
            continue
        record = {
            "id": item.get("id"),
            "question": question_id,
            **score.to_dict(),
            "rubric_hash": rubric_hash(question),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        click.echo(f"{failed} line{'s' if failed > 1 else ''} failed", err=True)
        ctx.exit(1)


@main.group()
def rubric() -> None:
    """Work with rubrics.

    \b
    Example:
      interview rubric draft "Dropout zeroes random activations during training."
    """


@rubric.command("draft")
@click.argument("text", required=False)
@click.option("--question", "question_id", help="Draft from a loaded question's model answer: PACK/ID.")
@click.option("--prompt", default="", help="The question's prompt; words that repeat it are demoted.")
@with_packs
@click.pass_context
def rubric_draft(
    ctx: click.Context, text: str | None, question_id: str | None, prompt: str, packs: tuple[Path, ...]
) -> None:
    """Print a YAML rubric drafted from a model answer, for a coach to refine.

    \b
    Example:
      interview rubric draft "Dropout zeroes random activations during training."
      interview rubric draft --question ml-fundamentals/overfitting
    """
    from interview.scoring import draft_rubric, rubric_yaml

    if question_id:
        question = load_bank_for(ctx, packs).question(question_id)
        if question is None:
            raise click.ClickException(f"no question '{question_id}'; use PACK/ID as shown by `interview bank stats`")
        text, prompt = question.model_answer, prompt or question.prompt
    if not text or not text.strip():
        raise click.UsageError("give the model answer as TEXT, or --question PACK/ID")
    concepts = draft_rubric(text, prompt)
    if not concepts:
        raise click.ClickException("no key phrases found in that text")
    click.echo(rubric_yaml(concepts), nl=False)


@pack.command("test")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--verbose", "-v", is_flag=True, help="Show passing checks too.")
@with_packs
@click.pass_context
def pack_test(ctx: click.Context, paths: tuple[Path, ...], verbose: bool, packs: tuple[Path, ...]) -> None:
    """Grade each pack's examples against their bands, and sanity-check every rubric. Exit 1 on any failure.

    \b
    Example:
      interview pack test my-pack.yaml
      interview pack test ./packs/ -v
    """
    from interview.bank import load_files, pack_files_in
    from interview.scoring.selftest import check_pack

    files = [f for path in paths for f in pack_files_in(path)]
    if not files:
        raise click.UsageError("no .yaml or .yml pack files found in the given paths")
    from interview.bank import load_bank

    bank = load_files((f, False) for f in dict.fromkeys(files))
    for error in bank.errors:
        click.echo(str(error))
    # other areas' model answers: the built-in bank, any --pack packs, and the packs under test
    reference = [q for p in (*load_bank(pack_paths(ctx, packs), user=False).packs, *bank.packs) for q in p.questions]
    failures = total = 0
    for loaded in bank.packs:
        shown = loaded.path
        for check in check_pack(loaded, reference):
            total += 1
            if check.passed and not verbose:
                continue
            failures += not check.passed
            status = "ok  " if check.passed else "FAIL"
            click.echo(f"{shown}:{check.line}: {status} {check.question.id}: {check.describe()}")
            if not check.passed and check.score is not None:
                for concept in check.score.concepts:
                    evidence = f" <- {concept.matched_text!r} via {concept.phrase!r}" if concept.phrase else ""
                    click.echo(f"      {concept.verdict:<8}{concept.concept}{evidence}")
                for mistake in check.score.misconceptions:
                    click.echo(f"      asserts {mistake.claim!r} <- {mistake.matched_text!r}")
                for reason in check.score.reasons:
                    click.echo(f"      {reason}")
    click.echo(
        f"{total - failures}/{total} checks passed in {len(bank.packs)} packs; {len(bank.skipped)} invalid", err=True
    )
    ctx.exit(1 if failures or bank.skipped else 0)
