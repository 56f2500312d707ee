"""What a code solution region becomes in the student copy: a placeholder that still runs.

- Every name the region assigns at its top level (``answer = ...``, ``a, b = ...``, ``n: int = ...``)
  keeps one line ``name = ...  # your code here``, in the order of first assignment, so later cells
  that use the name (``check("ex03.q2", answer)``) still run. ``...`` is Python's Ellipsis, which
  ``casebook.checks`` reads as "not answered yet".
- A region that assigns no name becomes ``# your code here``, followed by ``pass`` only when the
  region was the whole body of a block (a function, a loop, an ``if``), where Python needs a statement.

Names bound in other ways (inside loops or functions, by ``import``, ``for`` or ``+=``) are not kept.
"""

from __future__ import annotations

import ast
import io
import textwrap
import tokenize

CODE_PROMPT = "# your code here"


def assigned_names(body: list[str]) -> list[str]:
    """Names assigned by the top-level statements of a region's lines, in order, without repeats.

    A body that is not valid Python on its own assigns no names.
    """
    try:
        tree = ast.parse(textwrap.dedent("\n".join(body)))
    except (SyntaxError, ValueError):
        return []
    names: list[str] = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        for target in targets:
            for name in _target_names(target):
                if name not in names:
                    names.append(name)
    return names


def code_placeholder(body: list[str], indent: str, before: list[str], after: list[str]) -> list[str]:
    """The lines that replace a region, given its body, its marker's indent and the code around it."""
    names = assigned_names(body)
    if names:
        return [f"{indent}{name} = ...  {CODE_PROMPT}" for name in names]
    lines = [f"{indent}{CODE_PROMPT}"]
    if _block_would_be_empty(indent, before, after):
        lines.append(f"{indent}pass")
    return lines


def _target_names(target: ast.expr) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []  # d["key"] = ..., obj.attr = ...: no new name


def _block_would_be_empty(indent: str, before: list[str], after: list[str]) -> bool:
    """True when the line before the region opens a block and no statement of that block follows."""
    header = _last_code_line(before)
    if header is None or len(_indent(header)) >= len(indent) or not _code_part(header).endswith(":"):
        return False
    following = _first_code_line(after)
    return following is None or len(_indent(following)) < len(indent)


def _is_code(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _last_code_line(lines: list[str]) -> str | None:
    return next((line for line in reversed(lines) if _is_code(line)), None)


def _first_code_line(lines: list[str]) -> str | None:
    return next((line for line in lines if _is_code(line)), None)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _code_part(line: str) -> str:
    """The line without a trailing comment (a '#' inside a string is kept), right-stripped."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline))
    except (tokenize.TokenError, SyntaxError):
        return line.rstrip()
    comments = [token for token in tokens if token.type == tokenize.COMMENT]
    stripped = line.strip()
    if comments:
        stripped = stripped[: comments[0].start[1]]
    return stripped.rstrip()
