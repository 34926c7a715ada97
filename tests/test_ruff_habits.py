"""ruff's habits: --show-settings, FORCE_COLOR / NO_COLOR, facts errors with hints and "did you
mean", the JSON Schema shipped as a file, exact about dates, and wired to editors by `init`; and
what `init` says to install."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from factlint.settings import use_color

from .conftest import ROOT, run


def test_show_settings_says_what_each_setting_is_and_where_it_came_from(tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "factlint.toml").write_text('ignore = ["FL104"]\nday-first = true\n[severity]\nFL203 = "info"\n')
    (tmp_path / "desk").mkdir()
    p = run(["check", "--show-settings", "--select", "FL1,FL2", "--format", "json"], cwd=tmp_path / "desk")
    assert p.returncode == 0 and p.stderr == b""
    lines = p.stdout.decode().splitlines()
    setting = {l.split(" = ")[0]: l for l in lines if " = " in l and not l.startswith('"')}
    assert setting["configuration"].split("#")[1].strip() == "found upward"
    assert '"../factlint.toml"' in setting["configuration"]
    assert setting["select"].startswith('select = ["FL1", "FL2"]') and setting["select"].endswith("# command line")
    assert setting["ignore"].startswith('ignore = ["FL104"]') and setting["ignore"].endswith("# ../factlint.toml")
    assert setting["day-first"].startswith("day-first = true") and setting["day-first"].endswith("# ../factlint.toml")
    assert setting["fail-on"].startswith('fail-on = "error"') and setting["fail-on"].endswith("# default")
    assert setting["format"].endswith("# command line")
    assert setting["root"].startswith(f'root = "{tmp_path}"') and "configuration's folder" in setting["root"]
    assert setting["facts"].startswith('facts = "../facts.yaml"') and "found upward" in setting["facts"]
    assert "[severity]  # ../factlint.toml" in lines and '"FL203" = "info"' in lines
    assert "[per-file-ignores]  # default: (none)" in lines


@pytest.mark.parametrize(
    "choice,env,tty,colour",
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: not set (no-color.org)
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),  # as CPython: NO_COLOR wins
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_choice(choice, env, tty, colour):
    assert use_color(choice, env, to_terminal=tty) is colour


def test_force_color_colours_a_pipe_and_no_color_wins():
    target = "tests/planted/001_shoygu.txt"
    p = run(["check", target], env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert b"\x1b[1;31m" in p.stdout
    p = run(["check", target], env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert b"\x1b[" not in p.stdout
    p = run(["check", target, "--format", "json"], env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert b"\x1b[" not in p.stdout  # only the text format is ever coloured


@pytest.mark.parametrize(
    "text,where,hint",
    [
        ("version: 1\npeople:\n\t- id: a\n", "facts.yaml:3:1:", "YAML indents with spaces, never tabs"),
        ("version: 1\nstory: Kirby said: no\n", "facts.yaml:2:18:", "a value holding ': ' must be quoted"),
        ('version: 1\nstory: "open\n', "facts.yaml:3:1:", "a quotation mark is opened and never closed (it opened on line 2)"),
        ("version: 1\npeople:\n  - id: a\n    name: A\n   aliases: [b]\n", "facts.yaml:5:4:", "this line is indented differently"),
        ("version: 1\npeople: [a, b\n", "facts.yaml:3:1:", "needs commas between items"),
        ("version: 1\nstory: @home\n", "facts.yaml:2:8:", "must be quoted"),
    ],
)
def test_yaml_syntax_errors_come_with_a_hint(tmp_path, text, where, hint):
    (tmp_path / "facts.yaml").write_text(text)
    (tmp_path / "a.txt").write_text("text\n")
    for args in (["facts", "validate"], ["check", "a.txt"]):
        p = run(args, cwd=tmp_path)
        err = p.stderr.decode()
        assert p.returncode == 2 and "Traceback" not in err
        line = next(l for l in err.splitlines() if "invalid YAML" in l)
        assert where in line and "; hint: " in line and hint in line.split("; hint: ", 1)[1], line


def test_misspelt_keys_and_person_ids_get_a_did_you_mean(tmp_path):
    (tmp_path / "facts.yaml").write_text(
        "version: 1\npeople:\n  - {id: kirby, name: John Kirby, alaises: [Kirby]}\n"
        "events:\n  - id: e\n    what: x\n    date: 2023-01-01\n    mentons: [x]\n"
        "quotes:\n  - {id: q, speaker: kriby, text: hi}\n  - {id: r, speaker: somebody-else, text: hi}\n"
    )
    p = run(["facts", "validate"], cwd=tmp_path)
    err = p.stderr.decode()
    assert p.returncode == 2
    assert "facts.yaml:3:35: unknown key 'alaises' in a person; did you mean 'aliases'? expected one of:" in err
    assert "facts.yaml:8:5: unknown key 'mentons' in an event; did you mean 'mentions'? expected one of:" in err
    assert "facts.yaml:10:22: speaker 'kriby' of quote q names no person; did you mean 'kirby'?" in err
    assert "speaker 'somebody-else' of quote r names no person; define it under people:" in err  # nothing close


SCHEMA_FILE = ROOT / "src" / "factlint" / "facts" / "facts-v1.schema.json"


def test_the_schema_is_a_file_in_the_package_and_what_facts_schema_prints(request):
    from factlint.facts.loader import SCHEMA_FILE as shipped
    from factlint.facts.loader import json_schema

    expected = json.dumps(json_schema(), indent=2) + "\n"
    if request.config.getoption("--update-golden"):
        SCHEMA_FILE.write_text(expected, encoding="utf-8")
    assert Path(shipped).resolve() == SCHEMA_FILE.resolve()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == expected, "stale schema file: pytest --update-golden"
    p = run(["facts", "schema"])
    assert p.returncode == 0 and p.stdout.decode() == expected
    p = run(["facts", "schema", "--path"])
    assert Path(p.stdout.decode().strip()).resolve() == SCHEMA_FILE.resolve()
    # shipped: pyproject.toml's package data takes it into the wheel
    import fnmatch
    import re

    globs = re.search(r'factlint = \[(.*?)\]', (ROOT / "pyproject.toml").read_text()).group(1)
    assert any(fnmatch.fnmatch("facts/facts-v1.schema.json", g.strip(' "')) for g in globs.split(","))


def _validator():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "date,valid",
    [
        ("2023-07-27", True), ("2024-02-29", True), ("2000-02-29", True), ("2023-07", True), ("2023", True),
        ("2023-13-01", False), ("2023-02-30", False), ("2023-02-29", False), ("1900-02-29", False),
        ("2023-04-31", False), ("2023-00-10", False), ("2023-7-27", False), ("0000-01-01", False), ("July 2023", False),
    ],
)
def test_the_schema_is_exact_about_dates(date, valid):
    """As factlint's own loader: a date that cannot exist is refused, quoted or not."""
    v = _validator()
    for doc in (
        {"version": 1, "events": [{"id": "e", "what": "x", "date": date}]},
        {"version": 1, "sources": {"a.txt": {"published": date}}} if len(date) == 10 or not valid else None,
    ):
        if doc is not None:
            assert v.is_valid(doc) is valid, doc


