"""Loopback only: a static server for the built site, and a proxy that logs and refuses everything else.

Chromium is started with ``--proxy-server`` pointing at :class:`RefusingProxy` and
``--proxy-bypass-list=<-loopback>`` removed, so every request to any host but 127.0.0.1 (pages,
workers, the service worker, ``fetch`` from Pyodide) reaches the proxy, which records it and answers
403 (or refuses the ``CONNECT`` of an HTTPS request). A request that left loopback is therefore both
blocked and named in the test's failure message.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# JupyterLite needs the right types: Pyodide's WebAssembly is compiled as it streams only when served
# as application/wasm, and ES modules load only with a JavaScript type.
TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site's folder with the types JupyterLite needs, without a log line per file."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields its base URL (ending in '/')."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _RefusingHandler(http.server.BaseHTTPRequestHandler):
    """Records the request line and refuses it."""

    def _refuse(self) -> None:
        self.server.refused.append(f"{self.command} {self.path}")  # type: ignore[attr-defined]
        self.send_response(403, "casebook test: no request may leave loopback")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_HEAD = do_OPTIONS = do_DELETE = do_PATCH = do_CONNECT = _refuse

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class RefusingProxy:
    """An HTTP proxy on 127.0.0.1 that answers every request with 403 and keeps a list of them."""

    def __init__(self) -> None:
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RefusingHandler)
        self._server.refused = []  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        """``host:port`` for Chromium's ``--proxy-server``."""
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def refused(self) -> list[str]:
        """Every request the proxy refused, as 'METHOD target' lines, oldest first."""
        return list(self._server.refused)  # type: ignore[attr-defined]

    def __enter__(self) -> RefusingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def chromium_offline_args(proxy: RefusingProxy) -> list[str]:
    """Chromium flags that send every request not to loopback through ``proxy``."""
    return [
        f"--proxy-server=http://{proxy.address}",
        # Chromium sends loopback around the proxy by itself; "<-loopback>" would send it through too.
        # Leaving the implicit bypass keeps 127.0.0.1 direct and everything else proxied.
        "--proxy-bypass-list=127.0.0.1",
    ]
