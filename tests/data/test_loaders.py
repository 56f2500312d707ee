"""Loaders: typed records from any working directory, CASEBOOK_DATA, and clear errors on bad files."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from casebook import data
from casebook.data import DataError, DataFolderNotFound
from casebook.maintain.data_hashes import update_hashes
from tests.data.conftest import edit_cell


def test_loaders_work_from_another_working_directory(tmp_path: Path) -> None:
    script = (
        "from casebook import data\n"
        "print(len(data.load('invocations')), data.briefing_metadata().date, len(data.transcript_text()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["17", "2023-05-11", "21758"]


def test_loading_never_imports_frictionless_jsonschema_or_matplotlib(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from casebook import data\n"
        "for name in data.resource_names(): data.load(name)\n"
        "data.transcript_text(); data.briefing_metadata()\n"
        "heavy = ('frictionless', 'jsonschema', 'matplotlib', 'pandas')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_records_are_typed_and_missing_is_none_not_zero() -> None:
    rows = {r.id: r for r in data.load("invocations")}
    first = rows["m01"]
    assert first.invoked == date(1992, 1, 1) and first.invoked_precision == "year"
    assert first.route is None and first.report_date is None and first.experts == ()
    assert rows["m04"].invoking_states is None
    assert rows["m10"].experts == ("Benedek", "Bílková", "Sassòli")
    with pytest.raises(AttributeError):
        first.year = 1993  # type: ignore[misc]  # records are frozen


def test_load_returns_a_fresh_list_each_time() -> None:
    first = data.load("glossary")
    first.clear()
    assert data.load("glossary")


def test_casebook_data_points_at_another_copy(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_cell(data_copy / "glossary.csv", "OSCE", "note", "Edited in a copy.")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    osce = next(r for r in data.load("glossary") if r.term == "OSCE")
    assert osce.note == "Edited in a copy."


def test_no_data_folder_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(DataFolderNotFound, match="CASEBOOK_DATA is set to"):
        data.load("claims")


def test_a_folder_without_datapackage_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path))
    with pytest.raises(DataError, match="datapackage.json: no such file"):
        data.resource_names()


def test_a_bad_cell_stops_loading_with_file_row_and_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = edit_cell(data_copy / "belarus" / "political_prisoners.csv", "p05", "count", "about 600")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(DataError) as caught:
        data.load("political_prisoners")
    message = str(caught.value)
    assert "political_prisoners.csv" in message and f"row {row}" in message and "field 'count'" in message


def test_a_value_outside_the_schema_list_stops_loading(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = edit_cell(data_copy / "timeline.csv", "t05", "track", "world")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(
        DataError, match=rf"timeline.csv, row {row}, field 'track': 'world' is not one of osce"
    ):
        data.load("timeline")


def test_a_changed_transcript_is_refused(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_copy / "briefing" / "transcript.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(DataError, match="git checkout"):
        data.transcript_text()


def test_a_changed_file_is_read_again(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    assert len(data.load("glossary")) > 1
    path = data_copy / "glossary.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2]), encoding="utf-8")
    assert len(data.load("glossary")) == 1


def test_load_refuses_a_non_table_and_names_the_tables() -> None:
    with pytest.raises(DataError, match="not a table.*invocations"):
        data.load("transcript")
    with pytest.raises(DataError, match="no resource called 'invocation'"):
        data.load("invocation")


def test_broken_metadata_names_the_file_and_field(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_copy / "briefing" / "metadata.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    del metadata["date"]
    path.write_text(json.dumps(metadata), encoding="utf-8")
    update_hashes(data_copy)
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(DataError, match=r"metadata.json, field 'date': missing"):
        data.briefing_metadata()
