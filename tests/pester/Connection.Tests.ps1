Describe 'Connection' -Tag CI {
    BeforeAll { . $PSScriptRoot/Common.ps1 }

    It 'Get-StarmapConnection shows the gateway and the catalog generation' {
        $c = Get-StarmapConnection
        $c.Gateways | Should -Be @($env:STARMAP_GATEWAY)
        $c.ClusterId | Should -Be 'starmap'
        $c.Generation | Should -BeGreaterThan 0
        $c.Providers | Should -BeGreaterOrEqual 9
    }

    It 'Connect-Starmap fails fast with ConnectionFailed naming the gateway when nothing listens' {
        $port = Get-FreePort
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $err = { Connect-Starmap -Gateway "127.0.0.1:$port" -TimeoutSec 5 } | Should -Throw -ErrorId 'ConnectionFailed,*' -PassThru
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 15
        $err.Exception.Message | Should -BeLike "*127.0.0.1:$port*"
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'connects through any of several gateways' {
        $dead = "127.0.0.1:$(Get-FreePort)"
        $c = Connect-Starmap -Gateway $dead, $env:STARMAP_GATEWAY
        $c.Gateways | Should -Be @($dead, $env:STARMAP_GATEWAY)
        (Get-StarmapProvider openai).ProviderId | Should -Be 'openai'
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
    }

    It 'a failed Connect-Starmap keeps the previous connection' {
        $port = Get-FreePort
        { Connect-Starmap -Gateway "127.0.0.1:$port" -TimeoutSec 2 } | Should -Throw
        (Get-StarmapProvider openai).ProviderId | Should -Be 'openai'
    }

    It 'rejects a gateway that is not host:port with InvalidGateway' {
        { Connect-Starmap -Gateway 'no-port-here' } | Should -Throw -ErrorId 'InvalidGateway,*'
    }

    It 'reads Starmap__Client__* like any .NET client, and names a bad value with InvalidConfiguration' {
        $env:Starmap__Client__ConnectTimeout = 'soon'
        try {
            { Connect-Starmap -Gateway $env:STARMAP_GATEWAY } | Should -Throw -ErrorId 'InvalidConfiguration,*'
        }
        finally {
            Remove-Item Env:Starmap__Client__ConnectTimeout
        }
        $env:Starmap__Client__Gateways__0 = $env:STARMAP_GATEWAY
        try {
            (Connect-Starmap).Gateways | Should -Be @($env:STARMAP_GATEWAY)
        }
        finally {
            Remove-Item Env:Starmap__Client__Gateways__0
        }
    }

    It 'thread jobs reuse the session connection without connecting again' {
        $ids = Start-ThreadJob { Import-Module $env:STARMAP_MODULE; (Get-StarmapProvider openai).ProviderId } | Receive-Job -Wait -AutoRemoveJob
        $ids | Should -Be 'openai'
    }

    It 'after Disconnect-Starmap cmdlets stop with NotConnected, and Connect-Starmap restores them' {
        Disconnect-Starmap
        Get-StarmapConnection | Should -BeNullOrEmpty
        { Get-StarmapModel -First 1 } | Should -Throw -ErrorId 'NotConnected,*'
        $null = Connect-Starmap -Gateway $env:STARMAP_GATEWAY
        (Get-StarmapModel -First 1) | Should -Not -BeNullOrEmpty
    }
}
