"""The pure parts of the Lite build (lite/build.py): pins, lock closure, CDN audit, config, wheels."""

from __future__ import annotations

import io
import zipfile

import pytest

from lite import build


def test_pins_reads_exact_pins_with_comments_and_normalises_names() -> None:
    text = "# header\nMarkdown_It.Py==4.3.0   # via casebook\npyyaml==6.0.4\n-e .\nfoo>=1\n"
    assert build.pins(text) == {"markdown-it-py": "4.3.0", "pyyaml": "6.0.4"}


def test_closure_follows_depends_and_names_a_missing_package() -> None:
    lock = {"a": {"depends": ["B"]}, "b": {"depends": ["c"]}, "c": {"depends": []}, "d": {"depends": []}}
    assert build.closure(lock, ["a"]) == ["a", "b", "c"]
    with pytest.raises(build.LiteBuildError, match="'zz' is needed but not in the lock"):
        build.closure({"a": {"depends": ["zz"]}}, ["a"])


@pytest.mark.parametrize(
    "text",
    [
        '"pyodideUrl": "https://cdn.jsdelivr.net/pyodide/v314.0.6/full/pyodide.mjs"',
        '"file_name": "https://files.pythonhosted.org/packages/x/y.whl"',
        '"index_urls": ["https://pypi.org/simple"]',
    ],
)
def test_the_audit_finds_cdn_and_pypi_addresses(text: str) -> None:
    assert build.forbidden_addresses(text)


def test_the_audit_passes_relative_addresses() -> None:
    assert (
        build.forbidden_addresses('"pyodideUrl": "./static/pyodide/pyodide.mjs", "file_name": "a.whl"') == []
    )


def test_lite_settings_point_the_kernel_at_the_local_pyodide_and_turn_pypi_off() -> None:
    given = {"jupyter-config-data": {"litePluginSettings": {build.KERNEL_PLUGIN: {"pipliteUrls": ["x"]}}}}
    kernel = build.lite_settings(given, ["casebook"])["jupyter-config-data"]["litePluginSettings"][
        build.KERNEL_PLUGIN
    ]
    assert kernel["pipliteUrls"] == ["x"] and kernel["disablePyPIFallback"] is True
    assert kernel["pyodideUrl"] == build.PYODIDE_URL
    config = build.lite_settings(given, ["casebook"])["jupyter-config-data"]
    assert config["workspacesStorageDrivers"] == ["memoryStorageDriver"] and config["enableMemoryStorage"]
    assert "contentsStorageDrivers" not in config, "the drive (saved answers) must stay in the browser"
    assert kernel["loadPyodideOptions"]["packages"] == ["casebook"]
    assert kernel["loadPyodideOptions"]["env"]["CASEBOOK_DATA"] == build.DRIVE_DATA
    assert kernel["loadPyodideOptions"]["env"]["CASEBOOK_COURSE"] == build.DRIVE_COURSE
    assert "course" in build.CONTENTS, "the exercises' checks must be on the site's drive"
    assert (
        "disablePyPIFallback" not in given["jupyter-config-data"]["litePluginSettings"][build.KERNEL_PLUGIN]
    )


def test_the_start_page_keeps_the_config_and_sends_visitors_to_lesson_00() -> None:
    page = '<html><head><script id="jupyter-config-data">{}</script></head></html>'
    sent = build.start_page(page, "notebooks/00_start_here.ipynb")
    assert 'id="jupyter-config-data"' in sent
    assert "lab/index.html?path=notebooks/00_start_here.ipynb" in sent
    with pytest.raises(build.LiteBuildError, match="no <head>"):
        build.start_page("<html></html>", "x")


def test_a_pure_wheel_is_tagged_py3_none_any_and_records_every_file() -> None:
    name, content = build.pure_wheel("PyYAML", "6.0.4", {"yaml/__init__.py": b"x = 1\n"}, "yaml")
    assert name == "PyYAML-6.0.4-py3-none-any.whl"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        record = archive.read("PyYAML-6.0.4.dist-info/RECORD").decode()
        wheel = archive.read("PyYAML-6.0.4.dist-info/WHEEL").decode()
    assert "yaml/__init__.py" in names and "Tag: py3-none-any" in wheel
    assert all(path in record for path in names)
    assert build.pure_wheel("PyYAML", "6.0.4", {"yaml/__init__.py": b"x = 1\n"}, "yaml")[1] == content
