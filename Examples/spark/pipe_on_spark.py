#!/usr/bin/env python3
"""Runs `pipe` over JSON Lines files on Apache Spark and checks it against a single process.

usage: python pipe_on_spark.py --pipe /abs/path/to/pipe --input DIR --output DIR --work DIR
                               [--pipeline news] [--master local[2]] [--partitions 8]
                               [--manifest MANIFEST.json] [--ship-pipeline FILE.json5]

What it does:

1. Reference: one `pipe run PIPELINE --input jsonl DIR` process over the input files
   (WORK/reference.jsonl, WORK/reference.errors.jsonl, WORK/reference.stats.json).
2. Spark: `sc.textFile(DIR)` splits the files into partitions (a partition can start or end in
   the middle of a file), `rdd.pipe(...)` streams every partition through one `pipe run
   PIPELINE --input jsonl --errors -` process, and `saveAsTextFile(OUTPUT)` writes what comes
   back: the output records and, inline, the error records.
3. With --ship-pipeline, the same job again the way it runs on a real cluster: the binary and
   the pipeline file travel with the job (`sc.addFile`), and each partition's command finds
   them in the executor's working directory (`SparkFiles`), the pipeline through PIPE_PATH.
4. Checks (exit status 1 if any fails): the distributed output equals the reference record for
   record (parsed JSON, order-insensitive, keyed by id); no record is lost (records in =
   output + dropped + errors); the error records are the reference's (same id, message and
   stage; not the same `input`/`line`, see below) and include every planted bad line.

An error record's `input` and `line` say where pipe read the record: under Spark that is the
partition's stdin, so `input` is "-" and `line` counts lines within the partition, not within
the file. Compare error records by `id` (present when the line parsed far enough to have one),
message and stage, never by line number.

Why `--input jsonl`: with the default `--input auto`, a stream whose first non-blank byte is not
`{` is read as ONE text document. A partition that happens to start with a broken line would
then silently become a single document.
"""
import argparse
import collections
import glob
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

# Runs pipe on one partition. rdd.pipe(checkCode=True) fails the task on any non-zero status,
# but pipe exits 1 when some records became error records (they are on stdout, inline): that is
# success here. 2 (usage or pipeline error), a crash or a signal still fails the task, so Spark
# retries it or fails the job instead of losing a partition's records. The first argument is
# the binary; when that path does not exist on this machine (a cluster executor), the file of
# the same name in the working directory is used (where `sc.addFile`/`--files` put it).
PARTITION_SHIM = (
    'b="$1"; shift; [ -x "$b" ] || b="./${b##*/}"; "$b" "$@"; s=$?; '
    'if [ "$s" -gt 1 ]; then echo "pipe-partition: $b exited with status $s" >&2; exit "$s"; fi'
)


def partition_command(binary, pipeline):
    """The command line rdd.pipe runs once per partition (records on stdin, one per line)."""
    return shlex.join([
        "/bin/sh", "-c", PARTITION_SHIM, "pipe-partition", binary,
        "run", pipeline,
        "--input", "jsonl",  # never guess the format from a partition's first line
        "--errors", "-",  # error records inline on stdout, so they come back to Spark
        "--jobs", "1",  # Spark already runs one task per core
        "--no-progress",
    ])


