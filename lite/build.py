"""Build the browser-only course (``make lite``): JupyterLite with Pyodide, nothing fetched at run time.

The site in ``build/lite/`` holds JupyterLab, the Pyodide kernel, Pyodide itself (npm's ``pyodide``
package, at the version the pinned kernel expects) and every Python wheel a lesson loads, next to
the lessons, exercises, data and quizzes. It is made from pinned packages only: the JupyterLite tools
in ``lite/requirements.txt``, npm's ``pyodide`` in ``package-lock.json``, and wheels downloaded from
PyPI at the versions ``binder/requirements.txt`` pins (or, for the packages Pyodide's own lock lists,
at that lock's versions, checked against its sha256). PyYAML has no WebAssembly wheel on PyPI, so its
pure-Python code is packed into a ``py3-none-any`` wheel from the pinned sdist.

Steps: stage ``build/lite-work/`` (Pyodide under ``static/pyodide``, so the build points the kernel at
it), run ``jupyter lite build``, copy the wheels beside Pyodide and add them to its
``pyodide-lock.json`` (``pyodide_lock.utils.add_wheels_to_spec``), drop every lock entry whose wheel
the site does not hold, set the kernel to load the kit at start with no PyPI fallback, open lesson 00
from the start page, and refuse to finish if the config or the lock names a CDN or PyPI.

Run it as ``python -m lite.build`` from the repository root (``make lite``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
SITE = BUILD / "lite"
WORK = BUILD / "lite-work"
CACHE = BUILD / "lite-cache"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
DRIVE_DATA = "/drive/data"  # the site's data/ folder as the Pyodide kernel sees it
DRIVE_COURSE = "/drive/course"  # the site's course/ folder (the exercises' checks), likewise
PYODIDE_URL = "./static/pyodide/pyodide.mjs"  # relative to the site's root, where the build copies Pyodide
# What the site serves as files: every lesson, exercise, data file and quiz, and the checks the
# exercises run (solutions stay out).
CONTENTS = ("notebooks", "exercises", "data", "course")
START_PAGE = "notebooks/00_start_here.ipynb"
# Only JupyterLab (no Notebook or REPL apps), without source maps: about half the size of the default.
APP_OPTIONS = ("--apps", "lab", "--no-sourcemaps", "--no-unused-shared-packages")

# The kit's own dependencies that a lesson in the browser loads, at their binder/requirements.txt pins.
KIT_WHEELS = (
    "ipywidgets",
    "anywidget",
    "psygnal",
    "comm",
    "jupyterlab-widgets",
    "markdown-it-py",
    "mdurl",
)
# Dependencies of the kit that are server-only: no browser wheel exists or none is needed to run a lesson.
SERVER_ONLY = ("jupyterlab", "matplotlib", "jsonschema", "nbformat", "frictionless", "nbgitpuller")
# What the kernel needs from Pyodide's lock before any lesson runs: micropip at start-up, and what
# the kernel installs at start (ipykernel, comm, pyodide-kernel, jedi, ipython) and what they require.
KERNEL_ROOTS = ("micropip", "packaging", "ipython", "comm", "jedi")
# JupyterLab reopens every notebook left open in its saved workspace, and in JupyterLite each starts its
# own Pyodide kernel: a learner who followed eight lesson links would start eight kernels at once. The
# workspace (open tabs and layout only) is kept in memory, so each page opens just the notebook its link
# names; the drive (notebooks, saved answers, exports) and the settings stay in the browser's storage.
# Both keys are JupyterLite's own config (docs: "Configure the browser storage").
WORKSPACE_IN_MEMORY = {"enableMemoryStorage": True, "workspacesStorageDrivers": ["memoryStorageDriver"]}
# Addresses the site must never name: Pyodide's CDN, other CDNs, PyPI.
FORBIDDEN = re.compile(
    r"cdn\.jsdelivr\.net|unpkg\.com|cdnjs|pypi\.org|files\.pythonhosted\.org|pyodide-cdn|"
    r"https?://[^\"'\s]*pyodide[^\"'\s]*",
    re.IGNORECASE,
)


class LiteBuildError(RuntimeError):
    """The site cannot be built as promised; the message says what is missing or wrong."""


# -- pure helpers ---------------------------------------------------------------------------------------


def pins(requirements: str) -> dict[str, str]:
    """``{normalised name: version}`` for every ``name==version`` line of a requirements file."""
    found = {}
    for line in requirements.splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)", line)
        if match:
            found[normalise(match.group(1))] = match.group(2)
    return found


def normalise(name: str) -> str:
    """A package name as PEP 503 compares them: lower case, runs of ``-_.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(packages: Mapping[str, Mapping[str, Any]], roots: Iterable[str]) -> list[str]:
    """Every lock package that ``roots`` need, themselves included, following ``depends``.

    Raises LiteBuildError naming a package that is needed but not in the lock.
    """
    needed: list[str] = []
    waiting = [normalise(r) for r in roots]
    while waiting:
        name = waiting.pop()
        if name in needed:
            continue
        if name not in packages:
            raise LiteBuildError(f"pyodide-lock.json: package {name!r} is needed but not in the lock")
        needed.append(name)
        waiting += [normalise(d) for d in packages[name].get("depends", [])]
    return sorted(needed)


