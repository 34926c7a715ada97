"""The quote engine: extraction, attribution, and an edge-case suite of fidelity checks.

The suite sets each legitimate edit (ellipsis, brackets, a changed first letter, partial quotes,
curly vs straight marks, multi-paragraph quotes, quotes within quotes) beside meaning-changing
twins (a dropped "not", fragments reordered or quilted from different quotes, one changed word,
words in the wrong mouth). It must give zero false alarms and zero misses.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.prose import SAY_WORDS, Prose
from factlint.document import read_document
from factlint.engine import Linter
from factlint.extract.attribution import SpeakerIndex, attribute
from factlint.extract.quotes import find_quotes
from factlint.facts import parse_facts
from factlint.normalize.quotes import QuoteIndex, fragments, words

FACTS = parse_facts(
    """
version: 1
people:
  - id: kirby
    name: John Kirby
    aliases: [Kirby]
    titles: [White House national security spokesman, the spokesperson]
  - id: ltg
    name: Linda Thomas-Greenfield
    aliases: [Thomas-Greenfield]
    titles: [U.S. ambassador to the United Nations]
  - id: kim-yo-jong
    name: Kim Yo-jong
  - id: ministry
    kind: organization
    name: the defense ministry
  - id: allies
    kind: group
    name: the four allies
quotes:
  - id: q-advancing
    speaker: kirby
    text: >-
      We remain concerned that the DPRK continues to consider providing military support to Russia's
      military forces in Ukraine, and we have new information which we are able to share today that
      arms negotiations between Russia and the DPRK are actively advancing.
  - id: q-not-sell
    speaker: kirby
    text: >-
      On numerous occasions, the DPRK has said publicly that they will not sell to Russia, but we
      remain concerned.
  - id: q-shameful
    speaker: ltg
    text: >-
      It is shameful that the Russian Federation – a permanent member of the Security Council –
      participated in a celebration of the DPRK's continued pursuit of nuclear weapons delivery systems.
  - id: q-first-time
    speaker: ltg
    text: >-
      This is not the first time Russia has moved to violate Security Council resolutions. There is now
      incontrovertible evidence that Russia has procured drones from Iran.
  - id: q-letters
    speaker: kirby
    text: >-
      Since that visit, President Putin and the leader of the DPRK, Kim Jong-un, have exchanged letters
      pledging to increase their bilateral cooperation.
  - id: q-never
    speaker: kim-yo-jong
    text: We will never accept the deployment of strategic assets near our border.
  - id: q-months
    speaker: kirby
    text: Following these negotiations, high level discussion may continue in coming months.
  - id: q-ministry
    speaker: ministry
    text: This visit will contribute to strengthening military ties between the two countries.
  - id: q-allies
    speaker: allies
    text: Russia is negotiating potential deals for significant quantities of munitions.
