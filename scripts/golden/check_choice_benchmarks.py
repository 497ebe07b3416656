#!/usr/bin/env python3
"""Imports MMAU test-mini and MMAR as published, runs hark's oracle and random baselines on them, and
scores every answer with the benchmark's own evaluation.py beside hark's score.

    python3 scripts/golden/check_choice_benchmarks.py MMAU_CHECKOUT MMAR_CHECKOUT [HARK_BINARY]

The checkouts are Sakshi113/MMAU and ddlBoJack/MMAR (their evaluation.py needs tqdm). Clips are
stood in for by short silent WAVs. Prints both accuracies per run and every item where hark and the
official script disagree; exits 1 on any disagreement.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from stand_in_clips import scores_by_item, silent_wav

BENCHMARKS = [
    # name, data file, audio field, official output key, importer
    ("mmau", "mmau-test-mini.json", "audio_id", "model_output", "mmau"),
    ("mmar", "MMAR-meta.jsonl", "audio_path", "answer_prediction", "mmar"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else [json.loads(line) for line in f if line.strip()]


def main(checkouts, hark):
    work = tempfile.mkdtemp(prefix="hark-choice-")
    failures = 0
    for (name, data_file, audio_field, output_key, importer), checkout in zip(BENCHMARKS, checkouts):
        data_path = os.path.join(checkout, data_file)
        records = load(data_path)
        audio = os.path.join(work, name + "-audio")
        for record in records:
            silent_wav(os.path.join(audio, record[audio_field]))
        suite = os.path.join(work, name)
        subprocess.run([hark, "import", importer, data_path, "--audio-root", audio, "--out", suite, "--id", name], check=True)
        subprocess.run([hark, "validate", suite], check=True, stdout=subprocess.DEVNULL)
        for model in ("oracle", "random"):
            results = os.path.join(work, "results")
            run = f"{name}-{model}"
            subprocess.run([hark, "run", "--suite", suite, "--model", model, "--run", run, "--results", results, "--no-cache"],
                           check=True, stdout=subprocess.DEVNULL)
            answers = {}
            for line in open(os.path.join(results, run, "samples.jsonl"), encoding="utf-8"):
                sample = json.loads(line)
                answers[sample["item"]] = sample["response"]
            scores = scores_by_item(results, run)
            official_input = os.path.join(work, f"{run}.json")
            with open(official_input, "w", encoding="utf-8") as f:
                json.dump([dict(r, **{output_key: answers[str(r["id"])]}) for r in records], f)
            evaluation = os.path.join(checkout, "evaluation.py" if name == "mmau" else "code/evaluation.py")
            printed = subprocess.run([sys.executable, evaluation, "--input", official_input], check=True, capture_output=True, text=True, cwd=work).stdout
            total = [line for line in printed.splitlines() if line.startswith("Total Accuracy")][0]
            # Item by item: the script's own string_match on the same answers.
            sys.path.insert(0, os.path.dirname(evaluation))
            from evaluation import string_match  # noqa: E402
            sys.path.pop(0)
            sys.modules.pop("evaluation", None)
            official = {str(r["id"]): string_match(r["answer"], answers[str(r["id"])], r["choices"]) for r in records}
            disagree = [i for i, v in official.items() if scores.get(i) != v]
            ours = 100 * sum(1 for v in scores.values() if v) / len(scores)
            print(f"{run}: {len(records)} items; official {total.split(':', 1)[1].strip()}; hark {ours:.2f}%; {len(disagree)} disagree")
            for i in disagree[:10]:
                print(f"  {i}: official {official[i]} hark {scores.get(i)}: {answers[i]!r}")
            failures += len(disagree)
    shutil.rmtree(work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:3], sys.argv[3] if len(sys.argv) > 3 else ".build/debug/hark"))
