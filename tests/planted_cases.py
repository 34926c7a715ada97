"""Planted errors: copies of the seeds in tests/planted/ with one edit each, and what they must give.

Each case: the planted file, the seed it copies, the edit (old -> new, each appearing exactly once),
the reference date given on the command line (None: the file's own), and the findings it must give
as (code, line, column, fact id or None); `inherited` lists those the clean seed gives as well.
"""

CASES = [
    dict(
        file="001_visit_july21.txt", seed="001_01b98fe4deb5da6f.txt",
        old="visit to Pyongyang on July 27", new="visit to Pyongyang on July 21",
        reference=None,  # the article's own dateline: Posted on : 2023-09-01
        expect=[("FL101", 16, 103, "shoigu-visit")],
    ),
    dict(
        file="000_weekday_aug31.txt", seed="000_a494c7461424b26e.txt",
        old="On Wednesday, South Korea said", new="On Wednesday, Aug. 31, South Korea said",
        reference="2023-08-30",
        # one mistake, one finding: FL101 names the weekday too (the FL102 it covers is not reported)
        expect=[("FL101", 15, 4, "missile-launch")],
    ),
    dict(
        file="000_thursday_launch.txt", seed="000_a494c7461424b26e.txt",
        old="On Wednesday, South Korea said", new="On Thursday, South Korea said",
        reference="2023-08-30",
        expect=[("FL101", 15, 4, "missile-launch")],
    ),
    dict(
        file="001_past_may.txt", seed="001_01b98fe4deb5da6f.txt",
        old="This past March it was revealed", new="This past May it was revealed",
        reference=None,
        expect=[("FL101", 28, 1, "arms-talks-revealed")],
    ),
    dict(
        file="002_june_no_reference.txt", seed="002_d0434df1e6fb5f7f.txt",
        old="while visiting Pyongyang in July", new="while visiting Pyongyang in June",
        reference=None,  # no date given (inferred from 'Wednesday, Aug. 30' and the story's dates)
        expect=[("FL101", 2, 308, "shoigu-visit"), ("FL203", 1, 28, None)],
        inherited=[("FL203", 1, 28)],  # findings the clean seed has too,
    ),
    dict(
        file="003_last_week.txt", seed="003_831499b3296b145f.txt",
        old="Speaking after Shoigu’s North Korea trip last month", new="Speaking after Shoigu’s North Korea trip last week",
        reference="2023-08-31",
        expect=[("FL101", 19, 42, "shoigu-visit")],
    ),
    dict(
        file="004_invasion_2021.txt", seed="004_4ad387577637f700.txt",
        old="in Ukraine in February 2022", new="in Ukraine in February 2021",
        reference="2023-08-31",
        expect=[("FL101", 6, 144, "invasion")],
    ),
    dict(
        file="004_feb30.txt", seed="004_4ad387577637f700.txt",
        old="in Ukraine in February 2022", new="in Ukraine on Feb. 30, 2022",
        reference="2023-08-31",
        expect=[("FL103", 6, 144, "invasion")],  # the impossible date dates the invasion
    ),
]

CASES += [
    dict(
        file="003_rapidly_advancing.txt", seed="003_831499b3296b145f.txt",
        old="[North Korea] are actively advancing", new="[North Korea] are rapidly advancing",
        reference="2023-08-31",
        expect=[("FL201", 3, 2, "kirby-actively-advancing")],
    ),
    dict(
        file="001_shameful_kirby.txt", seed="001_01b98fe4deb5da6f.txt",
        old="delivery systems,” Thomas-Greenfield said", new="delivery systems,” Kirby said",
        reference=None,
        expect=[("FL202", 24, 2, "ltg-shameful")],
    ),
    dict(
        file="001_elided_not.txt", seed="001_01b98fe4deb5da6f.txt",
        old="they will not sell to Russia", new="they will... sell to Russia",
        reference=None,
        expect=[("FL201", 14, 2, "kirby-numerous-occasions")],
    ),
    dict(
        file="000_invented_quote.txt", seed="000_a494c7461424b26e.txt",
        old="Russia used this visit to the DPRK to try to convince Pyongyang to sell artillery ammunition to Russia.",
        new="Russia will pay a heavy price for these deals.",
        reference="2023-08-30",
        expect=[("FL203", 8, 117, "thomas-greenfield")],
    ),
]

CASES += [
    dict(
        file="001_shoygu.txt", seed="001_01b98fe4deb5da6f.txt",
        old="Sergei Shoigu’s visit to Pyongyang on July 27", new="Sergei Shoygu’s visit to Pyongyang on July 27",
        reference=None,
        expect=[("FL301", 16, 72, "shoigu")],
    ),
    dict(
        file="004_foreign_minister.txt", seed="004_4ad387577637f700.txt",
        old="Russian Defense Minister Sergei Shoigu had visited", new="Russian Foreign Minister Sergei Shoigu had visited",
        reference="2023-08-31",
        expect=[("FL302", 2, 99, "shoigu")],
    ),
    dict(
        file="000_three_missiles.txt", seed="000_a494c7461424b26e.txt",
        old="launched two short-range ballistic missiles", new="launched three short-range ballistic missiles",
        reference="2023-08-30",
        # one finding per mistake: the contradicts pattern matches the same wrong number, which
        # FL402 reports naming the claim, so FL401 stays silent
        expect=[("FL402", 15, 53, "srbm-launch")],
    ),
    dict(
        file="004_four_entities.txt", seed="004_4ad387577637f700.txt",
        old="sanctions on three entities", new="sanctions on four entities",
        reference="2023-08-31",
        expect=[("FL402", 7, 51, "three-entities")],
    ),
]
