"""Names (one pass, near misses), titles, figures and claim wordings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.prose import Prose
from factlint.extract.claims import find_figures
from factlint.extract.names import NameIndex, damerau
from factlint.extract.titles import role_of, same_role
from factlint.facts import parse_facts

FACTS = parse_facts(
    """
version: 1
people:
  - id: shoigu
    name: Sergei Shoigu
    aliases: [Shoigu, Sergey Shoigu]
  - id: zelenskyy
    name: Volodymyr Zelenskyy
    aliases: [Zelenskyy]
  - id: tg
    name: Linda Thomas-Greenfield
    aliases: [Thomas-Greenfield]
  - id: kim-jong-un
    name: Kim Jong Un
    aliases: [Kim Jong-un]
    not: [Kim Yo-jong, Kim Jong Il]
  - id: kim-yo-jong
    name: Kim Yo-jong
  - id: ministry
    kind: organization
    name: Russian Defense Ministry
  - id: merkel
    name: Angela Merkel
    aliases: [Merkel]
    titles: [German Chancellor]
  - id: kirby
    name: John Kirby
    titles: [spokesman]
"""
)
NAMES = NameIndex(FACTS.people)


def near(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.canonical) for m in NAMES.find(Prose.of(text)) if m.near_miss]


def found(text: str) -> list[str]:
    return [m.person_id for m in NAMES.find(Prose.of(text)) if not m.near_miss]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sergei Shoygu arrived.", [("Shoygu", "Shoigu")]),
        ("President Zelenskiy spoke.", [("Zelenskiy", "Zelenskyy")]),
        ("Linda Thomas-Greenfeld spoke.", [("Thomas-Greenfeld", "Thomas-Greenfield")]),
        ("Linda Thomas Greenfield spoke.", []),  # a hyphen folds to a space: the curated name
        ("Kim Jong Un's letter and Kim Jong-un's reply.", []),
        ("Kim Yo-jong and Kim Jong Il were named.", []),  # other people's names are never misspellings
        ("The Russian Defence Ministry said.", []),  # a British spelling is no misspelling
        ("Russia, Russian and Shogun are words.", []),
        # two edits in a word of six letters or more beside the first name or after a curated title
        ("Angela Mirkle spoke.", [("Mirkle", "Merkel")]),
        ("Chancellor Mirkle spoke.", [("Mirkle", "Merkel")]),
        ("Kim Jonx-xn spoke.", [("Jonx-xn", "Jong-un")]),
        ("Mirkle spoke.", []),  # alone, two edits in six letters is anyone
        ("Minister Mirkle spoke.", []),  # not her title
        ("John Kerry spoke.", []),  # two edits in five letters is another person, even beside John
        ("spokesman John Kirbi spoke.", [("Kirbi", "Kirby")]),
        ("Zelensky and Zelenskyi.", [("Zelensky", "Zelenskyy"), ("Zelenskyi", "Zelenskyy")]),
    ],
)
def test_near_misses(text, expected):
    assert near(text) == expected


def test_one_pass_finds_every_spelling():
    assert found("Sergey Shoigu, Shoigu’s aide, and KIM JONG-UN and Kim Jong Un’s sister Kim Yo-jong") == [
        "shoigu", "shoigu", "kim-jong-un", "kim-jong-un", "kim-yo-jong",
    ]


def test_damerau():
    assert damerau("shoigu", "shoygu", 2) == 1
    assert damerau("abcd", "abdc", 2) == 1
    assert damerau("abcdef", "uvwxyz", 2) == 3


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Sergei Shoigu", "Volodymyr Zelenskyy", "Linda Thomas-Greenfield", "Kim Jong-un"]),
       st.text(alphabet="abc ,.\n", max_size=20), st.text(alphabet="abc ,.\n", max_size=20))
def test_a_curated_name_is_always_found_and_never_a_near_miss(name, left, right):
    text = f"{left} {name} {right}"
    mentions = NAMES.find(Prose.of(text))
    assert any(text[m.start : m.end] == name and not m.near_miss for m in mentions)
    assert all(0 <= m.start < m.end <= len(text) for m in mentions)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=8), st.sampled_from("aeiouxz"))
def test_one_edit_of_a_long_surname_is_caught(position, letter):
    word = "Zelenskyy"
    changed = word[:position] + letter + word[position + 1 :]
    if changed == word:
        return
    assert near(f"President {changed} spoke.") == [(changed, "Zelenskyy")]


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Russian Defense Minister", "Moscow's defence minister", True),
        ("Russian Foreign Minister", "Russian Defense Minister", False),
        ("Secretary of State", "U.S. ambassador to the United Nations", False),
        ("White House national security spokesman", "White House National Security Council spokesperson", True),
        ("U.S. representative to the U.N.", "US ambassador to the United Nations", True),
        ("North Korean leader", "the leader of the DPRK", True),
    ],
)
def test_roles(a, b, same):
    assert same_role(role_of(a), role_of(b)) is same


@pytest.mark.parametrize(
    "text,values",
    [
        ("launched two short-range ballistic missiles", [(2, None)]),
        ("launched 2 missiles and 1,500 shells", [(2, None), (1500, None)]),
        ("at least one long-range bomber", [(1, "at-least")]),
        ("about 1.5 million people", [(1_500_000, "about")]),
        ("a dozen drones and more than twenty-five tanks", [(12, None), (25, "above")]),
        ("nearly 40 warships", [(40, "below")]),
    ],
)
def test_figures(text, values):
    assert [(f.value, f.hedge) for f in find_figures(Prose.of(text))] == values


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-") + ["two ", "a dozen ", "about ", "million ", "tanks "]), max_size=30).map("".join))
def test_figures_never_crash_and_stay_inside(text):
    figs = find_figures(Prose.of(text))
    assert figs == find_figures(Prose.of(text))
    for f in figs:
        assert 0 <= f.start < f.end <= len(text) and f.value >= 0


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(
    list("0123456789 ,._-’'") + ["\u0663", "²", "two ", "Twenty-", "one", "a dozen ", "about ", "At least ", "just under ",
     "million ", "tanks ", "some", "x", "alone "]
), max_size=30).map("".join))
def test_figures_are_tried_at_every_word_that_can_begin_one(text):
    # the reference: the figure pattern tried at every position of the folded text
    from factlint.extract.claims import _FIGURE
    from factlint.extract.phrases import Scan

    # ... but a number joined by a hyphen to the word before it is a model number ("A380-800")
    expected = [
        (m.start(), m.end()) for m in _FIGURE.finditer(Scan.of(text).folded)
        if not (m.start() > 1 and text[m.start() - 1] in "-‐‑" and text[m.start() - 2].isalnum())
    ]
    assert [(f.start, f.end) for f in find_figures(Prose.of(text))] == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["sergei", "Sergei", "SERGEI", "shoigu", "Shoigu", "sHoigu"]), min_size=2, max_size=2),
       st.sampled_from([" ", "-", "  "]), st.sampled_from(["", "x/", "@", "The "]))
def test_property_recased_names_change_only_capitals(words, sep, before):
    from factlint.extract.names import _recased

    found = sep.join(words)
    text = before + found + " visited."
    out = _recased(text, len(before), len(before) + len(found), "Sergei Shoigu")
    if out is not None:
        assert out.lower() == found.lower() and out != found
        assert [c for c in out if not c.isalpha()] == [c for c in found if not c.isalpha()]
        assert not found.isupper() and before not in ("x/", "@")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab.’'- ,\nZ_é"), max_size=40))
def test_title_words_read_backwards_are_the_words_read_forwards(before):
    from factlint.extract.titles import _TITLE_WORD, _words_backwards

    assert list(_words_backwards(before)) == [m.span() for m in reversed(list(_TITLE_WORD.finditer(before)))]


ORGS = parse_facts(
    """
