"""Hand-in without files: where the folder is set, the file's safe name, atomic writes, drop-box modes."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

from casebook.quiz.export import read_export
from casebook.quiz.handin import (
    FOLDER_MODE,
    HandIn,
    hand_in,
    hand_in_if_configured,
    handin_folder,
    handin_html,
    handin_name,
    safe_part,
)
from casebook.quiz.results import merge_exports
from casebook.settings import load_settings
from tests.hub.conftest import export_of


def test_the_environment_wins_over_course_yaml_and_nothing_set_means_no_hand_in(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text("repository: a/b\nhandin: class/answers\n", encoding="utf-8")
    assert handin_folder({}, tmp_path) == tmp_path / "class" / "answers"
    assert handin_folder({"CASEBOOK_HANDIN_DIR": "/srv/handin"}, tmp_path) == Path("/srv/handin")
    (tmp_path / "course.yaml").write_text("repository: a/b\nhandin:\n", encoding="utf-8")
    assert handin_folder({}, tmp_path) is None
    assert load_settings(tmp_path).handin is None


def test_the_shipped_course_yaml_hands_nothing_in_so_binder_and_laptops_keep_the_download() -> None:
    assert load_settings().handin is None
    assert hand_in_if_configured(export_of("Ada", {}), env={}) is None


@pytest.mark.parametrize(
    "typed",
    [
        "../../etc/passwd",
        "/abs/path",
        ".hidden",
        "a\x00b",
        "Łukasz Żółw",
        "",
        "   ",
        "CON",
        "x" * 500,
        "名前",
    ],
)
def test_a_file_name_made_from_any_input_stays_one_plain_file_in_the_folder(typed: str) -> None:
    name = handin_name("01_the_briefing", typed, "0123456789abcdef")
    assert name.startswith("casebook-answers-01_the_briefing--") and name.endswith("-0123456789abcdef.json")
    assert "/" not in name and "\x00" not in name and not name.startswith(".") and len(name) < 160
    assert set(name) <= set("abcdefghijklmnopqrstuvwxyz0123456789_-.")
    assert safe_part(typed)  # never empty


def test_hand_in_writes_one_file_per_student_that_merge_reads(tmp_path: Path, progress: Path) -> None:
    folder = tmp_path / "handin"
    folder.mkdir()
    env = {"JUPYTERHUB_USER": "ada"}
    first = hand_in(export_of("Ada L.", {"on_the_record": 1}), folder, env)
    second = hand_in(export_of("Ada L.", {"on_the_record": 0}), folder, env)
    assert first == second and [p.name for p in folder.iterdir()] == [first.name]
    assert "--ada-" in first.name
    data, problems = read_export(first)
    assert problems == [] and data["user"] == "ada" and data["answers"][0]["status"] == "correct"
    assert stat.S_IMODE(first.stat().st_mode) == 0o640
    report = merge_exports([folder], tmp_path / "results")
    assert len(report.exports) == 1 and report.problems == []


def test_two_students_with_the_same_typed_name_on_a_hub_keep_two_files(
    tmp_path: Path, progress: Path
) -> None:
    folder = tmp_path / "handin"
    folder.mkdir()
    one = hand_in(export_of("Sam", {}), folder, {"JUPYTERHUB_USER": "sam1"})
    two = hand_in(export_of("Sam", {}), folder, {"JUPYTERHUB_USER": "sam2"})
    assert one != two and len(list(folder.iterdir())) == 2


def test_the_token_is_kept_per_student_and_names_are_not_guessable(tmp_path: Path, progress: Path) -> None:
    folder = tmp_path / "handin"
    folder.mkdir()
    path = hand_in(export_of("Ada", {}), folder, {"JUPYTERHUB_USER": "ada"})
    token = (progress / "handin-token").read_text().strip()
    assert len(token) == 16 and path.name.endswith(f"-{token}.json")
    assert path.name != handin_name("01_the_briefing", "ada", "0" * 16)


def test_hand_in_if_configured_reports_a_missing_folder_in_one_line_and_never_raises(
    tmp_path: Path, progress: Path
) -> None:
    env = {"CASEBOOK_HANDIN_DIR": str(tmp_path / "not-there")}
    handed = hand_in_if_configured(export_of("Ada", {}), env=env)
    assert handed == HandIn(None, f"{tmp_path / 'not-there'}: the class's hand-in folder does not exist; "
                            "tell your teacher")  # fmt: skip
    assert "\n" not in handin_html(handed) and "does not exist" in handin_html(handed)
    assert not (tmp_path / "not-there").exists()


def test_a_folder_the_student_may_write_but_not_list_still_takes_the_hand_in(
    tmp_path: Path, progress: Path
) -> None:
    folder = tmp_path / "dropbox"
    folder.mkdir()
    folder.chmod(0o300)  # write and search, no read: what a student has on a drop-box
    try:
        path = hand_in(export_of("Ada", {}), folder, {"JUPYTERHUB_USER": "ada"})
        assert path.is_file()
    finally:
        folder.chmod(0o700)
    assert [p.name for p in folder.iterdir()] == [path.name]


def as_student(uid: int, action) -> str:
    """Run ``action()`` in a forked child that has become user ``uid`` (modules already imported)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root, act, report, never return into pytest
        code = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            message = action()
        except BaseException as error:  # noqa: BLE001 (reported to the parent)
            message, code = f"error {error!r}", 1
        os.write(write_end, message.encode())
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        message = pipe.read()
    os.waitpid(pid, 0)
    return message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to act as a student")
