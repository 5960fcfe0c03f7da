#!/usr/bin/env bash
# Runs the Pester suite of the PowerShell module against a real silo process:
# lays out the module, starts the silo from its built dll on free ports with a throwaway data folder,
# waits for its ready line, runs tests/pester/run.ps1 in pwsh 7.6.9 (dotnet local tool), stops the silo.
# Usage: tests/pester/run.sh [--no-build]   (--no-build: the Release build of the solution already ran)
# Ends with the "N passed, N failed" line of run.ps1; exit code 0 only when every test passed.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

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
silo_port=$(free_port)
gateway_port=$(free_port)
while [ "$gateway_port" = "$silo_port" ]; do gateway_port=$(free_port); done
# Its HTTP API on a free port too: the default 5080 may be taken by another silo on the machine.
http_port=$(free_port)
while [ "$http_port" = "$silo_port" ] || [ "$http_port" = "$gateway_port" ]; do http_port=$(free_port); done

# The silo gets no provider keys and a models.dev URL on a closed local port: the suite never reaches
# out to the internet, and syncs of the built-in providers are skipped for their missing keys.
env -u OPENAI_API_KEY -u ANTHROPIC_API_KEY -u GOOGLE_API_KEY -u GEMINI_API_KEY -u GROQ_API_KEY \
    -u DEEPSEEK_API_KEY -u CEREBRAS_API_KEY -u MISTRAL_API_KEY -u MOONSHOT_API_KEY -u OPENROUTER_API_KEY \
    Starmap__Sources__ModelsDevUrl=http://127.0.0.1:9/api.json Starmap__Sources__MaxRetries=0 \
    dotnet src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll \
    --data-dir "$work/data" --silo-port "$silo_port" --gateway-port "$gateway_port" --http-port "$http_port" >"$work/silo.log" 2>&1 &
silo=$!

deadline=$((SECONDS + 120))   # a first start seeds the built-in catalog: seconds alone, more on a loaded machine
until grep -q "Starmap silo ready" "$work/silo.log"; do
    if ! kill -0 "$silo" 2>/dev/null; then
        echo "silo exited before it was ready:"; cat "$work/silo.log"
        echo "0 passed, 1 failed"; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
        echo "silo not ready within 120 s:"; cat "$work/silo.log"
        echo "0 passed, 1 failed"; exit 1
    fi
    sleep 0.1
done

STARMAP_MODULE="$root/artifacts/module/Starmap/Starmap.psd1" \
STARMAP_GATEWAY="127.0.0.1:$gateway_port" \
STARMAP_HTTP="http://127.0.0.1:$http_port" \
STARMAP_SILO_DLL="$root/src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll" \
    timeout 1500 dotnet pwsh -NoProfile -NonInteractive -File tests/pester/run.ps1
status=$?
[ $status -eq 124 ] && echo "Pester did not finish within 25 minutes"
if [ $status -ne 0 ]; then
    echo "--- silo log (last 40 lines) ---"; tail -n 40 "$work/silo.log"
fi
exit $status
