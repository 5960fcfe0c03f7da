#!/usr/bin/env bash
# Runs every test: builds the solution (warnings are errors), runs all test projects and, beside them
# (a second lane, see below), the PowerShell module's Pester suite in real pwsh against a real silo, and ends with one plain line
# "N passed, N failed" over all of them. Needs only the .NET SDK (pwsh and Pester are restored from
# NuGet here); the exit code is 0 on success.
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
    echo "xunit: $passed passed, $failed failed"
    # Name every failed test, so a red run's last lines say what to look at.
    for trx in "$results"/*.trx; do
        [ -e "$trx" ] || continue
        # Each failed test by name, then the first lines of its message: a flaky test in a CI log must
        # say what it saw, or it cannot be fixed.
        awk -v project="$(basename "$trx" .trx)" '
            /<UnitTestResult / {
                failed = ($0 ~ /outcome="Failed"/); inmsg = 0; n = 0
                if (failed) { name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); print "FAILED " project ": " name }
            }
            failed && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
            failed && inmsg { line = $0; done = sub(/<\/Message>.*/, "", line); if (n++ < 8) print "    " line; if (done) { inmsg = 0; failed = 0 } }
        ' "$trx"
    done
    if [ -e "$results/pester.counts" ]; then
        read -r p f < "$results/pester.counts"
        passed=$((passed + ${p:-0}))
        failed=$((failed + ${f:-0}))
    fi
    failed=$((failed + ${1:-0}))
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# The cluster tests (tests/Starmap.Cluster.Tests) run real silos on a real redis-server, which they
# start on free loopback ports in temporary folders (append-only, appendfsync always) and stop again.
# A fresh machine has no Redis: install Debian's package once.
if ! command -v redis-server >/dev/null; then
    echo "installing redis-server (Debian package) for the cluster tests"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >/dev/null; }; then
        echo "could not install redis-server"
        summary 1
        exit 1
    fi
fi
# The HTTP tests lint /openapi/v1.json with Redocly and read the OpenAI bases with the openai npm client
# (tests/openapi-lint, installed there by the tests with npm ci from its package-lock.json). A machine
# without node gets Debian's nodejs and npm (node 18 or later is enough for the pinned versions).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "installing nodejs and npm (Debian packages) for the OpenAPI lint and openai client tests"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null; }; then
        echo "could not install nodejs and npm"
        summary 1
        exit 1
    fi
fi
# The web catalog's browser tests (tests/Starmap.Web.Tests) drive Debian's headless Chromium with
# Playwright for .NET (no browser download): install chromium and chromium-driver when missing.
if ! command -v chromium >/dev/null; then
    echo "installing chromium and chromium-driver (Debian packages) for the web catalog tests"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null; }; then
        echo "could not install chromium"
        summary 1
        exit 1
    fi
