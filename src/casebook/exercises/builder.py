"""Build the student notebooks in ``exercises/`` from the notebooks in ``solutions/``.

The solutions are the single source. For each ``solutions/NN_name.ipynb`` the builder writes
``exercises/NN_name.ipynb`` in which

- code solution regions become placeholders that still run (``casebook.exercises.placeholders``);
- written answers (a markdown cell tagged ``solution``, or text between ``<!-- BEGIN SOLUTION -->``
  and ``<!-- END SOLUTION -->``) become the prompt ``*Write your answer here.*``;
- a code cell tagged ``solution`` is one region as a whole;
- cells tagged ``solution-only`` (strict checks, teacher notes) are left out;
- every output and execution count is cleared;
- everything else (cell ids, cell and notebook metadata, other cells) is kept as it is.

The output is a pure function of the solution file, so re-running gives byte-identical files, and
``check_up_to_date`` can tell whether ``exercises/`` is what the builder would write.

The solutions and the course's check definitions (``course/checks/``, ``casebook.paths.checks_dir``)
must agree: a ``check("ex01.q1", ...)`` with no definition, or a definition no solution calls, stops
the build with a problem naming the notebook and cell, or the definition file.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from casebook import paths
from casebook.checks.registry import Registry
from casebook.exercises.markers import (
    ANSWER_PROMPT,
    MarkerError,
    has_code_markers,
    has_markdown_markers,
    strip_code_solutions,
    strip_markdown_solutions,
)
from casebook.exercises.placeholders import code_placeholder
from casebook.files import write_atomic
from casebook.problems import Problem, ProblemsError

SOLUTION_TAG = "solution"
SOLUTION_ONLY_TAG = "solution-only"


class SolutionMarkupError(ProblemsError):
    """One or more solutions notebooks cannot be turned into exercises; ``problems`` says where and why.

    Each ``Problem`` names the notebook (``file``), the cell (``cell``, with its number from 1, id and
    first line) and the line in the cell where there is one, or the definition file and check id
    (``field``) for a check no solution calls.
    """


@dataclass(frozen=True)
class Drift:
    """One way in which ``exercises/`` differs from what the builder would write."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class BuildReport:
    """What ``build`` did: notebooks written, left as they were, and exercise notebooks with no solution."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    extra: list[Path] = field(default_factory=list)


def exercise_notebook(solution: NotebookNode, source: str = "notebook") -> NotebookNode:
    """The student copy of a solutions notebook (a new object; the input is not changed).

    ``source`` names the notebook in error messages. Raises SolutionMarkupError listing every
    problem found, each with the cell number (from 1), the cell id and the line in the cell.
    """
    problems: list[Problem] = []
    exercise = copy.deepcopy(solution)
    kept = []
    for number, cell in enumerate(exercise.cells, start=1):
        tags = cell.get("metadata", {}).get("tags", [])
        if SOLUTION_ONLY_TAG in tags:
            continue
        try:
            _strip_cell(cell, SOLUTION_TAG in tags)
        except MarkerError as error:
            where = _locate(solution.cells[number - 1], number)
            problems.append(Problem(source, error.message, line=error.line, cell=where))
        kept.append(cell)
    problems += _check_answers_are_required(solution, source)
    if problems:
        raise SolutionMarkupError(problems)
    exercise.cells = kept
    return exercise


def render_exercise(solution_path: Path) -> str:
    """The exact text of the exercise notebook generated from one solutions notebook."""
    return _render(_read_solution(solution_path), solution_path)


def _render(solution: NotebookNode, solution_path: Path) -> str:
    exercise = exercise_notebook(solution, str(solution_path))
    try:
        nbformat.validate(exercise)
    except nbformat.ValidationError as error:  # would be a bug in this module, not in the input
        problem = Problem(str(solution_path), f"generated an invalid notebook: {error.message}")
        raise SolutionMarkupError([problem]) from None
    text = nbformat.writes(exercise)
    return text if text.endswith("\n") else text + "\n"


def generate(solutions_dir: Path, checks_dir: Path | None = None) -> dict[str, str]:
    """File name → text of every exercise notebook, from every ``*.ipynb`` directly in ``solutions_dir``.

    The checks the solutions call are matched with the definitions in ``checks_dir`` (default: the
    course's, ``casebook.paths.checks_dir()``). Raises SolutionMarkupError with the problems of all
    notebooks together, so one run shows them all.
    """
    solutions_dir = Path(solutions_dir)
    if not solutions_dir.is_dir():
        raise SolutionMarkupError([Problem(str(solutions_dir), "no such folder")])
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    calls: list[CheckCall] = []
    for path in sorted(solutions_dir.glob("*.ipynb")):
        try:
            solution = _read_solution(path)
            texts[path.name] = _render(solution, path)
            calls += check_calls(solution, str(path))
        except SolutionMarkupError as error:
            problems += error.problems
    if not problems:
        folder = Path(checks_dir) if checks_dir is not None else paths.checks_dir()
        problems += definition_problems(calls, Registry(folder=folder), solutions_dir)
    if problems:
        raise SolutionMarkupError(problems)
    return texts


@dataclass(frozen=True)
class CheckCall:
    """One ``check("id", ...)`` in a solutions notebook: the id and where the call is."""

    check_id: str
    where: str  # the notebook and the cell, as problems name them
    source: str


def check_calls(solution: NotebookNode, source: str = "notebook") -> list[CheckCall]:
    """Every ``check(...)`` call in the code cells of ``solution`` (solution-only cells included).

    A call whose first argument is not the id written as a text is reported with the id "" so that
    ``definition_problems`` can say so: the build must be able to tell which check a cell uses.
    """
    found = []
    for number, cell in enumerate(solution.cells, start=1):
        if cell.cell_type == "code":
            found += [
                CheckCall(check_id, _locate(cell, number), source) for check_id in _called_ids(cell.source)
            ]
    return found


def definition_problems(calls: list[CheckCall], registry: Registry, solutions_dir: Path) -> list[Problem]:
    """Calls with no definition, and definitions no call uses; the definitions' own problems first."""
    if registry.load_error:
        return [Problem(str(solutions_dir), f"cannot be checked against its checks: {registry.load_error}")]
    known = set(registry.ids())
    problems = []
    for call in calls:
        if not call.check_id:
            message = "check(...) must get the exercise id written as a text, as in check('ex01.q1', answer)"
            problems.append(Problem(call.source, message, cell=call.where))
        elif call.check_id not in known:
            problems.append(
                Problem(
                    call.source,
                    f"check('{call.check_id}') has no definition; {registry.unknown(call.check_id)}",
                    cell=call.where,
                )
            )
    used = {call.check_id for call in calls}
    for check_id in sorted(known - used):
        origin = registry.origin(check_id)
        problems.append(
            Problem(
                str(origin) if origin else str(solutions_dir),
                f"the check '{check_id}' is defined, but no notebook in {solutions_dir} calls it; call "
                f"it from a solution, or delete its definition",
                field=check_id,
            )
        )
    return problems


def build(solutions_dir: Path, exercises_dir: Path, checks_dir: Path | None = None) -> BuildReport:
    """Write ``exercises_dir`` from ``solutions_dir``; only files whose text changes are rewritten.

    Nothing is written if any solutions notebook has a problem (SolutionMarkupError). Exercise
    notebooks without a solution are reported in ``extra`` and left alone: deleting files is the
    teacher's decision. ``checks_dir`` is as for ``generate``.
    """
    texts = generate(solutions_dir, checks_dir)
    exercises_dir = Path(exercises_dir)
    exercises_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    for name, text in texts.items():
        target = exercises_dir / name
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            report.unchanged.append(target)
            continue
        write_atomic(target, data)
        report.written.append(target)
    report.extra = [path for path in sorted(exercises_dir.glob("*.ipynb")) if path.name not in texts]
    return report


def check_up_to_date(solutions_dir: Path, exercises_dir: Path, checks_dir: Path | None = None) -> list[Drift]:
    """Every exercise notebook that is missing, differs from what ``build`` would write, or has no solution.

    An empty list means ``exercises_dir`` is up to date. Raises SolutionMarkupError if a solutions
    notebook cannot be turned into an exercise, or its checks and their definitions disagree.
    """
    texts = generate(solutions_dir, checks_dir)
    exercises_dir = Path(exercises_dir)
    drifts: list[Drift] = []
    for name, text in texts.items():
        target = exercises_dir / name
        if not target.is_file():
            drifts.append(Drift(target, f"missing (generated from {Path(solutions_dir) / name})"))
        elif target.read_bytes() != text.encode("utf-8"):
            drifts.append(Drift(target, f"differs from what {Path(solutions_dir) / name} generates"))
    if exercises_dir.is_dir():
        for path in sorted(exercises_dir.glob("*.ipynb")):
            if path.name not in texts:
                drifts.append(Drift(path, f"extra: there is no {Path(solutions_dir) / path.name}"))
    return drifts


def _read_solution(path: Path) -> NotebookNode:
    """Read a solutions notebook exactly as stored; problems become SolutionMarkupError.

    Cell ids are checked on the raw JSON first, because nbformat would invent random ids for
    missing or repeated ones (and then the exercises would differ on every run).
    """
    try:
        text = path.read_text(encoding="utf-8")
        raw = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SolutionMarkupError([Problem(str(path), f"cannot be read as a notebook: {error}")]) from None
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        raise SolutionMarkupError(
            [Problem(str(path), "is not a version 4 Jupyter notebook", field="nbformat")]
        )
    cells = raw.get("cells")
    if not isinstance(cells, list):
        raise SolutionMarkupError([Problem(str(path), "has no list of cells", field="cells")])
    problem = _cell_id_problem(cells, raw.get("nbformat_minor"))
    if problem:
        raise SolutionMarkupError([Problem(str(path), problem, field="id")])
    try:
        nbformat.validate(copy.deepcopy(raw))
    except nbformat.ValidationError as error:
        where = "/".join(str(part) for part in error.absolute_path) or None
        problem_ = Problem(str(path), f"is not a valid notebook: {error.message}", field=where)
        raise SolutionMarkupError([problem_]) from None
    return nbformat.reads(text, as_version=nbformat.NO_CONVERT)


def _cell_id_problem(cells: list[object], minor: object) -> str:
    """Why the cell ids stop a faithful copy (none missing in format 4.5+, none repeated), or ""."""
    if not isinstance(minor, int) or minor < 5:
        return ""  # before format 4.5 cells have no ids
    ids = [cell.get("id") if isinstance(cell, dict) else None for cell in cells]
    missing = [n for n, cell_id in enumerate(ids, start=1) if not cell_id]
    if missing:
        cells_text = f"cells {_numbers(missing)} have" if len(missing) > 1 else f"cell {missing[0]} has"
        return (
            f"{cells_text} no id, so the exercise could not keep the ids; open and save the notebook in "
            f"JupyterLab 4, which gives every cell an id"
        )
    seen: dict[object, int] = {}
    for n, cell_id in enumerate(ids, start=1):
        if cell_id in seen:
            return f"cells {seen[cell_id]} and {n} have the same id '{cell_id}'; give one of them a new id"
        seen[cell_id] = n
    return ""


def _strip_cell(cell: NotebookNode, tagged_solution: bool) -> None:
    """Replace the solutions in one cell, in place; raises MarkerError."""
    if cell.cell_type == "code":
        original = cell.source
        if tagged_solution:
            if has_code_markers(original):
                raise MarkerError(
                    1, "the cell is tagged 'solution' and also has markers; use one or the other"
                )
            cell.source = "\n".join(code_placeholder(original.split("\n"), "", before=[], after=[]))
        else:
            cell.source = strip_code_solutions(original)
        _require_valid_python(original, cell.source)
        cell.outputs = []
        cell.execution_count = None
    elif cell.cell_type == "markdown":
        if tagged_solution:
            if has_markdown_markers(cell.source):
                raise MarkerError(
                    1, "the cell is tagged 'solution' and also has markers; use one or the other"
                )
            cell.source = ANSWER_PROMPT
        else:
            cell.source = strip_markdown_solutions(cell.source)
    elif has_code_markers(cell.source) or has_markdown_markers(cell.source):
        raise MarkerError(1, f"solution markers are not supported in {cell.cell_type} cells")


def _require_valid_python(original: str, generated: str) -> None:
    """If the solution cell is plain Python, its student copy must be too (cells with magics are skipped)."""
    if generated == original or not _parses(original):
        return
    try:
        ast.parse(generated)
    except SyntaxError as error:
        raise MarkerError(
            error.lineno or 1,
            f"the student copy of this cell would not be valid Python ({error.msg}); put the region "
            f"around whole statements",
        ) from None


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError):
        return False
    return True


