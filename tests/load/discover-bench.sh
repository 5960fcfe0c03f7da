#!/usr/bin/env bash
# Issue 10's performance: (1) a first start seeding the built-in catalog, (2) a discover sync of a whole
# models.dev snapshot into an empty catalog, served from a loopback HTTP server, (3) GET /api/v1/models reads
# issued while that sync runs, and (4) a few queries over the synced catalog (median of N runs each).
# Issue 11: (5) syncs of every provider of the seeded catalog from the snapshot, end to end, the first after the
# silo's start and later ones, with the point-read rate (wrk, 4 connections) idle and during each sync.
# SKIP_QUERIES=1 skips (4).
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

# (5) Syncs of every provider of a seeded catalog from the snapshot (every provider exists, its authors too, so
# offerings and definitions are merged and written), with point reads idle and during each. The first sync after
# a silo's start runs code the runtime has not compiled yet (tier-0 code and the JIT itself: measured ~5x the CPU
# of a later sync); a silo syncs on a schedule for its whole life, so the later syncs are what it usually does.
# Three syncs in one silo: the snapshot into the seeded catalog (the first after the start), then a variant of
# the snapshot (every seventh model's input price x1.1, by the length of its ID), then the snapshot again.
# SYNCS=n: more rounds. RESYNC_ALONE=1: no reads during the syncs (their own CPU and time, for comparison).
command -v wrk >/dev/null || { echo "(5) skipped: needs wrk"; exit 0; }
kill -TERM "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'
jq -c 'with_entries(.value.models |= (to_entries | map(if (.key | length) % 7 == 0 and .value.cost.input != null
    then .value.cost.input = (.value.cost.input * 1.1) else . end) | from_entries))' "$snapshot" >"$work/variant.json"
# The source keeps a snapshot for this long: each sync reads the file once, the next sync reads it again.
export Starmap__Sources__ModelsDevCacheDuration=00:00:06
rehearse_started=$(now_ms)
start_silo resync
# The silo rehearses a sync after its ready line (Starmap:Sync:Rehearse, on unless Starmap__Sync__Rehearse=false):
# the first sync below comes after it, as a scheduled or asked-for sync usually would.
if [ "${Starmap__Sync__Rehearse:-true}" != false ]; then
    for _ in $(seq 1 6000); do grep -qs "Rehearsed a sync\|sync rehearsal failed" "$work/resync.log" && break; sleep 0.05; done
    echo "rehearsal: $(grep -o 'Rehearsed a sync.*\|The sync rehearsal failed.*' "$work/resync.log" || echo 'no line within 300 s') ($(( $(now_ms) - rehearse_started )) ms from the silo's start)"
