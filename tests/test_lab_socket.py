"""The kit's JupyterLab sends kernel messages to the browser at once (no Nagle delay)."""

from __future__ import annotations

import importlib
from unittest import mock

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

from casebook.lab_socket import NoDelayConnection
from casebook.maintain.lab import CONNECTION_CLASS, lab_command


class FakeHandler:
    """Stands in for the kernel websocket handler: records set_nodelay calls."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def set_nodelay(self, value: bool) -> None:
        self.log.append(f"nodelay {value}")


def test_lab_command_selects_the_no_delay_connection() -> None:
    assert f"--ServerApp.kernel_websocket_connection_class={CONNECTION_CLASS}" in lab_command(port=9999)
    module, _, name = CONNECTION_CLASS.rpartition(".")
    assert getattr(importlib.import_module(module), name) is NoDelayConnection
    assert issubclass(NoDelayConnection, ZMQChannelsWebsocketConnection)


def test_connect_switches_nagle_off_before_connecting() -> None:
    log: list[str] = []
    connection = NoDelayConnection.__new__(NoDelayConnection)
    connection._trait_values["websocket_handler"] = FakeHandler(log)
    connected = mock.Mock(side_effect=lambda *_args: log.append("connect"))
    with mock.patch.object(ZMQChannelsWebsocketConnection, "connect", connected):
        connection.connect()
    assert log == ["nodelay True", "connect"]