version: 1
people:
  - id: sia
    kind: organization
    name: Singapore Airlines
  - id: mod
    kind: organization
    name: the Russian Defense Ministry
  - id: airbus
    kind: organization
    name: Airbus
  - id: fiat
    kind: organization
    name: Fiat
  - id: fed
    kind: organization
    name: Federal Reserve
  - id: gold-act
    kind: organization
    name: Gold Reserve Act
  - id: gm
    kind: organization
    name: General Motors
"""
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Singapore Airxines took the first plane.", ["Airxines"]),  # a typo beside its own name
        ("Singapore Arilines took the first plane.", ["Arilines"]),
        ("Russian Defense Minister Sergei Shoigu arrived.", []),  # another word, not a typo of Ministry
        ("Singapore Airline took the first plane.", []),  # another form of the word
        ("Airxus built the plane.", ["Airxus"]),  # a one-word name of six letters, like a surname
        ("Fist built the car.", []),  # shorter one-word names are matched as written
        ("The airlines of Singapore flew.", []),
        ("General Motoxs cut jobs.", ["Motoxs"]),  # a misspelt ending is no other form of the word
        ("General Motor cut jobs.", []),
        ("The Federal Rxserve lent.", ["Rxserve"]),  # a word of two names: the one beside decides
        ("The Rxserve lent.", []),  # ... and alone it is no one's
        ("The Russian Defence Ministry said.", []),  # British spelling, not a misspelling
    ],
)
def test_organization_names_are_checked_for_typos(text, flagged):
    from factlint.memo import Memo

    index = NameIndex(ORGS.people)
    found = [text[m.start : m.end] for m in index.find(Prose.of(text), Memo()) if m.near_miss]
    assert found == flagged


MAKERS = parse_facts(
    """
version: 1
people:
  - id: boeing
    kind: organization
    name: Boeing
  - id: airbus
    kind: organization
    name: Airbus
  - id: post
    kind: organization
    name: Washington Post
  - id: walmart
    kind: organization
    name: Walmart
  - id: medicare
    kind: organization
    name: Medicare
