"""What every figure shares: the palette, the house style, the source line and the Chart wrapper."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#6E6E6E",
}
# Lessons show figures at this resolution; stored images (``figure_cache``) are kept at it only.
DISPLAY_DPI = 96
SERIES = ("blue", "orange", "green", "vermillion", "sky", "purple")

# Where a chart's display image comes from when it has a key: given the key, a way to draw the image and
# the chart's words, it returns PNG bytes (``figure_cache.png_for``: the stored image, or drawn).
ImageSource = Callable[[str, Callable[[], bytes], Mapping[str, str]], bytes]


class Chart:
    """A figure and the words that make it accessible: title, alt text and source line.

    Unpacks as ``fig, alt = chart``. Displays in Jupyter as an HTML figure whose ``<img>`` carries the alt
    text followed by the source line (the source is drawn inside the image too, so it travels with a
    saved copy; a caption would repeat it on screen).

    The figure cache's decorator links a chart to its stored image (``use_image_source``, see
    :mod:`casebook.plots.figure_cache`): the display then shows the lessons' stored image of the very
    same figure instead of drawing it again. ``editable_figure()`` unlinks it and hands out the figure
    to change; unpacking does the same. Reading ``chart.figure`` only looks. A chart taken from the
    store has no figure yet (``figure=None``): ``redraw`` builds the same chart with matplotlib the
    first time its figure is asked for.
    """

    def __init__(
        self,
        figure: Figure | None,
        alt: str,
        title: str,
        source: str,
        redraw: Callable[[], Chart] | None = None,
    ) -> None:
        if figure is None and redraw is None:
            raise ValueError("a Chart needs a figure, or a way to draw one (redraw)")
        self._figure = figure
        self._redraw = redraw
        self.alt = alt
        self.title = title
        self.source = source
        self.cache_key: str | None = None
        self._image_source: ImageSource | None = None

    def use_image_source(self, key: str | None, source: ImageSource) -> None:
        """Show the image ``source`` gives for ``key`` instead of drawing (no key: always drawn)."""
        self.cache_key = key
        self._image_source = source if key is not None else None

    def editable_figure(self) -> Figure:
        """The figure, to change: from now on the chart is always drawn, never taken from the store."""
        self.cache_key = None
        self._image_source = None
        return self._built()

    def __repr__(self) -> str:
        return f"Chart(title={self.title!r})"

    @property
    def figure(self) -> Figure:
        """The matplotlib figure, to look at or save; to change it, call ``editable_figure()``."""
        return self._built()

    def _built(self) -> Figure:
        if self._figure is None:
            assert self._redraw is not None  # __init__ refuses a chart with neither
            self._figure = self._redraw()._built()
        return self._figure

    def description(self) -> dict[str, str]:
        """The words that go with the image: title, alt text and source line (what the store keeps)."""
        return {"title": self.title, "alt": self.alt, "source": self.source}

    def __iter__(self) -> Iterator[Any]:
        yield self.editable_figure()
        yield self.alt

    def png_bytes(self, dpi: int = DISPLAY_DPI) -> bytes:
        """The figure as PNG bytes: from its image source when it has one (the figure cache), else drawn.

        Drawn once: ``savefig`` on a figure with a layout engine draws it twice (a first pass without
        pixels to run the layout, then the real one), and the first pass lays out every text again.
        Here the single Agg draw runs the constrained layout itself; the pixels are the same.
        """
        if dpi == DISPLAY_DPI and self.cache_key is not None and self._image_source is not None:
            return self._image_source(self.cache_key, lambda: self._draw(dpi), self.description())
        return self._draw(dpi)

    def _draw(self, dpi: int) -> bytes:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.image import imsave
        from matplotlib.text import Text

        figure = self._built()
        original_canvas, original_dpi = figure.canvas, figure.dpi
        canvas = FigureCanvasAgg(figure)
        try:
            figure.dpi = dpi
            canvas.draw()
            buffer = io.BytesIO()
            imsave(buffer, canvas.buffer_rgba(), format="png", dpi=dpi, metadata={"Software": None})  # type: ignore[dict-item]
        finally:
            figure.dpi = original_dpi
            figure.set_canvas(original_canvas)
            # Every drawn text keeps the renderer it was drawn with, and with it the whole pixel buffer
            # (3 MB for a tall timeline at 96 dpi) for as long as the Chart lives. They measure again
            # with the next renderer, so let the buffer go with the canvas.
            for text in figure.findobj(Text):
                if getattr(text, "_renderer", None) is not None:
                    text._renderer = None  # type: ignore[attr-defined]
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.png_bytes()).decode("ascii")
        return (
            f'<figure class="casebook-figure" style="margin:0">'
            f'<img src="data:image/png;base64,{data}" '
            f'alt="{html.escape(f"{self.alt} {self.source}", quote=True)}" '
            'style="max-width:100%;height:auto"></figure>'
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"{self.title}\n{self.alt}\n{self.source}")


def uncertain_marker(label: str) -> Any:
    """A legend entry for a hollow grey marker: the kit's sign that sources disagree (confidence U)."""
    from matplotlib.lines import Line2D

    return Line2D(
        [], [], marker="o", linestyle="", markerfacecolor="white", color=PALETTE["grey"], label=label
    )


def new_figure(width: float = 8.0, height: float = 4.5) -> tuple[Figure, Axes]:
    """A figure and axes in the house style, without pyplot (no global state, nothing shown twice)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    axes.set_axisbelow(True)
    return figure, axes


def finish(
    figure: Figure, axes: Axes, *, title: str, xlabel: str, ylabel: str, source: str, alt: str
) -> Chart:
    """Give a figure its title, axis labels and source line, and wrap it with its alt text."""
    axes.set_title(title, loc="left", fontsize=13, fontweight="bold")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    figure.text(0.01, 0.005, f"Source: {source}", fontsize=8, color="#444444", ha="left", va="bottom")
    figure.get_layout_engine().set(rect=(0, 0.04, 1, 0.96))  # type: ignore[union-attr, call-arg]
    return Chart(figure=figure, alt=alt, title=title, source=f"Source: {source}")
