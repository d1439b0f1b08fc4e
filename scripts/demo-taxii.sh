#!/usr/bin/env bash
# After scripts/demo-flow.sh against a running `./trisec demo`: JPN's TAXII 2.1 server walked as a TAXII client
# would (curl only): discovery, the collections, each collection's objects two at a time following `next`.
#   jpn.analyst gets exactly the items it may read (as many STIX reports and notes as /api/v1/items lists, the
#   released "Launch assessment" among them); jpn.guest gets no object, no `more`, no date header.
# Exits non-zero, saying which step failed.
set -euo pipefail
JPN=${JPN:-http://127.0.0.1:8082}
TAXII='application/taxii+json;version=2.1'

fail() { echo "demo taxii: $*" >&2; exit 1; }
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p" | head -n1; }
token() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
       -d "{\"username\":\"$2\",\"password\":\"demo\"}" | field token
}
get() {  # get TOKEN URL: the body; fails unless 200 with TAXII's media type
  local out
  out=$(curl -s -D "$headers" "$2" -H "Authorization: Bearer $1" -H "Accept: $TAXII")
  grep -qi "^content-type: $TAXII" "$headers" || fail "$2: not $TAXII: $out"
  head -n1 "$headers" | grep -q ' 200' || fail "$2: $(head -n1 "$headers") $out"
  printf '%s' "$out"
}

headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
ja=$(token "$JPN" jpn.analyst); jg=$(token "$JPN" jpn.guest)
[ -n "$ja" ] && [ -n "$jg" ] || fail "sign-in failed"

discovery=$(get "$ja" "$JPN/taxii2/")
root=$(sed -n 's/.*"default":"\([^"]*\)".*/\1/p' <<<"$discovery")
[ -n "$root" ] || fail "no default API root: $discovery"
echo "API root: $root"
grep -q "\"versions\":\[\"application/taxii+json;version=2.1\"\]" <<<"$(get "$ja" "$root")" || fail "API root is not TAXII 2.1"

collections=$(get "$ja" "${root}collections/")
ids=$(grep -o '"id":"[0-9a-f-]\{36\}"' <<<"$collections" | sed 's/"id":"\(.*\)"/\1/')
[ -n "$ids" ] || fail "no collections: $collections"
echo "collections: $(grep -o '"title":"[^"]*"' <<<"$collections" | sed 's/"title":"\(.*\)"/\1/' | paste -sd, -)"

# Every report and note jpn.analyst gets, through every page of every collection.
objects=""
pages=0
for c in $ids; do
  url="${root}collections/$c/objects/?limit=2"
  while :; do
    page=$(get "$ja" "$url")
    pages=$((pages + 1))
    objects+=$(grep -o '"type":"\(report\|note\)","spec_version":"2.1","id":"[a-z]*--[0-9a-f-]*"' <<<"$page" || true)
    objects+=$'\n'
    grep -q '"more":true' <<<"$page" || break
    next=$(field next <<<"$page")
    [ -n "$next" ] || fail "more without next: $page"
    url="${root}collections/$c/objects/?limit=2&next=$next"
  done
done
served=$(grep -o '"id":"[^"]*"' <<<"$objects" | sort -u | wc -l)
readable=$(curl -sf "$JPN/api/v1/items" -H "Authorization: Bearer $ja" | grep -o '"heldLevel"' | wc -l)
echo "jpn.analyst: $served items as STIX 2.1 in $pages pages; it may read $readable"
[ "$served" -eq "$readable" ] && [ "$served" -gt 0 ] || fail "jpn.analyst got $served items, may read $readable"
launch=$(get "$ja" "${root}collections/$(head -n1 <<<"$ids")/objects/?match%5Btype%5D=report")
grep -q '"name":"Launch assessment"' <<<"$launch" || fail "the released item is not among jpn.analyst's reports"

for c in $ids; do
  for what in objects manifest; do
    body=$(get "$jg" "${root}collections/$c/$what/")
    [ "$body" = '{"more":false}' ] || fail "jpn.guest got $what of $c: $body"
    ! grep -qi '^x-taxii' "$headers" || fail "jpn.guest got a date header for $c"
  done
done
echo "jpn.guest: no object, no count, no date header in any collection"
