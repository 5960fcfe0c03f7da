# Connecting without arguments: $env:STARMAP_GATEWAY, the .NET client's Starmap__Client__* variables, or the
# default saved by Connect-Starmap -Save; and cmdlets that connect on first use. Each case runs in a fresh pwsh
# (a new session has no connection) with its own per-user config folder, so the user's real one is never touched.
Describe 'Connecting from the environment or a saved default' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:gateway = $env:STARMAP_GATEWAY
        $script:import = "Import-Module '$env:STARMAP_MODULE';"
        function New-ConfigHome { (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "starmap-config-$([guid]::NewGuid().ToString('N'))")).FullName }
        # No gateway from the test run itself: each case sets exactly what it tests.
        function Environment([hashtable] $With = @{}) {
            $e = @{ STARMAP_GATEWAY = $null; Starmap__Client__Gateways__0 = $null; XDG_CONFIG_HOME = (New-ConfigHome) }
            foreach ($k in $With.Keys) { $e[$k] = $With[$k] }
            $e
        }
    }

    It 'Connect-Starmap without arguments connects to $env:STARMAP_GATEWAY and says so' {
        $r = Invoke-FreshPwsh "$import `$c = Connect-Starmap; 'gateways=' + (`$c.Gateways -join ','); 'source=' + `$c.Source" (Environment @{ STARMAP_GATEWAY = $gateway })
        $r.Output | Should -Match "gateways=$([regex]::Escape($gateway))"
        $r.Output | Should -Match 'source=\$env:STARMAP_GATEWAY'
    }

    It 'a cmdlet run before any Connect-Starmap connects on first use from $env:STARMAP_GATEWAY' {
        $r = Invoke-FreshPwsh "$import 'id=' + (Get-StarmapProvider openai).ProviderId; 'source=' + (Get-StarmapConnection).Source" (Environment @{ STARMAP_GATEWAY = $gateway })
        $r.Output | Should -Match 'id=openai'
        $r.Output | Should -Match 'source=\$env:STARMAP_GATEWAY'
    }

    It 'a cmdlet connects on first use from the .NET client''s Starmap__Client__Gateways__0' {
        $r = Invoke-FreshPwsh "$import 'id=' + (Get-StarmapProvider openai).ProviderId; 'source=' + (Get-StarmapConnection).Source" (Environment @{ Starmap__Client__Gateways__0 = $gateway })
        $r.Output | Should -Match 'id=openai'
        $r.Output | Should -Match 'source=\$env:Starmap__Client__Gateways__\*'
    }

    It 'Connect-Starmap -Save writes a per-user default holding no secret, and a new session connects from it on first use' {
        $env1 = Environment
        $saved = Join-Path $env1.XDG_CONFIG_HOME 'starmap/connection.json'
        $r = Invoke-FreshPwsh "$import `$null = Connect-Starmap -Gateway '$gateway' -TimeoutSec 20 -Save; 'saved'" $env1
        $r.Output | Should -Match 'saved'
        $saved | Should -Exist
        $json = Get-Content -Raw $saved | ConvertFrom-Json
        $json.gateways | Should -Be @($gateway)
        $json.timeoutSec | Should -Be 20
        # Only where the cluster is: nothing that could be a key or password.
        $json.PSObject.Properties.Name | Where-Object { $_ -notin 'gateways', 'clusterId', 'serviceId', 'timeoutSec', 'useTls', 'tlsThumbprints' } | Should -BeNullOrEmpty
        if (-not $IsWindows) { ([IO.File]::GetUnixFileMode($saved) -band [IO.UnixFileMode]'GroupRead, OtherRead') | Should -Be 0 }

        $r = Invoke-FreshPwsh "$import 'id=' + (Get-StarmapProvider openai).ProviderId; 'source=' + (Get-StarmapConnection).Source" @{ STARMAP_GATEWAY = $null; XDG_CONFIG_HOME = $env1.XDG_CONFIG_HOME }
        $r.Output | Should -Match 'id=openai'
        $r.Output | Should -Match 'source=the saved connection'
        Remove-Item -Recurse -Force $env1.XDG_CONFIG_HOME
    }

    It '$env:STARMAP_GATEWAY wins over the saved default' {
        $env1 = Environment
        $dead = "127.0.0.1:$(Get-FreePort)"
        $null = Invoke-FreshPwsh "$import `$null = Connect-Starmap -Gateway '$gateway' -Save" $env1
        $r = Invoke-FreshPwsh "$import try { Connect-Starmap -TimeoutSec 2 } catch { 'error=' + `$_.Exception.Message }" @{ STARMAP_GATEWAY = $dead; XDG_CONFIG_HOME = $env1.XDG_CONFIG_HOME }
        $r.Output | Should -Match "error=No Starmap silo answered at $([regex]::Escape($dead))"
        Remove-Item -Recurse -Force $env1.XDG_CONFIG_HOME
    }

    It 'after Disconnect-Starmap cmdlets stay disconnected, with a NotConnected error that says how to connect' {
        $r = Invoke-FreshPwsh "$import `$null = Get-StarmapProvider openai; Disconnect-Starmap; try { Get-StarmapProvider openai } catch { 'id=' + `$_.FullyQualifiedErrorId; 'message=' + `$_.Exception.Message }" (Environment @{ STARMAP_GATEWAY = $gateway })
        $r.Output | Should -Match 'id=NotConnected'
        $r.Output | Should -Match 'message=.*Connect-Starmap.*STARMAP_GATEWAY.*-Save'
    }

    It 'with no gateway variable and no saved default a cmdlet fails at once with NotConnected, never trying a silo' {
        $r = Invoke-FreshPwsh "$import try { Get-StarmapModel -First 1 } catch { 'id=' + `$_.FullyQualifiedErrorId }; 'connection=' + [bool](Get-StarmapConnection)" (Environment)
        $r.Output | Should -Match 'id=NotConnected'
        $r.Output | Should -Match 'connection=False'
    }

    It 'a first use that finds no silo fails naming the gateway, where it came from and what to check, without Orleans'' retry text' {
        $dead = "127.0.0.1:$(Get-FreePort)"
        $r = Invoke-FreshPwsh "$import try { Get-StarmapModel -First 1 } catch { 'id=' + `$_.FullyQualifiedErrorId; 'message=' + `$_.Exception.Message }" (Environment @{ STARMAP_GATEWAY = $dead; Starmap__Client__ConnectTimeout = '00:00:02' })
        $r.Output | Should -Match 'id=ConnectionFailed'
        $r.Output | Should -Match "message=No Starmap silo answered at $([regex]::Escape($dead)) \(from \`$env:STARMAP_GATEWAY\) within 2 s\. Check that the silo is running"
        $r.Output | Should -Not -Match 'will retry after|S127\.0\.0\.1'
    }

    It 'a saved default that is not valid JSON is an error naming the file' {
        $env1 = Environment
        New-Item -ItemType Directory -Path (Join-Path $env1.XDG_CONFIG_HOME 'starmap') | Out-Null
        Set-Content -Path (Join-Path $env1.XDG_CONFIG_HOME 'starmap/connection.json') -Value '{ not json'
        $r = Invoke-FreshPwsh "$import try { Connect-Starmap } catch { 'id=' + `$_.FullyQualifiedErrorId; 'message=' + `$_.Exception.Message }" $env1
        $r.Output | Should -Match 'id=InvalidSavedConnection'
        $r.Output | Should -Match 'connection\.json'
        Remove-Item -Recurse -Force $env1.XDG_CONFIG_HOME
    }
}
