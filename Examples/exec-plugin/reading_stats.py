#!/usr/bin/env python3
"""A pipe `exec` plugin: adds reading statistics to each document.

Protocol: pipe writes one JSON object per line on stdin (the whole record, with "text");
the plugin writes exactly one JSON object per line on stdout, in the same order, and flushes.
Return the record with your changes; to fail one document, answer {"error": "why"}.
Anything printed on stderr goes to pipe's stderr.
"""
import json
import re
import sys

WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?…]+(?:\s|$)")


def enrich(record):
    text = record.get("text") or ""
    words = WORD.findall(text)
    sentences = max(1, len(SENTENCE_END.findall(text))) if words else 0
    record["word_count"] = len(words)
    record["sentence_count"] = sentences
    record["reading_minutes"] = round(len(words) / 230, 1)
    return record


def main():
    for line in sys.stdin:
        try:
            answer = enrich(json.loads(line))
        except Exception as error:  # one bad record must not kill the plugin
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