"""
)
LINTER = Linter.of(FACTS)


def codes(text: str) -> list[str]:
    doc = read_document("a.txt", text)
    return sorted(f.code for f in LINTER.lint(doc) if f.code.startswith("FL2"))


# -- extraction ----------------------------------------------------------------------------------

# the speech verbs as a plain alternation: the reference the one-pass cue finder is tested against
_SAY = "(?:" + "|".join(sorted(SAY_WORDS, key=len, reverse=True)) + ")"


def spans(text: str) -> list[str]:
    quotes, _ = find_quotes(Prose.of(text))
    return [q.content(text) for q in quotes]


def test_curly_straight_and_mixed_pairs():
    assert spans("He said “one” and \"two\" and “three\" too.") == ["one", "two", "three"]


def test_straight_marks_set_apart_by_spaces_take_turns():
    # tokenized text: the marks face nothing, so they alternate in their paragraph
    assert spans('Jobs called it " the biggest leap since the original iPhone. " Then he left.') == [
        " the biggest leap since the original iPhone. "
    ]
    assert spans('He said "yes" and then " no " again.') == ["yes", " no "]
    assert spans('" Antennagate, " as it was called, spread.') == [" Antennagate, "]


def test_apostrophes_are_not_quote_marks():
    text = "Russia’s forces aren’t ready; the countries’ leaders met in the ’80s and it's Moscow's call."
    quotes, problems = find_quotes(Prose.of(text))
    assert quotes == [] and problems == []


def test_nested_single_quotes():
    text = "“They told us ‘never again’ and meant it,” Kirby said."
    quotes, _ = find_quotes(Prose.of(text))
    assert [(q.content(text), q.nested) for q in quotes] == [("They told us ‘never again’ and meant it,", False), ("never again", True)]


def test_headline_single_quotes():
    assert spans("U.S. says Russia has made 'shameful' moves toward new deals") == ["shameful"]


def test_multi_paragraph_quote():
    text = "She added: “First paragraph of the quote.\n\n“Second paragraph, closed.”\nNext."
    quotes, problems = find_quotes(Prose.of(text))
    assert problems == [] and len(quotes) == 1
    assert [text[s.start : s.end] for s in quotes[0].segments] == ["First paragraph of the quote.", "Second paragraph, closed."]


def test_quote_across_a_line_break():
    text = "Kirby said that the talks were “actively\nadvancing” now."
    assert spans(text) == []  # a line break ends a paragraph in plain text: the mark is unbalanced
    md = read_document("a.md", "Kirby said the talks were “actively\nadvancing” now.\n")
    quotes, _ = find_quotes(Prose.of(md.text.replace("\n", " ")))
    assert [q.content(md.text.replace("\n", " ")) for q in quotes] == ["actively advancing"]


def test_unbalanced_marks_are_reported_not_guessed():
    quotes, problems = find_quotes(Prose.of("He said “this never closes.\nAnother paragraph.\nAnd ” a stray closer."))
    assert quotes == []
    assert [p.mark for p in problems] == ["“", "”"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab “”\"'‘’`\n.,"), max_size=60))
def test_extraction_never_crashes_and_stays_inside(text):
    quotes, problems = find_quotes(Prose.of(text))
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        for s in q.segments:
            assert q.start < s.start <= s.end < q.end
    for p in problems:
        assert text[p.offset] in "“”\"„«»" or text.startswith(("''", "``"), p.offset)
    assert find_quotes(Prose.of(text)) == (quotes, problems)


# -- attribution ---------------------------------------------------------------------------------

ATTRIBUTION = [
    ("“Talks go on,” Kirby said.", "kirby", "after"),
    ("“Talks go on,” said John Kirby.", "kirby", "after"),
    ("“Talks go on,” Kirby told reporters.", "kirby", "after"),
    ("Thomas-Greenfield added: “Talks go on.”", "ltg", "before"),
    ("According to Kirby, “talks go on.”", "kirby", "before"),
    ("“Talks go on,” the spokesperson said.", "kirby", "after"),
    ("Kim Yo-jong said the US was “crossing a red line.”", "kim-yo-jong", "before"),
    ("Kim Yo-jong said on Tuesday that in her view the US was “crossing a red line.”", "kim-yo-jong", "sentence"),
    ("Thomas-Greenfield spoke first. “Talks go on,” she said.", "ltg", "after"),
    ("The four allies met. “Talks go on,” they said.", "allies", "after"),
    ("The defense ministry said: “Talks go on.”", "ministry", "before"),
    ("“Talks go on,” Kirby said.\n“And on.”", "kirby", "continuation"),
    ("“Talks go on,” an official said.", None, "abstain"),
    ("“Talks go on,” Kirby and Thomas-Greenfield said.", None, "abstain"),
    ("The White House said it was “concerned.”", None, "abstain"),
]


@pytest.mark.parametrize("text,speaker,rule", ATTRIBUTION)
def test_attribution(text, speaker, rule):
    quotes, _ = find_quotes(Prose.of(text))
    a = attribute(Prose.of(text), quotes, SpeakerIndex.build(FACTS))[-1]
    assert (a.speaker, a.rule) == (speaker, rule)


# -- folding and fragments -------------------------------------------------------------------------


def test_folding():
    assert words("Russia’s “Federation” – a HIGH-level, don't") == ["russia's", "federation", "a", "high", "level", "do", "not"]
    # contractions that tokenized text sets apart are one word again; a possessive stays apart
    assert words("we ' re launching, I' m sure, we do n't know") == words("we're launching, I'm sure, we don't know")
    assert words("Jobs ' iPhone") == ["jobs", "iphone"]
    assert fragments("We remain… the DPRK [North Korea] are . . . advancing") == [
        ["we", "remain"], ["the", "dprk", "\x00", "are"], ["advancing"]
    ]


# -- the edge-case suite ---------------------------------------------------------------------------

LEGIT = [
    "“We remain concerned that the DPRK continues to consider providing military support to Russia’s military forces in Ukraine, and we have new information which we are able to share today that arms negotiations between Russia and the DPRK are actively advancing,” Kirby said.",
    "\"Arms negotiations between Russia and the DPRK are actively advancing,\" Kirby said.",
    "“Arms negotiations between Russia and the DPRK are actively advancing,\" Kirby said.",
    "Kirby said the talks were “actively advancing.”",
    "Kirby said “arms negotiations between Russia and the DPRK are actively advancing.”",
    "“we are able to share today that arms negotiations between Russia and the DPRK are actively advancing,” Kirby said.",
    "“We remain concerned that ... arms negotiations between Russia and the DPRK are actively advancing,” Kirby said.",
    "“We remain concerned that… the DPRK continues to consider providing military support,” Kirby said.",
    "“We remain concerned that . . . we have new information,” Kirby said.",
    "“Arms negotiations between Russia and the DPRK [North Korea] are actively advancing,” Kirby said.",
    "“[Pyongyang] has said publicly that they will not sell to Russia,” Kirby said.",
    "“Since that visit, President [Vladimir] Putin and the leader of the DPRK, Kim Jong-un, have exchanged letters pledging to increase their bilateral cooperation,” Kirby told reporters.",
    "Thomas-Greenfield added: “This is not the first time Russia has moved to violate [U.N.] Security Council resolutions.”",
    "Thomas-Greenfield added: “This is not the first time Russia has moved to violate Security Council resolutions.\n\n“There is now incontrovertible evidence that Russia has procured drones from Iran.”",
    "“It is shameful that the Russian Federation — a permanent member of the Security Council — participated in a celebration of the DPRK's continued pursuit of nuclear weapons delivery systems,” Thomas-Greenfield said.",
    "“It is shameful that the Russian Federation - a permanent member of the Security Council - participated in a celebration,” Thomas-Greenfield said.",
    "The U.S. ambassador to the United Nations called the visit “shameful.”",
    "Reports said the talks were “actively advancing.”",
    "The so-called “peace dividend” never came.",
    "Moscow keeps referring to it as a “special military operation.”",
    "She reviewed the book “The Art of Strategic Patience” last year.",
    "According to Kirby, “the DPRK has said publicly that they will not sell to Russia.”",
    "Thomas-Greenfield spoke after him. “This is not the first time Russia has moved to violate Security Council resolutions,” she said.",
    "“Following these negotiations, high level discussion may continue,” Kirby said.\n“High-level discussion may continue in coming months.”",
    "The leaders exchanged letters “pledging to increase bilateral cooperation.”",
    "“On numerous occasions ... they will not sell to Russia,” Kirby said.",
    "“This is not the first time Russia has moved to violate Security Council resolutions. There is now incontrovertible evidence that Russia has procured drones from Iran,” Thomas-Greenfield said.",
    "“We will never accept the deployment,” Kim Yo-jong said, “of strategic assets near our border.”",
    "“Talks go on, and as they told me, ‘We will never accept the deployment of strategic assets near our border,’” Kirby said.",
    "The defense ministry said: “This visit will contribute to strengthening military ties between the two countries.”",
    "“Russia is negotiating potential deals for significant quantities of munitions,” the four allies said.",
    "“IT IS SHAMEFUL THAT THE RUSSIAN FEDERATION – A PERMANENT MEMBER OF THE SECURITY COUNCIL – PARTICIPATED,” Thomas-Greenfield said.",
]

MEANING_CHANGED = [
    ("“Arms negotiations between Russia and the DPRK are rapidly advancing,” Kirby said.", ["FL201"]),
    ("“Arms negotiations between Russia and the DPRK are actively and rapidly advancing,” Kirby said.", ["FL201"]),
    ("“Arms negotiations between Russia and DPRK are advancing,” Kirby said.", ["FL201"]),
    ("“The DPRK has said publicly that they will... sell to Russia,” Kirby said.", ["FL201"]),
    ("“The DPRK has said publicly that they will sell to Russia,” Kirby said.", ["FL201"]),
    ("“The DPRK has said publicly that they [will] sell to Russia,” Kirby said.", ["FL201"]),
    ("“We will ... accept the deployment of strategic assets near our border,” Kim Yo-jong said.", ["FL201"]),
    ("“This is ... the first time Russia has moved to violate Security Council resolutions,” Thomas-Greenfield said.", ["FL201"]),
    ("“Are actively advancing ... arms negotiations between Russia and the DPRK,” Kirby said.", ["FL201"]),
    ("“We remain concerned that ... Russia has procured drones from Iran,” Kirby said.", ["FL201"]),
    ("“There is now incontrovertible evidence ... this is not the first time Russia has moved to violate Security Council resolutions,” Thomas-Greenfield said.", ["FL201"]),
    ("“It is shameful that the Russian Federation – a permanent member of the Security Council – participated in a celebration,” Kirby said.", ["FL202"]),
    ("Kirby spoke first. “It is shameful that the Russian Federation – a permanent member of the Security Council – participated,” he said.", ["FL202"]),
    ("The U.S. ambassador to the United Nations said: “We remain concerned that the DPRK continues to consider providing military support.”", ["FL202"]),
    ("“Russia is negotiating potential deals for significant quantities of munitions,” Kim Yo-jong said.", ["FL202"]),
    ("“We will respond at a time of our choosing,” Kirby said.", ["FL203"]),
    ("“The situation on the peninsula remains tense and unpredictable,” an official said.", ["FL203"]),
    ("Thomas-Greenfield added: “This is the first time Russia has moved to violate Security Council resolutions.”", ["FL201"]),
    ("“Since that visit, President Putin and the leader of the DPRK, Kim Jong-un, have exchanged letters pledging to end their bilateral cooperation,” Kirby told reporters.", ["FL201"]),
    ("“Following these negotiations, high level discussion will certainly continue in coming months,” Kirby said.", ["FL201"]),
    ("“This visit will contribute to weakening military ties between the two countries,” the defense ministry said.", ["FL201"]),
    ("“On numerous occasions, the DPRK has said publicly that they will sell to Russia,” Kirby said.", ["FL201"]),
    ("“There is now incontrovertible evidence that Russia has procured tanks from Iran,” Thomas-Greenfield said.", ["FL201"]),
    ("“We remain concerned that the DPRK continues to consider providing military support to Russia’s military forces in Ukraine,” Thomas-Greenfield said.", ["FL202"]),
    ("“We will never accept the deployment of strategic assets near our border,” Kirby said.", ["FL202"]),
    ("“It is shameful that the Russian Federation ... continued pursuit of nuclear weapons,” Kim Yo-jong said.", ["FL202"]),
    ("“We remain concerned that ... we will never accept the deployment of strategic assets,” Kirby said.", ["FL201"]),
    ("“This is not the first time … Russia has procured drones from Iran,” Thomas-Greenfield said.", []),
]


def test_the_suite_is_large_enough():
    assert len(LEGIT) + len(MEANING_CHANGED) >= 60


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_edits_pass(text):
    assert codes(text) == []


@pytest.mark.parametrize("text,expected", MEANING_CHANGED)
def test_meaning_changing_edits_are_caught(text, expected):
    assert codes(text) == expected


def test_misquote_message_shows_the_word_diff():
    doc = read_document("a.txt", "“Arms negotiations between Russia and the DPRK are rapidly advancing,” Kirby said.")
    (f,) = [f for f in LINTER.lint(doc) if f.code.startswith("FL2")]
    assert "found 'are rapidly advancing', the source says 'are actively advancing'" in f.message
    assert f.fact.fact_id == "q-advancing" and f.fact.kind == "quote"


def test_misattribution_names_both():
    doc = read_document("a.txt", "“It is shameful that the Russian Federation – a permanent member of the Security Council – participated,” Kirby said.")
    (f,) = [f for f in LINTER.lint(doc) if f.code.startswith("FL2")]
    assert f.code == "FL202"
    assert f.message.startswith("“It is shameful that the Russian Federation – a …” was said by Linda Thomas-Greenfield")
    assert f.message.endswith("but the article credits it to John Kirby")


def test_index_narrows_candidates():
    index = QuoteIndex(FACTS.quotes)
    assert index.candidates(fragments("procured drones from Iran")) == ["q-first-time"]
    assert index.candidates(fragments("shameful")) == ["q-shameful"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("‘'’ ab\n(-“—[1_\t"), max_size=40))
def test_single_openers_are_the_marks_after_a_line_start_space_bracket_or_dash(text):
    import re

    from factlint.extract.quotes import _single_openers

    by_definition = [m.start() for m in re.finditer(r"(?:(?<=[\s(\[“\"—–-])|^)[‘'](?=[^\W\d_])", text, re.M)]
    assert _single_openers(text) == by_definition


def test_a_remembered_reading_is_the_same_reading():
    import pickle

    from factlint.memo import Memo

    index = QuoteIndex(FACTS.quotes)
    compiled = pickle.dumps(index)
    memo = Memo().quote_readings
    printed = "We remain concerned that the DPRK continues to consider providing military support"
    first = index.reading(printed, memo)
    assert first == (tuple(index.compare(printed)), len(words(printed))) == index.reading(printed)
    assert first[0] and first[0][0].kind == "exact"
    assert memo[printed] is first  # remembered in the run's memo ...
    assert index.reading(printed, memo) is first
    assert pickle.dumps(index) == compiled  # ... never in the compiled index


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["said", "Says", "according", "to", "According to", "told", "_", "x_said", "said_",
                                 " ", "  ", "-", ",", ".", "\n", "according\tto", "saidx", "2said", "“", "he"]), max_size=20).map(" ".join))
def test_speech_cues_are_the_whole_speech_words_of_the_text(text):
    import re

    from factlint.extract.phrases import Scan, _trie_regex
    from factlint.prose import SAY_VERBS, speech_words

    scan = Scan.of(text)
    # read off the folded text (dashes count as spaces) ...
    by_regex = re.compile(r"\b(?:" + _trie_regex(SAY_VERBS.split() + ["according to"]) + r")\b")
    assert [s for s, _ in speech_words(scan)] == [m.start() for m in by_regex.finditer(scan.folded)]
    # ... or, given the text, as a case-blind search of the text itself reads it
    in_text = re.compile(r"\b(?:" + _SAY + r"|according\s+to)\b", re.IGNORECASE)
    assert speech_words(scan, text=text) == [m.span() for m in in_text.finditer(text)]


def _speech_words_word_by_word(scan, according, text, vocabulary):
    """`speech_words` as a test of every word of the scan in turn, each with all its checks."""
    words, starts, ends, between, folded = scan.words, scan.starts, scan.ends, scan.between, scan.folded
    out = []
    for k, word in enumerate(words):
        last = k
        if according and word == "according":
            if k + 1 >= len(words) or words[k + 1] != "to" or between[k + 1].strip(" ") or not between[k + 1]:
                continue
            if text is not None and not text[ends[k] : starts[k + 1]].isspace():
                continue
            last = k + 1
        elif word not in vocabulary:
            continue
        if k and words[k - 1] == "united" and word in ("states", "state"):
            continue
        if (starts[k] and folded[starts[k] - 1] == "_") or folded[ends[last] : ends[last] + 1] == "_":
            continue
        out.append((starts[k], ends[last]))
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["said", "states", "State", "united", "United", "according", "to", "According to",
                                 "_", "x_states", "said_", "_to", "told", " ", "-", ",", ".", "\n", "\t", "“", "he"]),
                max_size=20).map(" ".join), st.booleans(), st.booleans())
def test_speech_words_are_those_a_test_of_every_word_finds(text, according, with_text):
    from factlint.extract.phrases import Scan
    from factlint.prose import ALL_SPEECH_WORDS, speech_words

    scan = Scan.of(text)
    given_text = text if with_text else None
    assert speech_words(scan, according, given_text, ALL_SPEECH_WORDS) == _speech_words_word_by_word(
        scan, according, given_text, ALL_SPEECH_WORDS)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["said", "SAID", "Told", "told", "_", "x_said", "said_", "saidx", "2said", "Kirby", " ",
                                 "-", ",", ".", "\n", "“", "’s", "added:", "he"]), max_size=20).map("".join))
def test_speech_verbs_are_what_a_case_blind_word_search_finds(text):
    import re

    from factlint.extract.phrases import Scan
    from factlint.prose import speech_words

    by_regex = re.compile(r"\b" + _SAY + r"\b", re.IGNORECASE)
    assert speech_words(Scan.of(text), according=False) == [m.span() for m in by_regex.finditer(text)]


@pytest.mark.parametrize(
    "text, term",
    [
        ("Moscow keeps Referring to it as a “special military operation.”", True),
        ("THE SO-CALLED “peace dividend” never came.", True),
        ("She reviewed The Book “The Art of Strategic Patience” last year.", True),
        ("Kirby said the talks were “actively advancing.”", False),
        ("The report said “talks advance.”", False),
        # a labelling verb names its object by a short quote: a label, not speech
        ("Critics called him a “moderate” on the trail.", True),
        ("The posts came from an account called “Hypo-Town” last week.", True),
        ("They condemn the gunmen as “radical extremists” every day.", True),
        ("Reed described the talks as “productive.”", True),
        ("As the saying goes, “measure twice, cut once.”", True),
        # a longer quote after the same verbs is the speaker's words
        ("Reed called “for an inquiry into the harbour contract” on Monday.", False),
        ("Reed called the plan “a reckless gamble that will cost jobs,” adding more.", False),
        # a verb that labels, far before the quote (more than four words), names nothing by it
        ("Reed described the long and costly delays at the harbour as “bad.”", False),
        # nor across a clause of its own, a speech verb, or "for" after a call
        ("Reed condemned the attack and said “never again.”", False),
        ("Asked to describe the mood Reed said “very tense.”", False),
        ("Reed said the union calls for “fair pay now.”", False),
        # with no object, "described as" gives the speaker's own words
        ("It costs what Tom Reed described as “a nominal charge.”", False),
    ],
)
def test_terms_and_titles_in_quote_marks_whatever_the_capitals(text, term):
    from factlint.extract.quotes import is_term

    quotes, _ = find_quotes(Prose.of(text))
    assert is_term(text, quotes[0]) is term


def _term_pieces():
    from factlint.vocab import tagged

    phrases = sorted({phrase for phrase, _ in tagged("quote_terms.txt")})
    words = sorted({w for phrase in phrases for w in phrase.split()})
    whats = [f"what reed {v}" for v in ("call", "calls", "called", "describe", "describes", "described", "said")]
    return phrases + [w + " as" for w in whats] + whats + words + [
        "what", "reed", "him", "a", "an", "the", "as", "for", "said", "x-", "-", "’", ".", "_", "2"
    ]


_TERM_PIECES = st.lists(st.sampled_from(_term_pieces()), max_size=12).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", "  ", "\t", "", ", ", "-"]), min_size=len(ws), max_size=len(ws)).map(
        lambda gaps: "".join(g + w for g, w in zip(gaps, ws))
    )
)


@settings(max_examples=600, deadline=None)
@given(
    _TERM_PIECES, st.sampled_from(["", " a", " an", " the", "the", " n"]), st.sampled_from(["", " ", "  "]),
    st.sampled_from(["q", "a b", "a b c", "a b c d", "a, b c d e"]),
)
def test_is_term_counts_a_quote_s_words_only_as_far_as_it_needs(before, article, space, quoted):
    from factlint.extract.quotes import _DETERMINERS, _LABEL_MOST, _TERM_BEFORE, _TERM_LABEL, is_term
    from factlint.vocab import speech_verbs

    before += article
    text = before + space + "“" + quoted + "”"
    (q,) = find_quotes(Prose.of(text))[0]
    # `is_term` as first written: the quote's words all counted
    head = text[max(0, q.start - 60) : q.start].lower()
    expected = bool(_TERM_BEFORE.search(head))
    if not expected and len(q.content(text).split()) <= _LABEL_MOST and (label := _TERM_LABEL.search(head)):
        between = head[label.start() : label.end()].split()
        expected = between[1:2] not in (["for"], ["as"]) and not any(
            w in speech_verbs().forms and between[i - 1] not in _DETERMINERS for i, w in enumerate(between) if i > 0
        )
    assert is_term(text, q) is expected


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Said", "told", "According", "to", "according-to", "according\tto", "_", "x", " ", "  ",
                                 ", ", ".", "\n", "“q”", "“q,”", "he"]), max_size=18).map("".join))
def test_speech_cue_is_a_case_blind_search_around_the_quote(text):
    import re

    from factlint.extract.quotes import speech_cue

    by_regex = re.compile(r"\b(?:" + _SAY + r"|according\s+to)\b", re.IGNORECASE)
    prose = Prose.of(text)
    quotes, _ = find_quotes(prose)
    for q in quotes:
        # as the analysis asks: the sentence around the quote (sentences end between words)
        sentence = prose.sentences.containing(q.start) or (q.start, q.end)
        for start, end in ((0, len(text)), (min(sentence[0], q.start), max(sentence[1], q.end))):
            expected = bool(by_regex.search(text, start, q.start) or by_regex.search(text, q.end, end))
            assert speech_cue(prose, start, end, q) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the name of a show or a work in quotation marks is no speech, signs and numerals included
        ("Kirby said on the network's “Fox & Friends” that talks went on.", []),
        ("Kirby said on “60 Minutes” that talks went on.", []),
        ("Kirby said on “Meet the Press” that talks went on.", []),
        # words of a sentence, or a figure with its unit, are speech
        ("Kirby said the talks were “100 percent” over.", ["FL203"]),
        ("Kirby said the talks were “going well”.", ["FL203"]),
        ("Asked about the talks, Kirby said: “Yes, 100%.”", ["FL203"]),
    ],
)
def test_a_title_case_name_of_a_work_is_no_quote_of_speech(text, expected):
    assert codes(text) == expected
