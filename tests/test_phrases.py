"""The one-pass phrase matcher and the sentence splitter."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint.extract.phrases import PhraseMatcher, Scan, _trie_regex, fold
from factlint.extract.sentences import sentence_spans


def test_folding_variants():
    m = PhraseMatcher([("Shoigu's visit", "v"), ("Kim Jong Un", "k")])
    text = "SHOIGU’S VISIT; Kim Jong-un, Kim  Jong\nUn and Kim Jong Unification."
    hits = [(text[h.start : h.end], h.payloads) for h in m.find(Scan.of(text))]
    assert hits == [("SHOIGU’S VISIT", ("v",)), ("Kim Jong-un", ("k",)), ("Kim  Jong\nUn", ("k",))]


def test_longest_phrase_wins_and_payloads_merge():
    m = PhraseMatcher([("visit", "a"), ("visit to Pyongyang", "b"), ("Visit", "c")])
    (h,) = m.find(Scan.of("the visit to Pyongyang"))
    assert h.payloads == ("b",)
    (h,) = m.find(Scan.of("a visit"))
    assert h.payloads == ("a", "c")


def test_empty_matcher():
    assert PhraseMatcher([]).find("anything") == []


_words = st.text(alphabet="abcxyz", min_size=1, max_size=6)
_phrases = st.lists(st.lists(_words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=30, unique=True)


@settings(max_examples=150, deadline=None)
@given(_phrases, st.data())
def test_trie_matches_exactly_what_a_plain_alternation_matches(phrases, data):
    trie = regex.compile(r"(?<!\w)" + _trie_regex(fold(p) for p in phrases) + r"(?!\w)")
    plain = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(fold(p)).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)) + r")(?!\w)")
    words = data.draw(st.lists(st.one_of(st.sampled_from(phrases), _words), max_size=20))
    text = " ".join(words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for p in phrases:
        assert trie.fullmatch(fold(p)), p
    # both patterns accept exactly the same whole strings
    for w in words:
        assert bool(trie.fullmatch(w)) == bool(plain.fullmatch(w))


@settings(max_examples=150, deadline=None)
@given(_phrases, st.data())
def test_every_inserted_phrase_is_found(phrases, data):
    m = PhraseMatcher([(p, i) for i, p in enumerate(phrases)])
    chosen = data.draw(st.sampled_from(phrases))
    text = "Start. " + chosen.upper() + " end."
    spans = [(h.start, h.end) for h in m.find(Scan.of(text))]
    start = text.index(chosen.upper())
    assert any(s <= start and e >= start + len(chosen) for s, e in spans)



def _walk_every_word(phrases: list[str], text: str) -> list[tuple[int, int, tuple]]:
    """The reference: every phrase tried at every word of the text (words and the punctuation
    between them compared as the matcher's documentation says), the longest first, no overlaps."""
    from factlint.extract.phrases import Scan, scan_form

    def shape(s: str) -> tuple[list[str], list[str]]:
        sc = Scan.of(scan_form(s).strip())
        return sc.words, [""] + sc.gaps[1:]

    shapes = [(shape(p), i) for i, p in enumerate(phrases)]
    scan = Scan.of(text)
    out, i = [], 0
    while i < len(scan.words):
        best = None
        for (ws, gs), payload in shapes:
            end = i + len(ws)
            if ws and scan.words[i:end] == ws and scan.gaps[i + 1 : end] == gs[1:]:
                if best is None or end > best[0]:
                    best = (end, [payload])
                elif end == best[0] and payload not in best[1]:
                    best[1].append(payload)
        if best is None:
            i += 1
            continue
        out.append((scan.starts[i], scan.ends[best[0] - 1], tuple(best[1])))
        i = best[0]
    return out


_SEPARATORS = st.sampled_from([" ", " ", "  ", "-", ". ", ".", "'", " , ", "’"])
_punctuated = st.lists(st.tuples(_words, _SEPARATORS), min_size=1, max_size=3).map(lambda ps: "".join(w + s for w, s in ps).strip(" ,"))


@settings(max_examples=400, deadline=None)
@given(st.lists(_punctuated, min_size=1, max_size=20, unique=True), st.data())
def test_walking_only_from_known_first_words_loses_nothing(phrases, data):
    # the matcher starts walks only at words that begin some phrase and follows a word only with the
    # phrase's own punctuation; trying every phrase at every word finds the same
    m = PhraseMatcher([(p, i) for i, p in enumerate(phrases)])
    their_words = sorted({w for p in phrases for w in regex.findall(r"[^\W_]+", p)})
    pieces = data.draw(st.lists(st.one_of(st.sampled_from(phrases), st.sampled_from(their_words), _words, _SEPARATORS), max_size=25))
    text = " ".join(pieces)
    assert [(h.start, h.end, h.payloads) for h in m.find(Scan.of(text))] == _walk_every_word(phrases, text)


SENTENCE_CASES = [
    ("N. Korea and the U.S. met on Aug. 30. Kirby spoke.", ["N. Korea and the U.S. met on Aug. 30.", "Kirby spoke."]),
    ("Gen. Smith said so. “It is shameful,” she said. Then: end.", ["Gen. Smith said so.", "“It is shameful,” she said.", "Then: end."]),
    ("Headline without stop\nPosted on : 2023-09-01\nBody starts here.", ["Headline without stop", "Posted on : 2023-09-01", "Body starts here."]),
    ("A wrapped line in a\nparagraph goes on.", ["A wrapped line in a\nparagraph goes on."]),
    ("“Arms deals,” he said. “Yes.”", ["“Arms deals,” he said.", "“Yes.”"]),
]


def test_sentences():
    for text, expected in SENTENCE_CASES:
        assert [text[s:e] for s, e in sentence_spans(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab. \nAB?!“”U.S"), max_size=80))
def test_sentence_spans_are_ordered_trimmed_and_inside(text):
    last = 0
    for s, e in sentence_spans(text):
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab. \nAB?!“”U.S,"), max_size=80))
def test_sentence_index_agrees_with_the_full_split(text):
    from factlint.extract.sentences import SentenceIndex

    spans = sentence_spans(text)
    index = SentenceIndex(text)
    for pos in range(len(text)):
        expected = next(((s, e) for s, e in spans if s <= pos < e), None)
        assert index.containing(pos) == expected, pos


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \n\t\r!?“”\"')]»’A\u00a0")), max_size=60))
def test_sentence_breaks_are_the_candidates(text):
    # the pattern the splitter runs finds the same candidates as the plain one it is written from
    from factlint.extract.sentences import _BREAK, _CANDIDATE

    assert [m.span() for m in _BREAK.finditer(text)] == [m.span() for m in _CANDIDATE.finditer(text)]


