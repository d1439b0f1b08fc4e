#!/usr/bin/env bash
# Walks the demo's release flow through the REST API of a running `./trisec demo` (curl only):
#   kor.officer creates a 군사Ⅱ급비밀 dprk.missile item and asks to release it to JPN, kor.disclosure approves,
#   jpn.analyst reads it at JPN marked 極秘, jpn.guest is refused with reasons.
# Exits non-zero, saying which step failed, when the flow does not go as expected.
set -euo pipefail
KOR=${KOR:-http://127.0.0.1:8081}
JPN=${JPN:-http://127.0.0.1:8082}

fail() { echo "demo flow: $*" >&2; exit 1; }
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n1; }
token() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
       -d "{\"username\":\"$2\",\"password\":\"demo\"}" | field token
}

ko=$(token "$KOR" kor.officer); kd=$(token "$KOR" kor.disclosure)
ja=$(token "$JPN" jpn.analyst); jg=$(token "$JPN" jpn.guest)
[ -n "$ko" ] && [ -n "$kd" ] && [ -n "$ja" ] && [ -n "$jg" ] || fail "sign-in failed"

item=$(curl -sf -X POST "$KOR/api/v1/items" -H "Authorization: Bearer $ko" -H 'Content-Type: application/json' \
  -d '{"title":"Launch assessment","body":"Assessment of the latest launch.","level":"군사Ⅱ급비밀","topic":"dprk.missile","relTo":[],"caveats":[]}')
id=$(field id <<<"$item"); [ -n "$id" ] || fail "no item created: $item"
echo "created item $id"

release=$(curl -sf -X POST "$KOR/api/v1/items/$id/releases" -H "Authorization: Bearer $ko" \
  -H 'Content-Type: application/json' -d '{"to":"JPN"}')
grep -q '"decision":"PERMIT"' <<<"$release" || fail "release not permitted: $release"
rid=$(sed -n 's/.*"release":{"id":"\([^"]*\)".*/\1/p' <<<"$release")
echo "release $rid: $(grep -o '"route":\[[^]]*\]' <<<"$release" | head -n1)"

curl -sf -X POST "$KOR/api/v1/releases/$rid/approve" -H "Authorization: Bearer $kd" >/dev/null || fail "approval failed"
echo "approved by kor.disclosure"

for _ in $(seq 1 100); do
  read_back=$(curl -s "$JPN/api/v1/items/$id" -H "Authorization: Bearer $ja")
  grep -q '"heldLevel":"極秘"' <<<"$read_back" && break
  sleep 0.1
done
grep -q '"heldLevel":"極秘"' <<<"$read_back" || fail "jpn.analyst cannot read it at 極秘: $read_back"
echo "jpn.analyst reads it at JPN, marked $(field marking <<<"$read_back")"

status=$(curl -s -o /tmp/trisec-guest.json -w '%{http_code}' "$JPN/api/v1/items/$id" -H "Authorization: Bearer $jg")
[ "$status" = 403 ] && grep -q '"reasons"' /tmp/trisec-guest.json || fail "jpn.guest was not refused with reasons ($status)"
echo "jpn.guest refused: $(cat /tmp/trisec-guest.json)"
