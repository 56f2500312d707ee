"""The checks behind the browser suite, on hand-written page snapshots and saved notebooks."""

from __future__ import annotations

from typing import Any

from tests.browser.output_checks import WIDGET_MIME, notebook_problems


def _out(mime: str = "text/plain", text: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "mime": mime,
        "text": text,
        "widget_error": False,
        "widget_rendered": False,
        "images": [],
        **extra,
    }


def _cell(index: int, prompt: str = "[1]:", outputs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"index": index, "type": "code", "prompt": prompt, "outputs": outputs or []}


def _shown(*cells: dict[str, Any]) -> dict[str, Any]:
    return {"kernel": "Python 3 (ipykernel) | Idle", "cells": list(cells)}


def _saved(*outputs_per_cell: list[dict[str, Any]]) -> dict[str, Any]:
    return {"cells": [{"cell_type": "code", "outputs": outs} for outs in outputs_per_cell]}


WIDGET_OUTPUT = {
    "output_type": "display_data",
    "data": {WIDGET_MIME: {"model_id": "abc"}, "text/plain": "VBox()"},
}
PNG_OUTPUT = {
    "output_type": "display_data",
    "data": {"image/png": "iVBOR...", "text/plain": "<Figure>"},
}
GOOD_IMAGE = {"tag": "img", "alt": "Bar chart: b is twice a.", "loaded": True}


def test_a_clean_run_has_no_problem() -> None:
    shown = _shown(
        {"index": 0, "type": "markdown", "prompt": "", "outputs": []},
        _cell(1, outputs=[_out("", "Check my setup", widget_rendered=True)]),
        _cell(2, "[2]:", [_out("text/html", images=[GOOD_IMAGE])]),
        _cell(
            3,
            "[3]:",
            [_out("application/vnd.jupyter.stderr", "Matplotlib is building the font cache")],
        ),
    )
    saved = {"cells": [{"cell_type": "markdown"}] + _saved([WIDGET_OUTPUT], [], [])["cells"]}
    assert notebook_problems(shown, saved) == []


def test_a_traceback_and_the_cells_after_it_are_reported() -> None:
    traceback = "----\nValueError    Traceback (most recent call last)\nValueError: bad input"
    shown = _shown(_cell(0, "[1]:", [_out("application/vnd.jupyter.stderr", traceback)]), _cell(1, "[ ]:"))
    saved = _saved([{"output_type": "error", "ename": "ValueError", "evalue": "bad input"}], [])
    assert notebook_problems(shown, saved) == [
        "cell 1 shows an error: ValueError: bad input",
        "cell 2 did not run (prompt '[ ]:')",
        "cell 1 raised ValueError: bad input",
    ]


def test_a_cell_still_busy_is_reported() -> None:
    assert notebook_problems(_shown(_cell(0, "[*]:")), _saved([])) == ["cell 1 did not run (prompt '[*]:')"]


def test_widgets_left_loading_or_in_error_are_reported() -> None:
    shown = _shown(
        _cell(0, outputs=[_out("", "Loading widget...")]),
        _cell(1, outputs=[_out("", "Error displaying widget: model not found", widget_rendered=True)]),
        _cell(
            2,
            outputs=[_out("", "Click to show javascript error.", widget_error=True, widget_rendered=True)],
        ),
    )
    problems = notebook_problems(shown, _saved([WIDGET_OUTPUT], [WIDGET_OUTPUT], [WIDGET_OUTPUT]))
    assert problems == [
        "cell 1: a widget left as 'Loading widget...'",
        "cell 2: a widget failed: 'Error displaying widget: model not found'",
        "cell 3: a widget failed: the widget's code could not be loaded (error widget shown)",
    ]


def test_a_widget_shown_as_plain_text_is_reported() -> None:
    shown = _shown(_cell(0, outputs=[_out("text/plain", "VBox(children=(Button(...),))")]))
    [problem] = notebook_problems(shown, _saved([WIDGET_OUTPUT]))
    assert problem.startswith("cell 1: 1 widget(s) the kernel displayed are not on the page")


def test_figures_must_load_and_carry_real_alt_text() -> None:
    shown = _shown(
        _cell(0, outputs=[_out("image/png", images=[{"tag": "img", "alt": None, "loaded": True}])]),
        _cell(1, outputs=[_out("text/html", images=[{"tag": "img", "alt": "Image", "loaded": True}])]),
        _cell(2, outputs=[_out("text/html", images=[{**GOOD_IMAGE, "loaded": False}])]),
    )
    problems = notebook_problems(shown, _saved([PNG_OUTPUT], [], []))
    assert problems[0].startswith("cell 1: a figure has no text alternative (alt is None)")
    assert problems[1].startswith("cell 2: a figure has no text alternative (alt is 'Image')")
    assert problems[2] == "cell 3: a figure did not load (broken image data or address)"
    assert len(problems) == 3


def test_a_figure_the_kernel_made_but_the_page_lacks_is_reported() -> None:
    shown = _shown(_cell(0, outputs=[_out("text/plain", "<Figure size 640x480 with 1 Axes>")]))
    assert notebook_problems(shown, _saved([PNG_OUTPUT])) == [
        "cell 1: 1 figure(s) the kernel made are not on the page"
    ]


def test_an_error_the_cell_is_tagged_to_raise_is_not_a_problem() -> None:
    traceback = "ZeroDivisionError    Traceback (most recent call last)\nZeroDivisionError: division by zero"
    shown = _shown(_cell(0, "[1]:", [_out("application/vnd.jupyter.stderr", traceback)]), _cell(1, "[2]:"))
    saved = _saved([{"output_type": "error", "ename": "ZeroDivisionError", "evalue": "division by zero"}], [])
    saved["cells"][0]["metadata"] = {"tags": ["raises-exception"]}
    assert notebook_problems(shown, saved) == []
    saved["cells"][0]["metadata"] = {}
    assert len(notebook_problems(shown, saved)) == 2


def test_a_notebook_that_fits_one_window_is_looked_at_once() -> None:
    from tests.browser.output_checks import part_offsets

    assert part_offsets(900, 15900) == [0]
    assert part_offsets(15900, 15900) == [0]


def test_a_taller_notebook_is_looked_at_in_overlapping_parts_that_reach_its_end() -> None:
    from tests.browser.output_checks import part_offsets

    offsets = part_offsets(23829, 15900, overlap=400)
    assert offsets == [0, 7929]
    tall = part_offsets(50000, 15900, overlap=400)
    assert tall[0] == 0 and tall[-1] == 50000 - 15900
    for before, after in zip(tall, tall[1:], strict=False):
        assert 0 < after - before <= 15900 - 400  # each part overlaps the one before


def test_a_window_no_taller_than_the_overlap_is_refused() -> None:
    import pytest

    from tests.browser.output_checks import part_offsets

    with pytest.raises(ValueError, match="cannot overlap"):
        part_offsets(5000, 400, overlap=400)


def test_violations_of_the_parts_are_merged_by_rule_with_each_element_once() -> None:
    from tests.browser.accessibility import Violation, merge_violations

    contrast = Violation("color-contrast", "serious", "contrast", ("#a", "#b"), "url")
    again = Violation("color-contrast", "serious", "contrast", ("#b", "#c"), "url")
    label = Violation("label", "critical", "label", ("#d",), "url2")
    merged = merge_violations([[contrast], [again, label]])
    assert [(v.rule, v.targets) for v in merged] == [
        ("color-contrast", ("#a", "#b", "#c")),
        ("label", ("#d",)),
    ]
    assert merge_violations([[], []]) == []
