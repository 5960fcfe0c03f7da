using System.Text.Json;
using System.Text.Json.Serialization;

namespace Starmap.PowerShell;

/// <summary>
/// The connection <c>Connect-Starmap -Save</c> keeps for later sessions, in a per-user file
/// (<c>$XDG_CONFIG_HOME/starmap/connection.json</c>, else <c>~/.config/starmap/connection.json</c>; on Windows
/// <c>%APPDATA%\starmap\connection.json</c>). It holds only where the cluster is (gateways, IDs, TLS and pinned
/// certificate thumbprints, which are public): the Orleans connection needs no key, so nothing secret is ever saved.
/// </summary>
public sealed record ConnectionDefaults
{
    /// <summary>Name of the environment variable that lists the gateways (comma-separated host:port).</summary>
    public const string GatewayVariable = "STARMAP_GATEWAY";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Gateways as host:port.</summary>
    public IReadOnlyList<string> Gateways { get; init; } = [];

    /// <summary>The silo's cluster ID; null for the default.</summary>
    public string? ClusterId { get; init; }

    /// <summary>The silo's service ID; null for the default.</summary>
    public string? ServiceId { get; init; }

    /// <summary>Seconds to keep trying; null for the default.</summary>
    public int? TimeoutSec { get; init; }

    /// <summary>Connect with TLS.</summary>
    public bool UseTls { get; init; }

    /// <summary>Pinned silo certificate thumbprints (public values).</summary>
    public IReadOnlyList<string> TlsThumbprints { get; init; } = [];

    /// <summary>The per-user file the default lives in.</summary>
    public static string FilePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify), "starmap", "connection.json");

    /// <summary>The saved default, or null when none was saved. A file that cannot be read is an error naming it.</summary>
    public static ConnectionDefaults? Load()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ConnectionDefaults>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidSavedConnection",
                $"The saved connection '{path}' cannot be read ({ex.Message}); save it again with Connect-Starmap -Save, or delete the file", path, ex);
        }
    }

    /// <summary>Writes this default (readable by the user alone), replacing any earlier one whole.</summary>
    public void Save()
    {
        var path = FilePath;
        var directory = Path.GetDirectoryName(path)!;
        var temporary = path + $".{Guid.NewGuid():N}.tmp";
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.WriteAllText(temporary, "");
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            else
            {
                Directory.CreateDirectory(directory);
            }
            File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json) + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new StarmapCommandException(FailureKind.Failed, "SaveFailed", $"could not save the connection to '{path}': {ex.Message}", path, ex);
        }
    }

    /// <summary>Deletes the saved default; true when there was one.</summary>
    public static bool Clear()
    {
        var path = FilePath;
        if (!File.Exists(path))
        {
            return false;
        }
        File.Delete(path);
        return true;
    }

    /// <summary>The gateways <c>$env:STARMAP_GATEWAY</c> lists (comma- or space-separated), empty when unset.</summary>
    public static IReadOnlyList<string> FromEnvironment() =>
        (Environment.GetEnvironmentVariable(GatewayVariable) ?? "")
            .Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
