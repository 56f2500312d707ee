"""Pure comparison helpers: each compares a learner's value with an expected one and says, in
sentences, exactly which properties it checked and what is wrong.

Every helper returns a ``Comparison``: the properties checked (each right or wrong, with a sentence
for what is wrong) and the properties it did not get to because an earlier one failed (the order
of a list that is not even a list). A comparison passes only when every property was checked and
holds. No helper raises, whatever value it is given.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from casebook.checks.describe import count, kind_names, names, number, short, type_name
from casebook.text import fold


@dataclass(frozen=True)
class Finding:
    """One property that was checked: ``prop`` says what, ``ok`` whether it holds, ``problem`` why not."""

    prop: str
    ok: bool
    problem: str = ""


@dataclass(frozen=True)
class Comparison:
    """The findings of one comparison, and the properties left unchecked because an earlier one failed."""

    findings: tuple[Finding, ...]
    not_checked: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True only if at least one property was checked, all hold, and none was left unchecked."""
        return bool(self.findings) and all(f.ok for f in self.findings) and not self.not_checked

    @property
    def problems(self) -> list[str]:
        """The sentences saying what is wrong."""
        return [f.problem for f in self.findings if not f.ok]


Comparator = Callable[[Any, Any], Comparison]


def combine(*comparisons: Comparison) -> Comparison:
    """One comparison holding the findings of several (for answers with several parts)."""
    return Comparison(
        tuple(f for c in comparisons for f in c.findings),
        tuple(p for c in comparisons for p in c.not_checked),
    )


def compare_type(
    value: object, expected: type | tuple[type, ...], *, what: str = "your answer"
) -> Comparison:
    """Check only that ``value`` is an instance of ``expected`` (``bool`` never counts as a number)."""
    wanted = kind_names(expected)
    ok = _is_instance(value, expected)
    return Comparison(
        (Finding(f"{what} is {wanted}", ok, "" if ok else f"expected {wanted}, got {_got(value)}"),)
    )


def compare_number(
    value: object,
    expected: numbers.Real,
    *,
    what: str = "your answer",
    abs_tol: float = 0.0,
    rel_tol: float = 0.0,
    whole: bool = False,
    reveal: bool = False,
    percent: bool = False,
) -> Comparison:
    """Check that ``value`` is a number (a whole one if ``whole``) equal to ``expected`` within tolerance.

    The tolerance is the larger of ``abs_tol`` and ``rel_tol`` times the expected value. With
    ``reveal`` the message gives the expected value; without it, only whether the answer is too
    high or too low, or that it has the wrong sign. With ``percent`` (the expected value is a
    percentage) a share from 0 to 1 that would be right times 100 is named as such.
    """
    is_number = f"{what} is a number"
    is_whole = f"{what} is a whole number"
    equals = _equals_text(what, abs_tol, rel_tol)
    problem = _number_problem(value)
    if problem:
        return Comparison((Finding(is_number, False, problem),), ((is_whole,) if whole else ()) + (equals,))
    findings = [Finding(is_number, True)]
    exact = Fraction(value)  # type: ignore[call-overload]  # _number_problem made sure this works
    if whole:
        ok = exact.denominator == 1
        findings.append(
            Finding(is_whole, ok, "" if ok else f"got {short(value)}, but {what} is a whole number")
        )
        if not ok:
            return Comparison(tuple(findings), (equals,))
    target = Fraction(expected)  # type: ignore[call-overload]  # any Real converts
    tolerance = max(Fraction(abs_tol), Fraction(rel_tol) * abs(target))
    difference = exact - target
    if abs(difference) <= tolerance:
        findings.append(Finding(equals, True))
    elif reveal:
        findings.append(Finding(equals, False, f"expected {number(expected)}, got {short(value)}"))
    elif target and abs(exact + target) <= tolerance:
        findings.append(Finding(equals, False, f"{short(value)} has the right size but the wrong sign"))
    elif percent and abs(100 * exact - target) <= tolerance:
        findings.append(
            Finding(
                equals,
                False,
                f"{short(value)} looks like a share from 0 to 1: a percentage is 100 times the share",
            )
        )
    else:
        findings.append(
            Finding(equals, False, f"{short(value)} is too {'high' if difference > 0 else 'low'}")
        )
    return Comparison(tuple(findings))


