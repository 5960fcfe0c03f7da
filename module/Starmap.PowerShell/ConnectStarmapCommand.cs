using System.Management.Automation;

namespace Starmap.PowerShell.Commands;

/// <summary>Connect-Starmap: connects this PowerShell process to a Starmap cluster; every cmdlet and thread job reuses the connection.</summary>
[Cmdlet(VerbsCommunications.Connect, "Starmap")]
[OutputType("Starmap.PowerShell.StarmapConnectionInfo")]
public sealed class ConnectStarmapCommand : StarmapCmdlet
{
    /// <summary>Gateways as host:port; default Starmap__Client__Gateways__n, then 127.0.0.1:30000.</summary>
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
        };
        try
        {
            var info = Await(StarmapSession.ConnectAsync(request, Cancellation));
            WriteVerbose($"Connected to {string.Join(", ", info.Gateways)} (cluster '{info.ClusterId}', service '{info.ServiceId}').");
            WriteObject(Await(StarmapSession.GetStatusAsync()) ?? info);
        }
        catch (StarmapCommandException failure)
        {
            // Nothing else can run without a connection: always terminating.
            ThrowTerminatingError(ToRecord(failure));
        }
    }
}
