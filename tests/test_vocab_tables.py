"""The word tables of `data/` hold what their readers expect: a table whose lines the reader would
silently drop or misread (a tag misspelt, a "|" missing, a word written twice with two values)
fails here, not in a run."""

from __future__ import annotations

import re

from factlint.vocab import number_words, table, tagged


def _declared_tags(name: str) -> set[str]:
    """The tags a "word | tags" table's header explains ("#   opener   opens a sentence ...")."""
    from factlint.vocab import _DATA

    with open(f"{_DATA}/{name}", encoding="utf-8") as fh:
        return {m.group(1) for m in re.finditer(r"^#   ([a-z][a-z-]*) ", fh.read(), re.M)}


def test_every_function_word_is_one_word_with_tags_its_header_explains():
    declared = _declared_tags("function_words.txt")
    assert {"opener", "negation", "quote-function", "no-content"} <= declared
    for line in table("function_words.txt"):
        word, bar, tags = line.partition("|")
        assert bar, f"no '|' in {line!r}"
        assert len(word.split()) == 1, f"not one word: {line!r}"
        assert tags.split() and set(tags.split()) <= declared, f"a tag the header does not explain: {line!r}"
    words = [w for w, _ in tagged("function_words.txt")]
    assert len(words) == len(set(words)), "a word written twice"


def test_every_hedge_has_one_direction():
    directions = {"about", "below", "above", "at-least", "at-most"}
    for words, tags in tagged("hedges.txt"):
        assert len(tags) == 1 and set(tags) <= directions, (words, tags)


def test_number_words_have_one_value_each():
    lines = table("number_words.txt")
    keys = [" ".join(line.rsplit(None, 1)[0].lower().split()) for line in lines]
    assert len(keys) == len(set(keys)), "a number word written twice"
    assert all(re.fullmatch(r"-|\d+", line.rsplit(None, 1)[1]) for line in lines)
    assert number_words()["twenty"] == 20 and number_words()["a dozen"] == 12 and number_words()["dozens of"] is None


def test_calendar_words_have_one_value_and_a_tag_the_header_explains():
    from factlint.vocab import _DATA

    with open(f"{_DATA}/calendar_words.txt", encoding="utf-8") as fh:
        declared = {m.group(1) for m in re.finditer(r"^#   ([a-z][a-z-]*) ", fh.read(), re.M)}
    assert {"month", "weekday", "season", "unit", "preposition"} <= declared
    seen = set()
    for line in table("calendar_words.txt"):
        word, bar, rest = line.partition("|")
        value, tag = rest.split()
        assert bar and (len(word.split()) == 1 or tag in ("duration-mod", "count-word", "vague-count")), line  # "at least", "a dozen"
        assert tag in declared, line
        assert (word.strip(), tag) not in seen, f"written twice: {line!r}"
        seen.add((word.strip(), tag))


def test_the_date_grammar_reads_the_calendar_table():
    from factlint.extract.dates import MONTHS, SEASON_CODES, WEEKDAYS, find_dates
    from factlint.prose import Prose

    assert MONTHS["sept"] == 9 and WEEKDAYS["thurs"] == 3 and SEASON_CODES["autumn"] == ("FA", 9)
    [e] = find_dates(Prose.of("Shares rose for at least three straight days."))
    assert (e.form, e.count, e.unit, e.mod) == ("duration", 3.0, "day", "EQUAL_OR_MORE")
    found = find_dates(Prose.of("It closed on Sept. 5 and reopens in the autumn of 2024."))
    assert [(e.form, e.month, e.day) for e in found] == [("month_day", 9, 5), ("season", None, None)]
    assert found[1].unit == "autumn" and found[1].year == 2024


def test_date_contexts_have_roles_the_header_explains():
    from factlint.vocab import _DATA

    with open(f"{_DATA}/date_contexts.txt", encoding="utf-8") as fh:
        declared = {m.group(1) for m in re.finditer(r"^#   ([a-z][a-z-]*) ", fh.read(), re.M)}
    seen = set()
    for line in table("date_contexts.txt"):
        words, bar, roles = line.partition("|")
        key = " ".join(words.lower().split())
        assert bar and roles.split() and set(roles.split()) <= declared, line
        assert key not in seen, f"written twice: {line!r}"
        seen.add(key)


# each role of `date_contexts.txt` in a sentence of its own: "{}" is the table's word, and the date
# the grammar must then find (and, for the relative words, the word it keeps as `rel`)
_CONTEXT_SENTENCES = {
    "rel-day": ("They met {} Monday.", "{} Monday"),
    "rel-month": ("They met {} March.", "{} March"),
    "rel-unit": ("They met {} week.", "{} week"),
    "rel-year": ("Sales rose in the first quarter of {} year.", "the first quarter of {} year"),
    "season-before": ("They met in the {}-winter cold.", "winter"),
    "weekend-before": ("They met {} the weekend.", "the weekend"),
    "clock-prep": ("They met {} noon.", "noon"),
    "part-prep": ("They met {} the morning.", "the morning"),
    "part-day": ("They met {} morning.", "{} morning"),
    "year-prep": ("Sales rose {} the year.", "the year"),
    "year-end-prep": ("Sales will rise {} year-end.", "year-end"),
    "season-prep": ("Sales rose {} summer.", "summer"),
    "vague-prep": ("Sales rose {} years.", "years"),
    "ref-prep": ("Sales rose {} the past.", "the past"),
    "day-prep": ("Sales rose {} the day.", "the day"),
    "determiner": ("They found {} October memo.", "October"),
    "set-before": ("They met {} week.", "{} week"),
    "set-name-before": ("They met {} Thursday.", "{} Thursday"),
    "time-day": ("They met at noon {} Friday.", "noon"),  # and the time takes the Friday (below)
}


def test_every_word_of_the_date_contexts_table_is_read_by_the_grammar():
    """A word of `date_contexts.txt` is one line there: the grammar reads it in each of its roles."""
    from factlint.extract.dates import CONTEXTS, find_dates
    from factlint.prose import Prose

    pairing = {"link-after", "fronted", "governs", "governed-det", "topic"}  # read by the pairing (tests/test_pairing.py)
    assert set(CONTEXTS) == set(_CONTEXT_SENTENCES) | pairing
    for role, words in CONTEXTS.items():
        if role in pairing:
            continue
        sentence, expected = _CONTEXT_SENTENCES[role]
        for word in words:
            if role == "season-before" and word in ("this", "last", "next", "past"):
                sentence_, expected_ = "They met {} winter.", "{} winter"
            else:
                sentence_, expected_ = sentence, expected
            text = sentence_.format(word)
            found = [e.text for e in find_dates(Prose.of(text), modifiers=True)]
            if role == "time-day":
                assert [e.weekday for e in find_dates(Prose.of(text)) if e.form == "time"] == [4], (role, word)
            if role == "season-before":  # the season, alone or with its modifier ("early-winter")
                assert any(t.endswith("winter") for t in found), (role, word, found)
            else:
                assert expected_.format(word) in found, (role, word, found)