def forbidden_addresses(text: str) -> list[str]:
    """The CDN or PyPI addresses named in ``text`` (a config file or the lock), each once."""
    return sorted({match.group(0) for match in FORBIDDEN.finditer(text)})


def lite_settings(config: Mapping[str, Any], packages: Sequence[str]) -> dict[str, Any]:
    """``jupyter-lite.json`` with the kernel set to load ``packages`` at start and never reach PyPI."""
    updated = json.loads(json.dumps(config))
    data = updated.setdefault("jupyter-config-data", {})
    data.update(WORKSPACE_IN_MEMORY)
    plugins = data.setdefault("litePluginSettings", {})
    kernel = plugins.setdefault(KERNEL_PLUGIN, {})
    kernel["disablePyPIFallback"] = True
    kernel["pyodideUrl"] = PYODIDE_URL
    options = kernel.setdefault("loadPyodideOptions", {})
    options["packages"] = sorted(set(options.get("packages", [])) | set(packages))
    # The kit finds its data through CASEBOOK_DATA and the exercises' checks through CASEBOOK_COURSE:
    # the site's folders, on the drive the kernel mounts. HOME is Pyodide's default, restated because
    # ``env`` replaces the defaults.
    options["env"] = {
        **options.get("env", {}),
        "HOME": "/home/pyodide",
        "CASEBOOK_DATA": DRIVE_DATA,
        "CASEBOOK_COURSE": DRIVE_COURSE,
    }
    return updated


def start_page(index_html: str, target: str) -> str:
    """The site's ``index.html`` sending a visitor straight to ``target`` in JupyterLab.

    The page keeps everything else: JupyterLab's pages read its ``jupyter-config-data`` script.
    """
    href = f"lab/index.html?path={target}"
    redirect = (
        f'<meta http-equiv="refresh" content="0; url={href}">'
        f'<script>window.location.replace("{href}" + window.location.hash);</script>'
    )
    if "<head>" not in index_html:
        raise LiteBuildError("the built index.html has no <head>: the JupyterLite page layout changed")
    return index_html.replace("<head>", f"<head>{redirect}", 1)


def pure_wheel(name: str, version: str, sources: Mapping[str, bytes], top_level: str) -> tuple[str, bytes]:
    """A ``py3-none-any`` wheel holding ``sources`` (archive path to bytes), made the same way each time."""
    dist = f"{re.sub(r'[-.]+', '_', name)}-{version}"
    info = f"{dist}.dist-info"
    files = dict(sorted(sources.items()))
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: casebook lite/build.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    files[f"{info}/top_level.txt"] = f"{top_level}\n".encode()
    record = []
    for path, content in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(content)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in files.items():
            entry = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    return f"{dist}-py3-none-any.whl", buffer.getvalue()


def sha256(path: Path) -> str:
    """The hex sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- steps ----------------------------------------------------------------------------------------------


def _run(command: Sequence[str], **kwargs: Any) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def _pip(*args: str) -> None:
    _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args])


def download_pure(name: str, version: str, into: Path) -> Path:
    """The ``py3-none-any`` wheel of ``name==version`` from PyPI, cached in ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    pattern = f"{re.sub(r'[-.]+', '_', name)}-{version}-*none-any.whl"

    def found() -> Path | None:
        for path in into.iterdir():
            if path.name.lower().startswith(f"{re.sub(r'[-.]+', '_', name)}-{version}-".lower()) and (
                path.name.endswith("none-any.whl")
            ):
                return path
        return None

    if found() is None:
        _pip(
            "download", "--no-deps", "--only-binary=:all:", "--platform", "any", "--implementation", "py",
            "--python-version", "3.14", "--abi", "none", "-d", str(into), f"{name}=={version}",
        )  # fmt: skip
    wheel = found()
    if wheel is None:
        raise LiteBuildError(f"PyPI has no pure-Python wheel ({pattern}) of {name} {version}")
    return wheel


