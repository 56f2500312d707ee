"""The shared figure machinery: house style, source line, alt text in the HTML display."""

from __future__ import annotations

import re
import subprocess
import sys

from casebook.plots.base import PALETTE, Chart, finish, new_figure


def _chart() -> Chart:
    figure, axes = new_figure()
    axes.plot([1, 2, 3], [3, 1, 2], color=PALETTE["blue"])
    return finish(
        figure,
        axes,
        title="A title",
        xlabel="Year",
        ylabel="Count",
        source="Viasna <test> & co",
        alt="A line that falls, then rises.",
    )


def test_finish_sets_title_labels_and_source_line() -> None:
    chart = _chart()
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "A title"
    assert axes.get_xlabel() == "Year" and axes.get_ylabel() == "Count"
    texts = [t.get_text() for t in chart.figure.texts]
    assert "Source: Viasna <test> & co" in texts


def test_chart_unpacks_to_figure_and_alt() -> None:
    figure, alt = _chart()
    assert alt == "A line that falls, then rises."
    assert figure.axes


def test_html_display_keeps_alt_text_and_escapes_it() -> None:
    html = _chart()._repr_html_()
    img = r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="A line that falls, then rises\. Source: '
    assert re.search(img, html)
    assert "Source: Viasna &lt;test&gt; &amp; co" in html
    assert "<test>" not in html
    assert html.count("Source:") == 1, "the source line is drawn in the image; say it once in the HTML"


def test_png_is_a_real_png() -> None:
    assert _chart().png_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_importing_plots_does_not_import_matplotlib() -> None:
    code = "import casebook.plots, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_unknown_figure_name_gives_a_clear_error() -> None:
    import pytest

    import casebook.plots as plots

    with pytest.raises(AttributeError, match="no figure named 'no_such_figure'"):
        plots.no_such_figure  # noqa: B018


def test_png_is_the_image_savefig_makes_and_leaves_the_figure_as_it_was() -> None:
    import io

    chart = _chart()
    dpi, canvas = chart.figure.dpi, chart.figure.canvas
    ours = chart.png_bytes(dpi=96)
    assert (chart.figure.dpi, chart.figure.canvas) == (dpi, canvas)
    buffer = io.BytesIO()
    _chart().figure.savefig(buffer, format="png", dpi=96, metadata={"Software": None})
    assert ours == buffer.getvalue()


def test_a_shown_chart_does_not_keep_its_pixel_buffer(monkeypatch) -> None:
    # Texts remember the renderer they were drawn with; a Chart left in a notebook variable must not
    # hold on to the whole image buffer through them.
    import gc
    import weakref

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderers: list[weakref.ref] = []
    original = FigureCanvasAgg.get_renderer

    def get_renderer(self):
        renderer = original(self)
        renderers.append(weakref.ref(renderer))
        return renderer

    monkeypatch.setattr(FigureCanvasAgg, "get_renderer", get_renderer)
    chart = _chart()
    chart._repr_html_()
    gc.collect()
    assert renderers and all(ref() is None for ref in renderers)
    assert chart.png_bytes() == chart.png_bytes()  # drawing again still works