def compare_text(
    value: object,
    expected: str,
    *,
    what: str = "your answer",
    accept: Iterable[str] = (),
    exact: bool = False,
    reveal: bool = False,
) -> Comparison:
    """Check that ``value`` is a text equal to ``expected`` (or to one of ``accept``).

    Unless ``exact``, both sides are folded first with ``casebook.text.fold``, as quiz answers are:
    case, accents, punctuation, symbols ("€", "°") and extra spaces do not count. A text with
    nothing left after folding (only symbols) matches nothing. With ``reveal`` the message quotes
    the expected text.
    """
    is_text = f"{what} is a text (str)"
    how = "exactly" if exact else "ignoring case, accents, spaces, punctuation and symbols"
    matches = f"{what} matches the expected text ({how})"
    if not isinstance(value, str):
        return Comparison((Finding(is_text, False, _text_type_problem(value)),), (matches,))
    normal: Callable[[str], str] = (lambda s: s) if exact else fold
    if normal(value).strip() and normal(value) in {normal(option) for option in (expected, *accept)}:
        return Comparison((Finding(is_text, True), Finding(matches, True)))
    folded, wanted = f" {normal(value).strip()} ", f" {normal(expected)} "  # spaces: whole words only
    if not value.strip():
        problem = "got an empty text"
    elif not folded.strip():
        problem = f"got {short(value)}, which has no letters or digits to compare"
    elif reveal:
        problem = f"expected {short(expected)}, got {short(value)}"
    elif folded.strip() and folded in wanted:
        problem = f"got {short(value)}, which is only part of the expected text: give all of it"
    elif wanted.strip() and wanted in folded:
        problem = f"got {short(value)}, which holds the expected text and more: give only what was asked"
    else:
        problem = f"got {short(value)}, which is not the expected text"
    return Comparison((Finding(is_text, True), Finding(matches, False, problem)))


def compare_items(
    value: object,
    expected: Iterable[Any],
    *,
    what: str = "items",
    ordered: bool = False,
    item_type: type | tuple[type, ...] | None = None,
    key: Callable[[Any], Hashable] | None = None,
    reveal_items: bool = True,
) -> Comparison:
    """Check that ``value`` is a list holding exactly the ``expected`` items (in order if ``ordered``).

    ``what`` is the plural noun for the items ("questioners"). ``item_type`` adds a check of every
    item's type. ``key`` maps an item to what is compared (``fold`` ignores case and accents in
    names). Missing and unexpected items are named, or only counted if ``reveal_items`` is false:
    "expected a list of 6 questioners, got 5: Milos Rudovic is missing".
    """
    wanted = list(expected)
    is_list = f"your answer is a list of {what}"
    steps = [f"every item is {kind_names(item_type)}"] if item_type is not None else []
    steps.append(f"it holds exactly the expected {count(len(wanted), what)}")
    if ordered:
        steps.append(f"the {what} are in the expected order")
    containers = (list, tuple) if ordered else (list, tuple, set, frozenset)
    if not isinstance(value, containers):
        return Comparison((Finding(is_list, False, _list_type_problem(value, what, ordered)),), tuple(steps))
    got = list(value)
    findings = [Finding(is_list, True)]
    if item_type is not None:
        step = steps.pop(0)
        wrong = [
            f"item {i} is a whole {type(x).__name__} record"
            if _is_record(x)
            else f"item {i} is {type_name(x)} ({short(x, 30)})"
            for i, x in enumerate(got, 1)
            if not _is_instance(x, item_type)
        ]
        records = [x for x in got if _is_record(x) and not _is_instance(x, item_type)]
        advice = f": take the field you need from each record ({_fields(records[0])})" if records else ""
        findings.append(Finding(step, not wrong, f"{names(wrong, 3)}{advice}" if wrong else ""))
        if wrong:
            return Comparison(tuple(findings), tuple(steps))
    got_keys = [_safe_key(item, key) for item in got]
    wanted_keys = [_safe_key(item, key) for item in wanted]
    missing, extra = _multiset_difference(wanted_keys, wanted, got_keys, got)
    if missing or extra:
        problem = _membership_problem(len(wanted), len(got), what, missing, extra, reveal_items)
        findings.append(Finding(steps[0], False, problem))
        return Comparison(tuple(findings), tuple(steps[1:]))
    findings.append(Finding(steps[0], True))
    if ordered:
        findings.append(_order_finding(steps[1], what, wanted, got, wanted_keys, got_keys, reveal_items))
    return Comparison(tuple(findings))


