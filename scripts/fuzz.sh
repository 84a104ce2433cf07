#!/usr/bin/env bash
# Coverage-guided fuzzing of every target in fuzz/ (cargo-fuzz, libFuzzer),
# one after the other, each for SECONDS seconds (default 600: the release
# bar). Needs the nightly toolchain and cargo-fuzz (installed if missing).
# A crash stops the run and leaves the input in fuzz/artifacts/<target>/;
# turn it into a regression test before fixing.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
if [ "${#targets[@]}" = 0 ]; then
  targets=(redact tokens oidc conversation sealed_blob)
fi
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz
cargo +nightly fuzz build -O >/dev/null
# Seed the redaction corpus with real feedback texts.
mkdir -p corpus/redact
if [ -z "$(ls -A corpus/redact)" ]; then
  i=0
  while IFS= read -r line && [ $i -lt 200 ]; do
    printf '%s' "$line" | python3 -c 'import json,sys; sys.stdout.write(json.loads(sys.stdin.read())["text"])' > "corpus/redact/seed-$i" || true
    i=$((i + 1))
  done < ../crates/anonymization/corpus/dev.jsonl
fi
for t in "${targets[@]}"; do
  mkdir -p corpus/"$t"
  echo "==> $t for ${seconds}s"
  set +e
  cargo +nightly fuzz run -O "$t" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+.*DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|INFO: Running with)"
  fuzz_status=${PIPESTATUS[0]}
  set -e
  if [ -n "$(ls -A artifacts/"$t" 2>/dev/null)" ]; then
    echo "CRASH in $t: see fuzz/artifacts/$t"
    exit 1
  fi
  if [ "$fuzz_status" -ne 0 ]; then
    echo "cargo fuzz run $t failed (exit $fuzz_status)"
    exit 1
  fi
done
echo "fuzzing: no crash"
