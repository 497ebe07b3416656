#!/usr/bin/env python3
"""Scores Speech-IFEval's published DeSTA2 outputs with hark and compares every item with the
repository's own reports (rule_eval@*.jsonl, written by its evaluation_main.py). MODEL_DIR picks
another model's outputs (default: DeSTA2's; meta-llama--Meta-Llama-3-8B-Instruct has reports too).

    python3 scripts/golden/check_speech_ifeval.py SPEECH_IFEVAL_CHECKOUT [HARK_BINARY [MODEL_DIR]]

The checkout is kehanlu/Speech-IFEval (commit e2e9c14d produced the stored reports). The clips are
not needed: each one is stood in for by a short silent WAV. Prints the rates and every item where
hark and the reference disagree; exits 1 on any disagreement.
"""
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile

from stand_in_clips import scores_by_item, silent_wav

SETS = [("closed_ended_questions", "closed-ended"), ("creative_writing", "creative-writing")]


def main(checkout, hark, model):
    work = tempfile.mkdtemp(prefix="hark-sifeval-")
    audio = os.path.join(work, "audio")
    failures = 0
    for stem, flag in SETS:
        # The reference scores each output by the instructions stored with it (some files store
        # them as Python reprs), so the suite is made from the outputs file, as the importer reads it.
        outputs = [json.loads(line) for line in open(os.path.join(checkout, "outputs", model, stem + ".jsonl"), encoding="utf-8")]
        data = os.path.join(work, stem + ".jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for output in outputs:
                record = {k: v for k, v in output.items() if k not in ("response", "messages")}
                for key in ("instruction_id_list", "kwargs"):
                    if isinstance(record[key], str):
                        record[key] = ast.literal_eval(record[key])
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                silent_wav(os.path.join(audio, output["audio_filepath"]))
        suite = os.path.join(work, "suite-" + stem)
        subprocess.run([hark, "import", "speech-ifeval", "--" + flag, data, "--audio-root", audio, "--out", suite, "--id", stem], check=True)
        replay = os.path.join(work, stem + "-replay.jsonl")
        with open(replay, "w", encoding="utf-8") as f:
            for output in outputs:
                f.write(json.dumps({"item_id": str(output["id"]), "response": output["response"]}, ensure_ascii=False) + "\n")
        results = os.path.join(work, "results")
        subprocess.run([hark, "run", "--suite", suite, "--replay", replay, "--run", stem, "--results", results, "--no-cache"],
                       check=True, stdout=subprocess.DEVNULL)
        scores = scores_by_item(results, stem)
        reference = [json.loads(line) for line in open(os.path.join(checkout, "outputs", model, "reports", f"rule_eval@{stem}.jsonl.jsonl"), encoding="utf-8")]
        for r in reference:  # some stored reports hold Python reprs: "True", "['combination:repeat_prompt']"
            r["follow_all_instructions"] = r["follow_all_instructions"] in (True, "True")
        disagree = [r for r in reference if scores.get(str(r["id"])) != r["follow_all_instructions"]]
        rate = 100 * sum(r["follow_all_instructions"] for r in reference) / len(reference)
        ours = 100 * sum(1 for v in scores.values() if v) / len(scores)
        print(f"{stem}: {len(reference)} items, reference {rate:.2f}, hark {ours:.2f}, {len(disagree)} disagree")
        for r in disagree[:20]:
            print(f"  id {r['id']} {r['instruction_id_list']} reference {r['follow_all_instructions']} hark {scores.get(str(r['id']))}: {r['response'][:120]!r}")
        failures += len(disagree)
    shutil.rmtree(work)
    return 1 if failures else 0


if __name__ == "__main__":
    arguments = sys.argv[1:] + [".build/debug/hark", "DeSTA-ntu--DeSTA2-8B-beta"][len(sys.argv) - 2:]
    sys.exit(main(*arguments[:3]))
