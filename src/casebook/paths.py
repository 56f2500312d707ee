"""Where the kit's files are, whatever the working directory.

Notebooks never read ``../data/...`` relative to the current directory (the most common complaint
about course repositories). They ask this module, which finds ``data/`` beside the package source
(the package is installed editable by ``make`` and by Binder) or wherever ``CASEBOOK_DATA`` points.
The course's own code (the exercise checks in ``course/checks/``) is found the same way, beside the
package source or wherever ``CASEBOOK_COURSE`` points (the browser-only site sets it to its drive).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "CASEBOOK_DATA"
ENV_COURSE = "CASEBOOK_COURSE"


class DataFolderNotFound(FileNotFoundError):
    """Raised with a plain-English message when no data folder can be found."""


def repo_root() -> Path:
    """The folder that holds ``src/``, ``data/`` and ``notebooks/`` in a source checkout."""
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """The data folder: ``$CASEBOOK_DATA`` if set, else ``data/`` beside the package source.

    Raises DataFolderNotFound, naming every place it looked, when neither exists.
    """
    override = os.environ.get(ENV_DATA)
    if override:
        path = Path(override).expanduser()
        if path.is_dir():
            return path.resolve()
        raise DataFolderNotFound(
            f"{ENV_DATA} is set to '{override}', but that folder does not exist. "
            f"Unset it, or point it at the kit's data folder."
        )
    path = repo_root() / "data"
    if path.is_dir():
        return path
    raise DataFolderNotFound(
        f"casebook could not find its data folder (looked in {path}). Install the kit from its source "
        f"folder with 'make lab' (or 'pip install -e .'), or set {ENV_DATA} to the folder that holds "
        f"datapackage.json."
    )


def course_dir() -> Path:
    """The course folder (its exercise checks): ``$CASEBOOK_COURSE`` if set, else ``course/`` beside
    the package source. Unlike ``data_dir`` it does not check that the folder exists: the checks say
    so in one line when they cannot find their definitions.
    """
    override = os.environ.get(ENV_COURSE)
    if override:
        return Path(override).expanduser().resolve()
    return repo_root() / "course"


def checks_dir() -> Path:
    """The folder of the course's check definitions: ``checks/`` in ``course_dir()``."""
    return course_dir() / "checks"
