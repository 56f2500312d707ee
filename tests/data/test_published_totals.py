"""data.published_totals(): the totals sources publish, kept with the invocations table; a broken
entry is one DataError naming the file and the field, never a KeyError in a lesson."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casebook import data
from casebook.data import DataError
from casebook.paths import ENV_DATA


def test_the_totals_are_the_descriptors_own_list_in_its_order() -> None:
    totals = data.published_totals()
    assert totals == data.describe("invocations")["casebook:publishedTotals"]
    assert [t["total"] for t in totals][:2] == [7, 9]  # ODIHR's older "seven times", then "nine"
    assert any(t["total"] is None and "dozen" in t["as_stated"] for t in totals)
    assert all(t["sources"] and t["by"] for t in totals)


def _edit(folder: Path, change: Any) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "invocations")
    change(resource)
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        (lambda r: r.pop("casebook:publishedTotals"), "invocations/casebook:publishedTotals", "missing"),
        (
            lambda r: r["casebook:publishedTotals"].append(3),
            "invocations/casebook:publishedTotals/8",
            "object",
        ),
        (lambda r: r["casebook:publishedTotals"][1].pop("total"), "publishedTotals/1/total", "missing"),
        (lambda r: r["casebook:publishedTotals"][0].update(total="7"), "publishedTotals/0/total", "not text"),
        (
            lambda r: r["casebook:publishedTotals"][0].update(total=True),
            "publishedTotals/0/total",
            "true/false",
        ),
        (lambda r: r["casebook:publishedTotals"][2].update(by=""), "publishedTotals/2/by", "must be a text"),
        (
            lambda r: r["casebook:publishedTotals"][2].update(sources="S32"),
            "publishedTotals/2/sources",
            "list",
        ),
    ],
    ids=["no-list", "not-an-object", "no-total", "total-text", "total-bool", "empty-by", "sources-text"],
)
def test_a_broken_entry_names_the_file_and_the_field(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, change: Any, field: str, says: str
) -> None:
    _edit(data_copy, change)
    monkeypatch.setenv(ENV_DATA, str(data_copy))
    with pytest.raises(DataError) as error:
        data.published_totals()
    message = str(error.value)
    assert message.startswith(f"{data_copy / 'datapackage.json'}, field '") and field in message, message
    assert says in message and "\n" not in message