def pyyaml_wheel(version: str, into: Path) -> Path:
    """PyYAML's pure-Python code from its pinned sdist, packed as a ``py3-none-any`` wheel."""
    into.mkdir(parents=True, exist_ok=True)
    target = into / f"PyYAML-{version}-py3-none-any.whl"
    if target.is_file():
        return target
    sdists = into / "sdist"
    sdists.mkdir(exist_ok=True)
    # Without build isolation, reading the sdist's metadata uses .venv's setuptools and compiles nothing.
    _pip(
        "download",
        "--no-deps",
        "--no-binary=:all:",
        "--no-build-isolation",
        "-d",
        str(sdists),
        f"pyyaml=={version}",
    )
    archive_path = next(p for p in sdists.iterdir() if p.name.lower().startswith(f"pyyaml-{version}"))
    sources = {}
    with tarfile.open(archive_path) as archive:
        for member in archive.getmembers():
            match = re.match(r"[^/]+/lib/(yaml/[^/]+\.py)$", member.name)
            if match and member.isfile():
                handle = archive.extractfile(member)
                assert handle is not None
                sources[match.group(1)] = handle.read()
    if "yaml/__init__.py" not in sources:
        raise LiteBuildError(f"{archive_path.name}: no lib/yaml/__init__.py; the sdist's layout changed")
    name, content = pure_wheel("PyYAML", version, sources, "yaml")
    target = into / name
    target.write_bytes(content)
    return target


def kit_wheel(into: Path) -> Path:
    """The kit's own wheel, built from this checkout (its stored figures and manifest included)."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    # setuptools builds in the checkout's build/lib and keeps files deleted since (old figure images).
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    _pip("wheel", "--no-deps", "-w", str(into), str(ROOT))
    return next(into.glob("casebook-*.whl"))


def stage_pyodide(work: Path = WORK) -> None:
    """Copy npm's Pyodide core into the work folder's ``static/pyodide``."""
    if not (PYODIDE_NPM / "pyodide.mjs").is_file():
        raise LiteBuildError(
            f"{PYODIDE_NPM} has no pyodide.mjs: run `npm ci --ignore-scripts` (make lite does) to install it"
        )
    target = work / "static" / "pyodide"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in (
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    ):
        shutil.copy2(PYODIDE_NPM / name, target / name)


def expected_pyodide_version() -> str:
    """The Pyodide version the installed jupyterlite-pyodide-kernel was made for."""
    from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

    return PYODIDE_VERSION


def check_pyodide_version() -> None:
    """Refuse a Pyodide from npm other than the one the kernel expects."""
    installed = json.loads((PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))["version"]
    wanted = expected_pyodide_version()
    if installed != wanted:
        raise LiteBuildError(
            f"node_modules/pyodide is {installed}, but jupyterlite-pyodide-kernel expects {wanted}: "
            f"pin pyodide {wanted} in package.json (npm install --save-exact pyodide@{wanted})"
        )


def kernel_stub_wheels() -> list[Path]:
    """The kernel's own piplite wheels that the lock needs: the widgetsnbextension 4 placeholder."""
    import jupyterlite_pyodide_kernel

    prefix = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyterlite"
    folder = prefix / "pyodide-kernel-extension" / "static" / "pypi"
    stubs = sorted(folder.glob("widgetsnbextension-4.*-py3-none-any.whl"))
    if not stubs:
        raise LiteBuildError(
            f"no widgetsnbextension placeholder wheel in {folder} "
            f"(jupyterlite-pyodide-kernel {jupyterlite_pyodide_kernel.__version__})"
        )
    return stubs[-1:]


