using Microsoft.Extensions.Options;

namespace Starmap.Silo;

/// <summary>
/// Turns settings that failed validation (at the early read or at host start) into the one line an
/// operator reads: <c>starmap: Starmap:Http:MaxImportBytes must be positive, not 0</c>, no stack trace.
/// </summary>
internal static class StartupFailure
{
    /// <summary>
    /// Runs the ValidateOnStart checks now, before the host starts: the host would run them too, but log
    /// a refusal with its stack trace first.
    /// </summary>
    public static void ValidateSettings(IServiceProvider services) =>
        (services.GetService(typeof(IStartupValidator)) as IStartupValidator)?.Validate();

    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => "starmap: " + string.Join("; ", invalid.Failures),
        AggregateException { InnerExceptions: var inner } when inner.Count > 0 && inner.All(e => e is OptionsValidationException) =>
            "starmap: " + string.Join("; ", inner.Cast<OptionsValidationException>().SelectMany(e => e.Failures)),
        // A value the configuration binder cannot turn into the setting's type ("maybe" for a true/false): its
        // message names the key, the value and the type.
        InvalidOperationException { InnerException: not null } bind
            when bind.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => "starmap: " + bind.Message,
        _ => null,
    };
}
