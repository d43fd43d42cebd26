"""summitry.ingest: encodings, bad inputs, HTML, manifests, folders, datelines, cleaning.

Texts here are composed for the tests; the real seeds are read from ../shared by path
and the tests that need them skip when it is missing. No test touches the network.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.errors import InputError
from summitry.ingest import (
    RawDocument,
    clean_text,
    decode_bytes,
    find_dateline,
    iter_inputs,
    read_manifest,
    read_path,
    read_text,
    read_url,
)

DATA = Path(__file__).parent / "data" / "ingest"
SHARED = Path(os.environ.get("SUMMITRY_SHARED", Path(__file__).resolve().parents[2] / "shared"))

RU_SHORT = "Министры встретились в Бишкеке."
RU_LONG = (
    "Министры иностранных дел пяти стран Центральной Азии и Китая провели встречу в Бишкеке. "
    "Стороны обсудили торговлю, транспортные коридоры и энергетику, а также договорились "
    "подготовить план совместных действий на следующий год."
)
UK_TEXT = "Міністри закордонних справ зустрілися у Бішкеку й обговорили співпрацю."
PARAGRAPH_1 = "Министры транспорта провели заседание в Бишкеке и обсудили новые маршруты."
PARAGRAPH_2 = "Следующее заседание состоится в 2026 году, сообщили в пресс-службе."


def norm(text: str) -> str:
    """The scorer's normalization (evaluation.md): NFKC, whitespace runs to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def error_of(call, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message, "an InputError is one line"
    return info.value


# --- encodings ------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        RU_LONG.encode("utf-8"),
        b"\xef\xbb\xbf" + RU_LONG.encode("utf-8"),
        RU_LONG.encode("utf-16"),  # with BOM, native order
        b"\xff\xfe" + RU_LONG.encode("utf-16-le"),
        b"\xfe\xff" + RU_LONG.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-le-bom", "utf16-be-bom"],
)
def test_unicode_encodings_decode(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == RU_LONG


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
@pytest.mark.parametrize(
    "text", [RU_SHORT, "Привет, мир", "ПРИВЕТ МИР", RU_LONG], ids=["short", "tiny", "caps", "long"]
)
def test_single_byte_cyrillic_reads_right(codec: str, text: str) -> None:
    assert decode_bytes(text.encode(codec), "x.txt") == text


@pytest.mark.parametrize("codec", ["cp1251", "koi8-u"])
def test_ukrainian_single_byte(codec: str) -> None:
    assert decode_bytes(UK_TEXT.encode(codec), "x.txt") == UK_TEXT


def test_cp1251_file_with_typographic_quotes(tmp_path: Path) -> None:
    text = "Саммит «Китай – Центральная Азия» завершился… Лидеры подписали декларацию №1."
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    assert read_path(path).text == text


def test_utf8_with_a_stray_byte_keeps_the_rest() -> None:
    data = (RU_LONG * 2).encode("utf-8") + b"\xff"
    decoded = decode_bytes(data, "x.txt")
    assert decoded.startswith(RU_LONG)
    assert decoded.count("\ufffd") == 1


def test_non_cyrillic_legacy_encoding_falls_back_to_detection() -> None:
    text = "The minister said “cooperation” matters — café talks in Bishkek went on."
    assert decode_bytes(text.encode("cp1252"), "en.txt") == text


def test_random_high_bytes_in_ascii_are_refused() -> None:
    data = b"hello world \x93\xff\xfe\x81 some ascii text \x9c\x8f here and \xd7"
    err = error_of(decode_bytes, data, "junk.txt")
    assert err.source == "junk.txt"
    assert err.problem == "not valid UTF-8 and no known encoding fits"


def test_nul_bytes_are_binary() -> None:
    err = error_of(decode_bytes, b"abc\x00\x01\x02def", "blob.txt")
    assert err.problem == "binary file, not text"


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cf")), min_size=1))
def test_unicode_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "x") == text
    assert decode_bytes(text.encode("utf-16"), "x") == text


# --- bad inputs -----------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = error_of(read_path, path)
    assert err.source == str(path) and err.problem == "empty file"
    assert str(path) in str(err)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\n\t\n", encoding="utf-8")
    assert error_of(read_path, path).problem == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert error_of(read_path, path).problem == "binary file, not text"


def test_too_large_is_refused_by_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: NUL bytes that would read as binary
    err = error_of(read_path, path)
    assert err.problem == "too large: 50.0 MB (limit 10 MB)"