def test_the_drop_box_mode_lets_a_student_hand_in_but_not_list_or_read_a_classmate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As root (CI here), a 'student' (user nobody) hands in to a teacher-owned 3733 folder."""
    nobody = 65534
    base = Path(tempfile.mkdtemp(prefix="casebook-dropbox-"))
    try:
        base.chmod(0o755)
        folder = base / "handin"
        folder.mkdir()
        folder.chmod(FOLDER_MODE)  # owned by root, the teacher here
        classmate = folder / "casebook-answers-q--ada-0123456789abcdef.json"
        classmate.write_text("{}")
        classmate.chmod(0o640)
        progress = base / "bo-progress"
        progress.mkdir()
        os.chown(progress, nobody, nobody)
        monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(progress))
        export = export_of("Bo", {})

        def student() -> str:
            path = hand_in(export, folder, {"JUPYTERHUB_USER": "bo"})
            verdicts = [path.name]
            for attempt in (lambda: os.listdir(folder), classmate.read_text, lambda: classmate.unlink()):
                try:
                    attempt()
                    verdicts.append("allowed")
                except PermissionError:
                    verdicts.append("refused")
            return " ".join(verdicts)

        name, *verdicts = as_student(nobody, student).split()
        assert verdicts == ["refused", "refused", "refused"]  # list, read a classmate's, delete it
        handed = folder / name
        assert handed.stat().st_uid == nobody and handed.stat().st_gid == folder.stat().st_gid  # setgid
        assert stat.S_IMODE(handed.stat().st_mode) == 0o640
        assert json.loads(handed.read_text())["user"] == "bo"
    finally:
        shutil.rmtree(base)


def test_export_my_answers_hands_in_and_still_saves_the_copy(
    tmp_path: Path, progress: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.quiz import show_quiz

    folder = tmp_path / "handin"
    folder.mkdir()
    monkeypatch.setenv("CASEBOOK_HANDIN_DIR", str(folder))
    monkeypatch.setenv("JUPYTERHUB_USER", "ada")
    view = show_quiz("01_the_briefing", export_dir=tmp_path / "mine", progress_dir=progress)
    view.name.value = "Ada"
    view.panels[0].handle("check", 0)
    view.export_button.click()
    assert "Handed in to your teacher" in view.export_status.value
    assert (tmp_path / "mine" / "casebook-answers-01_the_briefing.json").is_file()
    (handed,) = folder.iterdir()
    assert json.loads(handed.read_text())["answers"][0]["status"] == "correct"


def test_export_says_in_one_line_when_handing_in_failed_and_keeps_the_download(
    tmp_path: Path, progress: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.quiz import show_quiz

    monkeypatch.setenv("CASEBOOK_HANDIN_DIR", str(tmp_path / "gone"))
    view = show_quiz("01_the_briefing", export_dir=tmp_path / "mine", progress_dir=progress)
    view.name.value = "Ada"
    view.export_button.click()
    status = view.export_status.value
    assert "Saved your answers" in status and "Could not hand in your answers" in status
    assert (tmp_path / "mine" / "casebook-answers-01_the_briefing.json").is_file()
