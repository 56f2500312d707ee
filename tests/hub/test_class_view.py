"""The teacher's view of the hand-in folder: counts, share right, wrong answers, skipped files, Refresh."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from casebook.quiz.class_chart import share_right
from casebook.quiz.class_view import read_class
from casebook.quiz.class_widget import show_class_results, summary_html
from casebook.quiz.handin import hand_in
from tests.conftest import ROOT
from tests.hub.conftest import export_of

SAMPLE = ROOT / "instructors" / "sample-handin"


def test_the_sample_class_counts_answers_right_and_wrong_and_names_the_broken_files() -> None:
    summary = read_class(SAMPLE)
    assert summary.state == "ready" and summary.students == 4
    by_id = {q.question: q for q in summary.questions}
    record = by_id["on_the_record"]
    assert (record.students, record.answered, record.right) == (4, 4, 1) and record.share_right == 0.25
    assert record.wrong_answers[0][1] == 2  # the commonest wrong answer, given by two students
    assert by_id["dating_clues"].answered == 0 and by_id["dating_clues"].share_right is None
    assert "why_flaws_matter" not in by_id  # a reflection has no right answer
    skipped = sorted(Path(p.file).name for p in summary.skipped)
    assert skipped == ["casebook-answers-01_the_briefing--eve-broken.json",
                       "casebook-answers-01_the_briefing--fay-notjson.json"]  # fmt: skip


def test_the_view_shows_a_figure_with_alt_text_a_table_and_the_skipped_files() -> None:
    html = summary_html(read_class(SAMPLE))
    assert "4 students have" in html and "<table" in html and "most common wrong answers" in html
    alt = re.search(r'alt="([^"]+)"', html).group(1)
    assert alt.startswith("Bar chart of 10 quiz questions") and "1 of 4 who answered were right" in alt
    assert "Source: students" in alt and "eve-broken" in html and "not valid JSON" in html


def test_the_figure_has_a_title_labelled_axes_and_a_source_line() -> None:
    chart = share_right(read_class(SAMPLE).questions)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") and axes.get_xlabel() == "Number of students" and axes.get_ylabel()
    assert any(t.get_text().startswith("Source: ") for t in chart.figure.texts)
    with pytest.raises(ValueError, match="at least one graded question"):
        share_right([])


@pytest.mark.parametrize(
    ("folder", "state", "words"),
    [(None, "no-folder", "No hand-in folder is set"), ("missing", "missing", "does not exist"),
     ("empty", "empty", "No student has handed in yet")],
)  # fmt: skip
def test_no_folder_a_missing_one_and_an_empty_one_each_say_so(
    tmp_path: Path, folder: str | None, state: str, words: str
) -> None:
    (tmp_path / "empty").mkdir()
    path = tmp_path / folder if folder else None
    summary = read_class(path)
    assert summary.state == state and summary.students == 0 and words in summary_html(summary)


def test_refresh_reads_new_hand_ins(tmp_path: Path, progress: Path) -> None:
    folder = tmp_path / "handin"
    folder.mkdir()
    view = show_class_results(folder)
    assert view.summary.state == "empty"
    hand_in(export_of("Ada", {"on_the_record": 0}), folder, {"JUPYTERHUB_USER": "ada"})
    view.refresh_button.click()
    assert view.summary.students == 1 and "1 student has" in view.content.value
    bundle = view._repr_mimebundle_()
    assert bundle["text/html"] == view.content.value and "application/vnd.jupyter.widget-view+json" in bundle


def test_a_hostile_file_name_or_content_never_stops_the_view(tmp_path: Path) -> None:
    folder = tmp_path / "handin"
    shutil.copytree(SAMPLE, folder)
    (folder / "casebook-answers-x.json").mkdir()  # a folder with an export's name
    (folder / "casebook-answers-<script>.json").write_text('{"format": "casebook-answers"}')
    html = summary_html(read_class(folder))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert read_class(folder).students == 4


def test_a_fifo_in_the_hand_in_folder_is_named_and_skipped_not_waited_on(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "handin"
    shutil.copytree(SAMPLE, folder)
    os.mkfifo(folder / "casebook-answers-trap.json")  # nobody ever writes to it: reading would block
    summary = read_class(folder)
    assert summary.students == 4
    assert any("casebook-answers-trap.json" in str(p) and "FIFO" in str(p) for p in summary.skipped)


def test_the_teachers_notebook_is_stripped_defines_no_helpers_and_runs_under_make_notebooks() -> None:
    import nbformat

    notebook = nbformat.read(ROOT / "instructors" / "class_results.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)
    assert not any(re.search(r"^\s*(def|class|lambda)\b", cell.source, re.M) for cell in code)
    assert any("show_class_results()" in cell.source for cell in code)  # the class's own folder
    assert any('show_class_results("sample-handin")' in cell.source for cell in code)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "instructors/class_results.ipynb" in makefile.split("\nnotebooks:")[1].split("\n\n")[0]
