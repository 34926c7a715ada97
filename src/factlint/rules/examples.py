"""The facts every rule's examples are checked against (the meta-test and `factlint rule`)."""

EXAMPLE_FACTS = """\
version: 1
events:
  - id: shoigu-visit
    what: Shoigu's visit to Pyongyang
    date: 2023-07-27
    mentions: ["Shoigu's visit", "visit to Pyongyang", "visiting Pyongyang"]
  - id: kirby-briefing
    what: Kirby's briefing on the arms talks
    date: 2023-08-30
    mentions: ["daily briefing"]
  - id: invasion
    what: Russia's full-scale invasion of Ukraine
    date: 2022-02-24
    mentions: ["invasion of Ukraine"]
"""

EXAMPLE_FACTS += """\
people:
  - id: kirby
    name: John Kirby
    aliases: [Kirby]
    titles:
      - White House national security spokesman
      - {title: Pentagon spokesman, from: 2020-01-01, until: 2022-05-31}
  - id: thomas-greenfield
    name: Linda Thomas-Greenfield
    aliases: [Thomas-Greenfield]
    titles: [U.S. ambassador to the United Nations]
quotes:
  - id: kirby-advancing
    speaker: kirby
    text: >-
      We have new information which we are able to share today that arms negotiations between
      Russia and the DPRK are actively advancing.
  - id: kirby-not-sell
    speaker: kirby
    text: The DPRK has said publicly that they will not sell to Russia.
  - id: ltg-shameful
    speaker: thomas-greenfield
    text: It is shameful that the Russian Federation participated in a celebration.
"""

EXAMPLE_FACTS = EXAMPLE_FACTS.replace(
    "people:\n",
    """people:
  - id: shoigu
    name: Sergei Shoigu
    aliases: [Shoigu]
    titles: [Russian Defense Minister]
  - id: kim-jong-un
    name: Kim Jong Un
    aliases: [Kim Jong-un]
    not: [Kim Yo-jong]
  - id: kim-yo-jong
    name: Kim Yo-jong
    titles: [sister of North Korean leader Kim Jong Un]
""",
    1,
)
EXAMPLE_FACTS += """\
claims:
  - id: srbm-launch
    statement: North Korea launched two short-range ballistic missiles on 2023-08-30
    supports: [launched two short-range ballistic missiles]
    contradicts: [{regex: 'launched (?:a|one|three|four|five) short-range ballistic missiles?'}]
    figure: {value: 2, unit: short-range ballistic missiles}
  - id: three-entities
    statement: the U.S. sanctioned three entities
    supports: [sanctions on three entities]
    figure: {value: 3, unit: entities}
  - id: bomber
    statement: the U.S. flew at least one long-range bomber to the Korean Peninsula
    supports: [flew at least one long-range bomber]
    figure: {value: 1, unit: long-range bomber}
"""
