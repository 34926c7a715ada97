"""facts.yaml: the real file loads; every kind of mistake is reported at its line and column."""

from __future__ import annotations

import json
import textwrap

import jsonschema
import pytest
import yaml

from factlint.errors import FactsError
from factlint.facts import json_schema, load_facts, parse_facts

from .conftest import FACTS


def problems(text: str) -> list[str]:
    with pytest.raises(FactsError) as info:
        parse_facts(textwrap.dedent(text), "facts.yaml")
    return [str(p) for p in info.value.problems]


def test_project_facts_load():
    facts = load_facts(FACTS)
    assert facts.version == 1
    ids = [f.id for group in (facts.people, facts.events, facts.quotes, facts.claims) for f in group]
    assert len(ids) == len(set(ids))
    visit = next(e for e in facts.events if e.id == "shoigu-visit")
    assert str(visit.date.interval) == "2023-07-27"
    assert FACTS.read_text().splitlines()[visit.date_line - 1].strip().startswith("date: 2023-07-27")
    kirby = facts.person("kirby")
    assert "Kirby" in kirby.aliases
    assert facts.source_for("seeds/001_01b98fe4deb5da6f.txt").published.isoformat() == "2023-09-01"
    for q in facts.quotes:
        assert all(facts.person(s) for s in q.speakers)


def test_ranges_and_partial_dates():
    facts = parse_facts(
        """
version: 1
events:
  - {id: a, what: range, date: {from: 2023-07-25, to: 2023-07-27}}
  - {id: b, what: month, date: 2023-07}
  - {id: c, what: year, date: 2022}
"""
    )
    assert [str(e.date.interval) for e in facts.events] == [
        "2023-07-25..2023-07-27",
        "2023-07-01..2023-07-31",
        "2022-01-01..2022-12-31",
    ]


BAD = [
    ("version: 1\npeople: [\n", "facts.yaml:3:1: invalid YAML"),
    ("version: 2\n", "facts.yaml:1:10: expected the schema version (1), found 2"),
    ("story: x\n", "facts.yaml:1:1: facts.yaml is missing required key 'version'"),
    ("version: 1\npeeple: []\n", "facts.yaml:2:1: unknown key 'peeple'"),
    ("version: 1\nversion: 1\n", "facts.yaml:2:1: duplicate key 'version'"),
    ("version: 1\npeople:\n  - id: a\n    name: A\n    titel: x\n", "facts.yaml:5:5: unknown key 'titel' in a person"),
    ("version: 1\npeople:\n  - id: a\n", "facts.yaml:3:5: a person is missing required key 'name'"),
    ("version: 1\npeople:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", "facts.yaml:4:10: duplicate id 'a' (first defined at line 3)"),
    ("version: 1\npeople:\n  - {id: Bad Id, name: A}\n", "facts.yaml:3:10: expected an id"),
    ("version: 1\npeople:\n  - {id: a, name: A, aliases: B}\n", "facts.yaml:3:31: expected a list of names, found the text 'B'"),
    ("version: 1\nevents:\n  - {id: e, what: x, date: 2023-02-30}\n", "facts.yaml:3:28: impossible date '2023-02-30'"),
    ("version: 1\nevents:\n  - {id: e, what: x, date: 2023-13}\n", "facts.yaml:3:28: impossible date '2023-13'"),
    ("version: 1\nevents:\n  - {id: e, what: x, date: July 27}\n", "facts.yaml:3:28: expected a date as YYYY-MM-DD"),
    ("version: 1\nevents:\n  - {id: e, what: x, date: {from: 2023-07-27, to: 2023-07-25}}\n", "facts.yaml:3:28: date range ends"),
    (
        "version: 1\nevents:\n  - id: e\n    what: x\n    date: 2023\n    mentions: [{regex: '(unclosed'}]\n",
        "facts.yaml:6:24: invalid regex in fact e",
    ),
    ("version: 1\nquotes:\n  - {id: q, speaker: nobody, text: hi}\n", "facts.yaml:3:22: speaker 'nobody' of quote q names no person"),
    ("version: 1\nclaims:\n  - {id: c, statement: s, figure: {value: two, unit: x}}\n", "facts.yaml:3:43: expected a number"),
    ("version: 1\nsources:\n  a.txt: {published: 2023-08}\n", "facts.yaml:3:22: expected a publication date (YYYY-MM-DD)"),
    # a flow list splits "1,237 delegates" at its comma: the "1" is a number, no wording
    (
        "version: 1\nclaims:\n  - {id: c, statement: s, supports: [1,237 delegates to win], figure: {value: 1237, unit: delegates}}\n",
        "facts.yaml:3:38: expected a phrase, found a number (1); put it in quotes: '1'",
    ),
    ("version: 1\npeople:\n  - {id: a, name: A, aliases: [yes]}\n", "facts.yaml:3:32: expected a name, found a true/false value"),
    ("", "facts.yaml:1:1: empty facts file"),
    ("- 1\n- 2\n", "facts.yaml:1:1: expected facts.yaml, found a list"),
]


@pytest.mark.parametrize("text,expected", BAD)
def test_bad_facts(text, expected):
    got = problems(text)
    assert any(p.startswith(expected) for p in got), got


def test_all_problems_reported_at_once():
    got = problems(
        """\
        version: 1
        people:
          - {id: a, name: A, bogus: 1}
          - {id: a, name: B}
        events:
          - {id: e, what: x, date: 2023-02-30}
          - id: f
            what: y
            date: 2023
            mentions: [{regex: '['}]
        quotes:
          - {id: q, speaker: nobody, text: hi}
        """
    )
    assert [p.split(":")[1] for p in got] == ["3", "4", "6", "10", "12"]


def test_not_utf8():
    with pytest.raises(FactsError) as info:
        parse_facts(b"version: 1\nstory: caf\xe9\n")
    assert str(info.value.problems[0]).startswith("facts.yaml:2:1: not UTF-8")


def test_unsafe_yaml_tags_are_refused():
    assert any("invalid YAML" in p or "expected" in p for p in problems("version: 1\nstory: !!python/object/apply:os.system ['true']\n"))


def test_missing_file(tmp_path):
    with pytest.raises(FactsError) as info:
        load_facts(tmp_path / "nope.yaml")
    assert "cannot read facts file" in str(info.value)


def test_json_schema_accepts_the_project_facts_and_rejects_mistakes():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # YAML dates as text, as an editor sees them
    jsonschema.validate(data, schema)
    bad = dict(data, peeple=[])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "events": [{"id": "e", "what": "x", "date": "July 27"}]}, schema)
