"""Stored figure images: shown only for the very same figure, drawn afresh for anything else."""

from __future__ import annotations

import dataclasses
import re
import sys
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


def _store(folder: Path, key: str, image: bytes = FAKE, description: dict | None = None) -> None:
    """Store an image, and record this environment (and the description, if given) in the manifest."""
    (folder / f"{key}.png").write_bytes(image)
    manifest = figure_cache.read_manifest()
    manifest["environment"] = figure_cache.drawing_environment()
    if description is not None:
        manifest["figures"][key] = description
    figure_cache._write_manifest(manifest)


def _kept_chart(store: Path, claims: list, monkeypatch: pytest.MonkeyPatch):
    """A claims chart whose image and description are stored; the function must not run again."""
    chart = plots.claims_by_verdict(claims)
    described = {**chart.description(), "alt": "The stored alt text."}
    _store(store, chart.cache_key, FAKE, described)
    return chart.cache_key


def test_the_same_data_gives_the_same_key_and_changed_data_another(claims) -> None:
    first = plots.claims_by_verdict(claims).cache_key
    assert first is not None and first.startswith("claims_by_verdict-")
    assert plots.claims_by_verdict(list(claims)).cache_key == first
    changed = [dataclasses.replace(claims[0], verdict="U" if claims[0].verdict != "U" else "V"), *claims[1:]]
    assert plots.claims_by_verdict(changed).cache_key != first
    assert plots.claims_by_verdict(claims[1:]).cache_key != first


def test_a_figure_of_data_without_a_value_repr_gets_no_key(claims) -> None:
    assert plots.claims_by_verdict(iter(claims)).cache_key is None


def test_another_resolution_gives_another_key_and_rcparams_do_not_enter_it(claims) -> None:
    key = key_for("claims_by_verdict", (claims,), {}, 96)
    assert key_for("claims_by_verdict", (claims,), {}, 150) != key
    with matplotlib.rc_context({"font.size": 20}):  # checked against the manifest instead
        assert key_for("claims_by_verdict", (claims,), {}, 96) == key


def test_keys_ignore_line_endings_of_the_plots_source(monkeypatch, tmp_path) -> None:
    """A Windows checkout (CRLF) must find the images a Linux one stored."""
    for path in Path(figure_cache.__file__).parent.glob("*.py"):
        (tmp_path / path.name).write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    unix = figure_cache._code_fingerprint("claims.py")
    monkeypatch.setattr(figure_cache, "__file__", str(tmp_path / "figure_cache.py"))
    assert figure_cache._code_fingerprint("claims.py") == unix


