#!/usr/bin/env bash
# API fuzzing with schemathesis against /api/v1/openapi.json of a dev-mode
# server (its own PostgreSQL cluster, stopped at the end): employee and
# manager endpoints with valid credentials of a second tenant B, while the
# demo tenant A holds a release. Fails on any 5xx, any answer that breaks
# the documented schema or status codes, and any answer that carries one
# of tenant A's identifiers or texts.
#   scripts/api-fuzz.sh [EXAMPLES_PER_OPERATION]   (CI: 40; release: 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-40}"
# The dev-mode server must start its own cluster, not use an outside one.
unset DATABASE_URL
target="${CARGO_TARGET_DIR:-target}"
command -v st >/dev/null 2>&1 || pip install --quiet schemathesis
cargo build --release --locked -p kataloop-server -p kataloop-admin >/dev/null 2>&1 \
  || cargo build --release --locked -p kataloop-server -p kataloop-admin

work="$(mktemp -d /tmp/kataloop-api-fuzz.XXXXXX)"
# The private cluster runs as postgres when this script runs as root.
chmod 755 "$work"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
KATALOOP_RATE_LIMIT_PER_MINUTE=100000000 KATALOOP_RATE_LIMIT_BURST=10000000 \
  "$target/release/kataloop-server" --dev --dev-dir "$work/dev" --listen "127.0.0.1:$port" \
  >"$work/server.out" 2>"$work/server.err" &
server=$!
cleanup() {
  kill -INT "$server" 2>/dev/null || true
  # Give the server 30 s to stop its cluster, then make sure it is down
  # before its data directory goes.
  for _ in $(seq 1 60); do kill -0 "$server" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$server" 2>/dev/null || true
  for bin in /usr/lib/postgresql/*/bin/pg_ctl; do
    [ -x "$bin" ] && [ -d "$work/dev/pg/data" ] && \
      { runuser -u postgres -- "$bin" -D "$work/dev/pg/data" stop -m immediate >/dev/null 2>&1 \
        || "$bin" -D "$work/dev/pg/data" stop -m immediate >/dev/null 2>&1 || true; }
  done
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  grep -q "Employee invite" "$work/server.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.err"; exit 1; }
  sleep 0.5
done
sleep 1
base="https://127.0.0.1:$port"
manager_a="$(grep -o '/manager#token=[^ ]*' "$work/server.out" | head -1 | sed 's|.*token=||')"
pg_port="$(grep -o 'on 127.0.0.1:[0-9]*' "$work/server.out" | head -1 | sed 's|.*:||')"
export DATABASE_URL="postgres://kataloop_dev_owner:$(cat "$work/dev/db-password")@127.0.0.1:$pg_port/kataloop"
export KATALOOP_MASTER_KEY_FILE="$work/dev/master.key"
admin() { "$target/release/kataloop-admin" --json --actor api-fuzz "$@"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
tenant_b="$(admin tenant create --name 'Fuzz B' --domain b.fuzz.example | json "['tenant_id']")"
manager_b="$(admin token manager --tenant "$tenant_b" | json "['token']")"
employee_b="$(admin token employee --tenant "$tenant_b" --hr-id fuzz-employee | json "['token']")"

# What tenant A's manager sees: none of it may reach tenant B.
curl -sk -H "Authorization: Bearer $manager_a" "$base/api/v1/themes" >"$work/a.json"
python3 - "$work/a.json" >"$work/canaries" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
out = {a["release"]["id"]}
for t in a["themes"]:
    out.add(t["id"])
    out.update(s for s in t["summaries"] if len(s) > 20)
print("\n".join(sorted(out)))
PY
[ -s "$work/canaries" ] || { echo "tenant A shows nothing to guard"; exit 1; }

run() {
  local name="$1" token="$2" paths="$3"
  echo "==> schemathesis: $name"
  st run "$base/api/v1/openapi.json" --tls-verify false --checks all \
    --max-examples "$examples" --include-path-regex "$paths" --workers 1 \
    --seed 20261127 -H "Authorization: Bearer $token" \
    --report vcr --report-vcr-path "$work/$name.yaml" ${ST_EXTRA:-}
}
status=0
run employee "$employee_b" '^/api/v1/(guide|rides)$' || status=1
run manager "$manager_b" '^/api/v1/themes' || status=1
run public "none" '^/(healthz|readyz|api/v1/receipts/)' || status=1
# Beyond the fuzzer's random ids: B's manager aims straight at A's themes.
for theme in $(python3 -c "import json,sys; print(' '.join(t['id'] for t in json.load(open(sys.argv[1]))['themes']))" "$work/a.json"); do
  code="$(curl -sk -o "$work/probe-$theme.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $manager_b" -H 'content-type: application/json' \
    -d '{"text": "probe"}' "$base/api/v1/themes/$theme/responses")"
  [ "$code" = 404 ] || { echo "B's manager answered A's theme $theme: $code"; status=1; }
  curl -sk -H "Authorization: Bearer $manager_b" "$base/api/v1/themes?team=$theme" >>"$work/probe-$theme.json"
done
leaks=0
while IFS= read -r canary; do
  if grep -qF -- "$canary" "$work"/*.yaml "$work"/probe-*.json; then
    echo "tenant A's data in an answer to tenant B: $canary"
    leaks=$((leaks + 1))
  fi
done <"$work/canaries"
echo "cross-tenant answers: $leaks"
[ "$leaks" = 0 ] || status=1
exit "$status"
