"""Check-worthiness (FL403, claim coverage): the features of data/checkworthy.txt, the score,
speaker-aware transcripts, the threshold setting and the score in the findings.

Every sentence here is written for these tests (no sentence of any research corpus)."""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlint import Selection, lint_text, parse_facts
from factlint.engine import Linter
from factlint.extract.checkworthy import SIGNALS, CheckworthyModel, tokens
from factlint.extract.phrases import Scan, scan_form
from factlint.reference import read_article

MODEL = CheckworthyModel.load()
EMPTY = parse_facts("version: 1\n")
REF = date(2016, 10, 1)
FL403 = Selection(extend_select=("FL403",))


def sentences(text: str, min_score: float | None = None):
    doc = read_article("<t>", text, fmt="text", reference_date=REF, reference_origin="test")
    return Linter.of(EMPTY, claim_min_score=min_score).analyse(doc)


def features(text: str) -> set[str]:
    """The features of the text's sentences (one sentence expected)."""
    return {f for s in sentences(text).claim_sentences for f in s.features}


def score(text: str) -> float:
    return max((s.score for s in sentences(text).claim_sentences), default=MODEL.score(()))


# --- the table ---

def test_table_declares_every_feature_with_meaning_and_a_weight_of_its_sign():
    assert MODEL.features and MODEL.bias < 0 and 0 < MODEL.threshold < 1
    names = [f.name for f in MODEL.features]
    assert len(names) == len(set(names))
    for f in MODEL.features:
        assert f.meaning and len(f.meaning.split()) >= 3, f.name
        assert f.weight >= 0 if f.evidence == "for" else f.weight <= 0, f.name
        assert (f.kind == "signal") == (f.name in SIGNALS) or f.kind == "words"
    assert {"question", "moderator", "short", "timestamp"} <= {f.name for f in MODEL.features if f.evidence == "against"}
    assert {"opinion", "future", "greeting", "procedural", "first-person"} <= set(names)
    assert "moderator-question" in MODEL.vetoes


def test_table_says_how_its_weights_were_fitted():
    from importlib import resources

    text = resources.files("factlint").joinpath("data/checkworthy.txt").read_text(encoding="utf-8")
    fitted = [ln for ln in text.splitlines() if ln.startswith("# fitted: ")]
    assert len(fitted) == 1 and "bench/score_checkworthy.py" in fitted[0]


def test_a_weight_of_the_wrong_sign_is_refused():
    from factlint.extract.checkworthy import Feature

    with pytest.raises(ValueError, match="cannot be"):
        CheckworthyModel(-3.0, 0.1, (Feature("question", "against", "signal", 0.5, "a question here"),),
                         frozenset(), frozenset(), frozenset())
    with pytest.raises(ValueError, match="no such signal"):
        CheckworthyModel(-3.0, 0.1, (Feature("telepathy", "for", "signal", 0.5, "not a signal"),),
                         frozenset(), frozenset(), frozenset())


# --- features: should flag, should pass ---

@pytest.mark.parametrize("text,feature", [
    ("The county's deficit doubled to 40 million dollars over six years.", "change"),
    ("The county's deficit doubled to 40 million dollars over six years.", "amount"),
    ("She voted for the highway bill twice in the state senate.", "record"),
    ("Crime in the valley rose because of the plant closures downtown.", "causal"),
    ("This is the lowest level of hiring ever recorded in the region.", "superlative"),
    ("Millions of households pay in fees more than they did before.", "quantity"),
    ("Millions of households pay in fees more than they did before.", "comparison"),
    ("The mayor said the bridge had been closed for repairs.", "attribution"),
    ("Fares at the ferry went up by 15.", "figure"),  # a number ending its sentence is a figure
    ("The ferry service started in 1998 on the northern route.", "year"),
    ("Ridership fell sharply on March 3, 2015, after the storm.", "date"),
])
def test_evidence_for_is_read(text, feature):
    assert feature in features(text)


@pytest.mark.parametrize("text,feature", [
    ("Do you really believe the harbour will reopen this year?", "question"),
    ("I think the new plan is wonderful for our families.", "opinion"),
    ("We are going to build the finest harbour you have ever seen.", "future"),
    ("Thank you very much, and good evening to everyone here.", "greeting"),
    ("You have two minutes to respond, and then we move on.", "procedural"),
    ("When I was a young man my father drove a truck.", "first-person"),
    ("Right.", "short"),
    ("(APPLAUSE)", "stage-direction"),
])
def test_evidence_against_is_read(text, feature):
    assert feature in features(text)


