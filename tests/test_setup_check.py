"""The start-here setup check: its logic without a kernel, and its widget inside one."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.setup_check import environment_report, report_as_html, show_setup_check


def test_report_is_all_ok_in_the_kit_environment() -> None:
    lines = environment_report()
    assert [line.name for line in lines] == ["Python", "ipywidgets", "anywidget", "matplotlib", "Data folder"]
    assert all(line.ok for line in lines), [line for line in lines if not line.ok]


def test_missing_data_folder_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEBOOK_DATA", str(tmp_path / "nowhere"))
    data_line = environment_report()[-1]
    assert not data_line.ok
    assert "CASEBOOK_DATA" in data_line.detail
    html = report_as_html(environment_report())
    assert "✘ Problem" in html


def test_button_click_shows_the_report() -> None:
    box = show_setup_check()
    button, result = box.children
    button.click()
    assert "Setup check" in result.value
    assert "All set" in result.value