def test_a_key_depends_on_its_own_module_and_base_only(monkeypatch, tmp_path, claims) -> None:
    """Editing one figure module's docstring must not make every stored image stale."""
    folder = Path(figure_cache.__file__).parent
    for path in folder.glob("*.py"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(figure_cache, "__file__", str(tmp_path / "figure_cache.py"))
    before = key_for("claims_by_verdict", (claims,), {}, 96, "claims.py")
    other = key_for("words_per_speaker", ((),), {}, 96, "speakers.py")
    claims_source = tmp_path / "claims.py"
    claims_source.write_text(claims_source.read_text() + "\n# an edited comment\n")
    assert key_for("claims_by_verdict", (claims,), {}, 96, "claims.py") != before
    assert key_for("words_per_speaker", ((),), {}, 96, "speakers.py") == other
    base = tmp_path / "base.py"
    base.write_text(base.read_text() + "\n# the house style changed\n")
    assert key_for("words_per_speaker", ((),), {}, 96, "speakers.py") != other


def test_a_figures_key_names_the_module_that_draws_it(claims) -> None:
    from casebook.plots import claims as claims_module

    expected = key_for("claims_by_verdict", (claims,), {}, 96, claims_module.__file__)
    assert plots.claims_by_verdict(claims).cache_key == expected
    assert key_for("claims_by_verdict", (claims,), {}, 96, "speakers.py") != expected


def test_other_rcparams_or_another_matplotlib_mean_the_stored_image_is_not_shown(store, claims) -> None:
    chart = plots.claims_by_verdict(claims)
    _store(store, chart.cache_key)
    with matplotlib.rc_context({"font.size": 20}):
        assert chart.png_bytes() != FAKE
    manifest = figure_cache.read_manifest()
    manifest["environment"]["matplotlib"] = "0.0.1"
    figure_cache._write_manifest(manifest)
    assert chart.png_bytes() != FAKE


def test_a_stored_figure_comes_from_the_store_without_calling_the_figure_function(
    store, claims, monkeypatch
) -> None:
    key = _kept_chart(store, claims, monkeypatch)
    chart = plots.claims_by_verdict(claims)
    assert chart._figure is None and chart.cache_key == key
    assert chart.alt == "The stored alt text."
    assert chart.png_bytes() == FAKE
    assert chart.figure.axes, "asking for the figure draws it after all"
    assert chart.cache_key == key and chart.png_bytes() == FAKE, "reading the figure only looks"
    assert chart.editable_figure() is chart.figure
    assert chart.cache_key is None


def test_before_matplotlib_is_imported_its_version_and_a_users_matplotlibrc_decide(
    store, claims, monkeypatch, tmp_path
) -> None:
    recorded = figure_cache.drawing_environment()
    monkeypatch.delitem(sys.modules, "matplotlib")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("MATPLOTLIBRC", raising=False)
    assert figure_cache.environment_matches(recorded)
    assert not figure_cache.environment_matches({**recorded, "matplotlib": "0.0.1"})
    (tmp_path / "matplotlibrc").write_text("font.size: 20\n")
    assert not figure_cache.environment_matches(recorded)


def test_without_matplotlib_the_stored_images_are_the_figures(monkeypatch) -> None:
    monkeypatch.delitem(sys.modules, "matplotlib")
    monkeypatch.setattr(figure_cache, "_installed_matplotlib", lambda: None)
    assert figure_cache.environment_matches({"matplotlib": "3.0.0", "rcParams": "x"})


def test_a_figure_that_cannot_be_drawn_here_says_so_and_shows_its_data(store, claims, monkeypatch) -> None:
    monkeypatch.setattr(figure_cache, "can_draw", lambda: False)
    changed = [dataclasses.replace(claims[0], verdict="U"), *claims[1:]]
    chart = plots.claims_by_verdict(changed)
    page = chart._repr_html_()
    assert page.count("<p ") == 1 and "cannot be drawn here" in page and "matplotlib" in page
    assert page.count("<tr>") == len(claims) + 1 and "c01" in page
    from IPython.lib.pretty import pretty

    assert pretty(chart).startswith("This figure cannot be drawn here") and "c01" in pretty(chart)
    with pytest.raises(RuntimeError, match="claims_by_verdict: This figure cannot be drawn here"):
        chart.png_bytes()
    with pytest.raises(RuntimeError, match="needs matplotlib"):
        _fig, _alt = chart


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
    chart.editable_figure().axes[0].set_title("A learner's own title")
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
    with pytest.raises(FigureCacheError, match="no entry or another title, alt text or source"):
        chart.png_bytes()
    _store(store, chart.cache_key, drawn, {**chart.description(), "alt": "stale words"})
    with pytest.raises(FigureCacheError, match="no entry or another title, alt text or source"):
        chart.png_bytes()
    _store(store, chart.cache_key, drawn, chart.description())
    assert chart.png_bytes() == drawn
    manifest = figure_cache.read_manifest()
    manifest["environment"]["rcParams"] = "another"
    figure_cache._write_manifest(manifest)
    with pytest.raises(FigureCacheError, match="another matplotlib version or other rcParams"):
        chart.png_bytes()


def test_record_mode_stores_the_drawing_and_logs_its_key(store, claims, monkeypatch, tmp_path) -> None:
    log = tmp_path / "used.txt"
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "record")
    monkeypatch.setenv(figure_cache.USED_LOG, str(log))
    chart = plots.claims_by_verdict(claims)
    image = chart.png_bytes()
    assert (store / f"{chart.cache_key}.png").read_bytes() == image
    assert log.read_text().split() == [chart.cache_key]
    manifest = figure_cache.read_manifest()
    assert manifest["figures"] == {chart.cache_key: chart.description()}
    assert manifest["environment"] == figure_cache.drawing_environment()


def test_an_unknown_mode_means_use(monkeypatch) -> None:
    monkeypatch.setenv("CASEBOOK_FIGURE_CACHE", "sometimes")
    assert figure_cache.mode() == "use"


def test_record_runs_notebooks_stores_their_figures_and_prunes_the_rest(store, tmp_path) -> None:
    source = 'from casebook import data, plots\nplots.claims_by_verdict(data.load("claims"))'
    notebook = new_notebook(cells=[new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "lesson.ipynb"
    nbformat.write(notebook, path)
    _store(store, "words_per_speaker-00000000000000000000", FAKE, {"title": "t", "alt": "a", "source": "s"})

    from casebook.maintain.figures import record

    used = record([path])

    assert [key.split("-")[0] for key in used] == ["claims_by_verdict"]
    assert sorted(p.stem for p in store.glob("*.png")) == used
    assert sorted(figure_cache.read_manifest()["figures"]) == used


def test_every_shipped_image_is_a_png_of_a_known_figure() -> None:
    folder = Path(figure_cache.__file__).with_name("drawn")
    shipped = sorted(folder.glob("*.png"))
    names = set(plots.figure_names())
    assert shipped, "no stored figure images: run `make figures`"
    manifest = figure_cache.read_manifest()
    assert sorted(manifest["figures"]) == [p.stem for p in shipped], "drawn/manifest.json: run `make figures`"
    assert sorted(p.name for p in folder.iterdir()) == sorted([*(p.name for p in shipped), "manifest.json"])
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
