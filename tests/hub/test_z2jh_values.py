"""hub/z2jh-values.yaml: valid YAML, with the keys the Zero to JupyterHub chart (4.4.0) reads."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

VALUES = ROOT / "hub" / "z2jh-values.yaml"
# The chart's top-level keys (its values.yaml / schema.yaml in 4.4.0): anything else fails `helm install`.
CHART_TOP_LEVEL = {
    "enabled", "fullnameOverride", "nameOverride", "cull", "custom", "debug", "global", "hub",
    "imagePullSecret", "imagePullSecrets", "ingress", "httpRoute", "prePuller", "proxy", "rbac",
    "scheduling", "singleuser",
}  # fmt: skip
# singleuser keys the chart turns into KubeSpawner settings.
CHART_SINGLEUSER = {
    "image", "defaultUrl", "memory", "cpu", "extraEnv", "storage", "lifecycleHooks", "cmd", "uid", "fsGid",
    "profileList", "nodeSelector", "extraLabels", "networkPolicy", "startTimeout", "serviceAccountName",
}  # fmt: skip
K8S_QUANTITY = re.compile(r"^\d+(\.\d+)?(K|M|G|T|Ki|Mi|Gi|Ti)?$")


@pytest.fixture(scope="module")
def values() -> dict[str, Any]:
    return yaml.safe_load(VALUES.read_text(encoding="utf-8"))


def bytes_of(quantity: str) -> float:
    number, unit = re.match(r"^([\d.]+)([A-Za-z]*)$", quantity).groups()
    scale = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}[unit]
    return float(number) * scale


def test_only_keys_the_chart_knows(values: dict[str, Any]) -> None:
    assert set(values) <= CHART_TOP_LEVEL
    assert set(values["singleuser"]) <= CHART_SINGLEUSER
    storage = {"type", "extraVolumes", "extraVolumeMounts", "capacity", "homeMountPath", "dynamic", "static"}
    assert set(values["singleuser"]["storage"]) <= storage
    cull = {"enabled", "users", "adminUsers", "removeNamedServers", "timeout", "every", "concurrency"}
    assert set(values["cull"]) <= cull


def test_names_the_chart_version_it_was_written_for() -> None:
    assert re.search(r"chart version 4\.4\.0", VALUES.read_text(encoding="utf-8"))


def test_memory_guarantee_and_limit_are_quantities_with_the_measured_figure_in_the_comment(
    values: dict[str, Any],
) -> None:
    memory = values["singleuser"]["memory"]
    assert K8S_QUANTITY.match(memory["guarantee"]) and K8S_QUANTITY.match(memory["limit"])
    measured_rss = 249 * 2**20  # per student, server plus lesson-01 kernel, as make bench measured it
    assert measured_rss * 1.5 <= bytes_of(memory["guarantee"]) <= bytes_of(memory["limit"])
    text = VALUES.read_text(encoding="utf-8")
    assert "249 MB RSS" in text and "make bench" in text


def test_idle_culler_is_on(values: dict[str, Any]) -> None:
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] > 0


def test_hand_in_folder_is_one_shared_volume_mounted_where_the_kit_looks(values: dict[str, Any]) -> None:
    singleuser = values["singleuser"]
    folder = singleuser["extraEnv"]["CASEBOOK_HANDIN_DIR"]
    volumes = {v["name"]: v for v in singleuser["storage"]["extraVolumes"]}
    mounts = [m for m in singleuser["storage"]["extraVolumeMounts"] if m["mountPath"] == folder]
    assert len(mounts) == 1 and mounts[0]["name"] in volumes
    assert "persistentVolumeClaim" in volumes[mounts[0]["name"]]


def test_image_comes_from_binder_requirements_which_pin_nbgitpuller(values: dict[str, Any]) -> None:
    assert {"name", "tag"} <= set(values["singleuser"]["image"])
    assert "binder/requirements.txt" in VALUES.read_text(encoding="utf-8")
    pins = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^nbgitpuller==\d+\.\d+\.\d+", pins, flags=re.MULTILINE)


def test_hub_config_keys_are_jupyterhub_classes(values: dict[str, Any]) -> None:
    config = values["hub"]["config"]
    assert all(re.fullmatch(r"[A-Z][A-Za-z]+", key) for key in config)
    assert config["Authenticator"]["admin_users"] == ["teacher"]


def test_is_plain_yaml_a_helm_user_can_read(values: dict[str, Any]) -> None:
    assert Path(VALUES).read_text(encoding="utf-8").isascii()
    assert yaml.safe_load(yaml.safe_dump(values)) == values


def test_extra_config_is_python_and_the_teacher_login_needs_its_own_password(values: dict[str, Any]) -> None:
    snippets = values["hub"]["extraConfig"]
    for name, code in snippets.items():
        compile(code, f"hub.extraConfig.{name}", "exec")
    assert "custom.teacherPassword" in snippets["casebook-class-login"]
    assert values["custom"]["teacherPassword"] != values["hub"]["config"]["DummyAuthenticator"]["password"]