def test_the_united_states_is_no_speech_verb():
    assert "attribution" not in features("The United States is a large country with a long coastline.")
    assert "attribution" in features("The minister said that the United States agreed.")


def test_one_as_a_pronoun_is_no_figure():
    assert not {"figure", "figure-word"} & features("He was the one who kept walking along the quiet road.")
    assert "figure-word" in features("The council hired three inspectors for the old harbour.")
    assert "amount" in features("The council spent one million dollars on the old harbour.")


@pytest.mark.parametrize("text", [
    "We are all so glad to be here tonight with the people of this town.",
    "Today we are talking about the harbour and the ferry and the bridge.",
])
def test_the_moment_of_speaking_is_no_date(text):
    assert "date" not in features(text)


def test_a_live_blog_timestamp_is_no_date_and_counts_against():
    fs = features("10:32 a.m.: The committee has gathered in the main hall of the old library.")
    assert "timestamp" in fs and "date" not in fs


# --- scores ---

@pytest.mark.parametrize("text", [
    "Unemployment in the valley doubled to 12 percent between 2008 and 2010.",
    "The senator voted against the 2 billion dollar highway bill in 2013.",
    "The county has lost 40,000 manufacturing jobs since 2001, the report said.",
])
def test_claims_score_above_the_threshold(text):
    assert score(text) >= MODEL.threshold


@pytest.mark.parametrize("text", [
    "Thank you all for coming tonight.",
    "I think we will do great things together.",
    "Is that right?",
    "The weather was mild.",
    "Let me go ahead and turn to the next question.",
    "We are going to make this town wonderful again, believe me.",
])
def test_remarks_score_below_the_threshold(text):
    assert score(text) < MODEL.threshold


def test_a_claim_outranks_the_same_claim_hedged_as_an_opinion():
    plain = "Unemployment in the valley doubled to 12 percent between 2008 and 2010."
    assert score(plain) > score("I think unemployment in the valley doubled, maybe, to 12 percent between 2008 and 2010.")


_NAMES = [f.name for f in MODEL.features]
_AGAINST = [f.name for f in MODEL.features if f.evidence == "against"]


@given(st.sets(st.sampled_from(_NAMES)), st.sampled_from(_AGAINST))
def test_score_is_bounded_deterministic_and_evidence_against_never_raises_it(present, against):
    s = MODEL.score(present)
    assert 0.0 <= s < 1.0 and s == MODEL.score(sorted(present))
    assert MODEL.score(present | {against}) <= s
    assert MODEL.score(present | set(MODEL.vetoes)) == 0.0


_WORDS = st.sampled_from(
    "the harbour council spent 40 million dollars in 2014 and jobs rose doubled fell ferry mayor "
    "voted bill because said we will think great thank you Ohio percent more than ever".split()
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=18))
def test_a_sentence_made_a_question_never_scores_higher(words):
    text = " ".join(words).capitalize()
    stated, asked = score(text + "."), score(text + "?")
    assert asked <= stated
    assert stated == score(text + ".")  # the same text, the same score


# --- transcripts ---

TRANSCRIPT = """MODERATOR: Good evening and welcome to the debate on the harbour.
MODERATOR: Senator, you said in 2015 that harbour fees would rise by 10 percent, is that right?
SMITH: No. The harbour fees doubled to 40 dollars after 2015, because of the council's vote.
We lost 3,000 dock jobs since 2009.
JONES: I think the senator is wrong, and we will fix it.
MODERATOR: Next question?
"""


def test_speaker_labels_are_read_and_a_turn_continues_without_one():
    cs = sentences(TRANSCRIPT).claim_sentences
    who = {TRANSCRIPT[s.start : s.end][:12]: s.speaker for s in cs}
    assert who["We lost 3,00"] == "SMITH"
    assert who["I think the "] == "JONES"
    # the label is no part of the sentence
    assert not any(TRANSCRIPT[s.start : s.end].startswith(("MODERATOR:", "SMITH:")) for s in cs)


