"""The command line: real inputs, bad inputs, and help that matches the README."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summitry.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_extract_one_file_prints_its_record():
    result = run("extract", str(ROOT / "examples" / "ru_ministers_bishkek.txt"))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "summitry.record/1"
    assert record["document"]["language"] == "ru"
    assert record["document"]["published"] == "2026-03-14"
    names = {e["name"] for e in record["entities"]}
    assert {"Bishkek", "Zheenbek Kulubaev", "Wang Yi", "China"} <= names
    text = record["document"]["text"]
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_flags_override_what_the_text_says():
    result = run("extract", str(ROOT / "examples" / "en_sco_call.txt"), "--published", "2026-02-03", "--outlet", "Test Wire")
    record = json.loads(result.stdout)
    assert record["document"]["published"] == "2026-02-03"
    assert record["document"]["outlet"] == "Test Wire"


def test_a_bad_date_flag_is_a_clear_error():
    result = run("extract", str(ROOT / "examples"), "--published", "17.06.2025")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary"),
        ("page.html", b"<html><head><title>x</title></head><body></body></html>", "no main text"),
    ],
)
def test_a_bad_single_file_names_itself_and_exits_non_zero(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert name in result.stderr and problem in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_path_is_reported():
    result = run("extract", "/no/such/file.txt")
    assert result.exit_code == 1
    assert "/no/such/file.txt" in result.stderr and "no such file" in result.stderr


def test_a_folder_goes_on_past_a_bad_file_and_counts_it(tmp_path):
    (tmp_path / "good.txt").write_text("Президент Казахстана прибыл в Бишкек.", encoding="utf-8")
    (tmp_path / "cp1251.txt").write_bytes("Министры встретились в Ташкенте.".encode("cp1251"))
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "list.jsonl").write_text('{"text": "Саммит прошел в Астане."}\n{not json\n', encoding="utf-8")
    result = run("extract", str(tmp_path))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 3
    texts = " ".join(r["document"]["text"] for r in records)
    assert "Ташкенте" in texts  # cp1251 read right
    assert "3 extracted, 2 skipped" in result.stderr
    assert "bad.txt" in result.stderr and "list.jsonl:2" in result.stderr


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        assert f"summitry {command.name}" in readme, command.name


def test_every_option_is_documented_in_help():
    for command in [c.name for c in app.registered_commands]:
        result = run(command, "--help")
        assert result.exit_code == 0
        options = re.findall(r"--[a-z][a-z-]+", result.output)
        assert options, command
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        for option in set(options) - {"--help"}:
            assert option in readme, f"{command} {option} is not in the README"
