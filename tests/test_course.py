"""The lesson list, the README's generated lesson table, and the launch links."""

from __future__ import annotations

import shutil
from pathlib import Path

from casebook.maintain.course import (
    CourseSettings,
    binder_url,
    lesson_table,
    lessons,
    nbgitpuller_url,
    update_readme,
)
from tests.conftest import ROOT


def test_readme_lesson_table_is_up_to_date() -> None:
    assert not update_readme(check=True), "README.md's lesson table is stale: run `casebook readme`"


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make lab" in first_block and "make test" in first_block


def test_every_lesson_has_a_binder_link_in_the_readme() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in lessons():
        assert f"urlpath=lab/tree/{lesson.path.as_posix()})" in text
        assert f"| {lesson.minutes} (" in text


def test_launch_links_follow_the_documented_patterns() -> None:
    settings = CourseSettings("someone/casebook", "main", "https://hub.school.example")
    nb = Path("notebooks/01_x.ipynb")
    assert binder_url(settings, nb) == (
        "https://mybinder.org/v2/gh/someone/casebook/main?urlpath=lab/tree/notebooks/01_x.ipynb"
    )
    link = nbgitpuller_url(settings, nb)
    assert link.startswith("https://hub.school.example/hub/user-redirect/git-pull?repo=")
    assert "https%3A%2F%2Fgithub.com%2Fsomeone%2Fcasebook" in link
    assert "urlpath=lab%2Ftree%2Fcasebook%2Fnotebooks%2F01_x.ipynb" in link


def test_changing_the_repository_in_course_yaml_changes_every_link(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    (tmp_path / "course.yaml").write_text("repository: school/kit\nbranch: stable\n")
    assert update_readme(root=tmp_path) is True
    text = (tmp_path / "README.md").read_text()
    assert "mybinder.org/v2/gh/school/kit/stable?urlpath=lab/tree/notebooks/00_start_here.ipynb" in text
    assert "OWNER/REPO" not in lesson_table(tmp_path)
    assert update_readme(root=tmp_path) is False


def test_every_lesson_has_a_browser_only_link_to_the_lite_site(tmp_path: Path) -> None:
    from casebook.maintain.course import lite_url, load_settings

    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    (tmp_path / "course.yaml").write_text("repository: school/kit\nlite: https://school.example/course/\n")
    settings = load_settings(tmp_path)
    assert lite_url(settings, Path("notebooks/01_x.ipynb")) == (
        "https://school.example/course/lab/index.html?path=notebooks/01_x.ipynb"
    )
    table = lesson_table(tmp_path)
    assert table.count("https://school.example/course/lab/index.html?path=notebooks/") == len(
        list((tmp_path / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    )
    (tmp_path / "course.yaml").write_text("repository: school/kit\n")
    assert load_settings(tmp_path).lite == "https://school.github.io/kit"
