"""`factlint suggest`: a draft facts.yaml from the articles (golden output on a small fixture), that
always loads and that its own articles check clean against (property and the stories), and a CLI
that never overwrites a file without --force."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factlint.cli import main
from factlint.engine import Linter
from factlint.facts import parse_facts
from factlint.model import Severity
from factlint.reference import read_article, reference_of
from factlint.runner import discover, load_article
from factlint.suggest import mention_before, suggest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "suggest"
GOLDEN = ROOT / "tests" / "golden" / "suggest.yaml"


def _draft(paths: list[str], folder: Path):
    docs = [(load_article(p, None), p) for p in paths]
    return docs, suggest(docs, pattern=lambda p: os.path.relpath(p, folder).replace(os.sep, "/"),
                         facts_path=str(folder / "facts.draft.yaml"))


def _errors_tied_to_draft(docs, text: str, facts_path: str) -> list[str]:
    facts = parse_facts(text, facts_path)
    linter = Linter.of(facts, facts_display=facts_path)
    out = []
    for doc, _ in docs:
        found, origin = reference_of(doc, None, "", facts, facts_path, file_path=doc.path)
        doc = doc.__class__(**{**doc.__dict__, "reference_date": found, "reference_origin": origin})
        out += [f"{doc.path}:{f.start.line}: {f.code} {f.message}" for f in linter.lint(doc)
                if f.severity >= Severity.ERROR and f.fact is not None]
    return out


def test_golden_draft_of_the_fixture():
    paths = sorted(str(p.relative_to(ROOT)) for p in FIXTURE.glob("*.md"))
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        _, (draft, text) = _draft(paths, FIXTURE.relative_to(ROOT))
    finally:
        os.chdir(cwd)
    if os.environ.get("FACTLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")
    facts = parse_facts(text)
    assert [p.name for p in facts.people] == ["John Kirby", "Sergei Shoigu"]
    assert facts.person("sergei-shoigu").titles[0].text == "Defense Minister"
    assert [q.speakers for q in facts.quotes] == [("john-kirby",)]
    assert "# variant in" in text and "# seen in: tests/suggest/herald.md:9, tests/suggest/wire.md:7" in text
    assert {s.outlet for s in facts.sources} == {"The Herald", "Wire Daily"}


@pytest.mark.parametrize("story", ["seeds", *sorted(p.name for p in (ROOT / "tests" / "stories").iterdir() if p.is_dir())])
def test_a_story_checks_clean_against_its_draft(story):
    folder = ROOT / "seeds" if story == "seeds" else ROOT / "tests" / "stories" / story
    files, _ = discover([str(folder)])
    docs, (draft, text) = _draft(files, folder)
    assert draft.people and draft.events and draft.claims
    assert _errors_tied_to_draft(docs, text, str(folder / "facts.draft.yaml")) == []


_NAMES = ["John Kirby", "Mary Smith", "Robert Jones", "Linda Brown", "James Clark"]
_SENTENCES = st.one_of(
    st.builds(lambda n, w: f'"We will {w} the plan for the region," said {n}.', st.sampled_from(_NAMES),
              st.sampled_from(["review", "support", "oppose", "delay"])),
    st.builds(lambda n, d: f"{n} visited the plant on July {d}.", st.sampled_from(_NAMES), st.integers(1, 28)),
    st.builds(lambda k, u: f"The company said it would close {k} {u} next year.", st.integers(2, 40),
              st.sampled_from(["plants", "dealerships", "offices"])),
    st.builds(lambda n: f"Minister {n} spoke to reporters on Tuesday.", st.sampled_from(_NAMES)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=6), min_size=1, max_size=3))
def test_a_draft_always_loads_and_its_articles_check_clean(articles):
    docs = []
    for i, sentences in enumerate(articles):
        text = "Report\nAugust 2, 2023\n" + "\n".join(sentences) + "\n"
        docs.append((read_article(f"a{i}.txt", text), f"a{i}.txt"))
    draft, text = suggest(docs, facts_path="facts.draft.yaml")
    parse_facts(text)  # loads: valid by the loader's every check
    assert _errors_tied_to_draft(docs, text, "facts.draft.yaml") == []


def test_a_mention_is_the_clause_before_its_date():
    text = "After the talks, Shoigu visited Pyongyang on July 27."
    at = text.index("July")
    s, e = mention_before(text, 0, at)
    assert text[s:e] == "Shoigu visited Pyongyang"
    assert mention_before("It was on July 27.", 0, 10) is None


def test_cli_writes_and_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "facts.draft.yaml"
    assert main(["suggest", str(FIXTURE), "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert main(["facts", "validate", str(out)]) == 0
    assert "john-kirby" in first
    out.write_text("keep me\n", encoding="utf-8")
    assert main(["suggest", str(FIXTURE), "-o", str(out)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me\n"
    assert main(["suggest", str(FIXTURE), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == first
    assert main(["suggest", str(FIXTURE), "-o", str(FIXTURE / "wire.md"), "--force"]) == 2  # never onto an article
    assert main(["suggest", str(FIXTURE), "-o", "-"]) == 0
    printed = capsys.readouterr().out
    assert "sources:" in printed and printed.count("\n") == first.count("\n")  # sources: named from here


@pytest.mark.parametrize("text, names", [
    ("However, automotive analyst Erich Merkle has hesitations.", ["Erich Merkle"]),
    ("Finance Minister Alexei Kudrin announced the plan.", ["Alexei Kudrin"]),
    ("The plan came from Fritz Henderson, the current chief operating officer.", ["Fritz Henderson"]),
    ('"It will thrive," said American president Obama.', ["Obama"]),
    # no title, a department alone, a day after a title, a title inside quotation marks: no one
    ("Erich Merkle has hesitations.", []),
    ("The Finance Ministry announced the plan.", []),
    ("The spokesman Monday said no more.", []),
    ('She called him "the analyst Erich Merkle" twice.', []),
])
def test_titled_people_are_read_whatever_their_first_name(text, names):
    from factlint.extract.quotes import find_quotes
    from factlint.prose import Prose
    from factlint.suggest import titled_people

    prose = Prose.of(text)
    quoted = [(q.start, q.end) for q in find_quotes(prose)[0] if not q.nested]
    assert [text[s:e] for s, e in titled_people(prose, quoted)] == names
