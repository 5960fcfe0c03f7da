namespace Starmap;

/// <summary>Base of the errors Starmap reports to callers.</summary>
[GenerateSerializer, Alias("starmap.error")]
public class StarmapException : Exception
{
    /// <summary>Creates the error.</summary>
    public StarmapException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>Input broke a rule. Names the field, the offending value and the rule.</summary>
[GenerateSerializer, Alias("starmap.validation-error")]
public sealed class StarmapValidationException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public StarmapValidationException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapValidationException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapValidationException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="field"/>.</summary>
    public StarmapValidationException(string field, string? value, string reason)
        : base(Describe(field, value, reason))
    {
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>The field, as a path such as <c>offerings[3].pricing.tokens.input</c>.</summary>
    [Id(0)] public string Field { get; private set; } = "";

    /// <summary>The offending value (shortened and escaped), or null when absent.</summary>
    [Id(1)] public string? Value { get; private set; }

    /// <summary>The rule it broke.</summary>
    [Id(2)] public string Reason { get; private set; } = "";

    private static string Describe(string field, string? value, string reason) =>
        value is null ? $"{field}: {reason}" : $"{field} '{Printable(value)}': {reason}";

    /// <summary>A value made safe to print: control characters escaped, long values shortened.</summary>
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Escape(value.Length > 80 ? value[..80] + "…" : value);
    }

    /// <summary>
    /// <paramref name="value"/> with control characters (NUL, newlines), format characters (U+202E
    /// right-to-left override, zero-width joiners) and line/paragraph separators written as <c>\uXXXX</c>,
    /// so a value can neither forge a log line nor reorder the text around it.
    /// </summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

/// <summary>The entity asked for does not exist.</summary>
[GenerateSerializer, Alias("starmap.not-found-error")]
public sealed class StarmapNotFoundException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public StarmapNotFoundException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapNotFoundException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="kind"/> <paramref name="id"/>.</summary>
    public StarmapNotFoundException(string kind, string id)
        : base($"{kind} '{StarmapValidationException.Printable(id)}' was not found")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>provider, author, model or definition.</summary>
    [Id(0)] public string Kind { get; private set; } = "";

    /// <summary>The ID looked for.</summary>
    [Id(1)] public string Id { get; private set; } = "";
}

/// <summary>A write expected a version the entity no longer has.</summary>
[GenerateSerializer, Alias("starmap.conflict-error")]
public sealed class StarmapConflictException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public StarmapConflictException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapConflictException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapConflictException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="kind"/> <paramref name="id"/>, which is at <paramref name="currentVersion"/>.</summary>
    public StarmapConflictException(string kind, string id, long expectedVersion, long currentVersion)
        : base($"{kind} '{StarmapValidationException.Printable(id)}' changed since it was read: it is at version {currentVersion}, not {expectedVersion}")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        CurrentVersion = currentVersion;
    }

    /// <summary>provider, author or model; empty when the error was created from a message only.</summary>
    [Id(0)] public string Kind { get; private set; } = "";

    /// <summary>The ID written to.</summary>
    [Id(1)] public string Id { get; private set; } = "";

    /// <summary>The version the write expected (the one the caller read).</summary>
    [Id(2)] public long ExpectedVersion { get; private set; }

    /// <summary>The version the entity is at now: read at least this one before retrying.</summary>
    [Id(3)] public long CurrentVersion { get; private set; }
}

/// <summary>A create named an entity that already exists.</summary>
[GenerateSerializer, Alias("starmap.already-exists-error")]
public sealed class StarmapAlreadyExistsException : StarmapException
{
    /// <summary>Creates the error.</summary>
    public StarmapAlreadyExistsException() { }

    /// <summary>Creates the error with a message.</summary>
    public StarmapAlreadyExistsException(string message) : base(message) { }

    /// <summary>Creates the error with a message and a cause.</summary>
    public StarmapAlreadyExistsException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the error for <paramref name="kind"/> <paramref name="id"/>.</summary>
    public StarmapAlreadyExistsException(string kind, string id)
        : base($"{kind} '{StarmapValidationException.Printable(id)}' already exists")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>provider, author or model.</summary>
    [Id(0)] public string Kind { get; private set; } = "";

    /// <summary>The ID asked for.</summary>
    [Id(1)] public string Id { get; private set; } = "";
}
