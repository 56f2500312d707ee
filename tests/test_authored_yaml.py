"""casebook.authored_yaml builds the same values PyYAML's SafeLoader builds, for every file it accepts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.authored_yaml import plain_scalar, read_authored_yaml
from tests.conftest import ROOT

SHIPPED = sorted((ROOT / "data" / "quizzes").glob("*.yaml")) + sorted(
    (ROOT / "data" / "rubrics").glob("*.yaml")
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_files_read_as_pyyaml_reads_them(path: Path) -> None:
    document = read_authored_yaml(path)
    assert document.problems == []
    assert document.data == yaml.safe_load(path.read_text(encoding="utf-8"))


plain = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
trees = st.recursive(
    plain, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
)


@settings(max_examples=75, deadline=None)
@given(trees, st.booleans())
def test_any_accepted_document_has_pyyamls_value(tmp_path_factory: Any, data: Any, flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    path = tmp_path_factory.mktemp("doc") / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    document = read_authored_yaml(path)
    if not document.problems:
        assert document.data == yaml.safe_load(text)


def test_a_second_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("id: a\n---\nid: b\n", encoding="utf-8")
    problems = read_authored_yaml(path).problems
    assert [(p.line, p.message) for p in problems] == [
        (2, "holds a second YAML document (after '---'); a file holds one")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("-3", -3),
        ("2.5", 2.5),
        ("1.5e+3", 1500.0),
        ("true", True),
        ("~", None),
        ("", None),
        ("word", "word"),
    ],
)
def test_plain_scalars_both_yamls_agree_on_keep_their_value(text: str, value: Any) -> None:
    assert plain_scalar(text) == (value, None)