"""
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        # a modifier before the name is no other name; words of the language after an
        # organization's word are a part of it
        ("The Seattle-based Boexng cut jobs.", ["Boexng"]),
        ("He runs Boexng Commercial Airplanes now.", ["Boexng"]),
        ("The Seattle Boexng Club met.", []),  # a run with a word that is no word of the language
        # a word of the language where, mid-sentence, only a name stands (one edit away)
        ("It was delayed by Boxing's suppliers.", ["Boxing"]),
        ("The deal between Boxing and Airbus stalled.", ["Boxing"]),
        ("The deal between Airbus and Boxing stalled.", ["Boxing"]),
        ("Later, a Boxing spokesman said so.", ["Boxing"]),
        ("Then Boxing Executive Vice President Ann Cole spoke.", ["Boxing"]),
        ("In May, Boxing has announced a delay.", ["Boxing"]),
        ("China ordered 60 Boxing 787 jets.", ["Boxing"]),
        ("He likes Boxing.", []),
        ("Boxing is his sport.", []),  # opening a sentence: no evidence
        ("Thank you, sir. Boxing is his sport.", []),  # an honorific written whole ends its sentence
        ("It was hit or miss. Boxing is his sport.", []),
        ("Boxing's rules changed.", []),
        ("The Boxing Day sales began.", []),
        ("He watched Boxing 2010 on television.", []),  # a year, no model number
        ("Sales fell, and Boxing Day sales too.", []),
        # a word that is part of another name in the text is that name's word everywhere in it
        ("The club's director, Jeremy Boexng, wrote. Boexng said it was fine.", []),
        # beside another word of the name, on its side of the name only
        ("She spoke in Port Washington on Monday.", []),
        ("He wrote for the Washington Psot then.", ["Psot"]),
        # the same letters are the same name
        ("He shops at Wal-Mart.", []),
        # two edits from a name, a word of the language is the word
        ("The Academy of Engineering and Medicine noted that.", []),
    ],
)
def test_organization_words_where_only_a_name_stands(text, flagged):
    from factlint.memo import Memo

    index = NameIndex(MAKERS.people)
    found = [text[m.start : m.end] for m in index.find(Prose.of(text), Memo()) if m.near_miss]
    assert found == flagged


COMMON = parse_facts(
    """
version: 1
people:
  - id: farmer
    name: Scott Farmer
    aliases: [Farmer]
  - id: landon
    name: Alf Landon
    aliases: [Landon]
  - id: christie
    name: Chris Christie
    aliases: [Christie]
  - id: clement
    name: Tony Clement
    aliases: [Clement]
  - id: clinton
    name: Bill Clinton
    aliases: [Clinton]
  - id: allen
    name: Mike Allen
  - id: supre
    name: Geert Supré
    aliases: [Supré]
  - id: blasio
    name: Bill De Blasio
  - id: zaharia
    name: Marius Zaharia
    aliases: [Zaharia]
  - id: walker
    name: Lindsey Walker
    titles: [senator]
"""
)


@pytest.mark.parametrize(
    "text, flagged",
    [
        # words of the language are not misspellings of a name ...
        ("Former Secretary of State John Kerry spoke.", []),
        ("Raheem Kassam will call in from London to discuss it.", []),
        ("The Christian right loves him.", []),
        ("Like Allen, they start early.", []),  # even beside the name, when it opens the sentence
        # ... unless they stand where a speaker does
        ("``It is good for Canadians,'' said Clements.", ["Clements"]),
        ("Clements said the talks went well.", ["Clements"]),
        ("Officials said. Neither side agreed.", []),
        ("It says Saudi authorities acted.", []),
        # a family is no misspelling; a name with one letter more is
        ("People close to the Clintons felt it.", []),
        ("Then Clintonn arrived.", ["Clintonn"]),
        ("Geert Supre worked there.", []),  # the same letters without the accent
        ("Mayor Bill de Blasio spoke.", []),  # a particle in other capitals
        ("CNN's Fareed Zakaria asked.", []),  # part of another person's name
        ("Marius Zakaria asked.", ["Zakaria"]),  # beside the curated first name
        # a rarer word opening a sentence right before the surname is a first name misspelled
        ("Lindsay Walker spoke.", ["Lindsay"]),
        ("Then it ended. Lindsay Walker spoke.", ["Lindsay"]),
        ("Sen. Lindsay Walker spoke.", ["Lindsay"]),  # an honorific's period ends no sentence
        ("He met Lindsay Walker.", ["Lindsay"]),
        ("Lindsay, Walker and Allen spoke.", []),  # not right before the surname
    ],
)
def test_near_misses_are_not_words_of_the_language(text, flagged):
    index = NameIndex(COMMON.people)
    found = [text[m.start : m.end] for m in index.find(Prose.of(text)) if m.near_miss]
    assert found == flagged
