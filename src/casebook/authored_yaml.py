"""YAML that people write by hand (quiz files, rubrics), read so that nothing large or surprising happens.

``read_authored_yaml(path, limits)`` returns the document's value, the line of every key and value
(``LineMap``) and every problem, each naming the file, the line and the field. It never raises.

- The file is read through ``casebook.files.read_text_bounded``: a regular file of at most
  ``limits.max_bytes``, UTF-8.
- One pass over the parser's events (libyaml's where PyYAML has it) builds the value itself, so the
  text is parsed once and no node tree is kept. As it goes it bounds the nesting depth, the number
  of values, the items in one list or mapping and the length of one text, and refuses anchors and
  aliases (``&name`` / ``*name``): an alias repeats a whole subtree, so a file of 752 bytes can stand
  for gigabytes (the "billion laughs"). No recursion anywhere, so no depth can exhaust the stack.
- YAML 1.1 (what PyYAML reads) and YAML 1.2 read some plain scalars differently: ``012`` is 10 or 12,
  ``1:30`` is 90 or text, ``yes`` is true or text, ``2023-05-11`` is a date or text, ``1e3`` is text
  or 1000. Such a scalar is refused with a message giving both readings; in quotes it is text.
  Numbers are at most ``limits.max_number_chars`` long, and ``.nan`` and ``.inf`` are refused.
- Duplicate keys, which YAML silently resolves by keeping the last, are reported.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from casebook.files import UnreadableFile, read_text_bounded
from casebook.problems import Problem

# A field's place in the document: keys and list indices, e.g. ("questions", 2, "options").
FieldPath = tuple[Any, ...]

# libyaml's parser when PyYAML was built with it (about 20x faster than the pure-Python one); it gives
# the same events, with the same line marks.
FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Limits:
    """How much one hand-written YAML file may hold."""

    max_bytes: int = 1024 * 1024
    max_depth: int = 20
    max_values: int = 20_000
    max_items: int = 500
    max_chars: int = 20_000
    max_number_chars: int = 32


class LineMap:
    """The line (from 1) of every key and value in a YAML document, by field path."""

    def __init__(self) -> None:
        self.values: dict[FieldPath, int] = {}
        self.keys: dict[FieldPath, int] = {}

    def line(self, path: FieldPath) -> int | None:
        """The line of the field at ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while True:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return None
            path = path[:-1]


@dataclass
class AuthoredYaml:
    """What reading one file gave: its text, its value (None when it could not be used), lines, problems."""

    text: str
    data: Any
    lines: LineMap
    problems: list[Problem]


def field_name(path: FieldPath) -> str:
    """A field path in the form authors read: ``questions[2].options[0].text``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_authored_yaml(
    path: Path, limits: Limits = Limits(), empty_message: str = "the file is empty"
) -> AuthoredYaml:
    """Read, bound and check a hand-written YAML file; see the module's docstring. Never raises."""
    file = str(path)
    lines = LineMap()
    try:
        text = read_text_bounded(path, limits.max_bytes)
    except UnreadableFile as error:
        return AuthoredYaml("", None, lines, [error.problem])
    if not text.strip():
        return AuthoredYaml(text, None, lines, [Problem(file, empty_message)])
    scan = _Scan(file, limits, lines)
    try:
        data = scan.run(text, FAST_LOADER)
    except yaml.YAMLError as error:
        return AuthoredYaml(text, None, lines, [_syntax_problem(file, text, error, limits.max_depth)])
    except _Stop:
        return AuthoredYaml(text, None, lines, scan.problems)
    return AuthoredYaml(text, None if scan.refused else data, lines, scan.problems)


# ---------------------------------------------------------------------------------------------------
# The pass over the events: it builds the value itself, so the text is parsed once


class _Stop(Exception):
    """The scan found a problem that makes reading further pointless (it is in ``problems``)."""


@dataclass
class _Frame:
    path: FieldPath
    container: dict[Any, Any] | list[Any]
    mapping: bool
    index: int = 0  # items seen (a list) or keys seen (a mapping)
    key: Any = None  # the key whose value comes next (a mapping)
    expecting_key: bool = True


