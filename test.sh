#!/usr/bin/env bash
# Runs every test: builds the solution (warnings are errors), runs all test projects, and ends
# with one plain line "N passed, N failed". Needs only the .NET SDK; the exit code is 0 on success.
set -uo pipefail
cd "$(dirname "$0")"

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

summary() {
    local passed=0 failed=0 p f
    for trx in "$results"/*.trx; do
        [ -e "$trx" ] || continue
        p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]\+')
        f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]\+')
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
    done
    failed=$((failed + ${1:-0}))
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

if ! dotnet build Starmap.Orleans.sln -c Release -nologo -clp:NoSummary; then
    echo "build failed"
    summary 1
    exit 1
fi

status=0
for project in tests/*.Tests/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c Release --no-build -nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

if summary 0 && [ "$status" -eq 0 ]; then
    exit 0
fi
exit 1
