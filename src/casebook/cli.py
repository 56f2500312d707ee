"""The ``casebook`` command: thin argument parsing over the package's modules.

Each subcommand imports what it needs when it runs, so ``casebook --help`` stays fast.
Every handler returns an exit code; expected failures print one clear message, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

Handler = Callable[[argparse.Namespace], int]


def _cmd_lab(args: argparse.Namespace) -> int:
    from casebook.maintain.lab import NotebookNotFound, lab_launch
    from casebook.paths import repo_root

    try:
        launch = lab_launch(args.notebook, kit=repo_root(), port=args.port, open_browser=not args.no_browser)
    except NotebookNotFound as error:
        print(error, file=sys.stderr)
        return 2
    print("Starting JupyterLab on 127.0.0.1 (press Ctrl+C twice to stop).", flush=True)
    os.execve(launch.args[0], launch.args, launch.env)  # the token is in the environment, not argv
    return 0  # not reached


def _cmd_readme(args: argparse.Namespace) -> int:
    from casebook.maintain.course import update_readme

    changed = update_readme(check=args.check)
    if args.check and changed:
        print("README.md's lesson table is out of date: run 'casebook readme' and commit the result.")
        return 1
    if not args.check:
        print("README.md lesson table " + ("updated." if changed else "already up to date."))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from casebook.maintain.validate import default_paths, validate_paths
    from casebook.text import plural

    paths = [Path(p) for p in args.paths] if args.paths else default_paths()
    problems = validate_paths(paths)
    for problem in problems:
        print(problem)
    from casebook.quiz.lint import print_quiz_lint

    print_quiz_lint(paths)  # quiz-quality warnings: advice, never a failure
    checked = f"{plural(len(paths), 'file')} checked"
    if problems:
        print(f"{checked}: {plural(len(problems), 'problem')}.")
        return 1
    print(f"{checked}: all valid.")
    return 0


def _cmd_rubric(args: argparse.Namespace) -> int:
    from pathlib import Path

    from casebook.rubric import RubricError, load_rubric, load_rubric_file, rubric_path, rubric_text

    if not args.names:
        folder = rubric_path("x").parent
        print("Rubrics: " + (", ".join(sorted(p.stem for p in folder.glob("*.yaml"))) or "none"))
        return 0
    status = 0
    for name in args.names:
        try:
            is_file = name.endswith((".yaml", ".yml"))
            rubric = load_rubric_file(Path(name)) if is_file else load_rubric(name)
        except RubricError as exc:
            print(exc)
            status = 1
            continue
        print(rubric_text(rubric), end="\n\n")
    return status


def _cmd_data_hash(args: argparse.Namespace) -> int:
    from pathlib import Path

    from casebook.data.package import DataError
    from casebook.maintain.data_hashes import update_hashes
    from casebook.paths import data_dir

    folder = Path(args.folder) if args.folder else data_dir()
    try:
        changed = update_hashes(folder)
    except DataError as error:
        print(error)
        return 1
    print(f"Hashes updated for: {', '.join(changed)}." if changed else "Every hash is already up to date.")
    return 0


def _cmd_exercises(args: argparse.Namespace) -> int:
    from casebook.exercises import SolutionMarkupError
    from casebook.paths import repo_root
    from casebook.text import plural

    def shown(path: Path) -> Path:  # relative to the working folder when inside it, for shorter messages
        return path.resolve().relative_to(Path.cwd()) if path.resolve().is_relative_to(Path.cwd()) else path

    solutions = shown(Path(args.solutions) if args.solutions else repo_root() / "solutions")
    exercises = shown(Path(args.exercises) if args.exercises else repo_root() / "exercises")
    try:
        return (_exercises_check if args.check else _exercises_build)(solutions, exercises)
    except SolutionMarkupError as error:
        for problem in error.problems:
            print(problem)
        outcome = f"{exercises}/ was not checked" if args.check else "no exercise notebook was written"
        print(f"{plural(len(error.problems), 'problem')} in {solutions}/: {outcome}.")
        return 1


def _exercises_build(solutions: Path, exercises: Path) -> int:
    from casebook.exercises import build

    report = build(solutions, exercises)
    for path in report.written:
        print(f"wrote {path}")
    for path in report.extra:
        print(f"{path} has no solutions notebook any more: delete it if it is stale.")
    total = len(report.written) + len(report.unchanged)
    print(
        f"{total} exercise notebook(s) from {solutions}/: {len(report.written)} written, "
        f"{len(report.unchanged)} already up to date."
    )
    return 1 if report.extra else 0


def _exercises_check(solutions: Path, exercises: Path) -> int:
    from casebook.exercises import check_up_to_date

    drifts = check_up_to_date(solutions, exercises)
    for drift in drifts:
        print(drift)
    if drifts:
        print(f"{exercises}/ is out of date: run 'casebook exercises' and commit the result.")
        return 1
    print(f"{exercises}/ is up to date with {solutions}/.")
    return 0


def _cmd_references(args: argparse.Namespace) -> int:
    from casebook import data
    from casebook.paths import repo_root
    from casebook.references import update_lessons

    folder = Path(args.notebooks) if args.notebooks else repo_root() / "notebooks"
    if folder.resolve().is_relative_to(Path.cwd()):  # shorter messages
        folder = folder.resolve().relative_to(Path.cwd())
    lessons = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not lessons:
        print(f"{folder}/ holds no lesson notebooks (NN_name.ipynb).")
        return 1
    quizzes = (
        Path(args.quizzes) if args.quizzes else (None if args.notebooks else repo_root() / "data" / "quizzes")
    )
    sources = data.load("sources")
    report = update_lessons(lessons, sources, check=args.check, quiz_folder=quizzes)
    guide = Path(args.guide) if args.guide else (None if args.notebooks else repo_root() / "instructors")
    if guide is not None and guide.resolve().is_relative_to(Path.cwd()):
        guide = guide.resolve().relative_to(Path.cwd())
    if guide is not None:
        from casebook.guide_references import guide_pages, update_guide

        pages = update_guide(guide_pages(guide), sources, check=args.check)
        report.problems += pages.problems
        report.changed += pages.changed
    for problem in report.problems:
        _say(problem)
    for path in report.changed:
        _say(f"{path}: its citations or Sources list are out of date" if args.check else f"wrote {path}")
    if args.check and report.changed:
        print("Run 'casebook references' and commit the result.")
    elif not report.changed:
        where = f"{folder}/" + (f" and {guide}/" if guide is not None else "")
        print(f"Every Sources list in {where} matches data/sources.csv.")
    return 1 if report.problems or (args.check and report.changed) else 0


def _say(line: object) -> None:
    """Print one line that may hold someone else's text: controls and escape sequences shown, not run."""
    from casebook.untrusted_text import for_terminal

    print(for_terminal(str(line), limit=2000))


