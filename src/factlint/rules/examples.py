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
