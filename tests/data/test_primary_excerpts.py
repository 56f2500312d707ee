"""The primary-text excerpts: the index, its text files, their checks and how a lesson shows them."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from casebook import data
from casebook.data.validation import validate_package
from casebook.primary import PrimaryTextError, excerpt, excerpt_ids, show_excerpt
from tests.data.conftest import DATA, edit_cell

INDEX = DATA / "primary" / "excerpts.csv"


def _index_rows() -> list[dict[str, str]]:
    with INDEX.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = _index_rows()


def test_the_index_lists_excerpts_and_the_loader_reads_every_row() -> None:
    assert [row["id"] for row in ROWS] == excerpt_ids()
    assert len(ROWS) >= 4


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_each_excerpts_file_has_the_sha256_and_opening_the_index_cites(row: dict[str, str]) -> None:
    path = DATA / row["file"]
    assert row["file"] == f"primary/{row['id']}.txt"
    content = path.read_bytes()
    assert hashlib.sha256(content).hexdigest() == row["sha256"]
    text = content.decode("utf-8")
    assert text.startswith(row["opening"])
    assert text.endswith("\n") and "\r" not in text


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_each_excerpt_is_short_and_cites_a_known_source_with_its_publisher(row: dict[str, str]) -> None:
    sources = {source.id: source for source in data.load("sources")}
    assert row["sources"] in sources
    assert sources[row["sources"]].publisher == row["publisher"]
    assert sources[row["sources"]].url == row["url"]
    words = len((DATA / row["file"]).read_text(encoding="utf-8").split())
    assert words <= 120, f"{row['id']}: {words} words; quote only what the activity needs"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_each_text_file_is_a_described_resource_with_a_hash(row: dict[str, str]) -> None:
    described = {r["path"]: r for r in _resources()}
    resource = described[row["file"]]
    assert resource["hash"] == f"sha256:{row['sha256']}"
    assert resource["casebook:sources"] == [row["sources"]]


def _resources() -> list[dict]:
    return json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]


def test_the_shipped_package_has_no_problem_with_the_excerpts() -> None:
    problems = [p for p in validate_package(DATA) if "primary" in p.file]
    assert problems == []


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("sha256", "0" * 64, "the text was changed, or the index is out of date"),
        ("sha256", "not-a-digest", "is not a SHA-256 digest"),
        ("file", "primary/other.txt", "the text file named after the id"),
        ("opening", "Words the text does not start with", "does not start with"),
    ],
)
def test_a_malformed_index_row_is_one_line_naming_the_file_row_and_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: str, expected: str
) -> None:
    key = ROWS[1]["id"]
    number = edit_cell(data_copy / "primary" / "excerpts.csv", key, field, value)
    problems = [p for p in validate_package(data_copy) if p.field == field and p.row == number]
    assert problems, validate_package(data_copy)
    assert all(p.file.endswith("primary/excerpts.csv") and "\n" not in str(p) for p in problems)
    assert any(expected in p.message for p in problems), problems

    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(PrimaryTextError) as raised:
        excerpt(key)
    message = str(raised.value)
    assert "\n" not in message
    assert "primary/excerpts.csv" in message and f"row {number}" in message and f"field '{field}'" in message


def test_a_changed_text_file_is_refused_when_shown(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    row = ROWS[0]
    path = data_copy / row["file"]
    path.write_text(path.read_text(encoding="utf-8").replace("the", "THE", 1), encoding="utf-8")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(PrimaryTextError, match=r"field 'sha256'.*the text was changed"):
        show_excerpt(row["id"])


def test_an_empty_required_cell_is_one_line_naming_the_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = edit_cell(data_copy / "primary" / "excerpts.csv", ROWS[0]["id"], "licence", "")
    assert any(p.field == "licence" for p in validate_package(data_copy))
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(PrimaryTextError) as raised:
        excerpt(ROWS[0]["id"])
    index = data_copy / "primary" / "excerpts.csv"
    assert str(raised.value) == f"{index}, row {number}, field 'licence': empty, but this field is required."


def test_an_unknown_id_names_the_index_and_the_known_ids() -> None:
    with pytest.raises(PrimaryTextError) as raised:
        excerpt("helsinki-principle-ix")
    message = str(raised.value)
    assert message.startswith("primary/excerpts.csv, field 'id': no excerpt 'helsinki-principle-ix'.")
    assert all(row["id"] in message for row in ROWS)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_an_excerpt_shows_its_text_source_and_licence_in_html_and_plain_text(row: dict[str, str]) -> None:
    shown = show_excerpt(row["id"])
    bundle = shown._repr_mimebundle_()
    page, plain = bundle["text/html"], bundle["text/plain"]
    publisher_type = {s.id: s.publisher_type for s in data.load("sources")}[row["sources"]]
    paragraphs = [" ".join(p.split()) for p in (DATA / row["file"]).read_text(encoding="utf-8").split("\n\n")]
    for paragraph in paragraphs:
        assert f"<p>{html.escape(paragraph)}</p>" in page
        assert f"> {paragraph}" in plain
    assert f'<blockquote cite="{html.escape(row["url"])}"' in page
    assert f'<a href="{html.escape(row["url"])}">' in page
    for words in (row["publisher"], publisher_type, row["licence"], row["document"]):
        assert html.escape(words) in page
        assert words in plain
    assert f"[{row['sources']}]" in plain
    assert not re.search(r"<[a-z]", plain), "the static version has no markup"


def test_a_date_is_shown_as_a_reader_writes_it_and_a_missing_one_is_said() -> None:
    dated = next(row for row in ROWS if row["published"])
    undated = next(row for row in ROWS if not row["published"])
    year, month, day = (int(part) for part in dated["published"].split("-"))
    assert f"{day} " in excerpt(dated["id"]).source_line and str(year) in excerpt(dated["id"]).source_line
    assert "No date given on the page" in excerpt(undated["id"]).source_line
