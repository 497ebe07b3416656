#!/usr/bin/env python3
"""The hub presets on the official files: MMAU test-mini and MMAR, each rewritten as the Hugging Face
copy lmms-eval reads (lmms-lab-audio/mmau: choices as a JSON string; ngqtrung/mmar: choices lettered
"A. …", the answer a letter), clips embedded, in two shards. Then `hark import hf --preset` and
`hark import mmau|mmar` of the release must give the same items, clip bytes and all.

    python3 -m venv /tmp/pq && /tmp/pq/bin/pip install pyarrow==21.0.0 datasets==3.6.0
    /tmp/pq/bin/python scripts/golden/check_hub_presets.py MMAU_CHECKOUT MMAR_CHECKOUT [HARK_BINARY]

The checkouts are Sakshi113/MMAU and ddlBoJack/MMAR. Clips (not in either repository) are stood in
for by a distinct tiny WAV each. Prints the items compared per benchmark; exits 1 on any difference.
"""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

import datasets

from stand_in_clips import distinct_wav

LETTERS = "ABCDEFGHIJ"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f) if path.endswith(".json") else [json.loads(line) for line in f if line.strip()]


def hub_row(name, record, audio_field):
    """A release record as the hub copy holds it: MMAU's fields as strings (its `category` is a string
    or a list, which one Arrow column cannot hold), MMAR's as published (lists and structs too)."""
    if name == "mmau":
        row = {key: value if isinstance(value, str) or value is None else ", ".join(map(str, value))
               if isinstance(value, list) else str(value) for key, value in record.items()}
        row["choices"] = json.dumps(record["choices"])
    else:
        row = dict(record)
        row["choices"] = [f"{LETTERS[i]}. {choice}" for i, choice in enumerate(record["choices"])]
        row["answer"] = LETTERS[record["choices"].index(record["answer"])]
        del row[audio_field]  # the mirror holds the clip, not the release's path
    return row


def items(folder):
    with open(os.path.join(folder, "items.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(checkouts, hark):
    work = tempfile.mkdtemp(prefix="hark-hub-presets-")
    failures = 0
    for (name, data_file, audio_field), checkout in zip(
            [("mmau", "mmau-test-mini.json", "audio_id"), ("mmar", "MMAR-meta.jsonl", "audio_path")], checkouts):
        records = load(os.path.join(checkout, data_file))
        release = os.path.join(work, name + "-release")
        clips = {}
        for index, record in enumerate(records):
            path = os.path.normpath(os.path.join(release, record[audio_field]))
            clips.setdefault(path, distinct_wav(index + 1))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(clips[path])
        rows = [hub_row(name, record, audio_field) for record in records]
        for row, record in zip(rows, records):
            path = os.path.normpath(os.path.join(release, record[audio_field]))
            row["audio"] = {"bytes": clips[path], "path": os.path.basename(path)}
        hub = os.path.join(work, name + "-hub", "data")
        os.makedirs(hub)
        half = len(rows) // 2
        for shard, part in enumerate([rows[:half], rows[half:]]):
            columns = {key: [row.get(key) for row in part] for key in part[0]}
            # The other columns' features as datasets infers them; the clip as an Audio feature.
            dataset = datasets.Dataset.from_dict(columns).cast_column("audio", datasets.Audio(sampling_rate=16000))
            dataset.to_parquet(os.path.join(hub, f"test-{shard:05d}-of-00002.parquet"))
        json_suite, hub_suite = os.path.join(work, name + "-json"), os.path.join(work, name + "-hubsuite")
        subprocess.run([hark, "import", name, os.path.join(checkout, data_file), "--audio-root", release, "--out",
                        json_suite], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run([hark, "import", "hf", os.path.dirname(hub), "--preset", name, "--out", hub_suite], check=True,
                       stdout=subprocess.DEVNULL)
        from_json, from_hub = items(json_suite), items(hub_suite)
        differ = 0
        for a, b in zip(from_json, from_hub):
            with open(os.path.join(release, a["audio"]), "rb") as f:
                release_clip = hashlib.sha256(f.read()).hexdigest()
            hub_clip = b["audio"].split(".")[0]
            b = dict(b)
            b["tags"] = {k: v for k, v in b["tags"].items() if k != "source_file"}
            meta = {k: v for k, v in b.get("meta", {}).items() if k != "source_row"}
            b.pop("meta", None)
            if meta:
                b["meta"] = meta
            b["audio"] = a["audio"]
            if a != b or release_clip != hub_clip:
                differ += 1
                if differ <= 5:
                    print(f"{name} {a['id']}: release {json.dumps(a)[:300]}\n    hub {json.dumps(b)[:300]}")
        same_count = len(from_json) == len(from_hub) == len(records)
        print(f"{name}: {len(records)} records; {len(from_json)} items from the release, {len(from_hub)} from the hub "
              f"copy; {differ} differ")
        failures += differ + (0 if same_count else 1)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:3], sys.argv[3] if len(sys.argv) > 3 else ".build/debug/hark"))
