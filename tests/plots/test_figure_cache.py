"""Stored figure images: shown only for the very same figure, drawn afresh for anything else."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import matplotlib
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from casebook import data, plots
from casebook.plots import figure_cache
from casebook.plots.figure_cache import FigureCacheError, key_for

FAKE = b"\x89PNG stored image, not a drawing"


@pytest.fixture(scope="module")
def claims() -> list:
    return data.load("claims")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder of stored images, used in place of the shipped one."""
    monkeypatch.setenv(figure_cache.STORE, str(tmp_path))
    monkeypatch.delenv("CASEBOOK_FIGURE_CACHE", raising=False)
    return tmp_path


def _store(folder: Path, key: str, image: bytes = FAKE) -> None:
    (folder / f"{key}.png").write_bytes(image)


def test_the_same_data_gives_the_same_key_and_changed_data_another(claims) -> None:
    first = plots.claims_by_verdict(claims).cache_key
    assert first is not None and first.startswith("claims_by_verdict-")
    assert plots.claims_by_verdict(list(claims)).cache_key == first
    changed = [dataclasses.replace(claims[0], verdict="U" if claims[0].verdict != "U" else "V"), *claims[1:]]
    assert plots.claims_by_verdict(changed).cache_key != first
    assert plots.claims_by_verdict(claims[1:]).cache_key != first


def test_a_figure_of_data_without_a_value_repr_gets_no_key(claims) -> None:
    assert plots.claims_by_verdict(iter(claims)).cache_key is None


def test_other_resolution_or_other_rcparams_give_another_key(claims) -> None:
    key = key_for("claims_by_verdict", (claims,), {}, 96)
    assert key_for("claims_by_verdict", (claims,), {}, 150) != key
    with matplotlib.rc_context({"font.size": 20}):
        assert key_for("claims_by_verdict", (claims,), {}, 96) != key
    with matplotlib.rc_context({"backend": "svg"}):  # how a figure is shown, not how it looks
        assert key_for("claims_by_verdict", (claims,), {}, 96) == key


def test_a_stored_image_is_shown_instead_of_drawing(store, claims) -> None:
    chart = plots.claims_by_verdict(claims)
    _store(store, chart.cache_key)
    assert chart.png_bytes() == FAKE
    assert "data:image/png;base64," in chart._repr_html_()


def test_without_a_stored_image_the_figure_is_drawn(store, claims) -> None:
    chart = plots.claims_by_verdict(claims)
    assert chart.png_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_a_figure_handed_out_is_always_drawn(store, claims) -> None:
    chart = plots.claims_by_verdict(claims)
    _store(store, chart.cache_key)
    chart.figure.axes[0].set_title("A learner's own title")
    assert chart.cache_key is None
    assert chart.png_bytes() != FAKE

    unpacked = plots.claims_by_verdict(claims)
    _store(store, unpacked.cache_key)
    fig, _alt = unpacked
    assert unpacked.png_bytes() != FAKE


def test_another_resolution_is_drawn(store, claims) -> None:
    chart = plots.claims_by_verdict(claims)
    _store(store, chart.cache_key)
    assert chart.png_bytes(dpi=50) != FAKE


def test_off_mode_always_draws(store, claims, monkeypatch) -> None:
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "off")
    chart = plots.claims_by_verdict(claims)
    _store(store, chart.cache_key)
    assert chart.png_bytes() != FAKE


def test_verify_mode_fails_on_a_missing_or_different_image_and_passes_on_the_same(
    store, claims, monkeypatch
) -> None:
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "verify")
    chart = plots.claims_by_verdict(claims)
    with pytest.raises(FigureCacheError, match="no stored image.*make figures"):
        chart.png_bytes()
    _store(store, chart.cache_key)
    with pytest.raises(FigureCacheError, match="differs from a fresh drawing"):
        chart.png_bytes()
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "off")
    drawn = plots.claims_by_verdict(claims).png_bytes()
    _store(store, chart.cache_key, drawn)
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "verify")
    assert chart.png_bytes() == drawn


def test_record_mode_stores_the_drawing_and_logs_its_key(store, claims, monkeypatch, tmp_path) -> None:
    log = tmp_path / "used.txt"
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "record")
    monkeypatch.setenv(figure_cache.USED_LOG, str(log))
    chart = plots.claims_by_verdict(claims)
    image = chart.png_bytes()
    assert (store / f"{chart.cache_key}.png").read_bytes() == image
    assert log.read_text().split() == [chart.cache_key]


def test_an_unknown_mode_means_use(monkeypatch) -> None:
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "sometimes")
    assert figure_cache.mode() == "use"


def test_record_runs_notebooks_stores_their_figures_and_prunes_the_rest(store, tmp_path) -> None:
    source = 'from casebook import data, plots\nplots.claims_by_verdict(data.load("claims"))'
    notebook = new_notebook(cells=[new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "lesson.ipynb"
    nbformat.write(notebook, path)
    _store(store, "words_per_speaker-00000000000000000000")  # no notebook shows it any more

    used = figure_cache.record([path])

    assert [key.split("-")[0] for key in used] == ["claims_by_verdict"]
    assert sorted(p.stem for p in store.glob("*.png")) == used


def test_every_shipped_image_is_a_png_of_a_known_figure() -> None:
    shipped = sorted(Path(figure_cache.__file__).with_name("drawn").glob("*"))
    names = set(plots.figure_names())
    assert shipped, "no stored figure images: run `make figures`"
    for path in shipped:
        match = re.fullmatch(r"([a-z_]+)-[0-9a-f]{20}\.png", path.name)
        assert match and match.group(1) in names, path.name
        assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), path.name


def test_keys_do_not_depend_on_the_process_hash_seed() -> None:
    """Each kernel hashes strings with its own seed; a key that followed it would never be found."""
    import os
    import subprocess
    import sys

    script = (
        "from casebook import data, plots\n"
        "from casebook.transcript import load_briefing\n"
        "b = load_briefing()\n"
        "rows = data.load('invocations')\n"
        "print(plots.words_per_speaker(b.turns).cache_key)\n"
        "print(plots.belarus_timeline(data.load('timeline'), rows).cache_key)\n"
        "print(plots.political_prisoners(data.load('political_prisoners')).cache_key)\n"
    )
    keys = [
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed, "MPLBACKEND": "Agg"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for seed in ("1", "2")
    ]
    assert len(keys[0]) == 3 and None not in keys[0] and "None" not in keys[0]
    assert keys[0] == keys[1]
