"""Figures drawn once, not once per student: the lessons' images, kept beside the code that draws them.

Drawing a text-heavy figure costs a kernel about half a second of CPU; a class of thirty pressing
"Run all" on one server pays that thirty times for the same pixels. So the image of each figure a
lesson shows ships in ``plots/drawn/``, named by a key made from what the figure is: the figure
function's name, its arguments (``repr`` of the data records), the source of the module that defines
it and of ``plots/base.py``, the house style it draws with (line endings ignored, so a Windows checkout
gets the same keys), and the resolution.
Change any of them (a corrected dataset, an edited figure, a teacher's own data) and the key changes,
so the figure is drawn afresh; nothing stale can be shown. A chart whose figure was handed out
(``chart.editable_figure()`` or ``fig, alt = chart``) is always drawn, since it may have been changed.

How the pixels were drawn is recorded once, at ``make figures`` time, in ``drawn/manifest.json``:
matplotlib's version and a digest of its rcParams, and for each key the figure's title, alt text and
source line. So showing a stored figure needs no matplotlib at all: the figure function is not even
called (a lesson's kernel never imports matplotlib, and the browser-only course, which has none, shows
every lesson's figures). A stored image is shown only while the drawing environment is the recorded
one: matplotlib absent, or the installed version the recorded one with no ``matplotlibrc`` of the
user's, or (once matplotlib is imported) the same version and rcParams. Otherwise the figure is drawn.
Where a figure has no stored image and matplotlib is missing (a teacher's own data in the browser-only
course), the chart says so in one line and shows its data as a table (:mod:`casebook.plots.fallback`).

``CASEBOOK_FIGURE_CACHE`` chooses the behaviour:

- ``use`` (the default): show the stored image when there is one, else draw.
- ``off``: always draw (the benchmark reports lessons this way too).
- ``verify``: draw, and fail unless a stored image exists and is byte for byte what was drawn, and the
  manifest holds this environment and the chart's very title, alt text and source. The test run sets
  it, so every figure a lesson shows is proven to equal what is stored.
- ``record``: draw, and store what is missing (image and manifest entry).
  ``make figures`` (``python -m casebook.maintain.figures``, a maintainer's tool) runs every lesson
  this way and removes the images (and manifest entries) no lesson uses any more.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from casebook.plots.base import DISPLAY_DPI, Chart

if TYPE_CHECKING:  # pragma: no cover - typing only
    from casebook.plots.fallback import DataOnlyChart

ChartFunction = TypeVar("ChartFunction", bound=Callable[..., Chart])

MODES = ("use", "off", "verify", "record")
STORE = "CASEBOOK_FIGURE_STORE"  # another folder of stored images (tests use it); default plots/drawn
USED_LOG = "CASEBOOK_FIGURE_CACHE_LOG"  # record mode appends each key it sees here
MANIFEST = "manifest.json"  # in the store: the drawing environment, and each key's title, alt and source
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


# Every figure module draws with the house style of ``base``, so its source is in every key.
_SHARED_SOURCE = "base.py"


def _code_fingerprint(module_file: str) -> str:
    """A digest of what draws one figure: its own module's source and ``base.py``'s (line endings ignored).

    Editing one figure module (a docstring included) changes the keys of that module's figures only.
    """
    folder = Path(__file__).parent
    digest = hashlib.sha256()
    for name in sorted({Path(module_file).name, _SHARED_SOURCE}):
        digest.update(name.encode())
        digest.update((folder / name).read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


def key_for(
    name: str, args: Sequence[Any], kwargs: Mapping[str, Any], dpi: int, module_file: str = _SHARED_SOURCE
) -> str | None:
    """The key of a figure drawn by ``name(*args, **kwargs)`` at ``dpi``, or None if it has none.

    ``module_file`` is the file of the module that defines the figure function (only its name counts:
    it is read beside this file). Arguments whose ``repr`` shows a memory address (a generator, an
    object without a data repr) cannot be told apart by value, so such a figure is never stored or
    looked up. Computing a key imports nothing: how the figure is drawn is checked against the
    manifest instead.
    """
    described = repr((tuple(args), sorted(kwargs.items())))
    if " at 0x" in described:
        return None
    digest = hashlib.sha256()
    for part in (name, described, _code_fingerprint(module_file), str(dpi)):
        digest.update(part.encode("utf-8", "backslashreplace"))
        digest.update(b"\0")
    return f"{name}-{digest.hexdigest()[:20]}"


def drawing_environment() -> dict[str, str]:
    """What the pixels depend on besides the figure itself: matplotlib's version and its rcParams.

    Imports matplotlib; only drawing, ``verify`` and ``record`` call it.
    """
    import matplotlib

    # Reading rcParams["backend"] would import pyplot to resolve it: skip the keys before reading.
    rc = sorted((k, repr(matplotlib.rcParams[k])) for k in matplotlib.rcParams if k not in _IGNORED_RC)
    rc_digest = hashlib.sha256(repr(rc).encode("utf-8", "backslashreplace")).hexdigest()
    return {"matplotlib": matplotlib.__version__, "rcParams": rc_digest}


def read_manifest() -> dict[str, Any]:
    """The store's manifest (``{"environment": {...}, "figures": {key: {title, alt, source}}}``).

    A missing or unreadable manifest reads as empty, so every figure is then drawn.
    """
    try:
        manifest = json.loads((store_dir() / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"environment": {}, "figures": {}}
    if not isinstance(manifest, dict):
        return {"environment": {}, "figures": {}}
    environment = manifest.get("environment")
    figures = manifest.get("figures")
    return {
        "environment": environment if isinstance(environment, dict) else {},
        "figures": figures if isinstance(figures, dict) else {},
    }


def _installed_matplotlib() -> str | None:
    try:
        return importlib.metadata.version("matplotlib")
    except importlib.metadata.PackageNotFoundError:
        return None


def _user_matplotlibrc() -> bool:
    """Whether a ``matplotlibrc`` outside matplotlib's own could change the rcParams at import."""
    home = Path.home()
    candidates = [Path.cwd() / "matplotlibrc"]
    chosen = os.environ.get("MATPLOTLIBRC")
    if chosen:
        candidates += [Path(chosen), Path(chosen) / "matplotlibrc"]
    config = os.environ.get("MPLCONFIGDIR")
    if config:
        candidates.append(Path(config) / "matplotlibrc")
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
    candidates += [Path(xdg) / "matplotlib" / "matplotlibrc", home / ".matplotlib" / "matplotlibrc"]
    return any(path.is_file() for path in candidates)


