#!/usr/bin/env python3
"""Deterministic benchmark corpus for pipe: JSON Lines articles built from the seed articles.

usage: python3 Benchmarks/make_corpus.py OUT.jsonl [--mb 100] [--seed 7]

Each record takes a seed article and varies it the way scraped news varies: paragraphs
shuffled and dropped, header/footer boilerplate drawn from a pool (menus, breadcrumbs, share
lines, cookie and newsletter pitches), the dateline's date in one of many formats and
languages, some non-ASCII text (German, French, Russian, Kazakh) and some mojibake and HTML
entities. The same seed and size always give the same bytes.
"""
import argparse
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "seeds")

HEADERS = [
    "Home\nNews\nWorld\nBusiness\nSport\nCulture",
    "  1. Main Page\n  2. News\n  3. {title}",
    "Facebook iconTwitter iconTelegram iconYoutube icon",
    "Home › Politics › Central Asia",
    "Skip to main content\nMenu\nSearch",
    "Startseite\nPolitik\nWirtschaft\nKultur\nSport",
    "Accueil > International > Asie",
    "Главная / Новости / Политика",
    "{n} min read",
    "Share this article\nFacebook\nTwitter\nEmail",
]
FOOTERS = [
    "Get our stories sent directly to you! Sign up via the website or subscribe to our Twitter, Facebook and Telegram!",
    "We use cookies to improve your experience. By continuing you accept our use of cookies. Accept",
    "© {year} The Example Times. All rights reserved.",
    "Only 30% of an article may be used with a mandatory hyperlink to the original source.",
    "Related articles\nKazakhstan and Canada sign agreement\nNew visa rules announced\nTrade volume grows",
    "Leave a comment\nName\nEmail\nPost comment",
    "Newsletter abonnieren: Die wichtigsten Nachrichten täglich per E-Mail.",
    "Подпишитесь на наш Telegram-канал",
    "Read more: Astana hosts international forum",
]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
EXTRA = [
    "Die Delegation besprach die Zusammenarbeit in den Bereichen Handel, Energie und Bildung.",
    "La délégation a discuté de la coopération économique et de la facilitation des visas.",
    "Стороны обсудили расширение торгово-экономического сотрудничества и визовый режим.",
    "Тараптар сауда-экономикалық ынтымақтастықты кеңейту мәселелерін талқылады.",
    "The minister&#8217;s visit &amp; the talks were described as “productive” — officials said.",
    "Officials said the talks were â€œproductiveâ€\x9d and the visit was a success.",
]


def date_line(rng):
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    forms = [
        f"Astana, Kazakhstan • {d:02d} {MONTHS_EN[m - 1]}, {y} | {h:02d}:{mi:02d}",
        f"date {y}-{m:02d}-{d:02d}",
        f"Published: {MONTHS_EN[m - 1][:3]}. {d}, {y}",
        f"{d}. {MONTHS_DE[m - 1]} {y}, {h}:{mi:02d} Uhr",
        f"{d} {MONTHS_RU[m - 1]} {y}, {h:02d}:{mi:02d}",
        f"{d:02d}.{m:02d}.{y}",
        f"Updated {m}/{d}/{y} {h % 12 + 1}:{mi:02d} pm",
    ]
    return rng.choice(forms)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    articles = []
    for name in sorted(os.listdir(SEEDS)):
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
        articles.append(paras)
    target = int(args.mb * 1_000_000)
    written = 0
    i = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            paras = list(rng.choice(articles))
            title = paras[0].split("\n")[-1][:90]
            body = paras[1:]
            rng.shuffle(body)
            body = body[: max(3, len(body) - rng.randint(0, 3))]
            if rng.random() < 0.5:
                body.insert(rng.randint(0, len(body)), rng.choice(EXTRA))
            header = [h.format(title=title, n=rng.randint(1, 9)) for h in rng.sample(HEADERS, rng.randint(1, 4))]
            footer = [f.format(year=rng.randint(2015, 2024)) for f in rng.sample(FOOTERS, rng.randint(1, 3))]
            text = "\n".join(header) + "\n" + date_line(rng) + "\n\n" + title + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(footer)
            record = {"id": f"bench-{i:07d}", "url": f"https://example.org/news/{i}", "text": text}
            line = json.dumps(record, ensure_ascii=rng.random() < 0.2) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    print(f"{args.out}: {i} records, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
