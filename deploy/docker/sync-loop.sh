#!/usr/bin/env bash
# The schedule of compose's sync service: runs the sync job now, then every STARMAP_SYNC_INTERVAL seconds
# (default 21600, six hours). Each run is the command line cron, systemd and the CronJob run; a failed run
# is logged and the loop goes on, so the next run retries. SIGTERM (docker stop) ends it between runs.
set -uo pipefail
interval=${STARMAP_SYNC_INTERVAL:-21600}
if ! [[ $interval =~ ^[1-9][0-9]*$ ]]; then
    echo "sync-loop: STARMAP_SYNC_INTERVAL must be a positive number of seconds, not '$interval'" >&2
    exit 2
fi
trap 'exit 0' TERM INT
while true; do
    /usr/bin/pwsh -NoProfile -NonInteractive -File /opt/starmap/Sync-Starmap.ps1
    code=$?
    [ "$code" -eq 0 ] || echo "sync-loop: the run failed with exit code $code; next run in ${interval}s"
    # In the background so SIGTERM is handled at once, not after the interval.
    sleep "$interval" &
    wait $!
done