def _cmd_results_merge(args: argparse.Namespace) -> int:
    from pathlib import Path

    from casebook.files import UnreadableFile
    from casebook.quiz.handin import ENV_HANDIN, handin_folder
    from casebook.quiz.results import merge_exports
    from casebook.quiz.teachers_copy import TeachersCopies

    paths = [Path(p) for p in args.paths]
    if not paths:
        folder = handin_folder()
        if folder is None:
            print(
                f"Name the files or folders to merge: no hand-in folder is set ({ENV_HANDIN} or course.yaml)."
            )
            return 2
        paths = [folder]
    copies, quiz_problems = TeachersCopies.from_sources(args.quiz)
    for problem in quiz_problems:
        _say(f"quiz: {problem}")
    roster = Path(args.roster) if args.roster else None
    try:
        report = merge_exports(paths, Path(args.out), copies, roster=roster)
    except UnreadableFile as unwritable:
        _say(f"casebook results merge: {unwritable.problem}; nothing more was written.")
        return 2
    for problem in report.problems:
        _say(f"skipped {problem}")
    for warning in report.warnings:
        _say(f"warning: {warning}")
    if not report.exports:
        print("No exported answers could be read, so nothing was written.")
        return 1
    count = len(report.exports)
    print(
        f"Merged {count} export{'s' if count != 1 else ''} (one per learner and quiz), "
        "every answer re-graded against the teacher's copy of its quiz."
    )
    for path in report.written:
        _say(f"wrote {path}")
    _say(f"Chart description: {report.alt_text}")
    return 1 if report.problems or report.warnings or quiz_problems else 0


