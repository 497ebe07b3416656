#!/usr/bin/env python3
"""Adds the official Kuan et al. answer rule's label to every answer of yesno_answers.json.

The rule is re-implemented here exactly as the official Interspeech 2024 / ICASSP 2025 scorers state
it (case-sensitive substring tests, first match wins; "" / "unknown" when nothing matches), so the
Swift `kuan2024` extractor can be checked against it. Run once; the output is committed:

    python3 scripts/golden/make_yesno_fixture.py > Tests/HarkScoringTests/Golden/yesno-answers.json
"""
import json
import os


def official_rule(response):
    if "Yes" in response or "yes" in response:
        return "yes"
    if "No" in response:
        return "no"
    if "there is no sound" in response or "there is no sound of" in response or "there is no" in response:
        return "no"
    if "does not contain" in response or "doesn't contain" in response:
        return "no"
    if "contain" in response or "contains" in response:
        return "yes"
    if "not" in response or "unable" in response or "can't" in response:
        return "no"
    return None


here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "yesno_answers.json"), encoding="utf-8") as source:
    answers = json.load(source)
for entry in answers:
    entry["kuan2024"] = official_rule(entry["answer"])
print(json.dumps(answers, ensure_ascii=False, indent=1))
