"""`casebook rubric`: list, print and check rubrics from the command line, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.cli import main


def test_lists_the_kits_rubrics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric"]) == 0
    assert "answer_the_question" in capsys.readouterr().out


def test_prints_a_rubric_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric", "capstone_brief"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The capstone brief: how it will be read") and "Ready to hand in" in out


def test_a_broken_file_is_reported_with_its_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\ncriteria: []\nbands: []\n", encoding="utf-8")
    assert main(["rubric", str(bad), "no_such_rubric"]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3, field 'criteria'" in out and "no rubric 'no_such_rubric'" in out
    assert "Traceback" not in out


def test_validate_checks_rubric_files_with_the_rubric_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import ROOT

    assert main(["validate", str(ROOT / "data" / "rubrics" / "capstone_brief.yaml")]) == 0
    assert "all valid" in capsys.readouterr().out
    folder = tmp_path / "rubrics"
    folder.mkdir()
    bad = folder / "broken.yaml"
    bad.write_text("id: broken\ntitle: Broken\ncriteria: []\nbands: []\n", encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert "field 'criteria'" in capsys.readouterr().out


def test_the_data_package_leaves_rubrics_to_their_own_validator() -> None:
    from casebook.data.validation import validate_package
    from tests.conftest import ROOT

    assert not [p for p in validate_package(ROOT / "data") if "rubrics" in p.file]
