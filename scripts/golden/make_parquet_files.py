#!/usr/bin/env python3
"""Parquet files written by pyarrow and by Hugging Face `datasets`, each beside the JSON of its rows,
for HarkParquetTests and the `hark import hf` tests. Run once in a venv; the output is committed:

    python3 -m venv /tmp/pq && /tmp/pq/bin/pip install pyarrow==21.0.0 datasets==3.6.0
    /tmp/pq/bin/python scripts/golden/make_parquet_files.py Tests/HarkParquetTests/Golden

Every grid file and `row-groups` reads back as grid.json, `hf-audio` as hf-audio.json: the rows as pyarrow reads them, bytes written as
{"$bytes": HEX}. The grid is every compression (none, snappy, gzip, zstd) x data page version (1, 2) x
encoding (dictionary, plain, delta/byte-stream-split/RLE), over one table that holds every physical
type, nulls, empty lists, null list elements, lists of structs and lists of lists. `row-groups` has
several row groups and pages; `hf-audio` is written by `datasets` with an Audio, a Sequence and a
ClassLabel feature; `hub-mmau/` is a sharded hub folder in the layout of lmms-lab-audio/mmau (choices
as a JSON string), and `release-mmau/` the same items as the JSON release (mmau-test-mini.json).
(datasets 3.6 writes Audio from bytes without torchcodec, which 4.x needs; the layout is the same.)
"""
import io
import json
import math
import os
import sys
import wave

import pyarrow as pa
import pyarrow.parquet as pq

OUT = sys.argv[1]
ROWS = 40


def plain(value):
    """A value as the JSON the tests compare with."""
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def table():
    rows = range(ROWS)
    strings = ["dog", "cat", "", "naïve ✓", "a" * 40]
    return pa.table({
        "flag": pa.array([None if i % 7 == 3 else i % 3 == 0 for i in rows], pa.bool_()),
        "small": pa.array([None if i % 5 == 1 else (i * 37) % 200 - 100 for i in rows], pa.int32()),
        "big": pa.array([(i - 20) * 10**12 + i for i in rows], pa.int64()),
        "unsigned": pa.array([i * 100_000_000 for i in rows], pa.uint32()),
        "single": pa.array([None if i % 9 == 4 else i * 0.1 for i in rows], pa.float32()),
        "real": pa.array([math.sqrt(i) - 3 for i in rows], pa.float64()),
        "text": pa.array([None if i % 6 == 5 else strings[i % 5] + str(i % 4) for i in rows], pa.string()),
        "blob": pa.array([bytes(range(i % 11)) * (i % 3) for i in rows], pa.binary()),
        "fixed": pa.array([bytes([i, 255 - i, i % 2, 7]) for i in rows], pa.binary(4)),
        "choices": pa.array(
            [None if i % 8 == 7 else [] if i % 8 == 6 else [None if (i + j) % 5 == 4 else f"c{i}-{j}" for j in range(i % 4 + 1)]
             for i in rows], pa.list_(pa.string())),
        "nested": pa.array(
            [None if i % 10 == 9 else {"a": i, "b": [{"x": f"x{j}", "y": j / 4} for j in range(i % 3)]} for i in rows],
            pa.struct([("a", pa.int64()), ("b", pa.list_(pa.struct([("x", pa.string()), ("y", pa.float64())])))])),
        "matrix": pa.array([[[i, j] for j in range(i % 3)] if i % 4 else [[], None] for i in rows],
                           pa.list_(pa.list_(pa.int32()))),
    })


def write(name, data, expected="grid", **options):
    """Writes NAME.parquet; its rows, as pyarrow reads them, must be EXPECTED.json's."""
    path = os.path.join(OUT, name + ".parquet")
    pq.write_table(data, path, **options)
    rows = json.dumps(plain(pq.read_table(path).to_pylist()), ensure_ascii=False, indent=0)
    expected_path = os.path.join(OUT, expected + ".json")
    if os.path.exists(expected_path):
        with open(expected_path) as existing:
            assert existing.read() == rows, f"{name} reads back differently from {expected}.json"
    else:
        with open(expected_path, "w") as out:
            out.write(rows)


def wav(seed, frames=400):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"".join(int(8000 * math.sin(seed + k / 9)).to_bytes(2, "little", signed=True) for k in range(frames)))
    return buffer.getvalue()


