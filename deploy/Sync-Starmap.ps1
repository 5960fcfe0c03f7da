#!/usr/bin/env pwsh
<#
.SYNOPSIS
Syncs Starmap providers from outside the cluster: the job that cron, systemd timers and Kubernetes CronJobs run.

.DESCRIPTION
Connects with Connect-Starmap, syncs providers with Sync-StarmapProvider, logs one line per provider with
its changeset summary, and exits 1 when a sync was rejected or failed or the cluster did not answer (0
otherwise; a provider skipped for a missing key is a warning, not a failure).

Everything is configured through the environment, so the command line stays the same everywhere:
  Starmap__Client__Gateways__0..n, Starmap__Client__ClusterId, Starmap__Client__ServiceId
                           where the cluster is (read by Connect-Starmap; default 127.0.0.1:30000;
                           STARMAP_GATEWAY, when set, names the gateways instead of ..Gateways__n)
  STARMAP_SYNC_PROVIDERS   comma-separated provider IDs (default: every provider in the catalog)
  STARMAP_SYNC_SOURCES     comma-separated sources: provider-api, models.dev (default: both)
  STARMAP_SYNC_FORCE       1 to apply past the plausibility guard
  STARMAP_MODULE           the module manifest's path, when the module is not installed in PSModulePath
The sync itself runs in the silo, with the silo's API keys.
#>
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'

function Log([string] $message) { '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [DateTime]::UtcNow, $message }
function List([string] $value) { @($value -split ',' | ForEach-Object Trim | Where-Object { $_ }) }

try {
    Import-Module ($env:STARMAP_MODULE ? $env:STARMAP_MODULE : 'Starmap')
    $connection = Connect-Starmap
    Log "connected to $($connection.Gateways -join ', ') (cluster '$($connection.ClusterId)')"

    $sync = @{ PassThru = $true; ErrorAction = 'Continue'; ErrorVariable = 'syncErrors'; WarningVariable = 'syncWarnings'; WarningAction = 'SilentlyContinue' }
    if ($env:STARMAP_SYNC_SOURCES) { $sync.Source = List $env:STARMAP_SYNC_SOURCES }
    if ($env:STARMAP_SYNC_FORCE -eq '1') { $sync.Force = $true }
    if ($env:STARMAP_SYNC_PROVIDERS) { $sync.Provider = List $env:STARMAP_SYNC_PROVIDERS } else { $sync.All = $true }
    $results = @(Sync-StarmapProvider @sync 2>$null)

    foreach ($r in $results) {
        $line = '{0} {1}: {2} added, {3} updated, {4} removed, {5} definitions' -f $r.ProviderId, $r.Status, $r.Added, $r.Updated, $r.Removed, $r.Definitions
        if ($r.Reason) { $line += " ($($r.Reason))" }
        Log $line
    }
    foreach ($w in $syncWarnings) { Log "warning: $w" }
    foreach ($e in $syncErrors) { Log "error: $($e.Exception.Message)" }

    $failed = @($results | Where-Object Status -in 'Rejected', 'Failed').Count + @($syncErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'SyncRejected*' -and $_.FullyQualifiedErrorId -notlike 'SyncFailed*' }).Count
    Log "done: $($results.Count) providers, $failed failed"
    exit ([int]($failed -gt 0))
}
catch {
    Log "error: $($_.Exception.Message)"
    exit 1
}
