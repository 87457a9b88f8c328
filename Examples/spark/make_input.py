#!/usr/bin/env python3
"""Splits a JSON Lines corpus into several input files and plants bad lines in them.

usage: python3 Examples/spark/make_input.py CORPUS.jsonl OUT_DIR MANIFEST.json [--files 4]

CORPUS.jsonl is the output of Benchmarks/make_corpus.py (deterministic). The records are cut
into FILES contiguous files OUT_DIR/news-NN.jsonl, and a fixed set of bad lines is planted at
fixed places, so that every run of the example sees the same bytes:

- the very first line of the first file is plain text, not JSON: the partition that starts
  with it must still be read as JSON Lines (`pipe run --input jsonl`; with the default
  `--input auto` a stream that does not start with `{` is read as ONE text document);
- truncated JSON, a record without a "text" field, a record whose "text" is not a string and a
  JSON array, spread over the other files;
- a blank and a whitespace-only line (not records: pipe skips them, and so do the checks);
- the last file ends without a final newline.

MANIFEST.json lists what was planted ("planted": file, line, id or null, why) and the number
of records (non-blank lines) written, for the checks in pipe_on_spark.py.
"""
import argparse
import json
import os

# (file index, where: "first" / "middle" / "last", bytes of the line, id the error record
# carries or None, why it is bad)
PLANTED = [
    (0, "first", "this line is not JSON at all", None, "plain text"),
    (1, "middle", '{"id": "planted-no-text", "url": "https://example.org/planted/1", "title": "No body"}',
     "planted-no-text", "no text field"),
    (2, "middle", '{"id": "planted-text-not-string", "text": ["not", "a", "string"]}',
     "planted-text-not-string", "text is not a string"),
    (2, "last", "[1, 2, 3]", None, "a JSON array, not an object"),
    (3, "middle", '{"id": "planted-truncated", "text": "The minister said the talks were', None, "truncated JSON"),
]
BLANK = ["", "   \t "]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out_dir")
    ap.add_argument("manifest")
    ap.add_argument("--files", type=int, default=4)
    args = ap.parse_args()
    if args.files < 4:
        ap.error("--files must be at least 4 (the planted lines use files 0 to 3)")

    with open(args.corpus, "rb") as f:
        records = [line for line in f.read().split(b"\n") if line.strip()]
    if len(records) < 4 * args.files:
        ap.error(f"{args.corpus} has only {len(records)} records")

    os.makedirs(args.out_dir, exist_ok=True)
    per_file = -(-len(records) // args.files)
    planted = []
    total = 0
    for index in range(args.files):
        lines = [r.decode("utf-8") for r in records[index * per_file:(index + 1) * per_file]]
        for file_index, where, line, record_id, why in PLANTED:
            if file_index != index:
                continue
            at = {"first": 0, "middle": len(lines) // 2, "last": len(lines)}[where]
            lines.insert(at, line)
        if index == 1:
            # Blank lines in the middle of a file: skipped, never records.
            middle = len(lines) // 3
            lines[middle:middle] = BLANK
        name = f"news-{index:02d}.jsonl"
        for number, line in enumerate(lines, start=1):
            for _, _, bad_line, bad_id, bad_why in PLANTED:
                if line == bad_line:
                    planted.append({"file": name, "line": number, "id": bad_id, "why": bad_why})
        total += sum(1 for line in lines if line.strip(" \t"))
        text = "\n".join(lines)
        if index < args.files - 1:
            text += "\n"  # the last file has no final newline
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)

    manifest = {"files": args.files, "records": total, "blank_lines": len(BLANK), "planted": planted}
    with open(args.manifest, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"{args.out_dir}: {args.files} files, {total} records ({len(planted)} bad lines planted), "
          f"{len(BLANK)} blank lines")


if __name__ == "__main__":
    main()
