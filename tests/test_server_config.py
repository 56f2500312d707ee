"""Binder and the hub load the kit's server settings: kernel websockets without Nagle's delay."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from jupyter_core.paths import jupyter_config_path

from casebook.maintain.lab import CONNECTION_CLASS
from tests.conftest import ROOT

SERVER_CONFIG = ROOT / "etc" / "jupyter"
POSTBUILD = ROOT / "binder" / "postBuild"

# What jupyter_server itself makes of its config files, in a fresh process with the given environment.
LOADED = (
    "from jupyter_server.serverapp import ServerApp\n"
    "app = ServerApp()\n"
    "app.load_config_file()\n"
    "print(app.config.ServerApp.get('kernel_websocket_connection_class', 'none'))\n"
)


def loaded_connection_class(env: dict[str, str]) -> str:
    """The kernel websocket class jupyter_server's config loading finds with ``env``."""
    run = subprocess.run([sys.executable, "-c", LOADED], env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def bare_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """This environment without any Jupyter settings of its own, with an empty home and ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
    return {**env, "HOME": str(tmp_path / "home"), **extra}


def test_without_the_kits_config_jupyter_server_keeps_its_own_socket(tmp_path: Path) -> None:
    assert loaded_connection_class(bare_environment(tmp_path)) == "none"


def test_the_hub_config_folder_selects_the_no_delay_connection(tmp_path: Path) -> None:
    env = bare_environment(tmp_path, JUPYTER_CONFIG_PATH=str(SERVER_CONFIG))
    assert loaded_connection_class(env) == CONNECTION_CLASS


def test_binder_postbuild_installs_it_where_the_environment_looks(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "etc" / "jupyter").mkdir(parents=True)
    (prefix / "etc" / "jupyter" / "jupyter_server_config.json").write_text(
        '{"ServerApp": {"iopub_msg_rate_limit": 5000}}', encoding="utf-8"
    )  # the image's own setting: kept
    run = subprocess.run(
        [str(POSTBUILD)], env={**os.environ, "NB_PYTHON_PREFIX": str(prefix)}, cwd=tmp_path,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    installed = prefix / "etc" / "jupyter"
    env = bare_environment(tmp_path, JUPYTER_CONFIG_PATH=str(installed))
    assert loaded_connection_class(env) == CONNECTION_CLASS
    kept = json.loads((installed / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert kept["ServerApp"]["iopub_msg_rate_limit"] == 5000
    # On Binder the prefix is the environment's own: one of the places jupyter_server always reads.
    assert str(Path(sys.prefix) / "etc" / "jupyter") in jupyter_config_path()
