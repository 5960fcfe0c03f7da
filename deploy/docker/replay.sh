#!/usr/bin/env bash
# Replays deploy/docker/Dockerfile without Docker, so a machine with only the .NET SDK can check the
# image's recipe: builds the context as Docker would send it (honouring .dockerignore), runs the build
# stage's COPY and RUN lines in a folder per stage, copies the result into the runtime stage, starts the
# ENTRYPOINT with the runtime stage's ENV, waits for the ready line, runs the HEALTHCHECK command, stops
# the silo with SIGTERM and checks that the HEALTHCHECK then fails.
#
# Usage: deploy/docker/replay.sh WORK_DIR [--silo-port N] [--gateway-port N] [--http-port N] [--timeout S]
#   WORK_DIR  absent or empty; gets context/, stage0/ (build), stage1/ (runtime), build.log, silo.log
#   ports     override the Dockerfile's Starmap__*Port ENV (tests pass free ports); default: the Dockerfile's
#   timeout   seconds to wait for the ready line (default 90)
# Prints "replay: ..." lines and ends with "replay: ok"; exits non-zero with the log on any failure.
#
# The forms it reads, and so the forms the Dockerfile keeps to: FROM [AS name]; WORKDIR; COPY [--from=stage]
# of plain files and folders; RUN in shell form (replayed in every stage but the last, with absolute paths
# mapped into the stage's folder); ENV name=value pairs without quotes; EXPOSE; HEALTHCHECK [options] CMD in
# shell form; ENTRYPOINT in exec form. The last stage's RUN lines (the /data folder and its owner) are not
# replayed: the replay maps Starmap__DataDirectory into its own stage folder instead. The aspnet base
# image's own ENV is applied first, as in the image.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
dockerfile="$here/Dockerfile"
base_env=(ASPNETCORE_HTTP_PORTS=8080 APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true)

fail() { echo "replay: FAILED: $*" >&2; exit 1; }

[ $# -ge 1 ] || fail "usage: $0 WORK_DIR [--silo-port N] [--gateway-port N] [--http-port N] [--timeout S]"
work=$1
shift
declare -A override=()
ready_timeout=90
while [ $# -gt 0 ]; do
    case "$1" in
        --silo-port) override[Starmap__SiloPort]=$2 ;;
        --gateway-port) override[Starmap__GatewayPort]=$2 ;;
        --http-port) override[Starmap__HttpPort]=$2 ;;
        --timeout) ready_timeout=$2 ;;
        *) fail "unknown argument $1" ;;
    esac
    shift 2
done
mkdir -p "$work"
work=$(cd "$work" && pwd)
[ -z "$(ls -A "$work")" ] || fail "$work is not empty"

# The context Docker sends: the repository less what .dockerignore names ("**/x" at any depth, else at the top).
ignore=()
while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    line="${line%"${line##*[![:space:]]}"}"
    line="${line%/}"
    case "$line" in
        '') ;;
        '**/'*) ignore+=(--no-anchored "--exclude=${line#'**/'}") ;;
        *) ignore+=(--anchored "--exclude=$line") ;;
    esac
done < "$repo/.dockerignore"
mkdir "$work/context"
mapfile -d '' top < <(cd "$repo" && find . -mindepth 1 -maxdepth 1 -printf '%P\0')
tar -C "$repo" -cf - "${ignore[@]}" -- "${top[@]}" | tar -C "$work/context" -xf -

# Instructions: comment lines dropped, continuation lines joined.
instructions=()
current=""
while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ "$line" == *\\ ]]; then
        current+="${line%\\} "
        continue
    fi
    instructions+=("$current$line")
    current=""
done < "$dockerfile"
stages=0
for instruction in "${instructions[@]}"; do
    [[ "${instruction^^}" == FROM\ * ]] && stages=$((stages + 1))
done
[ "$stages" -ge 2 ] || fail "expected a build stage and a runtime stage, found $stages"