def test_a_moderators_question_is_not_a_claim():
    found = lint_text(TRANSCRIPT, EMPTY, reference_date=REF, selection=FL403)
    lines = {f.start.line for f in found if f.code == "FL403"}
    assert 2 not in lines  # the moderator's question, with its year and its figure
    assert {3, 4} <= lines  # the candidate's claims
    assert 5 not in lines


def test_a_speaker_who_asks_questions_is_a_moderator():
    text = "\n".join([
        "HOST: What did the council decide about the harbour in 2014?",
        "CLARK: The council cut the harbour budget by 20 percent in 2014.",
        "HOST: And what happened to the 300 jobs at the docks?",
        "CLARK: We lost 300 jobs at the docks within a year.",
        "HOST: Why did the ferry fares go up 15 percent?",
    ])
    cs = sentences(text).claim_sentences
    assert all("moderator" in s.features for s in cs if s.speaker == "HOST")
    assert not any("moderator" in s.features for s in cs if s.speaker == "CLARK")


def test_a_heading_before_a_colon_is_no_speaker():
    cs = sentences("UPDATE: The council cut the harbour budget by 20 percent in 2014.").claim_sentences
    assert cs and cs[0].speaker is None
    # a dateline is no speaker either, though it has a comma before its colon
    cs = sentences("PORTVILLE, N.C.: The council cut the harbour budget by 20 percent in 2014.").claim_sentences
    assert cs and cs[0].speaker is None


def test_a_label_with_party_and_roles_is_its_speakers_not_the_moderators_turn():
    # a transcript that names a speaker in full once: the label's party and roles are no part of the
    # name, and the answer is the speaker's, not a continuation of the moderator's question
    text = "\n".join([
        "HOST: What did the council decide about the harbour?",
        "HOST: And why did the ferry fares go up?",
        "JANE CLARK (I-PV), FORMER MAYOR, COUNCIL CANDIDATE: The council cut the harbour budget by 20 percent in 2014.",
        "We lost 300 jobs at the docks within a year.",
    ])
    cs = sentences(text).claim_sentences
    answer = [s for s in cs if text[s.start : s.end].startswith(("The council cut", "We lost 300"))]
    assert len(answer) == 2 and {s.speaker for s in answer} == {"JANE CLARK"}
    assert not any("moderator" in s.features for s in answer)
    asked = [s for s in cs if text[s.start : s.end].startswith(("What", "And why"))]
    assert asked and all(s.speaker == "HOST" and "moderator" in s.features for s in asked)


# --- the rule, its setting and its output ---

CLAIM = "The county has lost 40,000 manufacturing jobs since 2001, the report said.\n"


def test_findings_carry_their_score():
    found = [f for f in lint_text(CLAIM, EMPTY, reference_date=REF, selection=FL403) if f.code == "FL403"]
    assert len(found) == 1 and 0 < found[0].score < 1 and f"score {found[0].score:.2f}" in found[0].message


def test_min_score_decides_listing_and_coverage():
    low, high = sentences(CLAIM, min_score=0.0), sentences(CLAIM, min_score=0.99)
    assert low.claim_coverage() == (0, 1) and high.claim_coverage() == (0, 0)


