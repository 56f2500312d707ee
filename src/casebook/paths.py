"""Where the kit's files are, whatever the working directory.

Notebooks never read ``../data/...`` relative to the current directory (the most common complaint
about course repositories). They ask this module, which finds ``data/`` beside the package source
(the package is installed editable by ``make`` and by Binder) or wherever ``CASEBOOK_DATA`` points.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA = "CASEBOOK_DATA"


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
