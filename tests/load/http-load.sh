#!/usr/bin/env bash
# HTTP load: the silo's point read and a filtered list vs nginx serving the same pre-rendered JSON bytes.
# Installs wrk and nginx from Debian if missing, starts a Release silo from the built dll on free ports with
# a temporary data folder (the built-in catalog: the full models.dev universe, ~5,900 offerings), prints the
# catalog size it runs against, runs wrk against both, prints requests/s, latency and the silo/nginx ratios,
# and stops everything. Not part of ./test.sh.
# With GZIP=1 (the default) each route is also asked with 'Accept-Encoding: gzip': the silo's gzip answer
# against nginx serving those same gzip bytes (gzip_static) and against nginx compressing on the fly (level 1).
#   dotnet build src/Starmap.Silo -c Release && tests/load/http-load.sh [seconds=10] [connections="16 64"]
set -euo pipefail
cd "$(dirname "$0")/../.."

duration=${1:-10}
gzip_runs=${GZIP:-1}
connections=${2:-"16 64"}
threads=2
# SILO_DLL: another build of the silo (e.g. a copy of an older bin folder for an A/B run).
dll=${SILO_DLL:-src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll}
[ -f "$dll" ] || { echo "build first: dotnet build src/Starmap.Silo -c Release"; exit 1; }

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt-get install -y -q wrk nginx-light >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk nginx-light >/dev/null; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
silo_port=$(free_port); gateway_port=$(free_port); http_port=$(free_port); nginx_port=$(free_port); fly_port=$(free_port)

work=$(mktemp -d /tmp/starmap-load.XXXXXX)
chmod 755 "$work"
silo_pid=""; nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
    [ -n "$silo_pid" ] && kill -TERM "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
    [ -n "${KEEP_LOG:-}" ] && cp "$work/silo.log" /tmp/starmap-load-silo.log
    rm -rf "$work"
}
trap cleanup EXIT

# The rate limiter would answer 429 to a load generator: lift it for this run.
started=$(date +%s.%N)
Starmap__Http__RateLimitPermits=1000000000 dotnet "$dll" --data-dir "$work/data" --silo-port "$silo_port" \
    --gateway-port "$gateway_port" --http-port "$http_port" --cluster-id load >"$work/silo.log" 2>&1 &
silo_pid=$!
for _ in $(seq 1 600); do grep -q "Starmap silo ready" "$work/silo.log" && break; sleep 0.1; done
grep -q "Starmap silo ready" "$work/silo.log" || { cat "$work/silo.log"; exit 1; }
ready_seconds=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$silo_pid/status"; }
echo "silo: start to ready ${ready_seconds} s (first start: seeds the built-in catalog), RSS $(rss) when ready"

