#!/usr/bin/env bash
# Start to ready of two silo builds, interleaved (A, B, A, B...) so a machine whose load drifts treats both
# alike: per round, each build's seeded first start on an empty folder, its restart on that seeded folder, and
# its start with --seed false on another empty folder.
# Prints every run (ms from the process start to the "Starmap silo ready" line, the CPU the process used by
# then (user + sys: on a machine shared with other work it moves far less than wall time), the seeder's
# line) and the medians. A build is a folder holding Starmap.Silo.dll (copy bin/Release/net10.0 aside before changing
# the code). Free ports, throwaway folders; stops every silo it starts. Not part of ./test.sh.
#   tests/load/start-ab.sh OLD_BIN_DIR NEW_BIN_DIR [rounds=5]
set -euo pipefail
a=$(realpath "$1"); b=$(realpath "$2"); rounds=${3:-5}
for dir in "$a" "$b"; do [ -f "$dir/Starmap.Silo.dll" ] || { echo "no Starmap.Silo.dll in $dir"; exit 1; }; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
tick=$(getconf CLK_TCK)
# cpu_ms PID: user + sys CPU of the process so far (fields 14 and 15 of /proc/PID/stat, after the command name).
cpu_ms() { awk -v t="$tick" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t) }' "/proc/$1/stat"; }
work=$(mktemp -d /tmp/starmap-start-ab.XXXXXX)
pid=""
stop_silo() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; pid=""; }
cleanup() { stop_silo; [ -n "${KEEP_LOG:-}" ] && cp -r "$work" /tmp/starmap-start-ab-last; rm -rf "$work"; }
trap cleanup EXIT

# one DIR LABEL DATA [args...]: one start on the data folder DATA; appends "LABEL ms" to $work/results.
one() {
    local dir=$1 label=$2 data=$3; shift 3
    local log="$work/$label-$(now_ms).log" started
    started=$(now_ms)
    dotnet "$dir/Starmap.Silo.dll" --data-dir "$data" --silo-port "$(free_port)" --gateway-port "$(free_port)" \
        --http-port "$(free_port)" --cluster-id "start-ab" "$@" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 6000); do grep -qs "Starmap silo ready" "$log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
    grep -q "Starmap silo ready" "$log" || { cat "$log"; echo "silo never got ready"; exit 1; }
    local ms=$(( $(now_ms) - started )) cpu
    cpu=$(cpu_ms "$pid")
    stop_silo
    echo "$label $ms" >>"$work/results"
    echo "$label $cpu" >>"$work/cpu"
    printf '%-14s %6d ms  cpu %6d ms  load %s  %s\n' "$label" "$ms" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" "$(grep -o 'in [0-9]* ms (.*' "$log" | head -1)"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "A: $a"; echo "B: $b"
for round in $(seq 1 "$rounds"); do
    echo "-- round $round"
    # Alternate which build goes first, so neither always meets the same moment of a load swing.
    if [ $((round % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
    for which in $order; do
        dir=$a; [ "$which" = B ] && dir=$b
        data="$work/data-$(now_ms)"
        one "$dir" "$which-seeded" "$data"
        one "$dir" "$which-restart" "$data"
        one "$dir" "$which-noseed" "$work/data-$(now_ms)" --seed false
    done
done
median() { awk -v l="$1" '$1 == l { print $2 }' "$2" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "-- medians (ms)         wall     cpu"
for label in A-seeded B-seeded A-restart B-restart A-noseed B-noseed; do
    printf '%-14s %12s %7s\n' "$label" "$(median "$label" "$work/results")" "$(median "$label" "$work/cpu")"
done