_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_NODES = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)


class _Scan:
    """One pass over a document's events: its value, line numbers, duplicates, bounds, scalars' meaning.

    Values are what PyYAML's SafeLoader would build, for every document it accepts here: text, None,
    booleans, whole numbers, numbers, lists and mappings (a repeated key keeps the last value).
    """

    def __init__(self, file: str, limits: Limits, lines: LineMap) -> None:
        self.file = file
        self.limits = limits
        self.lines = lines
        self.problems: list[Problem] = []
        self.refused = False  # a scalar problem: keep scanning for more, but give no value
        self.values = 0

    def report(self, message: str, path: FieldPath, line: int, stop: bool = False) -> None:
        self.problems.append(Problem(self.file, message, field=field_name(path) or None, line=line))
        self.refused = True
        if stop:
            raise _Stop

    def run(self, text: str, loader: Any) -> Any:
        """The document's value (None for a document of comments only)."""
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        for event in yaml.parse(text, Loader=loader):
            kind = type(event)
            if kind in _ENDS:
                stack.pop()
                continue
            line = event.start_mark.line + 1
            if kind not in _NODES:
                documents += kind is yaml.DocumentStartEvent
                if documents > 1:
                    self.report(
                        "holds a second YAML document (after '---'); a file holds one", (), line, True
                    )
                continue
            parent = stack[-1] if stack else None
            if parent is not None and parent.mapping and parent.expecting_key:
                self._key(parent, event, line)
                continue
            path = self._path(parent, line)
            self.lines.values[path] = line
            value = self._value(event, path, line)
            if parent is None:
                root = value
            elif parent.mapping:
                parent.container[parent.key] = value
            else:
                parent.container.append(value)  # type: ignore[union-attr]
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                stack.append(_Frame(path, value, kind is yaml.MappingStartEvent))
                if len(stack) > self.limits.max_depth:
                    self.report(_too_deep(self.limits.max_depth), path, line, stop=True)
        return root

    def _key(self, parent: _Frame, event: Any, line: int) -> None:
        """Record a mapping key: its line, a duplicate, its meaning; the parent now expects its value."""
        if not isinstance(event, yaml.ScalarEvent):
            self.report(
                "a key must be a plain word, not a list, a mapping or an alias", parent.path, line, True
            )
        parent.index += 1
        self._count(parent, line)
        key = self._scalar(event, (*parent.path, event.value), line)
        child = (*parent.path, key)
        if child in self.lines.keys:
            first = self.lines.keys[child]
            self.problems.append(
                Problem(
                    self.file,
                    f"'{key}' appears twice in this mapping (first on line {first}); YAML would silently "
                    "keep only the last one",
                    field=field_name(child),
                    line=line,
                )
            )
        else:
            self.lines.keys[child] = line
        parent.key, parent.expecting_key = key, False

    def _path(self, parent: _Frame | None, line: int) -> FieldPath:
        """The field path of the value that comes next, moving its parent on."""
        if parent is None:
            return ()
        if parent.mapping:
            parent.expecting_key = True
            return (*parent.path, parent.key)
        index = parent.index
        parent.index += 1
        self._count(parent, line)
        return (*parent.path, index)

    def _count(self, parent: _Frame, line: int) -> None:
        if parent.index > self.limits.max_items:
            what = "keys" if parent.mapping else "items"
            self.report(
                f"has more than {self.limits.max_items} {what}; that is too many", parent.path, line, True
            )

    def _value(self, event: Any, path: FieldPath, line: int) -> Any:
        """A new empty list or mapping for a collection, or the value of a scalar."""
        self.values += 1
        if self.values > self.limits.max_values:
            self.report(
                f"the file holds more than {self.limits.max_values:,} values; that is too many to check",
                path,
                line,
                stop=True,
            )
        if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
            name = f"*{event.anchor}" if isinstance(event, yaml.AliasEvent) else f"&{event.anchor}"
            self.report(
                f"uses a YAML anchor or alias ({name}); they are not allowed here: write each value out "
                "in full where it is used",
                path,
                line,
                stop=True,
            )
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path, line)
        if event.tag is not None and event.tag not in (_SEQ, _MAP):
            self.report(f"uses the YAML tag {event.tag}; tags are not allowed here", path, line)
        return {} if isinstance(event, yaml.MappingStartEvent) else []

    def _scalar(self, event: Any, path: FieldPath, line: int) -> Any:
        text = event.value
        if len(text) > self.limits.max_chars:
            self.report(
                f"is {len(text):,} characters long; at most {self.limits.max_chars:,} are allowed",
                path,
                line,
                stop=True,
            )
        if event.tag is not None and event.tag not in (_STR, "!"):
            self.report(f"uses the YAML tag {event.tag}; tags are not allowed here", path, line)
            return text
        if not event.implicit[0]:
            return text  # quoted or tagged as text: text, whatever it looks like
        value, message = plain_scalar(text, self.limits.max_number_chars)
        if message:
            self.report(message, path, line)
        return value


