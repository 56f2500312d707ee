"""Solutions and generated exercises under nbval in strict mode, as `make test` runs them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from casebook.exercises import build
from tests.exercises.conftest import DEMO_CHECKS, DEMO_COURSE, code, markdown, notebook, write

REQUIRE = "from casebook.checks import require_answers\nrequire_answers()"
READ = (
    "import hashlib\nfrom casebook.checks import check\nfrom casebook.paths import data_dir\n"
    "raw = (data_dir() / 'briefing' / 'transcript.txt').read_bytes()\n"
    "check('demo.transcript_sha256', hashlib.sha256(raw).hexdigest())\ntext = raw.decode('utf-8')"
)


def solution(answer: str) -> object:
    """A solutions notebook whose one answer is ``answer`` (a right one, a wrong one, or the placeholder)."""
    return notebook(
        markdown("# Count the words\nHow many words does the transcript have?", "title"),
        code(REQUIRE, "strict", tags=["solution-only"]),
        code(READ, "read"),
        code(
            f"### BEGIN SOLUTION\nwords = {answer}\n### END SOLUTION\ncheck('demo.transcript_words', words)",
            "ans",
        ),
        markdown(
            "Why split at whitespace?\n<!-- BEGIN SOLUTION -->\nIt is simple.\n<!-- END SOLUTION -->", "why"
        ),
    )


def test_right_solutions_pass_wrong_or_unfinished_ones_fail_and_exercises_run(tmp_path: Path) -> None:
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    write(solution("len(text.split())"), solutions / "01_right.ipynb")
    write(solution("len(text.split()) + 1"), solutions / "02_wrong.ipynb")
    write(solution("..."), solutions / "03_unfinished.ipynb")
    build(solutions, exercises, DEMO_CHECKS)
    env = {**os.environ, "CASEBOOK_STRICT": "1", "CASEBOOK_COURSE": str(DEMO_COURSE)}
    command = ["-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-p", "no:xdist", "-rA"]
    result = subprocess.run(
        [sys.executable, *command, "solutions", "exercises/01_right.ipynb"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    summary = re.findall(r"^(PASSED|FAILED) (\S+::Cell \d+)", result.stdout, re.MULTILINE)  # the -rA summary
    outcome = {cell: status for status, cell in summary}
    assert len(outcome) == 3 * 3 + 2, result.stdout[
        -3000:
    ]  # three solutions of 3 code cells, one exercise of 2
    failed = sorted(cell for cell, status in outcome.items() if status == "FAILED")
    assert failed == ["solutions/02_wrong.ipynb::Cell 2", "solutions/03_unfinished.ipynb::Cell 2"], (
        result.stdout[-3000:]
    )
    # nbval counts code cells from 0; the exercise has no solution-only cell, so its check is Cell 1
    assert outcome["exercises/01_right.ipynb::Cell 1"] == "PASSED", "the exercise's unanswered check ran"
    assert "is too high" in result.stdout
    assert "Not answered yet" in result.stdout
