#!/usr/bin/env python3
"""Fixtures in the published layouts of AHa-Bench, HalluAudio and CMM, answers to them, and the
figures the official scorers compute from those answers, for hark's compat modes.

Made here, seeded (no benchmark data): AHa-Bench's Parquet (`audio, question_id, type, question,
answer, answer_details, text, label`, several questions per clip, `inferred sound` clips with
four questions a clip, so that the indexes eval_metric.py skips exist, ASR rows), HalluAudio's Parquet
(`audio, prompt, reference, subset`, binary and other rows) and a CMM file of JSON lines under a
.json name (as evaluation/final_output.json is), audio and visual rows. Each gets answers of a
vocabulary that holds the rules' quirks ("eyes", "unknown", "I don't know", "yesno", "是的").

The official scripts are then run unmodified on those answers — AHa-Bench's eval_metric.py (its
file list set to two runs' answers, which it averages, prediction_match = the answer), HalluAudio's accuracy_classify.py
(its folder set) and, on the other rows, accuracy_else.py, yesno_bias_test.py's evaluate_file and
refuse_to_answer.py, CMM's calculate_score.py (in a folder holding output.json) — and their figures
written to expected.json:

    git --git-dir=/work/.mirror/AHa-Bench+AHa-Bench/repo show HEAD:eval_metric.py > /tmp/aha_eval_metric.py
    git --git-dir=/work/.mirror/Feiyuzhao25+halluaudio/repo show HEAD:accuracy_classify.py > /tmp/halluaudio_classify.py
    git --git-dir=/work/.mirror/DAMO-NLP-SG+CMM/repo show HEAD:evaluation/calculate_score.py > /tmp/cmm_score.py
    for script in accuracy_else yesno_bias_test refuse_to_answer; do
        git --git-dir=/work/.mirror/Feiyuzhao25+halluaudio/repo show HEAD:$script.py > /tmp/halluaudio_$script.py
    done
    pip install datasets==3.6.0 pyarrow jiwer soundfile
    cd scripts/golden && python3 make_hallucination_benchmarks.py /tmp/aha_eval_metric.py /tmp/halluaudio_classify.py \\
        /tmp/cmm_score.py /tmp/halluaudio_accuracy_else.py /tmp/halluaudio_yesno_bias_test.py \\
        /tmp/halluaudio_refuse_to_answer.py ../../Tests/Fixtures/hallucination-benchmarks

Checked with AHa-Bench 58657da, halluaudio's first commit and CMM's, Python 3.11.
"""
import contextlib
import io
import json
import os
import random
import sys
import tempfile

import datasets

from stand_in_clips import distinct_wav

RESPONSES = [
    "Yes.", "Yes, there is.", "yes", " YES! ", "No.", "No, I don't hear it.", "no", "NO", "Not sure.",
    "I don't know.", "Unknown", "eyes closed", "The sound is absent.", "I hear nothing like that.",
    "Possibly.", "yesno", "noyes", "Yes, I know.", "是的", "否", "It is not there.", "None.", "Nope",
    "Definitely", "", "Absolutely yes", "nothing", "I cannot tell.",
]

ASR_TRANSCRIPTS = [
    "the quick brown fox jumps over the lazy dog", "A cat sat on the mat", "今天天气很好", "hello world",
    "one two three four five six seven eight nine ten eleven", "我们明天见",
]


def asr_answer(rng, transcript):
    """The transcript as a model might give it: exact, recased, spaced, with a word changed or lost."""
    words = transcript.split()
    changes = [
        lambda: transcript, lambda: transcript.upper(), lambda: "  " + transcript + " ", lambda: "  ".join(words),
        lambda: "\t".join(words), lambda: " ".join(words[:-1]), lambda: " ".join(words + ["um"]),
        lambda: " ".join(["the"] + words[1:]), lambda: "", lambda: transcript.replace(" ", ""),
        lambda: "Transcript: " + transcript,
    ]
    return rng.choice(changes)()


AHA_TYPES = ["inferred sound", "duration", "homophone_en-en", "knowledge_zh", "polysemy_en"]


def audio(seed):
    return {"bytes": distinct_wav(seed), "path": f"clip{seed}.wav"}


