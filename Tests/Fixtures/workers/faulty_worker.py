#!/usr/bin/env python3
"""A worker for hark's tests: answers "Yes"/"No" by key, and misbehaves on request.

--crash-after K --state FILE   exit after K answers, once (FILE records that it crashed)
--garbage                      print a line that is not JSON before answering
--silent                       read every request, answer none
--unknown-id                   answer with an id hark never sent
--no-newline                   write the first answer without its final newline, then hang
--close-stdout                 close standard output and hang
--ignore-eof                   keep running after standard input closes
--pid-file FILE                write the worker's process id to FILE
"""
import argparse
import json
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--crash-after", type=int, default=0)
parser.add_argument("--state")
parser.add_argument("--garbage", action="store_true")
parser.add_argument("--silent", action="store_true")
parser.add_argument("--unknown-id", action="store_true")
parser.add_argument("--no-newline", action="store_true")
parser.add_argument("--close-stdout", action="store_true")
parser.add_argument("--ignore-eof", action="store_true")
parser.add_argument("--pid-file")
args = parser.parse_args()
if args.pid_file:
    with open(args.pid_file, "w") as pid_file:
        pid_file.write(str(os.getpid()))


def hang():
    while True:
        time.sleep(60)


if args.garbage:
    print("loading model weights...", flush=True)
if args.close_stdout:
    sys.stdout.close()
    os.close(1)
    hang()

answered = 0
crash = args.crash_after > 0 and not (args.state and os.path.exists(args.state))
for line in sys.stdin:
    request = json.loads(line)
    if args.silent:
        continue
    text = "Yes" if sum(map(ord, request["key"])) % 2 else "No"
    answer_id = "unknown-" + request["id"] if args.unknown_id else request["id"]
    if args.no_newline:
        sys.stdout.write(json.dumps({"id": answer_id, "text": text}))
        sys.stdout.flush()
        hang()
    print(json.dumps({"id": answer_id, "text": text}), flush=True)
    answered += 1
    if crash and answered >= args.crash_after:
        if args.state:
            open(args.state, "w").close()
        print("simulated crash after %d answers" % answered, file=sys.stderr, flush=True)
        os._exit(1)
if args.ignore_eof:
    hang()
