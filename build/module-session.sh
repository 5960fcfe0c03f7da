#!/usr/bin/env bash
# Records the README's PowerShell session from real pwsh against a real silo: lays out the module, starts a
# throwaway seeded silo (no provider keys, models.dev unreachable, free ports), runs build/Write-ModuleSession.ps1,
# stops the silo. Usage: build/module-session.sh [--no-build]   (--no-build: the module is built and laid out)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
    dotnet build src/Starmap.Silo -c Release -nologo -clp:NoSummary -v q
    dotnet build module/Starmap.PowerShell -c Release -nologo -clp:NoSummary -v q
    build/module.sh --no-build >/dev/null
fi
work=$(mktemp -d)
silo=""
cleanup() {
    if [ -n "$silo" ] && kill -0 "$silo" 2>/dev/null; then kill "$silo"; wait "$silo" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
port() {   # a port nothing answers on (bash's /dev/tcp connects; failure means free)
    local p
    while :; do p=$((20000 + RANDOM % 40000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done
}
silo_port=$(port); gateway_port=$(port)
while [ "$gateway_port" = "$silo_port" ]; do gateway_port=$(port); done
env -u OPENAI_API_KEY -u ANTHROPIC_API_KEY -u GROQ_API_KEY \
    Starmap__Sources__ModelsDevUrl=http://127.0.0.1:9/api.json Starmap__Sources__MaxRetries=0 \
    dotnet src/Starmap.Silo/bin/Release/net10.0/Starmap.Silo.dll \
    --data-dir "$work/data" --silo-port "$silo_port" --gateway-port "$gateway_port" --http-port 0 >"$work/silo.log" 2>&1 &
silo=$!
deadline=$((SECONDS + 240))
until grep -q "Starmap silo ready" "$work/silo.log"; do
    kill -0 "$silo" 2>/dev/null || { cat "$work/silo.log"; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "silo not ready"; cat "$work/silo.log"; exit 1; }
    sleep 0.2
done
dotnet pwsh -NoProfile -NonInteractive -File build/Write-ModuleSession.ps1 \
    -Module "$PWD/artifacts/module/Starmap/Starmap.psd1" -Readme "$PWD/README.md" -Gateway "127.0.0.1:$gateway_port"
