#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a while.
#   Fuzz/run.sh [SECONDS_PER_TARGET]   (default 30)
# Crashing inputs are written to Fuzz/crashes/ and make the script fail; the corpora grow in
# Fuzz/corpus/ (git-ignored). Keep a crashing input as a regression test in Fuzz/regressions/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-30}"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | tail -3
bin="$(swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --show-bin-path)"
mkdir -p crashes corpus
seed_corpus() {
  local dir="corpus/$1"
  mkdir -p "$dir"
  shift
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/" || true; done
}
seed_corpus jsonlines ../seeds/*.txt regressions/jsonlines/*
seed_corpus pipeline ../pipelines/*.json5 ../Examples/*/*.json5 regressions/pipeline/*
# every built-in stage but exec (which runs other programs)
stages=(normalise detect-date detect-source strip-boilerplate tag-topics keywords replace filter set remove)
for s in "${stages[@]}"; do seed_corpus "stage-$s" ../seeds/*.txt regressions/stage/*; done

fuzz() {  # name binary corpus [env]
  local name=$1 binary=$2 corpus=$3
  local log="crashes/$name.log"
  echo "== $name ($seconds s)"
  local leaks=1
  if ! env ASAN_OPTIONS="detect_leaks=$leaks" "${@:4}" "$bin/$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -detect_leaks="$leaks" -artifact_prefix="crashes/$name-" -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "FUZZ FAILURE in $name: see Fuzz/$log and Fuzz/crashes/"
    return 1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed "s/^/  /"
}
fuzz jsonlines FuzzJSONLines corpus/jsonlines
fuzz pipeline FuzzPipelineFile corpus/pipeline
for s in "${stages[@]}"; do
  fuzz "stage-$s" FuzzStage "corpus/stage-$s" FUZZ_STAGE="$s"
done
echo "fuzzing passed"
