#!/usr/bin/env bash
# Issue 10's performance: (1) a first start seeding the built-in catalog, (2) a discover sync of a whole
# models.dev snapshot into an empty catalog, served from a loopback HTTP server, (3) GET /api/v1/models reads
# issued while that sync runs, and (4) a few queries over the synced catalog (median of N runs each).
# Issue 11: (5) a sync of every provider of the seeded catalog from the snapshot, end to end, with the
# point-read rate (wrk, 4 connections) idle and over the whole sync. SKIP_QUERIES=1 skips (4).
# Starts Release silo processes from the built dll on free ports with throwaway data folders, prints the
# numbers, and stops everything. Not part of ./test.sh.
#   dotnet build src/Starmap.Silo -c Release && tests/load/discover-bench.sh [api.json] [query runs=21]
set -euo pipefail
cd "$(dirname "$0")/../.."

# Default: the first shared/fixtures/models.dev/api.json found walking up from the repo (as the tests do).
find_snapshot() {
    local dir; dir=$(pwd)
    while [ "$dir" != / ]; do
        dir=$(dirname "$dir")
        [ -f "$dir/shared/fixtures/models.dev/api.json" ] && { echo "$dir/shared/fixtures/models.dev/api.json"; return; }
    done
    echo "../shared/fixtures/models.dev/api.json"
}
snapshot=$(realpath -m "${1:-$(find_snapshot)}")
runs=${2:-21}
# SILO_DLL: another build of the silo (e.g. a copy of an older bin folder for an A/B run).
dll=${SILO_DLL:-src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll}
[ -f "$dll" ] || { echo "build first: dotnet build src/Starmap.Silo -c Release"; exit 1; }
[ -f "$snapshot" ] || { echo "no models.dev snapshot at $snapshot (pass one as the first argument)"; exit 1; }
command -v jq >/dev/null || { echo "needs jq"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

work=$(mktemp -d /tmp/starmap-discover.XXXXXX)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP_LOG:-}" ] && cp -r "$work" /tmp/starmap-discover-last
    rm -rf "$work"
}
trap cleanup EXIT

# start_silo NAME [extra args...]: starts a silo, waits for its ready line, sets $http and $ready_ms.
start_silo() {
    local name=$1; shift
    local started; started=$(now_ms)
    local http_port; http_port=$(free_port)
    # The rate limiter would answer 429 to the reader loop: lift it for this run.
    Starmap__Http__RateLimitPermits=1000000000 Starmap__Http__ApiKey=bench-key \
        Starmap__Sources__ModelsDevUrl="${models_dev_url:-https://models.dev/api.json}" \
        dotnet "$dll" --data-dir "$work/$name-data" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
        --http-port "$http_port" --cluster-id "bench-$name" "$@" >"$work/$name.log" 2>&1 &
    pids+=($!)
    # Polls for the ready line with a deadline (a loaded machine starts slowly; this is no fixed wait).
    for _ in $(seq 1 3000); do grep -qs "Starmap silo ready" "$work/$name.log" && break; sleep 0.05; done
    grep -q "Starmap silo ready" "$work/$name.log" || { cat "$work/$name.log"; echo "silo $name never got ready"; exit 1; }
    ready_ms=$(( $(now_ms) - started ))
    http="http://127.0.0.1:$http_port"
}

total() { curl -fsS "$1/api/v1/models?limit=1" | jq '.total'; }
providers() { curl -fsS "$1/api/v1/providers" | jq 'if type == "array" then length else (.total // (.items | length)) end'; }
# percentiles FILE: p50 / p95 / p99 / max of one number a line, in ms.
percentiles() {
    sort -n "$1" | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "no samples"; exit }
        printf "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", v[int((NR - 1) * 0.50) + 1], v[int((NR - 1) * 0.95) + 1], v[int((NR - 1) * 0.99) + 1], v[NR] }'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "snapshot: $snapshot ($(jq 'length' "$snapshot") providers, $(jq '[.[] | .models | length] | add' "$snapshot") models)"

# (1) First start with the built-in seed.
start_silo seeded
seed_line=$(grep -o "Seeded the built-in catalog.*" "$work/seeded.log" | head -1)
echo
echo "== seeded first start"
echo "start to ready: $ready_ms ms"
echo "seeder: ${seed_line:-no seed line logged}"
echo "served: $(providers "$http") providers, $(total "$http") offerings"
kill -TERM "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()