stage=-1
declare -A stage_index=()
root="" workdir=/ container_env=() healthcheck="" healthcheck_timeout=30 entrypoint=()
for instruction in "${instructions[@]}"; do
    keyword="${instruction%%[[:space:]]*}"
    rest="${instruction#"$keyword"}"
    rest="${rest#"${rest%%[![:space:]]*}"}"
    case "${keyword^^}" in
    FROM)
        stage=$((stage + 1))
        root="$work/stage$stage"
        workdir=/
        mkdir -p "$root"
        if [[ "$rest" =~ [[:space:]][Aa][Ss][[:space:]]+([^[:space:]]+) ]]; then stage_index[${BASH_REMATCH[1]}]=$stage; fi
        echo "replay: FROM $rest (stage $stage)"
        ;;
    WORKDIR)
        case "$rest" in /*) workdir=$rest ;; *) workdir="${workdir%/}/$rest" ;; esac
        mkdir -p "$root$workdir"
        ;;
    COPY)
        read -ra words <<< "$rest"
        source_root="$work/context"
        if [[ "${words[0]}" == --from=* ]]; then
            from="${words[0]#--from=}"
            [ -n "${stage_index[$from]:-}" ] || fail "COPY --from=$from: no such stage"
            source_root="$work/stage${stage_index[$from]}"
            words=("${words[@]:1}")
        fi
        [[ "${words[0]}" != --* ]] || fail "COPY option ${words[0]} is not replayed"
        dest="${words[-1]}"
        case "$dest" in /*) ;; *) dest="${workdir%/}/$dest" ;; esac
        unset 'words[-1]'
        for source in "${words[@]}"; do
            [[ "$source" != *[\*\?]* ]] || fail "COPY wildcards are not replayed: $source"
            path="$source_root/${source#/}"
            if [ -d "$path" ]; then
                mkdir -p "$root$dest"
                cp -a "$path/." "$root$dest/"
            elif [ -f "$path" ]; then
                if [[ "$dest" == */ || ${#words[@]} -gt 1 ]]; then mkdir -p "$root$dest"; cp -a "$path" "$root$dest"; else mkdir -p "$(dirname "$root$dest")"; cp -a "$path" "$root$dest"; fi
            else
                fail "COPY source $source does not exist"
            fi
        done
        echo "replay: COPY $rest"
        ;;
    RUN)
        if [ "$stage" -eq $((stages - 1)) ]; then
            echo "replay: RUN (runtime stage, not replayed) $rest"
            continue
        fi
        [[ "$rest" != \[* ]] || fail "RUN in exec form is not replayed: $rest"
        echo "replay: RUN $rest"
        mapped=$(printf '%s' "$rest" | sed -E "s#(^|[[:space:]=])/#\\1$root/#g")
        if ! (cd "$root$workdir" && MSBUILDDISABLENODEREUSE=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 sh -c "$mapped") >> "$work/build.log" 2>&1; then
            tail -n 60 "$work/build.log" >&2
            fail "RUN $rest"
        fi
        ;;
    ENV)
        [ "$stage" -eq $((stages - 1)) ] || continue
        [[ "$rest" != *[\"\']* ]] || fail "ENV values with quotes are not replayed: $rest"
        read -ra pairs <<< "$rest"
        for pair in "${pairs[@]}"; do
            [[ "$pair" == *=* ]] || fail "ENV needs name=value pairs: $pair"
            container_env+=("$pair")
            echo "replay: ENV $pair"
        done
        ;;
    EXPOSE) echo "replay: EXPOSE $rest" ;;
    HEALTHCHECK)
        options="${rest%%CMD *}"
        healthcheck="${rest#*CMD }"
        [[ "$healthcheck" != \[* ]] || fail "HEALTHCHECK CMD in exec form is not replayed"
        if [[ "$options" =~ --timeout=([0-9]+)s ]]; then healthcheck_timeout=${BASH_REMATCH[1]}; fi
        echo "replay: HEALTHCHECK $healthcheck"
        ;;
    ENTRYPOINT)
        [[ "$rest" =~ ^\[(.*)\]$ ]] || fail "ENTRYPOINT must be in exec form"
        IFS=',' read -ra items <<< "${BASH_REMATCH[1]}"
        for item in "${items[@]}"; do
            item="${item#"${item%%[![:space:]]*}"}"
            item="${item%"${item##*[![:space:]]}"}"
            [[ "$item" =~ ^\"([A-Za-z0-9._/:=-]+)\"$ ]] || fail "ENTRYPOINT item $item is not a plain string"
            entrypoint+=("${BASH_REMATCH[1]}")
        done
        echo "replay: ENTRYPOINT ${entrypoint[*]}"
        ;;
    USER | ARG | LABEL | VOLUME | STOPSIGNAL | SHELL) echo "replay: $keyword $rest (not replayed)" ;;
    *) fail "unknown instruction $keyword" ;;
    esac
done
[ ${#entrypoint[@]} -gt 0 ] || fail "no ENTRYPOINT"
[ -n "$healthcheck" ] || fail "no HEALTHCHECK"

# The container's environment: the base image's, the Dockerfile's, then the replay's ports and data folder.
declare -A env_value=()
env_order=()
for pair in "${base_env[@]}" "${container_env[@]}"; do
    name="${pair%%=*}"
    [ -n "${env_value[$name]+set}" ] || env_order+=("$name")
    env_value[$name]="${pair#*=}"
done
for name in "${!override[@]}"; do
    [ -n "${env_value[$name]+set}" ] || env_order+=("$name")
    env_value[$name]=${override[$name]}
    echo "replay: override $name=${override[$name]}"
done
data="${env_value[Starmap__DataDirectory]:-}"
[[ "$data" == /* ]] || fail "the runtime stage must set Starmap__DataDirectory to an absolute path"
env_value[Starmap__DataDirectory]="$root$data"
mkdir -p "$root$data"
run_env=(PATH="$PATH" HOME="$work/home")
[ -z "${DOTNET_ROOT:-}" ] || run_env+=(DOTNET_ROOT="$DOTNET_ROOT")
for name in "${env_order[@]}"; do run_env+=("$name=${env_value[$name]}"); done
mkdir -p "$work/home"

: > "$work/silo.log"
(cd "$root$workdir" && exec env -i "${run_env[@]}" "${entrypoint[@]}") > "$work/silo.log" 2>&1 &
silo=$!
trap 'kill -KILL "$silo" 2>/dev/null || true' EXIT
echo "replay: started ${entrypoint[*]} in $root$workdir (pid $silo)"

# Waits for a condition with a deadline (no fixed sleeps): the ready line, or the process ending first.
deadline=$((SECONDS + ready_timeout))
until grep -q "Starmap silo ready" "$work/silo.log"; do
    kill -0 "$silo" 2>/dev/null || { cat "$work/silo.log" >&2; fail "the silo exited before its ready line"; }
    [ "$SECONDS" -lt "$deadline" ] || { cat "$work/silo.log" >&2; fail "no ready line within ${ready_timeout}s"; }
    sleep 0.2
done
echo "replay: $(grep -m 1 "Starmap silo ready" "$work/silo.log")"
# Kestrel warns when an ASPNETCORE_HTTP_PORTS/URLS setting is overridden by the silo's own binding.
! grep -q "Overriding address" "$work/silo.log" || fail "$(grep -m 1 "Overriding address" "$work/silo.log")"

probe() { (cd "$root$workdir" && timeout "$healthcheck_timeout" env -i "${run_env[@]}" sh -c "$healthcheck") > /dev/null 2>&1; }
probe || { cat "$work/silo.log" >&2; fail "HEALTHCHECK failed on a running silo"; }
echo "replay: HEALTHCHECK passed (GET /health = 200 on port ${env_value[Starmap__HttpPort]})"

# SIGTERM, as docker stop sends; killed if it has not stopped within 30 s.
kill -TERM "$silo"
timeout 30 tail --pid="$silo" -s 0.1 -f /dev/null || kill -KILL "$silo" 2>/dev/null || true
code=0
wait "$silo" || code=$?
trap - EXIT
[ "$code" -eq 0 ] || { cat "$work/silo.log" >&2; fail "the silo exited with $code on SIGTERM"; }
echo "replay: silo stopped on SIGTERM with exit code 0"
! probe || fail "HEALTHCHECK passed with no silo running"
echo "replay: HEALTHCHECK fails with the silo stopped"
echo "replay: ok"