def aha_bench(rng, root):
    rows = []
    seed = 0
    for type_name in AHA_TYPES:
        clips = 12 if type_name == "inferred sound" else rng.randint(4, 8)
        for clip in range(clips):
            seed += 1
            questions = 4 if type_name == "inferred sound" else rng.randint(1, 3)
            for question in range(questions):
                answer = rng.choice(["Yes", "No", "yes", "No."] if "zh" not in type_name else ["是", "否"])
                rows.append({"audio": audio(seed), "question_id": f"q{len(rows)}", "type": type_name,
                             "question": f"Is there sound {question} in clip {seed}?", "answer": answer,
                             "answer_details": "details", "text": f"text {seed}", "label": "label"})
    for clip in range(30):
        seed += 1
        type_name = "asr_zh" if clip % 3 == 0 else "asr_en"
        for question in range(1 + clip % 2):
            transcript = ASR_TRANSCRIPTS[(clip + question) % len(ASR_TRANSCRIPTS)]
            rows.append({"audio": audio(seed), "question_id": f"q{len(rows)}", "type": type_name,
                         "question": "Transcribe the audio.", "answer": transcript, "answer_details": "",
                         "text": transcript, "label": ""})
    rng.shuffle(rows)
    features = datasets.Features({"audio": datasets.Audio(sampling_rate=16000), **{
        key: datasets.Value("string") for key in ["question_id", "type", "question", "answer", "answer_details", "text", "label"]}})
    path = os.path.join(root, "aha-bench.parquet")
    datasets.Dataset.from_dict({key: [row[key] for row in rows] for key in features}, features=features).to_parquet(path)
    return rows


def aha_indexes(rows):
    """process_parquet.py's index of each row, in row order."""
    type_ids = {"inferred sound": 40, "duration": 20, "homophone_en-en": 80, "knowledge_zh": 140,
                "polysemy_en": 170, "asr_zh": 210, "asr_en": 220}
    clips, counts, indexes = {}, {}, []
    for row in rows:
        known = clips.setdefault(row["type"], {})
        key = row["audio"]["bytes"]
        if key not in known:
            known[key] = len(known)
            counts[(row["type"], known[key])] = 0
        counts[(row["type"], known[key])] += 1
        indexes.append(f"{type_ids[row['type']]}_{known[key]}_{counts[(row['type'], known[key])]}")
    return indexes


def run_aha(script, rows, rng, work, runs=2, asr=False):
    """eval_metric.py over `runs` answer files (its repeated runs, averaged), as hark's `--repeats`:
    of the yes/no rows (hark's `ahabench` suite), or with `asr` of all rows, for the figures of type
    `asr` (hark's `ahabench-asr` suite; the script divides by zero on ASR rows alone)."""
    indexes = aha_indexes(rows)
    suite = "aha-bench-asr" if asr else "aha-bench"
    answers = []
    for run in range(runs):
        with open(os.path.join(work, f"run{run}_{run}.jsonl"), "w", encoding="utf-8") as f:
            for row, index in zip(rows, indexes):
                is_asr = row["type"].startswith("asr")
                if is_asr and not asr:
                    continue
                response = asr_answer(rng, row["answer"]) if is_asr else rng.choice(RESPONSES)
                if index not in ("40_10_3", "40_10_4") and is_asr == asr:
                    key = f"{suite}/{index}#q" + (f"@r{run}" if run else "")
                    answers.append({"key": key, "response": response})
                f.write(json.dumps({"index": index, "type": row["type"], "question": row["question"],
                                    "answer": row["answer"], "prediction": response, "prediction_match": response},
                                   ensure_ascii=False) + "\n")
    source = open(script, encoding="utf-8").read()
    source = source.replace("base_prefix_list = [\n    # (base_path, file_prefix)\n]",
                            f"base_prefix_list = [({work!r}, 'run')]").replace("num_files = 8", f"num_files = {runs}")
    assert f"({work!r}, 'run')" in source and f"num_files = {runs}" in source
    namespace = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(work)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source, script, "exec"), namespace)
    os.chdir(cwd)
    result = namespace["all_results"][0]
    return answers, {key: result[key] for key in ["acc", "bias", "cons_true", "cons_wrong"]}


OPEN_RESPONSES = [
    "I cannot hear the audio.", "Sorry, I can't tell.", "As a language model, I cannot process audio.",
    "I'm not able to determine that.", "There is no audio provided.", "There are 3 words.", "three words",
    "It has twelve words.", "The first one is louder.", "The second.", "first and second are equal",
    "The FIRST clip.", "Someone plays one tone.", "I hear 1 tonic.", "Two tonics, often.", "seventeen notes",
    "The tone is high.", "", "I do not have access to the recording.", "No recording provided, sorry.",
    "5", "It says: five", "I am unable to answer.", "Unable to hear the audio clearly.",
]

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
# Answers near each subset's reference, as many as the shared ones, so that every rule is right sometimes.
SUBSET_RESPONSES = {
    "commonvoice_word_count": lambda r: [f"{r} words"] * 8 + [f"I count {WORDS[int(r)]} words."] * 8 + [f"{r}0 words"] * 8,
    "speech_commands_comparsion_loudness": lambda r: ["The first.", "the second one", "first, then second"] * 8,
    "speech_commands_comparsion_speed": lambda r: ["The first.", "the second one", "first, then second"] * 8,
    "tonic_count": lambda r: ["1", "one tonic", "2 tonics", "none", "there is a single tone"] * 5,
}

