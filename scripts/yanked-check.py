#!/usr/bin/env python3
"""Fails when Cargo.lock pins a crate version that crates.io has yanked.

This is the part of `cargo deny check advisories` (`yanked = "deny"` in
deny.toml) that needs only the crates.io index, not the RustSec advisory
database, which is a GitHub repository some machines cannot reach. `.ci/run`
runs it when the database cannot be fetched, so a yanked dependency still
turns CI red there.

Usage: scripts/yanked-check.py [Cargo.lock]
"""
import json
import sys
import tomllib
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

INDEX = "https://index.crates.io"
CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index"


def index_path(name):
    """The sparse index path of a crate (cargo's layout)."""
    n = name.lower()
    if len(n) <= 2:
        return f"{len(n)}/{n}"
    if len(n) == 3:
        return f"3/{n[0]}/{n}"
    return f"{n[:2]}/{n[2:4]}/{n}"


def yanked(pkg):
    """(name, version, yanked?) or (name, version, error text)."""
    name, version = pkg
    url = f"{INDEX}/{index_path(name)}"
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            body = resp.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError) as e:
        return name, version, f"index not reachable: {e}"
    for line in body.splitlines():
        entry = json.loads(line)
        if entry.get("vers") == version:
            return name, version, bool(entry.get("yanked"))
    return name, version, "version not in the index"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "Cargo.lock"
    with open(path, "rb") as fh:
        lock = tomllib.load(fh)
    pkgs = sorted(
        {(p["name"], p["version"]) for p in lock.get("package", []) if p.get("source") == CRATES_IO}
    )
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(yanked, pkgs))
    bad = [r for r in results if r[2] is True]
    errors = [r for r in results if isinstance(r[2], str)]
    for name, version, err in errors:
        print(f"error: {name} {version}: {err}")
    for name, version, _ in bad:
        print(f"yanked: {name} {version}")
    print(f"{len(pkgs)} crates.io packages checked: {len(bad)} yanked, {len(errors)} errors")
    sys.exit(1 if bad or errors else 0)


if __name__ == "__main__":
    main()
