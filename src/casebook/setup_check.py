"""A learner's first widget: check that the kit's environment works, and say what to do if not.

Pure logic (``environment_report``) is separate from display (``show_setup_check``), so tests run
the checks without a kernel.
"""

from __future__ import annotations

import html
import importlib.metadata
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class CheckLine:
    """One line of the setup report."""

    name: str
    ok: bool
    detail: str


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def environment_report() -> list[CheckLine]:
    """Check Python, the widget and plotting libraries, and the data folder."""
    from casebook.paths import DataFolderNotFound, data_dir

    lines = [
        CheckLine(
            "Python",
            sys.version_info >= (3, 10),
            f"{sys.version.split()[0]} (the kit needs 3.10 or newer)",
        )
    ]
    for package, why in (
        ("ipywidgets", "quizzes and activities"),
        ("anywidget", "quiz questions"),
        ("matplotlib", "figures"),
    ):
        version = _version(package)
        lines.append(
            CheckLine(package, version is not None, f"{version} ({why})" if version else f"missing: {why}")
        )
    try:
        lines.append(CheckLine("Data folder", True, str(data_dir())))
    except DataFolderNotFound as exc:
        lines.append(CheckLine("Data folder", False, str(exc)))
    return lines


def report_as_html(lines: list[CheckLine]) -> str:
    """The report as an HTML table, with a word and a symbol for each result (not colour alone)."""
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(line.name)}</th>"
        f"<td>{'✔ OK' if line.ok else '✘ Problem'}</td><td>{html.escape(line.detail)}</td></tr>"
        for line in lines
    )
    return (
        "<table><caption>Setup check</caption>"
        "<thead><tr><th scope='col'>Part</th><th scope='col'>Result</th><th scope='col'>Detail</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def show_setup_check():
    """Show a button that runs the setup check and prints the result under it."""
    import ipywidgets as widgets
    from IPython.display import display

    button = widgets.Button(
        description="Check my setup",
        tooltip="Run the setup check",
        icon="check",
        button_style="primary",
    )
    result = widgets.HTML(value="<p>Press the button (or Tab to it and press Enter).</p>")

    def _run(_button: object) -> None:
        lines = environment_report()
        verdict = (
            "<p><strong>✔ All set.</strong> You are ready for lesson 01.</p>"
            if all(line.ok for line in lines)
            else "<p><strong>✘ Something is missing.</strong> Read the table, then ask your teacher "
            "or see README.md.</p>"
        )
        result.value = report_as_html(lines) + verdict

    button.on_click(_run)
    box = widgets.VBox([button, result])
    display(box)
    return box
