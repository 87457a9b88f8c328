#!/usr/bin/env python3
"""Throughput benchmark: pipe against cat and jq on the same JSON Lines file.

usage: python3 Benchmarks/run.py [--mb 100] [--runs 3] [--pipe .build/release/pipe] [--stream-gb 1]

Builds nothing: run `swift build -c release` first. Generates Benchmarks/data/corpus-<MB>.jsonl
with make_corpus.py (deterministic) when missing, then runs each command in turn, alternating,
`--runs` times, and reports the best and median wall time, MB/s, documents/s, peak RSS, and
the ratios to `jq -c .`. It also measures start-up (`pipe run news < /dev/null`) and peak
memory on a long stream (the corpus repeated to `--stream-gb` GB through a pipe).
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, stdin_path=None, stdin_cmd=None):
    """Runs cmd with stdout to /dev/null; returns (seconds, peak RSS bytes, exit status)."""
    devnull = open(os.devnull, "wb")
    feeder = None
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    if stdin_cmd:
        feeder = subprocess.Popen(stdin_cmd, stdout=subprocess.PIPE)
        stdin = feeder.stdout
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=stdin, stdout=devnull, stderr=subprocess.PIPE)
    if feeder:
        feeder.stdout.close()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if feeder:
        feeder.wait()
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed ({status}): {err[:500]}")
    return elapsed, usage.ru_maxrss * 1024


def machine():
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return f"{platform.machine()}, {os.cpu_count()} cores ({model}), {mem:.0f} GiB, {platform.system()} {platform.release()}; {swift}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pipe", default=os.path.join(ROOT, ".build/release/pipe"))
    ap.add_argument("--stream-gb", type=float, default=1.0)
    args = ap.parse_args()
    data = os.path.join(HERE, "data")
    os.makedirs(data, exist_ok=True)
    corpus = os.path.join(data, f"corpus-{args.mb:g}.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), corpus, "--mb", str(args.mb)], check=True)
    size = os.path.getsize(corpus)
    docs = sum(1 for _ in open(corpus, "rb"))
    pipe = args.pipe
    commands = [
        ("cat", ["cat", corpus]),
        ("jq -c .", ["jq", "-c", ".", corpus]),
        ("pipe run news --jobs 1", [pipe, "run", "news", corpus, "--jobs", "1", "--no-progress"]),
        ("pipe run news --jobs 2", [pipe, "run", "news", corpus, "--jobs", "2", "--no-progress"]),
        ("pipe run news (default jobs)", [pipe, "run", "news", corpus, "--no-progress"]),
    ]
    times = {name: [] for name, _ in commands}
    rss = {name: 0 for name, _ in commands}
    for _ in range(args.runs):
        for name, cmd in commands:
            t, m = run(cmd)
            times[name].append(t)
            rss[name] = max(rss[name], m)
    print(f"machine: {machine()}")
    print(f"corpus: {os.path.relpath(corpus, ROOT)}: {size / 1e6:.1f} MB, {docs} documents; {args.runs} alternating runs each\n")
    jq_best = min(times["jq -c ."])
    one_best = min(times["pipe run news --jobs 1"])
    print("| command | best s | median s | MB/s | docs/s | peak RSS MB | vs jq | vs --jobs 1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, _ in commands:
        best, med = min(times[name]), statistics.median(times[name])
        print(f"| `{name}` | {best:.3f} | {med:.3f} | {size / 1e6 / best:.0f} | {docs / best:.0f} | {rss[name] / 2**20:.1f} "
              f"| {jq_best / best:.2f}x | {one_best / best:.2f}x |")
    starts = sorted(run([pipe, "run", "news"], stdin_path=os.devnull)[0] for _ in range(21))
    print(f"\nstart-up, `pipe run news < /dev/null`: median {starts[10] * 1000:.1f} ms, best {starts[0] * 1000:.1f} ms (21 runs)")
    small = os.path.join(data, "corpus-10.jsonl")
    if not os.path.exists(small):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), small, "--mb", "10"], check=True, capture_output=True)
    _, rss_small = run([pipe, "run", "news", small, "--no-progress"])
    repeats = max(1, int(args.stream_gb * 1e9 / size))
    t, rss_stream = run([pipe, "run", "news", "--no-progress"], stdin_cmd=["sh", "-c", f"for i in $(seq {repeats}); do cat '{corpus}'; done"])
    print(f"peak RSS: {rss_small / 2**20:.1f} MB on 10 MB; {rss_stream / 2**20:.1f} MB on a {repeats * size / 1e9:.2f} GB stream "
          f"on stdin ({repeats * size / 1e6 / t:.0f} MB/s)")


if __name__ == "__main__":
    main()