def environment_matches(recorded: Mapping[str, Any]) -> bool:
    """Whether figures drawn now would look as the recorded ones do, checked as cheaply as possible.

    Without matplotlib nothing could draw them differently, so the stored images are the figures.
    Before matplotlib is imported, its installed version and the absence of a user's ``matplotlibrc``
    decide (rcParams cannot have been changed yet); afterwards, its version and rcParams themselves.
    """
    if "matplotlib" in sys.modules:
        return drawing_environment() == dict(recorded)
    installed = _installed_matplotlib()
    if installed is None:
        return True
    return installed == recorded.get("matplotlib") and not _user_matplotlibrc()


def can_draw() -> bool:
    """Whether matplotlib is here to draw a figure that has no stored image."""
    return "matplotlib" in sys.modules or importlib.util.find_spec("matplotlib") is not None


def keyed(function: ChartFunction) -> ChartFunction:
    """Mark a figure function's charts with the key of their stored image (computed before drawing).

    In ``use`` mode a figure whose image and description are stored, drawn in this environment, comes
    straight from the store: the function is not called and matplotlib is not imported. A figure that
    cannot be drawn here (no stored image, no matplotlib) comes back as its data in a table.
    """

    @functools.wraps(function)
    def with_key(*args: Any, **kwargs: Any) -> Chart | DataOnlyChart:
        key = key_for(function.__name__, args, kwargs, DISPLAY_DPI, function.__code__.co_filename)
        if key is not None and mode() == "use":
            kept = stored_chart(key, functools.partial(function, *args, **kwargs))
            if kept is not None:
                return kept
        if not can_draw():
            from casebook.plots.fallback import data_only_chart

            return data_only_chart(function.__name__, args, kwargs)
        chart = function(*args, **kwargs)
        chart.use_image_source(key, png_for)
        return chart

    return with_key  # type: ignore[return-value]


def stored_chart(key: str, redraw: Callable[[], Chart]) -> Chart | None:
    """The chart of ``key`` built from the store, if its image and description are there and current.

    ``redraw`` calls the figure function; the chart uses it only if its figure is asked for.
    """
    manifest = read_manifest()
    described = manifest["figures"].get(key)
    if not isinstance(described, dict) or not all(
        isinstance(described.get(field), str) for field in ("title", "alt", "source")
    ):
        return None
    if not (store_dir() / f"{key}.png").is_file() or not environment_matches(manifest["environment"]):
        return None
    chart = Chart(
        figure=None, alt=described["alt"], title=described["title"], source=described["source"], redraw=redraw
    )
    chart.use_image_source(key, png_for)
    return chart


def stored(key: str) -> bytes | None:
    """The stored image for ``key``, or None."""
    path = store_dir() / f"{key}.png"
    try:
        return path.read_bytes()
    except OSError:
        return None


def _record_description(key: str, description: Mapping[str, str]) -> None:
    manifest = read_manifest()
    manifest["environment"] = drawing_environment()
    manifest["figures"][key] = dict(description)
    _write_manifest(manifest)


def _write_manifest(manifest: Mapping[str, Any]) -> None:
    from casebook.files import write_atomic

    ordered = {"environment": manifest["environment"], "figures": dict(sorted(manifest["figures"].items()))}
    text = json.dumps(ordered, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    store_dir().mkdir(parents=True, exist_ok=True)
    write_atomic(store_dir() / MANIFEST, text)


def png_for(
    key: str | None, draw: Callable[[], bytes], description: Mapping[str, str] | None = None
) -> bytes:
    """The PNG of the figure with ``key``: stored or drawn, as the cache mode says.

    ``description`` (title, alt and source) is what ``record`` stores and ``verify`` compares.
    """
    chosen = mode()
    if key is None or chosen == "off":
        return draw()
    if chosen == "use":
        image = stored(key)
        if image is not None and environment_matches(read_manifest()["environment"]):
            return image
        return draw()
    image = draw()
    kept = stored(key)
    if chosen == "record":
        if kept != image:
            store_dir().mkdir(parents=True, exist_ok=True)
            (store_dir() / f"{key}.png").write_bytes(image)
        if description is not None:
            _record_description(key, description)
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
    manifest = read_manifest()
    if manifest["environment"] != drawing_environment():
        raise FigureCacheError(
            f"figure {key}: {store_dir() / MANIFEST} records another matplotlib version or other rcParams "
            "than this drawing's; run `make figures`"
        )
    if description is not None and manifest["figures"].get(key) != dict(description):
        raise FigureCacheError(
            f"figure {key}: {store_dir() / MANIFEST} has no entry or another title, alt text or source "
            "for it; run `make figures`"
        )
    return image


if __name__ == "__main__":  # ``python -m casebook.plots.figure_cache``, kept: the tool is maintain.figures
    from casebook.maintain.figures import main

    sys.exit(main(sys.argv[1:]))
