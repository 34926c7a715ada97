"""The facts.yaml format, written once as data: it validates YAML nodes and prints JSON Schema.

Each `Type` checks a PyYAML node (which knows its line and column), appends a `Problem` for each
thing wrong with it and returns a plain Python value (or INVALID); `json_schema()` says the same
rules in JSON Schema (draft 2020-12) for editors.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Callable

import yaml

from ..errors import Problem
from ..interval import days_in_month, month_name
from ..patterns import lazy_re
from ..records import dataclass

INVALID = object()

# A number in facts.yaml is read as YAML reads it (1_000, 0x1F, 1.5e3, .inf) by PyYAML's own safe
# constructor, which needs no loader to read one scalar.
_SCALARS = yaml.constructor.SafeConstructor()

# The largest size of a figure: beyond it a float no longer holds every whole number (2**53 is about
# 9.0e15), and no count in news comes near it (a world economy is about 1e14 dollars).
MAX_NUMBER = 10**15


@dataclass
class Ctx:
    path: str
    problems: list[Problem]

    def error(self, node: yaml.Node, message: str) -> object:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, message))
        return INVALID


def did_you_mean(word: str, choices) -> str:
    """" did you mean 'mentions'?" for the nearest of `choices` to a misspelt `word` (difflib's
    ratio of 0.6 or more, as Python's own suggestions), else ""."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" did you mean {close[0]!r}?" if close else ""


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing (null)"
    if node.tag.endswith((":int", ":float")):
        return f"the number {node.value}"
    if node.tag.endswith(":bool"):
        return f"the boolean {node.value}"
    return f"the text {node.value!r}"


class Type:
    description = ""

    def check(self, node: yaml.Node, ctx: Ctx) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def expected(self) -> str:
        return self.description


class Text(Type):
    def __init__(self, description: str = "text", pattern: str | None = None, hint: str = ""):
        self.description = description
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint

    def check(self, node, ctx):
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(":null"):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        value = node.value
        if node.tag.endswith((":int", ":float", ":bool")):  # `supports: [Sanders, 74]`: the 74 is no text
            kind = "a true/false value" if node.tag.endswith(":bool") else "a number"
            return ctx.error(node, f"expected {self.description}, found {kind} ({value}); put it in quotes: '{value}'")
        if not value.strip():
            return ctx.error(node, f"expected {self.description}, found empty text")
        if self.pattern and not self.pattern.fullmatch(value):
            return ctx.error(node, f"expected {self.description}{self.hint}, found {value!r}")
        return value

    def json_schema(self):
        s: dict = {"type": "string", "minLength": 1, "description": self.description}
        if self.pattern:
            s["pattern"] = "^(?:" + self.pattern.pattern + ")$"
        return s


class Integer(Type):
    def __init__(self, description: str, allowed: tuple[int, ...] | None = None):
        self.description = description
        self.allowed = allowed

    def check(self, node, ctx):
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int")):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        value = _yaml_number(node)
        if value is None or abs(value) >= MAX_NUMBER:
            return ctx.error(node, f"expected {self.description}, found {_short(node.value)}")
        if self.allowed and value not in self.allowed:
            return ctx.error(node, f"expected {self.description} ({', '.join(map(str, self.allowed))}), found {value}")
        return value

    def json_schema(self):
        s: dict = {"type": "integer", "description": self.description}
        if self.allowed:
            s["enum"] = list(self.allowed)
        return s


def _short(text: str) -> str:
    """A number as written, shortened when it runs long: '999...999 (401 characters)'."""
    return text if len(text) <= 24 else f"{text[:10]}...{text[-10:]} ({len(text):,} characters)"


def _yaml_number(node: yaml.ScalarNode) -> int | float | None:
    """The value of an int or float scalar as YAML reads it (an integer of more than 64 digits as an
    infinity, counted before any conversion), or None when it is none."""
    if node.tag.endswith(":int") and sum(c.isalnum() for c in node.value) > 64:
        # far past MAX_NUMBER in any base, and int() of thousands of digits is slow or refused
        return -math.inf if node.value.lstrip().startswith("-") else math.inf
    try:
        if node.tag.endswith(":int"):
            return _SCALARS.construct_yaml_int(node)
        return _SCALARS.construct_yaml_float(node)
    except (ValueError, OverflowError):
        return None


class Number(Type):
    """A finite number of sane size (below MAX_NUMBER either way), or at least `minimum`."""

    def __init__(self, description: str, minimum: float | None = None):
        self.description = description
        self.minimum = minimum

    def check(self, node, ctx):
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float"))):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        value = _yaml_number(node)
        if value is None or math.isnan(value):
            return ctx.error(node, f"expected {self.description}, found {_short(node.value)}, which is not a number factlint can compare")
        if not -MAX_NUMBER < value < MAX_NUMBER:  # infinities too; compared before float() could overflow
            return ctx.error(node, f"expected {self.description} of less than 10^15 in size, found {_short(node.value)}")
        if self.minimum is not None and value < self.minimum:
            return ctx.error(node, f"expected {self.description} of at least {self.minimum:g}, found {_short(node.value)}")
        return float(value)

    def json_schema(self):
        s: dict = {"type": "number", "description": self.description, "exclusiveMinimum": -MAX_NUMBER, "exclusiveMaximum": MAX_NUMBER}
        if self.minimum is not None:
            del s["exclusiveMinimum"]
            s["minimum"] = self.minimum
        return s


_DATE_RE = lazy_re(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_partial_date(text: str) -> tuple[date, date, str] | str:
    """'2023-07-27' / '2023-07' / '2023' -> (first day, last day, granularity), or an error text."""
    m = _DATE_RE.fullmatch(text.strip())
    if not m:
        return f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, found {text!r}"
    year = int(m.group(1))
    if m.group(2) is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    month = int(m.group(2))
    if not 1 <= month <= 12:
        return f"impossible date {text!r}: there is no month {month}"
    last = days_in_month(year, month)
    if m.group(3) is None:
        return date(year, month, 1), date(year, month, last), "month"
    day = int(m.group(3))
    if not 1 <= day <= last:
        return f"impossible date {text!r}: {month_name(month)} {year} has {last} days"
    d = date(year, month, day)
    return d, d, "day"


# A day of the Gregorian calendar as YYYY-MM-DD, exactly: months 01-12, days as the month has
# them, 29 February only in leap years (divisible by 4, centuries only by 400).
EXACT_DAY = (
    r"(?!0000)(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)"
)


class DateText(Type):
    """A YAML date or text of the form YYYY-MM-DD, YYYY-MM or YYYY (`partial=False`: days only)."""

    def __init__(self, description: str = "a date (YYYY-MM-DD, YYYY-MM or YYYY)", partial: bool = True):
        self.description = description
        self.partial = partial

    def check(self, node, ctx):
        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":null", ":bool", ":float")):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        parsed = parse_partial_date(node.value)
        if isinstance(parsed, str):
            return ctx.error(node, parsed)
        if not self.partial and parsed[2] != "day":
            return ctx.error(node, f"expected {self.description}, found {node.value!r}")
        return (node.value.strip(), *parsed)

    def json_schema(self):
        pat = f"^{EXACT_DAY}$" if not self.partial else f"^(?:{EXACT_DAY}|(?!0000)\\d{{4}}-(?:0[1-9]|1[0-2])|(?!0000)\\d{{4}})$"
        kinds: list[dict[str, Any]] = [{"type": "string", "pattern": pat}]
        if self.partial:
            kinds.append({"type": "integer", "minimum": 1, "maximum": 9999})
        # an unquoted 2023-07-27 is a YAML timestamp: yaml.safe_load makes it a date object (and
        # refuses 2023-13-01 itself), which is no JSON type at all; editors read it as the string
        kinds.append({"not": {"type": ["string", "number", "boolean", "null", "array", "object"]}})
        return {"description": self.description, "anyOf": kinds}


