"""Titles attached to people, and whether they name the same role.

Where a title is read, around each mention of a curated person, inside the mention's sentence:

    Title Name               Russian Defense Minister Sergei Shoigu; Sen. Bob Corker
    Name, [the] title,       John Kirby, the White House National Security Council spokesperson,
    Name, who is the title   (also "who was": a past title)
    [the] title, Name,       the leader of the DPRK, Kim Jong-un,  (the name ends its clause)

A title is a run of title-like words with nothing but spaces between them: capitalised words
(countries, companies: "Chrysler Chief Executive"), the words of the title tables and of the
curated titles and, after a name and its comma, other lower-case words too ("a market analyst
from Cazenove"). It never crosses a sentence, a punctuation mark, a grammar word that ends a title
("said", "while"; title_status.txt) or another person's name. "Name, the title" must end its
clause (a comma, a period, the end of the line) or stop at a speech verb that goes on, when the
name opens its clause and an article begins the title or the name begins the sentence ("Tom
LaSorda, the president of Chrysler announced that ..."); a title followed by a comma and another
capitalised name is that name's. Before a name, a preposition of no form belongs to the title only
after a role ("President of the United States Barack Obama"); otherwise the title is what follows
it ("a spokesman for | Democratic presidential candidate Hillary Clinton") or there is none ("a
senior adviser to | Mr. Sanders", "expected to | host Trump"). "a President Trump would ..." (who
may be), a year right before the title ("2004 Democratic nominee": a past one) and a one-word name
after someone else's first name ("Ivanka Trump") are read as such.

How a title is read (`read_title`): its words are folded (lower case, periods and possessives
dropped, hyphens read as spaces), then the role forms (title_roles.txt) and the department forms
(departments.txt) are found, the longest first, read from the end where the role is ("U.S.
Attorney General" is an attorney general). The part before the first preposition that is no part
of a form ("Minister | of Industry", "spokesperson | for the White House") holds the role; after a
possessive only what follows counts ("Moscow's | defense minister"); "and" joins two roles
("President and Chief Executive Officer"). Each role is the last role form of its part, which must
end the part (departments may follow: "Secretary of State"), or the title's role is unknown:
"Defense Minister Ivanov" is someone else's title, "sister of North Korean leader" is no role a
table knows. A rank word before the role makes it another role ("deputy minister"); "former" and
"incoming" say when it is held. Departments count in the role's part and in what follows the
preposition, unless that names another role ("nominee for | Secretary of Defense").

How two titles compare (`same_role`): each role of the one is a role the other's holder holds (a
form may be several roles: "leader"; a role may hold others: a Senate majority leader is a
senator), and no facet of their departments conflicts (a White House spokesman is no State
Department spokesman, a Democratic senator no Republican one). `judge` compares a written title
with a person's curated titles: the same role (or stale: held neither on the article's date nor
at any date its sentence gives), a different one, or none it can judge.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache
from typing import Literal, TypeVar

from ..facts.model import Person, Title
from ..interval import Interval
from ..records import dataclass
from ..vocab import departments, honorifics, speech_verbs, title_roles, title_status
from .sentences import ABBREVIATIONS
from ..patterns import lazy_re

_TITLE_WORD = lazy_re(r"[\w.’'-]+")
_WINDOW = 120  # characters a title before a name may take


@cache
def _whole() -> frozenset[str]:
    """Hyphenated words read whole ("would-be", "one-time"), without their hyphens."""
    return frozenset(w.replace("-", "") for w in title_status() if "-" in w)


@lru_cache(maxsize=65536)  # the same words stand before names article after article
def _fold(word: str) -> tuple[tuple[str, ...], bool]:
    """A written word as titles are compared: its parts (lower case, no periods, split at hyphens:
    "U.S." is "us", "ex-minister" is "ex" "minister", "would-be" is "wouldbe") and whether it is a
    possessive."""
    w = word.lower().replace("’", "'")
    possessive = False
    if w.endswith("'s"):
        w, possessive = w[:-2], True
    elif w.endswith("s'"):
        w, possessive = w[:-1], True
    w = w.replace(".", "").replace("'", "")
    if "-" in w and w.replace("-", "") in _whole():
        return (w.replace("-", ""),), possessive
    return tuple(p for p in w.split("-") if p), possessive


def _form(text: str) -> tuple[str, ...]:
    return tuple(p for w in text.split() for p in _fold(w)[0])


@dataclass(frozen=True)
class Vocabulary:
    """The title tables as the reader looks them up, built once."""

    roles: Mapping[tuple[str, ...], frozenset[str]]  # form -> the roles it may be
    implied: Mapping[str, frozenset[str]]  # role -> the roles its holder holds too (a majority leader is a senator or a representative)
    grades: frozenset[str]  # roles held beside a position: general, professor, candidate (the domains "grade", "candidacy")
    department_implied: Mapping[str, frozenset[str]]  # department -> roles a role in it implies (Senate: senator)
    departments: Mapping[tuple[str, ...], tuple[str, str] | None]  # form -> (facet, department)
    kinds: Mapping[str, str]  # word -> past, future, rank, same, article, preposition, conjunction, stop
    indefinite: frozenset[str]  # "a", "an": before "Title Name", a person who may be
    infinitive: frozenset[str]  # "to", modals: before a one-word title in lower case, a verb ("to host Trump", "would counsel Clinton")
    relations: frozenset[str]  # a curated title's last word that names a tie, not a role ("GOP rival")
    eras: frozenset[str]  # before a title, words that set it in its holder's time ("under President X")
    longest: int  # words in the longest form
    words: frozenset[str]  # the words a title may hold in lower case
    role_ends: frozenset[str]  # the last words of role forms
    stops: frozenset[str]  # words that end a title, in capitals or not
    speech: frozenset[str]  # speech verbs: they end a title in lower case ("States" is no verb)
    honorifics: frozenset[str]  # honorifics that name no role ("Mr.", "Dr.")


@cache
def vocabulary() -> Vocabulary:
    """The title tables, folded and indexed (built once)."""
    by_domain: dict[str, set[str]] = {}
    for t in title_roles():
        if t.name != "*":
            by_domain.setdefault(t.group, set()).add(t.name)
    every = frozenset(n for names in by_domain.values() for n in names)
    roles: dict[tuple[str, ...], frozenset[str]] = {}
    for t in title_roles():
        names = frozenset({t.name}) if t.name != "*" else every if t.group == "*" else frozenset(by_domain.get(t.group, ()))
        for f in t.forms:
            key = _form(f)
            roles[key] = roles.get(key, frozenset()) | names
    implied: dict[str, frozenset[str]] = {}
    for t in title_roles():
        if t.also:
            implied[t.name] = implied.get(t.name, frozenset()) | frozenset(t.also)
    depts: dict[tuple[str, ...], tuple[str, str] | None] = {}
    department_implied = {t.name: frozenset(t.also) for t in departments() if t.also}
    for t in departments():
        for f in t.forms:
            depts[_form(f)] = None if t.name == "-" else (t.group.partition(".")[0], t.name)
    order = ("stop", "preposition", "article", "conjunction", "past", "future", "rank", "same", "term")
    status = {w.replace("-", ""): ks for w, ks in title_status().items()}
    kinds = {w: next(k for k in order if k in ks) for w, ks in status.items() if any(k in ks for k in order)}
    stops = frozenset(w for w, k in kinds.items() if k == "stop")
    speech = speech_verbs().forms
    words = {w for key in (*roles, *depts) for w in key} | {w for w, k in kinds.items() if k != "stop"}
    return Vocabulary(
        roles=roles,
        implied=implied,
        grades=frozenset(t.name for t in title_roles() if t.group in ("grade", "candidacy")),
        department_implied=department_implied,
        departments=depts,
        kinds=kinds,
        indefinite=frozenset(w for w, ks in status.items() if "indefinite" in ks),
        infinitive=frozenset(w for w, ks in status.items() if "infinitive" in ks),
        relations=frozenset(w for w, ks in status.items() if "relation" in ks),
        eras=frozenset(w for w, ks in status.items() if "era" in ks),
        longest=max(len(k) for k in (*roles, *depts)),
        words=frozenset(words - stops - speech),
        role_ends=frozenset(k[-1] for k in roles),
        stops=stops,
        speech=speech,
        honorifics=frozenset(h for h in honorifics() if (h,) not in roles),
    )


@dataclass(frozen=True)
class TitleReading:
    """What a title says: the roles its head may be, its departments, when it is held.

    `known` is False when a part of the title that should hold a role holds none the tables know;
    `heads` are the role forms read (for messages) and `head_roles` the roles each may be ("President
    and Chief Executive Officer": two), `head_word` the last word of the role's part (for titles of
    no known role, compared word by word)."""

    roles: frozenset[str]
    held: frozenset[str]  # the roles, and the roles their holder holds too ("Senate Majority Leader": a senator)
    heads: tuple[str, ...]
    head_roles: tuple[frozenset[str], ...]
    departments: frozenset[tuple[str, str]]
    status: Literal["current", "past", "future"]
    known: bool
    head_word: str


_V = TypeVar("_V")


def _longest(words: Sequence[str], forms: Mapping[tuple[str, ...], _V], longest: int) -> list[tuple[int, int, _V]]:
    """The forms found in `words`, the longest first, read from the end, where a title's role is
    ("U.S. Attorney General" is "attorney general", not "U.S. attorney" and a general): (first
    word, end, value), in order."""
    out: list[tuple[int, int, _V]] = []
    j = len(words)
    while j > 0:
        for size in range(min(longest, j), 0, -1):
            key = tuple(words[j - size : j])
            if key in forms:
                out.append((j - size, j, forms[key]))
                j -= size
                break
        else:
            j -= 1
    out.reverse()
    return out


@lru_cache(maxsize=65536)  # titles recur from article to article
def read_title(title: str) -> TitleReading:
    """The reading of one title (see the module)."""
    v = vocabulary()
    words: list[str] = []
    possessive: list[bool] = []
    for m in _TITLE_WORD.finditer(title):
        parts, poss = _fold(m.group())
        words.extend(parts)
        possessive.extend(poss and i == len(parts) - 1 for i in range(len(parts)))
    n = len(words)
    role_at = _longest(words, v.roles, v.longest)
    dept_at = _longest(words, v.departments, v.longest)
    in_role, in_dept = [False] * n, [False] * n
    for s, e, _ in role_at:
        in_role[s:e] = [True] * (e - s)
    for s, e, _ in dept_at:
        in_dept[s:e] = [True] * (e - s)
    free = [not (in_role[i] or in_dept[i]) for i in range(n)]
    head_end = next((i for i in range(n) if free[i] and v.kinds.get(words[i]) == "preposition"), n)
    start = 0
    for i in range(head_end):
        if possessive[i]:
            start = i + 1
    while start < head_end and free[start] and v.kinds.get(words[start]) in ("article", "conjunction"):
        start += 1
    status: Literal["current", "past", "future"] = "current"
    for i in range(start, head_end):
        kind = v.kinds.get(words[i]) if not in_role[i] else None
        if kind == "past":
            status = "past"
        elif kind == "future" and status == "current":
            status = "future"
    conjuncts: list[tuple[int, int]] = []
    at = start
    for i in range(start, head_end):
        if free[i] and v.kinds.get(words[i]) == "conjunction":
            conjuncts.append((at, i))
            at = i + 1
    conjuncts.append((at, head_end))
    head_roles: list[frozenset[str]] = []
    heads: list[str] = []
    known = start < head_end
    for a, b in conjuncts:
        inside = [(s, e, r) for s, e, r in role_at if a <= s and e <= b]
        if not inside or any(not in_dept[i] and v.kinds.get(words[i]) != "article" for i in range(inside[-1][1], b)):
            known = False
            continue
        s, e, readings = inside[-1]
        after = inside[-2][1] if len(inside) > 1 else a
        ranks = [words[i] for i in range(after, s) if not in_role[i] and v.kinds.get(words[i]) == "rank"]
        if ranks:
            rank = " ".join(ranks)
            readings = frozenset(f"{rank} {r}" for r in readings)
        head_roles.append(readings)
        heads.append(" ".join([*ranks, *words[s:e]]))
    # departments: in the role's part, and after it unless what follows names a role of its own
    later_role = any(s >= head_end and not all(in_dept[s:e]) for s, e, _ in role_at)
    depts = frozenset(d for s, _, d in dept_at if d is not None and s >= start and (s < head_end or not later_role))
    first = conjuncts[0]
    head_word = words[first[1] - 1] if first[1] > first[0] else ""
    roles = frozenset(r for h in head_roles for r in h)
    # what a holder holds too, for a role read for certain: "Senate Majority Leader" is a senator,
    # "leader" (a president, a prime minister, a majority leader...) implies nothing
    held = roles.union(*(v.implied.get(r, frozenset()) for h in head_roles if len(h) == 1 for r in h))
    if roles:  # the chairman of a Senate committee is a senator
        held = held.union(*(v.department_implied.get(d, frozenset()) for _, d in depts))
    return TitleReading(roles, held, tuple(heads), tuple(head_roles), depts, status, known and bool(roles), head_word)


def role_of(title: str) -> TitleReading | None:
    """The reading of a title whose role is known, or None."""
    r = read_title(title)
    return r if r.known else None


def conflicting_departments(a: TitleReading, b: TitleReading) -> tuple[str, str] | None:
    """The departments of a facet where `a` and `b` name different ones: (a's, b's), or None."""
    for facet in sorted({f for f, _ in a.departments} & {f for f, _ in b.departments}):
        da = {d for f, d in a.departments if f == facet}
        db = {d for f, d in b.departments if f == facet}
        if not da & db:
            return ", ".join(sorted(da)), ", ".join(sorted(db))
    return None


def same_role(a: TitleReading, b: TitleReading) -> bool:
    """Whether title `a` names a role of title `b`: each of a's roles is one b's holder may hold,
    and no department conflicts ("President and Chief Financial Officer" is no "President and
    Chief Executive Officer"; "Senator" is a "Senate Majority Leader")."""
    return bool(a.head_roles) and all(h & b.held for h in a.head_roles) and conflicting_departments(a, b) is None


def fold_title(title: str) -> tuple[str, ...]:
    """A title's words as roles are compared: lower case, one spelling each, no articles."""
    kinds = vocabulary().kinds
    return tuple(w for w in _form(title) if kinds.get(w) != "article")


# --- judging a written title against a person's curated titles --------------------------------------

Verdict = Literal["same", "different", "stale", "unjudged", "abstain"]


@dataclass(frozen=True)
class Judgement:
    """How a written title compares with the curated ones: `verdict`, the curated title it names
    (`title`: the same role, or for a different one the closest) and why (`why`)."""

    verdict: Verdict
    title: Title | None = None
    why: str = ""


def _held(t: Title, day: date, when: Sequence[Interval]) -> bool:
    lo, hi = t.valid_from or date.min, t.valid_until or date.max
    return lo <= day <= hi or any(i.first <= hi and lo <= i.last for i in when)


def _held_then(t: Title, when: Sequence[Interval]) -> bool:
    """Whether the title was held at one of the dates `when`."""
    lo, hi = t.valid_from or date.min, t.valid_until or date.max
    return any(i.first <= hi and lo <= i.last for i in when)


def _department_clash(w: TitleReading, curated: Sequence[TitleReading]) -> tuple[str, str] | None:
    """A facet where the written title names a department and the curated titles of its role name
    others, none the same: (the written ones, the curated ones). A curated title that names no
    department of the facet licenses none ("spokesperson" beside "White House spokesperson")."""
    for facet in sorted({f for f, _ in w.departments}):
        written = {d for f, d in w.departments if f == facet}
        held = {d for r in curated for f, d in r.departments if f == facet}
        if held and not written & held:
            return ", ".join(sorted(written)), ", ".join(sorted(held))
    return None


def _names_departments(w: TitleReading, r: TitleReading) -> bool:
    """Whether curated title `r` names each department the written title `w` names."""
    return all(d in r.departments for d in w.departments)


def _chamber_role(r: TitleReading) -> TitleReading:
    """A curated title of no known role that names a chamber and a party only ("House Republican",
    "Senate Democrat") read as the role the chamber implies (a representative, a senator)."""
    if r.known or not r.departments:
        return r
    implied = vocabulary().department_implied
    roles = frozenset().union(*(implied.get(name, frozenset()) for _, name in r.departments))
    if not roles or not read_title(r.head_word).departments:
        return r  # no chamber, or a role the tables do not know after it ("House Republican aide")
    return replace(r, roles=roles, held=roles, heads=tuple(sorted(roles)), head_roles=(roles,), known=True)


def _of_a_term(text: str) -> bool:
    """Whether a title names the term its role is held in ("first-term"): then, held now or in
    a term the sentence looks back on, it is never stale."""
    kinds = vocabulary().kinds
    return any(kinds.get(w) == "term" for w in fold_title(text))


def _affiliation(r: TitleReading) -> bool:
    """Whether a title of no known role is an affiliation or a tie only: its last word names a
    department ("Republican", "Ohio Democrat", "GOP") or a tie to another (`relation` in
    title_status.txt: "GOP rival"), not a role ("launch customer", "fundraiser")."""
    vocab = vocabulary()
    if r.head_word in vocab.relations:
        return True
    if any(name in vocab.department_implied for _, name in r.departments):
        return False  # a chamber implies a role: "House Republican", "Senate Democrat"
    return bool(r.departments) and bool(r.head_word) and bool(read_title(r.head_word).departments)


@lru_cache(maxsize=16384)  # a title recurs beside its person, and FL302 and FL303 both ask
def judge(
    text: str, curated: tuple[Title, ...], reference: date | None, when: tuple[Interval, ...] = (), *, former: bool = False,
    relation: bool = False, era: bool = False,
) -> Judgement:
    """A written title against a person's curated titles, on the article's date (`reference`) and
    at the dates its sentence gives (`when`); `former` when the text makes it a past title:

    - a title of no known role is the same as a curated one of the same last word, or not judged;
      one not held yet ("incoming") is not judged;
    - a past title ("former", "then-", "2004 Democratic nominee") is compared only with curated
      titles that say "former" too, and is never "different": a person has held many roles;
    - a current title's roles must be roles the curated titles hold, and its departments the
      ones the curated titles of those roles name, when they name any of that facet;
    - the same role: "same", or "stale" when every curated title it names has a window
      (`from:`/`until:`) that holds neither the reference date nor any date of the sentence; set in
      its holder's time (`era`: "under President Rivera"), only at the dates of its sentence;
      the role of a curated "former" title, written as current, is not judged (it may speak of then);
    - else a curated title of unknown role is compared word by word (the same last word of the
      role's part: "customer" for "launch customer"); failing that, the title cannot be judged
      ("unjudged"), and with no curated title of unknown role it is "different";
    - a title that ends with another person's name after "to" or "for" (`relation`: "a close
      adviser to Trump", "spokesman for Clinton") is a tie to that person, held beside any office:
      not judged."""
    w = read_title(text)
    if relation and _RELATION.search(text) and not w.departments:
        return Judgement("abstain")  # "a close adviser to Trump": a tie to a person, held beside any office
    readings = [(t, _chamber_role(read_title(t.text))) for t in curated]
    if not w.known:
        alike = next((t for t, r in readings if not r.known and r.head_word and r.head_word == w.head_word), None)
        return Judgement("same", alike) if alike else Judgement("abstain")
    if w.status == "future":
        return Judgement("abstain")
    past = former or w.status == "past"
    pool = [(t, r) for t, r in readings if (r.status == "past") == past]
    # grades (Gen., Prof.) and candidacies (a candidate, a running mate) are held beside positions:
    # compared only with curated grades and candidacies
    grades = vocabulary().grades
    held_grades = frozenset().union(*(r.held & grades for _, r in pool if r.known))
    wrong_grade = next((h for h in w.head_roles if h <= grades and held_grades and not h & held_grades), None)
    positions = tuple(h for h in w.head_roles if not h <= grades)
    if not positions:
        if wrong_grade and not past:
            return Judgement("different", None, f"another {_kind(wrong_grade)}: {' and '.join(w.heads)}, not {', '.join(sorted(held_grades))}")
        return Judgement("same" if held_grades else "abstain")
    known = [(t, r) for t, r in pool if r.known and r.roles - grades]
    # a curated title whose role is a word listed for several roles ("Senate Democratic leader": a
    # leader of any kind) stands for the roles the person's other curated titles held then name
    # ("Senate Minority Leader"); a word of any role of its domain ("executive", "official") does not
    specific = frozenset().union(*(
        r.roles for t, r in known if len(r.roles) == 1 and (reference is None or _held(t, reference, when))
    ))

    def may_be(r: TitleReading) -> frozenset[str]:
        narrowed = r.roles & specific if len(r.roles) > 1 and not _wildcard(r) else frozenset()
        return narrowed or r.held

    fits = [(t, r) for t, r in known if all(h & may_be(r) for h in positions)]
    if not fits and len(positions) > 1:  # "President and CEO" for curated "President" and "CEO"
        heads = [[(t, r) for t, r in known if h & r.held] for h in positions]
        if all(heads):
            fits = list({t: (t, r) for ts in heads for t, r in ts}.values())
    clash = _department_clash(w, [r for _, r in fits]) if fits else None
    if fits and not clash and wrong_grade and not past:
        return Judgement("different", fits[0][0], f"another {_kind(wrong_grade)}: {' and '.join(w.heads)}, not {', '.join(sorted(held_grades))}")
    if fits and not clash:
        if past:
            return Judgement("same", fits[0][0])
        same = [t for t, r in fits if w.departments and _names_departments(w, r)]
        same = same or [t for t, r in fits if conflicting_departments(w, r) is None] or [t for t, _ in fits]
        # set in its holder's time (`era`), it is judged only at the dates its sentence gives, if any
        stale = (not any(_held_then(t, when) for t in same) if era and when
                 else not era and reference is not None and not any(_held(t, reference, when) for t in same))
        if stale and not _of_a_term(text):
            words = set(fold_title(text))
            return Judgement("stale", max(same, key=lambda t: len(words & set(fold_title(t.text)))))
        return Judgement("same", same[0])
    if past:
        return Judgement("abstain")
    if any(r.status == "past" and same_role(w, r) for _, r in readings):
        return Judgement("abstain")  # "Secretary Hillary Clinton" for a curated "former Secretary of State"
    if clash:
        return Judgement("different", fits[0][0], f"another department: {clash[0]}, not {clash[1]}")
    # a curated label that names only an affiliation ("Republican", "Ohio Democrat") is no role: it
    # neither holds a comparison open nor stands for an unknown role
    unknown = [(t, r) for t, r in pool if not r.known and not _affiliation(r)]
    if not known and not unknown and held_grades:
        return Judgement("abstain")  # the facts give a grade and no position
    for t, r in unknown:
        if r.head_word and r.head_word == w.head_word and conflicting_departments(w, r) is None:
            return Judgement("same", t)
    if unknown or not known:
        names = ", ".join(repr(t.text) for t, _ in unknown) or ", ".join(repr(t.text) for t, _ in readings)
        why = f"no role factlint knows in {names}" if unknown else f"the facts give only {names}"
        return Judgement("unjudged", unknown[0][0] if unknown else None, why)
    t, r = known[0]
    return Judgement("different", t, f"another role: {' and '.join(w.heads)}, not {' and '.join(r.heads)}")


@cache
def _wildcard_forms() -> frozenset[tuple[str, ...]]:
    """The forms that may name any role of their domain ("executive", "official", "chief")."""
    return frozenset(_form(f) for t in title_roles() if t.name == "*" for f in t.forms)


def _wildcard(r: TitleReading) -> bool:
    return any(_form(h) in _wildcard_forms() for h in r.heads)


# a title that ends "to" or "for" and a capitalised name no department table knows: a relation to
# a person ("adviser to Trump", "spokesman for Clinton"), not an office
_RELATION = lazy_re(r"\b(?:to|for)\s+(?:[A-Z][\w.'’-]*\s*){1,4}\Z")


def _kind(roles: frozenset[str]) -> str:
    """How a message names a role held beside a position: a grade (Gen., Prof.) or a candidacy."""
    return "candidacy" if roles & {t.name for t in title_roles() if t.group == "candidacy"} else "grade"


# --- finding titles around a name ------------------------------------------------------------------


@dataclass(frozen=True)
class CuratedTitles:
    """What the curated titles add to the tables, built once per facts file: the head words of
    curated titles of no role the tables know ("customer" of "launch customer"), and the words of
    those titles, so that "the launch customer, Singapore Airlines" is read and compared word by
    word."""

    heads: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    @classmethod
    def build(cls, people: Sequence[Person]) -> "CuratedTitles":
        v = vocabulary()
        heads: set[str] = set()
        words: set[str] = set()
        for p in people:
            for t in p.titles:
                r = read_title(t.text)
                if not r.known and r.head_word:
                    heads.add(r.head_word)
                    words.update(w for w in _form(t.text) if w not in v.stops and w not in v.speech)
        return cls(frozenset(heads), frozenset(words))


NO_CURATED = CuratedTitles()


@dataclass(frozen=True)
class TitleMention:
    start: int
    end: int
    person_id: str
    text: str
    former: bool
    when: tuple[Interval, ...] = ()  # the dates the title's sentence gives
    relation: bool = False  # the title ends with another person's name ("adviser to Trump")
    era: bool = False  # set in the time its holder held it ("under President Rivera"): never stale


def _words_backwards(before: str) -> Iterator[tuple[int, int]]:
    """The title-like words of `before`, last first, as (start, end): read from the end of the
    reversed text, so finding the one or two words of a title does not tokenize all 120 characters
    (the word characters read the same both ways, so the words are the same)."""
    n = len(before)
    for m in _TITLE_WORD.finditer(before[::-1]):
        yield n - m.end(), n - m.start()


def _spaces(text: str, a: int, b: int) -> bool:
    """Only spaces between a and b (no punctuation, no line break)."""
    gap = text[a:b]
    return gap.isspace() and "\n" not in gap if gap else True


class Spans:
    """Spans of people's names, asked whether a word touches one (sorted once; bisected)."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def touches(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start

    def end_of(self, start: int) -> int:
        """The end of the span that the word at `start` touches (`touches` said it does)."""
        i = bisect_right(self.starts, start) - 1
        return max(self.spans[i][1], start) if i >= 0 else start


NO_SPANS = Spans(())


def _title_like(word: str, v: Vocabulary, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a part of the word is a word a title may hold in lower case (or one of `extra`)."""
    parts, _ = _fold(word)
    return not v.words.isdisjoint(parts) or not extra.isdisjoint(parts)


def _stop(word: str, written: str, v: Vocabulary) -> bool:
    """Whether a word ends a title: a stop word, or a speech verb in lower case."""
    return word in v.stops or (word in v.speech and written[:1].islower())


def _free(words: Sequence[str], at: int, v: Vocabulary) -> bool:
    """Whether the preposition words[at] is no part of a role or department form ("Secretary of
    State", "chief of staff" hold theirs)."""
    for a in range(max(0, at - v.longest + 1), at + 1):
        for b in range(at + 1, min(len(words), a + v.longest) + 1):
            key = tuple(words[a:b])
            if key in v.roles or key in v.departments:
                return False
    return True


_QUOTES = "'’‘\""


class _Words:
    """The words of text[lo:pos], last first, as (start, end), read one at a time as they are asked
    for: from the start of the reversed window, so a title of one word (or none: the word before
    the name ends it) costs one word read, not a tokenized window."""

    __slots__ = ("pos", "items", "_more")

    def __init__(self, text: str, lo: int, pos: int):
        self.pos = pos
        self.items: list[tuple[int, int]] = []  # the words read so far, last first
        # a word's characters read the same both ways (see `_words_backwards`), so the reversed
        # window's words, in order, are the window's, last first
        self._more = _TITLE_WORD.finditer(text[lo:pos][::-1])

    def has(self, i: int) -> bool:
        """Whether the window has an i-th word from its end (`items[i]` once this says so)."""
        items = self.items
        while len(items) <= i:
            m = next(self._more, None)
            if m is None:
                return False
            s, e = m.span()
            items.append((self.pos - e, self.pos - s))
        return True

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.items[i]

    def window(self, a: int, b: int) -> list[tuple[int, int]]:
        self.has(b - 1)
        return self.items[a:b]


_YEAR = lazy_re(r"(?:1[89]|20)\d\d")


def _back(
    text: str,
    lo: int,
    pos: int,
    others: Spans,
    own: frozenset[str],
    extra: frozenset[str] = frozenset(),
    *,
    before_name: bool = False,
    one_word: bool = False,
) -> tuple[int, int, bool, bool] | None:
    """The title written right before `pos` (a name, `before_name`, or the comma before a name):
    (start, end, whether a year right before it dates it: "2004 Democratic nominee", whether a word
    of `Vocabulary.eras` before it sets it in its holder's time: "under President Rivera"), or None.

    A preposition that belongs to no form is part of the title only after a role ("President of
    the United States Barack Obama", "Ambassador to the UN Linda Thomas-Greenfield"); else, or
    when what follows it names a role of its own ("spokesman for | Democratic presidential
    candidate Hillary Clinton"), the title is what follows it, and there is none when nothing
    follows it but the name ("adviser to | Sanders"), a party ("counsel to | Democrat Hillary
    Clinton") or a verb ("expected to | host Trump"). Right before a name, there is none after "a"
    ("a President Trump would ...": who may be) or when a one-word name (`one_word`) follows a
    capitalised word that is no title word: a first name of someone else ("Ivanka Trump")."""
    v = vocabulary()
    words = _Words(text, lo, pos)
    items = words.items  # (read through `words.has(i)` first)
    edge, i = pos, 0
    # the person's own first names and initials, and honorifics of no role, between title and name
    while own and words.has(i):
        s, e = items[i]
        parts, _ = _fold(text[s:e])
        if not parts or not _spaces(text, e, edge):
            break
        initial = len(parts) == 1 and len(parts[0]) == 1 and text[s:e].endswith(".")
        if not (own.issuperset(parts) or initial or (len(parts) == 1 and parts[0] in v.honorifics)):
            break
        edge, i = s, i + 1
    if one_word and words.has(i):
        s, e = items[i]
        w = text[s:e]
        if _spaces(text, e, edge) and w[:1].isupper() and not _title_like(w, v) and not w.endswith(("'s", "’s", "s'", "s’")):
            return None  # "Ivanka Trump", "Tony Podesta": someone else's first name
    taken: list[tuple[int, int]] = []
    dated = False
    stopped = ""  # the word that ended the title, folded
    kinds, stops, speech, roles, eras = v.kinds, v.stops, v.speech, v.roles, v.eras
    name_starts, name_spans = others.starts, others.spans
    while i < len(items) or words.has(i):
        s, e = items[i]
        gap = text[e:edge]
        if gap and (not gap.isspace() or "\n" in gap):
            break
        k = bisect_right(name_starts, e - 1) - 1  # `others.touches(s, e)`, in line: a call per word costs
        if k >= 0 and name_spans[k][1] > s:
            break
        w = text[s:e]
        opened = w[0] in _QUOTES  # ''President Obama: the quote opens before the title
        if opened:
            s += len(w) - len(w.lstrip(_QUOTES))
            w = text[s:e]
        if w[:1].isdigit():
            dated = bool(_YEAR.fullmatch(w))
            break
        parts = _fold(w)[0]
        one = parts[0] if len(parts) == 1 else ""
        if not parts or one in stops or (one in speech and w[0].islower()):
            break
        if one in eras and w[0].islower() and not (taken and (one, *_fold(text[taken[-1][0] : taken[-1][1]])[0][:1]) in roles):
            break  # "under President Rivera" (but "under secretary Rivera": a role)
        if taken and w[-1] == ".":  # "Policy. President Obama": a sentence ends before the title
            base = w.rstrip(".")
            if not (len(base) == 1 or "." in base or base.lower() in ABBREVIATIONS or (parts[-1],) in roles):
                break
        kind = kinds.get(one) if one else None
        if kind == "conjunction":
            # "President and Chief Executive Officer": only after a role, before a title word
            if not taken or not words.has(i + 1):
                break
            ps, pe = items[i + 1]
            prev_parts = _fold(text[ps:pe])[0]
            if not prev_parts or not _spaces(text, pe, s) or prev_parts[-1] not in v.role_ends:
                break
        elif kind == "preposition":
            before = [p for ws, we in reversed(words.window(i + 1, i + v.longest)) for p in _fold(text[ws:we])[0]]
            after = [p for ts, te in reversed(taken) for p in _fold(text[ts:te])[0]]
            if _free([*before, one, *after], len(before), v):
                rest = [p for p in after if kinds.get(p) != "article"]
                if not rest:
                    return None  # "adviser to Mr. Sanders": the title is someone else's
                reading = read_title(" ".join(after))
                if any(f == "party" for f, _ in reading.departments) and not reading.known:
                    return None  # "counsel to Democrat Hillary Clinton"
                if one in v.infinitive and len(taken) == 1 and text[taken[0][0]].islower():
                    return None  # "expected to host Trump": a verb
                if reading.known or not before or before[-1] not in v.role_ends:
                    break  # "spokesman for | Democratic presidential candidate", "Coalition to | Stop"
        elif w[0].islower() and not _title_like(w, v, extra):
            break
        taken.append((s, e))
        edge, i = s, i + 1
        if opened:
            break
    if words.has(i) and not dated and _spaces(text, items[i][1], edge):
        stopped = "".join(_fold(text[items[i][0] : items[i][1]])[0])
    # a title starts with no article, preposition or conjunction
    while taken:
        parts = _fold(text[taken[-1][0] : taken[-1][1]])[0]
        if len(parts) != 1 or v.kinds.get(parts[0]) not in ("article", "preposition", "conjunction"):
            break
        stopped = parts[0]
        taken.pop()
    if before_name and stopped in v.indefinite:
        return None  # "a President Trump would ...": who may be, not who is
    if before_name and stopped in v.infinitive and len(taken) == 1 and text[taken[0][0]].islower():
        return None  # "would counsel Clinton": a verb
    return (taken[-1][0], taken[0][1], dated, stopped in v.eras) if taken else None


_CLOSERS = ",;:)]—–.!?”’\"'\n"


def _forward(text: str, pos: int, hi: int, others: Spans) -> tuple[int, int, str] | None:
    """The title written from `pos` on (after "Name, the "): (start, end, what ended it: "mark"
    for punctuation or the end of the sentence, "verb" for a speech verb, "" for anything else)."""
    v = vocabulary()
    stops, speech = v.stops, v.speech
    name_starts, name_spans = others.starts, others.spans
    start = end = -1
    edge = pos
    ended = ""
    prev = ""
    # `_spaces`, `others.touches` and `_stop` are written out in the loop: a call per word costs
    for m in _TITLE_WORD.finditer(text, pos, hi):
        s, e = m.span()
        gap = text[edge:s]
        if gap and (not gap.isspace() or "\n" in gap):
            break
        w = m.group()
        parts, _ = _fold(w)
        k = bisect_right(name_starts, e - 1) - 1
        if k >= 0 and name_spans[k][1] > s:
            # "Kim Yo-jong, sister of North Korean leader Kim Jong-un, said": a title that ends with
            # another person's name is read to the name's end (a relation, compared word by word)
            name_end = others.end_of(s)
            rest = _next_char(text, name_end, hi)
            if start >= 0 and name_end <= hi and (not rest or rest in _CLOSERS):
                end = name_end
                ended = "mark"
            else:
                ended = "name"
            break
        if not parts or w[0].isdigit():
            ended = "other"
            break
        one = parts[0] if len(parts) == 1 else ""
        if one and (one in stops or (one in speech and w[:1].islower())):
            # a speech verb that goes on ("... announced that"), not a parenthetical ("..., the
            # spokesman said, ..."): then the title may be an appositive that lost its comma
            goes_on = text[e : e + 1] == " " and text[e + 1 : e + 2].isalpha()
            ended = "verb" if one in v.speech and goes_on else "other"
            break
        if one and v.kinds.get(one) == "conjunction":
            nxt = _TITLE_WORD.match(text, e + 1) if text[e : e + 1] == " " else None
            if prev not in v.role_ends or nxt is None or nxt.end() > hi or not _title_like(nxt.group(), v):
                ended = "other"
                break
        start = s if start < 0 else start
        if w.endswith("."):
            base = w.rstrip(".")
            abbreviation = len(base) == 1 or "." in base or base.lower() in ABBREVIATIONS
            if w.endswith("..") or not abbreviation:  # the sentence ends after this word
                end = s + len(base) + (1 if abbreviation else 0)
                ended = "mark"
                break
        end = edge = e
        prev = parts[-1]
    if start < 0:
        return None
    if not ended:
        rest = _next_char(text, end, hi)
        ended = "mark" if not rest or rest in _CLOSERS else "other"
    return start, end, ended


def _next_char(text: str, at: int, hi: int) -> str:
    """The first character at or after `at` (before `hi`) that is not a space, or "" (read in
    place: a name in a long sentence must not copy the rest of it)."""
    while at < hi and text[at] == " ":
        at += 1
    return text[at] if at < hi else ""


@lru_cache(maxsize=4096)
def name_words(names: tuple[str, ...]) -> frozenset[str]:
    """The folded words of a person's names, read as the person's own between a title and a name."""
    return frozenset(p for name in names for w in name.split() for p in _fold(w)[0])


def _skip_spaces_back(text: str, at: int, lo: int) -> int:
    while at > lo and text[at - 1] == " ":
        at -= 1
    return at


def _first_of_longer(text: str, start: int, end: int, hi: int, v: Vocabulary) -> bool:
    """Whether a one-word name is followed by another capitalised word that is no grammar word:
    the first name of someone else's longer name ("Wisconsin Rep. Reid Ribble")."""
    if " " in text[start:end] or text[end : end + 1] != " ":
        return False
    nxt = _TITLE_WORD.match(text, end + 1)
    if nxt is None or nxt.start() >= hi or not nxt.group()[:1].isupper():
        return False
    parts = _fold(nxt.group())[0]
    return bool(parts) and not (len(parts) == 1 and _stop(parts[0], nxt.group(), v))


def could_have_title(text: str, start: int, end: int) -> bool:
    """A cheap look at a name's two sides: whether any pattern of `titles_near` could hold a title
    there (a title-like word or a comma before it, a comma after it). Most names stand after
    "said" or "that" and before a verb: they are not read further."""
    v = vocabulary()
    after = text[end : end + 6]
    if after[:1] == "," or (after[:1] == " " and "," in after):
        return True
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return False
    if text[i - 1] == ",":
        return True
    # the word before: back to a space when all between is a title word's characters (nearly
    # always), else character by character
    j = text.rfind(" ", max(0, i - 40), i) + 1
    if not j or _TITLE_WORD.fullmatch(text, j, i) is None:
        j = i
        while j > 0 and i - j < 40 and (text[j - 1].isalnum() or text[j - 1] in ".’'-_"):
            j -= 1
    word = text[j:i]
    return bool(word) and (not word[0].islower() or _title_like(word, v) or word[-2:] in ("'s", "’s"))


_OPENERS = ("who is ", "who's ", "who was ", "who serves as ", "who served as ")
_SUFFIXES = frozenset({("jr",), ("sr",), ("ii",), ("iii",), ("iv",)})


def titles_near(
    text: str,
    name_start: int,
    name_end: int,
    person_id: str,
    *,
    sentence: tuple[int, int] | None = None,
    others: Sequence[tuple[int, int]] | Spans = (),
    own: frozenset[str] = frozenset(),
    when: tuple[Interval, ...] = (),
    curated: CuratedTitles = NO_CURATED,
) -> list[TitleMention]:
    """The titles written around one name mention (see the module's patterns). `sentence` bounds
    them (by default the paragraph), `others` are the spans of people's names they never cross,
    `own` the folded words of the person's own names (first names between a title and a surname)."""
    v = vocabulary()
    spans = others if isinstance(others, Spans) else (Spans(others) if others else NO_SPANS)
    if sentence is None:
        lo = text.rfind("\n", 0, name_start) + 1
        hi = text.find("\n", name_end)
        hi = len(text) if hi == -1 else hi
    else:
        lo, hi = sentence
    out: list[TitleMention] = []

    def add(s: int, e: int, past: bool = False, era: bool = False) -> None:
        title = text[s:e]
        reading = read_title(title)
        if (reading.known or reading.head_word in curated.heads) and not any(t.start == s for t in out):
            out.append(TitleMention(s, e, person_id, title, past or reading.status == "past", when, spans.touches(e - 1, e), era))

    # "Title Name", unless the name is a first name of a longer one ("Rep. Reid Ribble" is not Reid)
    found = None
    if not _first_of_longer(text, name_start, name_end, hi, v):
        one_word = " " not in text[name_start:name_end]
        found = _back(
            text, max(lo, name_start - _WINDOW), name_start, spans, own, curated.words, before_name=True, one_word=one_word
        )
    if found:
        add(*found)
    # "Name, the title," and "Name, who is the title"
    at = name_end
    suffix = _TITLE_WORD.match(text, at + 1) if text[at : at + 1] == " " else None
    if suffix and _fold(suffix.group())[0] in _SUFFIXES:  # "William Clay Ford Jr., executive chairman ..."
        at = suffix.end()
    if text.startswith(",", at) and at < hi:
        at += 1
        while at < hi and text[at] == " ":
            at += 1
        low = text[at : at + 16].lower()
        opener = next((o for o in _OPENERS if low.startswith(o)), "")
        at += len(opener)
        m = _TITLE_WORD.match(text, at)
        article = bool(m and v.kinds.get(m.group().lower()) == "article" and text[m.end() : m.end() + 1] == " ")
        if m and article:
            at = m.end() + 1
        got = _forward(text, at, hi, spans)
        if got:
            s, e, ended = got
            k = name_start  # the last character before the name (never a copy of the sentence)
            while k > lo and text[k - 1].isspace():
                k -= 1
            before = text[k - 1] if k > lo else ""
            opens = not before or before in ",;:—–(“\"'‘"
            # ended by a speech verb: "Tom LaSorda, the president of Chrysler announced that ...",
            # "Betty Sutton, Ohio's Congresswoman put forward ...": the name opens its clause, and
            # an article or "who is" begins the title, or the name opens the sentence
            ok = ended == "mark" or (ended == "verb" and opens and (article or opener or not before))
            if ok and text.startswith(",", e):
                k = e + 1
                while k < hi and text[k] == " ":
                    k += 1
                nxt = _TITLE_WORD.match(text, k)
                if nxt and nxt.start() < hi and nxt.group()[:1].isupper() and not _title_like(nxt.group(), v):
                    ok = False  # "..., the defense secretary, Lloyd Austin, ...": the title is Austin's
            if ok:
                add(s, e, opener.startswith("who was"))
    # "the title, Name," where the name ends its clause
    rest = _next_char(text, name_end, hi)
    if not rest or rest in _CLOSERS:
        at = name_start
        while True:  # honorifics of no role between the comma and the name: "..., Mr. Lee Hsien Loong"
            j = _skip_spaces_back(text, at, lo)
            last = next(_words_backwards(text[max(lo, j - 12) : j]), None)
            if last is None or max(lo, j - 12) + last[1] != j:
                break
            s0 = max(lo, j - 12) + last[0]
            parts = _fold(text[s0:j])[0]
            if len(parts) != 1 or parts[0] not in v.honorifics:
                break
            at = s0
        j = _skip_spaces_back(text, at, lo)
        if j > lo and text[j - 1] == ",":
            found = _back(text, max(lo, j - 1 - _WINDOW), j - 1, spans, frozenset(), curated.words)
            if found:
                add(*found)
    return out


__all__ = [
    "NO_CURATED", "CuratedTitles", "Judgement", "TitleMention", "TitleReading", "Vocabulary", "conflicting_departments", "fold_title", "judge",
    "NO_SPANS", "Spans", "could_have_title", "name_words", "read_title", "role_of", "same_role", "titles_near", "vocabulary",
]
