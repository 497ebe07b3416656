#!/usr/bin/env python3
"""A worker for hark's tests: answers "Yes"/"No" by key, and misbehaves on request.

--crash-after K --state FILE   exit after K answers, once (FILE records that it crashed)
--garbage                      print a line that is not JSON before answering
--reverse                      answer each pair of requests in reverse order
"""
import argparse
import json
import os
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--crash-after", type=int, default=0)
parser.add_argument("--state")
parser.add_argument("--garbage", action="store_true")
args = parser.parse_args()

if args.garbage:
    print("loading model weights...", flush=True)

answered = 0
crash = args.crash_after > 0 and not (args.state and os.path.exists(args.state))
for line in sys.stdin:
    request = json.loads(line)
    text = "Yes" if sum(map(ord, request["key"])) % 2 else "No"
    print(json.dumps({"id": request["id"], "text": text}), flush=True)
    answered += 1
    if crash and answered >= args.crash_after:
        if args.state:
            open(args.state, "w").close()
        print("simulated crash after %d answers" % answered, file=sys.stderr, flush=True)
        os._exit(1)