def _check_answers_are_required(solution: NotebookNode, source: str) -> list[Problem]:
    """A solutions notebook that calls check() must call require_answers() in a solution-only cell.

    Without it, a check left unanswered in the solutions would print "Not answered yet" and pass
    the test run unnoticed (``casebook.checks`` never fails an unanswered check on its own).
    """
    calls_check = requires = False
    for cell in solution.cells:
        if cell.cell_type != "code":
            continue
        if SOLUTION_ONLY_TAG in cell.get("metadata", {}).get("tags", []):
            requires = requires or _calls(cell.source, "require_answers")
        else:
            calls_check = calls_check or _calls(cell.source, "check")
    if calls_check and not requires:
        return [
            Problem(
                source,
                "calls check(...) but no cell tagged 'solution-only' calls require_answers(); add one "
                "before the first check, with: from casebook.checks import require_answers; "
                "require_answers()",
            )
        ]
    return []


def _calls(source: str, function: str) -> bool:
    """Whether the code calls ``function`` (by name or as an attribute); a regex for cells with magics."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return bool(re.search(rf"^[^#]*\b{function}\s*\(", source, re.MULTILINE))
    return any(isinstance(node, ast.Call) and _is_call_of(node, function) for node in ast.walk(tree))


CHECK_CALL_TEXT = re.compile(r"""^[^#]*\bcheck\s*\(\s*(?:(['"])([^'"]+)\1)?""", re.MULTILINE)


def _called_ids(source: str) -> list[str]:
    """The first argument of each ``check(...)`` call in the code ("" if it is not a text literal)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):  # a cell with magics: read the calls from the text
        return [match.group(2) or "" for match in CHECK_CALL_TEXT.finditer(source)]
    ids = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_call_of(node, "check"):
            first = node.args[0] if node.args else None
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            ids.append(first.value if literal else "")  # type: ignore[union-attr]
    return ids


def _is_call_of(node: ast.Call, function: str) -> bool:
    return (isinstance(node.func, ast.Name) and node.func.id == function) or (
        isinstance(node.func, ast.Attribute) and node.func.attr == function
    )


def _locate(cell: NotebookNode, number: int) -> str:
    first = next((line.strip() for line in cell.source.split("\n") if line.strip()), "")
    if len(first) > 40:
        first = first[:37] + "..."
    return f"cell {number} (id '{cell.get('id', '?')}', {cell.cell_type}, starting '{first}')"


def _numbers(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