def compare_mapping(
    value: object,
    expected: Mapping[Any, Any],
    *,
    what: str = "your answer",
    keys: str = "keys",
    compare_value: Comparator | None = None,
) -> Comparison:
    """Check that ``value`` is a dict with exactly the keys of ``expected`` and the right value for each.

    ``keys`` is the plural noun for the keys ("countries"). Values are compared with
    ``compare_value(value, expected)`` when given (e.g. a number with tolerance), else with ``==``.
    """
    is_dict = f"{what} is a dictionary (dict)"
    has_keys = f"it has exactly the expected {count(len(expected), keys)}"
    right_values = f"the value for each of the {keys} is right"
    if not isinstance(value, Mapping):
        problem = f"expected a dictionary of {keys}, got {_got(value)}"
        return Comparison((Finding(is_dict, False, problem),), (has_keys, right_values))
    findings = [Finding(is_dict, True)]
    missing = [k for k in expected if not _contains(value, k)]
    extra = [k for k in value if not _contains(expected, k)]
    if missing or extra:
        parts = []
        if missing:
            parts.append(
                f"{names([_show(k) for k in missing])} {'is' if len(missing) == 1 else 'are'} missing"
            )
        if extra:
            parts.append(f"{names([_show(k, quote=True) for k in extra])} should not be there")
        findings.append(Finding(has_keys, False, "; ".join(parts)))
        return Comparison(tuple(findings), (right_values,))
    findings.append(Finding(has_keys, True))
    wrong = [
        problem for k, want in expected.items() if (problem := _value_problem(value, k, want, compare_value))
    ]
    findings.append(Finding(right_values, not wrong, names(wrong, 3)))
    return Comparison(tuple(findings))


def compare_date(
    value: object, expected: date, *, what: str = "the date", reveal: bool = False
) -> Comparison:
    """Check that ``value`` is a date (``datetime.date``, or text written YYYY-MM-DD) equal to ``expected``.

    Without ``reveal`` a wrong date is only said to be too early or too late.
    """
    is_date = f"{what} is a date (a datetime.date, or a text written YYYY-MM-DD)"
    same_day = f"{what} is the expected day"
    day, problem = _as_date(value)
    if day is None:
        return Comparison((Finding(is_date, False, problem),), (same_day,))
    findings = [Finding(is_date, True)]
    if day == expected:
        findings.append(Finding(same_day, True))
    elif reveal:
        findings.append(Finding(same_day, False, f"expected {expected.isoformat()}, got {day.isoformat()}"))
    else:
        side = "late" if day > expected else "early"
        findings.append(Finding(same_day, False, f"{day.isoformat()} is too {side}"))
    return Comparison(tuple(findings))


def compare_length(value: object, expected: int, *, what: str = "items") -> Comparison:
    """Check only that ``value`` is a collection of ``expected`` items (``what`` is their plural noun)."""
    prop = f"your answer has {count(expected, what)}"
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__"):
        return Comparison((Finding(prop, False, f"expected a list of {what}, got {_got(value)}"),))
    try:
        size = len(value)
    except Exception:  # noqa: BLE001 - a learner's object may refuse to be counted
        return Comparison((Finding(prop, False, f"cannot count the items of {_got(value)}"),))
    ok = size == expected
    return Comparison((Finding(prop, ok, "" if ok else f"expected {count(expected, what)}, got {size:,}"),))


