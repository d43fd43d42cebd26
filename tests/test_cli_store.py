"""The store's commands, and an ingest killed with SIGKILL that a re-run completes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summitry.cli import app
from summitry.store import Store
from test_store import MERGE, TRACKING, records

runner = CliRunner()

PEOPLE = [("Касым-Жомарт Токаев", "Президент Казахстана"), ("Шавкат Мирзиёев", "Президент Узбекистана"),
          ("Садыр Жапаров", "Президент Кыргызстана"), ("Эмомали Рахмон", "Президент Таджикистана")]
CITIES = ["Астане", "Ташкенте", "Бишкеке", "Душанбе", "Пекине", "Сиане"]
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября"]


def generated_text(n: int) -> str:
    """A small composed news text, different for every n (made here, not a seed)."""
    name, office = PEOPLE[n % len(PEOPLE)]
    city = CITIES[n % len(CITIES)]
    day, month = n % 27 + 1, MONTHS[n % len(MONTHS)]
    lines = [f"{office} {name} провёл встречу с Председателем КНР Си Цзиньпином в {city} "
             f"{day} {month} 2025 года."]
    for k in range(6):
        lines.append(f"Стороны обсудили сотрудничество в сфере энергетики и транспорта, пункт {n}-{k}.")
    lines.append(f"Стороны договорились провести следующую встречу в {2026 + n % 3} году в Китае.")
    return " ".join(lines)


def write_corpus(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(generated_text(n), encoding="utf-8")
    return folder


@pytest.fixture()
def db(tmp_path: Path, kb: Any) -> str:
    """A store file holding the composed records, derived with the fakes."""
    path = tmp_path / "s.db"
    st = Store(path, kb=kb, merge=MERGE, tracking=TRACKING)
    for record in records():
        st.add_record(record)
    st.refresh()
    st.close()
    return str(path)


def cli(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_events_in_every_format(db: str) -> None:
    data = json.loads(cli("events", "--db", db, "--format", "json").stdout)
    assert [e["type"] for e in data] == ["meeting", "summit"]
    table = cli("events", "--db", db, "--actor", "托卡耶夫", "--explain").stdout
    assert "summit" in table and "merged: same type summit" in table and "a.txt" in table
    assert cli("events", "--db", db, "--format", "csv").stdout.startswith("date,type,title")


def test_commitments_status_as_of(db: str) -> None:
    data = json.loads(cli("commitments", "--db", db, "--status", "overdue", "--as-of",
                          "2025-03-01", "--format", "json").stdout)
    assert [c["action"] for c in data] == ["предложил объявить 2024 год Годом экологии"]
    data = json.loads(cli("commitments", "--db", db, "--actor", "Китай", "--sector", "education",
                          "--format", "json").stdout)
    assert [c["status"] for c in data] == ["open"]
    result = runner.invoke(app, ["commitments", "--db", db, "--status", "done"])
    assert result.exit_code == 2


def test_actor_timeline_search_show(db: str) -> None:
    profile = json.loads(cli("actor", "Tokayev", "--db", db, "--format", "json").stdout)
    assert profile["actor"]["id"] == "person:kassym-jomart-tokayev"
    assert "Xi Jinping" in cli("actor", "Токаев", "--db", db).stdout
    lines = cli("timeline", "--db", db, "--format", "csv", "--as-of", "2026-01-01").stdout.splitlines()
    assert lines[0].startswith("date,kind") and len(lines) == 6
    hits = json.loads(cli("search", "Астана", "--db", db, "--format", "json").stdout)
    assert len(hits) == 3 and all(h["highlights"] for h in hits)
    doc_id = records()[2]["document"]["id"]
    shown = json.loads(cli("show", doc_id[:8], "--db", db, "--format", "json").stdout)
    assert shown["document"]["id"] == doc_id and len(shown["evidence"]) == 4
    result = runner.invoke(app, ["actor", "Nobody Atall", "--db", db])
    assert result.exit_code == 2 and "unknown actor" in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "plover", "graphml", "ical"])
def test_export_to_a_file(db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    cli("export", "--db", db, "--format", fmt, "--out", str(target))
    assert target.stat().st_size > 0


def test_ingest_reports_added_unchanged_and_skipped(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", 2)
    (folder / "bad.pdf").write_bytes(b"%PDF")
    db = str(tmp_path / "i.db")
    first = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert first.exit_code == 1  # one input was skipped
    assert "2 added, 0 unchanged, 1 skipped" in first.output and "bad.pdf" in first.output
    second = runner.invoke(app, ["ingest", str(folder / "000.txt"), "--db", db])
    assert second.exit_code == 0 and "0 added, 1 unchanged, 0 skipped" in second.output


def consistency(path: Path) -> dict[str, int]:
    """Check that every stored document has all its rows; the table counts."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for doc_id, record in conn.execute("SELECT id, record FROM documents"):
        record = json.loads(record)
        mentions = sum(len(e["mentions"]) for e in record["entities"])
        assert conn.execute("SELECT count(*) FROM mentions WHERE doc_id = ?", (doc_id,)).fetchone()[0] == mentions
        for table, key in (("events", "events"), ("commitments", "commitments")):
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            assert n == len(record[key])
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE doc_id = ?", (doc_id,)).fetchone()[0] == 1
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for (t,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'documents_fts%' "
        "AND name NOT LIKE 'sqlite_%'")}
    conn.close()
    return counts


def test_an_ingest_killed_with_sigkill_is_finished_by_a_rerun(tmp_path: Path, kb: Any) -> None:
    folder = write_corpus(tmp_path / "corpus", 30)
    whole = tmp_path / "whole.db"
    summary = Store(whole, kb=kb).ingest([folder])
    assert len(summary.added) == 30
    expected = consistency(whole)

    killed = tmp_path / "killed.db"
    command = [sys.executable, "-c", "import sys; from summitry.cli import app; sys.argv[0] = 'summitry'; app()",
               "ingest", str(folder), "--db", str(killed)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if killed.exists():
                try:
                    with sqlite3.connect(killed, timeout=0.05) as conn:
                        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0  # the schema is still being created
                if stored >= 5:
                    os.kill(process.pid, signal.SIGKILL)
                    break
            time.sleep(0.01)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = consistency(killed)
    assert 5 <= partial["documents"] < 30
    Store(killed, kb=kb).close()  # opens consistent

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{30 - partial['documents']} added, {partial['documents']} unchanged" in rerun.stderr
    assert consistency(killed) == expected
