#!/usr/bin/env python3
"""Writes the Parquet file of the reader's speed benchmark and times pyarrow reading it.

    parquet_bench_file.py OUT.parquet CLIPS SECONDS_PER_CLIP

CLIPS rows of {audio: {bytes, path}, id, question, choices, answer} in the layout `datasets` writes
(its `huggingface` metadata, 100 rows per row group as `datasets` writes audio, Snappy), each clip a
16 kHz 16-bit WAV of noise (incompressible, as real audio nearly is). Then prints the median of three
full reads with pyarrow (`pq.read_table`, every column, as Python objects are not made).
"""
import json
import os
import struct
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq

out, clips, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
frames = int(16000 * seconds)


def wav(seed):
    header = b"RIFF" + struct.pack("<I", 36 + 2 * frames) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
    return header + b"data" + struct.pack("<I", 2 * frames) + os.urandom(2 * frames)


features = {"audio": {"sampling_rate": 16000, "_type": "Audio"}, "id": {"dtype": "string", "_type": "Value"},
            "question": {"dtype": "string", "_type": "Value"},
            "choices": {"feature": {"dtype": "string", "_type": "Value"}, "_type": "Sequence"},
            "answer": {"dtype": "string", "_type": "Value"}}
schema = pa.schema([
    ("audio", pa.struct([("bytes", pa.binary()), ("path", pa.string())])), ("id", pa.string()),
    ("question", pa.string()), ("choices", pa.list_(pa.string())), ("answer", pa.string()),
], metadata={"huggingface": json.dumps({"info": {"features": features}})})
if not os.path.exists(out) or pq.ParquetFile(out).metadata.num_rows != clips:
    with pq.ParquetWriter(out, schema, compression="snappy") as writer:
        for start in range(0, clips, 100):
            rows = range(start, min(clips, start + 100))
            writer.write_table(pa.table({
                "audio": [{"bytes": wav(i), "path": f"clip{i}.wav"} for i in rows], "id": [f"item-{i}" for i in rows],
                "question": [f"What is heard in clip {i}?" for i in rows],
                "choices": [["a dog", "a cat", "rain", "speech"] for _ in rows], "answer": ["rain" for _ in rows],
            }, schema=schema))
times = []
for _ in range(3):
    start = time.perf_counter()
    table = pq.read_table(out)
    times.append(time.perf_counter() - start)
    del table
times.sort()
print(f"file: {out}, {os.path.getsize(out) // 1_000_000} MB, {clips} rows")
print(f"pyarrow {pa.__version__} read: median {times[1]:.3f} s ({os.path.getsize(out) / 1e6 / times[1]:.0f} MB/s)")
