using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Connect-Starmap: connects this PowerShell process to a Starmap cluster; every cmdlet and thread job reuses the connection.</summary>
[Cmdlet(VerbsCommunications.Connect, "Starmap")]
[OutputType("Starmap.PowerShell.StarmapConnectionInfo")]
public sealed class ConnectStarmapCommand : StarmapCmdlet
{
    /// <inheritdoc/>
    protected override bool ConnectsOnFirstUse => false;

    /// <summary>Gateways as host:port; default $env:STARMAP_GATEWAY, then Starmap__Client__Gateways__n, then the saved connection, then 127.0.0.1:30000.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("Gateways")]
    public string[]? Gateway { get; set; }

    /// <summary>The silo's cluster ID (default starmap).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ClusterId { get; set; }

    /// <summary>The silo's service ID (default starmap).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? ServiceId { get; set; }

    /// <summary>Seconds to keep trying before giving up (default 10).</summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; }

    /// <summary>Connect with TLS; needed when the silos run with a certificate (Starmap:Tls).</summary>
    [Parameter]
    public SwitchParameter UseTls { get; set; }

    /// <summary>Silo certificate thumbprints to trust without a trusted chain; implies -UseTls.</summary>
    [Parameter]
    [ValidatePattern("^[0-9A-Fa-f: ]{40,59}$")]
    public string[]? TlsThumbprint { get; set; }

    /// <summary>
    /// Also save this connection (gateways, IDs, TLS settings; never a secret) as the default for later sessions:
    /// Connect-Starmap without arguments, and cmdlets run before any Connect-Starmap, then use it.
    /// </summary>
    [Parameter]
    public SwitchParameter Save { get; set; }

    /// <inheritdoc/>
    protected override void ProcessRecord()
    {
        var request = new ConnectRequest
        {
            Gateways = Gateway ?? [],
            ClusterId = ClusterId,
            ServiceId = ServiceId,
            ConnectTimeout = TimeoutSec > 0 ? TimeSpan.FromSeconds(TimeoutSec) : null,
            UseTls = UseTls.IsPresent,
            TlsThumbprints = TlsThumbprint ?? [],
            Save = Save.IsPresent,
        };
        try
        {
            var info = Await(StarmapSession.ConnectAsync(request, Cancellation));
            WriteVerbose($"Connected to {string.Join(", ", info.Gateways)} (from {info.Source}; cluster '{info.ClusterId}', service '{info.ServiceId}').");
            if (Save)
            {
                WriteVerbose($"Saved as the default connection in {ConnectionDefaults.FilePath}.");
            }
            WriteObject(Await(StarmapSession.GetStatusAsync()) ?? info);
        }
        catch (StarmapCommandException failure)
        {
            // Nothing else can run without a connection: always terminating.
            ThrowTerminatingError(ToRecord(failure));
        }
    }
}
