#!/usr/bin/env python3
"""Golden McNemar exact p-values from scipy, for HarkScoring's tests.

McNemar's exact test is the two-sided binomial test with p = 1/2 on the discordant pairs (b, c).
Run once; the output is committed:

    python3 scripts/golden/make_mcnemar.py > Tests/HarkScoringTests/Golden/mcnemar.json
"""
import json
import random

from scipy.stats import binomtest

pairs = [(0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (5, 5), (6, 4), (10, 0), (0, 12), (3, 10), (7, 20), (25, 25),
         (30, 45), (60, 40), (100, 130), (250, 300), (400, 401), (1000, 1100), (2500, 2400), (5000, 5200),
         (12000, 11800), (20000, 20500), (0, 40), (1, 60), (99, 1)]
rng = random.Random(7)
while len(pairs) < 40:
    pairs.append((rng.randint(0, 300), rng.randint(0, 300)))
print(json.dumps([{"b": b, "c": c, "p": 1.0 if b + c == 0 else binomtest(b, b + c, 0.5).pvalue} for b, c in pairs], indent=1))
