"""Find the Chromium the browser tests drive, and launch it the way this machine needs.

Playwright's own browser download is not used: the tests drive the system's Chromium (Debian's
``chromium`` package in CI), found through ``CASEBOOK_CHROMIUM`` or ``chromium`` on PATH.

``python -m tests.browser.chromium`` prints the browser's path, or one line saying how to get one and
exits 1: ``make test-browser`` runs it first, so a missing browser stops the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Playwright

ENV_CHROMIUM = "CASEBOOK_CHROMIUM"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium(env: dict[str, str] | None = None) -> tuple[str | None, str]:
    """The Chromium executable to use, or None and one line explaining what is missing."""
    env = dict(os.environ) if env is None else env
    override = env.get(ENV_CHROMIUM)
    if override:
        path = Path(override).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return str(path), ""
        return None, f"{ENV_CHROMIUM} is set to '{override}', which is not an executable file."
    found = shutil.which("chromium", path=env.get("PATH"))
    if found:
        return found, ""
    return None, (
        "make test-browser needs Chromium: install it (Debian/Ubuntu: 'sudo apt-get install chromium') "
        f"or set {ENV_CHROMIUM} to a Chromium executable."
    )


def launch(playwright: Playwright, executable: str, user_data_dir: Path, height: int = 900) -> BrowserContext:
    """Start headless Chromium with a fresh profile in ``user_data_dir``; returns its browser context."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=executable,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": height},
    )


def main() -> int:
    """Print the Chromium path, or one line saying why there is none (exit code 1)."""
    path, why = find_chromium()
    print(path or why)
    return 0 if path else 1


if __name__ == "__main__":
    sys.exit(main())