OPEN_SUBSETS = [
    ("commonvoice_invalid_gender", lambda i: "None"), ("invalid_noise", lambda i: "None"),
    ("commonvoice_word_count", lambda i: str(3 + i % 10)),
    ("speech_commands_comparsion_loudness", lambda i: ["the first", "second"][i % 2]),
    ("speech_commands_comparsion_speed", lambda i: ["first", "The second"][i % 2]),
    ("tonic_count", lambda i: "1"), ("stroke_count", lambda i: str(i % 4)),
]


def halluaudio(rng, root):
    rows = []
    for index in range(160):
        subset = rng.choice(["fsd50_two_classification", "music_two_classification"])
        rows.append({"audio": audio(1000 + index), "prompt": f"Is there a sound {index}? Answer yes or no.",
                     "reference": rng.choice(["Yes", "No", "yes", "no"]), "subset": subset})
    for subset, reference in OPEN_SUBSETS:
        for index in range(24):
            rows.append({"audio": audio(2000 + len(rows)), "prompt": f"{subset} question {index}?",
                         "reference": reference(index), "subset": subset})
    features = datasets.Features({"audio": datasets.Audio(sampling_rate=16000), "prompt": datasets.Value("string"),
                                  "reference": datasets.Value("string"), "subset": datasets.Value("string")})
    datasets.Dataset.from_dict({key: [row[key] for row in rows] for key in features}, features=features).to_parquet(
        os.path.join(root, "halluaudio.parquet"))
    return rows


def run_halluaudio(script, rows, rng, work):
    answers = []
    with open(os.path.join(work, "binary.jsonl"), "w", encoding="utf-8") as f:
        for index, row in enumerate(rows):
            if row["reference"].strip().lower() not in ("yes", "no"):
                continue
            response = rng.choice(RESPONSES)
            answers.append({"item_id": f"halluaudio-{index}", "response": response})
            f.write(json.dumps({"prompt": row["prompt"], "reference": row["reference"], "pred": response,
                                "subset": row["subset"]}, ensure_ascii=False) + "\n")
    source = open(script, encoding="utf-8").read()
    source = source.replace('folder = r"D:\\results\\fsd50\\two_classification"', f"folder = {work!r}")
    assert f"folder = {work!r}" in source
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source, script, "exec"), namespace)
    accuracy, correct, total = namespace["results"]["binary.jsonl"]
    return answers, {"accuracy": accuracy, "correct": correct, "total": total}