def grid():
    data = table()
    delta = {"small": "DELTA_BINARY_PACKED", "big": "DELTA_BINARY_PACKED", "unsigned": "DELTA_BINARY_PACKED",
             "text": "DELTA_LENGTH_BYTE_ARRAY", "blob": "DELTA_BYTE_ARRAY", "fixed": "DELTA_BYTE_ARRAY",
             "single": "BYTE_STREAM_SPLIT", "real": "BYTE_STREAM_SPLIT", "flag": "RLE",
             "choices.list.element": "DELTA_LENGTH_BYTE_ARRAY", "nested.a": "DELTA_BINARY_PACKED",
             "nested.b.list.element.y": "BYTE_STREAM_SPLIT", "matrix.list.element.list.element": "DELTA_BINARY_PACKED"}
    for codec in ["none", "snappy", "gzip", "zstd"]:
        for version in ["1.0", "2.0"]:
            common = {"compression": codec, "data_page_version": version}
            write(f"grid-dictionary-{codec}-v{version[0]}", data, use_dictionary=True, **common)
            write(f"grid-plain-{codec}-v{version[0]}", data, use_dictionary=False, **common)
            write(f"grid-delta-{codec}-v{version[0]}", data, use_dictionary=False, column_encoding=delta, **common)
    # Several row groups, each of several small pages.
    write("row-groups", data, row_group_size=7, data_page_size=64, write_batch_size=3, compression="snappy")


def variants():
    """Layouts other writers and options give: required fields, legacy list naming, large types,
    a dictionary that falls back to plain mid-chunk, narrow and wide integers, dates and timestamps
    (read as their stored integers), maps (read as lists of {key, value}), empty tables."""
    import datetime
    rows = range(30)
    required = pa.schema([
        pa.field("id", pa.int64(), nullable=False), pa.field("name", pa.string(), nullable=False),
        pa.field("tags", pa.list_(pa.field("element", pa.string(), nullable=False)), nullable=False),
        pa.field("point", pa.struct([pa.field("x", pa.float64(), nullable=False)]), nullable=False),
    ])
    data = pa.table({"id": list(rows), "name": [f"n{i}" for i in rows], "tags": [[f"t{j}" for j in range(i % 3)] for i in rows],
                     "point": [{"x": i / 2} for i in rows]}, schema=required)
    write("variants-required", data, expected="variants-required", compression="zstd")
    legacy = pa.table({"values": [[i, None, i + 1] if i % 4 else None for i in rows],
                       "nested": [[[f"{i}"], []] for i in rows]},
                      schema=pa.schema([("values", pa.list_(pa.int32())), ("nested", pa.list_(pa.list_(pa.string())))]))
    write("variants-legacy-lists", legacy, expected="variants-legacy-lists", use_compliant_nested_type=False)
    large = pa.table({"text": pa.array([f"long {i}" * (i % 3) for i in rows], pa.large_string()),
                      "blob": pa.array([bytes([i]) * i for i in rows], pa.large_binary()),
                      "items": pa.array([[f"x{i}"] * (i % 2) for i in rows], pa.large_list(pa.string()))})
    write("variants-large", large, expected="variants-large", data_page_version="2.0", compression="gzip")
    fallback = pa.table({"word": [f"word-{i % 7}-" + "z" * (i * 13 % 50) for i in range(2000)]})
    write("variants-dictionary-fallback", fallback, expected="variants-dictionary-fallback", dictionary_pagesize_limit=256,
          data_page_size=512, compression="snappy")
    numbers = pa.table({
        "i8": pa.array([(-1) ** i * i for i in rows], pa.int8()), "u8": pa.array([250 - i for i in rows], pa.uint8()),
        "i16": pa.array([-30000 + i for i in rows], pa.int16()), "u16": pa.array([65000 + i for i in rows], pa.uint16()),
        "u64": pa.array([2**63 + i * 2**40 if i % 2 else i for i in rows], pa.uint64()),
        "day": pa.array([datetime.date(2020, 1, 1) + datetime.timedelta(days=i) for i in rows], pa.date32()),
        "at": pa.array([1_600_000_000_000_000 + i for i in rows], pa.timestamp("us")),
        "nothing": pa.array([None] * 30, pa.string()),
        "score": pa.array([{"a": i, "b": None} for i in rows], pa.map_(pa.string(), pa.int32())),
    })
    path = os.path.join(OUT, "variants-types.parquet")
    pq.write_table(numbers, path)
    read = pq.read_table(path)
    converted = []
    for row in read.to_pylist():
        row["day"] = (row["day"] - datetime.date(1970, 1, 1)).days
        row["at"] = read.column("at").type and int((row["at"] - datetime.datetime(1970, 1, 1)).total_seconds() * 1e6)
        row["score"] = [{"key": key, "value": value} for key, value in row["score"]]
        converted.append(row)
    with open(os.path.join(OUT, "variants-types.json"), "w") as out:
        out.write(json.dumps(plain(converted), indent=0))
    write("variants-empty", pa.table({"a": pa.array([], pa.int32()), "b": pa.array([], pa.list_(pa.string()))}),
          expected="variants-empty")


