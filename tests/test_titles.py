"""Titles: how they are read (the tables), where (around a name, never across a clause or another
person's name), and how FL302 / FL303 judge them against the curated titles."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.engine import Linter
from factlint.extract.titles import read_title, role_of, same_role, titles_near, vocabulary
from factlint.facts import parse_facts
from factlint.reference import read_article
from factlint.vocab import departments, title_roles, title_status

FACTS = parse_facts(
    """
version: 1
people:
  - id: kirby
    name: John Kirby
    aliases: [Kirby]
    titles: [White House national security spokesman, spokesperson]
  - id: kudrin
    name: Alexei Kudrin
    aliases: [Kudrin]
    titles: [Finance Minister]
  - id: nardelli
    name: Robert Nardelli
    aliases: [Nardelli]
    titles: [Chrysler Chief Executive]
  - id: enders
    name: Tom Enders
    aliases: [Enders]
    titles: [Airbus President and Chief Executive Officer]
  - id: lopez
    name: Maria Lopez
    aliases: [Lopez]
    titles: [U.N. secretary-general]
  - id: cole
    name: Ann Cole
    aliases: [Cole]
    titles: [Police Chief]
  - id: reid
    name: Harry Reid
    aliases: [Reid]
    titles: [Senate Majority Leader]
  - id: corker
    name: Bob Corker
    aliases: [Corker]
    titles: [Republican Senator]
  - id: cheney
    name: Dick Cheney
    aliases: [Cheney]
    titles: [{title: Defense Secretary, from: 1989-03-21, until: 1993-01-20}]
  - id: wagoner
    name: Rick Wagoner
    aliases: [Wagoner]
    titles: [{title: GM's chief executive, until: 2009-03-29}]
  - id: jeb
    name: Jeb Bush
    titles: [Republican presidential candidate, former Florida governor]
  - id: hillary
    name: Hillary Clinton
    aliases: [Clinton]
    titles: [Democratic presidential candidate, former Secretary of State]
  - id: sanders
    name: Bernie Sanders
    aliases: [Sanders]
    titles: [Vermont senator]
  - id: trump
    name: Donald Trump
    aliases: [Trump]
    titles: [Republican presidential candidate]
  - id: sia
    kind: organization
    name: Singapore Airlines
    titles: [launch customer]
  - id: kim-yo-jong
    name: Kim Yo-jong
    titles: [sister of North Korean leader Kim Jong Un]
  - id: kim-jong-un
    name: Kim Jong Un
    aliases: [Kim Jong-un]
    titles: [North Korean leader]
"""
)
LINTER = Linter.of(FACTS)


def findings(text: str, code: str = "FL302", reference: str | None = "2023-09-01") -> list[tuple[str, str]]:
    ref = date.fromisoformat(reference) if reference else None
    doc = read_article("a.txt", text, reference_date=ref, reference_origin="test")
    return [(f.matched, f.fact.fact_id if f.fact else "") for f in LINTER.lint(doc) if f.code == code]


# --- the tables -------------------------------------------------------------------------------------


def test_tables_parse_and_name_known_roles():
    roles = {t.name for t in title_roles()}
    for t in title_roles():
        assert t.group and t.name and t.forms, t
        assert all(a in roles for a in t.also), f"{t.name}: unknown role in its fourth column {t.also}"
    for t in departments():
        assert t.group and t.name and t.forms, t
        assert all(a in roles for a in t.also), f"{t.name}: unknown role in its fourth column {t.also}"
    seen: dict[str, str] = {}
    for t in departments():  # one form names one department
        for f in t.forms:
            assert seen.setdefault(f, t.name) == t.name, f"{f!r} names both {seen[f]} and {t.name}"
    kinds = {k for ks in title_status().values() for k in ks}
    assert kinds == {"past", "future", "rank", "same", "article", "indefinite", "preposition", "infinitive", "conjunction", "stop",
                     "relation", "term", "era"}


@pytest.mark.parametrize(
    "a,b",
    [
        ("Chrysler chief executive", "Chrysler CEO"),
        ("chief executive officer", "CEO"),
        ("Pentagon spokesman", "Defense Department spokesman"),
        ("Department of Defense spokesman", "Pentagon spokesperson"),
        ("State Department spokesman", "Department of State spokeswoman"),
        ("Secretary of State", "State Department secretary"),
        ("U.S. representative to the U.N.", "US ambassador to the United Nations"),
        ("Moscow's defence minister", "Russian Defense Minister"),
        ("the leader of the DPRK", "North Korean leader"),
        ("North Korean President", "North Korean leader"),  # a leader may be a president
        ("Sen.", "Senate Majority Leader"),  # a majority leader is a senator
        ("Fed chairman", "Federal Reserve chairman"),
        ("acting Defense Minister", "Defense Minister"),  # "acting" changes no role
        ("Secretary of State for Defence", "Defence Secretary"),  # British: no State Department
        ("Senate Democratic leader", "Senate Majority Leader"),  # a party and a chamber do not conflict
        ("U.S. Attorney General", "Attorney General"),  # read from the end: not "U.S. attorney" and a general
    ],
)
def test_same_role(a, b):
    assert same_role(read_title(a), read_title(b))


@pytest.mark.parametrize(
    "a,b",
    [
        ("State Department spokesman", "White House spokesman"),  # a department conflict
        ("Defense Minister", "Finance Minister"),
        ("chief financial officer", "chief executive"),
        ("Deputy Defense Minister", "Defense Minister"),  # a rank is another role
        ("Vice Chairman of Chrysler", "chairman of Chrysler"),
        ("Democratic senator", "Republican Senator"),
        ("House Majority Leader", "Senate Majority Leader"),
        ("North Korean ambassador", "North Korean leader"),
        ("President and Chief Financial Officer", "President and Chief Executive Officer"),
        ("Police Chief", "Fire Chief"),
        ("U.S. Attorney", "Attorney General"),
        ("Senator", "North Korean leader"),  # "leader" may be a majority leader, but implies no senator
    ],
)
def test_different_role(a, b):
    assert not same_role(read_title(a), read_title(b))


@pytest.mark.parametrize(
    "title,known,status",
    [
        ("former Pentagon spokesman", True, "past"),
        ("then-Defense Secretary", True, "past"),
        ("ex-minister", True, "past"),
        ("one-time aide", True, "past"),
        ("incoming chief executive", True, "future"),
        ("would-be president", True, "future"),
        ("sister of North Korean leader Kim Jong-un", False, "current"),  # the role's part holds none
        ("Defense Minister Ivanov", False, "current"),  # ends with someone's name
        ("launch customer", False, "current"),
        ("GOP VP nominee", True, "current"),
    ],
)
def test_reading(title, known, status):
    r = read_title(title)
    assert (r.known, r.status) == (known, status)


def test_a_possessive_owner_is_not_the_title():
    assert role_of("Senate Majority Leader Harry Reid's deputy") is None
    assert read_title("Russia's defense ministry spokeswoman").roles == {"spokesperson"}


# --- where titles are read ---------------------------------------------------------------------------


def read(text: str, name: str, others: tuple[str, ...] = (), own: frozenset[str] = frozenset()) -> list[str]:
    i = text.index(name)
    spans = [(text.index(o), text.index(o) + len(o)) for o in others]
    return [t.text for t in titles_near(text, i, i + len(name), "p", others=spans, own=own)]


@pytest.mark.parametrize(
    "text,name,titles",
    [
        ("Chrysler Chief Executive Robert Nardelli will step down.", "Robert Nardelli", ["Chrysler Chief Executive"]),
        # a title never crosses a clause: "mayor" is no title of Cole
        ("Police Chief Ann Cole announced the arrests while he was mayor.", "Ann Cole", ["Police Chief"]),
        ("Police Chief Ann Cole announced the arrests, while he was mayor.", "Ann Cole", ["Police Chief"]),
        ("Finance Minister Alexei Kudrin spoke.", "Alexei Kudrin", ["Finance Minister"]),
        ("Officials said Kirby, the White House spokesman, was there.", "Kirby", ["White House spokesman"]),
        ("They met the U.N. secretary-general, Maria Lopez, in Geneva.", "Maria Lopez", ["U.N. secretary-general"]),
        ("Maria Lopez, the U.N. secretary-general, spoke.", "Maria Lopez", ["U.N. secretary-general"]),
        ("said Airbus President and Chief Executive Officer, Tom Enders.", "Tom Enders", ["Airbus President and Chief Executive Officer"]),
        ("guests, including the Prime Minister of Singapore, Mr. Lee Hsien Loong, at the terminal", "Lee Hsien Loong", ["Prime Minister of Singapore"]),
        ("Later, Tom LaSorda, the president of Chrysler announced that plants would close.", "Tom LaSorda", ["president of Chrysler"]),
        ("Betty Sutton, Ohio's Congresswoman put forward the act.", "Betty Sutton", ["Ohio's Congresswoman"]),
        ("said William Clay Ford Jr., executive chairman of Ford Motor Co..\nNext", "William Clay Ford", ["executive chairman of Ford Motor Co."]),
        ("Darren Winder, a market analyst from Cazenove, said that", "Darren Winder", ["market analyst from Cazenove"]),
        ("Kirby, who was the Pentagon spokesman, said so.", "Kirby", ["Pentagon spokesman"]),
        ("U.S. Ambassador to the UN Linda Thomas-Greenfield spoke.", "Linda Thomas-Greenfield", ["U.S. Ambassador to the UN"]),
        ("President of the United States Barack Obama spoke.", "Barack Obama", ["President of the United States"]),
        ("a spokesman for Democratic presidential candidate Hillary Clinton said", "Hillary Clinton", ["Democratic presidential candidate"]),
        ("By Lee Bon-young, Washington correspondent\n", "Lee Bon-young", ["Washington correspondent"]),
        # a modal before a title in capitals leaves it a title ("Will" asks, it is no verb of the title)
        ("Will President Ann Lee sign the bill?", "Ann Lee", ["President"]),
        ("He said Judge Ann Lee would rule.", "Ann Lee", ["Judge"]),
    ],
)
def test_titles_are_read(text, name, titles):
    own = frozenset(w.lower() for w in name.split())
    assert read(text, name, own=own) == titles


@pytest.mark.parametrize(
    "text,name,others",
    [
        # a title never crosses a clause, a sentence or another person's name
        ("Senate Majority Leader Harry Reid's deputy Dick Durbin spoke.", "Dick Durbin", ()),
        ("After meeting Putin, the foreign minister said the talks went well.", "Putin", ()),
        ("After meeting the defense minister, Putin said the talks went well.", "Putin", ()),
        ("After meeting Putin, the foreign minister, Lavrov, said so.", "Putin", ()),
        ("Obama, the spokesman said, would veto the bill.", "Obama", ()),
        ("Putin, Defense Minister Ivanov and Kim met.", "Putin", ()),
        ("He met Japanese Prime Minister Fumio Kishida, Kim Jong Un.", "Kim Jong Un", ()),
        ("Kirby, Pentagon spokesman Ryder said on Monday.", "Kirby", ()),
        ("Putin, Defense Minister Sergei Shoigu and Kim met.", "Putin", ("Sergei Shoigu",)),
        ("The report ended. Defense Minister: Shoigu was there.", "Shoigu", ()),
        # someone else's title, a verb, a person who may be, someone else's name
        ("Larry Cohen, a senior adviser to Mr. Sanders, spoke.", "Sanders", ()),
        ("general counsel to Democrat Hillary Clinton’s campaign", "Hillary Clinton", ()),
        ("It is expected to host Trump's rivals.", "Trump", ()),
        ("Asked whether he would counsel Clinton to wait, he laughed.", "Clinton", ()),
        ("The firm will chair Jones's committee.", "Jones", ()),
        ("A leader of the Coalition to Stop Trump spoke.", "Trump", ()),
        ("That is what a President Donald Trump would face.", "Donald Trump", ()),
        ("A representative for the Ivanka Trump brand said.", "Trump", ()),
        ("Wisconsin Rep. Reid Ribble spoke.", "Reid", ()),
    ],
)
def test_titles_are_not_read(text, name, others):
    own = frozenset(w.lower() for w in name.split())
    assert read(text, name, others, own) == []


def test_a_title_ending_with_another_persons_name_is_read_to_its_end():
    # a title of no role the tables know is read when the curated titles give its last word
    text = "Kim Yo-jong, sister of North Korean leader Kim Jong-un, said the US was wrong."
    analysis = LINTER.analyse(read_article("a.txt", text, reference_date=date(2023, 9, 1), reference_origin="t"))
    assert sorted((t.person_id, t.text) for t in analysis.titles) == [
        ("kim-jong-un", "North Korean leader"), ("kim-yo-jong", "sister of North Korean leader Kim Jong-un")
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab ,.;\n'’") + ["the ", "Minister ", "Defense ", "of ", "and ", "said "]), max_size=20).map("".join),
       st.lists(st.sampled_from(list("ab ,.;\n") + [" the ", "spokesman", "Defense ", "of "]), max_size=20).map("".join))
def test_titles_stay_beside_their_name_and_inside_its_sentence(left, right):
    text = f"{left}John Kirby{right}"
    start = len(left)
    for t in titles_near(text, start, start + 10, "k", sentence=(0, len(text))):
        assert 0 <= t.start < t.end <= len(text)
        assert t.end <= start or t.start >= start + 10  # never over the name
        assert "\n" not in text[t.start : t.end]


# --- judging: FL302, FL303 --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("State Department spokesman John Kirby said so.", [("State Department spokesman", "kirby")]),
        ("Defense Minister Alexei Kudrin announced the plan.", [("Defense Minister", "kudrin")]),
        ("Chrysler Chief Financial Officer Robert Nardelli will step down.", [("Chrysler Chief Financial Officer", "nardelli")]),
        ("said Airbus President and Chief Financial Officer, Tom Enders.", [("Airbus President and Chief Financial Officer", "enders")]),
        ("Maria Lopez, the U.N. deputy secretary-general, spoke.", [("U.N. deputy secretary-general", "lopez")]),
        ("They met the U.N. deputy secretary-general, Maria Lopez, in Geneva.", [("U.N. deputy secretary-general", "lopez")]),
        ("Fire Chief Ann Cole announced the arrests.", [("Fire Chief", "cole")]),
        ("Democratic Senator Bob Corker spoke.", [("Democratic Senator", "corker")]),
        ("Gov. Harry Reid spoke.", [("Gov.", "reid")]),
        # the curated "spokesperson" names no department: the White House title says which one
        ("Pentagon spokesman John Kirby said so.", [("Pentagon spokesman", "kirby")]),
        ("North Korean Foreign Minister Kim Jong-un spoke.", [("North Korean Foreign Minister", "kim-jong-un")]),
        ("Defense Secretary Dick Cheney said on Monday that it was over.", [("Defense Secretary", "cheney")]),  # stale in 2005
    ],
)
def test_fl302_flags(text, expected):
    assert findings(text, reference="2005-06-01") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police Chief Ann Cole announced the arrests while he was mayor.",
        "White House national security spokesperson John Kirby said so.",
        "The spokesman John Kirby said so.",
        "Finance Minister Alexei Kudrin announced the plan.",
        "Chrysler CEO Robert Nardelli will step down.",
        "Airbus chief executive Tom Enders spoke.",
        "Maria Lopez, the U.N. secretary-general, spoke.",
        "the U.N. secretary-general, Maria Lopez, spoke.",
        "Sen. Harry Reid spoke.",  # a majority leader is a senator
        "Senate Democratic leader Harry Reid spoke.",
        "Former Chrysler chief financial officer Robert Nardelli spoke.",  # a former role: a person has had many
        "In 1990, Defense Secretary Dick Cheney flew to Riyadh.",  # held then
        "Former Defense Secretary Dick Cheney said on Monday that it was over.",
        "Former Republican presidential candidate Jeb Bush spoke.",  # a former role not curated: no error
        "Secretary Hillary Clinton used a private server.",  # the role of a curated former title
        "a spokesman for Democratic presidential candidate Hillary Clinton said",
        "Larry Cohen, a senior adviser to Mr. Sanders, spoke.",
        "That is what a President Donald Trump would face.",
        "“Vote for President Bernie Sanders!” the crowd chanted.",  # a speaker's words
        "Incoming Chrysler chairman Robert Nardelli spoke.",  # not held yet: not judged
        "North Korean leader Kim Jong-un and his sister, Kim Yo-jong, spoke.",
    ],
)
def test_fl302_passes(text):
    assert findings(text, reference="2005-06-01") == []


@pytest.mark.parametrize(
    "written,curated,verdict",
    [
        # a grade (Gen., Prof., Rev.) is held beside a position: compared only with curated grades
        ("Gen.", ("Chairman of the Joint Chiefs of Staff",), "abstain"),
        ("Prof.", ("director of the Center for North Korean Studies",), "abstain"),
        ("NATO commander", ("General",), "abstain"),
        ("Lt. Gen.", ("General", "NATO commander"), "same"),
        ("Col.", ("General", "NATO commander"), "different"),
        # a role in a chamber: the chairman of a Senate committee is a senator
        ("Sen.", ("chairman of the Senate Foreign Relations Committee",), "same"),
        ("Gov.", ("chairman of the Senate Foreign Relations Committee",), "different"),
        # a person has held many roles: a former one is never another role
        ("former Florida governor", ("Republican presidential candidate",), "abstain"),
        ("former economist", ("former investment banker",), "abstain"),
        ("former banker", ("former investment banker",), "same"),
        ("President-elect", ("President",), "abstain"),
        ("incoming chief executive", ("chief financial officer",), "abstain"),
        # a curated title of no role the tables know
        ("launch customer", ("launch customer",), "same"),
        ("North Korean Foreign Minister", ("sister of North Korean leader Kim Jong Un",), "unjudged"),
        ("investment banker", ("former investment banker",), "abstain"),  # the role of a curated former title
        # a curated title of a word of many roles stands for the roles the other curated titles name
        ("Senate Majority Leader", ("Senate Minority Leader", "Senate Democratic leader"), "different"),
        ("Senate Minority Leader", ("Senate Minority Leader", "Senate Democratic leader"), "same"),
        ("Democratic leader", ("Senate Minority Leader", "Senate Democratic leader"), "same"),
        ("Senate Majority Leader", ("Senate Democratic leader",), "same"),  # alone, it may be any leader
        ("Prime Minister", ("President", "leader"), "different"),
        # a candidacy is held beside a position: a senator may run for president
        ("establishment candidate", ("Sen.",), "abstain"),
        ("Sen.", ("Republican presidential candidate",), "abstain"),
        ("Republican presidential candidate", ("Sen.", "presidential candidate"), "same"),
        ("running mate", ("presidential candidate",), "different"),
        ("Gov.", ("Sen.", "presidential candidate"), "different"),
        # a curated affiliation ("Republican", "Ohio Democrat") is no role: it leaves the roles compared
        ("Gov.", ("Sen.", "Republican"), "different"),
        ("Sen.", ("Sen.", "Ohio Democrat"), "same"),
        ("Gov.", ("Republican",), "unjudged"),  # the facts give only an affiliation
        ("Gov.", ("Sen.", "Republican fundraiser"), "unjudged"),  # a role the tables do not know may be any
        ("Gov.", ("Sen.", "GOP rival"), "different"),  # a tie to another is no role
        # a chamber and a party name the role the chamber implies
        ("Rep.", ("House Republican", "Freedom Caucus chairman"), "same"),
        ("Sen.", ("Senate Democrat", "Budget Committee chairman"), "same"),
        ("Sen.", ("Rep.", "House Republican"), "different"),
        ("Gov.", ("Sen.", "Senate GOP rival"), "different"),  # a tie, whatever chamber it names
        # the term a role is held in changes neither the role nor when
        ("first-term Senator", ("Governor",), "different"),
        ("Gov.", ("Sen.", "longtime ally"), "different"),
    ],
)
def test_judge(written, curated, verdict):
    from factlint.extract.titles import judge
    from factlint.facts.model import Title

    assert judge(written, tuple(Title(c) for c in curated), None).verdict == verdict


def test_stale_is_judged_at_the_time_the_sentence_speaks_of():
    # "Sunday" is 2009-03-29, the last day of Wagoner's title: not stale although the article is later
    text = "General Motors chief executive Rick Wagoner was replaced Sunday with Fritz Henderson."
    assert findings(text, reference="2009-04-03") == []
    assert findings("General Motors chief executive Rick Wagoner spoke on Thursday.", reference="2009-04-03") == [
        ("General Motors chief executive", "wagoner")
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # "under" or "during" before a title sets it in the time its holder held it: never stale
        ("The cuts began under Defense Secretary Dick Cheney.", []),
        ("During Defense Secretary Dick Cheney's tenure, the budget shrank.", []),
        ("The army shrank under Defense Secretary Dick Cheney, who spoke on Monday.", []),
        # ... but a date of its sentence still judges it
        ("Protesters gathered on Monday during Defense Secretary Dick Cheney's visit.", [("Defense Secretary", "cheney")]),
        ("In 1990 the army shrank under Defense Secretary Dick Cheney.", []),
        # ... and its role is still compared
        ("The cuts began under Treasury Secretary Dick Cheney.", [("Treasury Secretary", "cheney")]),
        # written as now, the title is still stale
        ("Defense Secretary Dick Cheney spoke on Monday.", [("Defense Secretary", "cheney")]),
        # "under secretary" is a role of its own, "under" no era word there
        ("The under secretary Dick Cheney spoke.", [("under secretary", "cheney")]),
    ],
)
def test_a_title_set_in_its_holder_s_time_is_never_stale(text, expected):
    assert findings(text, reference="2005-06-01") == expected


def test_fl302_message_says_which_department_or_role():
    doc = read_article("a.txt", "State Department spokesman John Kirby said so.", reference_date=date(2023, 9, 1), reference_origin="t")
    (f,) = [f for f in LINTER.lint(doc) if f.code == "FL302"]
    assert "another department: foreign affairs, not white house" in f.message
    doc = read_article("a.txt", "Chrysler CFO Robert Nardelli spoke.", reference_date=date(2023, 9, 1), reference_origin="t")
    (f,) = [f for f in LINTER.lint(doc) if f.code == "FL302"]
    assert "another role: cfo, not chief executive" in f.message


def test_fl303_says_once_when_a_title_cannot_be_judged():
    text = (
        "North Korean Foreign Minister Kim Yo-jong spoke. Later, North Korean Defense Minister Kim Yo-jong "
        "spoke again."
    )
    got = findings(text, "FL303")
    assert got == [("North Korean Foreign Minister", "kim-yo-jong")]
    doc = read_article("a.txt", text, reference_date=date(2023, 9, 1), reference_origin="t")
    (f,) = [f for f in LINTER.lint(doc) if f.code == "FL303"]
    assert "no role factlint knows" in f.message and "1 more" in f.message
    assert findings(text) == []  # and no error


@pytest.mark.parametrize(
    "text",
    [
        "Kim Yo-jong, sister of North Korean leader Kim Jong-un, said the US was wrong.",  # word by word the same
        "The launch customer Singapore Airlines took the first plane.",
        "Russian Defense Minister Sergei Shoigu visited.",
    ],
)
def test_fl303_passes(text):
    assert findings(text, "FL303") == [] and findings(text) == []


def test_vocabulary_words_are_lower_case_and_forms_fold_to_themselves():
    v = vocabulary()
    assert all(w == w.lower() for w in v.words)
    assert ("chief", "executive", "officer") in v.roles and ("pentagon",) in v.departments
    assert ("secretary", "general") in v.roles  # "Secretary-General" read as its parts


def test_a_title_of_many_roles_stands_only_for_the_roles_held_then_and_listed():
    """"leader" stands for the person's other curated roles held at the date; a word of any role of
    its domain ("executive", "official") is not narrowed."""
    from factlint.extract.titles import judge
    from factlint.facts.model import Title

    minority_until_2021 = (Title("Senate Minority Leader", valid_until=date(2021, 1, 20)), Title("Senate Democratic leader"))
    assert judge("Senate Majority Leader", minority_until_2021, date(2016, 6, 1)).verdict == "different"
    assert judge("Senate Majority Leader", minority_until_2021, date(2022, 6, 1)).verdict == "same"
    assert judge("JPMorgan Chairman", (Title("JPMorgan chief executive"), Title("banking executive")), date(2010, 6, 1)).verdict == "same"
    assert judge("ambassador", (Title("Foreign Minister"), Title("government official")), date(2010, 6, 1)).verdict == "same"
    president_until_2008 = (Title("President", valid_until=date(2008, 5, 7)), Title("Russian leader"))
    assert judge("Prime Minister", president_until_2008, date(2010, 6, 1)).verdict == "same"


def test_a_tie_to_another_person_is_no_office():
    """"a close adviser to Trump" after a senator's name is a tie to a person, held beside the
    office; "the ambassador to Japan" is an office."""
    from factlint.facts import parse_facts
    from factlint.engine import Linter

    facts = parse_facts(
        """
version: 1
people:
  - id: lee
    name: Ann Lee
    titles: [Sen.]
  - id: moss
    name: Dana Moss
"""
    )
    linter = Linter.of(facts)

    def codes(text):
        doc = read_article("a.txt", text, reference_date=date(2016, 7, 21), reference_origin="t")
        return [f.code for f in linter.lint(doc) if f.code == "FL302"]

    assert codes("Senator Ann Lee, a close adviser to Dana Moss, told reporters so.") == []
    assert codes("Ann Lee, a spokeswoman for Dana Moss, said so.") == []
    assert codes("Ann Lee, the ambassador to Japan, said so.") == ["FL302"]
    assert codes("Gov. Ann Lee spoke.") == ["FL302"]


# --- the words before a name, read lazily ------------------------------------------------------------

_WORD_PIECES = list("ab .,;\n'’-_") + ["Minister ", "Sen. ", "U.S. ", "co-chair ", "2004 ", "of ", "—", "“"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=40).map("".join), st.data())
def test_the_words_before_a_name_are_the_windows_words_read_from_its_end(text, data):
    """`_Words` reads the words of text[lo:pos] one at a time from the end: the same words, last
    first, as a tokenizing of the whole window, however many are asked for and in what order."""
    from factlint.extract.titles import _TITLE_WORD, _Words

    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    whole = [m.span() for m in _TITLE_WORD.finditer(text, lo, pos)][::-1]
    words = _Words(text, lo, pos)
    for i in data.draw(st.lists(st.integers(0, len(whole) + 2), max_size=6)):
        assert words.has(i) == (i < len(whole))
        if i < len(whole):
            assert words[i] == whole[i]
    a = data.draw(st.integers(0, len(whole) + 1))
    b = data.draw(st.integers(a, len(whole) + 3))
    assert words.window(a, b) == whole[a:b]
    assert words.has(len(whole)) is False and words.items == whole


@given(st.lists(st.sampled_from(["minister", "Minister", "of", "U.S.", "co-chair", "said", "x", "-", "."]), max_size=3)
       .map("".join), st.frozensets(st.sampled_from(["x", "said", "launch", "customer"])))
def test_a_title_like_word_is_one_a_part_of_which_a_title_may_hold(word, extra):
    from factlint.extract.titles import _fold, _title_like

    v = vocabulary()
    parts = _fold(word)[0]
    assert _title_like(word, v, extra) == (bool(parts) and any(p in v.words or p in extra for p in parts))
