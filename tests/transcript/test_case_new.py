"""`casebook case new` (issue 19): any corpus briefing becomes a folder that validates, whose quiz points
at its own sentences and whose explorer notebook runs under nbval; anything else stops with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.case import load_transcript, quiz_path
from casebook.cli import main
from casebook.quiz import load_quiz
from casebook.quiz.passages import resolve

CORPUS = Path(__file__).resolve().parents[1] / "transcripts" / "corpus"
# Three corpus briefings the lessons do not use: a 2023 daily briefing, a 2011 background briefing en
# route, and a media hub call with mixed-case labels.
NOT_IN_LESSONS = ["09-dpb-2023-05-22", "12-background-2011-12-05-bonn", "14-hub-brussels-telephone"]


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cases")
    for name in NOT_IN_LESSONS:
        assert main(["case", "new", str(CORPUS / f"{name}.txt"), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize("name", NOT_IN_LESSONS)
def test_the_case_folder_holds_everything_and_validates(cases: Path, name: str, capsys) -> None:  # noqa: ANN001
    folder = cases / name
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == sorted(
        [
            "README.md", "explore.ipynb", "data/datapackage.json", "data/transcript.txt", "data/case.json",
            "data/case.schema.json", "data/claims.csv", f"data/quizzes/{name}.yaml",
        ]
    )  # fmt: skip
    assert (folder / "data" / "transcript.txt").read_bytes() == (CORPUS / f"{name}.txt").read_bytes()
    capsys.readouterr()
    assert main(["validate", str(folder / "data"), str(quiz_path(folder))]) == 0
    assert "all valid" in capsys.readouterr().out


def test_the_metadata_fills_in_what_the_page_gives_and_marks_the_rest_unknown(cases: Path) -> None:
    import json

    bonn = json.loads((cases / "12-background-2011-12-05-bonn" / "data" / "case.json").read_text("utf-8"))
    assert bonn["date"]["value"] == "2011-12-05" and bonn["place"]["value"] == "En Route Bonn"
    assert bonn["transcript"]["source_url"] == "unknown"
    assert [p["label"] for p in bonn["people"]] == [
        "SENIOR STATE DEPARTMENT OFFICIAL THREE",
        "SENIOR STATE DEPARTMENT OFFICIAL ONE",
    ]
    hub = json.loads((cases / "14-hub-brussels-telephone" / "data" / "case.json").read_text("utf-8"))
    assert hub["date"]["value"] == "unknown" and hub["place"]["value"] == "unknown"


@pytest.mark.parametrize("name", NOT_IN_LESSONS)
def test_the_quiz_points_at_real_sentences_of_its_own_transcript(cases: Path, name: str) -> None:
    folder = cases / name
    briefing = load_transcript(folder)
    quiz = load_quiz(quiz_path(folder))
    assert quiz.questions
    for question in quiz.questions:
        assert question.type == "evidence"
        right = [option for option in question.options if option.correct]
        assert len(right) == 1
        for option in question.options:
            passage = resolve(option.ref, briefing)
            assert passage.text == briefing.sentence(option.ref.turn, option.ref.sentence).text


def test_the_claims_worksheet_quotes_briefers_sentences_with_the_verdict_left_to_fill(cases: Path) -> None:
    import csv

    folder = cases / "12-background-2011-12-05-bonn"
    briefing = load_transcript(folder)
    rows = list(csv.DictReader((folder / "data" / "claims.csv").open(encoding="utf-8")))
    assert rows and all(row["verdict"] == "" and row["sources"] == "" for row in rows)
    for row in rows:
        turn, sentence = (int(part.split()[1]) for part in row["where"].split(", "))
        assert briefing.turn(turn).role == "briefer"  # "turn 3, sentence 2": numbers counted from 1
        assert row["claim"] == briefing.sentence(turn, sentence).text


def test_every_explorer_notebook_runs_top_to_bottom_under_nbval(cases: Path) -> None:
    env = {**os.environ, "CASEBOOK_PROGRESS_DIR": str(cases / ".progress"), "MPLBACKEND": "Agg"}
    env.pop("CASEBOOK_FIGURE_CACHE", None)  # a teacher's own figures are drawn, not looked up
    notebooks = [str(cases / name / "explore.ipynb") for name in NOT_IN_LESSONS]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q", *notebooks],
        cwd=cases,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout and "failed" not in run.stdout


def _refused(tmp_path: Path, file: Path, *words: str) -> None:
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "casebook", "case", "new", str(file), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{file}: "), run.stderr
    for word in words:
        assert word in lines[0]
    assert "nothing was written" in lines[0] and "Traceback" not in run.stderr
    assert not out.exists() or not any(out.iterdir())


def test_a_text_without_speaker_labels_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "essay.txt"
    file.write_text("The OSCE has 57 participating States.\n\nIt was founded in 1975.\n", encoding="utf-8")
    _refused(tmp_path, file, "has no speaker labels")


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "briefing.pdf"
    file.write_bytes(b"%PDF-1.7\n\x00\x01\x02\x03 binary stream")
    _refused(tmp_path, file, "is a binary file")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "empty.txt"
    file.write_bytes(b"")
    _refused(tmp_path, file, "is empty")


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    file = tmp_path / "huge.txt"
    with file.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of size, no disk
    _refused(tmp_path, file, "is larger than 8 MB")


def test_a_name_already_taken_writes_nothing(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    source = CORPUS / "14-hub-brussels-telephone.txt"
    (tmp_path / "hub").mkdir()
    (tmp_path / "hub" / "mine.txt").write_text("the teacher's own file", encoding="utf-8")
    assert main(["case", "new", str(source), "--name", "hub", "--out", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "hub").iterdir()] == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["hub"]  # no staging folder left behind
