#!/usr/bin/env bash
# The silo's footprint at full scale: (1) a first start on an empty folder (seeds the built-in catalog, the
# full models.dev universe) timed from the process start to its ready line, with its resident memory (RSS)
# when ready and after a round of queries; (2) a restart on that same folder; (3) ×10: a silo with no seed
# that imports a models.dev api.json whose every model is there ten times (IDs suffixed ~1..~9), then its
# RSS after the import and after the same queries. Release dll, free ports, throwaway folders; stops
# everything. Not part of ./test.sh.
#   dotnet build src/Starmap.Silo -c Release && tests/load/silo-footprint.sh [api.json] [scale=10]
set -euo pipefail
cd "$(dirname "$0")/../.."

find_snapshot() {
    local dir; dir=$(pwd)
    while [ "$dir" != / ]; do
        dir=$(dirname "$dir")
        [ -f "$dir/shared/fixtures/models.dev/api.json" ] && { echo "$dir/shared/fixtures/models.dev/api.json"; return; }
    done
    echo "../shared/fixtures/models.dev/api.json"
}
snapshot=$(realpath -m "${1:-$(find_snapshot)}")
scale=${2:-10}
dll=src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll
[ -f "$dll" ] || { echo "build first: dotnet build src/Starmap.Silo -c Release"; exit 1; }
command -v jq >/dev/null || { echo "needs jq"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$1/status"; }

work=$(mktemp -d /tmp/starmap-footprint.XXXXXX)
pid=""
stop_silo() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=""; }
cleanup() { stop_silo; [ -n "${KEEP_LOG:-}" ] && cp -r "$work" /tmp/starmap-footprint-last; rm -rf "$work"; }
trap cleanup EXIT

# start_silo NAME FOLDER [extra args...]: starts a silo, waits for its ready line, sets $pid, $http and $ready_ms.
start_silo() {
    local name=$1 folder=$2; shift 2
    local started; started=$(now_ms)
    local http_port; http_port=$(free_port)
    Starmap__Http__RateLimitPermits=1000000000 Starmap__Http__ApiKey=bench-key Starmap__Http__MaxImportBytes=4000000000 \
        dotnet "$dll" --data-dir "$work/$folder" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
        --http-port "$http_port" --cluster-id "footprint-$name" "$@" >"$work/$name.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 3000); do grep -qs "Starmap silo ready" "$work/$name.log" && break; sleep 0.02; done
    grep -q "Starmap silo ready" "$work/$name.log" || { cat "$work/$name.log"; echo "silo $name never got ready"; exit 1; }
    ready_ms=$(( $(now_ms) - started ))
    http="http://127.0.0.1:$http_port"
}

# A round of reads: each list query and a point read 20 times (the answers are not kept by the client).
queries() {
    for _ in $(seq 1 20); do
        for query in "sort=input_price&limit=20" "q=gpt&limit=20" "provider=openai,openrouter&sort=input_price&limit=20" \
            "min_context=100000&max_input_price=5&sort=input_price&limit=50" "limit=500"; do
            curl -fsS -o /dev/null "$http/api/v1/models?$query"
        done
        curl -fsS -o /dev/null "$http/api/v1/models/groq/meta-llama/llama-4-scout-17b-16e-instruct" || true
    done
}
served() { echo "$(curl -fsS "$http/api/v1/models?limit=1" | jq '.total') models from $(curl -fsS "$http/api/v1/providers" | jq '.items | length') providers"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"

start_silo first data
echo "== first start (seeds the built-in catalog): start to ready $ready_ms ms; $(grep -o 'Seeded the built-in catalog.*' "$work/first.log" | head -1)"
echo "served: $(served); RSS when ready $(rss "$pid")"
queries
echo "RSS after 120 reads: $(rss "$pid")"
stop_silo

start_silo restart data
echo "== restart on the same folder: start to ready $ready_ms ms; served: $(served); RSS when ready $(rss "$pid")"
stop_silo

if [ -f "$snapshot" ]; then
    python3 - "$snapshot" "$scale" "$work/api-x.json" <<'PY'
import json, sys
source, scale, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = json.load(open(source))
for provider in data.values():
    models = provider.get("models") or {}
    scaled = {}
    for key, model in models.items():
        for copy in range(scale):
            suffix = "" if copy == 0 else f"~{copy}"
            scaled[key + suffix] = dict(model, id=model.get("id", key) + suffix)
    provider["models"] = scaled
json.dump(data, open(target, "w"))
PY
    start_silo scaled scaled --seed false
    started=$(now_ms)
    code=$(curl -sS -o "$work/import.json" -w '%{http_code}' -X POST -H "Authorization: Bearer bench-key" \
        -H 'Content-Type: application/json' --data-binary "@$work/api-x.json" "$http/api/v1/import")
    if [ "$code" = 202 ]; then
        run_id=$(jq -r '.run_id' "$work/import.json")
        while [ "$(curl -fsS -H "Authorization: Bearer bench-key" "$http/api/v1/sync/runs/$run_id" | jq -r '.state')" != completed ]; do
            [ $(( $(now_ms) - started )) -lt 3600000 ] || { echo "import never completed"; exit 1; }
            sleep 1
        done
    elif [ "$code" != 200 ]; then
        cat "$work/import.json"; echo "import answered $code"; exit 1
    fi
    echo "== x$scale: imported $(stat -c %s "$work/api-x.json") bytes of api.json in $(( $(now_ms) - started )) ms; served: $(served)"
    echo "RSS after the import: $(rss "$pid")"
    queries
    echo "RSS after 120 reads: $(rss "$pid")"
else
    echo "no models.dev snapshot at $snapshot: x$scale skipped"
fi
