#!/usr/bin/env python3
"""Golden outputs of the official Kuan et al. scorers, for hark's compatibility modes: the ICASSP 2025
yes/no and pair metrics (icassp2025/evaluation.py) and the Interspeech 2024 caption metrics
(interspeech2024/generative_tasks/evaluation.py) of kuan2jiu99/audio-hallucination, run unmodified
on answers and object lists written here (seeded), including no-mention captions, pairs stored
No-then-Yes, unparsed answers and sizes that make rounding ties.

    git --git-dir=MIRROR show HEAD:icassp2025/evaluation.py > /tmp/icassp_evaluation.py
    git --git-dir=MIRROR show HEAD:interspeech2024/generative_tasks/evaluation.py > /tmp/generative_evaluation.py
    python3 scripts/golden/make_kuan_compat.py /tmp/icassp_evaluation.py /tmp/generative_evaluation.py \\
        > Tests/HarkScoringTests/Golden/kuan-compat.json

The official modules are imported, not copied; `tqdm` and `pandas`, which the caption script imports
but does not need, are stood in for when not installed. Checked with commit dd12901 and Python 3.11
(whose `sum` adds floats left to right, as hark does).
"""
import contextlib
import csv
import importlib.util
import io
import json
import os
import random
import sys
import tempfile
import types

RESPONSES = [
    "Yes.", "Yes, there is a dog barking.", "yes", "No.", "No, I don't hear that.", "NO", "no",
    "There is no such sound.", "The audio does not contain it.", "It contains a siren.", "I am unable to tell.",
    "Maybe.", "Possibly, it is hard to say.", "I can't tell.", "Not present.", "eyes closed", "None heard.",
    "Sure.", "I think so.", "Absolutely not.",
]
OBJECTS = ["dog", "cat", "speech", "music", "car", "rain", "bird", "siren", "engine", "wind"]


def load(path, name):
    for missing in ("tqdm", "pandas"):
        try:
            __import__(missing)
        except ImportError:
            stand_in = types.ModuleType(missing)
            stand_in.tqdm = lambda iterable, *args, **kwargs: iterable
            sys.modules[missing] = stand_in
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def icassp_sets(rng):
    sizes = [2, 8, 20, 32, 50, 64, 100, 160, 32, 64]
    for index, size in enumerate(sizes):
        rows = []
        for pair in range(size // 2):
            reversed_pair = rng.random() < (0.25 if index % 3 else 0.0)
            labels = ["No", "Yes"] if reversed_pair else ["Yes", "No"]
            for label in labels:
                rows.append({"label": label, "response": rng.choice(RESPONSES)})
        yield rows
    # No pair both of whose answers parse: the official script divides by zero.
    yield [{"label": "Yes", "response": "Maybe."}, {"label": "No", "response": "No."},
           {"label": "Yes", "response": "No."}, {"label": "No", "response": "Hard to say."}]
    # Every pair stored No-then-Yes: none counts.
    yield [{"label": "No", "response": "No."}, {"label": "Yes", "response": "Yes."},
           {"label": "No", "response": "Yes."}, {"label": "Yes", "response": "No."}]


def run_icassp(module, rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["entry_id", "audio_index", "ground_truth", "response"])
        for index, row in enumerate(rows):
            writer.writerow([index, f"clip{index // 2}", row["label"], row["response"]])
        path = handle.name
    try:
        values = module.evaluation(path)
    except ZeroDivisionError:
        return None
    finally:
        os.unlink(path)
    names = ["accuracy", "precision", "recall", "f1", "yes_rate", "instruction_follow_rate", "correct_correct",
             "incorrect_incorrect", "correct_incorrect", "incorrect_correct"]
    return dict(zip(names, values))


def caption_sets(rng):
    for size in [5, 8, 16, 32, 40, 64, 100, 300, 32, 64]:
        captions = []
        for _ in range(size):
            label = rng.sample(OBJECTS, rng.randint(1, 3))
            roll = rng.random()
            if roll < 0.2:
                prediction = []
            else:
                kept = [name for name in label if rng.random() < 0.6]
                extra = rng.sample([name for name in OBJECTS if name not in label], rng.randint(0, 2))
                prediction = kept + extra or [rng.choice(OBJECTS)]
            captions.append({"label": label, "prediction": prediction})
        yield captions
    yield [{"label": ["dog"], "prediction": []}, {"label": ["cat"], "prediction": []}]


def run_captions(module, captions):
    document = {f"clip{index}": {"prompt": caption} for index, caption in enumerate(captions)}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(document, handle)
        path = handle.name
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            module.metric_average(result_dir_list=[path])
    finally:
        os.unlink(path)
    header, values = printed.getvalue().strip().splitlines()[-2:]
    names = [name.strip() for name in header.split("|")]
    official = dict(zip(names, (float(value) for value in values.split("|"))))
    # The same averages before the official rounding, from the official per-caption functions.
    chair, cover, hal = [], [], []
    for caption in captions:
        label, prediction = set(caption["label"]), set(caption["prediction"])
        score = module.cal_CHAIRscore(label_object_set=label, prediction_object_set=prediction)
        chair.append(score)
        cover.append(module.cal_Cover_score(label_object_set=label, prediction_object_set=prediction))
        hal.append(module.cal_Hal_score(CHAIRscore=score))
    unrounded = {"CHAIR": sum(chair) / len(chair), "Cover": sum(cover) / len(cover), "Hal": sum(hal) / len(hal)}
    return official, unrounded


def main(icassp_path, generative_path):
    rng = random.Random(20241202)
    icassp = load(icassp_path, "icassp_evaluation")
    generative = load(generative_path, "generative_evaluation")
    out = {"icassp": [], "captions": []}
    for rows in icassp_sets(rng):
        out["icassp"].append({"rows": rows, "official": run_icassp(icassp, rows)})
    for captions in caption_sets(rng):
        official, unrounded = run_captions(generative, captions)
        out["captions"].append({"captions": captions, "official": official, "unrounded": unrounded})
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
