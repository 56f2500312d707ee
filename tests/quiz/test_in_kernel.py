"""The quiz in a real Jupyter kernel: driven by code in the kernel, and its static fallback in an HTML
export of the start-here lesson (what nbviewer and GitHub show)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from tests.conftest import ROOT

QUIZ_CELL = 'show_quiz("00_start_here")'


def run(nb: nbformat.NotebookNode, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(tmp_path / "progress"))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    return nb


def stream_text(cell: nbformat.NotebookNode) -> str:
    return "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream")


def test_a_kernel_drives_the_quiz_and_reads_feedback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = new_notebook(
        cells=[
            new_code_cell("from casebook.quiz import show_quiz\nquiz = show_quiz('00_start_here')\nquiz"),
            new_code_cell(
                "p = quiz.panels[0]\n"
                "right = next(o['value'] for o in p.widget.options if o['label'].startswith('Restart'))\n"
                "p.widget._handle_custom_msg({'event': 'check', 'value': right}, [])  # as sent\n"
                "print(p.widget.feedback_html)\n"
                "n = quiz.panels[2]\n"
                "n.widget._handle_custom_msg({'event': 'check', 'value': 'forty'}, [])\n"
                "print(n.widget.feedback_html)"
            ),
            new_code_cell("print(quiz.summary_text.value)"),  # updated once the click's reply is out
            new_code_cell(
                "import sys\nprint(sorted(m for m in ('matplotlib', 'pandas') if m in sys.modules))"
            ),
        ]
    )
    nb = run(nb, tmp_path, monkeypatch)
    shown = nb.cells[0].outputs[0]
    assert "application/vnd.jupyter.widget-view+json" in shown.data and "text/html" in shown.data
    text = stream_text(nb.cells[1])
    assert "✔ Correct" in text and "is not a number" in text
    assert "Score: 1 of 7 points · 1 of 8 questions answered" in stream_text(nb.cells[2])
    assert stream_text(nb.cells[3]).strip() == "[]"  # a quiz-only lesson never loads matplotlib
    assert (tmp_path / "progress" / "00_start_here.json").exists()


def test_the_lesson_exported_to_html_shows_the_questions_but_no_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nbconvert import HTMLExporter

    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    assert any(QUIZ_CELL in cell.source for cell in nb.cells if cell.cell_type == "code")
    nb = run(nb, tmp_path, monkeypatch)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "Check yourself: how this course works" in html
    assert "What should you do" in html or "quickest way back to a clean state" in html
    assert "Restart the kernel and run all cells from the top" in html  # an option, shown
    assert "The kernel forgets everything" not in html  # its feedback, not shown
    assert "signed on 1 August 1975" not in html  # an explanation, not shown


def test_answers_survive_a_kernel_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = new_notebook(
        cells=[
            new_code_cell(
                "from casebook.quiz import show_quiz\nquiz = show_quiz('00_start_here')\n"
                "p = quiz.panels[3]\n"
                "p.widget._handle_custom_msg({'event': 'check', 'value': 'Helsinki Final Act'}, [])"
            )
        ]
    )
    run(answer, tmp_path, monkeypatch)
    again = new_notebook(
        cells=[
            new_code_cell(
                "from casebook.quiz import show_quiz\nquiz = show_quiz('00_start_here')\np = quiz.panels[3]\n"
                "print(repr(p.answer), p.widget.locked)\nprint(p.widget.feedback_html)"
            )
        ]
    )
    text = stream_text(run(again, tmp_path, monkeypatch).cells[0])
    assert "'Helsinki Final Act' True" in text and "✔ Correct" in text