fi
point="$http/api/v1/models/openai/gpt-4o"
curl -fsS -o /dev/null "$point" || { echo "(5) no point to read at $point"; exit 1; }
rate() { awk '/Requests\/sec/ { print $2 }' "$1"; }
# gc_totals: the runtime's collections so far (every generation) and their pause time (s), from /metrics. The
# Prometheus exporter keeps a scrape for 300 ms: the reading after a sync waits that out first.
gc_totals() { sleep 0.35; curl -fsS "$http/metrics" | awk '/^dotnet_gc_collections_total/ { n += $NF } /^dotnet_gc_pause_time_seconds_total/ { p += $NF } END { print n + 0, p + 0 }'; }
# The silo's CPU (user + sys, ms): what a sync cost it, reads included.
silo_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/${pids[-1]}/stat"; }
# The CPU (ms) of the sync's own low-priority threads ("Starmap sync CPU", BackgroundCpu; Linux keeps 15 characters of a thread's name): the rest of the silo's
# CPU runs at normal priority, and that is what the reads compete with.
sync_threads_cpu_ms() {
    local task total=0
    for task in /proc/"${pids[-1]}"/task/*; do
        grep -qs '^Starmap sync CP' "$task/comm" || continue
        # utime and stime are fields 14 and 15, counted after the name in parentheses (which has spaces here)
        total=$(( total + $(sed 's/.*) //' "$task/stat" 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '{ print int(($12 + $13) * 1000 / hz) }') ))
    done
    echo "$total"
}
echo
echo "== syncs of every provider of the seeded catalog ($(providers "$http") providers, $(total "$http") offerings), models.dev only"
echo "point reads: wrk -t2 -c4 GET /api/v1/models/openai/gpt-4o; during a sync: back-to-back 1-s windows, only those wholly inside it"
# The read rate during a sync is taken over the windows that lie wholly inside it, against an idle rate that is the
# mean of a 5-s window before and one after it, after a warm-up window (a fresh silo's first seconds run tier-0 code).
wrk -t2 -c4 -d3s "$point" >/dev/null 2>&1
wrk -t2 -c4 -d5s "$point" >"$work/idle.wrk" 2>&1
for round in $(seq 1 "${SYNCS:-3}"); do
    if [ $((round % 2)) = 0 ]; then cp "$work/variant.json" "$work/www/api.json"; what="the variant"; else cp "$snapshot" "$work/www/api.json"; what="the snapshot"; fi
    rm -f "$work/sync.done" "$work/busy.windows"
    gc_before=$(gc_totals)
    cpu_before=$(silo_cpu_ms)
    sync_cpu_before=$(sync_threads_cpu_ms)
    # PERF_OUT=file: perf samples of the silo over sync PERF_ROUND (1: the first; run with DOTNET_PerfMapEnabled=1 for .NET frames).
    [ -n "${PERF_OUT:-}" ] && [ "$round" = "${PERF_ROUND:-1}" ] && { perf record -F 499 -g -p "${pids[-1]}" -o "$PERF_OUT" >/dev/null 2>&1 & perf_pid=$!; }
    sync_started=$(now_ms)
    (
        while [ ! -e "$work/sync.done" ] && [ -z "${RESYNC_ALONE:-}" ]; do
            from=$(now_ms)
            wrk -t2 -c4 -d1s "$point" >"$work/busy.wrk" 2>&1
            # start and end (ms) and requests of the window ("N requests in 1.00s")
            echo "$from $(now_ms) $(grep -o '[0-9]* requests in' "$work/busy.wrk" | cut -d' ' -f1)" >>"$work/busy.windows"
        done
    ) &
    wrk_pid=$!
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
    sync_ended=$(now_ms)
    resync_ms=$(( sync_ended - sync_started ))
    cpu_during=$(( $(silo_cpu_ms) - cpu_before ))
    sync_cpu_during=$(( $(sync_threads_cpu_ms) - sync_cpu_before ))
    [ -n "${PERF_OUT:-}" ] && [ "$round" = "${PERF_ROUND:-1}" ] && { kill -INT "$perf_pid"; wait "$perf_pid" || true; }
    touch "$work/sync.done"
    wait "$wrk_pid" || true
    touch "$work/busy.windows"
    wrk -t2 -c4 -d5s "$point" >"$work/idle-after.wrk" 2>&1
    echo
    echo "sync $round ($what): $resync_ms ms; silo CPU over it: $cpu_during ms (user + sys, reads included): $sync_cpu_during ms on the sync's low-priority threads, $(( cpu_during - sync_cpu_during )) ms at normal priority"
    gc_after=$(gc_totals)
    echo "  collections during it (all generations) and their pause time: $(awk -v a="$gc_before" -v b="$gc_after" 'BEGIN { split(a, x, " "); split(b, y, " "); printf "%d, %.0f ms", y[1] - x[1], (y[2] - x[2]) * 1000 }')"
    raises=$(curl -fsS "$http/metrics" | awk '/^starmap_sync_cpu_raises/ { print $NF }' | head -1)
    echo "  sync threads raised while starved so far (starmap_sync_cpu_raises): ${raises:-not exported}"
    echo "  totals: $(jq -c '.result.totals | {applied, no_changes, rejected, failed, updated_offerings, added_definitions, updated_definitions}' "$work/resync-run.json")"
    jq -r '.result.providers[]? | select(.status == "rejected" or .status == "failed") | "  \(.status): \(.provider_id): \(.reason)"' "$work/resync-run.json"
    # Windows wholly inside the sync; a sync shorter than one window has none, and its reads go unmeasured.
    awk -v a="$sync_started" -v b="$sync_ended" '$1 >= a && $2 <= b' "$work/busy.windows" >"$work/inside.windows"
    if [ -s "$work/inside.windows" ]; then
        busy=$(awk '{ n += $3; t += ($2 - $1) / 1000 } END { printf "%.0f", n / t }' "$work/inside.windows")
        awk -v before="$(rate "$work/idle.wrk")" -v after="$(rate "$work/idle-after.wrk")" -v busy="$busy" -v w="$(wc -l <"$work/inside.windows")" \
            'BEGIN { idle = (before + after) / 2; printf "  point reads during it: %d req/s over %d windows; idle %.0f (before %.0f, after %.0f); during / idle: %.2f\n", busy, w, idle, before, after, busy / idle }' |
            tee -a "$work/ratios.txt"
    elif [ -z "${RESYNC_ALONE:-}" ]; then
        echo "  point reads during it: not measured (the sync was shorter than a 1-s window)"
    fi
    cp "$work/idle-after.wrk" "$work/idle.wrk"
    # The source's kept snapshot (6 s) must lapse before the next sync reads the file again.
    [ "$round" = "${SYNCS:-3}" ] || sleep 1.5
done
# One line for the later syncs (2 and on) of this run: a single sync's ratio moves by ±0.1 from run to run.
if [ -s "$work/ratios.txt" ] && [ "$(wc -l <"$work/ratios.txt")" -gt 1 ]; then
    tail -n +2 "$work/ratios.txt" | awk '{ print $NF }' | sort -n | awk '{ v[NR] = $1; if ($1 >= 0.8) ok++ }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
              printf "\nlater syncs: reads during / idle median %.2f, %d of %d at >= 0.80 (%.2f-%.2f)\n", m, ok, NR, v[1], v[NR] }'
fi