def hugging_face():
    import datasets

    features = datasets.Features({
        "audio": datasets.Audio(sampling_rate=16000),
        "question": datasets.Value("string"),
        "options": datasets.Sequence(datasets.Value("string")),
        "label": datasets.ClassLabel(names=["no", "yes"]),
        "score": datasets.Value("float32"),
    })
    rows = {
        "audio": [{"bytes": wav(i), "path": f"clip{i}.wav"} for i in range(6)],
        "question": [f"Is there a dog in clip {i}?" for i in range(6)],
        "options": [["yes", "no"] if i % 3 else [] for i in range(6)],
        "label": [i % 2 for i in range(6)],
        "score": [i / 8 for i in range(6)],
    }
    path = os.path.join(OUT, "hf-audio.parquet")
    datasets.Dataset.from_dict(rows, features=features).to_parquet(path)
    with open(os.path.join(OUT, "hf-audio.json"), "w") as out:
        json.dump(plain(pq.read_table(path).to_pylist()), out, indent=0)


def mmau_hub():
    """Ten MMAU-shaped items, as the JSON release and as a sharded hub copy (lmms-lab-audio/mmau)."""
    import datasets

    tasks = ["sound", "music", "speech"]
    items = []
    for i in range(10):
        choices = [f"choice {i}-{k}" for k in range(2 + i % 3)]
        items.append({
            "id": f"mmau-{i:04d}", "audio_id": f"./test-mini-audios/mmau-{i:04d}.wav",
            "question": f"Which sound is heard in clip {i}?", "choices": choices, "answer": choices[i % len(choices)],
            "dataset": "fixture", "task": tasks[i % 3], "split": "test-mini",
            "category": ["Reasoning"] if i % 2 else "Information Extraction",
            "sub-category": f"sub {i % 4}", "difficulty": ["easy", "medium", "hard"][i % 3],
        })
    release = os.path.join(OUT, "release-mmau")
    os.makedirs(os.path.join(release, "test-mini-audios"), exist_ok=True)
    with open(os.path.join(release, "mmau-test-mini.json"), "w") as out:
        json.dump(items, out, indent=4)
    for i, item in enumerate(items):
        with open(os.path.join(release, item["audio_id"]), "wb") as out:
            out.write(wav(100 + i))
    # The hub copy: choices as a JSON string, category as a string, the clip embedded.
    hub = os.path.join(OUT, "hub-mmau", "data")
    os.makedirs(hub, exist_ok=True)
    features = datasets.Features({
        **{key: datasets.Value("string") for key in ["id", "audio_id", "question", "choices", "answer", "dataset",
                                                      "task", "split", "category", "sub-category", "difficulty"]},
        "audio": datasets.Audio(sampling_rate=16000),
    })
    for shard, part in enumerate([items[:6], items[6:]]):
        rows = {key: [str(item[key]) if key == "category" and isinstance(item[key], list) else
                      json.dumps(item[key]) if key == "choices" else item[key] for item in part]
                for key in features if key != "audio"}
        rows["category"] = [", ".join(item["category"]) if isinstance(item["category"], list) else item["category"]
                            for item in part]
        rows["audio"] = [{"bytes": wav(100 + items.index(item)), "path": os.path.basename(item["audio_id"])}
                         for item in part]
        path = os.path.join(hub, f"test_mini-{shard:05d}-of-00002.parquet")
        datasets.Dataset.from_dict(rows, features=features).to_parquet(path)