# (2) An empty silo whose models.dev source is the snapshot on a loopback server.
mkdir -p "$work/www"
cp "$snapshot" "$work/www/api.json"
www_port=$(free_port)
python3 -m http.server "$www_port" --bind 127.0.0.1 --directory "$work/www" >"$work/www.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$www_port/api.json" 2>/dev/null && break; sleep 0.05; done
models_dev_url="http://127.0.0.1:$www_port/api.json"
start_silo empty --seed false
echo
echo "== discover sync into an empty catalog (--seed false; start to ready $ready_ms ms)"
echo "before: $(providers "$http") providers, $(total "$http") offerings"

# (3) The reader loop: until the sync ends, back-to-back list reads; one line per read: status, seconds, total.
stop="$work/stop"
(
    while [ ! -e "$stop" ]; do
        curl -sS -o "$work/read.json" -w '%{http_code} %{time_total}\n' \
            "$http/api/v1/models?sort=input_price&limit=20" >>"$work/reads.raw" 2>>"$work/reads.err" || true
        jq -r '.total // "?"' "$work/read.json" >>"$work/reads.totals" 2>/dev/null || echo "?" >>"$work/reads.totals"
    done
) &
reader=$!

sync_started=$(now_ms)
code=$(curl -sS -o "$work/sync.json" -w '%{http_code}' -X POST -H "Authorization: Bearer bench-key" \
    "$http/api/v1/sync?source=models.dev&discover=true")
if [ "$code" = 202 ]; then
    run_id=$(jq -r '.run_id // .runId' "$work/sync.json")
    while :; do
        curl -fsS -H "Authorization: Bearer bench-key" "$http/api/v1/sync/runs/$run_id" -o "$work/run.json"
        [ "$(jq -r '.state' "$work/run.json")" = "completed" ] && break
        [ $(( $(now_ms) - sync_started )) -lt 1800000 ] || { cat "$work/run.json"; echo "sync never completed"; exit 1; }
        sleep 0.2
    done
    jq '.result' "$work/run.json" >"$work/sync.json"
elif [ "$code" != 200 ]; then
    cat "$work/sync.json"; echo "POST /api/v1/sync answered $code"; exit 1
fi
sync_ms=$(( $(now_ms) - sync_started ))
touch "$stop"; wait "$reader"

echo "sync: $sync_ms ms (answered $code)"
echo "totals: $(jq -c '.totals' "$work/sync.json")"
echo "statuses: $(jq -c '[.providers[]?.status] | group_by(.) | map({(.[0]): length}) | add' "$work/sync.json")"
echo "run warnings: $(jq -c '.warnings // [] | length' "$work/sync.json"), per-provider warnings: $(jq -c '[.providers[]?.warnings // 0] | add' "$work/sync.json")"
echo "slowest providers: $(jq -r '[.providers[]? | {id: .provider_id, d: .duration}] | sort_by(.d) | reverse | .[:3] | map("\(.id) \(.d)") | join(", ")' "$work/sync.json")"
jq -r '.providers[]? | select(.status != "applied" and .status != "Applied") | "  not applied: \(.provider_id // .providerId) \(.status): \(.reason)"' "$work/sync.json"
served_providers=$(providers "$http"); served_offerings=$(total "$http")
echo "served: $served_providers providers, $served_offerings offerings, $(curl -fsS "$http/api/v1/quarantine?limit=1" | jq '.total // length') quarantine notes"
[ -n "${KEEP_LOG:-}" ] && cp "$work/sync.json" /tmp/starmap-discover-sync.json

awk '{ print $2 * 1000 }' "$work/reads.raw" >"$work/reads.ms"
reads=$(wc -l <"$work/reads.raw")
ok=$(awk '$1 == 200' "$work/reads.raw" | wc -l)
echo
echo "== reads during the sync: GET /api/v1/models?sort=input_price&limit=20, back to back, 1 client"
echo "reads: $reads ($ok answered 200, $(grep -c . "$work/reads.err" || true) transport errors) in $sync_ms ms"
echo "latency: $(percentiles "$work/reads.ms")"
echo "totals seen, in order (distinct runs): $(uniq "$work/reads.totals" | tr '\n' ' ' | cut -c1-400)"

# (4) Queries over the synced catalog: median of $runs runs each, after one warm-up call.
[ -n "${SKIP_QUERIES:-}" ] || {
echo
echo "== queries over the synced catalog (median of $runs, 1 client, after one warm-up)"
for query in "sort=input_price&limit=20" "q=gpt&limit=20" "provider=openai,openrouter&sort=input_price&limit=20" \
    "released_after=2025-01-01&open_weights=true&limit=20" "limit=50"; do
    curl -fsS -o /dev/null "$http/api/v1/models?$query"
    : >"$work/q.ms"
    for _ in $(seq 1 "$runs"); do
        curl -fsS -o "$work/q.json" -w '%{time_total}\n' "$http/api/v1/models?$query" | awk '{ print $1 * 1000 }' >>"$work/q.ms"
    done
    printf '%-60s total %5s  %s\n' "$query" "$(jq '.total' "$work/q.json")" "$(percentiles "$work/q.ms" | cut -d, -f1)"
done
}

