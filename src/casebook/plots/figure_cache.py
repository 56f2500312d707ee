"""Figures drawn once, not once per student: the lessons' images, kept beside the code that draws them.

Drawing a text-heavy figure costs a kernel about half a second of CPU; a class of thirty pressing
"Run all" on one server pays that thirty times for the same pixels. So the image of each figure a
lesson shows ships in ``plots/drawn/``, named by a key that covers everything the pixels depend on:
the figure function's name, its arguments (``repr`` of the data records), the source of every module
in ``casebook.plots``, matplotlib's version, the rcParams and the resolution. Change any of them (a
corrected dataset, an edited figure, a teacher's own data) and the key changes, so the figure is drawn
afresh; nothing stale can be shown. A chart whose figure was handed out (``chart.figure`` or
``fig, alt = chart``) is always drawn, since it may have been changed.

``CASEBOOK_FIGURE_CACHE`` chooses the behaviour:

- ``use`` (the default): show the stored image when there is one, else draw.
- ``off``: always draw (the benchmark reports lessons this way too).
- ``verify``: draw, and fail unless a stored image exists and is byte for byte what was drawn. The
  test run sets it, so every figure a lesson shows is proven to equal its stored image.
- ``record``: draw, and store what is missing. ``python -m casebook.plots.figure_cache`` (``make
  figures``) runs every lesson this way and removes the images no lesson uses any more.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from casebook.plots.base import DISPLAY_DPI, Chart

ChartFunction = TypeVar("ChartFunction", bound=Callable[..., Chart])

MODES = ("use", "off", "verify", "record")
STORE = "CASEBOOK_FIGURE_STORE"  # another folder of stored images (tests use it); default plots/drawn
USED_LOG = "CASEBOOK_FIGURE_CACHE_LOG"  # record mode appends each key it sees here
# rcParams that choose how a figure reaches the screen, not how its pixels look.
_IGNORED_RC = {"backend", "backend_fallback", "interactive", "figure.raise_window", "webagg.port"}


class FigureCacheError(RuntimeError):
    """A stored figure image is missing or differs from a fresh drawing (``verify`` mode)."""


def store_dir() -> Path:
    """The folder of stored images: ``CASEBOOK_FIGURE_STORE`` if set, else ``drawn/`` beside this file."""
    chosen = os.environ.get(STORE)
    return Path(chosen) if chosen else Path(__file__).with_name("drawn")


def mode() -> str:
    """The cache behaviour chosen by ``CASEBOOK_FIGURE_CACHE`` (``use`` when unset or unknown)."""
    chosen = os.environ.get("CASEBOOK_FIGURE_CACHE", "use").strip().lower()
    return chosen if chosen in MODES else "use"


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def key_for(name: str, args: Sequence[Any], kwargs: Mapping[str, Any], dpi: int) -> str | None:
    """The key of a figure drawn by ``name(*args, **kwargs)`` at ``dpi``, or None if it has none.

    Arguments whose ``repr`` shows a memory address (a generator, an object without a data repr)
    cannot be told apart by value, so such a figure is never stored or looked up.
    """
    import matplotlib

    described = repr((tuple(args), sorted(kwargs.items())))
    if " at 0x" in described:
        return None
    # Reading rcParams["backend"] would import pyplot to resolve it: skip the keys before reading.
    rc = sorted((k, repr(matplotlib.rcParams[k])) for k in matplotlib.rcParams if k not in _IGNORED_RC)
    digest = hashlib.sha256()
    for part in (name, described, _code_fingerprint(), matplotlib.__version__, repr(rc), str(dpi)):
        digest.update(part.encode("utf-8", "backslashreplace"))
        digest.update(b"\0")
    return f"{name}-{digest.hexdigest()[:20]}"


def keyed(function: ChartFunction) -> ChartFunction:
    """Mark a figure function's charts with the key of their stored image (computed before drawing)."""

    @functools.wraps(function)
    def with_key(*args: Any, **kwargs: Any) -> Chart:
        key = key_for(function.__name__, args, kwargs, DISPLAY_DPI)
        chart = function(*args, **kwargs)
        chart.cache_key = key
        return chart

    return with_key  # type: ignore[return-value]


def stored(key: str) -> bytes | None:
    """The stored image for ``key``, or None."""
    path = store_dir() / f"{key}.png"
    try:
        return path.read_bytes()
    except OSError:
        return None


def png_for(key: str | None, draw: Callable[[], bytes]) -> bytes:
    """The PNG of the figure with ``key``: stored or drawn, as the cache mode says."""
    chosen = mode()
    if key is None or chosen == "off":
        return draw()
    if chosen == "use":
        image = stored(key)
        return image if image is not None else draw()
    image = draw()
    kept = stored(key)
    if chosen == "record":
        if kept != image:
            store_dir().mkdir(parents=True, exist_ok=True)
            (store_dir() / f"{key}.png").write_bytes(image)
        log = os.environ.get(USED_LOG)
        if log:
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(key + "\n")
        return image
    if kept is None:
        raise FigureCacheError(
            f"figure {key}: no stored image in {store_dir()}; run `make figures` to draw the lessons' figures"
        )
    if kept != image:
        raise FigureCacheError(
            f"figure {key}: the stored image {store_dir() / (key + '.png')} differs from a fresh drawing; "
            "run `make figures`"
        )
    return image


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
    return used


def main(argv: Sequence[str] | None = None) -> int:
    """Draw and store every figure the lessons show (``make figures``)."""
    root = Path(__file__).resolve().parents[3]
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