def test_fl403_min_score_in_the_configuration(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text(CLAIM)
    args = ["check", "a.txt", "--extend-select", "FL403", "--format", "json", "--reference-date", "2016-10-01"]
    status, out, err = cli(args, cwd=tmp_path)
    doc = json.loads(out)
    [finding] = doc["files"][0]["findings"]
    assert finding["code"] == "FL403" and 0 < finding["score"] < 1
    assert doc["files"][0]["claim_coverage"] == {"covered": 0, "check_worthy": 1}
    (tmp_path / "factlint.toml").write_text("fl403-min-score = 0.99\n")
    status, out, err = cli(args, cwd=tmp_path)
    doc = json.loads(out)
    assert doc["files"][0]["findings"] == [] and doc["files"][0]["claim_coverage"]["check_worthy"] == 0
    status, out, err = cli(args[:-2] + ["--format", "sarif", "--reference-date", "2016-10-01"], cwd=tmp_path)
    assert status == 0


def test_fl403_min_score_must_be_a_score(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text(CLAIM)
    (tmp_path / "factlint.toml").write_text("fl403-min-score = 2\n")
    status, out, err = cli(["check", "a.txt"], cwd=tmp_path)
    assert status == 2 and "fl403-min-score: expected a score between 0 and 1" in err


def test_sarif_results_carry_the_score(cli, tmp_path):
    (tmp_path / "facts.yaml").write_text("version: 1\n")
    (tmp_path / "a.txt").write_text(CLAIM)
    status, out, _ = cli(["check", "a.txt", "--extend-select", "FL403", "--format", "sarif",
                          "--reference-date", "2016-10-01"], cwd=tmp_path)
    results = json.loads(out)["runs"][0]["results"]
    assert [r["properties"]["score"] for r in results if r["ruleId"] == "FL403"]


# --- the learned lexicon and the context of a sentence ---

def test_the_lexicon_holds_single_common_words_with_weights():
    assert MODEL.lexicon, "the fit writes a lexicon"
    for w, x in MODEL.lexicon.items():
        assert w.isalpha() and w == w.lower() and " " not in w, w
        assert -5 < x < 5
    assert 0.0 <= MODEL.context < 1.0 and MODEL.context_window >= 1


def test_a_bad_lexicon_entry_is_refused():
    table = (("model", (("bias", "-3"), ("threshold", "0.1"))), ("lexicon", (("words", "budget 0.2, two words 0.1"),)))
    with pytest.raises(ValueError, match="one folded word"):
        CheckworthyModel.parse(table)
    model = CheckworthyModel.parse((table[0], ("lexicon", (("words", "budget 0.2, weather -0.3"),))))
    assert dict(model.lexicon) == {"budget": 0.2, "weather": -0.3}


LEXICAL = MODEL.with_weights(MODEL.bias, {}, lexicon={"harbour": 0.8, "weather": -0.8}, context=0.0)


@pytest.mark.parametrize("text,higher", [
    ("The council spent 40 million dollars on the harbour in 2014.", True),  # should flag: a word for
    ("The council spent 40 million dollars on the weather in 2014.", False),  # should pass: a word against
])
def test_a_learned_word_moves_the_score(text, higher):
    doc = read_article("<t>", text, fmt="text", reference_date=REF, reference_origin="test")
    with_lexicon = Linter.of(EMPTY).analyse(doc)  # the shipped model
    plain = MODEL.with_weights(MODEL.bias, {}, lexicon={}, context=0.0)
    words = tokens(scan_form(text))
    feats = {f for s in with_lexicon.claim_sentences for f in s.features}
    assert (LEXICAL.score(feats, words) > plain.score(feats, words)) is higher
    assert plain.score(feats, words) == plain.score(feats)


CONTEXTUAL = MODEL.with_weights(MODEL.bias, {}, lexicon={}, context=0.3)


def test_a_sentence_among_claims_outranks_the_same_sentence_among_remarks():
    # should flag: claims around it, by the same speaker; should pass: remarks around it, or
    # claims by another speaker
    claim, remark, middle = 1.0, -6.0, -3.0
    among_claims = CONTEXTUAL.in_context([claim, middle, claim], ["A", "A", "A"])[1]
    among_remarks = CONTEXTUAL.in_context([remark, middle, remark], ["A", "A", "A"])[1]
    others = CONTEXTUAL.in_context([claim, middle, claim], ["B", "A", "B"])[1]
    assert among_claims > among_remarks
    assert others < among_claims
    assert CONTEXTUAL.in_context([None, middle], ["A", "A"])[0] == 0.0  # a veto stays 0


_LOGITS = st.lists(st.one_of(st.none(), st.floats(-12, 6)), min_size=1, max_size=9)


@given(_LOGITS, st.lists(st.sampled_from("AB"), min_size=9, max_size=9), st.integers(0, 8), st.floats(0, 5))
def test_context_scores_are_bounded_deterministic_and_evidence_against_never_raises_any(logits, who, k, drop):
    speakers = who[: len(logits)]
    scores = CONTEXTUAL.in_context(logits, speakers)
    assert all(0.0 <= s < 1.0 for s in scores) and scores == CONTEXTUAL.in_context(logits, speakers)
    k %= len(logits)
    if logits[k] is not None:
        lowered = list(logits)
        lowered[k] = logits[k] - drop  # evidence against sentence k
        assert all(b <= a for a, b in zip(scores, CONTEXTUAL.in_context(lowered, speakers), strict=True))


def _context_by_hand(model, logits, speakers):
    """`in_context` written the plain way: each sentence's best neighbour within the window, one by one."""
    a, k = model.context, model.context_window
    out = []
    for i, z in enumerate(logits):
        if z is None:
            out.append(0.0)
            continue
        near = [logits[j] for j in range(max(0, i - k), min(len(logits), i + k + 1))
                if j != i and logits[j] is not None and speakers[j] == speakers[i]]
        x = z + a * (max(near) if near else z)
        out.append(1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x)))
    return out


