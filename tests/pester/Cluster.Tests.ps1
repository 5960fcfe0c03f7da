# The module against a two-silo cluster on Redis with TLS: several gateways, a pinned self-signed
# certificate, and a silo killed under it. Starts its own redis-server and silo processes.
Describe 'A cluster on Redis with TLS' -Tag CI {
    BeforeAll {
        . $PSScriptRoot/Common.ps1
        $script:work = Join-Path ([System.IO.Path]::GetTempPath()) "starmap-e2e/pester-cluster-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $work
        $redisServer = if ($env:STARMAP_REDIS_SERVER) { $env:STARMAP_REDIS_SERVER } else { (Get-Command redis-server -ErrorAction Stop).Source }

        # A throwaway self-signed certificate for the silos, as a password-protected .pfx.
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=starmap-pester', $rsa,
            [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddMinutes(-5), [DateTimeOffset]::UtcNow.AddDays(1))
        $script:thumbprint = $certificate.Thumbprint
        $script:pfxPassword = [guid]::NewGuid().ToString('N')
        $pfx = Join-Path $work 'silo.pfx'
        [System.IO.File]::WriteAllBytes($pfx, $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $pfxPassword))

        $redisPort = Get-FreePort
        $script:redis = Start-Process -FilePath $redisServer -PassThru -RedirectStandardOutput (Join-Path $work 'redis.log') -ArgumentList @(
            '--port', $redisPort, '--bind', '127.0.0.1', '--dir', $work, '--appendonly', 'yes', '--appendfsync', 'always',
            '--pidfile', (Join-Path $work 'redis.pid'))
        $script:serviceId = "pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script:silos = @()
        foreach ($n in 1..2) {
            $ports = 1..3 | ForEach-Object { Get-FreePort }
            $log = Join-Path $work "silo$n.log"
            $environment = @{ Starmap__Tls__CertificatePath = $pfx; Starmap__Tls__CertificatePassword = $pfxPassword; Starmap__Membership__ProbeTimeout = '00:00:02'; Starmap__Membership__NumMissedProbesLimit = '2' }
            foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
            $process = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput $log -RedirectStandardError "$log.err" -ArgumentList @(
                $env:STARMAP_SILO_DLL, '--clustering', 'Redis', '--redis', "127.0.0.1:$redisPort", '--advertised-address', '127.0.0.1',
                '--silo-port', $ports[0], '--gateway-port', $ports[1], '--http-port', $ports[2], '--service-id', $serviceId, '--cluster-id', $serviceId)
            foreach ($name in $environment.Keys) { Remove-Item "env:$name" -ErrorAction SilentlyContinue }
            $script:silos += [pscustomobject]@{ Process = $process; Gateway = "127.0.0.1:$($ports[1])"; Log = $log }
        }
        foreach ($silo in $silos) {
            $deadline = [DateTime]::UtcNow.AddSeconds(90)
            while (-not (Select-String -Path $silo.Log -Pattern 'Starmap silo ready' -Quiet -ErrorAction SilentlyContinue)) {
                if ($silo.Process.HasExited) { throw "silo exited: $(Get-Content -Raw $silo.Log)" }
                if ([DateTime]::UtcNow -gt $deadline) { throw "silo not ready: $(Get-Content -Raw $silo.Log)" }
                Start-Sleep -Milliseconds 100
            }
        }
    }

    AfterAll {
        foreach ($silo in $silos) { if (-not $silo.Process.HasExited) { $silo.Process.Kill() } }
        if ($redis -and -not $redis.HasExited) { $redis.Kill(); $redis.WaitForExit() }
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
    }

    It 'refuses to connect without TLS, with ConnectionFailed' {
        { Connect-Starmap -Gateway $silos[0].Gateway -ClusterId $serviceId -ServiceId $serviceId -TimeoutSec 5 } |
            Should -Throw -ErrorId 'ConnectionFailed,*'
    }

    It 'connects to both gateways over TLS with the pinned certificate' {
        $c = Connect-Starmap -Gateway $silos.Gateway -ClusterId $serviceId -ServiceId $serviceId -TlsThumbprint $thumbprint
        $c.Gateways | Should -Be @($silos.Gateway)
        $c.Tls | Should -BeTrue
        (Get-StarmapConnection).Tls | Should -BeTrue
        (Get-StarmapProvider openai).ProviderId | Should -Be 'openai'
    }

    It 'keeps working through the other gateway after one silo is killed' {
        New-StarmapModel -Provider openai -Id 'pester/cluster@v1' -Name 'Before the kill' -ContextWindow 1000
        $silos[0].Process.Kill()
        # Until the dead silo is declared dead, calls to grains it held fail; then they move to the survivor.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        $written = $null
        while (-not $written) {
            try { $written = Set-StarmapModel -Provider openai -Id 'pester/cluster@v1' -Name 'After the kill' -PassThru -ErrorAction Stop } catch { }
            if (-not $written) {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'the cluster did not take a write through the surviving gateway within 60 s' }
                Start-Sleep -Milliseconds 200
            }
        }
        $written.Name | Should -Be 'After the kill'
        (Get-StarmapProvider openai | Get-StarmapModel -Id 'pester/cluster@v1').Name | Should -Be 'After the kill'
    }

    It 'never writes the certificate password to a silo log' {
        foreach ($silo in $silos) { Get-Content -Raw $silo.Log | Should -Not -Match $pfxPassword }
    }
}
