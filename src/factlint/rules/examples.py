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
    titles: [White House national security spokesman]
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
