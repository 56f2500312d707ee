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
    assert f'<a href="{html.escape(row["url"])}" style="text-decoration:underline">' in page
    for words in (row["publisher"], publisher_type, row["licence"], row["document"]):
        assert html.escape(words) in page
        assert words in plain
    assert f"[{row['sources']}]" not in plain and f"[{row['sources']}]" not in page, "no raw id for students"
    assert not re.search(r"<[a-z]", plain), "the static version has no markup"


def test_a_date_is_shown_as_a_reader_writes_it_and_a_missing_one_is_said() -> None:
    dated = next(row for row in ROWS if row["published"])
    undated = next(row for row in ROWS if not row["published"])
    year, month, day = (int(part) for part in dated["published"].split("-"))
    assert f"{day} " in excerpt(dated["id"]).source_line and str(year) in excerpt(dated["id"]).source_line
    assert "No date given on the page" in excerpt(undated["id"]).source_line


COPIES = [row for row in ROWS if row["provenance"] == "copy"]


def _refusal(data: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> str:
    """The one-line message with which ``excerpt(key)`` refuses the data folder ``data``."""
    monkeypatch.setenv("CASEBOOK_DATA", str(data))
    with pytest.raises(PrimaryTextError) as raised:
        excerpt(key)
    message = str(raised.value)
    assert "\n" not in message
    return message


COPY_FIELDS = ("copy_of", "copy_of_publisher", "copy_of_url", "checked_against")


def test_the_index_ships_copies_and_first_hand_texts_and_says_which_is_which() -> None:
    assert {row["provenance"] for row in ROWS} == {"first-hand", "copy"}
    for row in ROWS:
        if row["provenance"] == "first-hand":
            assert not any(row[field] for field in COPY_FIELDS), row["id"]


@pytest.mark.parametrize("row", COPIES, ids=lambda row: row["id"])
def test_a_copy_names_what_it_copies_and_a_second_independent_copy(row: dict[str, str]) -> None:
    sources = {source.id: source for source in data.load("sources")}
    assert all(row[field] for field in COPY_FIELDS)
    second = sources[row["checked_against"]]
    assert second.id != row["sources"] and second.url and second.url != row["url"]
    assert second.publisher != row["publisher"], "the second copy must come from another publisher"
    assert "aggregator or mirror" not in (second.publisher_type, sources[row["sources"]].publisher_type)
    assert row["copy_of_url"] not in (row["url"], second.url)
    assert "checked" in row["note"].lower(), "the note says how the two copies compare"


@pytest.mark.parametrize("field", COPY_FIELDS)
def test_a_copy_row_with_an_empty_provenance_field_is_one_line_naming_the_file_row_and_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    key = COPIES[0]["id"]
    number = edit_cell(data_copy / "primary" / "excerpts.csv", key, field, "")
    problems = [p for p in validate_package(data_copy) if p.field == field and p.row == number]
    assert len(problems) == 1, validate_package(data_copy)
    assert problems[0].file.endswith("primary/excerpts.csv") and "\n" not in str(problems[0])
    assert "provenance is 'copy' must give" in problems[0].message
    message = _refusal(data_copy, monkeypatch, key)
    assert message.startswith(f"primary/excerpts.csv, row {number}, field '{field}': empty")


def test_a_copy_checked_only_against_itself_is_refused(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = COPIES[0]
    number = edit_cell(data_copy / "primary" / "excerpts.csv", row["id"], "checked_against", row["sources"])
    problems = [p for p in validate_package(data_copy) if p.field == "checked_against" and p.row == number]
    assert [p.message for p in problems] == [
        f"'{row['sources']}' is the copy the text was taken from; name a second copy"
    ]
    message = _refusal(data_copy, monkeypatch, row["id"])
    assert message.startswith(f"primary/excerpts.csv, row {number}, field 'checked_against': ")
    assert message.endswith("name a second copy.")


def test_a_copy_checked_against_an_unknown_source_is_one_line_naming_the_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = COPIES[0]
    number = edit_cell(data_copy / "primary" / "excerpts.csv", row["id"], "checked_against", "no-such-copy")
    problems = [p for p in validate_package(data_copy) if p.field == "checked_against" and p.row == number]
    assert [p.message for p in problems] == [
        "unknown source id 'no-such-copy': add it to sources or correct it"
    ]
    assert _refusal(data_copy, monkeypatch, row["id"]) == (
        f"primary/excerpts.csv, row {number}, field 'checked_against': 'no-such-copy' should be the id of "
        "the second copy, listed in sources.csv."
    )


def test_a_first_hand_row_that_names_a_copy_is_refused(data_copy: Path) -> None:
    first_hand = next(row for row in ROWS if row["provenance"] == "first-hand")
    number = edit_cell(data_copy / "primary" / "excerpts.csv", first_hand["id"], "copy_of", "Some document")
    problems = [p for p in validate_package(data_copy) if p.field == "copy_of" and p.row == number]
    assert [p.message for p in problems] == [
        "a first-hand text copies nothing: leave it empty, or make provenance 'copy'"
    ]


def test_an_unknown_provenance_is_refused_by_the_schema(data_copy: Path) -> None:
    number = edit_cell(data_copy / "primary" / "excerpts.csv", ROWS[0]["id"], "provenance", "mirror")
    problems = [p for p in validate_package(data_copy) if p.field == "provenance" and p.row == number]
    assert problems and all("\n" not in str(p) for p in problems)


@pytest.mark.parametrize("row", COPIES, ids=lambda row: row["id"])
def test_a_copy_is_shown_as_a_copy_with_the_check_and_the_unread_original(row: dict[str, str]) -> None:
    second = {s.id: s for s in data.load("sources")}[row["checked_against"]]
    shown = show_excerpt(row["id"])
    page, plain = shown._repr_html_(), str(shown)
    line = shown.source_line
    assert line.startswith(f"Text as reproduced by {row['publisher']} (")
    assert f"; checked against {second.publisher} ({second.publisher_type}), " in line
    assert f"[{second.id}]" not in line and f"[{row['sources']}]" not in line
    assert line.endswith(
        f"; the {row['copy_of_publisher']}'s own copy of the {row['copy_of']} ({row['copy_of_url']}) "
        "was not read for this kit."
    )
    assert line in plain
    for url in (row["url"], second.url, row["copy_of_url"]):
        link = f'<a href="{html.escape(url)}" style="text-decoration:underline">{html.escape(url)}</a>'
        assert link in page
    assert html.escape("was not read for this kit.") in page


def test_a_first_hand_text_is_not_called_a_copy() -> None:
    for row in ROWS:
        if row["provenance"] == "first-hand":
            line = excerpt(row["id"]).source_line
            assert line.startswith(f"Source: {row['publisher']} (") and "not read for this kit" not in line
            assert row["sources"] not in line, "a student never reads the source's raw id"