class ListOf(Type):
    def __init__(self, item: Type, description: str = "", allow_single: bool = False):
        self.item = item
        self.description = description or f"a list of {item.expected()}"
        self.allow_single = allow_single

    def check(self, node, ctx):
        if self.allow_single and isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            value = self.item.check(node, ctx)
            return INVALID if value is INVALID else [value]
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        # Invalid items stay as INVALID placeholders (their problems are recorded) so that values
        # and YAML nodes stay aligned and the rest of the file is still checked.
        return [self.item.check(child, ctx) for child in node.value]

    def json_schema(self):
        s = {"type": "array", "items": self.item.json_schema(), "description": self.description}
        if self.allow_single:
            return {"description": self.description, "anyOf": [self.item.json_schema(), s]}
        return s


class AnyOf(Type):
    """The first type whose YAML kind fits (scalar vs mapping vs list) decides."""

    def __init__(self, description: str, scalar: Type | None = None, mapping: Type | None = None):
        self.description = description
        self.scalar = scalar
        self.mapping = mapping

    def check(self, node, ctx):
        if isinstance(node, yaml.MappingNode) and self.mapping:
            return self.mapping.check(node, ctx)
        if isinstance(node, yaml.ScalarNode) and self.scalar:
            return self.scalar.check(node, ctx)
        return ctx.error(node, f"expected {self.description}, found {_kind(node)}")

    def json_schema(self):
        return {
            "description": self.description,
            "anyOf": [t.json_schema() for t in (self.scalar, self.mapping) if t],
        }


