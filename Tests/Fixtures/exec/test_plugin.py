#!/usr/bin/env python3
"""Test plugin for the exec stage: echoes records, adding "seen_by" = this process's pid.
Text "__crash__" makes it exit mid-stream, "__hang__" makes it hang, "__garbage__" answers non-JSON."""
import json, os, sys, time

for line in sys.stdin:
    record = json.loads(line)
    text = record.get("text", "")
    if "__crash__" in text:
        os._exit(3)
    if "__hang__" in text:
        time.sleep(3600)
    if "__garbage__" in text:
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
        continue
    record["seen_by"] = os.getpid()
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()