# ---------------------------------------------------------------------------------------------------
# What a plain scalar means, in YAML 1.1 and 1.2

_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null"))
_RESOLVER_11 = yaml.resolver.Resolver()
_CONSTRUCTOR_11 = yaml.constructor.SafeConstructor()

# The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2).
_CORE_12 = (
    (re.compile(r"null|Null|NULL|~|"), _NULL),
    (re.compile(r"true|True|TRUE|false|False|FALSE"), _BOOL),
    (re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"), _INT),
    (
        re.compile(
            r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN"
        ),
        _FLOAT,
    ),
)


def _tag_12(value: str) -> str:
    for pattern, tag in _CORE_12:
        if pattern.fullmatch(value):
            return tag
    return _STR


def _value_12(value: str, tag: str) -> Any:
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT:
        if value.startswith(("0o", "0x")):
            return int(value[2:], 8 if value[1] == "o" else 16)
        return int(value)
    if tag == _FLOAT:
        lowered = value.lower()
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        return math.nan if lowered == ".nan" else float(value)
    return value


def _value_11(value: str, tag: str) -> Any:
    node = yaml.ScalarNode(tag, value)
    constructors = {
        _NULL: lambda: None,
        _BOOL: lambda: _CONSTRUCTOR_11.construct_yaml_bool(node),
        _INT: lambda: _CONSTRUCTOR_11.construct_yaml_int(node),
        _FLOAT: lambda: _CONSTRUCTOR_11.construct_yaml_float(node),
        _STR: lambda: value,
    }
    build = constructors.get(tag)
    return build() if build else _UNUSUAL


_UNUSUAL = object()  # a YAML 1.1 reading other than the five above (a date, a merge key '<<', '=')


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _reading(value: Any, tag: str, text: str) -> str:
    if value is _UNUSUAL:
        kind = tag.rsplit(":", 1)[-1]
        return {"timestamp": "a date", "merge": "a merge key", "value": "a default value"}.get(kind, kind)
    if tag == _STR:
        return "text"
    if tag == _BOOL:
        return str(value).lower()
    if tag == _NULL:
        return "empty"
    return f"the number {value!r}" if repr(value) != text else "a number"


# The first characters with which a plain scalar can be anything but text, in YAML 1.1 (PyYAML's
# resolvers are keyed by first character) or in YAML 1.2's core schema.
_NOT_ALWAYS_TEXT = frozenset("-+.0123456789~<=nNyYoOtTfF")


def plain_scalar(text: str, max_number_chars: int = 32) -> tuple[Any, str | None]:
    """An unquoted YAML scalar's value, and why it cannot be used as it stands (None when it can).

    Refused: a number longer than ``max_number_chars``, ``.nan`` and ``.inf``, and any scalar that
    YAML 1.1 and YAML 1.2 read differently (``012``, ``1:30``, ``yes``, ``2023-05-11``, ``1e3``);
    the value given then is the text.
    """
    if text and text[0] not in _NOT_ALWAYS_TEXT:
        return text, None  # text to every YAML reader: most scalars of a quiz
    return _plain_scalar(text, max_number_chars)


@lru_cache(maxsize=1024)
def _plain_scalar(text: str, max_number_chars: int) -> tuple[Any, str | None]:
    tag_11 = _RESOLVER_11.resolve(yaml.ScalarNode, text, (True, False))
    tag_12 = _tag_12(text)
    if tag_11 == tag_12 == _STR:
        return text, None
    numeric = {tag_11, tag_12} & {_INT, _FLOAT}
    if numeric and len(text) > max_number_chars:
        return text, (
            f"the number '{text[:20]}…' is {len(text):,} characters long; "
            f"numbers here have at most {max_number_chars}"
        )
    reading_11, reading_12 = _value_11(text, tag_11), _value_12(text, tag_12)
    if tag_11 == tag_12 and _same(reading_11, reading_12):
        if isinstance(reading_11, float) and not math.isfinite(reading_11):
            return text, "must be an ordinary number (not .nan or .inf)"
        return reading_11, None
    first = _reading(reading_11, tag_11, text)
    second = _reading(reading_12, tag_12, text)
    if _STR in (tag_11, tag_12):
        if tag_11 == _BOOL:
            advice = "write true or false, or put it in quotes to mean the text"
        else:
            advice = f'put it in quotes ("{text}") to mean the text'
    else:
        advice = "write the number plainly (no leading zeros, no base prefix)"
    return text, (
        f"'{text}' is read as {first} by YAML 1.1 (as here) but as {second} by YAML 1.2, "
        f"so it is refused: {advice}"
    )


# ---------------------------------------------------------------------------------------------------
# Errors in the words authors see


_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_too_deep(text: str, max_depth: int) -> int | None:
    """The line where ``[`` and ``{`` nest more than ``max_depth`` deep, or None.

    Counted without regard to quotes, so only for a text libyaml has refused: its scanner looks ahead
    and can fail on deep flow nesting before the events reach the depth check, and the pure-Python
    parser takes minutes on such a text (it keeps every open bracket as a possible key).
    """
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        if depth > max_depth:
            return text.count("\n", 0, match.start()) + 1
    return None


def _syntax_problem(file: str, text: str, error: yaml.YAMLError, max_depth: int) -> Problem:
    line = _flow_too_deep(text, max_depth)
    if line is not None:
        return Problem(file, _too_deep(max_depth), line=line)
    return yaml_problem(file, _pure_python_error(text, error, max_depth))


def _too_deep(max_depth: int) -> str:
    return f"is nested more than {max_depth} levels deep; no file of the kit needs that many"


PURE_PYTHON_WORDING_CHARS = 200_000  # twenty times the kit's largest quiz


def _pure_python_error(text: str, error: yaml.YAMLError, max_depth: int) -> yaml.YAMLError:
    """The pure-Python parser's error for a text libyaml rejected: libyaml words its errors differently,
    and authors should see the same message (and hint) whichever parser PyYAML was built with.

    Only the pure-Python parser's events are read (an iterative state machine, never the recursive
    composer) and only while they nest at most ``max_depth`` deep, so no text can exhaust the stack.
    """
    if FAST_LOADER is yaml.SafeLoader or len(text) > PURE_PYTHON_WORDING_CHARS:
        return error  # the pure-Python parser needs seconds for a megabyte: keep libyaml's words
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > max_depth:
                    return error
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as pure:
        return pure
    return error


YAML_HINTS = {
    "mapping values are not allowed here": "is there a ': ' inside unquoted text? Put the text in quotes",
    "cannot start any token": "YAML needs spaces for indentation, not tabs",
    "tab character": "YAML needs spaces for indentation, not tabs",  # libyaml's words for it
}


def yaml_problem(file: str, error: yaml.YAMLError) -> Problem:
    """A YAML syntax error as a Problem: the parser's words, a hint where one helps, line and column."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    message = f"not valid YAML: {problem}"
    for key, hint in YAML_HINTS.items():
        if key in problem:
            message += f" ({hint})"
    if mark is not None:
        message += f" (column {mark.column + 1})"
    return Problem(file, message, line=mark.line + 1 if mark is not None else None)