def run_halluaudio_open(scripts, rows, rng, work):
    """accuracy_else.py on each subset's answers and all of them; yesno_bias_test.py's evaluate_file
    on tonic_count's; refuse_to_answer.py on the invalid subsets' answers and on the others'."""
    classify_else, bias_test, refusal = scripts
    answers, by_subset = [], {}
    for index, row in enumerate(rows):
        if row["reference"].strip().lower() in ("yes", "no"):
            continue
        response = rng.choice(OPEN_RESPONSES + SUBSET_RESPONSES.get(row["subset"], lambda r: [])(row["reference"]))
        answers.append({"item_id": f"halluaudio-{index}", "response": response})
        by_subset.setdefault(row["subset"], []).append({**row, "audio": None, "pred": response})
    folders = {name: os.path.join(work, name) for name in ("else", "count", "invalid", "valid")}
    for folder in folders.values():
        os.makedirs(folder)
    for subset, lines in by_subset.items():
        with open(os.path.join(folders["else"], subset + ".jsonl"), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        kind = "invalid" if "invalid" in subset else "valid"
        with open(os.path.join(folders[kind], "answers.jsonl"), "a", encoding="utf-8") as f:
            f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    with open(os.path.join(folders["else"], "all.jsonl"), "w", encoding="utf-8") as f:
        for lines in by_subset.values():
            f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    with open(os.path.join(folders["count"], "tonic_count.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in by_subset["tonic_count"])

    source = open(classify_else, encoding="utf-8").read()
    source = source.replace('folder = r"D:\\results\\audiohallu\\else"', f"folder = {folders['else']!r}")
    assert f"folder = {folders['else']!r}" in source
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source, classify_else, "exec"), namespace)
    accuracy = {name[:-6]: value[0] for name, value in namespace["results"].items()}

    # yesno_bias_test.py runs its own loop over `root` on import: pointed at an empty folder, then
    # evaluate_file is called on tonic_count's answers (its stroke_count branch reads a label never set).
    source = open(bias_test, encoding="utf-8").read().replace('root = r"D:\\results\\music"', f"root = {folders['valid']!r}")
    assert f"root = {folders['valid']!r}" in source
    namespace = {"__name__": "__main__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(source, bias_test, "exec"), namespace)
        counting = namespace["evaluate_file"](os.path.join(folders["count"], "tonic_count.jsonl"))["tonic_count"]

    namespace = {"__name__": "refusal"}
    exec(compile(open(refusal, encoding="utf-8").read(), refusal, "exec"), namespace)
    refusals = {}
    for kind in ("invalid", "valid"):
        result = namespace["analyze_refusal_in_dir"]([folders[kind]])[0]
        refusals[kind] = result["refusal"] / result["total"]
    return answers, {"accuracy": accuracy, "tonic_count": counting, "refusal_rate": refusals["invalid"],
                     "false_refusal_rate": refusals["valid"]}


def cmm(rng, root):
    rows = []
    for clip in range(90):
        sub_category = rng.choice(["audio-language", "audio_dominance"])
        granularity = "event-level"
        for answer, event in (("yes", f"event {clip}"), ("no", f"other {clip}")):
            rows.append({"category": "inter-modality_spurious_correlation", "sub_category": sub_category,
                         "modality": "audio", "granularity": granularity, "correlation_type": "co-occurrence",
                         "video_path": None, "audio_path": f"./raw_files/audio/{clip}.wav",
                         "question": f"Did you hear {event} in the audio? Answer with yes or no.", "answer": answer})
    for clip in range(5):
        rows.append({"category": "inter-modality_spurious_correlation", "sub_category": "visual-language",
                     "modality": "visual", "granularity": "object-level", "correlation_type": "global_frequency",
                     "video_path": f"./raw_files/video/{clip}.mp4", "audio_path": None,
                     "question": "Did you see a tree in the video? Answer with yes or no.", "answer": "no"})
    with open(os.path.join(root, "cmm.json"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return rows


def run_cmm(script, rows, rng, work):
    answers = []
    with open(os.path.join(work, "output.json"), "w", encoding="utf-8") as f:
        for line, row in enumerate(rows, start=1):
            if row["modality"] != "audio":
                continue
            response = rng.choice(RESPONSES)
            answers.append({"item_id": f"cmm-{line}", "response": response})
            f.write(json.dumps({**row, "pred": response}, ensure_ascii=False) + "\n")
    # The audio rows only: the figures hark's suite (the audio part) must give.
    namespace = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(work)
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(open(script, encoding="utf-8").read(), script, "exec"), namespace)
    os.chdir(cwd)
    by_sub = {}
    for name, counts in namespace["sub_category_dict"].items():
        by_sub[name] = {"perception_accuracy": counts["correct_yes"] / counts["total_yes_in_answer"],
                        "hallucination_resistance": counts["correct_no"] / counts["total_no_in_answer"],
                        "accuracy": counts["correct"] / counts["total"]}
    return answers, {"accuracy": namespace["overall_accuracy"],
                     "perception_accuracy": namespace["overall_perception_accuracy"],
                     "hallucination_resistance": namespace["overall_hallucination_severity"],
                     "sub_category": by_sub}


def write_answers(path, answers):
    with open(path, "w", encoding="utf-8") as f:
        for answer in answers:
            f.write(json.dumps(answer, ensure_ascii=False) + "\n")


def main(aha_script, halluaudio_script, cmm_script, else_script, bias_script, refusal_script, root):
    rng = random.Random(20261202)
    os.makedirs(root, exist_ok=True)
    expected = {}
    rows = aha_bench(rng, root)
    with tempfile.TemporaryDirectory() as work:
        answers, expected["ahabench"] = run_aha(aha_script, rows, rng, work)
        write_answers(os.path.join(root, "aha-bench-answers.jsonl"), answers)
    with tempfile.TemporaryDirectory() as work:
        answers, expected["ahabench_asr"] = run_aha(aha_script, rows, rng, work, asr=True)
        write_answers(os.path.join(root, "aha-bench-asr-answers.jsonl"), answers)
    with tempfile.TemporaryDirectory() as work:
        rows = halluaudio(rng, root)
        answers, expected["halluaudio"] = run_halluaudio(halluaudio_script, rows, rng, work)
        write_answers(os.path.join(root, "halluaudio-answers.jsonl"), answers)
        answers, expected["halluaudio_open"] = run_halluaudio_open(
            (else_script, bias_script, refusal_script), rows, rng, work)
        write_answers(os.path.join(root, "halluaudio-open-answers.jsonl"), answers)
    with tempfile.TemporaryDirectory() as work:
        rows = cmm(rng, root)
        answers, expected["cmm"] = run_cmm(cmm_script, rows, rng, work)
        write_answers(os.path.join(root, "cmm-answers.jsonl"), answers)
    with open(os.path.join(root, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main(*sys.argv[1:8])
