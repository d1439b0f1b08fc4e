#!/usr/bin/env bash
# After scripts/demo-flow.sh against a running `./trisec demo`: verifies KOR's audit log from outside with
# `trisec audit verify --url`, and checks that KOR serves JPN's and USA's cosignatures on its checkpoint.
set -euo pipefail
KOR=${KOR:-http://127.0.0.1:8081}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "demo audit: $*" >&2; exit 1; }

token=$(curl -sf -X POST "$KOR/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"kor.auditor","password":"demo"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "kor.auditor cannot sign in"

state="$(mktemp -d)/audit-state.json"
"$root/trisec" audit verify --url "$KOR" --token "$token" --state "$state" --samples 16 || fail "KOR's log does not verify"

# The witnesses poll every second; give them a few rounds to cosign the latest checkpoint.
for _ in $(seq 1 40); do
  note=$(curl -sf "$KOR/log/checkpoint" -H "Authorization: Bearer $token")
  if grep -q '^— trisec\.JPN/' <<<"$note" && grep -q '^— trisec\.USA/' <<<"$note"; then
    echo "KOR's checkpoint is cosigned by JPN and USA:"
    head -n 3 <<<"$note"
    "$root/trisec" audit verify --url "$KOR" --token "$token" --state "$state" --samples 16 >/dev/null \
      || fail "KOR's log does not verify against the checkpoint seen before"
    exit 0
  fi
  sleep 0.5
done
fail "KOR's checkpoint lacks JPN's or USA's cosignature: $note"
