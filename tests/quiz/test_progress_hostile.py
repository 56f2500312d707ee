"""The progress store against broken files, unwritable folders and what a browser can send (issue 20,
class 5). In each case the quiz still shows, says what happened, and saves what it can."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casebook.quiz import progress
from casebook.quiz.normalise import clean_answer, clean_text
from casebook.quiz.progress import ProgressStore
from casebook.quiz.widgets import QuestionPanel, QuizView
from tests.quiz.conftest import FAKE


def quiz_view(quiz: Any, store: ProgressStore, tmp_path: Path) -> QuizView:
    return QuizView(quiz, store, export_dir=tmp_path / "out", transcript=FAKE)


def panel(view: QuizView, question_id: str) -> QuestionPanel:
    return next(p for p in view.panels if p.question.id == question_id)


def send(p: QuestionPanel, event: str, value: Any) -> None:
    """What the browser sends for a Check (ipywidgets hands it to the widget like this)."""
    p.widget._handle_custom_msg({"event": event, "value": value}, [])


def stored(store: ProgressStore) -> dict[str, Any]:
    return json.loads(store.path.read_bytes().decode("utf-8"))  # strict UTF-8: the file must be valid


# -- files that are not progress -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00\x01binary\x80\x81",
        json.dumps({"format": "casebook-progress", "version": 1, "answers": {}}).encode("utf-16"),
    ],
    ids=["binary", "utf-16"],
)
def test_a_progress_file_that_is_not_utf8_is_moved_aside_and_the_quiz_shows(
    every_type, progress_dir: Path, tmp_path: Path, content: bytes
) -> None:
    progress_dir.mkdir(parents=True)
    (progress_dir / "every_type.json").write_bytes(content)
    warnings: list[str] = []
    store = ProgressStore("every_type", warn=warnings.append)
    view = quiz_view(every_type, store, tmp_path)
    assert len(warnings) == 1 and "is not UTF-8 text" in warnings[0] and "moved to" in warnings[0]
    assert "is not UTF-8 text" in view.notice.value
    aside = list(progress_dir.glob("every_type.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content  # nothing is lost
    send(panel(view, "number"), "check", "38")
    assert stored(store)["answers"]["number"]["status"] == "correct"  # and saving goes on


def test_a_progress_path_that_is_a_folder_or_too_large_is_moved_aside(
    progress_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (progress_dir / "q.json").mkdir(parents=True)
    warnings: list[str] = []
    assert ProgressStore("q", warn=warnings.append).load()["answers"] == {}
    assert "is a folder" in warnings[0] and (progress_dir / "q.json").is_file() is False
    monkeypatch.setattr(progress, "MAX_PROGRESS_BYTES", 100)
    (progress_dir / "big.json").write_text(json.dumps({"format": "casebook-progress", "pad": "x" * 200}))
    ProgressStore("big", warn=warnings.append).load()
    assert "larger than 100 bytes" in warnings[1]


# -- folders that cannot be written, locks that cannot be taken ----------------------------------


def refuse(*_args: object, **_kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_a_read_only_progress_folder_shows_the_quiz_and_says_answers_cannot_be_saved(
    every_type, progress_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress_dir.mkdir(parents=True)
    # A read-only folder, as a learner meets it (the tests may run as root, whom chmod does not stop):
    # neither the lock file nor any new file can be created there.
    monkeypatch.setattr(progress, "open", refuse, raising=False)
    monkeypatch.setattr(progress.tempfile, "mkstemp", refuse)
    store = ProgressStore("every_type", warn=lambda _message: None)
    view = quiz_view(every_type, store, tmp_path)
    assert "answers cannot be saved here" in view.notice.value and "read-only" in view.notice.value
    send(panel(view, "number"), "check", "38")
    feedback = panel(view, "number").widget.feedback_html
    assert "✔ Correct" in feedback and "✘ Not saved: Permission denied" in feedback
    send(panel(view, "thoughts"), "check", "I think the mechanism matters because it is fast.")
    feedback = panel(view, "thoughts").widget.feedback_html
    assert "✔ Saved" not in feedback and "✘ Not saved" in feedback
    assert "your answer could not be saved (Permission denied)" in view.notice.value
    assert view.notice.value.count("could not be saved") == 1  # said once, not once per click


def test_a_lock_path_that_is_a_folder_gives_one_warning_and_answers_are_still_saved(
    progress_dir: Path,
) -> None:
    (progress_dir / ".quiz1.lock").mkdir(parents=True)
    warnings: list[str] = []
    store = ProgressStore("quiz1", warn=warnings.append)
    assert store.load()["answers"] == {}
    store.save_answer("q1", {"answer": 1})
    store.save_answer("q2", {"answer": 2})
    assert sorted(stored(store)["answers"]) == ["q1", "q2"]
    assert len(warnings) == 1 and "cannot be used" in warnings[0] and "saved without it" in warnings[0]


# -- what a browser can send -------------------------------------------------------------------


def test_a_stored_name_with_a_lone_surrogate_does_not_stop_later_saves(progress_dir: Path) -> None:
    progress_dir.mkdir(parents=True)
    # A JSON file may spell a lone surrogate as an escape; json.loads gives Python a str it cannot encode.
    (progress_dir / "quiz1.json").write_text(
        '{"format": "casebook-progress", "version": 1, "quiz": "quiz1", '
        '"name": "Ada \\ud800", "answers": {}}',
        encoding="utf-8",
    )
    store = ProgressStore("quiz1")
    assert store.load()["name"] == "Ada \ufffd"
    store.save_answer("q1", {"answer": "x\ud800y"})
    store.save_answer("q2", {"answer": 2})
    saved = stored(store)
    assert saved["name"] == "Ada \ufffd" and saved["answers"]["q1"]["answer"] == "x\ufffdy"
    assert sorted(saved["answers"]) == ["q1", "q2"]


def test_a_name_from_the_browser_is_cleaned_before_it_is_saved(progress_dir: Path) -> None:
    store = ProgressStore("quiz1")
    store.save_name("  Zo\u0065\u0301\ud800\x07 " + "x" * 500)
    name = stored(store)["name"]
    assert name.startswith("Zo\u00e9\ufffd x") and len(name) <= progress.MAX_NAME_CHARS


def test_a_reflection_with_a_lone_surrogate_is_saved_and_says_so(
    every_type, progress_dir: Path, tmp_path: Path
) -> None:
    store = ProgressStore("every_type")
    view = quiz_view(every_type, store, tmp_path)
    text = "I think \ud83d it is\r\nslow\x00 because states disagree."
    send(panel(view, "thoughts"), "check", text)
    assert "✔ Saved" in panel(view, "thoughts").widget.feedback_html
    assert (
        stored(store)["answers"]["thoughts"]["answer"]
        == "I think \ufffd it is\nslow because states disagree."
    )


def test_a_reflection_that_cannot_be_saved_never_shows_saved(
    every_type, progress_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProgressStore("every_type")
    view = quiz_view(every_type, store, tmp_path)

    def broken(*_args: object) -> None:
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(store, "save_answer", broken)
    send(panel(view, "thoughts"), "check", "A reflection of a few words at least.")
    feedback = panel(view, "thoughts").widget.feedback_html
    assert "✔ Saved" not in feedback and "✘ Not saved" in feedback and "casebook-fb-unsaved" in feedback
    monkeypatch.undo()
    send(panel(view, "thoughts"), "check", "A reflection of a few words at least, again.")
    assert "✔ Saved" in panel(view, "thoughts").widget.feedback_html  # a later save that works says so


def test_the_export_name_is_cleaned_too(every_type, progress_dir: Path, tmp_path: Path) -> None:
    view = quiz_view(every_type, ProgressStore("every_type"), tmp_path)
    view.name.value = "Ada\ud800"
    path = view.export()
    assert path is not None and "Ada\ufffd" in path.read_bytes().decode("utf-8")


# -- the boundary: clean_text -----------------------------------------------------------------------


def test_clean_text_replaces_drops_composes_and_caps() -> None:
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("e\u0301") == "\u00e9"
    assert clean_text("one\r\ntwo\rthree\x00\x1b[31m\x7f\x85\tend") == "one\ntwo\nthree[31m\tend"
    assert clean_text("x" * 50, limit=10) == "x" * 10
    assert clean_answer(["a\ud800", 3, None]) == ["a\ufffd", 3, None] and clean_answer(4) == 4


@given(st.text(alphabet=st.characters(codec=None), max_size=300), st.integers(1, 400))
def test_clean_text_always_gives_short_nfc_utf8_without_controls(text: str, limit: int) -> None:
    cleaned = clean_text(text, limit)
    cleaned.encode("utf-8")  # never raises
    assert len(cleaned) <= limit and unicodedata.is_normalized("NFC", cleaned)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n" for c in cleaned)


def test_what_the_browser_sends_is_cleaned_before_the_widget_holds_it(
    every_type, progress_dir: Path, tmp_path: Path
) -> None:
    view = quiz_view(every_type, ProgressStore("every_type"), tmp_path)
    words = panel(view, "words")
    send(words, "answer", "Final\ud800 Act\x1b")
    json.dumps(words.widget.value, ensure_ascii=False).encode("utf-8")  # Jupyter can send it back
    assert words.widget.value == "Final\ufffd Act"


def test_in_a_real_kernel_a_reflection_with_a_lone_surrogate_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(tmp_path / "progress"))
    nb = new_notebook(
        cells=[
            new_code_cell("from casebook.quiz import show_quiz\nquiz = show_quiz('00_start_here')\nquiz"),
            new_code_cell(
                "p = next(p for p in quiz.panels if p.question.type == 'reflection')\n"
                "p.widget._handle_custom_msg({'event': 'check', 'value': 'I think \\ud800 it works.'}, [])\n"
                "print(p.widget.feedback_html)"
            ),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    feedback = "".join(out.get("text", "") for out in nb.cells[1].outputs)
    assert "✔ Saved" in feedback and "Traceback" not in feedback
    saved = json.loads((tmp_path / "progress" / "00_start_here.json").read_bytes().decode("utf-8"))
    assert any(r.get("answer") == "I think \ufffd it works." for r in saved["answers"].values())
