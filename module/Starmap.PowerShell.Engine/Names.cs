using System.Text.Json;

namespace Starmap.PowerShell;

/// <summary>
/// Value names as the module shows and accepts them: the contracts' JSON spelling (<c>tool_calls</c>,
/// <c>image</c>, <c>deprecated</c>). Parsing also accepts the C# spelling (<c>ToolCalls</c>), any case.
/// </summary>
public static class Names
{
    /// <summary>Every feature name.</summary>
    public static IReadOnlyList<string> Features { get; } = Enum.GetValues<Feature>().Select(Of).ToArray();

    /// <summary>Every modality name.</summary>
    public static IReadOnlyList<string> Modalities { get; } = Enum.GetValues<Modality>().Select(Of).ToArray();

    /// <summary>Every lifecycle status name.</summary>
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<LifecycleStatus>().Select(Of).ToArray();

    /// <summary>Sync sources a sync can be restricted to.</summary>
    public static IReadOnlyList<string> SyncSources { get; } = [SourceIds.ProviderApi, SourceIds.ModelsDev];

    internal static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    internal static string? OfKnown(LifecycleStatus status) => status == LifecycleStatus.Unknown ? null : Of(status);

    internal static string? OfKnown(Availability availability) => availability == Availability.Unknown ? null : Of(availability);

    internal static T Parse<T>(string text, string filter) where T : struct, Enum
    {
        var wanted = Normalize(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (Normalize(value.ToString()) == wanted)
            {
                return value;
            }
        }
        var known = string.Join(", ", Enum.GetValues<T>().Select(Of));
        throw new StarmapCommandException(FailureKind.InvalidArgument, "InvalidFilter",
            $"{filter} '{text}' is not one of: {known}", text);
    }

    internal static EquatableArray<T> ParseAll<T>(IEnumerable<string>? texts, string filter) where T : struct, Enum =>
        (texts ?? []).Select(t => Parse<T>(t, filter)).Distinct().ToEquatableArray();

    private static string Normalize(string text) =>
        new string(text.Where(c => c is not ('_' or '-' or ' ')).ToArray()).ToUpperInvariant();
}
