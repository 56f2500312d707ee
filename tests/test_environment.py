"""The pinned environment: Binder and make install the very same versions."""

from __future__ import annotations

import re

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")


def _pins(path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(2)
    return pins


def test_binder_requirements_are_fully_pinned_and_install_the_package() -> None:
    lines = [
        line.split("#")[0].strip()
        for line in (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8").splitlines()
    ]
    lines = [line for line in lines if line]
    assert "-e ." in lines
    unpinned = [line for line in lines if line != "-e ." and "==" not in line]
    assert not unpinned, f"unpinned lines in binder/requirements.txt: {unpinned}"
    for needed in ("jupyterlab", "ipywidgets", "matplotlib"):
        assert needed in _pins(ROOT / "binder" / "requirements.txt")


def test_dev_requirements_use_the_same_versions_as_binder() -> None:
    binder = _pins(ROOT / "binder" / "requirements.txt")
    dev = _pins(ROOT / "requirements-dev.txt")
    differ = {name: (version, dev[name]) for name, version in binder.items() if dev.get(name) != version}
    assert not differ, f"requirements-dev.txt pins differ from binder/requirements.txt: {differ}"
    assert "nbval" in dev and "pytest-xdist" in dev


def test_runtime_txt_names_a_supported_python() -> None:
    text = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-3\.(\d+)", text)
    assert match and int(match.group(1)) >= 10


def test_pandas_is_not_in_the_environment() -> None:
    # pandas adds about 30% to every student's kernel; the kit's datasets are small records.
    assert "pandas" not in _pins(ROOT / "binder" / "requirements.txt")


def test_repo2docker_builds_binder_from_the_pinned_requirements_after_copying_the_repo() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout
    install = dockerfile.find('pip install --no-cache-dir -r "binder/requirements.txt"')
    copy_repo = dockerfile.find("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert install > 0, "the Dockerfile does not install binder/requirements.txt"
    assert 0 < copy_repo < install, "the repository must be copied before `-e .` is installed"
    assert "python=3.11" in result.stderr + dockerfile