def test_size_limit_can_be_set(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(RU_LONG, encoding="utf-8")
    assert "too large" in error_of(read_path, path, max_bytes=100).problem
    assert read_path(path, max_bytes=10_000).text == RU_LONG


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Пусто</title></head><body></body></html>", "utf-8")
    assert error_of(read_path, path).problem == "HTML page has no main text"


def test_missing_path() -> None:
    err = error_of(read_path, "/nonexistent/summitry/a.txt")
    assert err.problem == "no such file or directory"
    assert "/nonexistent/summitry/a.txt" in str(err)


def test_unsupported_file_type(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert error_of(read_path, path).problem.startswith("unsupported file type")


def test_text_that_is_only_furniture(tmp_path: Path) -> None:
    path = tmp_path / "nav.txt"
    path.write_text("Новости\n\nПоделиться\n", encoding="utf-8")
    assert "no text left" in error_of(read_path, path).problem


# --- HTML -----------------------------------------------------------------------


def test_html_page_main_text_and_metadata() -> None:
    doc = read_path(DATA / "bishkek_ministers.html")
    assert doc.title == "Министры транспорта встретились в Бишкеке"
    assert doc.published == date(2025, 3, 14)
    assert doc.outlet == "Тестовые Вести"
    lines = doc.text.split("\n")
    starts = ("Бишкек, 14 марта. Министры", "Стороны обсудили", "Участники договорились",
              "По словам председателя")
    for start in starts:
        assert sum(line.startswith(start) for line in lines) == 1, start
    for furniture in ("Поделиться", "Рассказать друзьям", "Читайте также", "терминал", "Главная",
                      "Политика", "Курс сома", "права защищены", "Реклама"):
        assert furniture not in doc.text, furniture
    assert doc.credits == ["Фото: пресс-служба министерства"]
    # the credit leaves the body and closes the text, verbatim, as evidence of its names
    body, _, closing = doc.text.rpartition("\n\n")
    assert "Фото:" not in body and closing == "Фото: пресс-служба министерства"


def test_explicit_date_and_outlet_beat_page_metadata() -> None:
    doc = read_path(DATA / "bishkek_ministers.html", published=date(2025, 3, 15), outlet="X")
    assert (doc.published, doc.outlet) == (date(2025, 3, 15), "X")


def test_html_declared_cp1251(tmp_path: Path) -> None:
    body = "".join(f"<p>{RU_LONG} Абзац {i}.</p>" for i in range(4))
    html = (
        '<html><head><meta charset="windows-1251"><title>Т</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1251"))
    assert RU_LONG in read_path(path).text


# --- publication date order and datelines ---------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (" date 2025-09-01 Фото: Агентство", date(2025, 9, 1)),
        ("17.06.2025", date(2025, 6, 17)),
        ("17.06.2025 14:35", date(2025, 6, 17)),
        ("17 июня 2025", date(2025, 6, 17)),
        ("17 червня 2025 року", date(2025, 6, 17)),
        ("June 17, 2025", date(2025, 6, 17)),
        ("17 June 2025", date(2025, 6, 17)),
        ("Опубликовано: 3 мая 2024", date(2024, 5, 3)),
        ("Астана, 17 июня 2025. AGENCY - " + PARAGRAPH_1 * 2, date(2025, 6, 17)),
        ("26 апреля 2025 года в Алматы прошла встреча, и " + PARAGRAPH_1 * 2, None),
        ("31.02.2025", None),
        ("Без даты", None),
    ],
)
def test_find_dateline(head: str, expected: date | None) -> None:
    assert find_dateline(f"{head}\n{PARAGRAPH_1}\n{PARAGRAPH_2}") == expected


def test_dateline_only_near_the_start() -> None:
    assert find_dateline(PARAGRAPH_1 * 5 + "\n17.06.2025\n" + PARAGRAPH_2) is None


def test_date_order_argument_then_dateline_then_none(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(f"17.06.2025\n\n{PARAGRAPH_1}\n{PARAGRAPH_2}\n", encoding="utf-8")
    assert read_path(path).published == date(2025, 6, 17)
    assert read_path(path).text == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert read_path(path, published=date(2025, 6, 18)).published == date(2025, 6, 18)
    undated = tmp_path / "undated.txt"
    undated.write_text(f"{PARAGRAPH_1}\n{PARAGRAPH_2}\n", encoding="utf-8")
    assert read_path(undated).published is None


def test_page_metadata_beats_dateline(tmp_path: Path) -> None:
    body = "<p>01.01.2020</p>" + "".join(f"<p>{RU_LONG}</p>" for _ in range(3))
    html = (
        '<html><head><meta property="article:published_time" content="2024-05-03">'
        f"</head><body><article>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert read_path(path).published == date(2024, 5, 3)


# --- cleaning -------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Рассказать друзьям", "Поделиться", "Поширити", "Share", "Share on Facebook",
        "Facebook Twitter Telegram", "Новости", "- Более", "Реклама", "Home", "Фото",
        "Читайте также: Новый терминал открылся под Ташкентом", "Теги: ШОС, Китай, Бишкек",
    ],
)
def test_furniture_lines_are_dropped(furniture: str) -> None:
    cleaned, credits = clean_text(f"{PARAGRAPH_1}\n{furniture}\n{PARAGRAPH_2}")
    assert cleaned == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"
    assert credits == []


@pytest.mark.parametrize(
    "credit", ["Фото: Агентство", "Фото: CGTN", "Photo: Reuters", "Світлина: Укрінформ"]
)
def test_credit_lines_are_dropped_and_returned(credit: str) -> None:
    cleaned, credits = clean_text(f"{credit}\n\n{PARAGRAPH_1}\n\n{PARAGRAPH_2}\n{credit}")
    assert cleaned == f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"
    assert credits == [credit, credit]


@pytest.mark.parametrize(
    "line",
    [
        "Фото: " + "очень длинная подпись к снимку с подробностями " * 4,
        "Новости региона обсуждались на встрече министров.",
        "Фотовыставка открылась в Бишкеке.",
        "- Стороны подпишут соглашение в 2026 году.",
        "Share prices rose after the summit.",
    ],
)
def test_text_lines_that_resemble_furniture_are_kept(line: str) -> None:
    cleaned, _ = clean_text(f"{PARAGRAPH_1}\n{line}\n{PARAGRAPH_2}")
    assert cleaned.split("\n") == [PARAGRAPH_1, line, PARAGRAPH_2]


def test_leading_dateline_with_credit() -> None:
    cleaned, credits = clean_text(f" date 2025-09-01 Фото: Агентство\n\n{PARAGRAPH_1}")
    assert cleaned == PARAGRAPH_1
    assert credits == ["Фото: Агентство"]


def test_most_read_block_and_orphan_headlines_are_dropped() -> None:
    text = (
        f"{PARAGRAPH_1}\n{PARAGRAPH_2}\n7 самых читаемых новостей\n"
        "- 1Открылась новая выставка\n- 2Курс валют 3 марта\n- 3Погода на выходные\n"
        "Фото\nЗаголовок без точки о чём-то ином\nЕщё один заголовок, 40 пострадавших"
    )
    assert clean_text(text)[0] == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"


def test_most_read_after_a_blank_line_takes_trailing_headlines() -> None:
    text = f"{PARAGRAPH_1}\n\nMost read\n- One headline\n- Two headline\n\nOrphan headline here\n"
    assert clean_text(text)[0] == PARAGRAPH_1


def test_read_also_block_mid_text_keeps_the_prose_after_it() -> None:
    text = f"{PARAGRAPH_1}\nЧитайте также:\n- Первый заголовок\nВторой заголовок\n{PARAGRAPH_2}"
    assert clean_text(text)[0] == f"{PARAGRAPH_1}\n{PARAGRAPH_2}"


def test_headline_list_without_a_header_is_kept() -> None:
    text = f"{PARAGRAPH_1}\n- первый пункт\n- второй пункт\n{PARAGRAPH_2}"
    assert clean_text(text)[0] == text


def test_blank_lines_collapse_and_ends_strip() -> None:
    text = f"\n\n  \n{PARAGRAPH_1}\r\n\r\n\r\n \n\n{PARAGRAPH_2}   \n\n\n"
    assert clean_text(text)[0] == f"{PARAGRAPH_1}\n\n{PARAGRAPH_2}"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    PARAGRAPH_1, PARAGRAPH_2, "", "   ", "Новости", "Фото: X", "Поделиться",
    "самых читаемых новостей", "- 1Заголовок", "Заголовок", "17.06.2025",
]) | st.text(max_size=30), max_size=20))
def test_cleaning_only_drops_lines_and_is_idempotent(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned, _ = clean_text(text)
    source = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    position = 0
    for line in cleaned.split("\n"):
        if not line.strip():
            continue
        position = source.index(line.strip(), position) + 1  # ValueError if changed or reordered
    assert clean_text(cleaned)[0] == cleaned


# --- manifests and URLs ---------------------------------------------------------


def write_manifest(folder: Path, entries: list[object | str]) -> Path:
    path = folder / "manifest.jsonl"
    lines = [e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_manifest_entries_and_errors(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(f"17.06.2025\n{PARAGRAPH_1}", encoding="utf-8")
    manifest = write_manifest(tmp_path, [
        {"path": "texts/a.txt", "published": "2025-06-18", "outlet": "Агентство", "language": "ru"},
        '{"path": "texts/a.txt",',
        {"text": PARAGRAPH_2, "title": "Заголовок", "language": "ru"},
        "",
        ["not", "an", "object"],
        {"outlet": "no source"},
        {"path": "texts/missing.txt"},
        {"text": PARAGRAPH_2, "published": "18/06/2025"},
    ])
    results = list(read_manifest(manifest))
    assert len(results) == 7
    first, bad_json, inline, not_object, no_source, missing, bad_date = results
    assert isinstance(first, RawDocument)
    assert first.source == str(tmp_path / "texts" / "a.txt")
    assert first.published == date(2025, 6, 18)
    assert (first.outlet, first.language) == ("Агентство", "ru")
    assert first.text == PARAGRAPH_1
    assert isinstance(bad_json, InputError) and bad_json.source == f"{manifest}:2"
    assert "malformed JSON" in bad_json.problem
    assert isinstance(inline, RawDocument)
    assert inline.source == f"{manifest}:3"
    assert (inline.title, inline.text) == ("Заголовок", PARAGRAPH_2)
    assert isinstance(not_object, InputError) and not_object.source == f"{manifest}:5"
    assert isinstance(no_source, InputError) and "exactly one of" in no_source.problem
    assert isinstance(missing, InputError) and missing.source == f"{manifest}:7"
    assert "no such file or directory" in missing.problem
    assert isinstance(bad_date, InputError) and "YYYY-MM-DD" in bad_date.problem


def test_manifest_fields_override_defaults(tmp_path: Path) -> None:
    entries = [{"text": PARAGRAPH_1, "outlet": "Своё"}, {"text": PARAGRAPH_2}]
    manifest = write_manifest(tmp_path, entries)
    docs = list(read_manifest(manifest, outlet="Общее", published=date(2025, 1, 2)))
    assert [d.outlet for d in docs] == ["Своё", "Общее"]  # type: ignore[union-attr]
    assert all(d.published == date(2025, 1, 2) for d in docs)  # type: ignore[union-attr]


def test_missing_manifest_yields_an_error(tmp_path: Path) -> None:
    (err,) = list(read_manifest(tmp_path / "none.jsonl"))
    assert isinstance(err, InputError) and err.problem == "no such file or directory"


PAGE = (DATA / "bishkek_ministers.html").read_bytes()


def mock_client(
    status: int = 200, body: bytes = PAGE, content_type: str = "text/html"
) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_url_is_fetched_and_read_as_html() -> None:
    doc = read_url("https://news.example/bishkek", client=mock_client())
    assert doc.source == "https://news.example/bishkek"
    assert doc.title == "Министры транспорта встретились в Бишкеке"
    assert doc.published == date(2025, 3, 14)
    assert "<p>" not in doc.text and "Участники договорились" in doc.text


def test_url_served_as_plain_text() -> None:
    body = f"{PARAGRAPH_1}\nПоделиться".encode("cp1251")
    client = mock_client(body=body, content_type="text/plain")
    assert read_url("https://news.example/a.txt", client=client).text == PARAGRAPH_1


def test_url_http_error() -> None:
    err = error_of(read_url, "https://news.example/gone", client=mock_client(status=404))
    assert err.source == "https://news.example/gone" and err.problem.startswith("HTTP 404")


def test_url_refused_connection_fails_fast() -> None:
    err = error_of(read_url, "http://127.0.0.1:9/x", timeout=5)
    assert err.source == "http://127.0.0.1:9/x" and err.problem.startswith("could not fetch")


def test_manifest_url_entries(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, [
        {"url": "https://news.example/bishkek", "outlet": "Из манифеста"},
        {"url": "not a url at all"},
    ])
    good, bad = list(read_manifest(manifest, client=mock_client()))
    assert isinstance(good, RawDocument) and good.outlet == "Из манифеста"
    assert isinstance(bad, InputError) and bad.source == f"{manifest}:2"


def test_manifest_url_failure_without_client(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, [{"url": "http://127.0.0.1:9/x"}])
    (err,) = list(read_manifest(manifest))
    assert isinstance(err, InputError) and "could not fetch" in err.problem


# --- folders and batches --------------------------------------------------------


def test_folder_with_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(PARAGRAPH_1, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.html").write_bytes(PAGE)
    (tmp_path / "e.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub" / "d.txt").write_bytes(PARAGRAPH_2.encode("koi8-r"))
    (tmp_path / ".hidden.txt").write_text(PARAGRAPH_1, encoding="utf-8")
    results = list(iter_inputs([tmp_path]))
    names = [Path(r.source).name for r in results]
    assert names == ["a.txt", "b.txt", "c.html", "e.pdf", "d.txt"]
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["RawDocument", "InputError", "RawDocument", "InputError", "RawDocument"]
    assert results[1].problem == "empty file"  # type: ignore[union-attr]
    assert results[3].problem.startswith("unsupported file type")  # type: ignore[union-attr]
    assert results[4].text == PARAGRAPH_2  # type: ignore[union-attr]


def test_folder_manifest_reads_its_files_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH_1, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PARAGRAPH_2, encoding="utf-8")
    write_manifest(tmp_path, [{"path": "a.txt", "published": "2025-06-17"}])
    results = list(iter_inputs([tmp_path]))
    assert all(isinstance(r, RawDocument) for r in results)
    texts = sorted(r.text for r in results)  # type: ignore[union-attr]
    assert texts == sorted([PARAGRAPH_1, PARAGRAPH_2])
    dated = [r for r in results if r.text == PARAGRAPH_1]  # type: ignore[union-attr]
    assert dated[0].published == date(2025, 6, 17)  # type: ignore[union-attr]


def test_batch_goes_on_after_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PARAGRAPH_1, encoding="utf-8")
    missing, doc = list(iter_inputs([tmp_path / "nope.txt", tmp_path / "a.txt"], language="ru"))
    assert isinstance(missing, InputError) and missing.problem == "no such file or directory"
    assert isinstance(doc, RawDocument) and doc.language == "ru"


def test_read_text_in_memory() -> None:
    doc = read_text(f"Поделиться\n{PARAGRAPH_1}", outlet="X")
    assert (doc.source, doc.text, doc.outlet) == ("<text>", PARAGRAPH_1, "X")
    assert error_of(read_text, "  ").problem == "empty text"


# --- real seeds (read from ../shared) ---------------------------------------------


def seed_and_gold(stem: str) -> tuple[Path, dict]:
    seeds = sorted((SHARED / "seeds").glob(f"{stem}_*.txt"))
    if not seeds:
        pytest.skip(f"no seed {stem} under {SHARED}")
    gold = SHARED / "gold" / "dev" / (seeds[0].stem + ".json")
    if not gold.exists():
        pytest.skip(f"no gold for {seeds[0].name}")
    return seeds[0], json.loads(gold.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_gold_quotes_survive_cleaning(stem: str) -> None:
    seed, gold = seed_and_gold(stem)
    text = norm(read_path(seed).text)
    quotes = [item["quote"] for item in gold.get("events", []) + gold.get("commitments", [])]
    assert quotes
    missing = [q for q in quotes if norm(q) not in text]
    assert missing == []


def test_seed_001_furniture_is_gone() -> None:
    seed, _ = seed_and_gold("001")
    raw = seed.read_text(encoding="utf-8")
    doc = read_path(seed)
    assert "Рассказать друзьям" in raw and "Рассказать друзьям" not in doc.text
    assert "date" not in doc.text.split("\n")[0]
    assert doc.credits == ["Фото: Акорда"]
    assert doc.published == date(2025, 9, 1)
    assert "\n\n\n" not in doc.text
    kept = [line for line in raw.split("\n") if line.strip() and line.strip() in doc.text]
    assert len(kept) == len([line for line in raw.split("\n") if line.strip()]) - 2


def test_seed_003_furniture_is_gone() -> None:
    seed, _ = seed_and_gold("003")
    raw = seed.read_text(encoding="utf-8")
    doc = read_path(seed)
    lines = doc.text.split("\n")
    assert "самых читаемых новостей" in raw and "самых читаемых новостей" not in doc.text
    assert "Более" not in lines[0]
    assert not any(re.match(r"- \d", line) for line in lines)
    assert "Фото" not in lines
    assert lines[-1].startswith("23. ")  # the communiqué's last point ends the text
