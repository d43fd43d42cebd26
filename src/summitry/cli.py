"""The `summitry` command: a thin shell over the library (each command a few lines)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import Progress

from summitry.errors import GoldError, InputError, SummitryError

app = typer.Typer(
    help="summitry: entities, events and commitments of the China–Central Asia format and the SCO, "
    "read from news texts into traceable records.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
# Piped output (CI logs, files) gets a fixed width wide enough for the eval table.
out = Console(width=None if sys.stdout.isatty() else 120)


def _date(value: Optional[str], name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, found {value!r}", param_hint=name)


@app.command("extract")
def extract_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Text or HTML files, folders or .jsonl manifests.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD (else from the page or a dateline).")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="The outlet that published the text.")] = None,
    language: Annotated[Optional[str], typer.Option(help="ISO 639-1 code (ru, uk, kk, en, zh); detected when left out.")] = None,
    compact: Annotated[bool, typer.Option("--compact", help="One JSON record a line (JSONL) even for a single input.")] = False,
) -> None:
    """Print the record (shared/spec/record.md) of each input as JSON; several inputs give JSONL.

    A bad input is reported on stderr with its name and skipped; the exit code is 1 when
    any input was skipped.
    """
    from summitry.batch import extract_inputs

    single = len(inputs) == 1 and Path(inputs[0]).suffix.lower() in (".txt", ".html", ".htm")
    done = skipped = 0
    for item in extract_inputs(inputs, published=_date(published, "--published"), outlet=outlet, language=language):
        if isinstance(item, InputError):
            err.print(f"[red]skipped[/red] {item}", highlight=False, markup=True)
            skipped += 1
            continue
        record = item.to_record()
        if single and not compact:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        done += 1
    if not single or skipped:
        err.print(f"{done} extracted, {skipped} skipped")
    if skipped:
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (shared/spec/evaluation.md).")],
    texts: Annotated[Optional[Path], typer.Option(help="Folder of the texts the gold names (default: GOLD_DIR).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="List every miss and false positive with its text.")] = False,
) -> None:
    """Score the extractor against a gold folder: entities, events, commitments and links."""
    from summitry.batch import kb_names, run_gold
    from summitry.evaluate import evaluate, format_explain, format_table, load_gold

    try:
        gold = load_gold(gold_dir)
    except (GoldError, SummitryError) as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2)
    with Progress(console=err, transient=True, disable=as_json) as progress:
        progress.add_task("extracting", total=None)
        run = run_gold(gold, texts or gold_dir)
    for problem in run.errors:
        err.print(f"[red]skipped[/red] {problem}", highlight=False)
    links = None
    if gold.links is not None:
        from summitry.store import links_for_gold

        links = links_for_gold(run.records)  # ingests the records into a temporary store
    report = evaluate(gold, run.records, links, names=kb_names())
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(format_table(report))
    if explain:
        sys.stdout.write(format_explain(report) + "\n")
    if run.errors:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - the console script calls app()
    app()


import summitry.cli_store  # noqa: E402,F401  (registers the store's commands)

if __name__ == "__main__":  # pragma: no cover - `python -m summitry.cli`
    app()
