"""Fixtures for the browser-only course's tests: the built site served on loopback, a refusing proxy,
and one headless Chromium whose every request off loopback goes to that proxy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lite.build import SITE
from tests.browser import chromium
from tests.lite.offline import RefusingProxy, chromium_offline_args, serve_folder

# Chromium's own housekeeping (component updates, sign-in, clock check) also goes to the proxy and is
# refused there; it is the browser's, not the site's, so these hosts are reported apart. (The site's
# own requests are also checked as Playwright sees them, where the browser's housekeeping never shows.)
# redirector.gvt1.com is the component updater's download host: seen once in a run, it failed every
# later notebook's check, since the proxy's list lasts the session.
BROWSER_HOUSEKEEPING = (
    "update.googleapis.com",
    "accounts.google.com",
    "clients2.google.com",
    "redirector.gvt1.com",
)
QUIET_ARGS = [
    "--disable-component-update",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--no-pings",
    "--disable-domain-reliability",
    "--no-default-browser-check",
]


@pytest.fixture(scope="session")
def site() -> Path:
    """The folder `make lite` built; the tests never build it themselves (make test-lite does)."""
    if not (SITE / "jupyter-lite.json").is_file():
        pytest.fail(f"{SITE} holds no built site: run `make lite` (make test-lite builds it first)")
    return SITE


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="session")
def proxy() -> Iterator[RefusingProxy]:
    with RefusingProxy() as running:
        yield running


@pytest.fixture(scope="session")
def offline_browser(proxy: RefusingProxy, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    from playwright.sync_api import sync_playwright

    path, why = chromium.find_chromium()
    if path is None:
        pytest.fail(why)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("lite-profile")),
            executable_path=path,
            headless=True,
            args=[*chromium.CHROMIUM_ARGS, *QUIET_ARGS, *chromium_offline_args(proxy)],
            viewport={"width": 1280, "height": 900},
        )
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        context.seen_urls = seen  # type: ignore[attr-defined]
        try:
            yield context
        finally:
            context.close()


def site_requests_refused(proxy: RefusingProxy) -> list[str]:
    """The refused requests that were not Chromium's own housekeeping."""
    return [line for line in proxy.refused if not any(host in line for host in BROWSER_HOUSEKEEPING)]
