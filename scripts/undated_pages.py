#!/usr/bin/env python3
"""Look at the pages the gold leaves undated but `pipe` dates.

The dev gold (`../shared/corpus/dev.gold.jsonl`) has `date: null` on 79 pages. `pipe eval`
counts a date given to one of them as a false alarm ("dated, gold has none"). This script shows,
for each such page, the date `pipe` chose, the text it came from, where the gold annotation came
from, and whether the page's own url carries a date that agrees, so a reader can judge whether
the page has no date or the gold simply has no annotation for it.

    swift build -c release
    .build/release/pipe run news ../shared/corpus/dev.input.jsonl > /tmp/dev-out.jsonl
    python3 scripts/undated_pages.py /tmp/dev-out.jsonl ../shared/corpus/dev.gold.jsonl
"""

import json
import re
import sys

# /2019/02/10/, /2019-02-10, /20190110/, /2011/10/ in a url path.
URL_DATE = re.compile(r"(?<!\d)(19[89]\d|20[0-3]\d)[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def url_date(url):
    """The year, month and (when present) day written in a url's path, or None."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path.split("/", 1)[1] if "/" in path else ""
    m = URL_DATE.search(path)
    if not m:
        return None
    return m.group(1), m.group(2), m.group(3)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    gold = {}
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            gold[record["id"]] = record
    undated = dated_by_us = with_url_date = agrees = 0
    suites = {}
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            g = gold.get(record.get("id"))
            if g is None or g.get("date") is not None:
                continue
            undated += 1
            suite = g["id"].split("-", 1)[0]
            suites[suite] = suites.get(suite, 0) + 1
            ours = record.get("date")
            if not ours:
                continue
            dated_by_us += 1
            found = url_date(g.get("url"))
            verdict = "no date in url"
            if found:
                with_url_date += 1
                year, month, _ = found
                same = ours[:4] == year and ours[5:7] == month
                agrees += same
                verdict = "url " + "-".join(p for p in found if p) + (" agrees" if same else " DIFFERS")
            evidence = (record.get("date_evidence") or "")[:40]
            print(f"{ours[:16]:16}  {evidence!r:44}  {verdict:22}  {(g.get('url') or '')[:60]}")
    print()
    print(f"pages the gold leaves undated: {undated} ({', '.join(f'{k}: {v}' for k, v in sorted(suites.items()))})")
    print(f"dated by pipe: {dated_by_us}; with a date in the url: {with_url_date}, of which agree on year and month: {agrees}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
