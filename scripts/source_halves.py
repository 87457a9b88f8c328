#!/usr/bin/env python3
"""Source accuracy of `pipe run news` output on the two halves of the dev set.

The dev pages are split by int(sha256(id), 16) % 2. Rules for detect-source are
written from failures in half 0 only; half 1 checks that a rule is general.

usage: source_halves.py PREDICTIONS.jsonl GOLD.jsonl [--wrong 0|1]
"""
import hashlib
import importlib.util
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as handle:
        return {rec["id"]: rec for rec in map(json.loads, handle) if rec.get("id")}


def main():
    args = sys.argv[1:]
    show = None
    if "--wrong" in args:
        at = args.index("--wrong")
        show = int(args[at + 1])
        del args[at : at + 2]
    preds, gold = load(args[0]), load(args[1])
    scorer_path = os.path.join(os.path.dirname(os.path.abspath(args[1])), "score.py")
    spec = importlib.util.spec_from_file_location("score", scorer_path)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    right, total = [0, 0], [0, 0]
    for doc_id, want in gold.items():
        half = int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2
        got = preds.get(doc_id, {}).get("source")
        ok = scorer.same_source(got, want)
        total[half] += 1
        right[half] += ok
        if show == half and not ok:
            evidence = preds.get(doc_id, {}).get("source_evidence")
            print(f"{doc_id}\tgold={want.get('source')!r} ({want.get('domain')})\tgot={got!r}\tev={evidence!r}")
    for half in (0, 1):
        print(f"half{half}: {right[half]}/{total[half]} = {right[half] / max(total[half], 1):.4f}")
    print(f"all: {sum(right)}/{sum(total)} = {sum(right) / max(sum(total), 1):.4f}")


if __name__ == "__main__":
    main()
