#!/usr/bin/env bash
# Runs the Pester suite of the PowerShell module against a real silo process:
# lays out the module, seeds a throwaway data folder once (a silo started and stopped), starts the silo from its
# built dll on free ports with a copy of it, waits for its ready line, runs tests/pester/run.ps1 in pwsh 7.6.9 (dotnet local tool), stops the silo.
# Usage: tests/pester/run.sh [--no-build]   (--no-build: the Release build of the solution already ran)
# Ends with the "N passed, N failed" line of run.ps1; exit code 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
# The suite's silos (this one and those tests start) do not rehearse a sync after their start: its CPU would
# only slow the suite (Starmap:Sync:Rehearse; tests/Starmap.EndToEnd.Tests covers the rehearsal).
export Starmap__Sync__Rehearse=false

if [ "${1:-}" != "--no-build" ]; then
    dotnet build src/Starmap.Silo -c Release -nologo -clp:NoSummary -v q || exit 1
    dotnet build module/Starmap.PowerShell -c Release -nologo -clp:NoSummary -v q || exit 1
fi
dotnet tool restore >/dev/null || exit 1
dotnet restore build/PesterDownload -v q >/dev/null || exit 1
build/module.sh --no-build >/dev/null || exit 1

work=$(mktemp -d)
silo=""
cleanup() {
    if [ -n "$silo" ] && kill -0 "$silo" 2>/dev/null; then
        kill "$silo" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$silo" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$silo" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        # Nothing answers on it (bash's /dev/tcp connects; failure means free).
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}
pick_ports() {
    silo_port=$(free_port)
    gateway_port=$(free_port)
    while [ "$gateway_port" = "$silo_port" ]; do gateway_port=$(free_port); done
    # Its HTTP API on a free port too: the default 5080 may be taken by another silo on the machine.
    http_port=$(free_port)
    while [ "$http_port" = "$silo_port" ] || [ "$http_port" = "$gateway_port" ]; do http_port=$(free_port); done
}

# The silo gets no provider keys and a models.dev URL on a closed local port: the suite never reaches
# out to the internet, and syncs of the built-in providers are skipped for their missing keys.
start_silo() {   # data folder, log file
    env -u OPENAI_API_KEY -u ANTHROPIC_API_KEY -u GOOGLE_API_KEY -u GEMINI_API_KEY -u GROQ_API_KEY \
        -u DEEPSEEK_API_KEY -u CEREBRAS_API_KEY -u MISTRAL_API_KEY -u MOONSHOT_API_KEY -u OPENROUTER_API_KEY \
        Starmap__Sources__ModelsDevUrl=http://127.0.0.1:9/api.json Starmap__Sources__MaxRetries=0 \
        dotnet src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll \
        --data-dir "$1" --silo-port "$silo_port" --gateway-port "$gateway_port" --http-port "$http_port" >"$2" 2>&1 &
    silo=$!
    local deadline=$((SECONDS + 120))   # a first start seeds the built-in catalog: seconds alone, more on a loaded machine
    until grep -q "Starmap silo ready" "$2"; do
        if ! kill -0 "$silo" 2>/dev/null; then
            echo "silo exited before it was ready:"; cat "$2"
            echo "0 passed, 1 failed"; exit 1
        fi
        if [ $SECONDS -ge $deadline ]; then
            echo "silo not ready within 120 s:"; cat "$2"
            echo "0 passed, 1 failed"; exit 1
        fi
        sleep 0.1
    done
}

# Seeding the built-in catalog (5,900 offerings) is most of a first start's CPU. It is done once, here: a silo
# seeds $work/seeded and stops (SIGTERM; its store is then a stopped database, no live WAL, so copying its files
# is a correct copy). The suite's silo and the test files that start a seeded silo of their own
# (STARMAP_SEEDED_STORE, see New-SeededDataFolder in Common.ps1) start from copies of it.
pick_ports
start_silo "$work/seeded" "$work/seed.log"
if ! grep -q "Seeded the built-in catalog" "$work/seed.log"; then
    echo "the seeding silo did not seed:"; cat "$work/seed.log"
    echo "0 passed, 1 failed"; exit 1
fi
kill -TERM "$silo"
for _ in $(seq 1 300); do kill -0 "$silo" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$silo" 2>/dev/null || ! wait "$silo"; then
    echo "the seeding silo did not stop cleanly:"; cat "$work/seed.log"
    echo "0 passed, 1 failed"; exit 1
fi
silo=""
rm -f "$work/seeded/starmap.lock" "$work/seeded/starmap.db-shm"
mkdir -p "$work/data"
cp "$work/seeded"/starmap.db* "$work/data/"
pick_ports   # new ones: the seeding silo's may still be held by the kernel for a moment
start_silo "$work/data" "$work/silo.log"

STARMAP_MODULE="$root/artifacts/module/Starmap/Starmap.psd1" \
STARMAP_GATEWAY="127.0.0.1:$gateway_port" \
STARMAP_HTTP="http://127.0.0.1:$http_port" \
STARMAP_SILO_DLL="$root/src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll" \
STARMAP_SEEDED_STORE="$work/seeded" \
    timeout 1500 dotnet pwsh -NoProfile -NonInteractive -File tests/pester/run.ps1
status=$?
[ $status -eq 124 ] && echo "Pester did not finish within 25 minutes"
if [ $status -ne 0 ]; then
    echo "--- silo log (last 40 lines) ---"; tail -n 40 "$work/silo.log"
fi
exit $status