def test_the_schema_accepts_what_yaml_safe_load_makes_of_a_facts_file():
    v = _validator()
    loaded = yaml.safe_load((ROOT / "facts.yaml").read_text(encoding="utf-8"))  # dates become date objects
    assert list(v.iter_errors(loaded)) == []
    loaded = yaml.safe_load("version: 1\nevents:\n  - {id: e, what: x, date: 2023-07-27}\nsources: {a.txt: {published: 2023-09-01}}\n")
    assert v.is_valid(loaded)
    assert not v.is_valid(yaml.safe_load("version: 1\nsources: {a.txt: {published: '2023-09'}}\n"))  # a day is needed


def test_init_points_editors_at_the_schema(tmp_path):
    p = run(["init", str(tmp_path)])
    assert p.returncode == 0, p.stderr
    first = (tmp_path / "facts.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = first.split("$schema=", 1)[1]
    schema = (tmp_path / target) if not Path(target).is_absolute() else Path(target)
    assert schema.resolve() == SCHEMA_FILE.resolve()
    # what the language server does with it: the starter validates against the schema it names
    v = jsonschema.Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
    assert list(v.iter_errors(yaml.safe_load((tmp_path / "facts.yaml").read_text(encoding="utf-8")))) == []
    assert run(["facts", "validate", str(tmp_path / "facts.yaml")]).returncode == 0


def test_the_schema_line_is_relative_when_the_schema_is_inside_the_project():
    from factlint.starter import schema_line

    assert schema_line("/p/.venv/lib/site-packages/factlint/facts/s.json", "/p") == (
        "# yaml-language-server: $schema=.venv/lib/site-packages/factlint/facts/s.json\n")
    assert schema_line("/opt/venv/factlint/facts/s.json", "/p") == "# yaml-language-server: $schema=/opt/venv/factlint/facts/s.json\n"


def test_shell_completion_completes_commands_options_and_choices(tmp_path):
    import shutil
    import subprocess

    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    p = run(["completion", "bash"])
    assert p.returncode == 0
    (tmp_path / "factlint.bash").write_bytes(p.stdout)
    script = (
        f"source {tmp_path / 'factlint.bash'}\n"
        'c() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE};'
        ' COMPREPLY=(); _shtab_factlint; echo "$*: ${COMPREPLY[*]}"; }\n'
        "c factlint ch\nc factlint check --form\nc factlint check --format s\nc factlint facts v\nc factlint check --show-s\n"
    )
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60).stdout.splitlines()
    assert out == [
        "factlint ch: check",
        "factlint check --form: --format",
        "factlint check --format s: sarif",
        "factlint facts v: validate",
        "factlint check --show-s: --show-settings",
    ]
    for shell in ("zsh", "fish"):
        p = run(["completion", shell])
        assert p.returncode == 0 and b"factlint" in p.stdout and b"show-settings" in p.stdout
