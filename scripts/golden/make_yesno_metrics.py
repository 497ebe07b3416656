#!/usr/bin/env python3
"""Golden yes/no metrics from independent implementations, for HarkScoring's tests.

For random and degenerate confusion tables (label yes/no x answer yes/no/unparsed), computes with
scikit-learn the metrics of hark's own policy (unparsed answers are a third class that is never
right; zero_division=0), and with the official Kuan et al. formulas (re-implemented here, Python's
round included) the two compatibility policies. Run once; the output is committed:

    pip install scikit-learn
    python3 scripts/golden/make_yesno_metrics.py > Tests/HarkScoringTests/Golden/yesno-metrics.json
"""
import json
import random

from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support, recall_score

CELLS = ["yes_yes", "yes_no", "yes_unparsed", "no_yes", "no_no", "no_unparsed"]


def tables():
    rng = random.Random(20241127)
    for _ in range(24):
        yield {cell: rng.randint(0, 60) for cell in CELLS}
    degenerate = [
        {"yes_yes": 10, "yes_no": 0, "yes_unparsed": 0, "no_yes": 10, "no_no": 0, "no_unparsed": 0},  # no "no" answers
        {"yes_yes": 0, "yes_no": 0, "yes_unparsed": 7, "no_yes": 0, "no_no": 0, "no_unparsed": 5},  # all unparsed
        {"yes_yes": 0, "yes_no": 0, "yes_unparsed": 0, "no_yes": 0, "no_no": 0, "no_unparsed": 0},  # empty suite
        {"yes_yes": 9, "yes_no": 0, "yes_unparsed": 0, "no_yes": 0, "no_no": 9, "no_unparsed": 0},  # perfect
        {"yes_yes": 5, "yes_no": 3, "yes_unparsed": 1, "no_yes": 0, "no_no": 0, "no_unparsed": 0},  # no "no" labels
        {"yes_yes": 0, "yes_no": 4, "yes_unparsed": 0, "no_yes": 6, "no_no": 0, "no_unparsed": 0},  # always wrong
        {"yes_yes": 1, "yes_no": 0, "yes_unparsed": 0, "no_yes": 0, "no_no": 0, "no_unparsed": 0},  # one item
    ]
    yield from degenerate


def expand(table):
    truth, answers = [], []
    for cell, count in table.items():
        label, answer = cell.split("_")
        truth += [label] * count
        answers += [answer] * count
    return truth, answers


def hark_metrics(table, positive):
    truth, answers = expand(table)
    n = len(truth)
    if n == 0:
        names = ["accuracy", "precision", "recall", "f1", "yes_ratio", "unparsed_rate", "f1_yes", "f1_no", "f1_macro", "f1_weighted",
                 "perception_accuracy", "hallucination_resistance", "bias"]
        return {name: 0.0 for name in names}
    p, r, f, _ = precision_recall_fscore_support(truth, answers, labels=[positive], average=None, zero_division=0)
    per_class = f1_score(truth, answers, labels=["yes", "no"], average=None, zero_division=0)
    return {
        "accuracy": accuracy_score(truth, answers),
        "precision": float(p[0]),
        "recall": float(r[0]),
        "f1": float(f[0]),
        "yes_ratio": answers.count("yes") / n,
        "unparsed_rate": answers.count("unparsed") / n,
        "f1_yes": float(per_class[0]),
        "f1_no": float(per_class[1]),
        "f1_macro": float(f1_score(truth, answers, labels=["yes", "no"], average="macro", zero_division=0)),
        "f1_weighted": float(f1_score(truth, answers, labels=["yes", "no"], average="weighted", zero_division=0)),
        # CMM: recall of each class with unparsed answers wrong.
        "perception_accuracy": float(recall_score(truth, answers, labels=["yes"], average=None, zero_division=0)[0]),
        "hallucination_resistance": float(recall_score(truth, answers, labels=["no"], average=None, zero_division=0)[0]),
        "bias": bias(truth, answers),
    }


def bias(truth, answers):
    """AHa-Bench's bias, FNR - FPR (positive: the sound is there), over the parsed answers."""
    parsed = [(t, a) for t, a in zip(truth, answers) if a != "unparsed"]
    if not parsed:
        return 0.0
    (tn, fp), (fn, tp) = confusion_matrix([t for t, _ in parsed], [a for _, a in parsed], labels=["no", "yes"])
    return divide(fn, fn + tp) - divide(fp, fp + tn)


def divide(a, b):
    return a / b if b else 0.0


def interspeech(table):
    """The Interspeech 2024 scorer's arithmetic: positive class "no", unparsed counted as "not yes"."""
    n = sum(table.values())
    right = table["yes_yes"] + table["no_no"]
    said_yes = table["yes_yes"] + table["no_yes"]
    precision = round(divide(table["no_no"], n - said_yes) * 100, 2)
    recall = round(divide(table["no_no"], table["no_yes"] + table["no_no"] + table["no_unparsed"]) * 100, 2)
    f1 = round((2 * precision * recall) / (precision + recall), 2) if precision + recall else 0.0
    return {
        "accuracy": round(divide(right, n) * 100, 2) / 100,
        "precision": precision / 100,
        "recall": recall / 100,
        "f1": f1 / 100,
        "yes_ratio": round(divide(said_yes, n) * 100, 2) / 100,
    }


def icassp(table):
    """The ICASSP 2025 scorer's arithmetic: unparsed ("unknown") in accuracy only."""
    tp, tn, fp, fn = table["yes_yes"], table["no_no"], table["no_yes"], table["yes_no"]
    n = sum(table.values())
    unknown = table["yes_unparsed"] + table["no_unparsed"]
    precision = divide(tn, tn + fn)
    recall = divide(tn, tn + fp)
    f1 = 2 * (precision * recall) / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": round(divide(tp + tn, n) * 100, 2) / 100,
        "precision": round(precision * 100, 2) / 100,
        "recall": round(recall * 100, 2) / 100,
        "f1": round(f1 * 100, 2) / 100,
        "yes_ratio": round(divide(tp + fp, n) * 100, 2) / 100,
        "instruction_following_rate": round(divide(n - unknown, n) * 100, 2) / 100,
    }


cases = []
for table in tables():
    cases.append({
        "table": table,
        "hark_no": hark_metrics(table, "no"),
        "hark_yes": hark_metrics(table, "yes"),
        "kuan2024_interspeech": interspeech(table),
        "kuan2025_icassp": icassp(table),
    })
print(json.dumps(cases, indent=1))
