"""A verdict question in a case made by `casebook case new` reads the case's own claims worksheet.

The claim shown, the verdict revealed and what its sources say all come from the case's
``data/claims.csv``, never from the kit's claims or sources; a claim id that is not in the case's
worksheet is one line naming that file.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from casebook import data
from casebook.case import new_case, quiz_path
from casebook.quiz import load_quiz, show_quiz
from casebook.quiz.load import validate_quiz_file
from casebook.quiz.model import VerdictQuestion
from casebook.quiz.progress import ProgressStore
from casebook.quiz.static import answer_key_html
from casebook.quiz.widgets import QuizView

CORPUS = Path(__file__).resolve().parents[1] / "transcripts" / "corpus"
REASON = "No second source gives this figure."
THEIR_SOURCES = "The ministry's own release gives the same figure: https://example.org/release"


def _send(panel: Any, event: str, value: Any = None) -> None:
    panel.widget._handle_custom_msg({"event": event, "value": value}, [])


def _fill_in(folder: Path, verdict: str, sources: str) -> dict[str, str]:
    """Fill in the first claim's verdict and sources, as a teacher does; return that row."""
    path = folder / "data" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    rows[0].update(verdict=verdict, sources=sources)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows[0]


def _add_verdict_item(folder: Path, claim_id: str) -> Path:
    """Add a verdict question on ``claim_id`` to the case's starter quiz, as a teacher would."""
    path = quiz_path(folder)
    quiz = yaml.safe_load(path.read_text(encoding="utf-8"))
    item = {"id": "predict_first", "type": "verdict", "prompt": "Your verdict first.", "claim": claim_id}
    quiz["questions"].append(item)
    path.write_text(yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def case(tmp_path: Path) -> Path:
    return new_case(CORPUS / "12-background-2011-12-05-bonn.txt", out=tmp_path / "cases")


def _commit(quiz_file: Path) -> str:
    quiz = load_quiz(quiz_file)
    view = QuizView(quiz, ProgressStore(quiz.id))
    (panel,) = [p for p in view.panels if isinstance(p.question, VerdictQuestion)]
    _send(panel, "answer", {"verdict": "V", "reason": REASON})
    _send(panel, "check", {"verdict": "V", "reason": REASON})
    assert panel.widget.locked
    return panel.widget.answer_html


def test_the_reveal_uses_the_cases_own_claim_verdict_and_sources(case: Path, progress_dir: Path) -> None:
    row = _fill_in(case, "U", THEIR_SOURCES)
    quiz_file = _add_verdict_item(case, row["id"])
    question = load_quiz(quiz_file).question("predict_first")
    assert isinstance(question, VerdictQuestion) and question.claim_text == row["claim"]

    shown = _commit(quiz_file).replace("&#x27;", "'")
    assert "You said “Verified”; the case's claims.csv says “Uncertain or disputed”" in shown
    assert "The case's verdict" in shown and "beside the case's" in shown
    assert "https://example.org/release" in shown
    kit = {claim.id: claim for claim in data.load("claims")}
    if row["id"] in kit:  # the kit's claim with the same id is never what the case shows
        assert kit[row["id"]].sources_say[:40] not in shown
    assert "The kit" not in shown and "the kit's" not in shown


def test_a_claim_without_a_verdict_yet_says_so(case: Path, progress_dir: Path) -> None:
    row = _fill_in(case, "", "")
    shown = _commit(_add_verdict_item(case, row["id"])).replace("&#x27;", "'")
    assert "the case's claims.csv gives no verdict on this claim yet" in shown
    assert "names no source for this claim yet" in shown


def test_a_claim_id_not_in_the_cases_claims_is_one_line_naming_its_file(case: Path) -> None:
    quiz_file = _add_verdict_item(case, "c99")
    problems = validate_quiz_file(quiz_file)
    claims_file = str((case / "data" / "claims.csv").resolve())
    last = len(yaml.safe_load(quiz_file.read_text(encoding="utf-8"))["questions"]) - 1
    assert [p.field for p in problems] == [f"questions[{last}].claim"]
    assert f"'c99' is not a claim id of {claims_file}" in problems[0].message
    shown = show_quiz(quiz_file)
    assert "c99" in repr(shown) and claims_file in repr(shown)


def test_the_answer_key_gives_the_cases_verdict_and_sources(case: Path) -> None:
    row = _fill_in(case, "U", THEIR_SOURCES)
    key = answer_key_html(load_quiz(_add_verdict_item(case, row["id"]))).replace("&#x27;", "'")
    assert f"The case's verdict on claim {row['id']}: Uncertain or disputed" in key
    assert f"Sources: {THEIR_SOURCES}" in key and "The kit's verdict" not in key
