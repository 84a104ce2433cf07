#!/usr/bin/env python3
"""Vendor the VADER lexicon (MIT, C.J. Hutto) into crates/analysis/data/.

    python3 -m venv /tmp/vader-venv && /tmp/vader-venv/bin/pip install vaderSentiment
    /tmp/vader-venv/bin/python scripts/analysis_vendor_vader.py

Keeps word entries only (token<TAB>mean valence), drops emoticons and the
per-rater columns. The licence text goes next to it as VADER-LICENSE.txt.
"""
import pathlib
import re

import vaderSentiment

SRC = pathlib.Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/analysis/data/vader_lexicon.tsv"
WORD = re.compile(r"^[a-z][a-z'\-]*$")

rows = []
for line in SRC.read_text(encoding="utf-8").splitlines():
    parts = line.split("\t")
    if len(parts) < 2:
        continue
    token, mean = parts[0].strip(), parts[1].strip()
    if WORD.match(token):
        rows.append(f"{token.replace(chr(39), '')}\t{float(mean):g}")
OUT.write_text("\n".join(sorted(set(rows))) + "\n", encoding="utf-8")
print(f"{len(rows)} entries -> {OUT}")
