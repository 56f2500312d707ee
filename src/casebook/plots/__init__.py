"""The kit's figures. Each function returns a :class:`Chart`: a matplotlib figure with its alt text.

Every figure has a title, labelled axes, a source line and a plain-language description (alt text), and
uses the Okabe-Ito palette, which colour-blind readers can tell apart. Matplotlib is imported only when
a figure is drawn, so a lesson that shows no figure never loads it.

In a notebook, the last expression ``plots.some_figure(...)`` displays the figure as an HTML ``<img>``
with its alt text (JupyterLab drops alt text from plain PNG outputs) and the source line under it.
``fig, alt = plots.some_figure(...)`` also works.

Figure functions live in small modules by subject (``speakers``, ``timeline``, ``prisoners`` ...) and are
reachable here by name: ``plots.political_prisoners(...)`` finds the function in whichever module
defines it, so adding a figure never means editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from casebook.plots.base import PALETTE, Chart

__all__ = ["PALETTE", "Chart", "figure_names"]

_SKIP = {"base", "fallback", "figure_cache"}


def _figure_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name not in _SKIP)


def figure_names() -> list[str]:
    """The name of every figure function, across all figure modules."""
    names = []
    for module_name in _figure_modules():
        module = importlib.import_module(f"{__name__}.{module_name}")
        names += [n for n in getattr(module, "__all__", []) if callable(getattr(module, n))]
    return sorted(names)


def __getattr__(name: str) -> Any:
    for module_name in _figure_modules():
        module = importlib.import_module(f"{__name__}.{module_name}")
        if name in getattr(module, "__all__", ()):
            return getattr(module, name)
    raise AttributeError(f"casebook.plots has no figure named {name!r}; see casebook.plots.figure_names()")