# (5) A sync of every provider of a seeded catalog from the same snapshot (every provider exists, its
# authors too, so offerings and definitions are merged and written), with point reads idle and during it.
command -v wrk >/dev/null || { echo "(5) skipped: needs wrk"; exit 0; }
kill -TERM "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'
start_silo resync
point="$http/api/v1/models/openai/gpt-4o"
curl -fsS -o /dev/null "$point" || { echo "(5) no point to read at $point"; exit 1; }
rate() { awk '/Requests\/sec/ { print $2 }' "$1"; }
echo
echo "== sync of every provider of the seeded catalog ($(providers "$http") providers, $(total "$http") offerings), models.dev only"
# The read rate is taken over the sync's whole length, in back-to-back 2-s wrk windows, against an idle rate
# that is the mean of a window before and one after the sync, after a warm-up window (a fresh silo's first
# seconds run tier-0 code). One 5-s window at the sync's start said little: the idle rate alone moved by 40%
# between runs.
wrk -t2 -c4 -d3s "$point" >/dev/null 2>&1
wrk -t2 -c4 -d5s "$point" >"$work/idle.wrk" 2>&1
echo "point reads idle before: $(rate "$work/idle.wrk") req/s (wrk -t2 -c4 -d5s GET /api/v1/models/openai/gpt-4o)"
rm -f "$work/sync.done" "$work/busy.windows"
(
    while [ ! -e "$work/sync.done" ]; do
        wrk -t2 -c4 -d2s "$point" >"$work/busy.wrk" 2>&1
        # requests and seconds of the window ("N requests in 2.00s")
        grep -o '[0-9]* requests in [0-9.]*s' "$work/busy.wrk" | awk '{ sub(/s$/, "", $4); print $1, $4 }' >>"$work/busy.windows"
    done
) &
wrk_pid=$!
sync_started=$(now_ms)
code=$(curl -sS -o "$work/resync.json" -w '%{http_code}' -X POST -H "Authorization: Bearer bench-key" "$http/api/v1/sync?source=models.dev")
# 200: it ended within Starmap:Http:SyncWait and the body is the result; 202: poll the run.
case "$code" in
    200) jq '{state: "completed", result: .}' "$work/resync.json" >"$work/resync-run.json" ;;
    202)
        run_id=$(jq -r '.run_id // .runId' "$work/resync.json")
        while :; do
            curl -fsS -H "Authorization: Bearer bench-key" "$http/api/v1/sync/runs/$run_id" -o "$work/resync-run.json"
            [ "$(jq -r '.state' "$work/resync-run.json")" = "completed" ] && break
            [ $(( $(now_ms) - sync_started )) -lt 1800000 ] || { echo "sync never completed"; exit 1; }
            sleep 0.2
        done ;;
    *) cat "$work/resync.json"; echo "POST /api/v1/sync answered $code"; exit 1 ;;
esac
resync_ms=$(( $(now_ms) - sync_started ))
touch "$work/sync.done"
wait "$wrk_pid" || true
wrk -t2 -c4 -d5s "$point" >"$work/idle-after.wrk" 2>&1
echo "sync: $resync_ms ms; totals: $(jq -c '.result.totals' "$work/resync-run.json")"
echo "rejected: $(jq -r '[.result.providers[]? | select(.status == "rejected") | "\(.provider_id): \(.reason)"] | join("; ")' "$work/resync-run.json")"
# The last window outlived the sync (it ran on after the sync ended): counted only when it is the only one.
[ "$(wc -l <"$work/busy.windows")" -gt 1 ] && sed -i '$d' "$work/busy.windows"
busy=$(awk '{ n += $1; t += $2 } END { if (t > 0) printf "%.2f", n / t; else print 0 }' "$work/busy.windows")
echo "point reads during the sync (all of it, $(wc -l <"$work/busy.windows") windows of 2 s): $busy req/s; per window: $(awk '{ printf "%.0f ", $1 / $2 }' "$work/busy.windows")"
echo "point reads idle after: $(rate "$work/idle-after.wrk") req/s"
awk -v before="$(rate "$work/idle.wrk")" -v after="$(rate "$work/idle-after.wrk")" -v busy="$busy" \
    'BEGIN { idle = (before + after) / 2; printf "during / idle: %.2f (idle: mean of before and after, %.0f req/s)\n", busy / idle, idle }'
