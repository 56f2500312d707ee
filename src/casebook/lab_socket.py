"""The kernel websocket of the JupyterLab the kit starts, with Nagle's algorithm switched off.

Why: a kernel answers a widget click with two small messages a millisecond or two apart, its
``busy`` status and then the widget's update. jupyter_server writes each to the browser's websocket
as it comes, and tornado leaves that socket with Nagle's algorithm on (``TCP_NODELAY`` is unset once
the HTTP upgrade is done). So the update waits until the browser acknowledges the status, and the
browser delays that acknowledgement by up to 40 ms: measured in ``benchmarks/bench_browser.py``, a
quiz's feedback left the server 0.2 ms after the status and reached the page 43 ms later. A kernel
whose reply follows within a fraction of a millisecond (a bare button) usually escapes, because its
two messages share one packet.

``NoDelayConnection`` is jupyter_server's own connection class with ``set_nodelay(True)`` (tornado's
documented switch for this) on each kernel websocket as it opens. ``lab.lab_command`` selects it
(``lab.CONNECTION_CLASS``) with ``--ServerApp.kernel_websocket_connection_class``; a hub or Binder
can set the same option.
Imported only by the server, never in a lesson's kernel.
"""

from __future__ import annotations

import asyncio

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayConnection(ZMQChannelsWebsocketConnection):
    """jupyter_server's kernel websocket connection, sending each message at once (no Nagle delay)."""

    def connect(self) -> asyncio.Future[None] | None:  # type: ignore[override]  # jupyter_server types it as a coroutine but returns a Future
        """Switch Nagle's algorithm off on this websocket, then connect as jupyter_server does."""
        self.websocket_handler.set_nodelay(True)
        return super().connect()
