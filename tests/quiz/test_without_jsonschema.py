"""Where jsonschema is absent (the browser-only course), a shipped quiz shows as usual and an edited one
is refused in one line naming the file, never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from casebook.quiz.load import NO_SCHEMA_CHECK, quizzes_dir

# Run in a fresh interpreter with jsonschema made unimportable, as it is in Pyodide.
NO_JSONSCHEMA = "import sys; sys.modules['jsonschema'] = None\n"


def _python(code: str, progress: Path) -> str:
    env_code = f"import os; os.environ['CASEBOOK_PROGRESS_DIR'] = {str(progress)!r}\n"
    done = subprocess.run(
        [sys.executable, "-c", NO_JSONSCHEMA + env_code + code], capture_output=True, text=True
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_a_shipped_quiz_loads_without_jsonschema(tmp_path: Path) -> None:
    code = "from casebook.quiz import load_quiz\nprint(len(load_quiz('03_moscow_mechanism').questions))"
    assert int(_python(code, tmp_path)) > 0


def test_an_edited_quiz_is_refused_in_one_line_naming_the_file(tmp_path: Path) -> None:
    edited = tmp_path / "03_moscow_mechanism.yaml"
    edited.write_text(
        (quizzes_dir() / edited.name).read_text(encoding="utf-8") + "# edited\n", encoding="utf-8"
    )
    code = f"from casebook.quiz import show_quiz\nprint(repr(show_quiz({str(edited)!r})))"
    out = _python(code, tmp_path)
    assert f"{edited}: {NO_SCHEMA_CHECK}" in out
    assert "Traceback" not in out
