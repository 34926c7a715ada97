"""Titles attached to people, and whether they name the same role.

Read around each curated name: "Title Name" ("Russian Defense Minister Sergei Shoigu"), "Name, the
title," ("John Kirby, the White House National Security Council spokesperson,"), "the title, Name"
("the leader of the DPRK, Kim Jong-un") and "Name, who is the title". A title is compared by its
role: the role word (minister, ambassador, spokesperson...) and the department words around it
(defense, foreign, state...), after folding (defence/defense, spokesman/spokesperson, Russia's/
Russian, U.S./US/United States). Two titles are different roles only when their role words belong to
different families, or when their departments conflict (Foreign vs Defense Minister).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

ROLE_FAMILIES = {
    "minister": "minister", "secretary": "secretary", "ambassador": "envoy", "representative": "envoy",
    "envoy": "envoy", "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "president": "president", "leader": "leader", "director": "director", "correspondent": "journalist",
    "reporter": "journalist", "editor": "journalist", "general": "military", "commander": "military",
    "admiral": "military", "chairman": "chair", "chairwoman": "chair", "chair": "chair", "governor": "governor",
    "senator": "legislator", "chancellor": "head-of-government", "premier": "head-of-government",
    "prime": "head-of-government", "king": "monarch", "queen": "monarch", "ceo": "executive",
}
DEPARTMENTS = frozenset(
    "defense foreign finance interior justice health trade energy education state treasury homeland "
    "agriculture labor transport environment culture economy unification".split()
)
_FOLDS = {
    "defence": "defense", "spokesman": "spokesperson", "spokeswoman": "spokesperson", "u.s.": "us",
    "u.s": "us", "russia's": "russian", "moscow's": "russian", "america's": "us", "u.n.": "un", "u.n": "un",
}
_TITLE_WORD = re.compile(r"[\w.’'-]+")
_STOPS = frozenset("said says told and or but who which that when after before as with by in on at was is".split())
_LOWER_OK = frozenset(
    "national security council defense defence foreign deputy vice former acting senior chief press special "
    "affairs of the to for state house ministry department white spokesperson spokesman spokeswoman minister "
    "secretary ambassador representative envoy president leader director correspondent general commander "
    "admiral chairman chair governor senator prime chancellor united nations us".split()
)


@lru_cache(maxsize=65536)  # titles recur from article to article
def fold_title(title: str) -> tuple[str, ...]:
    """A title's words as roles are compared: lower case, one spelling each, no "the"."""
    ws = []
    for w in _TITLE_WORD.findall(title.lower().replace("’", "'")):
        w = _FOLDS.get(w, w)
        if w == "united" or w == "states":
            w = "us" if w == "united" else ""
        if w and w != "the":
            ws.append(w)
    return tuple(ws)


@dataclass(frozen=True)
class Role:
    family: str
    departments: frozenset[str]


@lru_cache(maxsize=65536)  # titles recur from article to article
def role_of(title: str) -> Role | None:
    ws = fold_title(title)
    heads = [w for w in ws if w in ROLE_FAMILIES]
    if not heads:
        return None
    head = "prime" if heads[0] == "prime" else heads[-1]  # "prime minister" is a head of government
    return Role(ROLE_FAMILIES[head], frozenset(w for w in ws if w in DEPARTMENTS))


def same_role(a: Role, b: Role) -> bool:
    if a.family != b.family:
        return False
    return not (a.departments and b.departments and not (a.departments & b.departments))


@dataclass(frozen=True)
class TitleMention:
    start: int
    end: int
    person_id: str
    text: str
    former: bool


def _words_backwards(before: str) -> Iterator[tuple[int, int]]:
    """The title-like words of `before`, last first, as (start, end): read from the end of the
    reversed text, so finding the one or two words of a title does not tokenize all 120 characters
    (the word characters read the same both ways, so the words are the same)."""
    n = len(before)
    for m in _TITLE_WORD.finditer(before[::-1]):
        yield n - m.end(), n - m.start()


def titles_near(text: str, name_start: int, name_end: int, person_id: str) -> list[TitleMention]:
    """The titles written around one name mention (see the module's patterns)."""
    out = []
    para_start = text.rfind("\n", 0, name_start) + 1
    para_end = text.find("\n", name_end)
    para_end = len(text) if para_end == -1 else para_end
    # "Title Name": the title-like words right before the name
    before = text[max(para_start, name_start - 120) : name_start]
    taken: list[tuple[int, int]] = []
    for t_start, t_end in _words_backwards(before):
        gap = before[t_end : (taken[-1][0] if taken else len(before))]
        if gap.strip():
            break  # punctuation between words ends the title
        w = before[t_start:t_end]
        lw = w.lower()
        possessive = lw.endswith(("'s", "’s"))
        if lw in _STOPS or (w[:1].islower() and lw not in _LOWER_OK and not possessive):
            break
        taken.append((t_start, t_end))
    if taken:
        first, last = taken[-1], taken[0]
        title = before[first[0] : last[1]]
        start = max(para_start, name_start - 120) + first[0]
        former = bool(_FORMER.search(title))
        if role_of(title):
            out.append(TitleMention(start, start + len(title), person_id, title, former))
    # "Name, the title," and "Name, who is the title"
    m = _AFTER.match(text, name_end, para_end) if text.startswith(",", name_end) else None
    if m:
        title = m.group("title")
        if role_of(title) and not _SPEECH_START.match(title):
            s = m.start("title")
            out.append(TitleMention(s, s + len(title), person_id, title, bool(_FORMER.search(title))))
    # "the title, Name": a comma right before the name, the title within the 120 characters before it
    if "," in text[max(para_start, name_start - 3) : name_start]:
        m = _BEFORE.search(text, max(para_start, name_start - 120), name_start)
        if m and role_of(m.group("title")):
            s = m.start("title")
            title = m.group("title")
            out.append(TitleMention(s, s + len(title), person_id, title, bool(_FORMER.search(title))))
    return out


_AFTER = re.compile(r",\s*(?:who\s+is\s+)?(?:the\s+)?(?P<title>[^,.;:()“”\"\n]{3,90}?)\s*(?=[,.;:(]|\s*$)")
_SPEECH_START = re.compile(r"(?i)(?:said|says|told|added|who)\b")
_BEFORE = re.compile(r"\bthe\s+(?P<title>[^,.;:()“”\"\n]{3,90}?),\s*\Z", re.IGNORECASE)
_FORMER = re.compile(r"\bformer\b", re.IGNORECASE)