def _is_instance(value: object, kinds: type | tuple[type, ...]) -> bool:
    wanted = kinds if isinstance(kinds, tuple) else (kinds,)
    return isinstance(value, wanted) and not (isinstance(value, bool) and bool not in wanted)


def _got(value: object) -> str:
    """What the learner gave, in words: "None (...)", "a list of 3 items ([1, 2, 3])", ..."""
    if value is None:
        return "None (nothing: did a function forget to return its result?)"
    kind = type_name(value)
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        if not value:
            return f"an empty {kind.removeprefix('a ')}"
        return f"{kind} of {count(len(value), 'items')} ({short(value, 50)})"
    if value is Ellipsis:
        return kind
    if _is_record(value):
        return f"a whole {type(value).__name__} record: take the field you need from it ({_fields(value)})"
    return f"{kind} ({short(value, 50)})"


def _is_record(value: object) -> bool:
    """Whether ``value`` is a record such as a row of ``casebook.data.load`` (a dataclass instance)."""
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _fields(record: object) -> str:
    """ "its fields: id, as_of, count, ..." for a record."""
    fields = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    return "its fields: " + ", ".join(fields[:6]) + (", ..." if len(fields) > 6 else "")


def _as_date(value: object) -> tuple[date | None, str]:
    """``value`` as a date, or None and why it is not one."""
    if isinstance(value, datetime):
        return value.date(), ""
    if isinstance(value, date):
        return value, ""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()), ""
        except ValueError:
            return None, f"got the text {short(value, 40)}, which is not a date written YYYY-MM-DD"
    return None, f"expected a date, got {_got(value)}"


def _number_problem(value: object) -> str:
    """Why ``value`` is not a usable number, or "" if it is one."""
    if isinstance(value, bool):
        return f"expected a number, got {value} (True or False is not a number here)"
    if isinstance(value, str):
        try:
            float(value.replace(",", ""))
        except ValueError:
            return f"expected a number, got the text {short(value, 50)}"
        return f"expected a number, got the text {short(value, 50)}: write it without quotes"
    if not isinstance(value, numbers.Real):
        return f"expected a number, got {_got(value)}"
    try:
        as_float = float(value)
    except OverflowError:
        as_float = 0.0  # a huge integer is still a number; the value check says it is too high or too low
    except Exception:  # noqa: BLE001 - an exotic number type
        return f"expected a number, got {_got(value)}"
    if math.isnan(as_float):
        return "got NaN (not a number): a calculation probably used missing data or divided zero by zero"
    if math.isinf(as_float):
        return f"got {number(value)}: a calculation probably divided by zero"
    try:
        Fraction(value)  # type: ignore[call-overload]
    except Exception:  # noqa: BLE001
        return f"expected a number, got {_got(value)}"
    return ""


def _equals_text(what: str, abs_tol: float, rel_tol: float) -> str:
    if abs_tol and rel_tol:
        return (
            f"{what} is the expected value (within ±{number(abs_tol)} or {rel_tol:.2%}, whichever is larger)"
        )
    if rel_tol:
        return f"{what} is the expected value (within {rel_tol:.2%})"
    if abs_tol:
        return f"{what} is the expected value (within ±{number(abs_tol)})"
    return f"{what} is exactly the expected value"


def _text_type_problem(value: object) -> str:
    if isinstance(value, bytes):
        return "expected a text (str), got bytes: decode them first, e.g. value.decode('utf-8')"
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return f"expected one text (str), got {_got(value)}"
    return f"expected a text (str), got {_got(value)}"


def _list_type_problem(value: object, what: str, ordered: bool) -> str:
    if isinstance(value, str):
        return f"expected a list of {what}, got one text ({short(value, 40)}); put them in a list: [..., ...]"
    if isinstance(value, Mapping):
        return f"expected a list of {what}, got a dictionary (list(...) of it gives its keys)"
    if isinstance(value, (set, frozenset)) and ordered:
        return f"expected a list of {what} in order, got a set, which has no order; use a list"
    if isinstance(value, Iterator):
        return f"expected a list of {what}, got an iterator (from a generator or map); wrap it in list(...)"
    return f"expected a list of {what}, got {_got(value)}"