def stage_contents() -> Path:
    """Copy the course's folders into one contents folder, so the site keeps their names."""
    contents = WORK / "contents"
    shutil.rmtree(contents, ignore_errors=True)
    for folder in CONTENTS:
        shutil.copytree(ROOT / folder, contents / folder, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    return contents


def lite_build(lite_dir: Path, output: Path, contents: Path | None) -> None:
    """Run ``jupyter lite build`` with the site's app options (the benchmark's floor uses it too)."""
    shutil.rmtree(output, ignore_errors=True)
    # jupyter lite build skips steps its doit database says are done, even into a new output folder
    # (the kernel's pyodideUrl was then missing): every build starts from scratch.
    for state in lite_dir.glob(".jupyterlite.doit.db*"):
        state.unlink()
    command = [Path(sys.executable).with_name("jupyter"), "lite", "build", *APP_OPTIONS]
    command += ["--lite-dir", lite_dir, "--output-dir", output]
    if contents is not None:
        command += ["--contents", contents]
    _run(command, cwd=lite_dir)


def extend_lock(wheels: Sequence[Path], site: Path = SITE, roots: Sequence[str] = ("casebook",)) -> list[str]:
    """Add ``wheels`` to the site's Pyodide lock, fetch what ``roots`` and the kernel need from it, drop
    the rest. Returns the packages the site holds."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    folder = site / "static" / "pyodide"
    lock_path = folder / "pyodide-lock.json"
    for wheel in wheels:
        shutil.copy2(wheel, folder / wheel.name)
    data = json.loads(lock_path.read_text(encoding="utf-8"))
    # Pyodide 314's lock no longer records its version in "info"; pyodide-lock 0.1.2 still asks for it.
    added_version = "version" not in data["info"]
    data["info"].setdefault("version", expected_pyodide_version())
    spec = add_wheels_to_spec(
        PyodideLockSpec(**data),
        [folder / w.name for w in wheels],
        base_path=folder,
        ignore_missing_dependencies=True,
    )
    packages = {normalise(name): package for name, package in spec.packages.items()}
    if "casebook" in packages:
        _drop_server_only(packages["casebook"], packages)
    plain = {name: {"depends": package.depends} for name, package in packages.items()}
    needed = closure(plain, [*roots, *KERNEL_ROOTS])
    for name in needed:
        package = packages[name]
        path = folder / package.file_name
        if path.is_file():
            continue
        if not package.file_name.endswith("-none-any.whl"):
            raise LiteBuildError(
                f"{name} {package.version} is needed, but Pyodide's lock has only a WebAssembly build "
                f"({package.file_name}) and PyPI has none"
            )
        wheel = download_pure(name, package.version, CACHE / "pyodide-packages")
        shutil.copy2(wheel, folder / package.file_name)
        if sha256(path) != package.sha256:
            # PyPI's file of the same release stands in for Pyodide's copy: say so, and lock PyPI's hash.
            print(f"{package.file_name}: PyPI's wheel differs from Pyodide's; its own sha256 is locked")
            package.sha256 = sha256(path)
    kept = {key: package for key, package in spec.packages.items() if normalise(key) in needed}
    spec.packages = kept
    spec.to_json(lock_path, indent=1)
    if added_version:
        written = json.loads(lock_path.read_text(encoding="utf-8"))
        del written["info"]["version"]
        lock_path.write_text(json.dumps(written, indent=1) + "\n", encoding="utf-8")
    return needed


def _drop_server_only(kit: Any, packages: Mapping[str, Any]) -> None:
    """Keep the kit's dependencies the site holds; refuse one that is neither held nor server-only."""
    missing = [d for d in kit.depends if normalise(d) not in packages and normalise(d) not in SERVER_ONLY]
    if missing:
        raise LiteBuildError(
            f"casebook depends on {', '.join(missing)}, which the browser course does not hold: add a "
            "pure-Python wheel to lite/build.py's KIT_WHEELS, or list it as SERVER_ONLY"
        )
    kit.depends = [d for d in kit.depends if normalise(d) not in SERVER_ONLY]


def configure(packages: Sequence[str], site: Path = SITE) -> None:
    """Set the kernel's start-up packages and no PyPI fallback in every ``jupyter-lite.json``."""
    for config_path in site.rglob("jupyter-lite.json"):
        config = json.loads(config_path.read_text(encoding="utf-8"))
        if config_path.parent == site:
            config = lite_settings(config, packages)
        config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    index = site / "index.html"
    index.write_text(start_page(index.read_text(encoding="utf-8"), START_PAGE), encoding="utf-8")


def audit() -> list[str]:
    """Every CDN or PyPI address in the site's config files and lock, as ``file: address`` lines."""
    found = []
    checked = [*SITE.rglob("jupyter-lite.json"), *SITE.rglob("pyodide-lock.json"), SITE / "index.html"]
    for path in checked:
        for address in forbidden_addresses(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(SITE)}: {address}")
    return found


def main() -> int:
    """Build ``build/lite/``; print one line and return 1 if it cannot be built as promised."""
    try:
        check_pyodide_version()
        pinned = pins((ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8"))
        WORK.mkdir(parents=True, exist_ok=True)
        stage_pyodide()
        wheels = [kit_wheel(CACHE / "kit"), pyyaml_wheel(pinned["pyyaml"], CACHE / "pyyaml")]
        wheels += [download_pure(name, pinned[normalise(name)], CACHE / "wheels") for name in KIT_WHEELS]
        wheels += kernel_stub_wheels()
        lite_build(WORK, SITE, stage_contents())
        held = extend_lock(wheels)
        configure(["casebook"])
        problems = audit()
        if problems:
            raise LiteBuildError("the site names a CDN or PyPI: " + "; ".join(problems))
    except (LiteBuildError, subprocess.CalledProcessError) as error:
        print(f"make lite: {error}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
    print(f"built {SITE.relative_to(ROOT)}: {size / 1e6:.1f} MB, {len(held)} Python packages for the kernel")
    return 0


if __name__ == "__main__":
    sys.exit(main())