fi
# The Debian package may start a system Redis on 6379; the tests never use it.
export STARMAP_REDIS_SERVER="$(command -v redis-server)"
export STARMAP_FIGURES="$PWD/$results/cluster-figures.txt"
# The HTTP fuzz (tests/Starmap.Fuzz.Tests) draws a new seed when run alone; here it replays a fixed one
# so a CI run is repeatable. Override it to explore: STARMAP_FUZZ_SEED=<n> ./test.sh
export STARMAP_FUZZ_SEED="${STARMAP_FUZZ_SEED:-2140445007}"
# Stops a process and everything it started, deepest first (by process ID).
kill_tree() {
    local child
    # Children from /proc (a fresh machine may have no procps, so no pgrep).
    for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do kill_tree "$child"; done
    kill -TERM "$1" 2>/dev/null
}
cleanup() {
    # A second lane still going (test.sh stopped early): stop it and what it runs (Pester's silo stops
    # with run.sh: its own exit trap).
    if [ -n "${second_pid:-}" ] && kill -0 "$second_pid" 2>/dev/null; then
        kill_tree "$second_pid"
    fi
    # A test host that crashed may leave its redis-server behind (each runs in a starmap-e2e temp folder).
    for pidfile in "${TMPDIR:-/tmp}"/starmap-e2e/redis-*/redis.pid; do
        [ -e "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null
    done
    true
}
trap cleanup EXIT

# Tools of the Pester suite: pwsh 7.6.9 (dotnet-tools.json) and Pester (build/PesterDownload).
if ! dotnet tool restore >/dev/null || ! dotnet restore build/PesterDownload -v q >/dev/null; then
    echo "tool restore failed"
    summary 1
    exit 1
fi

if ! dotnet build Starmap.Orleans.sln -c Release -nologo -clp:NoSummary; then
    echo "build failed"
    summary 1
    exit 1
fi

# Two lanes. The first runs the xunit projects one after another. The second, in the background, lays out the
# PowerShell module, starts a silo and runs tests/pester in pwsh (tests/pester/run.sh), then the xunit
# projects named in STARMAP_BESIDE_PESTER (space-separated project names; default below). Much of each lane is
# waiting (silo starts, pwsh and test-host start-up, single-threaded JIT, polls for a condition), so on 2 cores
# the two together take little longer than the longer lane alone. The second lane's output goes to a file,
# printed whole after the first lane, so the log reads as before. STARMAP_SERIAL_TESTS=1 runs everything in
# one lane, in the old order (to time the parts apart). The default evens the lanes (serially: Pester ~9 min,
# the cluster tests ~3.5 min, the other xunit projects ~13 min); the cluster tests wait on failure detection,
# restarts and reminders more than they compute, and their bounds (recovery within 60 s, typically 6 s) leave
# room for a second lane's load.
beside_pester=" ${STARMAP_BESIDE_PESTER-Starmap.Cluster.Tests} "
# An xunit v3 test project is its own runner: run its built dll from its output folder and let it write
# the trx itself. That skips dotnet test's MSBuild and test-host start-up, about
# 13 s of CPU a project. STARMAP_DOTNET_TEST=1 runs the projects through dotnet test instead.
run_project() {
    local name
    name=$(basename "$1" .csproj)
    if [ "${STARMAP_DOTNET_TEST:-0}" = 1 ]; then
        dotnet test "$1" -c Release --no-build -nologo \
            --logger "trx;LogFileName=$name.trx" --results-directory "$results"
    else
        local trx="$PWD/$results/$name.trx"
        echo "=== $name"
        (cd "$(dirname "$1")/bin/Release/net10.0" && dotnet "$name.dll" -noColor -trx "$trx")
        local code=$?
        # A runner that died before writing its trx still counts as a failure in the last line.
        [ "$code" -ne 0 ] && [ ! -e "$trx" ] && echo "$name" >>"$results/no-trx.txt"
        return "$code"
    fi
}
projects=(tests/*.Tests/*.Tests.csproj)
first_lane=() second_lane=()
for project in "${projects[@]}"; do
    if [ "${STARMAP_SERIAL_TESTS:-0}" != 1 ] && [[ "$beside_pester" == *" $(basename "$project" .csproj) "* ]]; then
        second_lane+=("$project")
    else
        first_lane+=("$project")
    fi
done

second_log="$results/second-lane.log"
second_pid=""
if [ "${STARMAP_SERIAL_TESTS:-0}" != 1 ]; then
    (
        tests/pester/run.sh --no-build
        echo $? >"$results/pester.status"
        for project in "${second_lane[@]}"; do
            run_project "$project" || echo 1 >"$results/second-lane.status"
        done
    ) >"$second_log" 2>&1 &
    second_pid=$!
fi

status=0
for project in "${first_lane[@]}"; do
    run_project "$project" || status=1
done

if [ -n "$second_pid" ]; then
    wait "$second_pid"
    second_pid=""
    echo "--- second lane: Pester (tests/pester/run.sh)${second_lane[*]:+, then ${second_lane[*]}}; ran beside the first ---"
    cat "$second_log"
    pester_status=$(cat "$results/pester.status" 2>/dev/null || echo 1)
    [ -e "$results/second-lane.status" ] && status=1
else
    tests/pester/run.sh --no-build
    pester_status=$?
fi
pester_failed=0
if [ "$pester_status" -ne 0 ]; then
    status=1
    # A run that stopped before Pester counted anything still counts as a failure.
    [ -e "$results/pester.counts" ] || pester_failed=1
fi

if [ -s "$STARMAP_FIGURES" ]; then
    echo "cluster failover figures (tests/Starmap.Cluster.Tests):"
    sed 's/^/  /' "$STARMAP_FIGURES"
fi

no_trx=0
if [ -e "$results/no-trx.txt" ]; then
    no_trx=$(wc -l <"$results/no-trx.txt")
    sed 's/^/FAILED (no test results written): /' "$results/no-trx.txt"
fi
if summary "$((pester_failed + no_trx))" && [ "$status" -eq 0 ]; then
    exit 0
fi
exit 1
