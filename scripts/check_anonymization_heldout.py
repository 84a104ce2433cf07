#!/usr/bin/env python3
"""Validate the held-out PII corpus (crates/anonymization/corpus/heldout.jsonl).

Checks every line and every span against the labelling conventions of
crates/anonymization/corpus/README.md:

* fields `id`, `source`, `text`, `spans`; ids unique;
* offsets are Unicode code point offsets, end exclusive, in range, start < end,
  spans sorted and non-overlapping;
* span text is non-empty and has no leading/trailing whitespace or punctuation
  that belongs to the sentence;
* type is one of the public labels;
* CREDIT_CARD spans pass Luhn (13-19 digits), IBAN spans pass mod-97 with the
  country's length, US_SSN spans are in the valid ranges, EMAIL spans look like
  addresses, IP_ADDRESS spans parse as IPv4/IPv6, PERSON spans carry no title
  or possessive.

Prints the corpus composition. Exits 1 on any error.

Usage: scripts/check_anonymization_heldout.py [path/to/heldout.jsonl]
"""

import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent.parent / "crates/anonymization/corpus/heldout.jsonl"

TYPES = {
    "PERSON", "EMAIL", "PHONE", "URL", "IP_ADDRESS", "CREDIT_CARD", "IBAN", "US_SSN",
    "EMPLOYEE_ID", "DATE_OF_BIRTH", "STREET_ADDRESS", "HANDLE", "SELF_IDENTIFYING", "CUSTOM",
}

# IBAN lengths per country (ISO 13616 registry, the countries a feedback
# corpus is likely to contain).
IBAN_LEN = {
    "AT": 20, "BE": 16, "CH": 21, "CZ": 24, "DE": 22, "DK": 18, "ES": 24, "FI": 18,
    "FR": 27, "GB": 22, "GR": 27, "HU": 28, "IE": 22, "IT": 27, "LU": 20, "NL": 18,
    "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SK": 24,
    # Further registry countries (Europe, the Gulf, Africa, Latin America).
    "AE": 23, "BG": 22, "BH": 22, "BR": 29, "CY": 28, "EE": 20, "EG": 29, "GI": 23,
    "HR": 21, "IL": 23, "IS": 26, "JO": 30, "KW": 30, "LB": 28, "LI": 21, "LT": 20,
    "LV": 21, "MC": 27, "MT": 31, "PK": 24, "QA": 29, "RS": 22, "SA": 24, "SI": 19,
    "TN": 24, "TR": 26, "UA": 29,
}

TITLES = ("mr ", "mr. ", "mrs ", "mrs. ", "ms ", "ms. ", "dr ", "dr. ", "prof ", "prof. ")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    s = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    rearranged = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def ssn_ok(value: str) -> bool:
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", value)
    if not m:
        return False
    area, group, serial = (int(g) for g in m.groups())
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


def check_span(text: str, span: dict) -> list:
    errs = []
    start, end, kind = span.get("start"), span.get("end"), span.get("type")
    if not isinstance(start, int) or not isinstance(end, int):
        return [f"non-integer offsets {span}"]
    if not 0 <= start < end <= len(text):
        return [f"offsets out of range {span} (len {len(text)})"]
    if kind not in TYPES:
        errs.append(f"unknown type {kind!r}")
    value = text[start:end]
    if not value.strip():
        errs.append(f"empty span text {span}")
    if value != value.strip():
        errs.append(f"span has surrounding whitespace: {value!r}")
    if value[-1] in ",;:!?" or value[0] in ",;:!?" or (value[0] == "(" and kind != "PHONE"):
        errs.append(f"span includes sentence punctuation: {value!r}")
    if kind == "CREDIT_CARD":
        digits = re.sub(r"[ -]", "", value)
        if not digits.isdigit() or not 13 <= len(digits) <= 19 or not luhn_ok(digits):
            errs.append(f"CREDIT_CARD fails Luhn: {value!r}")
    elif kind == "IBAN":
        if not iban_ok(value):
            errs.append(f"IBAN fails mod-97/length: {value!r}")
    elif kind == "US_SSN":
        if not ssn_ok(value):
            errs.append(f"US_SSN not in valid ranges: {value!r}")
    elif kind == "EMAIL":
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value):
            errs.append(f"EMAIL malformed: {value!r}")
    elif kind == "IP_ADDRESS":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            errs.append(f"IP_ADDRESS does not parse: {value!r}")
    elif kind == "HANDLE":
        if not re.fullmatch(r"@[A-Za-z0-9_.]+", value) or value.endswith("."):
            errs.append(f"HANDLE malformed: {value!r}")
    elif kind == "PERSON":
        low = value.lower()
        if low.startswith(TITLES):
            errs.append(f"PERSON includes a title: {value!r}")
        if low.endswith(("'s", "\u2019s")):
            errs.append(f"PERSON includes a possessive: {value!r}")
        if value.endswith(".") and not re.search(r"\b[A-Z]\.$", value):
            errs.append(f"PERSON ends with a sentence period: {value!r}")
    elif kind == "PHONE":
        if sum(c.isdigit() for c in value) < 7:
            errs.append(f"PHONE has fewer than 7 digits: {value!r}")
    return errs


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    errors = []
    ids = set()
    n_texts = n_clean = 0
    per_type = Counter()
    texts_with_type = Counter()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: invalid JSON: {e}")
            continue
        missing = {"id", "source", "text", "spans"} - rec.keys()
        if missing:
            errors.append(f"{where}: missing fields {sorted(missing)}")
            continue
        if rec["id"] in ids:
            errors.append(f"{where}: duplicate id {rec['id']}")
        ids.add(rec["id"])
        text, spans = rec["text"], rec["spans"]
        if not text.strip():
            errors.append(f"{where}: empty text")
        n_texts += 1
        if not spans:
            n_clean += 1
        prev_end = 0
        for span in spans:
            for e in check_span(text, span):
                errors.append(f"{where} ({rec['id']}): {e}")
            if isinstance(span.get("start"), int) and span["start"] < prev_end:
                errors.append(f"{where} ({rec['id']}): spans overlap or are unsorted")
            if isinstance(span.get("end"), int):
                prev_end = span["end"]
            per_type[span.get("type")] += 1
        for kind in {s.get("type") for s in spans}:
            texts_with_type[kind] += 1

    print(f"{path}: {n_texts} texts, {n_texts - n_clean} with PII, {n_clean} without PII, "
          f"{sum(per_type.values())} spans")
    for kind in sorted(per_type):
        print(f"  {kind:<17} {per_type[kind]:>4} spans in {texts_with_type[kind]:>4} texts")
    absent = sorted(TYPES - {"CUSTOM"} - per_type.keys())
    if absent:
        errors.append(f"types with no spans: {absent}")
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
