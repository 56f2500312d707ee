"""A hand-edited datapackage.json of the wrong shape: ``validate`` names the file and the field in one
line, ``data.load`` raises DataError, and neither ever raises anything else (issue 20, class 6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casebook import data
from casebook.cli import main
from casebook.data import DataError
from casebook.data.validation import validate_package
from casebook.maintain.data_hashes import update_hashes
from casebook.problems import Problem
from tests.data.conftest import edit_cell

Descriptor = dict[str, Any]


def edit_descriptor(folder: Path, change: Callable[[Descriptor], None]) -> None:
    """Apply ``change`` to the parsed datapackage.json in ``folder`` and write it back."""
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def resource(descriptor: Descriptor, name: str) -> Descriptor:
    return next(r for r in descriptor["resources"] if isinstance(r, dict) and r.get("name") == name)


def index_of(descriptor: Descriptor, name: str) -> int:
    return next(i for i, r in enumerate(descriptor["resources"]) if r.get("name") == name)


def problems_in_cli(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problem lines ``casebook validate FOLDER`` prints; it must exit 1 without a traceback."""
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    lines = out.splitlines()
    assert lines[-1].startswith("1 file checked: ") and lines[-1].endswith(("problem.", "problems."))
    return lines[:-1]


def only_descriptor_problem(folder: Path) -> Problem:
    problems = validate_package(folder)
    assert len(problems) == 1, "\n".join(map(str, problems))
    assert problems[0].file.endswith("datapackage.json")
    return problems[0]


SOURCES = 3  # the position of the sources table in the shipped descriptor (checked below)


def test_the_position_used_below_is_the_sources_table() -> None:
    from tests.data.conftest import DATA

    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert index_of(descriptor, "sources") == SOURCES


BROKEN_SHAPES: dict[str, tuple[Callable[[Descriptor], None], str, str]] = {
    "fields is not a list": (
        lambda d: resource(d, "sources")["schema"].update(fields="id,url,publisher"),
        f"resources/{SOURCES}/schema/fields",
        "must be a list of field objects, not text",
    ),
    "a field is not an object": (
        lambda d: resource(d, "sources")["schema"]["fields"].__setitem__(0, "id"),
        f"resources/{SOURCES}/schema/fields/0",
        "each field must be an object with a 'name', not text",
    ),
    "the schema is a string": (
        lambda d: resource(d, "sources").update(schema="sources.schema.json"),
        f"resources/{SOURCES}/schema",
        "must be the Table Schema itself (an object with 'fields'), not text",
    ),
    "casebook:rules is not a list": (
        lambda d: resource(d, "sources").update({"casebook:rules": {"if": {"field": "url"}}}),
        f"resources/{SOURCES}/casebook:rules",
        "must be a list of rules, not an object",
    ),
    "missingValues is a number": (
        lambda d: resource(d, "sources")["schema"].update(missingValues=0),
        f"resources/{SOURCES}/schema/missingValues",
        'must be a list of texts such as [""], not a number',
    ),
    "a constraint list is text": (
        lambda d: resource(d, "sources")["schema"]["fields"][0].update(constraints="required"),
        f"resources/{SOURCES}/schema/fields/0/constraints",
        "must be an object, not text",
    ),
    "the path leaves the data folder": (
        lambda d: resource(d, "sources").update(path="../../etc/passwd"),
        f"resources/{SOURCES}/path",
        "'../../etc/passwd' must be a relative path inside the data folder (no URL, no '..', no drive)",
    ),
    "the path is a URL": (
        lambda d: resource(d, "sources").update(path="http://127.0.0.1:9/sources.csv"),
        f"resources/{SOURCES}/path",
        "'http://127.0.0.1:9/sources.csv' must be a relative path inside the data folder "
        "(no URL, no '..', no drive)",
    ),
    "the path has a NUL": (
        lambda d: resource(d, "sources").update(path="sources.csv\u0000.txt"),
        f"resources/{SOURCES}/path",
        "contains a control character (a line break, a NUL, ...)",
    ),
    "the path is compressed": (
        lambda d: resource(d, "sources").update(path="sources.csv.gz"),
        f"resources/{SOURCES}/path",
        "'sources.csv.gz' is a compressed file: the kit reads plain files only",
    ),
    "a compression is asked for": (
        lambda d: resource(d, "sources").update(compression="zip"),
        f"resources/{SOURCES}/compression",
        "the kit reads one plain file per resource: remove it",
    ),
    "the profile is an address": (
        lambda d: resource(d, "sources").update(profile="http://127.0.0.1:9/profile.json"),
        f"resources/{SOURCES}/profile",
        "must be the name of a standard profile, such as 'tabular-data-resource' "
        "(the kit fetches no profile from an address)",
    ),
    "the schema names a $schema": (
        lambda d: resource(d, "sources")["schema"].update({"$schema": "http://127.0.0.1:9/schema.json"}),
        f"resources/{SOURCES}/schema/$schema",
        "the kit reads Data Package 1 descriptors and fetches no profile from an address: remove it",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN_SHAPES))
