#!/usr/bin/env python3
"""Runs labelled yes/no answer sets through the official Kuan et al. 2024 rule (parse_response of
kuan2jiu99/audio-hallucination, interspeech2024/evaluation.py) and prints its agreement with the
careful-reader labels, overall and per kind, beside which hark's `default` reader is measured by
YesNoReadingTests.

    python3 scripts/golden/kuan2024_on_reading_sets.py EVALUATION_PY SET.json [SET.json ...]

EVALUATION_PY is that file from a checkout of the repository; it is imported, not copied.
"""
import collections
import importlib.util
import json
import sys


def main(evaluation, paths):
    spec = importlib.util.spec_from_file_location("kuan_evaluation", evaluation)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for path in paths:
        cases = json.load(open(path, encoding="utf-8"))
        kinds = collections.defaultdict(lambda: [0, 0])
        swaps = 0
        for case in cases:
            read = module.parse_response(case["answer"]) or "unparsed"
            kind = case["kind"] if case["kind"] != "multilingual" else "multilingual-" + case["language"]
            kinds[kind][1] += 1
            if read == case["label"]:
                kinds[kind][0] += 1
            elif read != "unparsed" and case["label"] != "unparsed":
                swaps += 1
        agreed = sum(k[0] for k in kinds.values())
        print(f"{path}: {len(cases)} answers, kuan2024 agrees on {100 * agreed / len(cases):.1f}%, {swaps} yes/no swaps")
        for kind, (right, total) in sorted(kinds.items()):
            print(f"  {kind:22} {100 * right / total:5.1f}% of {total}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