@given(st.lists(st.one_of(st.none(), st.floats(-12, 6)), max_size=30), st.lists(st.sampled_from("AB"), min_size=30,
       max_size=30), st.booleans(), st.floats(0, 0.9), st.integers(0, 4))
def test_context_scores_are_those_of_the_plain_reading(logits, who, one, context, window):
    speakers = [None] * len(logits) if one else who[: len(logits)]
    model = MODEL.with_weights(MODEL.bias, {}, lexicon={}, context=context)
    model = dataclasses.replace(model, context_window=window) if context else model
    assert model.in_context(logits, speakers) == _context_by_hand(model, logits, speakers)


_PIECES = ["We ", "lost ", "3,000 ", "jobs ", "since ", "2009", ". ", "? ", "I think ", "the ", "Senate ", "never ",
           "more than ", "because of ", "said ", "tax ", "didn't ", "we'll ", "Kim's ", "\n", "SMITH: ", "(APPLAUSE) ",
           "thank you", "percent ", "Jones ", "billion ", "there's ", ", "]
ALONE = MODEL.with_weights(MODEL.bias, {}, context=0.0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join))
def test_each_sentences_score_is_the_models_score_of_its_features_and_words(text):
    """Without context, a sentence's score is `CheckworthyModel.score` of its features and its
    words, and it has the features of each of its words the table lists."""
    from factlint.extract.checkworthy import score_sentences
    from factlint.prose import Prose

    prose = Prose.of(text)
    folded = prose.scan.folded
    for s in score_sentences(text, prose.sentences.all(), prose.paragraphs, prose.scan, cues=prose.cues, model=ALONE):
        words = tokens(folded, s.start, s.end)
        assert s.score == ALONE.score(s.features, words)
        assert {n for w in set(words) for n in ALONE.single.get(w, ())} <= set(s.features)


def test_the_shipped_scores_match_the_model_of_a_sentence_alone_when_context_is_off():
    doc = read_article("<t>", "The county has lost 40,000 manufacturing jobs since 2001.", fmt="text",
                       reference_date=REF, reference_origin="test")
    (s,) = Linter.of(EMPTY).analyse(doc).claim_sentences
    alone = MODEL.with_weights(MODEL.bias, {}, context=0.0)
    words = tokens(scan_form(doc.text[s.start : s.end]))
    # one sentence: its context is itself, so its logit is scaled by (1 + context)
    z = MODEL.logit(s.features, words)
    assert z == MODEL.logit(reversed(s.features), reversed(words))  # exact: the order of the terms says nothing
    assert s.score == pytest.approx(1 / (1 + __import__("math").exp(-(1 + MODEL.context) * z)))
    assert alone.score(s.features, words) == pytest.approx(1 / (1 + __import__("math").exp(-z)))


# --- the words of a sentence: contractions read as words ---

@pytest.mark.parametrize("text,words", [
    ("We've lost them.", ("we", "have", "lost", "them")),
    ("They didn't vote, and it isn't over.", ("they", "did", "not", "vote", "and", "it", "is", "not", "over")),
    ("She won’t and can't.", ("she", "will", "not", "and", "can", "not")),
    ("I'm sure we'll see; you're right; he'd go.", ("i", "am", "sure", "we", "will", "see", "you", "are", "right", "he",
                                                    "would", "go")),
    # a possessive and other apostrophes: as the scan reads them
    ("Russia's army and O'Brien's rock'n'roll", ("russia", "s", "army", "and", "o", "brien", "s", "rock", "n", "roll")),
    ("the U.S. re-election in '08", ("the", "u", "s", "re", "election", "in", "08")),
])
def test_contractions_are_read_as_their_words(text, words):
    assert tokens(scan_form(text)) == words


