#!/usr/bin/env bash
# pipe on Apache Spark, end to end, with checks. Run from anywhere: bash Examples/spark/run.sh
#
#   1. a Python venv with PySpark (Examples/spark/.venv, created once, git-ignored)
#   2. the release binary (swift build -c release: a no-op when it is up to date)
#   3. a deterministic corpus of a few thousand records in 4 files, with bad lines planted
#   4. the PySpark job (local[2]) and its checks against a single `pipe run` (pipe_on_spark.py)
#   5. the shard approach: pipe run --shard I/N in parallel, pipe stats-merge, same checks
#
# Exits non-zero on any mismatch. Environment: PIPE_SPARK_MB (corpus size, default 9),
# PIPE_SPARK_PARTITIONS (default 8), PIPE_BIN (use this binary instead of building one),
# PYSPARK_VERSION (default 3.5.9, for Java 17).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
started=$(date +%s)
section() { printf '\n=== spark example: %s ===\n' "$*"; }

PYSPARK_VERSION="${PYSPARK_VERSION:-3.5.9}"
MB="${PIPE_SPARK_MB:-9}"
PARTITIONS="${PIPE_SPARK_PARTITIONS:-8}"
VENV="$HERE/.venv"
WORK="$HERE/.work"

section "Java and PySpark $PYSPARK_VERSION"
if ! command -v java > /dev/null; then
  echo "java not found: Spark needs a JRE (Java 8, 11 or 17 for Spark 3.5; e.g. apt-get install openjdk-17-jre-headless)" >&2
  exit 1
fi
java -version 2>&1 | head -n 1
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2> /dev/null; then
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
"$VENV/bin/python" -c "import pyspark, sys; print('pyspark', pyspark.__version__, 'on Python', sys.version.split()[0])"

section "pipe binary"
if [ -n "${PIPE_BIN:-}" ]; then
  PIPE="$(cd "$(dirname "$PIPE_BIN")" && pwd)/$(basename "$PIPE_BIN")"
else
  [ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
  if command -v swift > /dev/null; then
    log="$(mktemp)"
    if ! swift build -c release > "$log" 2>&1; then
      cat "$log" >&2
      exit 1
    fi
    tail -n 1 "$log"
    rm -f "$log"
  elif [ ! -x .build/release/pipe ]; then
    echo "no swift toolchain and no .build/release/pipe: build pipe first or set PIPE_BIN" >&2
    exit 1
  fi
  PIPE="$ROOT/.build/release/pipe"
fi
"$PIPE" --version

section "input: about $MB MB of generated news, 4 files, bad lines planted"
rm -rf "$WORK"
mkdir -p "$WORK/input" "$WORK/ship" "$WORK/shards"
python3 Benchmarks/make_corpus.py "$WORK/corpus.jsonl" --mb "$MB"
python3 "$HERE/make_input.py" "$WORK/corpus.jsonl" "$WORK/input" "$WORK/manifest.json" --files 4
rm "$WORK/corpus.jsonl"
# A pipeline that is not bundled, to ship with the job (here: a copy of the news pipeline).
cp pipelines/news.json5 "$WORK/ship/news-on-spark.json5"

section "PySpark job (local[2]) and its checks"
"$VENV/bin/python" "$HERE/pipe_on_spark.py" --pipe "$PIPE" --input "$WORK/input" --output "$WORK/spark-output" \
  --work "$WORK" --partitions "$PARTITIONS" --manifest "$WORK/manifest.json" \
  --ship-pipeline "$WORK/ship/news-on-spark.json5" --summary "$WORK/summary.json"

section "the shard approach: pipe run --shard I/3 with xargs -P 2, then pipe stats-merge"
N=3
# Exit status 1 only means some records became error records (they are in I.errors.jsonl).
seq 1 "$N" | xargs -P 2 -I{} sh -c '
  "$1" run news "$2" --input jsonl --shard "$3/$4" --jobs 1 --no-progress \
    --errors "$5/$3.errors.jsonl" --stats-json "$5/$3.stats.json" > "$5/$3.jsonl"
  s=$?; [ "$s" -le 1 ] || { echo "shard $3/$4 failed with status $s" >&2; exit 255; }' \
  sh "$PIPE" "$WORK/input" {} "$N" "$WORK/shards"
"$PIPE" stats-merge "$WORK"/shards/*.stats.json > "$WORK/shards/merged.json"
python3 - "$WORK" "$N" << 'EOF'
import collections, json, sys
work, n = sys.argv[1], int(sys.argv[2])
merged = json.load(open(f"{work}/shards/merged.json"))
whole = json.load(open(f"{work}/reference.stats.json"))
def lines(path):
    return [l for l in open(path, "rb").read().decode("utf-8").split("\n") if l]
shard_out = [l for i in range(1, n + 1) for l in lines(f"{work}/shards/{i}.jsonl")]
shard_err = [l for i in range(1, n + 1) for l in lines(f"{work}/shards/{i}.errors.jsonl")]
ref_out, ref_err = lines(f"{work}/reference.jsonl"), lines(f"{work}/reference.errors.jsonl")
def strip_line(l):
    e = json.loads(l)
    return json.dumps({k: v for k, v in e.items() if k != "line"}, sort_keys=True)
failed = []
for key in ["records", "output", "dropped", "errors", "input_errors", "repaired_utf8", "bytes_read"]:
    ok = merged.get(key) == whole.get(key)
    print(f"  {'ok  ' if ok else 'FAIL'} stats-merge {key}: {merged.get(key)} (one process: {whole.get(key)})")
    failed += [] if ok else [key]
ok = merged["records"] == merged["output"] + merged["dropped"] + merged["errors"]
print(f"  {'ok  ' if ok else 'FAIL'} records = output + dropped + errors: "
      f"{merged['records']} = {merged['output']} + {merged['dropped']} + {merged['errors']}")
failed += [] if ok else ["sum"]
ok = collections.Counter(shard_out) == collections.Counter(ref_out)
print(f"  {'ok  ' if ok else 'FAIL'} shard outputs together = one process: {len(shard_out)} lines")
failed += [] if ok else ["output"]
# Shards read whole files, so even input paths and line numbers match the one-process run.
ok = collections.Counter(map(strip_line, shard_err)) == collections.Counter(map(strip_line, ref_err)) \
    and sorted(shard_err) == sorted(ref_err)
print(f"  {'ok  ' if ok else 'FAIL'} shard error records = one process (with input and line): {len(shard_err)}")
failed += [] if ok else ["errors"]
sys.exit(1 if failed else 0)
EOF

section "summary"
python3 - "$WORK/summary.json" "$(($(date +%s) - started))" << 'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
print(f"records in {s['records_in']}, out {s['output']}, dropped {s['dropped']}, errors {s['errors']} "
      f"({s['planted']} planted); {s['partitions']} Spark partitions on {s['master']}")
print(f"Spark job {s['spark_seconds']} s, single process {s['reference_seconds']} s, "
      f"whole example {sys.argv[2]} s")
EOF
echo "spark example passed"
