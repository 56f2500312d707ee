"""Records shown as tables: right cells, escaped HTML with headers and caption, clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from casebook.tables import cell_text, table


@dataclass(frozen=True)
class Count:
    as_of: date | None
    count: int
    sources: tuple[str, ...]
    note: str | None = None


RECORDS = [
    Count(date(2023, 4, 30), 1495, ("S12",)),
    Count(None, 1486, ("S6", "S1"), "as-of date <unknown> & not found"),
]


def test_cell_text_reads_like_a_person_would_write_it() -> None:
    assert cell_text(None) == ""
    assert cell_text(date(2023, 5, 11)) == "2023-05-11"
    assert cell_text(("S6", "S1")) == "S6; S1"
    assert cell_text(True) == "yes"
    assert cell_text(0.25) == "0.25"
    assert cell_text(2.0) == "2"
    assert cell_text(1486) == "1486"
    assert cell_text("two\n  lines") == "two lines"


def test_table_takes_every_field_of_dataclasses_by_default() -> None:
    shown = table(RECORDS)
    assert shown.headers == ("as of", "count", "sources", "note")
    assert shown.rows == (
        ("2023-04-30", "1495", "S12", ""),
        ("", "1486", "S6; S1", "as-of date <unknown> & not found"),
    )
    assert len(shown) == 2


def test_table_picks_columns_renames_headers_and_reads_mappings() -> None:
    shown = table([{"id": "c01", "verdict": "V"}], ["verdict", "id"], headers={"id": "Claim"})
    assert shown.headers == ("verdict", "Claim")
    assert shown.rows == (("V", "c01"),)


def test_html_has_caption_column_headers_and_escapes_text() -> None:
    page = table(RECORDS, ["count", "note"], caption="Counts & notes")._repr_html_()
    assert "<caption" in page and "Counts &amp; notes</caption>" in page
    assert page.count('<th scope="col"') == 2
    assert "as-of date &lt;unknown&gt; &amp; not found" in page
    assert "<unknown>" not in page


def test_text_form_aligns_columns_and_clips_long_cells() -> None:
    long = [{"text": "word " * 40, "n": 1}]
    text = str(table(long, caption="Long"))
    lines = text.splitlines()
    assert lines[0] == "Long"
    assert lines[1].startswith("text") and lines[1].rstrip().endswith("n")
    assert lines[3].endswith("1") and "..." in lines[3]
    assert max(len(line) for line in lines) < 70


def test_a_missing_column_names_the_column_the_record_and_its_fields() -> None:
    with pytest.raises(ValueError, match=r"record 2 has no field 'verdict'; its fields are: id"):
        table([{"id": "c01", "verdict": "V"}, {"id": "c02"}], ["id", "verdict"])


def test_no_records_give_an_empty_table() -> None:
    assert len(table([], ["id"])) == 0
    assert table([]).headers == ()


def test_values_that_are_not_records_give_a_clear_message() -> None:
    with pytest.raises(ValueError, match="a int is not a record with fields"):
        table([1, 2])
    with pytest.raises(ValueError, match="record 1 has no field 'id'"):
        table(["text"], ["id"])


def test_long_urls_wrap_inside_their_cell_so_the_table_never_scrolls_sideways() -> None:
    from casebook.tables import table

    url = "https://example.org/" + "a" * 300
    html_text = table([{"id": "S1", "url": url}])._repr_html_()
    assert html_text.count("overflow-wrap:anywhere") == 2