def voicebench_and_mmar_hub():
    """Hub copies in the layouts the official loaders read: VoiceBench (hlt-lab/voicebench: `audio`,
    `prompt`, `reference`; ifeval's `key`, `instruction_id_list`, `kwargs` as a list of structs with
    every argument, nulls for the absent) and lmms-eval's MMAR mirror (choices lettered "A. …", the
    answer a letter). The fourth mmsu row repeats the third's clip, which must be written once."""
    import datasets

    root = os.path.join(OUT, "hub-voicebench")
    audio = datasets.Audio(sampling_rate=16000)
    mmsu = {"audio": [{"bytes": wav(200 + i % 3), "path": f"mmsu_{i}.wav"} for i in range(4)],
            "prompt": [f"Question {i}: which is right? A. one B. two C. three D. four" for i in range(4)],
            "reference": ["A", "c", "D", "B"], "question_id": [f"bio-{i}" for i in range(4)]}
    os.makedirs(os.path.join(root, "mmsu"), exist_ok=True)
    datasets.Dataset.from_dict(mmsu, features=datasets.Features({
        "audio": audio, "prompt": datasets.Value("string"), "reference": datasets.Value("string"),
        "question_id": datasets.Value("string")})).to_parquet(os.path.join(root, "mmsu", "biology-00000-of-00001.parquet"))
    sdqa = {"audio": [{"bytes": wav(300 + i), "path": f"sdqa_{i}.wav"} for i in range(3)],
            "prompt": ["Who wrote Hamlet?", "What is the capital of France?", "How many legs has a spider?"],
            "reference": ["William Shakespeare", "Paris", "eight"]}
    os.makedirs(os.path.join(root, "sd-qa"), exist_ok=True)
    datasets.Dataset.from_dict(sdqa, features=datasets.Features({
        "audio": audio, "prompt": datasets.Value("string"), "reference": datasets.Value("string")})).to_parquet(
        os.path.join(root, "sd-qa", "usa-00000-of-00001.parquet"))
    argument_names = ["num_highlights", "relation", "num_words", "keywords"]
    def arguments(**given):
        return {name: given.get(name) for name in argument_names}
    ifeval = {"audio": [{"bytes": wav(400 + i), "path": f"ifeval_{i}.wav"} for i in range(2)],
              "prompt": ["Write about owls. Highlight at least 2 sections.", "Describe rain in fewer than 40 words, mention clouds."],
              "key": [1001, 1002],
              "instruction_id_list": [["detectable_format:number_highlighted_sections"],
                                      ["length_constraints:number_words", "keywords:existence"]],
              "kwargs": [[arguments(num_highlights=2)], [arguments(relation="less than", num_words=40), arguments(keywords=["clouds"])]]}
    os.makedirs(os.path.join(root, "ifeval"), exist_ok=True)
    argument_features = {"num_highlights": datasets.Value("int64"), "relation": datasets.Value("string"),
                         "num_words": datasets.Value("int64"), "keywords": datasets.Sequence(datasets.Value("string"))}
    datasets.Dataset.from_dict(ifeval, features=datasets.Features({
        "audio": audio, "prompt": datasets.Value("string"), "key": datasets.Value("int64"),
        "instruction_id_list": datasets.Sequence(datasets.Value("string")),
        "kwargs": [argument_features]})).to_parquet(os.path.join(root, "ifeval", "test-00000-of-00001.parquet"))

    mmar = os.path.join(OUT, "hub-mmar", "data")
    os.makedirs(mmar, exist_ok=True)
    rows = {"id": [f"mmar-{i}" for i in range(4)], "audio": [{"bytes": wav(500 + i), "path": f"mmar_{i}.wav"} for i in range(4)],
            "question": [f"What happens in clip {i}?" for i in range(4)],
            "choices": [[f"{letter}. event {i}-{k}" for k, letter in enumerate("ABCD"[: 2 + i % 3])] for i in range(4)],
            "answer": ["B", "A", "C", "B"], "modality": ["sound", "speech", "music", "mix-sound-speech"],
            "category": ["Signal Layer", "Semantic Layer", "Perception Layer", "Cultural Layer"],
            "thinking": [f"reasoning {i}" for i in range(4)]}
    datasets.Dataset.from_dict(rows, features=datasets.Features({
        "id": datasets.Value("string"), "audio": audio, "question": datasets.Value("string"),
        "choices": datasets.Sequence(datasets.Value("string")), "answer": datasets.Value("string"),
        "modality": datasets.Value("string"), "category": datasets.Value("string"),
        "thinking": datasets.Value("string")})).to_parquet(os.path.join(mmar, "test-00000-of-00001.parquet"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    grid()
    variants()
    hugging_face()
    mmau_hub()
    voicebench_and_mmar_hub()
