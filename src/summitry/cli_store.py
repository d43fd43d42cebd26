"""The store's commands: ingest, events, commitments, actor, timeline, search, show, export.

Each command opens `summitry.store.Store` and prints what one of its verbs returns; no
SQL and no NLP here. Every listing takes `--format table|json|csv` and every command
`--db URL` (default $SUMMITRY_DB or ./summitry.db; any SQLAlchemy URL).
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from summitry.cli import app, err, out
from summitry.errors import SummitryError


class Fmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    plover = "plover"
    graphml = "graphml"
    ical = "ical"


class Status(str, Enum):
    fulfilled = "fulfilled"
    pending = "pending"
    overdue = "overdue"
    open = "open"


Db = Annotated[Optional[str], typer.Option("--db", help="Database: a SQLAlchemy URL or a SQLite path (default $SUMMITRY_DB or ./summitry.db).")]
Format = Annotated[Fmt, typer.Option("--format", help="table, json or csv.")]
AsOf = Annotated[Optional[str], typer.Option("--as-of", help="Status as of YYYY-MM-DD (default today).")]
Limit = Annotated[int, typer.Option(help="At most this many rows (0: all).")]


def _day(value: Optional[str], name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"expected YYYY-MM-DD, found {value!r}", param_hint=name) from None


def _open(db: Optional[str]) -> Any:
    from summitry.store import Store

    try:
        return Store(db)
    except SummitryError as exc:
        _fail(exc)


def _fail(exc: Exception) -> None:
    err.print(f"[red]error[/red] {escape(str(exc))}")
    raise typer.Exit(2)


def _emit(items: list[Any], fmt: Fmt, title: str = "") -> None:
    """Print items (each with to_row() and to_json()) as a rich table, JSON or CSV."""
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps([i.to_json() for i in items], ensure_ascii=False, indent=2) + "\n")
        return
    rows = [i.to_row() for i in items]
    if fmt is Fmt.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return
    table = Table(title=title or None, show_lines=False)
    for column in rows[0] if rows else ["(nothing)"]:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    out.print(table)


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, .jsonl manifests, URLs, RSS/Atom feeds.")],
    db: Db = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD for inputs that lack one.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="The outlet that published the texts.")] = None,
    language: Annotated[Optional[str], typer.Option(help="ISO 639-1 code; detected when left out.")] = None,
    fetch: Annotated[bool, typer.Option("--fetch/--no-fetch", help="Fetch each feed entry's link (else use its content).")] = True,
) -> None:
    """Extract and store new documents (a text already stored is skipped), then merge and link."""
    from summitry.store.feeds import count_inputs

    store = _open(db)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=count_inputs(inputs))

        def step(source: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(source).name[:40]}")

        try:
            summary = store.ingest(inputs, published=_day(published, "--published"), outlet=outlet,
                                   language=language, fetch=fetch, progress=step)
        except SummitryError as exc:
            _fail(exc)
    for problem in summary.skipped:
        err.print(f"[yellow]skipped[/yellow] {escape(str(problem))}")
    err.print(f"{summary}" + (f"; {summary.refresh}" if summary.refresh else ""))
    if summary.skipped:
        raise typer.Exit(1)


@app.command("refresh")
def refresh_cmd(db: Db = None) -> None:
    """Recompute merged events and fulfilment links now."""
    err.print(str(_open(db).refresh()))


@app.command("events")
def events_cmd(
    db: Db = None,
    actor: Annotated[Optional[str], typer.Option(help="A participant, by name in any language or id.")] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="summit, meeting, phone_call, visit, signing, forum, launch.")] = None,
    since: Annotated[Optional[str], typer.Option(help="From YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Until YYYY-MM-DD.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each event's reports and why they were merged.")] = False,
    fmt: Format = Fmt.table,
    limit: Limit = 100,
) -> None:
    """Events merged across sources, newest first."""
    store = _open(db)
    try:
        items = store.events(actor=actor, type=type, since=_day(since, "--since"),
                             until=_day(until, "--until"), limit=limit or None)
    except SummitryError as exc:
        _fail(exc)
    _emit(items, fmt, "events")
    if explain and fmt is Fmt.table:
        for e in items:
            out.print(f"\n[bold]{escape(e.label)}[/bold] {e.date['value'] if e.date else ''} [dim]{e.key}[/dim]")
            for reason in e.why or ["one report"]:
                out.print(f"  merged: {escape(str(reason))}")
            for r in e.reports:
                out.print(f"  report: {escape(r.source)} ({r.outlet or '?'}, {r.published or '?'}) "
                          f"{r.start}-{r.end} «{escape(r.text)}»")


@app.command("commitments")
def commitments_cmd(
    db: Db = None,
    status: Annotated[Optional[Status], typer.Option(help="fulfilled, pending, overdue or open.")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Who commits, by name in any language or id.")] = None,
    sector: Annotated[Optional[str], typer.Option(help="energy, transport, education ...")] = None,
    due_before: Annotated[Optional[str], typer.Option("--due-before", help="Due period starting before YYYY-MM-DD.")] = None,
    as_of: AsOf = None,
    fmt: Format = Fmt.table,
    limit: Limit = 100,
) -> None:
    """Commitments with their status as of a date, soonest due first."""
    store = _open(db)
    try:
        items = store.commitments(status=status.value if status else None, actor=actor, sector=sector,
                                  due_before=_day(due_before, "--due-before"),
                                  as_of=_day(as_of, "--as-of"), limit=limit or None)
    except SummitryError as exc:
        _fail(exc)
    _emit(items, fmt, "commitments")


def _profile_rows(profile: Any) -> Iterator[dict[str, Any]]:
    for m in profile.meetings:
        yield {"section": "meeting", "date": m.date["value"] if m.date else "", "what": m.label,
               "status": "", "with": "; ".join(p.name for p in m.participants)}
    for c in profile.counterparts:
        yield {"section": "counterpart", "date": "", "what": c.actor.name, "status": "",
               "with": f"{c.meetings} events"}
    for c in profile.commitments:
        yield {"section": "commitment", "date": c.due["value"] if c.due else "",
               "what": c.action or c.kind, "status": c.status, "with": "; ".join(a.name for a in c.actors)}


@app.command("actor")
def actor_cmd(name: Annotated[str, typer.Argument(help="A name in any language the knowledge base knows, or an id.")],
              db: Db = None, as_of: AsOf = None, fmt: Format = Fmt.table) -> None:
    """An actor's profile: meetings, counterparts, commitments and their status."""
    store = _open(db)
    try:
        profile = store.actor(name, as_of=_day(as_of, "--as-of"))
    except SummitryError as exc:
        _fail(exc)
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(profile.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    rows = list(_profile_rows(profile))
    if fmt is Fmt.csv:
        writer = csv.DictWriter(sys.stdout, ["section", "date", "what", "status", "with"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    a = profile.actor
    out.print(f"[bold]{escape(a.name)}[/bold] ({a.type}, {a.id}{', ' + a.wikidata if a.wikidata else ''})")
    counts = ", ".join(f"{k} {v}" for k, v in sorted(profile.status_counts().items()))
    out.print(f"{len(profile.meetings)} events, {len(profile.counterparts)} counterparts, "
              f"{len(profile.commitments)} commitments ({counts or 'none'}) as of {profile.as_of}")
    for section in ("meeting", "counterpart", "commitment"):
        picked = [r for r in rows if r["section"] == section]
        if picked:
            table = Table(title=section + "s")
            for column in ("date", "what", "status", "with"):
                table.add_column(column, overflow="fold")
            for r in picked:
                table.add_row(r["date"], r["what"], r["status"], r["with"])
            out.print(table)


@app.command("timeline")
def timeline_cmd(db: Db = None, actor: Annotated[Optional[str], typer.Option(help="Only this actor's events and commitments.")] = None,
                 as_of: AsOf = None, fmt: Format = Fmt.table, limit: Limit = 0) -> None:
    """Events and commitments falling due, in date order."""
    store = _open(db)
    try:
        items = store.timeline(actor=actor, as_of=_day(as_of, "--as-of"), limit=limit or None)
    except SummitryError as exc:
        _fail(exc)
    _emit(items, fmt, "timeline")


@app.command("search")
def search_cmd(query: Annotated[str, typer.Argument(help="Words; each matches its inflected forms too.")],
               db: Db = None, fmt: Format = Fmt.table, limit: Limit = 20) -> None:
    """Full-text search over the documents, with highlighted snippets."""
    hits = _open(db).search(query, limit=limit or 1000)
    if fmt is not Fmt.table:
        class Row:  # adapts SearchHit to _emit
            def __init__(self, hit: Any) -> None:
                self.hit = hit

            def to_json(self) -> dict[str, Any]:
                return self.hit.to_json()

            def to_row(self) -> dict[str, Any]:
                h = self.hit
                return {"doc_id": h.doc_id, "published": h.published or "", "source": h.source,
                        "title": h.title or "", "snippet": h.snippet}

        _emit([Row(h) for h in hits], fmt)
        return
    table = Table(title=f"{len(hits)} documents")
    for column in ("doc_id", "published", "source", "snippet"):
        table.add_column(column, overflow="fold")
    for h in hits:
        snippet = Text(h.snippet)
        for start, end in h.highlights:
            snippet.stylize("bold yellow", start, end)
        table.add_row(h.doc_id, str(h.published or ""), h.title or h.source, snippet)
    out.print(table)


@app.command("show")
def show_cmd(doc_id: Annotated[str, typer.Argument(help="A document id (or a unique prefix of one).")],
             db: Db = None, fmt: Format = Fmt.table) -> None:
    """One document's record, with the sentences its events and commitments stand on."""
    try:
        view = _open(db).document(doc_id)
    except SummitryError as exc:
        _fail(exc)
    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(view.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is Fmt.csv:
        writer = csv.DictWriter(sys.stdout, ["layer", "index", "start", "end", "sentence"],
                                lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(view.evidence)
        return
    d = view.record["document"]
    out.print(f"[bold]{escape(d.get('title') or d['source'])}[/bold]  {d['id']}")
    out.print(f"{d['source']} · {d.get('outlet') or '?'} · {d.get('published') or '?'} · {d.get('language')}")
    entities = Table(title="entities")
    for column in ("name", "type", "id", "mentions"):
        entities.add_column(column, overflow="fold")
    for e in view.record["entities"]:
        entities.add_row(e["name"], e["type"], e["id"], str(len(e["mentions"])))
    out.print(entities)
    for layer in ("events", "commitments"):
        items = view.record.get(layer) or []
        for index, item in enumerate(items):
            head = item.get("type") or item.get("kind")
            when = (item.get("date") or item.get("due") or {}).get("value", "")
            out.print(f"[bold]{layer[:-1]} {index}[/bold]: {head} {when}")
            for ev in (v for v in view.evidence if v["layer"] == layer and v["index"] == index):
                out.print(f"  {ev['start']}-{ev['end']} «{escape(ev['sentence'])}»")


@app.command("export")
def export_cmd(
    fmt: Annotated[ExportFmt, typer.Option("--format", help="jsonl, csv, plover, graphml or ical.")],
    db: Db = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Write here instead of to standard output.")] = None,
    table: Annotated[str, typer.Option(help="For csv: events or commitments.")] = "events",
    as_of: AsOf = None,
) -> None:
    """Export the store: records, events, commitments, the actor network or a calendar."""
    from summitry.export import export

    store = _open(db)
    try:
        if out_path is None:
            count = export(store, fmt.value, sys.stdout, table=table, as_of=_day(as_of, "--as-of"))
        else:
            with out_path.open("w", encoding="utf-8", newline="") as handle:
                count = export(store, fmt.value, handle, table=table, as_of=_day(as_of, "--as-of"))
    except (SummitryError, ValueError) as exc:
        _fail(exc)
    err.print(f"{count} {fmt.value} items written" + (f" to {out_path}" if out_path else ""))