def test_sentences_survive_abbreviations_and_initials():
    text = "Gen. Mark Milley met Sen. Joe Smith Jr. Lee and Lt. Col. Kim at 5 p.m. on Aug. 30 in the U.S. Capitol. Then they left."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Gen. Mark Milley met Sen. Joe Smith Jr. Lee and Lt. Col. Kim at 5 p.m. on Aug. 30 in the U.S. Capitol.",
        "Then they left.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé'’‘-–— \t\n\u00a0.,;İ_1ß") ), max_size=60))
def test_property_scan_agrees_with_a_plain_tokenizer(text):
    from factlint.extract.phrases import _SCAN_TABLE, Scan, scan_form

    import re

    _TOKEN = re.compile(r"[^\W_]+")  # the reference: letters and digits, as \w without "_"

    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    assert scan_form(text) == lower.translate(_SCAN_TABLE)
    scan = Scan.of(text)
    ms = list(_TOKEN.finditer(scan.folded))
    assert scan.words == [m.group() for m in ms]
    assert scan.starts == [m.start() for m in ms] and scan.ends == [m.end() for m in ms]
    for k in range(1, len(ms)):
        assert scan.gaps[k] == scan.folded[ms[k - 1].end() : ms[k].start()].replace(" ", "")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aB1_.’ é\n²-"), max_size=30), st.data())
def test_word_before_a_period_is_what_the_anchored_search_finds(text, data):
    import re

    from factlint.extract.sentences import _word_before

    pos = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, pos))
    found = re.compile(r"[^\W\d_][\w.]*\Z").search(text, lo, pos)
    assert _word_before(text, lo, pos) == (found.group() if found else None)


@given(st.text(alphabet=st.sampled_from(list("aZé'’-– \t\n\u00a0\u2003.,;“”İ_1ß²")), max_size=60))
def test_property_scan_parts_are_the_pattern_split(text):
    """The chunk-at-a-time reading of a folded text gives what the word pattern's split gives."""
    from factlint.extract.phrases import _SPLIT, _parts, scan_form

    for t in (text, scan_form(text)):
        assert _parts(t) == _SPLIT.split(t)
