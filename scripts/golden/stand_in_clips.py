"""Shared by the checks against official benchmark files: stand-ins for clips the repositories do
not ship, and the scores a hark run wrote."""
import json
import os
import struct


def silent_wav(path):
    """A 0.1 s silent 16 kHz WAV at `path`: enough for hark to validate and hash a clip."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    frames = 1600
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 36 + frames * 2) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16))
        f.write(b"data" + struct.pack("<I", frames * 2) + b"\0" * (frames * 2))


def distinct_wav(seed):
    """The bytes of a 0.01 s 16 kHz WAV whose samples are `seed` (mod 2^15): a different clip per seed,
    for checks that clips reach the right items."""
    frames = 160
    data = struct.pack("<h", seed % 32768) * frames
    return (b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
            + b"data" + struct.pack("<I", len(data)) + data)


def scores_by_item(results, run):
    """`correct` of every scored sample of a run, by item id."""
    with open(os.path.join(results, run, "scores.jsonl"), encoding="utf-8") as f:
        return {score["item"]: score["correct"] for score in map(json.loads, f)}