@dataclass
class Field:
    type: Type
    required: bool = False
    doc: str = ""


class Obj(Type):
    """A mapping with known keys. Unknown and duplicate keys are errors at their own line."""

    def __init__(
        self,
        description: str,
        fields: dict[str, Field],
        build: Callable[[dict, yaml.Node], Any] | None = None,
        exactly_one: tuple[str, ...] = (),
    ):
        self.description = description
        self.fields = fields
        self.build = build
        self.exactly_one = exactly_one  # keys of which exactly one must be given ("date" or "dates")

    def check(self, node, ctx):
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        values: dict[str, Any] = {}
        keys: dict[str, yaml.Node] = {}
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key in keys:
                ctx.error(key_node, f"duplicate key {key!r} (first at line {keys[key].start_mark.line + 1})")
                continue
            if key not in self.fields:
                known = ", ".join(self.fields)
                guess = did_you_mean(key, self.fields) if isinstance(key, str) else ""
                ctx.error(key_node, f"unknown key {key!r} in {self.description};{guess} expected one of: {known}")
                continue
            keys[key] = key_node
            value = self.fields[key].type.check(value_node, ctx)
            if value is INVALID:
                if self.fields[key].required:
                    ok = False
                continue
            values[key] = (value, value_node)
        for name, f in self.fields.items():
            if f.required and name not in keys:
                ctx.error(node, f"{self.description} is missing required key {name!r}")
                ok = False
        if self.exactly_one:
            given = [k for k in self.exactly_one if k in keys]
            either = " or ".join(repr(k) for k in self.exactly_one)
            if not given:
                ctx.error(node, f"{self.description} is missing required key {either}")
                ok = False
            elif len(given) > 1:
                ctx.error(keys[given[1]], f"{self.description} has both {' and '.join(repr(k) for k in given)}; give one of them")
                ok = False
            elif given[0] not in values:
                ok = False  # its value was invalid (reported)
        if not ok:
            return INVALID
        if self.build:
            return self.build(values, node)
        return values

    def json_schema(self):
        s = {
            "type": "object",
            "description": self.description,
            "additionalProperties": False,
            "required": [n for n, f in self.fields.items() if f.required],
            "properties": {n: {**f.type.json_schema(), **({"description": f.doc} if f.doc else {})} for n, f in self.fields.items()},
        }
        if self.exactly_one:
            s["oneOf"] = [{"required": [k]} for k in self.exactly_one]
        return s


class MapOf(Type):
    """A mapping from free keys (paths, globs) to values of one type."""

    def __init__(self, description: str, value: Type, key_description: str):
        self.description = description
        self.value = value
        self.key_description = key_description

    def check(self, node, ctx):
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, f"expected {self.description}, found {_kind(node)}")
        out = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
                ctx.error(key_node, f"expected {self.key_description} as a key, found {_kind(key_node)}")
                continue
            if key_node.value in seen:
                ctx.error(key_node, f"duplicate key {key_node.value!r} (first at line {seen[key_node.value]})")
                continue
            seen[key_node.value] = key_node.start_mark.line + 1
            value = self.value.check(value_node, ctx)
            if value is not INVALID:
                out[key_node.value] = (value, key_node)
        return out

    def json_schema(self):
        return {"type": "object", "description": self.description, "additionalProperties": self.value.json_schema()}
