using Starmap.Catalog.Validation;
using Starmap.Formats.Yaml;

namespace Starmap.Formats.StarmapYaml;

/// <summary>
/// Starmap allows dots in author IDs (<c>01.ai</c>, <c>h2o.ai</c>); IDs here are kebab-case, so a dot
/// becomes a hyphen wherever such an ID appears (the author entry, folders, references), with a warning.
/// Any other invalid ID is left as written for the validator to refuse.
/// </summary>
internal sealed class StarmapIds(WarningList warnings)
{
    public string Entity(string raw, string kind, string file, long line)
    {
        if (IdRules.IsEntityId(raw) || !raw.Contains('.', StringComparison.Ordinal))
        {
            return raw;
        }
        var dashed = raw.Replace('.', '-');
        if (!IdRules.IsEntityId(dashed))
        {
            return raw;
        }
        warnings.Add($"{kind} ID '{raw}' is imported as '{dashed}' (IDs here are lower-case kebab-case)", file, line);
        return dashed;
    }

    /// <summary>An <c>author/slug</c> reference with its author part normalized like an author ID.</summary>
    public string Definition(string raw, string file, long line)
    {
        var slash = raw.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? raw : Entity(raw[..slash], "author", file, line) + raw[slash..];
    }
}
