"""``make figures``: run every lesson in ``record`` mode, store its figures' images, prune the rest.

The images and ``manifest.json`` live in ``casebook/plots/drawn/`` (see
:mod:`casebook.plots.figure_cache`, which shows them in lessons). Needs nbclient and a kernel.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from casebook.paths import repo_root
from casebook.plots.figure_cache import USED_LOG, _write_manifest, read_manifest, store_dir


def record(notebooks: Sequence[Path], prune: bool = True) -> list[str]:
    """Run ``notebooks`` in ``record`` mode and store their figures; with ``prune``, delete images none
    of them showed. Returns the keys the notebooks used."""
    import tempfile

    import nbformat
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory() as scratch:
        log = Path(scratch) / "used.txt"
        log.touch()
        saved = {k: os.environ.get(k) for k in ("CASEBOOK_FIGURE_CACHE", USED_LOG, "CASEBOOK_PROGRESS_DIR")}
        os.environ.update(
            {"CASEBOOK_FIGURE_CACHE": "record", USED_LOG: str(log), "CASEBOOK_PROGRESS_DIR": scratch}
        )
        try:
            for path in notebooks:
                notebook = nbformat.read(path, as_version=4)
                where = {"metadata": {"path": str(path.parent)}}
                NotebookClient(notebook, timeout=600, resources=where).execute()
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
        used = sorted(set(log.read_text(encoding="utf-8").split()))
    if prune:
        for path in store_dir().glob("*.png"):
            if path.stem not in used:
                path.unlink()
        manifest = read_manifest()
        manifest["figures"] = {k: v for k, v in manifest["figures"].items() if k in used}
        if manifest["environment"]:
            _write_manifest(manifest)
    return used


def main(argv: Sequence[str] | None = None) -> int:
    """Draw and store every figure the lessons show (``make figures``)."""
    root = repo_root()
    paths = [Path(p) for p in argv] if argv else sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    from nbclient.exceptions import CellExecutionError

    try:
        used = record(paths, prune=not argv)
    except CellExecutionError as error:
        print(f"a lesson failed while its figures were drawn; nothing was pruned:\n{error}")
        return 1
    print(f"{len(used)} figure images in {store_dir()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