_FRAGMENTS = {"ve", "ll", "re", "didn", "isn", "don", "doesn", "wasn", "aren", "couldn", "wouldn", "haven", "hasn", "t"}


@given(st.lists(st.sampled_from(["we", "didn't", "won't", "I'm", "they're", "Kim's", "re-election", "can’t", "O'Neil",
                                 "'ll", "x'", "'", "tax", "2,000", "-", " ", ". ", "it’s"]), max_size=12))
def test_tokens_hold_no_contraction_fragment_and_are_the_scans_words_without_contractions(parts):
    text = " ".join(parts)
    folded = scan_form(text)
    words = tokens(folded)
    assert _FRAGMENTS.isdisjoint(words) or "re" in words and "re-election" in text
    assert all(w and w == w.lower() and "'" not in w for w in words)
    if not any(c in folded for c in ("'t", "'ll", "'ve", "'re", "'m", "'d")):
        assert list(words) == Scan.of(text).words  # no contraction: the scan's words
    assert tokens(folded, 0, len(folded)) == words


def test_the_lexicon_holds_no_fragment_of_a_contraction():
    assert _FRAGMENTS.isdisjoint(MODEL.lexicon), sorted(_FRAGMENTS & set(MODEL.lexicon))


@pytest.mark.parametrize("text,feature", [
    ("We didn't cut taxes.", "past"),  # should flag: "didn't" is did + not, a statement of the past
    ("They'll raise the fees.", "future"),  # "'ll" is will: a prediction
])
def test_a_contraction_shows_the_features_of_its_words(text, feature):
    assert feature in features(text)


# --- --sort score: FL403 by score in the text and HTML reports ---

ARTICLE = (
    "The mayor spoke on Monday.\n\n"
    "Officials said the port handled 40 containers in 2019.\n\n"
    "Unemployment in the county doubled to 12 percent between 2008 and 2010, the governor said, "
    "and 70,000 factories closed.\n\n"
    "On Feb. 30, 2023 the council met.\n"
)


def _fl403_scores(out: str) -> list[float]:
    import re

    return [float(x) for x in re.findall(r"check-worthy sentence \(score ([0-9.]+)", out)]


def test_sort_score_lists_fl403_by_score_after_the_other_findings(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    base = ["check", str(tmp_path / "a.txt"), "--extend-select", "FL403", "--reference-date", "2023-09-01",
            "--format", "concise"]
    _, by_position, _ = cli(base)
    status, by_score, err = cli([*base, "--sort", "score"])
    assert status == 1, err
    lines = [ln for ln in by_score.splitlines() if ": FL" in ln]
    assert sorted(lines) == sorted(ln for ln in by_position.splitlines() if ": FL" in ln)  # the same findings
    codes = [ln.split(": ", 1)[1].split()[0] for ln in lines]
    assert codes[0] == "FL103" and set(codes[1:]) == {"FL403"}  # the unscored first
    scores = _fl403_scores(by_score)
    assert len(scores) >= 2 and scores == sorted(scores, reverse=True)
    assert _fl403_scores(by_position) != scores  # by position the best claim is not first


def test_sort_score_orders_fl403_in_the_html_report_and_in_the_configuration(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('sort = "score"\nextend-select = ["FL403"]\n', encoding="utf-8")
    status, page, err = cli(["check", "--config", str(tmp_path / "factlint.toml"), str(tmp_path / "a.txt"),
                             "--reference-date", "2023-09-01", "--format", "html"])
    assert status == 1, err
    listed = page[page.index('<ol class="findings">') : page.index("</ol>", page.index('<ol class="findings">'))]
    scores = _fl403_scores(listed)  # the list of findings (the highlights in the prose keep text order)
    assert len(scores) >= 2 and scores == sorted(scores, reverse=True)
    (tmp_path / "factlint.toml").write_text('sort = "likes"\n', encoding="utf-8")
    status, _, err = cli(["check", "--config", str(tmp_path / "factlint.toml"), str(tmp_path / "a.txt")])
    assert status == 2 and "sort: expected one of position, score, found 'likes'" in err