def _safe_key(item: Any, key: Callable[[Any], Hashable] | None) -> Hashable:
    """The comparison key of an item; an item that cannot be keyed or hashed gets a key from its repr."""
    try:
        result = key(item) if key is not None else item
        hash(result)
        return result
    except Exception:  # noqa: BLE001
        return ("<unhashable>", type(item).__name__, short(item))


def _multiset_difference(
    wanted_keys: list[Hashable], wanted: list[Any], got_keys: list[Hashable], got: list[Any]
) -> tuple[list[str], list[str]]:
    """Expected items missing from ``got``, and items of ``got`` not expected, as phrases."""
    want_count, got_count = Counter(wanted_keys), Counter(got_keys)
    shown_wanted = dict(zip(wanted_keys, wanted, strict=True))
    shown_got = dict(zip(got_keys, got, strict=True))
    missing, extra = [], []
    for k, n in want_count.items():
        if got_count[k] < n:
            label = _show(shown_wanted[k])
            missing.append(label if got_count[k] == 0 else f"{label} (only {got_count[k]} of {n})")
    for k, n in got_count.items():
        if n > want_count[k]:
            label = _show(shown_got[k], quote=True)
            extra.append(label if want_count[k] == 0 else f"{label} ({n} times, expected {want_count[k]})")
    return missing, extra


def _membership_problem(
    n_wanted: int, n_got: int, what: str, missing: list[str], extra: list[str], reveal_items: bool
) -> str:
    parts = []
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        parts.append(f"{names(missing) if reveal_items else f'{len(missing):,}'} {verb} missing")
    if extra:
        parts.append(f"{names(extra) if reveal_items else f'{len(extra):,}'} should not be there")
    joiner = ": " if n_wanted != n_got else ", but "
    return f"expected a list of {count(n_wanted, what)}, got {n_got:,}{joiner}{'; '.join(parts)}"


def _order_finding(
    prop: str,
    what: str,
    wanted: list[Any],
    got: list[Any],
    wanted_keys: list[Hashable],
    got_keys: list[Hashable],
    reveal_items: bool,
) -> Finding:
    position = next((i for i, (a, b) in enumerate(zip(got_keys, wanted_keys, strict=True)) if a != b), None)
    if position is None:
        return Finding(prop, True)
    if reveal_items:
        detail = (
            f"item {position + 1} should be {_show(wanted[position])}, not {_show(got[position], quote=True)}"
        )
    else:
        detail = f"the first one out of place is item {position + 1}"
    return Finding(prop, False, f"the {what} are right but not in the expected order: {detail}")


def _value_problem(value: Mapping[Any, Any], key: Any, want: Any, compare_value: Comparator | None) -> str:
    """What is wrong with ``value[key]``, or ""."""
    try:
        given = value[key]
        if compare_value is not None:
            result = compare_value(given, want)
            return "" if result.passed else f"for {_show(key)}, {'; '.join(result.problems) or 'not right'}"
        return (
            "" if bool(given == want) else f"the value for {_show(key)} is not right (got {short(given, 40)})"
        )
    except Exception:  # noqa: BLE001 - a learner's value may refuse to be compared
        return f"the value for {_show(key)} cannot be compared"


def _show(item: Any, quote: bool = False) -> str:
    """An item as named in feedback: expected texts plainly (Milos Rudovic), the learner's quoted.

    Numbers go without thousands separators: items are listed with commas ("2011, 2020 and 2023 are
    missing"), and a year written "2,011" would read as two numbers.
    """
    if isinstance(item, str) and not quote:
        return item if len(item) <= 60 else item[:57] + "..."
    if isinstance(item, numbers.Real) and not isinstance(item, bool):
        return short(item, 60).replace(",", "")
    return short(item, 60)


def _contains(mapping: Mapping[Any, Any], key: Any) -> bool:
    try:
        return key in mapping
    except Exception:  # noqa: BLE001 - unhashable keys
        return False