def partition_env(pipe_path=None):
    """rdd.pipe starts the command with exactly this environment (not the executor's)."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    if pipe_path:
        env["PIPE_PATH"] = pipe_path
    elif os.environ.get("PIPE_PATH"):
        env["PIPE_PATH"] = os.environ["PIPE_PATH"]
    return env


def is_error_record(obj):
    """Error records carry `error` and `input` and, unlike documents, no `text`."""
    return "error" in obj and "input" in obj and "text" not in obj


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def read_lines(paths):
    """The lines of files (split on \\n only, like pipe's output), without the newline."""
    lines = []
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        parts = data.split(b"\n")
        if parts and parts[-1] == b"":
            parts.pop()
        lines += [p.decode("utf-8") for p in parts]
    return lines


def count_records(paths):
    """Records in the input files: the non-blank lines (pipe skips blank ones)."""
    return sum(1 for line in read_lines(paths) if line.strip(" \t\r"))


class Parsed:
    """Output lines split into documents and error records."""

    def __init__(self, lines):
        self.documents, self.errors, self.unparsable = [], [], []
        for line in lines:
            try:
                obj = json.loads(line)
            except ValueError:
                self.unparsable.append(line)
                continue
            if not isinstance(obj, dict):
                self.unparsable.append(line)
            elif is_error_record(obj):
                self.errors.append(obj)
            else:
                self.documents.append(obj)

    def documents_by_id(self):
        by_id = collections.defaultdict(list)
        for d in self.documents:
            by_id[canonical(d.get("id"))].append(d)
        return by_id

    def error_keys(self):
        """What identifies an error record whatever the partitioning: id, message, stage."""
        return collections.Counter(
            (canonical(e.get("id")), e.get("error"), e.get("stage")) for e in self.errors)


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        self.results.append((name, bool(ok), detail))
        return ok

    @property
    def failed(self):
        return [r for r in self.results if not r[1]]

    def print(self):
        for name, ok, detail in self.results:
            print(f"  {'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))


def run_reference(args, inputs):
    """One pipe process over the whole input: what the distributed run must reproduce."""
    out = os.path.join(args.work, "reference.jsonl")
    errors = os.path.join(args.work, "reference.errors.jsonl")
    stats = os.path.join(args.work, "reference.stats.json")
    started = time.monotonic()
    with open(out, "wb") as f:
        proc = subprocess.run(
            [args.pipe, "run", args.pipeline, "--input", "jsonl", "--errors", errors,
             "--stats-json", stats, "--no-progress", args.input],
            stdout=f, stderr=subprocess.PIPE, env={**os.environ, **partition_env()})
    seconds = time.monotonic() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"reference run failed with status {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    with open(stats, encoding="utf-8") as f:
        stats_json = json.load(f)
    return read_lines([out]), read_lines([errors]), stats_json, seconds


def start_spark(args):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark import SparkConf, SparkContext

    conf = (SparkConf().setMaster(args.master).setAppName("pipe-on-spark")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    return sc


def run_shipped(sc, args, lines):
    """The same job with the binary and pipeline file shipped to the executors, as on a cluster.

    On a cluster: `spark-submit --files /path/to/pipe,/path/to/my-news.json5 job.py` or, as
    here, `sc.addFile(...)`. Shipped files land in each executor's working directory (Spark
    makes them executable); the command names the binary by its driver-side path, which the
    shim replaces by ./pipe where that path does not exist, and PIPE_PATH lists "." so
    `pipe run my-news` finds ./my-news.json5. In local mode the files stay in the driver's
    SparkFiles directory, which is why PIPE_PATH lists that directory first.
    """
    from pyspark import SparkFiles

    sc.addFile(args.pipe)
    sc.addFile(args.ship_pipeline)
    binary = SparkFiles.get(os.path.basename(args.pipe))
    name = os.path.basename(args.ship_pipeline).removesuffix(".json5")
    env = partition_env(pipe_path=SparkFiles.getRootDirectory() + ":.")
    return lines.pipe(partition_command(binary, name), env=env, checkCode=True).collect()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pipe", required=True, help="absolute path of the pipe binary")
    ap.add_argument("--input", required=True, help="directory of JSON Lines files")
    ap.add_argument("--output", required=True, help="output directory (replaced)")
    ap.add_argument("--work", required=True, help="directory for the reference run's files")
    ap.add_argument("--pipeline", default="news")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=8, help="minimum number of partitions")
    ap.add_argument("--manifest", help="make_input.py's manifest of planted bad lines")
    ap.add_argument("--ship-pipeline", help="also run with the binary and this pipeline file shipped")
    ap.add_argument("--summary", help="write the numbers as JSON to this file")
    args = ap.parse_args()
    args.pipe = os.path.abspath(args.pipe)
    os.makedirs(args.work, exist_ok=True)
    inputs = sorted(p for p in glob.glob(os.path.join(args.input, "*")) if os.path.isfile(p))
    if not inputs:
        sys.exit(f"no input files in {args.input}")
    checks = Checks()
    total_started = time.monotonic()

    records_in = count_records(inputs)
    ref_lines, ref_error_lines, ref_stats, ref_seconds = run_reference(args, inputs)
    ref = Parsed(ref_lines + ref_error_lines)

    sc = start_spark(args)
    try:
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        partitions = lines.getNumPartitions()
        partition_lines = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
        spark_records = lines.filter(lambda line: line.strip(" \t\r") != "").count()

        shutil.rmtree(args.output, ignore_errors=True)
        started = time.monotonic()
        lines.pipe(partition_command(args.pipe, args.pipeline), env=partition_env(),
                   checkCode=True).saveAsTextFile(args.output)
        spark_seconds = time.monotonic() - started

        shipped = run_shipped(sc, args, lines) if args.ship_pipeline else None
    finally:
        sc.stop()

    out_lines = read_lines(sorted(glob.glob(os.path.join(args.output, "part-*"))))
    dist = Parsed(out_lines)
    dropped = ref_stats.get("dropped", 0)

    checks.check("records in: input files = Spark count = reference stats",
                 records_in == spark_records == ref_stats.get("records"),
                 f"{records_in} = {spark_records} = {ref_stats.get('records')}")
    checks.check("every output line is a JSON object", not dist.unparsable,
                 f"{len(dist.unparsable)} are not" if dist.unparsable else f"{len(out_lines)} lines")
    checks.check("no record lost: records in = output + dropped + errors",
                 records_in == len(dist.documents) + dropped + len(dist.errors),
                 f"{records_in} = {len(dist.documents)} + {dropped} + {len(dist.errors)}")
    checks.check("reference agrees: records = output + dropped + errors",
                 ref_stats.get("records") == ref_stats.get("output", 0) + dropped + ref_stats.get("errors", 0),
                 f"{ref_stats.get('records')} = {ref_stats.get('output')} + {dropped} + {ref_stats.get('errors')}")

    ref_docs, dist_docs = ref.documents_by_id(), dist.documents_by_id()
    missing = [k for k in ref_docs if k not in dist_docs]
    extra = [k for k in dist_docs if k not in ref_docs]
    different = [k for k in ref_docs if k in dist_docs
                 and sorted(map(canonical, ref_docs[k])) != sorted(map(canonical, dist_docs[k]))]
    duplicated = [k for k, v in dist_docs.items() if len(v) > 1 and k != "null"]
    checks.check("output = single-process output, record for record (parsed JSON, by id)",
                 not (missing or extra or different) and len(dist.documents) == len(ref.documents),
                 f"{len(dist.documents)} records; missing {len(missing)}, extra {len(extra)}, "
                 f"different {len(different)}" + (f" (first: {(missing + extra + different)[0]})"
                                                   if missing or extra or different else ""))
    checks.check("no id twice in the output", not duplicated, f"{len(duplicated)} ids twice" if duplicated else "")
    same_bytes = collections.Counter(l for l in out_lines if not is_error_line(l)) == collections.Counter(ref_lines)

    checks.check("error records = the reference's (id, message, stage)",
                 dist.error_keys() == ref.error_keys(),
                 f"{len(dist.errors)} here, {len(ref.errors)} in the reference")
    checks.check("error records name the partition's stdin: input \"-\", line within the partition",
                 all(e.get("input") == "-" and 1 <= e.get("line", 0) <= max(partition_lines) for e in dist.errors),
                 f"lines {sorted(e.get('line') for e in dist.errors)}, partitions of {min(partition_lines)}"
                 f"-{max(partition_lines)} lines")
    planted = []
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as f:
            planted = json.load(f)["planted"]
        error_ids = collections.Counter(e.get("id") for e in dist.errors)
        with_id = [p["id"] for p in planted if p["id"] is not None]
        without_id = sum(1 for p in planted if p["id"] is None)
        checks.check("every planted bad line came back as an error record",
                     all(error_ids[i] >= 1 for i in with_id) and error_ids[None] == without_id,
                     f"{len(planted)} planted: ids {with_id} found, {error_ids[None]} without id "
                     f"(expected {without_id})")
    if shipped is not None:
        checks.check("shipped binary + pipeline (sc.addFile, SparkFiles, PIPE_PATH) give the same lines",
                     collections.Counter(shipped) == collections.Counter(out_lines),
                     f"{len(shipped)} lines")

    total_seconds = time.monotonic() - total_started
    summary = {
        "master": args.master, "partitions": partitions, "records_in": records_in,
        "output": len(dist.documents), "dropped": dropped, "errors": len(dist.errors),
        "planted": len(planted), "output_bytes_identical": same_bytes,
        "spark_seconds": round(spark_seconds, 2), "reference_seconds": round(ref_seconds, 2),
        "total_seconds": round(total_seconds, 2), "failed_checks": [r[0] for r in checks.failed],
    }
    print(f"\npipe on Spark ({args.master}, {partitions} partitions of {min(partition_lines)}-"
          f"{max(partition_lines)} lines): {records_in} records in -> {len(dist.documents)} output, "
          f"{dropped} dropped, {len(dist.errors)} errors ({len(planted)} planted)")
    print(f"  Spark job (pipe + save) {spark_seconds:.1f} s; single process {ref_seconds:.1f} s; "
          f"all of this script {total_seconds:.1f} s")
    print(f"  output lines byte-identical to the single process: {'yes' if same_bytes else 'no'}")
    print("checks:")
    checks.print()
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    return 1 if checks.failed else 0


def is_error_line(line):
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and is_error_record(obj)


if __name__ == "__main__":
    sys.exit(main())
