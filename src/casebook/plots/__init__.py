"""The kit's figures. Each function returns a :class:`Chart`: a matplotlib figure with its alt text.

Every figure has a title, labelled axes, a source line and a plain-language description (alt text), and
uses the Okabe-Ito palette, which colour-blind readers can tell apart. Matplotlib is imported only when
a figure is drawn, so a lesson that shows no figure never loads it.

In a notebook, the last expression ``plots.some_figure(...)`` displays the figure as an HTML ``<img>``
with its alt text (JupyterLab drops alt text from plain PNG outputs) and the source line under it.
``fig, alt = plots.some_figure(...)`` also works.

Figure functions live in small modules by subject and are re-exported here.
"""

from __future__ import annotations

from casebook.plots.base import PALETTE, Chart

__all__ = ["PALETTE", "Chart"]
