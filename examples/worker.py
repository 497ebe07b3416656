#!/usr/bin/env python3
"""A reference worker for hark's `command` adapter (protocol hark-worker/1), standard library only.

hark starts this program once and writes one JSON request per line to its standard input; the
worker writes one JSON answer per line to its standard output, in any order:

    request: {"protocol": "hark-worker/1", "id": "17", "key": "suite/item#t0", "system": null,
              "prompt": "Is there a sound of dog barking in the audio?",
              "audio": [{"path": "/abs/clip.wav", "sha256": "...", "seconds": 10.0}],
              "generation": {"temperature": 0, "max_tokens": 64}}
    answer:  {"id": "17", "text": "No."}     or     {"id": "17", "error": "out of memory"}

Replace `answer()` with a call to your model. Logs go to standard error, never standard output.
Several requests may be in flight; this worker answers them on a small thread pool.
"""
import json
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

PROTOCOL = "hark-worker/1"
write_lock = threading.Lock()


def answer(request):
    """A stand-in model: says which clips it was given and whether they exist."""
    clips = request.get("audio", [])
    missing = [clip["path"] for clip in clips if not os.path.exists(clip["path"])]
    if missing:
        raise FileNotFoundError("missing clip: " + missing[0])
    return "I was given %d clip(s) and the question: %s" % (len(clips), request["prompt"])


def handle(request):
    reply = {"id": request["id"]}
    try:
        reply["text"] = answer(request)
    except Exception as error:  # report the failure for this request only
        reply["error"] = str(error)
    line = json.dumps(reply, ensure_ascii=True)
    with write_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def main():
    with ThreadPoolExecutor(max_workers=4) as pool:
        for line in sys.stdin:
            if not line.strip():
                continue
            request = json.loads(line)
            if request.get("protocol") != PROTOCOL:
                print("unsupported protocol: %r" % request.get("protocol"), file=sys.stderr)
                sys.exit(2)
            pool.submit(handle, request)


if __name__ == "__main__":
    main()
