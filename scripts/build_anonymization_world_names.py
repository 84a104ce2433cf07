#!/usr/bin/env python3
"""Builds crates/anonymization/data/world_first_names.txt.gz and
world_surnames.txt.gz: given names and surnames of many countries, from the
person providers of the PyPI package `faker` (MIT licence), for the names
the census lists lack ("Dmytro", "Kübra", "Bishnu").

Run once by a developer (never at build or run time); the outputs are
committed. The engine counts a world-list name only where no other list
knows the word, and only when it is capitalised outside German text.

Usage:
  python3 -m venv /tmp/fk && /tmp/fk/bin/pip install faker==40.63.0
  /tmp/fk/bin/python scripts/build_anonymization_world_names.py crates/anonymization/data
"""
import gzip
import importlib
import os
import sys

# Latin-script locales, plus Ukrainian and Russian (transliterated).
LOCALES = """az_AZ cs_CZ da_DK de_AT de_CH de_DE en_GB en_IE en_IN en_KE en_NG
en_NZ en_PK en_US es_AR es_CL es_CO es_ES es_MX et_EE fi_FI fr_BE fr_CA fr_CH
fr_FR ga_IE ha_NG hr_HR hu_HU id_ID ig_NG is_IS it_IT lt_LT lv_LV nl_BE nl_NL
no_NO pl_PL pt_BR pt_PT ro_RO sk_SK sl_SI sv_SE sw tr_TR tw_GH uz_UZ vi_VN
yo_NG zu_ZA uk_UA ru_RU""".split()

# Ukrainian national and Russian common romanisation ("Дмитро" -> "dmytro").
UK = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
              ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i",
               "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
               "ts", "ch", "sh", "shch", "", "iu", "ia"]))
RU = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
              ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l",
               "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
               "shch", "", "y", "", "e", "yu", "ya"]))
VIET = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ"


def words(value):
    if isinstance(value, dict):
        value = value.keys()
    if not isinstance(value, (list, tuple, set, type({}.keys()))):
        return []
    return [w for x in value if isinstance(x, str) for w in x.split()]


def collect(provider, attrs, locale):
    out = set()
    for attr in attrs:
        for w in words(getattr(provider, attr, []) or []):
            w = w.lower().strip(".,")
            if locale == "uk_UA":
                w = "".join(UK.get(c, c) for c in w)
            if locale == "ru_RU":
                w = "".join(RU.get(c, c) for c in w)
            latin = all(ord(c) < 0x250 or c in VIET for c in w)
            if len(w) >= 3 and latin and all(c.isalpha() or c in "-'" for c in w):
                out.add(w)
    return out


def write_gz(path, entries):
    data = "\n".join(sorted(entries)) + "\n"
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(data.encode("utf-8"))
    print(f"{path}: {len(entries)} entries, {os.path.getsize(path)} bytes")


def main():
    out_dir = sys.argv[1]
    first, last = set(), set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        first |= collect(provider, ["first_names", "first_names_male", "first_names_female",
                                    "first_names_nonbinary"], locale)
        last |= collect(provider, ["last_names", "last_names_male", "last_names_female"], locale)
    write_gz(os.path.join(out_dir, "world_first_names.txt.gz"), first)
    write_gz(os.path.join(out_dir, "world_surnames.txt.gz"), last)


if __name__ == "__main__":
    main()