def test_a_wrong_structure_is_one_line_naming_the_file_and_field(
    data_copy: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    change, field, message = BROKEN_SHAPES[case]
    edit_descriptor(data_copy, change)
    problems = validate_package(data_copy)
    structural = [p for p in problems if p.field == field]
    assert [(p.file.endswith("datapackage.json"), p.message) for p in structural] == [(True, message)]
    # the broken resource is left out of the later checks: at most, its file is now described by nothing
    assert not [p for p in problems if p.file.endswith("sources.csv") and "not described" not in p.message]
    lines = problems_in_cli(data_copy, capsys)
    assert any(line.endswith(f"datapackage.json, field '{field}': {message}") for line in lines), lines


def test_a_resource_that_is_not_an_object(data_copy: Path) -> None:
    edit_descriptor(data_copy, lambda d: d["resources"].__setitem__(SOURCES, "sources.csv"))
    problems = validate_package(data_copy)
    assert str(problems[0]).endswith(
        f"datapackage.json, field 'resources/{SOURCES}': each resource must be a JSON object, not text"
    )
    # sources.csv is now described by nothing, and every source id it held is unknown: both said plainly
    assert any(p.file.endswith("sources.csv") and "not described" in p.message for p in problems)


def test_resources_that_are_not_a_list_stop_validation_at_once(data_copy: Path) -> None:
    edit_descriptor(data_copy, lambda d: d.update(resources={"name": "sources"}))
    problem = only_descriptor_problem(data_copy)
    assert (problem.field, problem.message) == ("resources", "must be a list of resources, not an object")


@pytest.mark.parametrize(("key", "value"), [("$schema", 3), ("profile", "http://127.0.0.1:9/p.json")])
def test_a_top_level_profile_address_is_refused_before_frictionless_could_fetch_it(
    data_copy: Path, key: str, value: object
) -> None:
    edit_descriptor(data_copy, lambda d: d.update({key: value}))
    problem = only_descriptor_problem(data_copy)
    assert problem.field == key and "fetches no profile from an address" in problem.message


def test_too_many_resources_stop_validation_with_one_problem(data_copy: Path) -> None:
    edit_descriptor(data_copy, lambda d: d.update(resources=[{"name": "a", "path": "a.csv"}] * 5_000))
    problem = only_descriptor_problem(data_copy)
    assert (problem.field, problem.message) == ("resources", "5000 resources; the kit reads at most 200")


def test_too_many_fields_are_refused(data_copy: Path) -> None:
    many = [{"name": "x"}] * 20_000
    edit_descriptor(data_copy, lambda d: resource(d, "sources")["schema"].update(fields=many))
    problems = [
        (p.field, p.message) for p in validate_package(data_copy) if p.file.endswith("datapackage.json")
    ]
    fields = f"resources/{SOURCES}/schema/fields"
    assert problems == [
        (fields, "20000 fields; the kit reads at most 200"),
        (fields, "two fields are called 'x'; names must be unique"),
        (f"resources/{SOURCES}/schema/primaryKey", "names unknown fields ['id']"),
        (f"resources/{SOURCES}/casebook:rules/0", "names fields the table does not have: url, note"),
        (
            None,
            "the table 'sources' cannot be read, so the ids that refer to it are not checked "
            "(briefing_people/sources, claims/sources, invocations/sources, timeline/sources, "
            "political_prisoners/sources, glossary/sources, primary_excerpts/sources, "
            "primary_excerpts/checked_against)",
        ),
    ]


def test_a_descriptor_that_is_a_list(data_copy: Path) -> None:
    (data_copy / "datapackage.json").write_text("[1, 2, 3]\n", encoding="utf-8")
    problem = only_descriptor_problem(data_copy)
    assert problem.message == "the descriptor must be a JSON object, not a list"


@pytest.mark.parametrize("depth", [40, 100_000])
def test_a_deeply_nested_descriptor_is_refused_without_recursion(data_copy: Path, depth: int) -> None:
    path = data_copy / "datapackage.json"
    text = path.read_text(encoding="utf-8").rstrip().removesuffix("}")
    path.write_text(text + ', "casebook:notes": ' + "[" * depth + "]" * depth + "}\n", encoding="utf-8")
    problem = only_descriptor_problem(data_copy)
    assert problem.message == "nested more than 32 levels deep; the kit reads no deeper"
    with pytest.raises(DataError, match="nested more than 32 levels deep"):
        update_hashes(data_copy)


def test_an_oversized_descriptor_is_not_read(data_copy: Path) -> None:
    path = data_copy / "datapackage.json"
    text = path.read_text(encoding="utf-8").rstrip().removesuffix("}")
    path.write_text(text + ', "casebook:padding": "' + "x" * (2 * 1024 * 1024) + '"}\n', encoding="utf-8")
    problem = only_descriptor_problem(data_copy)
    assert problem.message == "is larger than 1 MB, the most the kit reads; it was not read"


@pytest.mark.parametrize("constant", ["NaN", "Infinity"])
def test_a_descriptor_with_nan_is_not_json(data_copy: Path, constant: str) -> None:
    edit_descriptor(data_copy, lambda d: resource(d, "sources").update(bytes="PLACEHOLDER"))
    path = data_copy / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"PLACEHOLDER"', constant), encoding="utf-8")
    problem = only_descriptor_problem(data_copy)
    assert problem.message == f"not valid JSON ({constant} is not a number JSON allows)"


def test_an_invalid_metadata_json_schema_is_named(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["date"]["type"] = 5
    path.write_text(json.dumps(schema, indent=2), encoding="utf-8")
    update_hashes(data_copy)
    problems = validate_package(data_copy)
    assert len(problems) == 1, problems
    assert problems[0].file.endswith("briefing/metadata.schema.json")
    assert problems[0].field == "properties/date/type"
    assert problems[0].message.startswith("not a valid JSON Schema: 5 is not valid under any of the given")


def test_a_metadata_json_schema_that_refers_to_itself_without_end(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.schema.json"
    path.write_text('{"$ref": "#"}\n', encoding="utf-8")
    update_hashes(data_copy)
    problems = validate_package(data_copy)
    assert [(p.file.endswith("metadata.schema.json"), p.field) for p in problems] == [(True, "$ref")]


def test_a_metadata_json_schema_with_an_unresolvable_ref(data_copy: Path) -> None:
    path = data_copy / "briefing" / "metadata.schema.json"
    path.write_text('{"$ref": "other.schema.json"}\n', encoding="utf-8")
    update_hashes(data_copy)
    problems = validate_package(data_copy)
    assert [(p.file.endswith("metadata.schema.json"), p.field) for p in problems] == [(True, "$ref")]
    assert "cannot be resolved" in problems[0].message


def test_metadata_that_is_a_list(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (data_copy / "briefing" / "metadata.json").write_text("[]\n", encoding="utf-8")
    update_hashes(data_copy)
    problems = validate_package(data_copy)
    assert [(p.file.endswith("briefing/metadata.json"), p.message) for p in problems] == [
        (True, "[] is not of type 'object'")
    ]
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(DataError, match=r"metadata.json: must be a JSON object of fields, not a list"):
        data.briefing_metadata()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date_evidence", "today", "field 'date_evidence': must be a list, not text"),
        ("date_evidence", ["today"], "field 'date_evidence/0': must be an object with clue, finding and"),
        ("sources", "S1", "field 'sources': must be a list of texts"),
        ("date", 20230511, "field 'date': must be a date written YYYY-MM-DD, not a number"),
        ("date", "11 May 2023", "field 'date': '11 May 2023' is not a date written YYYY-MM-DD"),
    ],
)
def test_metadata_fields_of_the_wrong_type_stop_loading_with_the_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: Any, message: str
) -> None:
    path = data_copy / "briefing" / "metadata.json"
    metadata = json.loads(path.read_text(encoding="utf-8"))
    metadata[field] = value
    path.write_text(json.dumps(metadata), encoding="utf-8")
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(DataError, match=message):
        data.briefing_metadata()


def test_a_wrong_structure_stops_loading_with_a_data_error(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit_descriptor(data_copy, lambda d: resource(d, "glossary")["schema"].update(missingValues=0))
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    with pytest.raises(
        DataError, match=r"datapackage.json, field 'resources/\d+/schema/missingValues': must be"
    ):
        data.load("glossary")
    assert data.load("claims")  # the other tables still load


def test_a_duplicate_source_id_names_the_id(data_copy: Path) -> None:
    row = edit_cell(data_copy / "sources.csv", "S3", "id", "S2")
    problems = validate_package(data_copy)
    duplicate = [p for p in problems if p.row == row and "appears more than once" in p.message]
    assert [(p.field, p.message) for p in duplicate] == [
        ("id", "'S2' appears more than once (already in row 3); ids must be unique")
    ]
    assert not [p for p in problems if "None" in p.message]