silo="http://127.0.0.1:$http_port"
model_path="/api/v1/models/groq/meta-llama/llama-4-scout-17b-16e-instruct"
list_path="/api/v1/models?provider=openai,anthropic&feature=tool_calls&min_context=128000&sort=input_price&limit=10"
mkdir -p "$work/www"
curl -fsS "$silo$model_path" -o "$work/www/model.json"
curl -fsS "$silo$list_path" -o "$work/www/list.json"
# The same bytes the silo sends to a gzip client, for nginx's gzip_static; a copy without them for on-the-fly gzip.
curl -fsS -H 'Accept-Encoding: gzip' "$silo$model_path" -o "$work/www/model.json.gz"
curl -fsS -H 'Accept-Encoding: gzip' "$silo$list_path" -o "$work/www/list.json.gz"
mkdir -p "$work/www-fly" && cp "$work/www/model.json" "$work/www/list.json" "$work/www-fly/"
chmod -R a+rX "$work/www" "$work/www-fly"
models=$(curl -fsS "$silo/api/v1/models?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
providers=$(curl -fsS "$silo/api/v1/providers" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
echo "catalog: $models models from $providers providers (the silo's built-in catalog)"

cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
error_log $work/nginx-error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    default_type application/json;
    client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
    uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
    server { listen 127.0.0.1:$nginx_port; root $work/www; gzip_static on; }
    server { listen 127.0.0.1:$fly_port; root $work/www-fly; gzip on; gzip_comp_level 1; gzip_min_length 0; gzip_types application/json; }
}
CONF
mkdir -p "$work/tmp"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$nginx_port/model.json" -o /dev/null 2>/dev/null && break; sleep 0.1; done

echo "bytes: model $(stat -c %s "$work/www/model.json") (gzip $(stat -c %s "$work/www/model.json.gz")), list $(stat -c %s "$work/www/list.json") (gzip $(stat -c %s "$work/www/list.json.gz"))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %-6s %5s %12s %10s %10s %10s\n' target what conns "requests/s" "lat avg" "lat p50" "lat p99"
declare -A rps
run() { # name kind url conns [header]
    local header=()
    [ -n "${5:-}" ] && header=(-H "$5")
    # A short warm-up so the JIT and connection pools are settled before the measured run.
    wrk -t "$threads" -c "$4" -d 2s "${header[@]}" "$3" >/dev/null
    local out; out=$(wrk -t "$threads" -c "$4" -d "${duration}s" --latency "${header[@]}" "$3")
    if echo "$out" | grep -q "Non-2xx"; then echo "$out"; echo "non-2xx answers from $3"; exit 1; fi
    rps["$1 $2 $4"]=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    printf '%-14s %-6s %5s %12s %10s %10s %10s\n' "$1" "$2" "$4" \
        "${rps["$1 $2 $4"]}" \
        "$(echo "$out" | awk '/^ +Latency +[0-9]/ {print $2}')" \
        "$(echo "$out" | awk '/^ +50%/ {print $2}')" \
        "$(echo "$out" | awk '/^ +99%/ {print $2}')"
}
# Once, before anything is measured: the silo's JIT reaches its optimized tier (tiered compilation with
# dynamic PGO needs many calls), so the first measured run is not a cold start. nginx needs none.
wrk -t "$threads" -c 64 -d "${WARMUP:-10}s" "$silo$model_path" >/dev/null
wrk -t "$threads" -c 64 -d "${WARMUP:-10}s" "$silo$list_path" >/dev/null
gz='Accept-Encoding: gzip'
for c in $connections; do
    run silo point "$silo$model_path" "$c"
    run nginx point "http://127.0.0.1:$nginx_port/model.json" "$c"
    run silo list "$silo$list_path" "$c"
    run nginx list "http://127.0.0.1:$nginx_port/list.json" "$c"
    if [ "$gzip_runs" = 1 ]; then
        run silo-gzip point "$silo$model_path" "$c" "$gz"
        run nginx-gzstatic point "http://127.0.0.1:$nginx_port/model.json" "$c" "$gz"
        run nginx-gzfly point "http://127.0.0.1:$fly_port/model.json" "$c" "$gz"
        run silo-gzip list "$silo$list_path" "$c" "$gz"
        run nginx-gzstatic list "http://127.0.0.1:$nginx_port/list.json" "$c" "$gz"
        run nginx-gzfly list "http://127.0.0.1:$fly_port/list.json" "$c" "$gz"
    fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); silo RSS after the runs $(rss)"
echo "ratios, silo / nginx requests/s ($models models):"
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
for c in $connections; do
    for what in point list; do
        line="  $what $c conns: identity $(ratio "${rps["silo $what $c"]}" "${rps["nginx $what $c"]}")"
        if [ "$gzip_runs" = 1 ]; then
            line+=", gzip vs gzip_static $(ratio "${rps["silo-gzip $what $c"]}" "${rps["nginx-gzstatic $what $c"]}")"
            line+=", gzip vs on-the-fly gzip $(ratio "${rps["silo-gzip $what $c"]}" "${rps["nginx-gzfly $what $c"]}")"
        fi
        echo "$line"
    done
done