def _cmd_pages(args: argparse.Namespace) -> int:
    from pathlib import Path

    from casebook.files import UnreadableFile
    from casebook.quiz.printables import write_pages

    if bool(args.quiz) == bool(args.all):
        print(f"casebook {args.command}: name one quiz (an id or a .yaml file) or give --all.")
        return 2
    try:
        report = write_pages(args.command, [] if args.all else [args.quiz], Path(args.out))
    except UnreadableFile as unwritable:
        _say(f"casebook {args.command}: {unwritable.problem}; nothing more was written.")
        return 2
    for problem in report.problems:
        _say(problem)
    for path in report.written:
        _say(f"wrote {path}")
    if not report.written and not report.problems:
        print("There are no quizzes to write.")
    return 1 if report.problems else 0


def _cmd_transcript(args: argparse.Namespace) -> int:
    from casebook.transcript.report import transcript_command

    result = transcript_command(
        args.file,
        as_json=args.json,
        sentences=args.sentences,
        turn=args.turn,
        quirks=args.quirks,
        write=sys.stdout.write,
    )
    if result.out:
        print(result.out)
    if result.err:
        print(result.err, file=sys.stderr)
    return result.code


def _cmd_case(args: argparse.Namespace) -> int:
    from casebook.case import CaseError, new_case

    try:
        folder = new_case(args.file, name=args.name, out=args.out)
    except CaseError as error:
        print(error, file=sys.stderr)
        return 2
    print(f"wrote the case folder {folder}: open {folder / 'explore.ipynb'} and read {folder / 'README.md'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="casebook",
        description="Tools for the casebook teaching kit: lessons, quizzes, data and exercises.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    lab = sub.add_parser("lab", help="open JupyterLab (127.0.0.1, token required) on a lesson")
    lab.add_argument("notebook", nargs="?", default="notebooks/00_start_here.ipynb")
    lab.add_argument("--port", type=int, default=None, help="port to serve on (default: the first free one)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser window")
    lab.set_defaults(handler=_cmd_lab)

    readme = sub.add_parser("readme", help="rewrite README.md's lesson table from the lesson notebooks")
    readme.add_argument("--check", action="store_true", help="exit 1 if the table is out of date")
    readme.set_defaults(handler=_cmd_readme)

    validate = sub.add_parser(
        "validate",
        help="check quiz files and the data package; with no paths, every quiz and dataset in data/",
    )
    validate.add_argument("paths", nargs="*", help="quiz .yaml files, or datapackage.json / its folder")
    validate.set_defaults(handler=_cmd_validate)

    rubric = sub.add_parser(
        "rubric", help="check and print rubrics (data/rubrics) as text; with no names, list them"
    )
    rubric.add_argument("names", nargs="*", help="rubric names (e.g. capstone_brief) or .yaml files")
    rubric.set_defaults(handler=_cmd_rubric)

    data_hash = sub.add_parser(
        "data-hash",
        help="after editing a dataset on purpose: record its sha256 in datapackage.json (not the transcript)",
    )
    data_hash.add_argument("folder", nargs="?", help="the data folder (default: the kit's data/)")
    data_hash.set_defaults(handler=_cmd_data_hash)

    exercises = sub.add_parser("exercises", help="write the student notebooks in exercises/ from solutions/")
    exercises.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if exercises/ is out of date"
    )
    exercises.add_argument("--solutions", metavar="DIR", help="solutions folder (default: solutions/)")
    exercises.add_argument("--exercises", metavar="DIR", help="exercises folder (default: exercises/)")
    exercises.set_defaults(handler=_cmd_exercises)

    references = sub.add_parser(
        "references", help="rewrite each lesson's '## Sources' list from data/sources.csv and its citations"
    )
    references.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 naming each lesson whose list is stale"
    )
    references.add_argument("--notebooks", metavar="DIR", help="lessons folder (default: notebooks/)")
    references.add_argument(
        "--quizzes", metavar="DIR", help="quiz folder (default: data/quizzes/, or none with --notebooks)"
    )
    references.add_argument(
        "--guide",
        metavar="DIR",
        help="instructors' guide folder (default: instructors/, or none with --notebooks)",
    )
    references.set_defaults(handler=_cmd_references)

    results = sub.add_parser("results", help="teacher tools for learners' exported quiz answers")
    results_sub = results.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    merge = results_sub.add_parser(
        "merge", help="merge exported answers into results.csv, answers.csv, results.png and LMS gradebooks"
    )
    merge.add_argument(
        "paths", nargs="*",
        help="casebook-answers-*.json files, or folders holding them (default: the class's hand-in folder)",
    )  # fmt: skip
    merge.add_argument("--out", default=".", help="folder to write the table and chart in (default: here)")
    merge.add_argument(
        "--quiz",
        action="append",
        default=[],
        metavar="QUIZ",
        help="the teacher's copy to grade against: a quiz id or .yaml file (repeat for several; "
        "default: the kit's quizzes in data/quizzes)",
    )
    merge.add_argument("--roster", help="CSV of hub_user,lms_id: LMS identifiers for the gradebook files")
    merge.set_defaults(handler=_cmd_results_merge)

    for name, what in (("answer-key", "answer keys, with answers and explanations"),
                       ("handout", "handouts: the questions without answers")):  # fmt: skip
        pages = sub.add_parser(name, help=f"write printable, self-contained HTML {what}")
        pages.add_argument("quiz", nargs="?", help="a quiz id (e.g. 00_start_here) or a quiz .yaml file")
        pages.add_argument("--all", action="store_true", help="every quiz in data/quizzes")
        pages.add_argument("--out", default=".", help="folder to write the pages in (default: here)")
        pages.set_defaults(handler=_cmd_pages)

    transcript = sub.add_parser(
        "transcript",
        help="parse a briefing transcript and print its turns (default: the kit's briefing)",
        epilog="Exit codes: 0 turns shown; 1 no turns (empty file, or no speaker labels); "
        "2 the file cannot be read, or --turn does not exist.",
    )
    transcript.add_argument("file", nargs="?", default=None, help="a briefing saved as a .txt file")
    transcript.add_argument("--json", action="store_true", help="print the turns as a JSON list")
    transcript.add_argument(
        "--sentences",
        action="store_true",
        help="number every sentence as turn.sentence, both from 1 (quiz references)",
    )
    transcript.add_argument("--turn", default=None, metavar="N", help="show turn N only (turns count from 1)")
    transcript.add_argument("--quirks", action="store_true", help="also list the transcript's oddities")
    transcript.set_defaults(handler=_cmd_transcript)

    case = sub.add_parser(
        "case", help="turn a briefing of your own into a ready case (casebook case new FILE)"
    )
    case_sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    case_new = case_sub.add_parser(
        "new",
        help="write a case folder from a briefing saved as text: explorer notebook, quiz, claims, metadata",
        epilog="Exit codes: 0 folder written; 2 the file is not a briefing, or the folder cannot be written "
        "(then nothing is written).",
    )
    case_new.add_argument("file", help="a briefing saved as a .txt file")
    case_new.add_argument("--name", default=None, help="the case's folder name (default: the file's name)")
    case_new.add_argument("--out", default=".", help="where to write the folder (default: here)")
    case_new.set_defaults(handler=_cmd_case)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
